"""openapi.yaml as data, for tests: the raw document (refs kept, for tests about the spec's own
structure), its operations and response schemas, and validation of a value against a schema,
whose refs the mock's spec loader (`mock_server.spec`) inlines.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from openapi_schema_validator import OAS30Validator

from mock_server.spec import Spec
from mock_server.spec import load_spec as load_inlining_spec

SPEC_PATH = Path(__file__).resolve().parent.parent / "openapi.yaml"
HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")


@cache
def load_spec() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))
    return loaded


@cache
def _mock_spec() -> Spec:
    """The same file through the mock's loader, which inlines every `$ref`."""
    return load_inlining_spec(SPEC_PATH)


@dataclass(frozen=True)
class Operation:
    path: str
    method: str
    definition: dict[str, Any]

    @property
    def operation_id(self) -> str:
        return str(self.definition["operationId"])


def operations() -> Iterator[Operation]:
    for path, item in load_spec()["paths"].items():
        for method in HTTP_METHODS:
            if method in item:
                yield Operation(path, method, item[method])


def operation(operation_id: str) -> Operation:
    for candidate in operations():
        if candidate.operation_id == operation_id:
            return candidate
    raise KeyError(operation_id)


def resolve(node: dict[str, Any]) -> dict[str, Any]:
    """Follows a local `$ref` (one level or more) to the object it names."""
    while "$ref" in node:
        target: Any = load_spec()
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


def response_schema(operation_id: str, status: str) -> dict[str, Any]:
    response = resolve(operation(operation_id).definition["responses"][status])
    schema: dict[str, Any] = response["content"]["application/json"]["schema"]
    return schema


def schema_errors(schema: dict[str, Any], instance: Any) -> list[str]:
    return [
        f"{'/'.join(map(str, error.absolute_path)) or '<root>'}: {error.message}"
        for error in OAS30Validator(_mock_spec().inline(schema)).iter_errors(instance)
    ]
