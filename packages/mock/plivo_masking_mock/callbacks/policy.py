"""How callbacks are delivered: the timeout of an attempt, how many attempts, the backoff.

Set by the config file's `[callbacks]` table or by
`plivo-masking-mock serve --callbacks timeout=2,attempts=5,backoff=0.5`; `attempts = 1` sends
each callback once, for tests that want no retry. An attempt that gets no 2xx in `timeout`
seconds (refused, timed out, any other status) is retried, `backoff` seconds after the first,
doubling each time.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

MAX_ATTEMPTS = 20
MAX_SECONDS = 600.0


class DeliveryPolicyError(ValueError):
    pass


@dataclass(frozen=True)
class DeliveryPolicy:
    timeout: float = 5.0  # seconds per attempt (connect + answer)
    attempts: int = 3  # attempts in all, the first included
    backoff: float = 1.0  # seconds before the second attempt; doubles each time

    def __post_init__(self) -> None:
        _seconds("timeout", self.timeout, low_exclusive=True)
        _seconds("backoff", self.backoff, low_exclusive=False)
        attempts = self.attempts
        if isinstance(attempts, bool) or not isinstance(attempts, int):
            raise DeliveryPolicyError(f"attempts must be an integer from 1 to {MAX_ATTEMPTS}")
        if not 1 <= attempts <= MAX_ATTEMPTS:
            raise DeliveryPolicyError(f"attempts must be from 1 to {MAX_ATTEMPTS}, not {attempts}")

    def as_text(self) -> str:
        return f"timeout={self.timeout:g},attempts={self.attempts},backoff={self.backoff:g}"


def delivery_policy(raw: Mapping[str, Any]) -> DeliveryPolicy:
    """A policy from a config table or JSON object; DeliveryPolicyError naming the bad setting."""
    unknown = set(raw) - set(DeliveryPolicy.__dataclass_fields__)
    if unknown:
        raise DeliveryPolicyError(
            f"unknown callbacks setting {sorted(unknown)[0]!r} (known: timeout, attempts, backoff)"
        )
    values = dict(raw)
    if isinstance(values.get("attempts"), float) and values["attempts"].is_integer():
        values["attempts"] = int(values["attempts"])
    return DeliveryPolicy(**values)


def parse_callbacks_flag(text: str) -> DeliveryPolicy:
    """`timeout=2,attempts=5,backoff=0.5` (any of them; the others keep their defaults)."""
    raw: dict[str, Any] = {}
    for item in text.split(","):
        name, separator, value = item.strip().partition("=")
        if not separator or not name:
            raise DeliveryPolicyError(f"wants NAME=VALUE[,NAME=VALUE...], not {item.strip()!r}")
        try:
            raw[name] = int(value) if name == "attempts" else float(value)
        except ValueError:
            raise DeliveryPolicyError(f"{name}: not a number: {value!r}") from None
    return delivery_policy(raw)


def _seconds(name: str, value: Any, *, low_exclusive: bool) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise DeliveryPolicyError(f"{name} must be a number of seconds")
    if (value <= 0 if low_exclusive else value < 0) or value > MAX_SECONDS:
        low = "more than 0" if low_exclusive else "0 or more"
        raise DeliveryPolicyError(
            f"{name} must be {low} and at most {MAX_SECONDS:g} s, not {value:g}"
        )
