"""PIN authentication: pin_prompt_play and two different PINs, or generated ones."""

from __future__ import annotations

import pytest

from plivo_masking_mock.errors import ApiError
from plivo_masking_mock.rules.pins import PIN_FIELDS, pin_settings

from .conftest import Api, error_of

PROMPT = "https://play.example.com/pin_prompt.wav"
DEFAULTS = {"generate_pin": False, "generate_pin_length": 4, "pin_retry": 1, "pin_retry_wait": 5}


def test_pin_off_gives_nulls() -> None:
    settings = pin_settings({**DEFAULTS, "first_party_pin": "1234"})
    assert settings == {"is_pin_authentication_required": False} | dict.fromkeys(PIN_FIELDS)


def test_chosen_pins() -> None:
    settings = pin_settings(
        {
            **DEFAULTS,
            "is_pin_authentication_required": True,
            "pin_prompt_play": PROMPT,
            "first_party_pin": "1234",
            "second_party_pin": "4321",
        }
    )
    assert settings["first_party_pin"] == "1234"
    assert settings["second_party_pin"] == "4321"
    assert settings["generate_pin"] is False
    assert settings["incorrect_pin_play"] == ""


def test_generated_pins_have_the_length_and_differ() -> None:
    made = iter(["123456", "123456", "654321"])
    settings = pin_settings(
        {
            **DEFAULTS,
            "is_pin_authentication_required": True,
            "pin_prompt_play": PROMPT,
            "generate_pin": True,
            "generate_pin_length": 6,
        },
        make_pin=lambda length: next(made),
    )
    assert (settings["first_party_pin"], settings["second_party_pin"]) == ("123456", "654321")


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (
            {"first_party_pin": "1234", "second_party_pin": "4321"},
            "Mandatory parameter missing. pin_prompt_play must be present.",
        ),
        (
            {"pin_prompt_play": PROMPT, "second_party_pin": "4321"},
            "Mandatory parameter missing. first_party_pin must be present.",
        ),
        (
            {"pin_prompt_play": PROMPT, "first_party_pin": "1234"},
            "Mandatory parameter missing. second_party_pin must be present.",
        ),
        (
            {"pin_prompt_play": PROMPT, "first_party_pin": "1234", "second_party_pin": "1234"},
            "Invalid parameter. second_party_pin must be different from first_party_pin.",
        ),
    ],
)
def test_pin_rules(extra: dict[str, str], message: str) -> None:
    with pytest.raises(ApiError) as raised:
        pin_settings({**DEFAULTS, "is_pin_authentication_required": True, **extra})
    assert raised.value.message == message


def test_pin_session_over_http(api: Api) -> None:
    session = api.create_ok(
        is_pin_authentication_required=True,
        pin_prompt_play=PROMPT,
        first_party_pin="1234",
        second_party_pin="4321",
        pin_retry=2,
        pin_retry_wait=7,
        force_pin_authentication=True,
    )
    assert session["is_pin_authentication_required"] is True
    assert (session["first_party_pin"], session["second_party_pin"]) == ("1234", "4321")
    assert (session["pin_retry"], session["pin_retry_wait"]) == (2, 7)
    assert session["pin_prompt_play"] == PROMPT
    assert session["force_pin_authentication"] is True
    assert api.session(session["session_uuid"])["first_party_pin"] == "1234"


def test_generated_pins_only_in_the_create_response(api: Api) -> None:
    response = api.create(
        is_pin_authentication_required=True,
        pin_prompt_play=PROMPT,
        generate_pin=True,
        generate_pin_length=8,
    )
    assert response.status_code == 201
    session = response.json()["session"]
    assert len(session["first_party_pin"]) == 8
    assert session["first_party_pin"] != session["second_party_pin"]
    assert session["first_party_pin"].isdigit()
    assert session["generate_pin_length"] == 8
    later = api.session(session["session_uuid"])
    assert later["first_party_pin"] is None
    assert later["generate_pin"] is True


def test_pin_errors_over_http(api: Api) -> None:
    response = api.create(is_pin_authentication_required=True, generate_pin=True)
    assert error_of(response) == "Mandatory parameter missing. pin_prompt_play must be present."
    response = api.create(
        is_pin_authentication_required=True,
        pin_prompt_play=PROMPT,
        generate_pin=True,
        generate_pin_length=3,
    )
    assert (
        error_of(response) == "Invalid parameter. generate_pin_length is outside the allowed range."
    )


def test_java_sdk_pin_fields_without_pin_auth_are_ignored(api: Api) -> None:
    # The Java SDK always sends these, with PIN authentication off.
    session = api.create_ok(
        is_pin_authentication_required=False,
        generate_pin=False,
        force_pin_authentication=False,
        geomatch=True,
        create_session_with_single_party=False,
        virtual_number_cooloff_period=0,
        session_expiry=0,
        call_time_limit=0,
        ring_timeout=0,
        record=False,
        initiate_call_to_first_party=False,
    )
    assert session["generate_pin"] is None
    assert session["duration"] == 1800
