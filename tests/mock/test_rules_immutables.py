"""Fields that cannot change on an active session: read from x-immutable-fields."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from plivo_masking_mock.app import MockApp
from plivo_masking_mock.errors import ApiError
from plivo_masking_mock.rules.immutables import immutable_changes
from plivo_masking_mock.spec import Spec, load_spec

from .conftest import Api, checked_client, error_of


def immutables(spec: Spec) -> list[str]:
    return list(spec.operation("update_masking_session").definition["x-immutable-fields"])


def test_same_value_is_accepted() -> None:
    current = {"geomatch": True, "subaccount": None, "first_party": "12025550000"}
    body = {"geomatch": True, "first_party": "12025550000"}
    assert immutable_changes(["geomatch", "first_party"], body, current, single_party=False) == {}


def test_changed_value_names_the_field() -> None:
    with pytest.raises(ApiError) as raised:
        immutable_changes(["geomatch"], {"geomatch": False}, {"geomatch": True}, single_party=False)
    assert (
        raised.value.message
        == "Invalid parameter. geomatch cannot be updated for an active session."
    )


def test_parties_are_open_on_single_party_sessions() -> None:
    changes = immutable_changes(
        ["first_party", "second_party", "geomatch"],
        {"second_party": "12025551111"},
        {"first_party": "12025550000", "second_party": ""},
        single_party=True,
    )
    assert changes == {"second_party": "12025551111"}


def test_every_listed_field_is_refused_over_http(api: Api, spec: Spec) -> None:
    session = api.create_ok()
    changed_values = {
        "first_party": "+12025557777",
        "second_party": "+12025557777",
        "initiate_call_to_first_party": True,
        "is_pin_authentication_required": True,
        "pin_prompt_play": "https://example.com/p.wav",
        "pin_retry": 3,
        "pin_retry_wait": 9,
        "incorrect_pin_play": "https://example.com/i.wav",
        "unknown_caller_play": "https://example.com/u.wav",
        "geomatch": False,
        "subaccount": "SAZTQXZDYWNZBMMJAZZJ",
    }
    assert set(changed_values) == set(immutables(spec))
    for name, value in changed_values.items():
        response = api.update(session["session_uuid"], **{name: value})
        assert (
            error_of(response)
            == f"Invalid parameter. {name} cannot be updated for an active session."
        )


def test_what_sdks_send_back_is_accepted(api: Api) -> None:
    session = api.create_ok()
    # Python/Go/.NET/Java send geomatch and the parties' current values; Java sends single_party.
    updated = api.update_ok(
        session["session_uuid"],
        first_party="+12025550000",
        second_party="12025551111",
        geomatch=True,
        create_session_with_single_party=False,
        initiate_call_to_first_party=False,
        unknown_caller_play="",
    )
    assert updated["first_party"] == "12025550000"


def test_mutable_fields_change(api: Api) -> None:
    session = api.create_ok()
    updated = api.update_ok(
        session["session_uuid"],
        record=True,
        record_file_format="wav",
        recording_callback_url="https://example.com/rec",
        recording_callback_method="GET",
        callback_url="https://example.com/cb",
        callback_method="GET",
        first_party_play_url="https://example.com/1.mp3",
        second_party_play_url="https://example.com/2.mp3",
        ring_timeout=30,
        call_time_limit=600,
    )
    assert updated["record"] is True
    assert updated["record_file_format"] == "wav"
    assert updated["recording_callback_method"] == "GET"
    assert updated["callback_url"] == "https://example.com/cb"
    assert updated["second_party_play_url"] == "https://example.com/2.mp3"
    assert (updated["ring_timeout"], updated["call_time_limit"]) == (30, 600)
    assert api.session(session["session_uuid"])["record_file_format"] == "wav"


def test_omitted_fields_keep_their_values(api: Api) -> None:
    session = api.create_ok(record=True, callback_url="https://example.com/cb", ring_timeout=30)
    updated = api.update_ok(session["session_uuid"], record_file_format="wav")
    for name in ("record", "callback_url", "ring_timeout", "duration", "expiry_time"):
        assert updated[name] == session[name], name


def test_the_list_is_read_from_the_spec(make_app: Callable[..., MockApp]) -> None:
    spec = load_spec()  # a private copy to change
    listed = spec.operation("update_masking_session").definition["x-immutable-fields"]
    listed.remove("geomatch")
    listed.append("record")
    with checked_client(make_app(spec=spec)) as client:
        api = Api(client)
        uuid = api.create_ok()["session_uuid"]
        assert api.update(uuid, geomatch=False).status_code == 200
        assert error_of(api.update(uuid, record=True)) == (
            "Invalid parameter. record cannot be updated for an active session."
        )
