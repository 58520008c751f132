"""openapi.yaml as data: operations, parameters, schemas and the vendor extensions the mock reads.

The spec is loaded once when the app is built. Every `$ref` is inlined, and each schema that came
from `#/components/schemas/<Name>` keeps its name under the private key `x-mock-component`, so
that error messages can be chosen by the kind of value (a `PhoneNumber`, a `WebhookUrl`) instead
of by a field list written in Python.
"""

from __future__ import annotations

import copy
import os
import re
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

JSONDict = dict[str, Any]

COMPONENT_KEY = "x-mock-component"
HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")
SPEC_ENV_VAR = "PLIVO_MASKING_SPEC"
_SCHEMA_PREFIX = "#/components/schemas/"
_INSTALLED_SPEC = Path(sys.prefix) / "share" / "plivo-masking-mock" / "openapi.yaml"
_CHECKOUT_SPEC = Path(__file__).resolve().parent.parent / "openapi.yaml"


class SpecError(Exception):
    """The spec lacks something the mock needs, or cannot be read."""


def default_spec_path() -> Path:
    """Where openapi.yaml is: $PLIVO_MASKING_SPEC, the checkout's root, or the installed copy."""
    configured = os.environ.get(SPEC_ENV_VAR)
    if configured:
        return Path(configured)
    for candidate in (_CHECKOUT_SPEC, _INSTALLED_SPEC):
        if candidate.is_file():
            return candidate
    raise SpecError(
        f"openapi.yaml not found (looked at {_CHECKOUT_SPEC} and {_INSTALLED_SPEC}); "
        f"pass --spec PATH or set {SPEC_ENV_VAR}"
    )


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
    params: dict[str, str]
    operations: Mapping[str, Operation]  # method -> operation


@dataclass
class Spec:
    path: Path
    document: JSONDict
    operations: tuple[Operation, ...]
    _patterns: list[tuple[re.Pattern[str], str]] = field(default_factory=list)

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
        inlined: JSONDict = _inline(self.document, {"$ref": _SCHEMA_PREFIX + name})
        return inlined

    def inline(self, node: Any) -> Any:
        """A copy of `node` (a schema, or any part of the document) with its refs inlined."""
        return _inline(self.document, node)

    def match(self, path: str) -> PathMatch | None:
        """The spec path that `path` is (with or without a trailing slash), and its parameters."""
        for pattern, template in self._patterns:
            found = pattern.match(path)
            if found:
                operations = {
                    op.method: op for op in self.operations if op.path_template == template
                }
                return PathMatch(template, dict(found.groupdict()), operations)
        return None


def load_spec(path: Path | str | None = None) -> Spec:
    spec_path = Path(path) if path is not None else default_spec_path()
    try:
        document = yaml.safe_load(spec_path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise SpecError(f"cannot read {spec_path}: {error}") from error
    if not isinstance(document, dict) or "paths" not in document:
        raise SpecError(f"{spec_path} is not an OpenAPI document")
    operations = tuple(_operations(document))
    patterns = [(_path_regex(template), template) for template in document["paths"]]
    return Spec(spec_path, document, operations, patterns)


def _operations(document: JSONDict) -> Iterator[Operation]:
    for template, raw_item in document["paths"].items():
        item = _inline(document, raw_item)
        shared = item.get("parameters", [])
        for method in HTTP_METHODS:
            if method not in item:
                continue
            definition = item[method]
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
                method=method.upper(),
                path_template=template,
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


def _inline(document: JSONDict, node: Any, depth: int = 0) -> Any:
    """A deep copy of `node` with every local `$ref` replaced by what it points to."""
    if depth > 64:
        raise SpecError("$ref nesting too deep (a cycle?)")
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str):
            target = _resolve_pointer(document, ref)
            inlined = _inline(document, target, depth + 1)
            if ref.startswith(_SCHEMA_PREFIX) and isinstance(inlined, dict):
                inlined = {**inlined, COMPONENT_KEY: ref.removeprefix(_SCHEMA_PREFIX)}
            return inlined
        return {key: _inline(document, value, depth) for key, value in node.items()}
    if isinstance(node, list):
        return [_inline(document, item, depth) for item in node]
    return copy.copy(node)


def _resolve_pointer(document: JSONDict, ref: str) -> Any:
    if not ref.startswith("#/"):
        raise SpecError(f"only local references are supported, not {ref!r}")
    target: Any = document
    for raw_part in ref[2:].split("/"):
        part = raw_part.replace("~1", "/").replace("~0", "~")
        if not isinstance(target, dict) or part not in target:
            raise SpecError(f"unresolvable reference {ref!r}")
        target = target[part]
    return target


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
