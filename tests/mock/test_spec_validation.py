"""Request validation from the spec's schemas, worded like Plivo's errors."""

from __future__ import annotations

from typing import Any

import pytest

from plivo_masking_mock.errors import ApiError
from plivo_masking_mock.spec import Spec, property_schemas
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


# Values meant to find where jsonschema-rs and the ECMA-regex OAS 3.0 validator could disagree:
# Unicode spaces and digits against `\s` and `[0-9]`, a newline before `$`, floats that are whole,
# booleans against numbers, nulls against nullable fields, integers beyond 64 bits.
_TRICKY_STRINGS = [
    "",
    "+12025551000",
    "12025551000\n",
    "+1202555100\u0661",
    "http://example.com/cb",
    "http://example.com/\ufeff",
    "http://example.com/\u00a0",
    "http://example.com/\u2028",
    "http://example.com/\x7f",
    "https://ex\U0001f600ample.com",
    "MAMOCKDEMOACCOUNT001",
    "SA" + "A" * 18,
    "c28b77d4-21e7-43bd-9447-04bfee92e651",
    "C28B77D4-21E7-43BD-9447-04BFEE92E651",
    "1234",
    "2024-02-01 06:28",
    "2024-02-01 06:28:15.123456",
    "mp3",
    "GET",
    "true",
]
_TRICKY_VALUES: list[Any] = [
    *_TRICKY_STRINGS,
    None,
    True,
    False,
    0,
    -1,
    1.0,
    600.5,
    3600,
    86401,
    2**64,
    -(2**70),
    [],
    {},
]


def test_the_fast_validator_never_accepts_what_the_detailed_one_rejects(spec: Spec) -> None:
    validator = RequestValidator(spec)
    compiled = [*validator._bodies.values(), *validator._parameters.values()]
    checked = fast_accepted = 0
    for schema_validator in compiled:
        for value in _TRICKY_VALUES:
            detailed_ok = next(iter(schema_validator.detailed.iter_errors(value)), None) is None
            try:
                fast_ok = schema_validator.fast.is_valid(value)
            except (ValueError, TypeError, OverflowError):
                fast_ok = False
            assert not (fast_ok and not detailed_ok), (schema_validator.detailed.schema, value)
            checked += 1
            fast_accepted += fast_ok
    for operation in spec.operations:
        body_validator = validator._bodies.get(operation.operation_id)
        if body_validator is None:
            continue
        schema = operation.body_schema or {}
        # Create's body must name its parties (an anyOf of the whole body): the tricky values
        # go beside them, so that each is judged on its own.
        base: dict[str, Any] = {}
        if next(iter(body_validator.detailed.iter_errors({})), None) is not None:
            base = {"first_party": "+12025550000", "second_party": "+12025551111"}
        for name in property_schemas(schema):
            for value in _TRICKY_VALUES:
                body = {**base, name: value}
                detailed_ok = next(iter(body_validator.detailed.iter_errors(body)), None) is None
                try:
                    fast_ok = body_validator.fast.is_valid(body)
                except (ValueError, TypeError, OverflowError):
                    fast_ok = False
                assert not (fast_ok and not detailed_ok), (operation.operation_id, body)
                checked += 1
                fast_accepted += fast_ok
    assert checked > 1000
    assert fast_accepted > 100  # the fast path is taken, not merely always bypassed


def test_the_fast_validator_takes_the_spec_examples(spec: Spec) -> None:
    """The valid bodies of the spec's own examples pass the fast validator (no fallback)."""
    validator = RequestValidator(spec)
    checked = 0
    for operation in spec.operations:
        body_validator = validator._bodies.get(operation.operation_id)
        content = (operation.definition.get("requestBody") or {}).get("content", {})
        examples = content.get("application/json", {}).get("examples", {})
        for name, example in examples.items():
            value = example.get("value")
            if body_validator is not None and isinstance(value, dict):
                assert body_validator.fast.is_valid(value), (operation.operation_id, name)
                checked += 1
    assert checked >= 2


def test_path_values_are_checked_once_yet_a_bad_one_is_refused_every_time(spec: Spec) -> None:
    validator = RequestValidator(spec)
    retrieve = spec.operation("get_masking_session")
    good = {
        "auth_id": "MAMOCKDEMOACCOUNT001",
        "session_uuid": "c28b77d4-21e7-43bd-9447-04bfee92e651",
    }
    bad = {**good, "session_uuid": "not-a-uuid"}
    for _ in range(2):
        validator.validate_path(retrieve, good)
        with pytest.raises(ApiError) as refused:
            validator.validate_path(retrieve, bad)
        assert "session_uuid" in refused.value.message
    # Only the values that passed are kept, and no more of them than the bound.
    assert ("get_masking_session", "session_uuid", "not-a-uuid") not in (
        validator._valid_path_values
    )
    for index in range(5_000):
        validator.validate_path(
            retrieve, {**good, "session_uuid": f"{index:08d}-0000-4000-8000-000000000000"}
        )
    assert 0 < len(validator._valid_path_values) <= 4_096
    with pytest.raises(ApiError):
        validator.validate_path(retrieve, bad)
