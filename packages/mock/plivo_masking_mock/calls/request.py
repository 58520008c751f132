"""The body of `POST /__mock__/sessions/{session_uuid}/calls`, checked: a `CallRequest`.

Every field is optional: `from` (`first_party`, `second_party` or a phone number; default
`first_party`), `answer` (true), `duration` (60), `pin` (a PIN or a list of tries), `wait`
(false), and, as before this endpoint played calls, `billed_duration` (the duration) and `amount`
(0). `auth_id` (optional) says whose session it must be. A bad value raises `CallInputError`
naming the field.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

FIRST, SECOND = "first_party", "second_party"


class CallInputError(ValueError):
    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class CallRequest:
    caller: str = FIRST  # first_party, second_party, or a phone number's digits
    answer: bool = True
    duration: int = 60
    pins: tuple[str, ...] | None = None
    wait: bool = False
    billed_duration: int | None = None
    amount: float = 0.0
    auth_id: str | None = None


def parse_call_request(body: Mapping[str, Any], phone_pattern: str) -> CallRequest:
    known = {"from", "answer", "duration", "pin", "wait", "billed_duration", "amount", "auth_id"}
    unknown = sorted(set(body) - known)
    if unknown:
        raise CallInputError(f'"{unknown[0]}" is not a field of a simulated call')
    return CallRequest(
        caller=_caller(body.get("from", FIRST), phone_pattern),
        answer=_boolean(body, "answer", True),
        duration=_count(body, "duration", 60),
        pins=_pins(body.get("pin")),
        wait=_boolean(body, "wait", False),
        billed_duration=_count(body, "billed_duration", None),
        amount=_amount(body.get("amount", 0)),
        auth_id=_text(body, "auth_id"),
    )


def _caller(value: Any, phone_pattern: str) -> str:
    if value in (FIRST, SECOND):
        return str(value)
    if isinstance(value, str) and re.fullmatch(phone_pattern, value):
        return value.lstrip("+")
    raise CallInputError(
        f'"from" must be "first_party", "second_party" or a phone number in E.164 form, '
        f"not {value!r}"
    )


def _boolean(body: Mapping[str, Any], name: str, default: bool) -> bool:
    value = body.get(name, default)
    if not isinstance(value, bool):
        raise CallInputError(f'"{name}" must be true or false')
    return value


def _count(body: Mapping[str, Any], name: str, default: int | None) -> Any:
    value = body.get(name, default)
    if value is None and default is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise CallInputError(f'"{name}" must be an integer, 0 or more')
    return value


def _amount(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
        raise CallInputError('"amount" must be a number, 0 or more')
    return float(value)


def _pins(value: Any) -> tuple[str, ...] | None:
    if value is None:
        return None
    tries = value if isinstance(value, list) else [value]
    if not tries or not all(isinstance(pin, str) and pin.isdigit() for pin in tries):
        raise CallInputError('"pin" must be a string of digits, or a non-empty list of them')
    return tuple(tries)


def _text(body: Mapping[str, Any], name: str) -> str | None:
    value = body.get(name)
    if value is not None and not isinstance(value, str):
        raise CallInputError(f'"{name}" must be a string')
    return value
