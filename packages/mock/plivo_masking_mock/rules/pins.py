"""PIN authentication of a new session.

With `is_pin_authentication_required` true, a session needs `pin_prompt_play`, and either
`generate_pin` (PINs of `generate_pin_length` digits made here) or both PINs, different from
each other (their 4-to-15-digit form is the spec's `Pin` schema, checked before these rules).
Without PIN authentication the PIN fields are `null`, as in the recorded responses, and PIN
parameters that came anyway (the Java SDK always sends `generate_pin: false`) are ignored.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Mapping
from typing import Any

from plivo_masking_mock.errors import invalid_parameter, missing_parameter

PIN_FIELDS = (
    "generate_pin",
    "generate_pin_length",
    "first_party_pin",
    "second_party_pin",
    "pin_prompt_play",
    "pin_retry",
    "pin_retry_wait",
    "incorrect_pin_play",
)


def random_pin(length: int) -> str:
    return "".join(secrets.choice("0123456789") for _ in range(length))


def pin_settings(
    settings: Mapping[str, Any], make_pin: Callable[[int], str] = random_pin
) -> dict[str, Any]:
    """The PIN fields of a new session from its parameters (defaults already applied)."""
    if not settings.get("is_pin_authentication_required"):
        return {"is_pin_authentication_required": False} | dict.fromkeys(PIN_FIELDS)
    if not settings.get("pin_prompt_play"):
        raise missing_parameter("pin_prompt_play")
    result: dict[str, Any] = {"is_pin_authentication_required": True}
    result |= {name: settings.get(name) for name in PIN_FIELDS}
    if settings.get("generate_pin"):
        length = int(settings["generate_pin_length"])
        first = make_pin(length)
        second = make_pin(length)
        while second == first:
            second = make_pin(length)
        result["first_party_pin"], result["second_party_pin"] = first, second
    else:
        for name in ("first_party_pin", "second_party_pin"):
            if not settings.get(name):
                raise missing_parameter(name)
        if settings["first_party_pin"] == settings["second_party_pin"]:
            raise invalid_parameter("second_party_pin", "must be different from first_party_pin")
    if result["incorrect_pin_play"] is None:
        result["incorrect_pin_play"] = ""
    return result
