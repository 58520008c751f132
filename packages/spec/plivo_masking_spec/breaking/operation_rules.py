"""Operation-level comparison: own code for what openapi-diff 0.24.1 does not check in OpenAPI 3.0.

openapi-diff compares paths, methods, response status codes and body schemas. It does not look
at parameters (a new required query parameter, a removed one, a narrowed parameter enum), at
whether a request body became required, at removed media types, or at callbacks. Operations
present in both versions are compared here; removed operations and status codes are left to
openapi-diff. Payload schemas are walked by schema_rules.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from plivo_masking_spec.breaking.report import Finding
from plivo_masking_spec.breaking.schema_rules import SOURCE, Direction, Place, SchemaWalk
from plivo_masking_spec.document import HTTP_METHODS, JSON, iter_operations, resolve, schema_name


def operations(document: JSON) -> Iterator[tuple[str, str, JSON, list[Any]]]:
    """(path, method, operation, path-level parameters) of every operation."""
    for entry in iter_operations(document):
        yield entry.path, entry.method, entry.definition, entry.shared_parameters


def operation_label(path: str, method: str, operation: JSON) -> str:
    """`update_masking_session (POST /v1/...)`, or the endpoint alone without an operationId."""
    operation_id = operation.get("operationId")
    endpoint = f"{method.upper()} {path}"
    return f"{operation_id} ({endpoint})" if operation_id else endpoint


def operation_name(path: str, method: str, operation: JSON) -> str:
    """The operationId, or the endpoint without one: how findings name where they were seen."""
    return str(operation.get("operationId") or f"{method.upper()} {path}")


def _parameters(document: JSON, shared: list[Any], own: list[Any]) -> dict[tuple[str, str], JSON]:
    merged: dict[tuple[str, str], JSON] = {}
    for reference in [*shared, *own]:
        parameter = resolve(document, reference)
        merged[(parameter["in"], parameter["name"])] = parameter
    return merged


class OperationComparison:
    """Compares every operation present in both documents."""

    def __init__(self, old_doc: JSON, new_doc: JSON) -> None:
        self.old_doc = old_doc
        self.new_doc = new_doc
        self.findings: list[Finding] = []

    def run(self) -> list[Finding]:
        new_operations = {(p, m): (op, shared) for p, m, op, shared in operations(self.new_doc)}
        for path, method, old_op, old_shared in operations(self.old_doc):
            if (path, method) not in new_operations:
                continue  # openapi-diff reports removed operations
            new_op, new_shared = new_operations[(path, method)]
            where = operation_name(path, method, new_op)
            self._parameters(
                _parameters(self.old_doc, old_shared, old_op.get("parameters", [])),
                _parameters(self.new_doc, new_shared, new_op.get("parameters", [])),
                where,
            )
            self._request_body(
                old_op.get("requestBody"), new_op.get("requestBody"), "request", where
            )
            self._responses(old_op.get("responses", {}), new_op.get("responses", {}), where)
            self._callbacks(old_op.get("callbacks", {}), new_op.get("callbacks", {}), where)
        return self.findings

    def _add(self, what: str, where: str) -> None:
        self.findings.append(Finding(what, where, SOURCE))

    def _walk(
        self, old: Any, new: Any, direction: Direction, where: str, owner: str, *, title: bool
    ) -> None:
        """Compares two schemas; `owner` names an inline one, and also the top when `title`."""
        walk = SchemaWalk(self.old_doc, self.new_doc, direction, where)
        walk.compare(old, new, Place(schema_name(new) or owner, "", owner if title else None))
        self.findings += walk.findings

    def _parameters(
        self, old: dict[tuple[str, str], JSON], new: dict[tuple[str, str], JSON], where: str
    ) -> None:
        for (location, name), parameter in new.items():
            label = f"{location} parameter `{name}`"
            if (location, name) not in old:
                if parameter.get("required"):
                    self._add(f"new required {label}", where)
                continue
            if parameter.get("required") and not old[(location, name)].get("required"):
                self._add(f"{label} is now required", where)
            self._walk(
                old[(location, name)].get("schema", {}),
                parameter.get("schema", {}),
                "request",
                where,
                label,
                title=True,
            )
        for location, name in old.keys() - new.keys():
            self._add(f"{location} parameter `{name}` was removed", where)

    def _content(self, old: Any, new: Any, direction: Direction, where: str, what: str) -> None:
        old_content = (resolve(self.old_doc, old) or {}).get("content") or {}
        new_content = (resolve(self.new_doc, new) or {}).get("content") or {}
        for media_type, old_media in old_content.items():
            if media_type not in new_content:
                self._add(f"{what}: media type {media_type} was removed", where)
                continue
            self._walk(
                old_media.get("schema", {}),
                new_content[media_type].get("schema", {}),
                direction,
                where,
                f"the {what}",
                title=False,
            )

    def _request_body(self, old: Any, new: Any, direction: Direction, where: str) -> None:
        old_body, new_body = resolve(self.old_doc, old), resolve(self.new_doc, new)
        if new_body is None:
            if old_body is not None:
                self._add("the request body was removed", where)
            return
        if (
            direction == "request"
            and new_body.get("required")
            and not (old_body or {}).get("required")
        ):
            self._add("the request body is now required", where)
        if old_body is not None:
            self._content(old_body, new_body, direction, where, "request body")

    def _responses(self, old: JSON, new: JSON, where: str) -> None:
        for status in old.keys() & new.keys():
            self._content(
                old[status], new[status], "response", f"{where} {status}", f"{status} response body"
            )

    def _callbacks(self, old: JSON, new: JSON, where: str) -> None:
        """A callback's request is sent by the API to the client's server: a response, for the
        client's purposes."""
        for name, old_callback in old.items():
            old_paths = resolve(self.old_doc, old_callback)
            new_paths = resolve(self.new_doc, new[name]) if name in new else None
            if new_paths is None:
                self._add(f"callback `{name}` was removed", where)
                continue
            for expression, old_item in old_paths.items():
                new_item = new_paths.get(expression, {})
                for method in HTTP_METHODS:
                    if method not in old_item:
                        continue
                    label = f"{where} callback {name}"
                    if method not in new_item:
                        self._add(
                            f"callback `{name}` {method.upper()} {expression} was removed", where
                        )
                        continue
                    self._request_body(
                        old_item[method].get("requestBody"),
                        new_item[method].get("requestBody"),
                        "response",
                        label,
                    )
