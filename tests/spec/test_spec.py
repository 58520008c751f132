"""openapi.yaml is a valid OpenAPI document, complete, and faithful to the real wire format."""

from __future__ import annotations

import copy
import re
from typing import Any

import pytest
from openapi_spec_validator import validate
from openapi_spec_validator.readers import read_from_filename

from tests.spec_document import (
    SPEC_PATH,
    load_spec,
    operation,
    operations,
    resolve,
    response_schema,
    schema_errors,
)
from tests.wire_samples import WireSample, load_wire_samples, seed_response_example

# The official SDKs' method names (reference §9.1); list keeps the SDKs' singular name.
SDK_OPERATION_IDS = {
    "create_masking_session",
    "get_masking_session",
    "list_masking_session",
    "update_masking_session",
    "delete_masking_session",
}
ERROR_STATUSES = {"400", "401", "403", "404", "405", "429", "500"}
WIRE_SAMPLES = load_wire_samples()


def test_spec_is_a_valid_openapi_document() -> None:
    spec_dict, base_uri = read_from_filename(str(SPEC_PATH))
    validate(spec_dict, base_uri=base_uri)


def test_spec_has_the_five_operations_with_sdk_names() -> None:
    assert {op.operation_id for op in operations()} == SDK_OPERATION_IDS


@pytest.mark.parametrize("operation_id", sorted(SDK_OPERATION_IDS))
def test_operation_is_documented_and_secured(operation_id: str) -> None:
    definition = operation(operation_id).definition
    assert definition["tags"] == ["Masking sessions"]
    assert definition["summary"].strip()
    assert len(definition["description"]) > 100
    assert set(definition["responses"]) >= ERROR_STATUSES, "every operation documents its errors"
    for status in ERROR_STATUSES:
        assert response_schema(operation_id, status) == {
            "$ref": "#/components/schemas/ErrorResponse"
        }
    security = definition.get("security", load_spec()["security"])
    assert security == [{"basicAuth": []}]


def test_basic_auth_is_the_security_scheme() -> None:
    scheme = load_spec()["components"]["securitySchemes"]["basicAuth"]
    assert (scheme["type"], scheme["scheme"]) == ("http", "basic")


def test_every_parameter_is_described() -> None:
    parameters: list[dict[str, Any]] = []
    for path_item in load_spec()["paths"].values():
        parameters += [resolve(p) for p in path_item.get("parameters", [])]
    for op in operations():
        parameters += [resolve(p) for p in op.definition.get("parameters", [])]
    assert parameters
    for parameter in parameters:
        assert parameter.get("description", "").strip(), parameter["name"]


def test_path_parameters_have_generator_friendly_names_and_real_patterns() -> None:
    auth_id = resolve({"$ref": "#/components/parameters/AuthId"})
    session_uuid = resolve({"$ref": "#/components/parameters/SessionUuid"})
    assert auth_id["name"] == "auth_id"
    assert auth_id["schema"]["pattern"] == "^(MA|SA)[A-Z0-9]{18}$"
    assert re.match(auth_id["schema"]["pattern"], "MAZTQXZDYWNZBMMJAZZJ")
    assert session_uuid["name"] == "session_uuid"
    assert "format" not in session_uuid["schema"], (
        "a plain str in clients, like Session.session_uuid"
    )
    assert re.match(session_uuid["schema"]["pattern"], "c28b77d4-21e7-43bd-9447-04bfee92e651")
    assert not re.match(session_uuid["schema"]["pattern"], "abcd-1234-ab12-cd34")


def test_update_request_declares_no_defaults() -> None:
    """An omitted update field is left unchanged; a default would make clients overwrite it."""
    schema = load_spec()["components"]["schemas"]["UpdateSessionRequest"]
    for name, prop in schema["properties"].items():
        assert "default" not in resolve(prop), name
        assert "default" not in prop, name


def test_update_request_has_every_attribute_of_the_seed_page() -> None:
    seed_attributes = {
        "record",
        "recording_callback_url",
        "record_file_format",
        "recording_callback_method",
        "session_expiry",
        "call_time_limit",
        "callback_url",
        "callback_method",
        "ring_timeout",
        "first_party_play_url",
        "second_party_play_url",
    }
    properties = load_spec()["components"]["schemas"]["UpdateSessionRequest"]["properties"]
    assert seed_attributes <= set(properties)


def test_update_lists_the_fields_that_cannot_change_on_an_active_session() -> None:
    definition = operation("update_masking_session").definition
    immutable = definition["x-immutable-fields"]
    seed_note = [
        "first_party",
        "second_party",
        "initiate_call_to_first_party",
        "is_pin_authentication_required",
        "pin_prompt_play",
        "pin_retry",
        "pin_retry_wait",
        "incorrect_pin_play",
        "unknown_caller_play",
    ]
    assert set(seed_note) <= set(immutable)
    for field in immutable:
        assert f"`{field}`" in definition["description"], field


def test_links_point_at_real_operations_and_parameters() -> None:
    known = {op.operation_id: op for op in operations()}
    link_count = 0
    for op in operations():
        for response in op.definition["responses"].values():
            for name, link in resolve(response).get("links", {}).items():
                link_count += 1
                target = known[link["operationId"]]
                path_params = set(re.findall(r"{(\w+)}", target.path))
                query_params = {resolve(p)["name"] for p in target.definition.get("parameters", [])}
                assert path_params <= set(link["parameters"]) <= path_params | query_params, name
    assert link_count >= 3, "create must link to retrieve, update and expire"
    create_links = resolve(operation("create_masking_session").definition["responses"]["201"])
    assert {link["operationId"] for link in create_links["links"].values()} == {
        "get_masking_session",
        "update_masking_session",
        "delete_masking_session",
        "list_masking_session",
    }


@pytest.mark.parametrize("sample", WIRE_SAMPLES, ids=lambda sample: sample.name)
def test_wire_sample_matches_its_response_schema(sample: WireSample) -> None:
    schema = response_schema(sample.operation_id, sample.status)
    assert schema_errors(schema, sample.body) == []


def test_every_sdk_folder_contributed_samples() -> None:
    folders = {sample.path.parent.name for sample in WIRE_SAMPLES}
    assert folders == {"python", "go", "php", "java", "dotnet"}
    assert len(WIRE_SAMPLES) == 21


def test_seed_response_matches_the_update_response_schema() -> None:
    body = seed_response_example()
    assert body["session"]["pin_retry_wait"] == "5", "the seed's quirk is kept, not cleaned up"
    assert "pin_ prompt_play" in body["session"]
    assert schema_errors(response_schema("update_masking_session", "200"), body) == []


def _sessions_of(sample: WireSample) -> list[dict[str, Any]]:
    body = sample.body
    if "session" in body:
        return [body["session"]]
    response = body.get("response")
    if isinstance(response, dict) and "objects" in response:
        return list(response["objects"])
    return [response] if isinstance(response, dict) else []


# Negative controls: the schemas are strict enough to reject what the real API never sends.
MUTATIONS = {
    "missing required duration": lambda s: s.pop("duration"),
    "RFC 3339 timestamp": lambda s: s.update(created_time="2024-02-01T06:28:15Z"),
    "amount as a string": lambda s: s.update(amount="0"),
    "interaction as an object": lambda s: s.update(interaction={}),
    "unknown status": lambda s: s.update(status="deleted"),
    "party with a plus": lambda s: s.update(first_party="+919003459051"),
    "record as a string": lambda s: s.update(record="true"),
}


@pytest.mark.parametrize("mutation", MUTATIONS, ids=list(MUTATIONS))
@pytest.mark.parametrize(
    "sample",
    [s for s in WIRE_SAMPLES if _sessions_of(s)],
    ids=lambda sample: sample.name,
)
def test_wire_sample_with_a_planted_error_is_rejected(sample: WireSample, mutation: str) -> None:
    body = copy.deepcopy(sample.body)
    MUTATIONS[mutation](_sessions_of(WireSample(sample.path, "", "", body))[0])
    assert schema_errors(response_schema(sample.operation_id, sample.status), body)


def test_create_response_virtual_number_carries_a_plus_and_sessions_do_not() -> None:
    create = next(s for s in WIRE_SAMPLES if s.name == "python/maskingSessionCreateResponse.json")
    schema = response_schema("create_masking_session", "201")
    without_plus = copy.deepcopy(create.body)
    without_plus["virtual_number"] = without_plus["virtual_number"].lstrip("+")
    assert schema_errors(schema, without_plus)


def _examples() -> list[tuple[str, dict[str, Any], Any]]:
    """(where, schema, value) for every example in the spec's operations."""
    found = []
    for op in operations():
        body = op.definition.get("requestBody", {}).get("content", {}).get("application/json")
        if body:
            for name, example in body.get("examples", {}).items():
                where = f"{op.operation_id} request {name}"
                found.append((where, body["schema"], example["value"]))
        for status, response in op.definition["responses"].items():
            content = resolve(response).get("content", {}).get("application/json", {})
            where = f"{op.operation_id} {status}"
            if "example" in content:
                found.append((where, content["schema"], content["example"]))
            for name, example in content.get("examples", {}).items():
                found.append((f"{where} {name}", content["schema"], example["value"]))
    return found


@pytest.mark.parametrize("where,schema,value", _examples(), ids=[e[0] for e in _examples()])
def test_spec_example_matches_its_schema(where: str, schema: dict[str, Any], value: Any) -> None:
    assert schema_errors(schema, value) == []


def test_every_operation_has_an_example() -> None:
    covered = {where.split()[0] for where, _, _ in _examples()}
    assert covered == SDK_OPERATION_IDS


def test_seed_update_examples_are_in_the_spec() -> None:
    examples = operation("update_masking_session").definition["requestBody"]["content"][
        "application/json"
    ]["examples"]
    values = [example["value"] for example in examples.values()]
    assert {"call_time_limit": 3600, "record": True} in values
    assert {"session_expiry": 120} in values
    responses = operation("update_masking_session").definition["responses"]["200"]
    seed_example = responses["content"]["application/json"]["example"]
    assert seed_example == seed_response_example()
