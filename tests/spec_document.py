"""openapi.yaml as data, for tests: the raw document (refs kept, for tests about the spec's own
structure), its operations and response schemas, and validation of a value against a schema.
Everything goes through the one document layer, `plivo_masking_spec`.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import Any

from openapi_schema_validator import OAS30Validator

from plivo_masking_spec import (
    OperationEntry,
    find_operation,
    inline,
    iter_operations,
    load_document,
    packaged_spec_path,
)
from plivo_masking_spec import resolve as resolve_ref

SPEC_PATH = packaged_spec_path()
Operation = OperationEntry


@cache
def load_spec() -> dict[str, Any]:
    return load_document(SPEC_PATH)


def operations() -> Iterator[OperationEntry]:
    return iter_operations(load_spec())


def operation(operation_id: str) -> OperationEntry:
    return find_operation(load_spec(), operation_id)


def resolve(node: dict[str, Any]) -> dict[str, Any]:
    """Follows a local `$ref` (one level or more) to the object it names."""
    resolved: dict[str, Any] = resolve_ref(load_spec(), node)
    return resolved


def response_schema(operation_id: str, status: str) -> dict[str, Any]:
    response = resolve(operation(operation_id).definition["responses"][status])
    schema: dict[str, Any] = response["content"]["application/json"]["schema"]
    return schema


def schema_errors(schema: dict[str, Any], instance: Any) -> list[str]:
    return [
        f"{'/'.join(map(str, error.absolute_path)) or '<root>'}: {error.message}"
        for error in OAS30Validator(inline(load_spec(), schema)).iter_errors(instance)
    ]
