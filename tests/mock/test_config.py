"""Config files and flags: accounts, pools, defaults; checked against the spec at start-up."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from plivo_masking_mock.app import MockApp
from plivo_masking_mock.config import (
    DEMO_AUTH_ID,
    Account,
    ConfigError,
    MockConfig,
    config_from_mapping,
    load_config,
    parse_account_flag,
)


def test_demo_config() -> None:
    config = MockConfig()
    assert config.uses_demo_account
    assert config.accounts[0].auth_id == DEMO_AUTH_ID
    assert len(config.accounts[0].pool) == 5
    assert config.defaults_profile == "observed"


def test_toml_and_json(tmp_path: Path) -> None:
    raw = {
        "defaults_profile": "documented",
        "list_window_days": 0,
        "max_body_bytes": 2048,
        "defaults": {"ring_timeout": 30},
        "accounts": [
            {"auth_id": "MAAAAAAAAAAAAAAAAAA1", "auth_token": "t", "numbers": ["+12025550160"]},
            {
                "auth_id": "SAAAAAAAAAAAAAAAAAA1",
                "auth_token": "u",
                "parent": "MAAAAAAAAAAAAAAAAAA1",
            },
        ],
    }
    (tmp_path / "mock.json").write_text(json.dumps(raw))
    (tmp_path / "mock.toml").write_text(
        'defaults_profile = "documented"\nlist_window_days = 0\nmax_body_bytes = 2048\n'
        "[defaults]\nring_timeout = 30\n"
        '[[accounts]]\nauth_id = "MAAAAAAAAAAAAAAAAAA1"\nauth_token = "t"\n'
        'numbers = ["+12025550160"]\n'
        '[[accounts]]\nauth_id = "SAAAAAAAAAAAAAAAAAA1"\nauth_token = "u"\n'
        'parent = "MAAAAAAAAAAAAAAAAAA1"\n'
    )
    from_json = load_config(tmp_path / "mock.json")
    assert load_config(tmp_path / "mock.toml") == from_json
    assert not from_json.uses_demo_account
    assert from_json.accounts[0].pool == ("12025550160",)
    assert from_json.accounts[1].parent == "MAAAAAAAAAAAAAAAAAA1"
    assert from_json.default_overrides == {"ring_timeout": 30}


@pytest.mark.parametrize(
    "raw",
    [
        {"colour": "blue"},
        {"defaults_profile": "guessed"},
        {"accounts": []},
        {"accounts": [{"auth_id": "MA1"}]},
        {"accounts": [{"auth_id": "MA1", "auth_token": "t", "numbers": []}]},
        {"accounts": [{"auth_id": "MA1", "auth_token": "t", "numbers": "+1202"}]},
        {"accounts": [{"auth_id": "SA1", "auth_token": "t", "parent": "MA9"}]},
        {
            "accounts": [
                {"auth_id": "MA1", "auth_token": "t"},
                {"auth_id": "MA1", "auth_token": "u"},
            ]
        },
        {"max_body_bytes": "big"},
        {"list_window_days": -1},
        {"defaults": 3},
    ],
)
def test_bad_configs(raw: dict[str, object]) -> None:
    with pytest.raises(ConfigError):
        config_from_mapping(raw)


def test_unreadable_config(tmp_path: Path) -> None:
    with pytest.raises(ConfigError):
        load_config(tmp_path / "missing.toml")
    (tmp_path / "bad.toml").write_text("= nope")
    with pytest.raises(ConfigError):
        load_config(tmp_path / "bad.toml")


def test_account_flag() -> None:
    account = parse_account_flag("MAAAAAAAAAAAAAAAAAA1:tok:+12025550160,12025550161")
    assert (account.auth_id, account.auth_token) == ("MAAAAAAAAAAAAAAAAAA1", "tok")
    assert account.pool == ("12025550160", "12025550161")
    assert (
        parse_account_flag("MAAAAAAAAAAAAAAAAAA1:tok").numbers == MockConfig().accounts[0].numbers
    )
    with pytest.raises(ConfigError):
        parse_account_flag("MAAAAAAAAAAAAAAAAAA1")


@pytest.mark.parametrize(
    ("account", "message"),
    [
        (Account("MA-too-short", "t"), "auth_id"),
        (Account("MAAAAAAAAAAAAAAAAAA1", "t", ("not-a-number",)), "phone number"),
    ],
)
def test_accounts_are_checked_against_the_spec(
    make_app: Callable[..., MockApp], account: Account, message: str
) -> None:
    with pytest.raises(ConfigError, match=message):
        make_app(config=MockConfig().with_accounts([account]))
