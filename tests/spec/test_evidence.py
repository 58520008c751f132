"""Issue 16: openapi.yaml says how sure it is. One test per finding of the review, each failing on
the spec before the issue; plus the evidence page, generated from the spec."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from openapi_schema_validator import OAS30Validator

from plivo_masking_mock.spec import Spec, load_spec
from plivo_masking_spec import OperationId, load_document
from plivo_masking_spec.evidence import DEFAULT_PAGE, KINDS, collect, render

ROOT = Path(__file__).resolve().parents[2]
SPEC_FILE = ROOT / "openapi.yaml"
SESSION = "/v1/Account/{auth_id}/Masking/Session"
ONE = SESSION + "/{session_uuid}"


@pytest.fixture(scope="module")
def spec() -> Spec:
    return load_spec(SPEC_FILE)


@pytest.fixture(scope="module")
def document() -> dict[str, Any]:
    return load_document(SPEC_FILE)


def valid(spec: Spec, schema_name: str, value: Any) -> bool:
    return not list(OAS30Validator(spec.schema(schema_name)).iter_errors(value))


def labels_of(node: dict[str, Any]) -> list[dict[str, Any]]:
    label = node.get("x-evidence", [])
    return label if isinstance(label, list) else [label]


def kinds_of(node: dict[str, Any]) -> set[str]:
    return {label["kind"] for label in labels_of(node)}


# --- the evidence labels and their page ----------------------------------------------------------


def test_every_label_has_a_known_kind_and_a_source(document: dict[str, Any]) -> None:
    labels = list(collect(document))
    assert {label.kind for label in labels} == set(KINDS)
    assert all(label.source for label in labels)


def test_the_evidence_page_is_what_the_spec_generates(document: dict[str, Any]) -> None:
    assert DEFAULT_PAGE.read_text(encoding="utf-8") == render(document), (
        "docs/evidence.md is out of date: run scripts/evidence-page"
    )


def test_the_evidence_page_script_checks_the_page() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "plivo_masking_spec.evidence", "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


# --- success and server-error statuses ----------------------------------------------------------


def test_documented_202_and_204_and_any_2xx_are_admitted(document: dict[str, Any]) -> None:
    paths = document["paths"]
    assert "204" in paths[ONE]["delete"]["responses"]
    assert "202" in paths[ONE]["post"]["responses"]
    for item in paths.values():
        for method in ("get", "post", "delete"):
            if method in item:
                assert "2XX" in item[method]["responses"], method
                assert "5XX" in item[method]["responses"], method


def test_the_update_description_no_longer_denies_202(spec: Spec) -> None:
    description = spec.operation(OperationId.UPDATE).definition["description"]
    assert "not documented to send" not in description


# --- error bodies ---------------------------------------------------------------------------------


def test_error_bodies_without_api_id_are_admitted(spec: Spec) -> None:
    assert valid(spec, "ErrorResponse", {"error": "authentication credentials were not provided"})
    assert valid(spec, "ErrorResponse", {})  # the Go SDK's 404
    assert not valid(spec, "ErrorResponse", {"error": 404})


def test_illustrative_error_messages_are_labelled(document: dict[str, Any]) -> None:
    responses = document["components"]["responses"]
    for name in ("Unauthorized", "Forbidden", "NotFound", "MethodNotAllowed", "TooManyRequests"):
        assert "chosen" in kinds_of(responses[name]), name


# --- immutable fields and unknown fields ----------------------------------------------------------


def test_the_immutable_fields_rule_is_labelled_chosen_and_switchable(spec: Spec) -> None:
    update = spec.operation(OperationId.UPDATE).definition
    chosen = [label for label in labels_of(update) if label["kind"] == "chosen"]
    assert any(label.get("mock_setting") == "immutable_fields" for label in chosen)
    schema = spec.document["components"]["schemas"]["UpdateSessionRequest"]["properties"]
    for name in ("subaccount", "geomatch"):
        assert "chosen" in kinds_of(schema[name]), name


def test_unknown_fields_are_ignored_says_its_exception(document: dict[str, Any]) -> None:
    description = document["info"]["description"]
    assert "Unknown body fields are ignored (" not in description
    assert "x-immutable-fields" in description


# --- string booleans ------------------------------------------------------------------------------


def test_rejecting_string_booleans_is_labelled_chosen(document: dict[str, Any]) -> None:
    record = document["components"]["schemas"]["UpdateSessionRequest"]["properties"]["record"]
    assert {"kind": "chosen"}.items() <= labels_of(record)[0].items()
    assert labels_of(record)[0]["mock_setting"] == "string_booleans"


# --- ranges and clamping --------------------------------------------------------------------------


def test_session_expiry_below_60_is_outside_the_range(spec: Spec) -> None:
    """The private-beta docs' "below min, set to min" belongs to call_time_limit."""
    create = spec.schema("CreateSessionRequest")
    assert not valid(spec, "UpdateSessionRequest", {"session_expiry": 30})
    assert valid(spec, "UpdateSessionRequest", {"session_expiry": 0})
    assert valid(spec, "UpdateSessionRequest", {"session_expiry": 60})
    expiry = create["properties"]["session_expiry"]
    assert "raised" not in expiry["description"]
    assert "inferred" in kinds_of(expiry)  # 0 means the default
    assert "chosen" in kinds_of(create["properties"]["call_time_limit"])


def test_update_no_longer_says_go_always_sends_zero(document: dict[str, Any]) -> None:
    update = document["components"]["schemas"]["UpdateSessionRequest"]
    assert "Go SDK always sends" not in update["description"]
    assert "inferred" in kinds_of(update)


# --- 403 on create --------------------------------------------------------------------------------


def test_geo_permission_403_is_labelled_inferred(spec: Spec) -> None:
    create = spec.operation(OperationId.CREATE).definition
    assert any(
        label["kind"] == "inferred" and "403" in label.get("claim", "")
        for label in labels_of(create)
    )


# --- create's parties in JSON Schema --------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "ok"),
    [
        ({"first_party": "+12025550000", "second_party": "+12025551111"}, True),
        ({"first_party": "+12025550000"}, False),
        ({}, False),
        ({"first_party": "+12025550000", "create_session_with_single_party": True}, True),
        ({"second_party": "+12025550000", "create_session_with_single_party": True}, True),
        ({"create_session_with_single_party": True}, False),
        (
            {
                "first_party": "+12025550000",
                "second_party": "+12025551111",
                "create_session_with_single_party": True,
            },
            False,
        ),
        (
            {
                "first_party": "+12025550000",
                "second_party": "+12025551111",
                "is_pin_authentication_required": True,
            },
            False,
        ),
        (
            {
                "first_party": "+12025550000",
                "second_party": "+12025551111",
                "is_pin_authentication_required": True,
                "pin_prompt_play": "https://play.example.com/p.wav",
                "generate_pin": True,
            },
            True,
        ),
    ],
)
def test_create_parties_and_pins_are_in_the_schema(
    spec: Spec, body: dict[str, Any], ok: bool
) -> None:
    assert valid(spec, "CreateSessionRequest", body) is ok


def test_cross_field_rules_not_in_the_schema_are_named(spec: Spec) -> None:
    for operation_id in (OperationId.CREATE, OperationId.UPDATE, OperationId.DELETE):
        rules = spec.operation(operation_id).definition.get("x-rules-not-in-schema")
        assert rules, operation_id
        for rule in rules:
            assert rule["status"] and ("error_pattern" in rule or "checks" in rule), rule
    create = spec.operation(OperationId.CREATE).definition
    assert any(label["kind"] == "chosen" for label in labels_of(create))  # the mock's words


# --- URLs, time filters, after the session ends ---------------------------------------------------


def test_an_update_can_clear_urls_with_an_empty_string(spec: Spec) -> None:
    for name in ("callback_url", "recording_callback_url", "first_party_play_url"):
        assert valid(spec, "UpdateSessionRequest", {name: ""}), name
    assert not valid(spec, "UpdateSessionRequest", {"callback_url": "ftp://x"})


@pytest.mark.parametrize(
    ("value", "ok"),
    [
        ("2024-02-01 06:28", True),
        ("2024-02-29 23:59:59.5", True),
        ("2024-13-01 00:00", False),
        ("2024-00-10 00:00", False),
        ("2024-01-32 00:00", False),
        ("2024-01-00 00:00", False),
        ("2023-02-29 00:00", False),
        ("2024-04-31 00:00", False),
        ("2024-01-01 24:00", False),
    ],
)
def test_time_filters_are_on_a_real_calendar(spec: Spec, value: str, ok: bool) -> None:
    assert valid(spec, "FilterTimestamp", value) is ok


def test_after_a_session_ends_calls_go_to_the_numbers_own_application(
    document: dict[str, Any],
) -> None:
    tag = document["tags"][0]
    assert "answer_url" in tag["description"]
    assert "documented" in kinds_of(tag)
