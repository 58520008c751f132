"""The one OpenAPI document layer: load openapi.yaml, follow and inline local `$ref`s, walk the
operations. Every other part of the project (the mock, the contract suite, the client generator,
the breaking-change gate, the tests) reads the spec through this module.

One cycle policy everywhere: inlining a reference that is already being inlined further up (a
recursive schema) raises `ReferenceCycleError`, naming the chain. This API's spec has no
recursive schema; a spec that grows one fails loudly instead of being cut off at some depth.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from plivo_masking_spec.resources import spec_path

JSON = dict[str, Any]

# The fixed fields of a Path Item Object that are operations (OpenAPI 3.0.3, 4.7.9).
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
COMPONENT_SCHEMA = "#/components/schemas/"


class SpecError(Exception):
    """The document cannot be read, or lacks something its reader needs."""


class ReferenceCycleError(SpecError):
    """A `$ref` that (through others) points back at itself was to be inlined."""


def load_document(path: Path | str | None = None) -> JSON:
    """The spec as plain data: `path`, or the packaged openapi.yaml. SpecError when unreadable."""
    source = Path(path) if path is not None else spec_path()
    try:
        text = source.read_text(encoding="utf-8")
    except OSError as error:
        raise SpecError(f"cannot read {source}: {error.strerror or error}") from error
    return parse_document(text, str(source))


def parse_document(text: str, name: str) -> JSON:
    """`text` as an OpenAPI document; SpecError naming `name` when it is not one."""
    try:
        document = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise SpecError(f"{name} is not valid YAML: {error}") from error
    if not isinstance(document, dict) or not isinstance(document.get("paths"), dict):
        raise SpecError(f"{name} is not an OpenAPI document (no `paths` object)")
    return document


def pointer_get(document: JSON, ref: str) -> Any:
    """The value at a local reference such as `#/components/schemas/Session`."""
    if not ref.startswith("#/"):
        raise SpecError(f"only local references are supported, not {ref!r}")
    node: Any = document
    for token in ref[2:].split("/"):
        key = token.replace("~1", "/").replace("~0", "~")
        try:
            node = node[int(key)] if isinstance(node, list) else node[key]
        except (KeyError, IndexError, ValueError, TypeError):
            raise SpecError(f"unresolvable reference {ref!r}") from None
    return node


def resolve(document: JSON, node: Any) -> Any:
    """`node`, or what its `$ref` (and theirs) point to: the first node that is not a reference."""
    seen: list[str] = []
    while isinstance(node, dict) and isinstance(node.get("$ref"), str):
        ref = node["$ref"]
        if ref in seen:
            raise ReferenceCycleError(f"circular reference: {' -> '.join([*seen, ref])}")
        seen.append(ref)
        node = pointer_get(document, ref)
    return node


def schema_name(node: Any) -> str | None:
    """`Session` for `{"$ref": "#/components/schemas/Session"}`, else None."""
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith(COMPONENT_SCHEMA):
            return ref.removeprefix(COMPONENT_SCHEMA)
    return None


def inline(document: JSON, node: Any, *, mark_components: str | None = None) -> Any:
    """A deep copy of `node` with every local `$ref` replaced by a copy of what it points to.

    With `mark_components`, each object that came from `#/components/schemas/<Name>` carries
    `<mark_components>: "<Name>"`, so readers can tell a schema by its component name after
    inlining (the mock words its errors by it).
    """
    return _inline(document, node, (), mark_components)


def _inline(document: JSON, node: Any, stack: tuple[str, ...], mark: str | None) -> Any:
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str):
            if ref in stack:
                chain = " -> ".join([*stack[stack.index(ref) :], ref])
                raise ReferenceCycleError(f"recursive reference cannot be inlined: {chain}")
            inlined = _inline(document, pointer_get(document, ref), (*stack, ref), mark)
            name = schema_name(node)
            if mark is not None and name is not None and isinstance(inlined, dict):
                inlined = {**inlined, mark: name}
            return inlined
        return {key: _inline(document, value, stack, mark) for key, value in node.items()}
    if isinstance(node, list):
        return [_inline(document, item, stack, mark) for item in node]
    return copy.copy(node)


@dataclass(frozen=True)
class OperationEntry:
    """One operation of the document, as written (references kept)."""

    path: str
    method: str  # lower case, as in the document
    definition: JSON  # the Operation Object
    path_item: JSON  # the Path Item Object it belongs to (resolved if it was a reference)

    @property
    def operation_id(self) -> str | None:
        value = self.definition.get("operationId")
        return str(value) if value is not None else None

    @property
    def endpoint(self) -> str:
        """`POST /v1/Account/{auth_id}/Masking/Session/`."""
        return f"{self.method.upper()} {self.path}"

    @property
    def shared_parameters(self) -> list[Any]:
        """The path-level parameters, which every operation of the path inherits."""
        shared = self.path_item.get("parameters", [])
        return shared if isinstance(shared, list) else []


def iter_operations(document: JSON) -> Iterator[OperationEntry]:
    """Every operation, in the document's order (paths, then the methods within each path)."""
    for path, raw_item in (document.get("paths") or {}).items():
        item = resolve(document, raw_item)
        if not isinstance(item, dict):
            continue
        for method, definition in item.items():
            if method in HTTP_METHODS and isinstance(definition, dict):
                yield OperationEntry(path, method, definition, item)


def operation_ids(document: JSON) -> list[str]:
    """The operationIds of the document, in its order."""
    return [op.operation_id for op in iter_operations(document) if op.operation_id is not None]


def find_operation(document: JSON, operation_id: str) -> OperationEntry:
    for entry in iter_operations(document):
        if entry.operation_id == operation_id:
            return entry
    raise SpecError(f"the spec has no operation {operation_id!r}")
