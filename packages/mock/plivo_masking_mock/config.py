"""What the mock is configured with: accounts (credentials and number pools) and behaviour knobs.

A config file is TOML (or JSON, by extension), for example::

    defaults_profile = "observed"      # or "documented"
    list_window_days = 7               # 0: list without the default 7-day window
    max_body_bytes = 65536
    rate_limit = "300/5s"              # per account, sliding window (see ratelimit.py)

    [callbacks]                        # delivery of callbacks (see callbacks/policy.py)
    timeout = 5.0                      # seconds per attempt
    attempts = 3                       # in all; 1: no retry
    backoff = 1.0                      # seconds before the second attempt, doubling

    [chaos]                            # off unless present (see chaos.py)
    error_rate = 0.1
    statuses = [429, 503]
    seed = 7
    immutable_fields = "accept-if-equal"   # or "reject", "ignore" (update's x-immutable-fields)
    string_booleans = "reject"         # or "accept" ("true"/"false" strings for booleans)

    [defaults]                         # overrides of create's defaults
    session_expiry = 600

    [[accounts]]
    auth_id = "MAXXXXXXXXXXXXXXXXXX"
    auth_token = "secret"
    numbers = ["+12025550100", "+12025550101"]

    [[accounts]]                       # a sub-account of the account above
    auth_id = "SAXXXXXXXXXXXXXXXXXX"
    auth_token = "other-secret"
    parent = "MAXXXXXXXXXXXXXXXXXX"
    numbers = ["+12025550150"]
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Any

from plivo_masking_mock.callbacks.policy import DeliveryPolicy, DeliveryPolicyError, delivery_policy
from plivo_masking_mock.chaos import ChaosError, ChaosSettings, chaos_settings
from plivo_masking_mock.formats import bare_number
from plivo_masking_mock.ratelimit import RateLimit, RateLimitError, parse_rate_limit

PROFILES = ("observed", "documented")
DEMO_AUTH_ID = "MAMOCKDEMOACCOUNT001"
DEMO_AUTH_TOKEN = "mock-demo-token"
# 555-0100 to 555-0199 are the North American numbers reserved for fiction.
DEMO_NUMBERS = tuple(f"+1202555010{digit}" for digit in range(5))
DEFAULT_MAX_BODY_BYTES = 64 * 1024
DEFAULT_LIST_WINDOW_DAYS = 7
# The mock's switchable choices (rules the spec labels `chosen`); the first is the default.
IMMUTABLE_FIELDS_MODES = ("accept-if-equal", "reject", "ignore")
STRING_BOOLEANS_MODES = ("reject", "accept")


class ConfigError(ValueError):
    pass


@dataclass(frozen=True)
class Account:
    auth_id: str
    auth_token: str = field(repr=False)  # a secret: never in a repr, a log or an error
    numbers: tuple[str, ...] = DEMO_NUMBERS  # E.164, as configured
    parent: str | None = None  # the main account of a sub-account

    @cached_property
    def pool(self) -> tuple[str, ...]:
        """The virtual numbers as sessions carry them (digits, no `+`)."""
        return tuple(bare_number(number) for number in self.numbers)


@dataclass(frozen=True)
class MockConfig:
    accounts: tuple[Account, ...] = (Account(DEMO_AUTH_ID, DEMO_AUTH_TOKEN),)
    defaults_profile: str = "observed"
    default_overrides: Mapping[str, Any] = field(default_factory=dict)
    list_window_days: int = DEFAULT_LIST_WINDOW_DAYS
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES
    immutable_fields: str = IMMUTABLE_FIELDS_MODES[0]
    string_booleans: str = STRING_BOOLEANS_MODES[0]
    uses_demo_account: bool = True
    chaos: ChaosSettings | None = None  # chaos from the start (None: none)
    rate_limit: RateLimit | None = None  # per account (None: unlimited)
    callbacks: DeliveryPolicy = field(default_factory=DeliveryPolicy)  # delivery and retries
    # Where the settings came from, for error messages: a config file's path, or the flags.
    source: str = field(default="the built-in configuration", compare=False)

    def __post_init__(self) -> None:
        if self.defaults_profile not in PROFILES:
            raise ConfigError(
                f"defaults_profile must be one of {', '.join(PROFILES)}, "
                f"not {self.defaults_profile!r}"
            )
        for key, modes in (
            ("immutable_fields", IMMUTABLE_FIELDS_MODES),
            ("string_booleans", STRING_BOOLEANS_MODES),
        ):
            if getattr(self, key) not in modes:
                raise ConfigError(
                    f"{key} must be one of {', '.join(modes)}, not {getattr(self, key)!r}"
                )
        if not self.accounts:
            raise ConfigError("at least one account is needed")
        seen: set[str] = set()
        for account in self.accounts:
            if account.auth_id in seen:
                raise ConfigError(f"account {account.auth_id} is configured twice")
            seen.add(account.auth_id)
            if not account.numbers:
                raise ConfigError(f"account {account.auth_id} has an empty number pool")
        for account in self.accounts:
            if account.parent is not None and account.parent not in seen:
                raise ConfigError(f"{account.auth_id}: unknown parent account {account.parent}")
        if self.max_body_bytes < 1:
            raise ConfigError("max_body_bytes must be positive")
        if self.list_window_days < 0:
            raise ConfigError("list_window_days must be 0 (no window) or more")

    def account(self, auth_id: str) -> Account | None:
        for account in self.accounts:
            if account.auth_id == auth_id:
                return account
        return None

    def with_accounts(self, accounts: Sequence[Account]) -> MockConfig:
        return replace(self, accounts=tuple(accounts), uses_demo_account=False)


def load_config(path: Path | str) -> MockConfig:
    """The config file at `path`; ConfigError naming the file and what is wrong in it."""
    config_path = Path(path)
    try:
        text = config_path.read_text(encoding="utf-8")
        raw: Any = json.loads(text) if config_path.suffix == ".json" else tomllib.loads(text)
    except (OSError, ValueError) as error:
        raise ConfigError(f"cannot read config {config_path}: {error}") from error
    if not isinstance(raw, dict):
        raise ConfigError(f"{config_path}: the top level must be a table/object")
    try:
        return replace(config_from_mapping(raw), source=str(config_path))
    except ConfigError as error:
        raise ConfigError(f"{config_path}: {error}") from None


def config_from_mapping(raw: Mapping[str, Any]) -> MockConfig:
    known = {"accounts", "defaults_profile", "defaults", "list_window_days", "max_body_bytes"}
    known |= {"chaos", "rate_limit", "immutable_fields", "string_booleans", "callbacks"}
    unknown = set(raw) - known
    if unknown:
        raise ConfigError(f"unknown config keys: {', '.join(sorted(unknown))}")
    kwargs: dict[str, Any] = {}
    if "accounts" in raw:
        kwargs["accounts"] = tuple(_account(item) for item in raw["accounts"])
        kwargs["uses_demo_account"] = False
    for key in ("defaults_profile", "immutable_fields", "string_booleans"):
        if key in raw:
            kwargs[key] = str(raw[key])
    if "defaults" in raw:
        if not isinstance(raw["defaults"], dict):
            raise ConfigError("defaults must be a table of parameter = value")
        kwargs["default_overrides"] = dict(raw["defaults"])
    for key in ("list_window_days", "max_body_bytes"):
        if key in raw:
            if not isinstance(raw[key], int) or isinstance(raw[key], bool):
                raise ConfigError(f"{key} must be an integer")
            kwargs[key] = raw[key]
    kwargs.update(_behaviour_settings(raw))
    return MockConfig(**kwargs)


def _behaviour_settings(raw: Mapping[str, Any]) -> dict[str, Any]:
    """The `chaos` and `callbacks` tables and the `rate_limit` string, parsed."""
    kwargs: dict[str, Any] = {}
    if "chaos" in raw:
        kwargs["chaos"] = _table(raw, "chaos", chaos_settings, ChaosError)
    if "callbacks" in raw:
        kwargs["callbacks"] = _table(raw, "callbacks", delivery_policy, DeliveryPolicyError)
    if "rate_limit" in raw:
        try:
            kwargs["rate_limit"] = parse_rate_limit(str(raw["rate_limit"]))
        except RateLimitError as error:
            raise ConfigError(f"rate_limit: {error}") from None
    return kwargs


def _table(
    raw: Mapping[str, Any],
    key: str,
    parse: Callable[[Mapping[str, Any]], Any],
    error: type[ValueError],
) -> Any:
    """The table `raw[key]`, parsed by its module's `parse`; its `error`, as a ConfigError."""
    if not isinstance(raw[key], dict):
        raise ConfigError(f"{key} must be a table of setting = value")
    try:
        return parse(raw[key])
    except error as problem:
        raise ConfigError(f"{key}: {problem}") from None


def parse_account_flag(text: str) -> Account:
    """`AUTH_ID:AUTH_TOKEN[:NUMBER,NUMBER...]` from the command line."""
    parts = text.split(":", 2)
    if len(parts) < 2 or not parts[0] or not parts[1]:
        # The flag holds a secret: the message names what is missing, never echoes the text.
        missing = "AUTH_ID" if not parts[0] else "AUTH_TOKEN"
        raise ConfigError(f"--account wants AUTH_ID:AUTH_TOKEN[:NUMBER,...]; {missing} is empty")
    raw: dict[str, Any] = {"auth_id": parts[0], "auth_token": parts[1]}
    if len(parts) == 3:
        raw["numbers"] = [number for number in parts[2].split(",") if number]
    return _account(raw)


def _account(raw: Any) -> Account:
    if not isinstance(raw, dict):
        raise ConfigError("each account must be a table/object")
    unknown = set(raw) - {"auth_id", "auth_token", "numbers", "parent"}
    if unknown:
        raise ConfigError(f"unknown account keys: {', '.join(sorted(unknown))}")
    try:
        auth_id = str(raw["auth_id"])
        auth_token = str(raw["auth_token"])
    except KeyError as error:
        raise ConfigError(f"an account lacks {error.args[0]}") from error
    numbers = raw.get("numbers", DEMO_NUMBERS)
    if isinstance(numbers, str) or not isinstance(numbers, Sequence):
        raise ConfigError(f"{auth_id}: numbers must be a list of phone numbers")
    parent = raw.get("parent")
    return Account(
        auth_id=auth_id,
        auth_token=auth_token,
        numbers=tuple(str(number) for number in numbers),
        parent=str(parent) if parent is not None else None,
    )
