"""The breaking-change gate's own rules (plivo_masking_spec.breaking), on small specs: fast, and
without openapi-diff (tests/spec/test_breaking_gate.py runs the whole gate on the real spec)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from plivo_masking_spec.breaking.openapi_diff import prepared
from plivo_masking_spec.breaking.operation_rules import OperationComparison
from plivo_masking_spec.breaking.report import Finding, render
from plivo_masking_spec.document import ReferenceCycleError

Spec = dict[str, Any]


def base() -> Spec:
    ref = {"$ref": "#/components/schemas/Req"}
    return {
        "openapi": "3.0.3",
        "paths": {
            "/s": {
                "post": {
                    "operationId": "make",
                    "parameters": [{"name": "q", "in": "query", "schema": {"type": "string"}}],
                    "requestBody": {"content": {"application/json": {"schema": ref}}},
                    "responses": {
                        "200": {
                            "description": "ok",
                            "content": {
                                "application/json": {"schema": {"$ref": "#/components/schemas/Res"}}
                            },
                        }
                    },
                }
            }
        },
        "components": {
            "schemas": {
                "Req": {
                    "type": "object",
                    "properties": {
                        "mode": {"type": "string", "enum": ["a", "b"]},
                        "n": {"type": "integer", "maximum": 10},
                    },
                },
                "Res": {
                    "type": "object",
                    "required": ["id"],
                    "properties": {"id": {"type": "string"}, "note": {"type": "string"}},
                },
            }
        },
    }


def req(spec: Spec) -> Spec:
    found: Spec = spec["components"]["schemas"]["Req"]["properties"]
    return found


def res(spec: Spec) -> Spec:
    found: Spec = spec["components"]["schemas"]["Res"]
    return found


def operation(spec: Spec) -> Spec:
    found: Spec = spec["paths"]["/s"]["post"]
    return found


def remove_id(spec: Spec) -> None:
    del res(spec)["properties"]["id"]
    del res(spec)["required"]


def rename_media_type(spec: Spec) -> None:
    content = operation(spec)["requestBody"]["content"]
    content["application/xml"] = content.pop("application/json")


BREAKING: dict[str, tuple[Callable[[Spec], object], str, str]] = {
    "narrowed request enum": (
        lambda s: req(s)["mode"].update(enum=["a"]),
        "request field `mode` of `Req`: no longer accepts 'b'",
        "make",
    ),
    "new required parameter": (
        lambda s: operation(s)["parameters"].append(
            {"name": "r", "in": "query", "required": True, "schema": {"type": "string"}}
        ),
        "new required query parameter `r`",
        "make",
    ),
    "parameter now required": (
        lambda s: operation(s)["parameters"][0].update(required=True),
        "query parameter `q` is now required",
        "make",
    ),
    "request type changed": (
        lambda s: req(s)["n"].update(type="string"),
        "request field `n` of `Req`: type changed from integer to string",
        "make",
    ),
    "maximum lowered": (
        lambda s: req(s)["n"].update(maximum=5),
        "request field `n` of `Req`: maximum lowered from 10 to 5",
        "make",
    ),
    "response may be null": (
        lambda s: res(s)["properties"]["id"].update(nullable=True),
        "response field `id` of `Res`: may now be null",
        "make 200",
    ),
    "response field removed": (
        remove_id,
        "response field `id` of `Res` was removed",
        "make 200",
    ),
    "request media type removed": (
        rename_media_type,
        "request body: media type application/json was removed",
        "make",
    ),
}


@pytest.mark.parametrize("name", BREAKING)
def test_each_breaking_change_is_named_where_it_happened(name: str) -> None:
    edit, what, where = BREAKING[name]
    new = base()
    edit(new)
    assert OperationComparison(base(), new).run() == [Finding(what, where, "schema check")]


@pytest.mark.parametrize(
    "edit",
    [
        lambda s: req(s).update(extra={"type": "string"}),  # a new optional request field
        lambda s: req(s)["mode"].update(enum=["a", "b", "c"]),  # a request enum widened
        lambda s: res(s)["properties"]["id"].update(enum=["x"]),  # responses narrowed
        lambda s: req(s)["n"].update(maximum=20),  # a bound relaxed
    ],
    ids=["optional-field", "wider-request-enum", "narrower-response", "relaxed-bound"],
)
def test_compatible_changes_pass(edit: Callable[[Spec], object]) -> None:
    new = base()
    edit(new)
    assert OperationComparison(base(), new).run() == []


def test_the_same_change_seen_twice_is_printed_once_with_both_places() -> None:
    findings = [Finding("x was removed", "a", "own rules"), Finding("x was removed", "b", "own")]
    findings.append(Finding("x was removed", "b", "own rules"))
    lines = render(findings)
    assert "  BREAKING: x was removed (in a; b) [own rules]" in lines
    assert len(lines) == 2


def test_a_recursive_request_body_is_an_error_not_a_silent_cut() -> None:
    spec = base()
    req(spec)["child"] = {"$ref": "#/components/schemas/Req"}
    with pytest.raises(ReferenceCycleError, match="Req"):
        prepared(spec)
