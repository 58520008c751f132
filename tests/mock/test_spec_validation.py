"""Request validation from the spec's schemas, worded like Plivo's errors."""

from __future__ import annotations

from typing import Any

import pytest

from plivo_masking_mock.errors import ApiError
from plivo_masking_mock.spec import Spec
from plivo_masking_mock.spec_validation import RequestValidator, coerce

from .conftest import Api, error_of


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            {"record_file_format": "ogg"},
            "Invalid parameter. record_file_format allowed values are mp3 or wav.",
        ),
        (
            {"callback_method": "PUT"},
            "Invalid parameter. callback_method allowed values are GET or POST.",
        ),
        ({"record": "true"}, "Invalid parameter. record allowed values are true or false."),
        ({"record": None}, "Invalid parameter. record allowed values are true or false."),
        (
            {"session_expiry": 86401},
            "Invalid parameter. session_expiry is outside the allowed range.",
        ),
        (
            {"call_time_limit": -1},
            "Invalid parameter. call_time_limit is outside the allowed range.",
        ),
        ({"pin_retry": 6}, "Invalid parameter. pin_retry is outside the allowed range."),
        ({"session_expiry": "600"}, "Invalid parameter. session_expiry must be an integer."),
        ({"session_expiry": 600.5}, "Invalid parameter. session_expiry must be an integer."),
        ({"first_party": "abc"}, "Invalid parameter. first_party is not a valid phone number."),
        (
            {"second_party": "+0123456"},
            "Invalid parameter. second_party is not a valid phone number.",
        ),
        ({"first_party": 12025550000}, "Invalid parameter. first_party must be a string."),
        (
            {"recording_callback_url": "ftp://example.com/x"},
            "Invalid parameter. recording_callback_url should be a valid URL.",
        ),
        (
            {"recording_callback_url": "https://example.com/" + "x" * 1000},
            "Invalid parameter. recording_callback_url should be under 1000 characters.",
        ),
        (
            {"first_party_pin": "12"},
            "Invalid parameter. first_party_pin is not valid: expected a PIN of 4 to 15 digits.",
        ),
    ],
)
def test_create_validation_messages(api: Api, body: dict[str, Any], message: str) -> None:
    assert error_of(api.create(**body)) == message


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            {"record_file_format": "flac"},
            "Invalid parameter. record_file_format allowed values are mp3 or wav.",
        ),
        (
            {"call_time_limit": 100000},
            "Invalid parameter. call_time_limit is outside the allowed range.",
        ),
        (
            {"recording_callback_url": "nope"},
            "Invalid parameter. recording_callback_url should be a valid URL.",
        ),
        ({"record": "true"}, "Invalid parameter. record allowed values are true or false."),
        ({"geomatch": 1}, "Invalid parameter. geomatch allowed values are true or false."),
    ],
)
def test_update_validation_messages(api: Api, body: dict[str, Any], message: str) -> None:
    uuid = api.create_ok()["session_uuid"]
    assert error_of(api.update(uuid, **body)) == message


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"limit": "x"}, "Invalid parameter. limit must be an integer."),
        ({"limit": "0"}, "Invalid parameter. limit is outside the allowed range."),
        ({"limit": "21"}, "Invalid parameter. limit is outside the allowed range."),
        ({"offset": "-1"}, "Invalid parameter. offset is outside the allowed range."),
        (
            {"status": "in-progress"},
            "Invalid parameter. status allowed values are active, expired or all.",
        ),
        ({"duration__gte": "1.5"}, "Invalid parameter. duration__gte must be an integer."),
        ({"first_party": "x"}, "Invalid parameter. first_party is not a valid phone number."),
        (
            {"created_time__gt": "2024-02-01T06:28:00Z"},
            "Invalid parameter. created_time__gt is not a valid date and time.",
        ),
        (
            {"expiry_time": "2024-02-30 10:00"},
            "Invalid parameter. expiry_time is not a valid date and time.",
        ),
        (
            {"subaccount": "MA123"},
            "Invalid parameter. subaccount is not valid: expected a sub-account's Auth ID "
            "(SA followed by 18 upper-case letters or digits).",
        ),
    ],
)
def test_list_validation_messages(api: Api, params: dict[str, str], message: str) -> None:
    assert error_of(api.list(**params)) == message


def test_messages_come_from_the_spec_not_from_python(spec: Spec) -> None:
    # Change an enum in a copy of the spec: the message follows.
    create = spec.operation("create_masking_session")
    assert create.body_schema is not None
    schema = create.body_schema["properties"]["record_file_format"]["allOf"][0]
    original = list(schema["enum"])
    schema["enum"] = ["mp3", "wav", "ogg"]
    try:
        validator = RequestValidator(spec)
        with pytest.raises(ApiError) as raised:
            validator.validate_body(create, {"record_file_format": "flac"})
        assert raised.value.message == (
            "Invalid parameter. record_file_format allowed values are mp3, wav or ogg."
        )
        validator.validate_body(create, {"record_file_format": "ogg"})
    finally:
        schema["enum"] = original


def test_query_values_are_typed_by_their_schema() -> None:
    assert coerce({"type": "integer"}, "20") == 20
    assert coerce({"type": "integer"}, "-3") == -3
    assert coerce({"type": "integer"}, "2.0") == "2.0"
    assert coerce({"type": "boolean"}, "true") is True
    assert coerce({"type": "number"}, "2.5") == 2.5
    assert coerce({"type": "number"}, "x") == "x"
    assert coerce({"allOf": [{"type": "integer"}]}, "7") == 7
    assert coerce({"type": "string"}, "07") == "07"


def test_list_defaults_come_from_the_spec(spec: Spec) -> None:
    validator = RequestValidator(spec)
    parsed = validator.parse_query(spec.operation("list_masking_session"), {})
    assert parsed == {"status": "all", "limit": 20, "offset": 0}


def test_valid_bodies_pass(spec: Spec) -> None:
    validator = RequestValidator(spec)
    create = spec.operation("create_masking_session")
    for example in create.definition["requestBody"]["content"]["application/json"][
        "examples"
    ].values():
        validator.validate_body(create, example["value"])
    update = spec.operation("update_masking_session")
    for example in update.definition["requestBody"]["content"]["application/json"][
        "examples"
    ].values():
        validator.validate_body(update, example["value"])
