"""Local `$ref` resolution in an OpenAPI document loaded as plain data (PyYAML)."""

from __future__ import annotations

import copy
from typing import Any

JSON = dict[str, Any]
COMPONENT_SCHEMA = "#/components/schemas/"


def pointer_get(document: JSON, ref: str) -> Any:
    """The value at a local reference `#/a/b~1c`; KeyError if there is none."""
    if not ref.startswith("#/"):
        raise KeyError(f"only local references are supported, not {ref!r}")
    node: Any = document
    for token in ref[2:].split("/"):
        key = token.replace("~1", "/").replace("~0", "~")
        node = node[int(key)] if isinstance(node, list) else node[key]
    return node


def resolve(document: JSON, node: Any) -> Any:
    """Follows `$ref`s until a node that is not a reference."""
    seen: set[str] = set()
    while isinstance(node, dict) and isinstance(node.get("$ref"), str):
        ref = node["$ref"]
        if ref in seen:
            raise ValueError(f"circular reference {ref}")
        seen.add(ref)
        node = pointer_get(document, ref)
    return node


def schema_name(node: Any) -> str | None:
    """`Session` for `{"$ref": "#/components/schemas/Session"}`, else None."""
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith(COMPONENT_SCHEMA):
            return ref[len(COMPONENT_SCHEMA) :]
    return None


def inline(document: JSON, node: Any, depth: int = 0) -> Any:
    """A copy of `node` with every local `$ref` replaced by what it points to (recursive schemas are
    cut at 64 levels, deeper than any real payload of this API)."""
    if depth > 64:
        return {}
    node = resolve(document, node)
    if isinstance(node, dict):
        return {key: inline(document, value, depth + 1) for key, value in node.items()}
    if isinstance(node, list):
        return [inline(document, item, depth + 1) for item in node]
    return copy.deepcopy(node)
