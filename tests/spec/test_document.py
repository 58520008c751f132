"""The one OpenAPI document layer (plivo_masking_spec): loading, `$ref` resolution with its one
cycle policy, the operations, and the operationIds as constants."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from plivo_masking_spec import (
    HTTP_METHODS,
    OperationId,
    ReferenceCycleError,
    SpecError,
    check_operation_ids,
    find_operation,
    inline,
    iter_operations,
    load_document,
    operation_ids,
    packaged_spec_path,
    pointer_get,
    resolve,
    schema_name,
    spec_path,
)

REPO_SPEC = Path(__file__).resolve().parents[2] / "openapi.yaml"


def tiny(**schemas: Any) -> dict[str, Any]:
    return {
        "openapi": "3.0.3",
        "paths": {
            "/a": {
                "parameters": [{"$ref": "#/components/parameters/Id"}],
                "post": {"operationId": "make", "responses": {}},
                "get": {"operationId": "read", "responses": {}},
                "x-note": {"operationId": "not an operation"},
            }
        },
        "components": {
            "parameters": {"Id": {"name": "id", "in": "path", "required": True}},
            "schemas": schemas,
        },
    }


def test_the_packaged_spec_is_the_repository_file(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PLIVO_MASKING_SPEC", raising=False)
    assert packaged_spec_path() == REPO_SPEC
    assert spec_path() == REPO_SPEC
    monkeypatch.setenv("PLIVO_MASKING_SPEC", "/elsewhere/openapi.yaml")
    assert spec_path() == Path("/elsewhere/openapi.yaml")
    assert packaged_spec_path() == REPO_SPEC


def test_operation_id_constants_match_the_spec() -> None:
    document = load_document(REPO_SPEC)
    check_operation_ids(document)
    assert set(operation_ids(document)) == {member.value for member in OperationId}


def test_a_spec_with_other_operation_ids_is_named() -> None:
    with pytest.raises(SpecError, match=r"missing from the spec: .*get_masking_session"):
        check_operation_ids(tiny())


def test_operations_in_document_order_with_their_shared_parameters() -> None:
    document = tiny()
    entries = list(iter_operations(document))
    assert [(e.method, e.operation_id) for e in entries] == [("post", "make"), ("get", "read")]
    assert entries[0].endpoint == "POST /a"
    assert entries[0].shared_parameters == [{"$ref": "#/components/parameters/Id"}]
    assert find_operation(document, "read").method == "get"
    with pytest.raises(SpecError, match="no operation 'gone'"):
        find_operation(document, "gone")
    assert set(HTTP_METHODS) >= {"get", "post", "delete"}


def test_inline_replaces_refs_and_can_mark_components() -> None:
    document = tiny(
        Number={"type": "string"},
        Pair={"type": "object", "properties": {"a": {"$ref": "#/components/schemas/Number"}}},
    )
    inlined = inline(document, {"$ref": "#/components/schemas/Pair"}, mark_components="x-c")
    assert inlined == {
        "type": "object",
        "properties": {"a": {"type": "string", "x-c": "Number"}},
        "x-c": "Pair",
    }
    assert "x-c" not in str(inline(document, {"$ref": "#/components/schemas/Pair"}))
    # A copy: changing it leaves the document alone.
    inlined["properties"]["a"]["type"] = "integer"
    assert document["components"]["schemas"]["Number"] == {"type": "string"}


def test_one_cycle_policy_a_recursive_reference_raises_naming_the_chain() -> None:
    document = tiny(
        Node={"type": "object", "properties": {"next": {"$ref": "#/components/schemas/Node"}}}
    )
    with pytest.raises(ReferenceCycleError, match="Node -> #/components/schemas/Node"):
        inline(document, {"$ref": "#/components/schemas/Node"})
    loop = tiny(A={"$ref": "#/components/schemas/B"}, B={"$ref": "#/components/schemas/A"})
    with pytest.raises(ReferenceCycleError, match="circular reference"):
        resolve(loop, {"$ref": "#/components/schemas/A"})


def test_shared_but_not_recursive_references_are_fine() -> None:
    document = tiny(
        N={"type": "integer"},
        P={
            "type": "object",
            "properties": {
                "x": {"$ref": "#/components/schemas/N"},
                "y": {"$ref": "#/components/schemas/N"},
            },
        },
    )
    inlined = inline(document, {"$ref": "#/components/schemas/P"})
    assert inlined["properties"]["x"] == inlined["properties"]["y"] == {"type": "integer"}


def test_pointers_and_names() -> None:
    document = tiny(Slash={"type": "string"})
    document["paths"]["/a/b"] = {"get": {"operationId": "x"}}
    assert pointer_get(document, "#/paths/~1a~1b/get/operationId") == "x"
    assert schema_name({"$ref": "#/components/schemas/Slash"}) == "Slash"
    assert schema_name({"$ref": "#/components/parameters/Id"}) is None
    with pytest.raises(SpecError, match="unresolvable reference"):
        pointer_get(document, "#/components/schemas/Missing")
    with pytest.raises(SpecError, match="only local references"):
        pointer_get(document, "other.yaml#/x")


def test_unreadable_documents_are_named(tmp_path: Path) -> None:
    with pytest.raises(SpecError, match="cannot read"):
        load_document(tmp_path / "missing.yaml")
    (tmp_path / "bad.yaml").write_text("a: [\n")
    with pytest.raises(SpecError, match="not valid YAML"):
        load_document(tmp_path / "bad.yaml")
    (tmp_path / "plain.yaml").write_text("just: text\n")
    with pytest.raises(SpecError, match="not an OpenAPI document"):
        load_document(tmp_path / "plain.yaml")
