"""openapi.yaml as data: operations, parameters, schemas and the vendor extensions the mock reads.

The spec is loaded once when the app is built. Every `$ref` is inlined, and each schema that came
from `#/components/schemas/<Name>` keeps its name under the private key `x-mock-component`, so
that error messages can be chosen by the kind of value (a `PhoneNumber`, a `WebhookUrl`) instead
of by a field list written in Python.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from plivo_masking_spec import (
    COMPONENT_SCHEMA,
    JSON,
    SpecError,
    check_operation_ids,
    inline,
    iter_operations,
    load_document,
    spec_path,
)

JSONDict = JSON

COMPONENT_KEY = "x-mock-component"
_MATCHES_KEPT = 4_096

__all__ = ["COMPONENT_KEY", "Operation", "Parameter", "PathMatch", "Spec", "SpecError", "load_spec"]


@dataclass(frozen=True)
class Parameter:
    name: str
    location: str  # "path" or "query"
    required: bool
    schema: JSONDict


@dataclass(frozen=True)
class Operation:
    operation_id: str
    method: str  # upper case
    path_template: str
    parameters: tuple[Parameter, ...]
    body_schema: JSONDict | None
    body_required: bool
    responses: Mapping[str, JSONDict | None]  # status -> JSON schema of the body (or None)
    definition: JSONDict  # the operation object, refs inlined

    def parameter(self, name: str) -> Parameter:
        for parameter in self.parameters:
            if parameter.name == name:
                return parameter
        raise SpecError(f"{self.operation_id} has no parameter {name!r}")

    def query_parameters(self) -> tuple[Parameter, ...]:
        return tuple(p for p in self.parameters if p.location == "query")

    def path_parameters(self) -> tuple[Parameter, ...]:
        return tuple(p for p in self.parameters if p.location == "path")


@dataclass(frozen=True)
class PathMatch:
    template: str
    params: Mapping[str, str]  # read-only: one match serves every request for its path
    operations: Mapping[str, Operation]  # method -> operation


@dataclass
class Spec:
    path: Path
    document: JSONDict
    operations: tuple[Operation, ...]
    _patterns: list[tuple[re.Pattern[str], str]] = field(default_factory=list)
    _by_template: dict[str, dict[str, Operation]] = field(default_factory=dict, init=False)
    # The matches of recent paths: the same account's and sessions' paths come again and again.
    _matched: dict[str, PathMatch | None] = field(default_factory=dict, init=False)

    def __post_init__(self) -> None:
        for operation in self.operations:
            methods = self._by_template.setdefault(operation.path_template, {})
            methods[operation.method] = operation

    def operation(self, operation_id: str) -> Operation:
        for operation in self.operations:
            if operation.operation_id == operation_id:
                return operation
        raise SpecError(f"no operation {operation_id!r} in {self.path}")

    def schema(self, name: str) -> JSONDict:
        """A component schema with its refs inlined."""
        schemas = self.document.get("components", {}).get("schemas", {})
        if name not in schemas:
            raise SpecError(f"no schema {name!r} in {self.path}")
        inlined: JSONDict = self.inline({"$ref": COMPONENT_SCHEMA + name})
        return inlined

    def inline(self, node: Any) -> Any:
        """A copy of `node` (a schema, or any part of the document) with its refs inlined."""
        return inline(self.document, node, mark_components=COMPONENT_KEY)

    def match(self, path: str) -> PathMatch | None:
        """The spec path that `path` is (with or without a trailing slash), and its parameters."""
        try:
            return self._matched[path]
        except KeyError:
            pass
        match = None
        for pattern, template in self._patterns:
            found = pattern.match(path)
            if found:
                operations = self._by_template.get(template, {})
                match = PathMatch(template, MappingProxyType(found.groupdict()), operations)
                break
        if len(self._matched) >= _MATCHES_KEPT:
            self._matched.clear()
        self._matched[path] = match
        return match


def load_spec(path: Path | str | None = None) -> Spec:
    """openapi.yaml (default: $PLIVO_MASKING_SPEC or the packaged spec), compiled for the mock."""
    spec_file = Path(path) if path is not None else spec_path()
    document = load_document(spec_file)
    check_operation_ids(document)
    operations = tuple(_operations(document))
    patterns = [(_path_regex(template), template) for template in document["paths"]]
    return Spec(spec_file, document, operations, patterns)


def _operations(document: JSONDict) -> Iterator[Operation]:
    for entry in iter_operations(document):
        definition = inline(document, entry.definition, mark_components=COMPONENT_KEY)
        shared = inline(document, entry.shared_parameters, mark_components=COMPONENT_KEY)
        by_key: dict[tuple[str, str], JSONDict] = {}
        for raw in [*shared, *definition.get("parameters", [])]:
            by_key[(raw["name"], raw["in"])] = raw
        parameters = tuple(
            Parameter(
                name=raw["name"],
                location=raw["in"],
                required=bool(raw.get("required", False)),
                schema=raw.get("schema", {}),
            )
            for raw in by_key.values()
        )
        body = definition.get("requestBody")
        body_schema = None
        if body is not None:
            body_schema = body.get("content", {}).get("application/json", {}).get("schema")
        responses: dict[str, JSONDict | None] = {}
        for status, response in definition.get("responses", {}).items():
            content = response.get("content", {}).get("application/json")
            responses[str(status)] = content.get("schema") if content else None
        yield Operation(
            operation_id=definition["operationId"],
            method=entry.method.upper(),
            path_template=entry.path,
            parameters=parameters,
            body_schema=body_schema,
            body_required=bool(body and body.get("required", False)),
            responses=responses,
            definition=definition,
        )


def _path_regex(template: str) -> re.Pattern[str]:
    parts = re.split(r"(\{[^}]+\})", template.rstrip("/"))
    regex = "".join(
        f"(?P<{part[1:-1]}>[^/]+)" if part.startswith("{") else re.escape(part) for part in parts
    )
    return re.compile(f"^{regex}/?$")


def property_schemas(schema: JSONDict) -> dict[str, JSONDict]:
    """The properties of an object schema (inlined), merging the branches of `allOf`."""
    merged: dict[str, JSONDict] = {}
    for branch in schema.get("allOf", []):
        merged.update(property_schemas(branch))
    merged.update(schema.get("properties", {}))
    return merged


def schema_keyword(schema: JSONDict, keyword: str) -> Any:
    """A keyword of a schema or, failing that, of the first `allOf` branch that has it."""
    if keyword in schema:
        return schema[keyword]
    for branch in schema.get("allOf", []):
        found = schema_keyword(branch, keyword)
        if found is not None:
            return found
    return None


def component_of(schema: JSONDict) -> str | None:
    """The component name of a schema, looking through `allOf` wrappers."""
    name = schema_keyword(schema, COMPONENT_KEY)
    return str(name) if name is not None else None
