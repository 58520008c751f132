"""Checks a response against openapi.yaml: is the status documented, does the body match.

The mock's test suite runs every response through `ResponseChecker` (its self-check); other
suites can do the same with responses of any server.
"""

from __future__ import annotations

import json
from typing import Any

from openapi_schema_validator import OAS30Validator

from plivo_masking_mock.spec import Spec


class ResponseChecker:
    def __init__(self, spec: Spec) -> None:
        self.spec = spec
        self._validators: dict[tuple[str, str], OAS30Validator] = {}
        error_schema = spec.schema("ErrorResponse")
        self._error_validator = OAS30Validator(error_schema)

    def problems(
        self, method: str, path: str, status: int, content_type: str | None, body: bytes | str
    ) -> list[str]:
        """What is wrong with this response to `method path`, as sentences (empty: nothing)."""
        match = self.spec.match(path)
        if match is None:
            # Not a path of the spec: only the documented "unknown path" answer is expected.
            if status != 404:
                return [f"{method} {path}: {status} for a path the spec does not have"]
            return self._check_body(self._error_validator, content_type, body, "404")
        operation = match.operations.get(method.upper())
        if operation is None:
            if status != 405:
                return [f"{method} {path}: {status} for a method the path does not have"]
            return self._check_body(self._error_validator, content_type, body, "405")
        key = str(status)
        if key not in operation.responses:
            key = f"{status // 100}XX" if f"{status // 100}XX" in operation.responses else key
        if key not in operation.responses and "default" not in operation.responses:
            documented = ", ".join(sorted(operation.responses))
            return [f"{operation.operation_id}: status {status} is not documented ({documented})"]
        schema = operation.responses.get(key, operation.responses.get("default"))
        if schema is None:
            return []
        validator = self._validators.get((operation.operation_id, key))
        if validator is None:
            validator = OAS30Validator(schema)
            self._validators[(operation.operation_id, key)] = validator
        return self._check_body(validator, content_type, body, f"{operation.operation_id} {key}")

    @staticmethod
    def _check_body(
        validator: OAS30Validator, content_type: str | None, body: bytes | str, label: str
    ) -> list[str]:
        media_type = (content_type or "").split(";")[0].strip().lower()
        if media_type != "application/json":
            return [f"{label}: content type {content_type!r}, not application/json"]
        try:
            parsed: Any = json.loads(body)
        except ValueError as error:
            return [f"{label}: body is not JSON ({error})"]
        return [
            f"{label}: {'/'.join(map(str, error.absolute_path)) or '<root>'}: {error.message}"
            for error in validator.iter_errors(parsed)
        ]
