"""openapi.yaml as data, for tests: operations, response schemas and a schema validator."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from openapi_schema_validator import OAS30Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4

SPEC_PATH = Path(__file__).resolve().parent.parent / "openapi.yaml"
_SPEC_URI = "urn:openapi.yaml"
HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")


@cache
def load_spec() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))
    return loaded


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


def validator(schema: dict[str, Any]) -> OAS30Validator:
    """A validator of `schema` whose `#/components/...` references resolve into the spec."""
    registry: Registry[Any] = Registry().with_resource(
        _SPEC_URI, Resource.from_contents(load_spec(), default_specification=DRAFT4)
    )
    rebased = _rebase_refs(schema)
    return OAS30Validator(rebased, registry=registry)


def _rebase_refs(node: Any) -> Any:
    if isinstance(node, dict):
        return {key: _rebase_value(key, value) for key, value in node.items()}
    if isinstance(node, list):
        return [_rebase_refs(item) for item in node]
    return node


def _rebase_value(key: str, value: Any) -> Any:
    if key == "$ref" and isinstance(value, str) and value.startswith("#"):
        return _SPEC_URI + value
    return _rebase_refs(value)


def schema_errors(schema: dict[str, Any], instance: Any) -> list[str]:
    return [
        f"{'/'.join(map(str, error.absolute_path)) or '<root>'}: {error.message}"
        for error in validator(schema).iter_errors(instance)
    ]
