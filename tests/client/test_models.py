"""The generated package: every operation with its four functions, models that carry every field
of the spec and keep unknown ones, and every recorded wire sample read and written back unchanged.
"""

from __future__ import annotations

import copy
import functools
import importlib
import inspect
import json
import pickle
from collections.abc import Callable
from pathlib import Path
from types import MappingProxyType
from typing import Any

import attrs
import httpx
import pytest

from plivo_masking_client import Client
from plivo_masking_client.models import Interaction, Session, SessionListItem
from plivo_masking_client.types import UNSET, Unset
from plivo_masking_spec import operation_ids, schema_name
from tests.spec_document import load_spec, operations, resolve, response_schema
from tests.wire_samples import WireSample, load_wire_samples, seed_response_example

SPEC = load_spec()
SCHEMAS: dict[str, Any] = SPEC["components"]["schemas"]
OPERATION_IDS = sorted(operation_ids(load_spec()))
ENDPOINTS = "plivo_masking_client.api.masking_sessions"
MODELS = importlib.import_module("plivo_masking_client.models")
CLIENT = Client(base_url="http://127.0.0.1:9")  # never connected: parsing only


def canonical(body: Any) -> str:
    """JSON text with sorted keys: equal only if nothing was lost, renamed or retyped (5 vs 5.0)."""
    return json.dumps(body, sort_keys=True)


def spec_properties(schema: dict[str, Any]) -> dict[str, Any]:
    """The properties of an object schema, allOf parts merged."""
    schema = resolve(schema)
    properties = dict(schema.get("properties", {}))
    for part in schema.get("allOf", []):
        properties.update(spec_properties(part))
    return properties


def object_schema_names() -> list[str]:
    return sorted(name for name in SCHEMAS if spec_properties(SCHEMAS[name]))


def model_field_names(model: type[Any]) -> set[str]:
    return {field.name for field in attrs.fields(model)} - {"additional_properties"}


def parse(operation_id: str, status: int, body: Any) -> Any:
    """The body as the generated client parses a response with this status (its own code path)."""
    module = importlib.import_module(f"{ENDPOINTS}.{operation_id}")
    response = httpx.Response(status, json=body)
    return module._parse_response(client=CLIENT, response=response)


# --- operations -------------------------------------------------------------------------------


def test_every_operation_of_the_spec_has_a_module_and_nothing_else_does() -> None:
    package = importlib.import_module(ENDPOINTS)
    assert package.__file__ is not None
    modules = sorted(
        path.stem for path in Path(package.__file__).parent.glob("*.py") if path.stem != "__init__"
    )
    assert modules == OPERATION_IDS


@pytest.mark.parametrize("operation_id", OPERATION_IDS)
def test_every_operation_has_sync_sync_detailed_asyncio_asyncio_detailed(operation_id: str) -> None:
    module = importlib.import_module(f"{ENDPOINTS}.{operation_id}")
    assert inspect.isfunction(module.sync) and inspect.isfunction(module.sync_detailed)
    assert inspect.iscoroutinefunction(module.asyncio)
    assert inspect.iscoroutinefunction(module.asyncio_detailed)
    for name in ("sync", "sync_detailed", "asyncio", "asyncio_detailed"):
        parameters = inspect.signature(getattr(module, name)).parameters
        assert "client" in parameters and "auth_id" in parameters, name


@pytest.mark.parametrize("operation", list(operations()), ids=lambda op: op.operation_id)
def test_every_documented_status_is_parsed_into_its_model(operation: Any) -> None:
    """Each documented status comes back parsed (an Error for 4xx/5xx), not as None."""
    for status in operation.definition["responses"]:
        schema = response_schema(operation.operation_id, status)
        name = schema_name(schema)
        assert name is not None, schema
        example = maximal_instance(SCHEMAS[name])
        code = int(status.replace("XX", "99")) if status.endswith("XX") else int(status)
        parsed = parse(operation.operation_id, code, example)
        assert type(parsed).__name__ == name, (status, parsed)
        assert canonical(parsed.to_dict()) == canonical(example)


# --- models -----------------------------------------------------------------------------------


def test_session_exposes_every_field_of_the_spec() -> None:
    assert model_field_names(Session) == set(spec_properties(SCHEMAS["Session"]))


def test_session_list_item_is_a_session_with_its_resource_uri() -> None:
    assert model_field_names(SessionListItem) == model_field_names(Session) | {"resource_uri"}


def test_models_mark_as_required_what_the_spec_requires() -> None:
    required = set(SCHEMAS["Session"]["required"])
    mandatory = {
        field.name
        for field in attrs.fields(Session)
        if field.default is attrs.NOTHING and field.name != "additional_properties"
    }
    assert mandatory == required


def sample_value(schema: dict[str, Any]) -> Any:
    """A valid non-null value of `schema`, with every optional part present."""
    schema = resolve(schema)
    if "oneOf" in schema:
        return sample_value(schema["oneOf"][0])
    if "allOf" in schema:
        merged: dict[str, Any] = {}
        for part in schema["allOf"]:
            part_value = sample_value(part)
            if not isinstance(part_value, dict):
                return part_value
            merged.update(part_value)
        return merged
    if "enum" in schema:
        return schema["enum"][-1]
    kind = str(schema.get("type", "object"))
    if kind == "object":
        return maximal_instance(schema)
    if kind == "array":
        return [sample_value(schema["items"])]
    return {"string": "x1", "integer": 7, "number": 0.025, "boolean": True}[kind]


def maximal_instance(schema: dict[str, Any]) -> dict[str, Any]:
    return {name: sample_value(prop) for name, prop in spec_properties(schema).items()}


@pytest.mark.parametrize("name", object_schema_names())
def test_every_model_carries_every_property_of_its_schema(name: str) -> None:
    """A body with every property set: none is left unrecognised, none is lost on the way back."""
    model = getattr(MODELS, name)
    body = maximal_instance(SCHEMAS[name])
    parsed = model.from_dict(body)
    assert parsed.additional_properties == {}, "properties the model does not know"
    assert canonical(parsed.to_dict()) == canonical(body)


@pytest.mark.parametrize("name", object_schema_names())
def test_every_model_keeps_unknown_fields(name: str) -> None:
    model = getattr(MODELS, name)
    body = maximal_instance(SCHEMAS[name]) | {"added_by_plivo_later": {"nested": [1, None]}}
    parsed = model.from_dict(body)
    assert parsed.additional_properties == {"added_by_plivo_later": {"nested": [1, None]}}
    assert parsed["added_by_plivo_later"] == {"nested": [1, None]}
    assert canonical(parsed.to_dict()) == canonical(body)


def distinct_instance(model: type[Any], schema: dict[str, Any]) -> dict[str, Any]:
    """A valid body of `schema` in which no two properties hold the same value, as far as from_dict
    lets them: a property that it keeps as it is gets a string of its own (from_dict checks no
    type there), an enum one value of its own where the enum has enough."""
    body = maximal_instance(schema)
    enum_uses: dict[tuple[Any, ...], int] = {}
    for name, prop in spec_properties(schema).items():
        candidates: list[Any] = [f"value of {name}"]
        values = resolve(prop).get("enum")
        if values:
            used = enum_uses.get(tuple(values), 0)
            enum_uses[tuple(values)] = used + 1
            candidates.append(values[used % len(values)])
        for candidate in candidates:
            try:
                model.from_dict(body | {name: candidate})
            except (KeyError, TypeError, ValueError):
                continue
            body[name] = candidate
            break
    return body


@pytest.mark.parametrize("name", object_schema_names())
def test_from_dict_puts_each_value_in_its_own_attribute(name: str) -> None:
    """from_dict passes the attributes positionally: none lands in another's place."""
    model = getattr(MODELS, name)
    body = distinct_instance(model, SCHEMAS[name])
    parsed = model.from_dict(body)
    assert parsed.additional_properties == {}
    written = parsed.to_dict()
    for key, value in body.items():
        assert canonical(written[key]) == canonical(value), key
    # Keyword construction of the same values gives an equal object.
    fields = {field.name: getattr(parsed, field.name) for field in attrs.fields(model)}
    fields.pop("additional_properties")
    assert model(**fields) == parsed


def test_from_dict_reads_the_body_without_changing_or_keeping_it() -> None:
    body = maximal_instance(SCHEMAS["Session"]) | {"added_later": [1]}
    before = copy.deepcopy(body)
    session = Session.from_dict(body)
    assert body == before
    session["another"] = 2
    del session["added_later"]
    assert body == before
    assert Session.from_dict(body).additional_properties == {"added_later": [1]}
    # A body without unknown keys: each model gets a dict of its own.
    plain = maximal_instance(SCHEMAS["Session"])
    first, second = Session.from_dict(plain), Session.from_dict(plain)
    first["x"] = 1
    assert second.additional_properties == {}
    assert "x" not in plain


def test_from_dict_accepts_any_mapping() -> None:
    body = maximal_instance(SCHEMAS["Session"]) | {"added_later": True}
    assert Session.from_dict(MappingProxyType(body)) == Session.from_dict(body)


def test_unknown_keys_are_kept_whichever_optional_keys_are_absent() -> None:
    """The count of keys that decides whether to look for unknown ones is exact: an unknown key
    standing in for an absent optional one is still found."""
    full = maximal_instance(SCHEMAS["Session"])
    optional = sorted(set(full) - set(SCHEMAS["Session"]["required"]))
    assert optional
    for name in optional:
        body = {key: value for key, value in full.items() if key != name}
        assert Session.from_dict(body).additional_properties == {}
        swapped = Session.from_dict(body | {"added_later": 1})
        assert swapped.additional_properties == {"added_later": 1}
        assert getattr(swapped, name) is UNSET
        assert canonical(swapped.to_dict()) == canonical(body | {"added_later": 1})
    # An optional key that holds UNSET itself (a caller's dict, not JSON) reads as absent.
    body = full | {optional[0]: UNSET, "added_later": 1}
    assert Session.from_dict(body).additional_properties == {"added_later": 1}


def test_a_missing_required_key_or_a_value_out_of_its_enum_raises() -> None:
    body = maximal_instance(SCHEMAS["Session"])
    with pytest.raises(KeyError, match="session_uuid"):
        Session.from_dict({key: value for key, value in body.items() if key != "session_uuid"})
    with pytest.raises(TypeError, match="'paused'"):
        Session.from_dict(body | {"status": "paused"})
    with pytest.raises(TypeError):
        Session.from_dict(None)  # type: ignore[arg-type]


def test_null_fields_of_the_session_are_read_as_none_and_written_as_null() -> None:
    nullable = sorted(
        name for name, prop in SCHEMAS["Session"]["properties"].items() if nullable_schema(prop)
    )
    assert nullable, "the Session schema has nullable fields"
    body = maximal_instance(SCHEMAS["Session"]) | dict.fromkeys(nullable)
    session = Session.from_dict(body)
    for name in nullable:
        assert getattr(session, name) is None, name
    written = session.to_dict()
    assert all(name in written and written[name] is None for name in nullable)


def nullable_schema(schema: dict[str, Any]) -> bool:
    schema = resolve(schema)
    return bool(schema.get("nullable")) or any(
        nullable_schema(part) for part in schema.get("oneOf", [])
    )


def test_interaction_keeps_what_the_docs_do_not_list() -> None:
    body = {"type": "call", "first_party_resource_url": None, "sip_call_id": "abc"}
    interaction = Interaction.from_dict(body)
    assert interaction.first_party_resource_url is None
    assert interaction.additional_properties == {"sip_call_id": "abc"}
    assert interaction.to_dict() == body


# --- UNSET through copies and pickles ---------------------------------------------------------


def required_names(schema: dict[str, Any]) -> set[str]:
    """The required properties of an object schema, allOf parts merged."""
    schema = resolve(schema)
    required = set(schema.get("required", []))
    for part in schema.get("allOf", []):
        required |= required_names(part)
    return required


def minimal_value(schema: dict[str, Any]) -> Any:
    """A valid non-null value of `schema` in which every optional property is absent."""
    resolved = resolve(schema)
    if "oneOf" in resolved:
        return minimal_value(resolved["oneOf"][0])
    if spec_properties(resolved):
        return minimal_instance(resolved)
    if resolved.get("type") == "array":
        return [minimal_value(resolved["items"])]
    return sample_value(resolved)


def minimal_instance(schema: dict[str, Any]) -> dict[str, Any]:
    required = required_names(schema)
    return {
        name: minimal_value(prop)
        for name, prop in spec_properties(schema).items()
        if name in required
    }


# The schemas of which a body, or a body nested in it, can leave a property out.
SCHEMAS_WITH_OPTIONAL_PROPERTIES = [
    name
    for name in object_schema_names()
    if canonical(minimal_instance(SCHEMAS[name])) != canonical(maximal_instance(SCHEMAS[name]))
]


def pickle_round_trip(model: Any, protocol: int) -> Any:
    return pickle.loads(pickle.dumps(model, protocol=protocol))


COPIES: dict[str, Callable[[Any], Any]] = {
    "copy": copy.copy,
    "deepcopy": copy.deepcopy,
    **{
        f"pickle-{protocol}": functools.partial(pickle_round_trip, protocol=protocol)
        for protocol in range(pickle.HIGHEST_PROTOCOL + 1)
    },
}


def unset_paths(model: Any, path: str = "") -> list[str]:
    """The attributes, nested models included, that hold UNSET itself; a stray Unset that is not
    UNSET is reported under its path with a "!" so that the comparison fails."""
    paths = []
    for field in attrs.fields(type(model)):
        value = getattr(model, field.name)
        if isinstance(value, Unset):
            paths.append(f"{path}{field.name}" + ("" if value is UNSET else "!"))
        elif attrs.has(type(value)):
            paths += unset_paths(value, f"{path}{field.name}.")
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if attrs.has(type(item)):
                    paths += unset_paths(item, f"{path}{field.name}[{index}].")
    return paths


@pytest.mark.parametrize("how", COPIES)
@pytest.mark.parametrize("name", SCHEMAS_WITH_OPTIONAL_PROPERTIES)
def test_a_copied_or_unpickled_model_keeps_its_unset_fields_unset(name: str, how: str) -> None:
    """A copy, a deep copy or an unpickled model (every protocol) with absent fields equals the
    original and writes the same body: its absent fields still hold UNSET itself, so to_dict()
    leaves them out (the stock generator's Unset gave a copy new Unset objects, which to_dict's
    `is not UNSET` took for values)."""
    model = getattr(MODELS, name).from_dict(minimal_instance(SCHEMAS[name]))
    assert unset_paths(model), "the model has unset fields"
    copied = COPIES[how](model)
    assert copied == model
    assert copied.to_dict() == model.to_dict()
    assert canonical(copied.to_dict()) == canonical(minimal_instance(SCHEMAS[name]))
    assert unset_paths(copied) == unset_paths(model)


def test_a_deep_copy_of_a_request_built_by_keyword_sends_only_what_was_set() -> None:
    """A request built by keyword (fields with a default hold it, the others UNSET), deep-copied
    or pickled before sending, writes the same body: no absent field appears in it."""
    request = MODELS.CreateSessionRequest(first_party="+14155550100", second_party="+14155550101")
    absent = unset_paths(request)
    assert "session_expiry" in absent
    for copied in (copy.deepcopy(request), pickle.loads(pickle.dumps(request))):
        assert copied == request
        assert copied.to_dict() == request.to_dict()
        assert not set(absent) & set(copied.to_dict())


def test_unset_is_a_single_object_that_is_false() -> None:
    assert Unset() is UNSET
    assert type(UNSET)() is UNSET
    assert copy.copy(UNSET) is UNSET
    assert copy.deepcopy(UNSET) is UNSET
    assert copy.deepcopy({"nested": [UNSET]})["nested"][0] is UNSET
    for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
        assert pickle.loads(pickle.dumps(UNSET, protocol=protocol)) is UNSET, protocol
    assert not UNSET and bool(UNSET) is False and bool(Unset()) is False


# --- wire samples -----------------------------------------------------------------------------

WIRE_SAMPLES = load_wire_samples()


@pytest.mark.parametrize("sample", WIRE_SAMPLES, ids=lambda sample: sample.name)
def test_every_wire_sample_round_trips_through_its_response_model(sample: WireSample) -> None:
    parsed = parse(sample.operation_id, int(sample.status), sample.body)
    assert parsed is not None
    expected_model = schema_name(response_schema(sample.operation_id, sample.status))
    assert type(parsed).__name__ == expected_model
    assert canonical(parsed.to_dict()) == canonical(sample.body)
    # And again through from_dict directly, as a caller holding a JSON body would.
    again = type(parsed).from_dict(sample.body)
    assert canonical(again.to_dict()) == canonical(sample.body)


def test_wire_samples_cover_every_operation() -> None:
    assert {sample.operation_id for sample in WIRE_SAMPLES} == set(OPERATION_IDS)


def test_the_seed_response_round_trips_with_its_quirks() -> None:
    body = seed_response_example()
    parsed = parse("update_masking_session", 200, body)
    assert type(parsed).__name__ == "UpdateSessionResponse"
    session = parsed.session
    # The typo'd key is kept as an unknown field; the real field stays unset.
    assert session.additional_properties == {
        "pin_ prompt_play": "https://play.s3.eu-north-1.amazonaws.com/pin_prompt.wav"
    }
    assert session["pin_ prompt_play"].endswith("pin_prompt.wav")
    assert "pin_prompt_play" not in session.to_dict()
    # "5" stays the string it was on the wire.
    assert session.pin_retry_wait == "5"
    assert session.record is True and session.call_time_limit == 14400
    assert canonical(parsed.to_dict()) == canonical(body)
