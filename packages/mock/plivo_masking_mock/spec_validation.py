"""Request validation against the schemas of openapi.yaml, answered in Plivo's words.

Nothing here knows a field: the checks are the spec's schemas, run by an OpenAPI 3.0 validator,
and each failure is turned into a message from the kind of check that failed (enum, range,
pattern, type) and, for patterns, from the component the schema came from.

Cross-field rules at the top of a body (`anyOf`/`oneOf`/`not` of the whole body: create's parties
and PIN authentication) are left to the rule modules (`plivo_masking_mock.rules`), which enforce
the same rules and answer in the words of Plivo's messages.

String booleans (`"true"` for a boolean) are rejected, or, with `string_booleans = "accept"`,
turned into JSON booleans before validation (a chosen rule, see the spec's `record`).

Each schema is compiled twice at start-up: into jsonschema-rs (Draft 4, the dialect OpenAPI 3.0
extends, with `nullable` spelt as a `null` type), which only says whether a value is valid, and
into the detailed `OAS30Validator`, which is asked only when the fast one said no, to find and
word the error. The fast one is never more lenient than the detailed one where it matters: when
it rejects a value that the detailed one accepts (a `nullable` it was not taught, say), the value
is accepted, only more slowly; `tests/mock/test_spec_validation.py` compares the two verdicts.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import jsonschema_rs
from jsonschema import FormatChecker
from jsonschema.exceptions import ValidationError
from openapi_schema_validator import OAS30Validator

from plivo_masking_mock.errors import BadRequest, invalid_parameter, missing_parameter
from plivo_masking_mock.spec import (
    JSONDict,
    Operation,
    Parameter,
    Spec,
    component_of,
    property_schemas,
    schema_keyword,
)

# How a failed `pattern` is worded, by the component the schema is. Plivo's own phrases
# (private-beta docs); other components are described by their description's first sentence.
PATTERN_PHRASES: dict[str, str] = {
    "PhoneNumber": "is not a valid phone number",
    "WebhookUrl": "should be a valid URL",
    "AudioUrl": "should be a valid URL",
    "AudioUrlOrEmpty": "should be a valid URL",
    "FilterTimestamp": "is not a valid date and time",
}
_CROSS_FIELD_KEYWORDS = frozenset({"anyOf", "oneOf", "not"})
_BOOLEAN_TEXT = ("true", "false")
_FORMAT_NAMES = {"uuid": "UUID"}
_INTEGER_TEXT = re.compile(r"[+-]?[0-9]+")
_RANGE_KEYWORDS = {"minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"}
_FORMAT_CHECKER = FormatChecker(formats=["uuid"])
_VALID_PATH_VALUES_KEPT = 4_096


class SchemaValidator:
    """One schema, compiled into a fast yes/no validator and the detailed one."""

    def __init__(self, schema: JSONDict) -> None:
        self.detailed = OAS30Validator(schema, format_checker=_FORMAT_CHECKER)
        self.fast = jsonschema_rs.Draft4Validator(
            fast_schema(schema),
            validate_formats=True,
            formats={name: _format_check(name) for name in _FORMAT_CHECKER.checkers},
        )

    def first_error(
        self, instance: Any, skip: Callable[[ValidationError], bool] | None = None
    ) -> ValidationError | None:
        """The first error the detailed validator finds (but those `skip` accepts), if the fast
        one found any."""
        try:
            if self.fast.is_valid(instance):
                return None
        except (ValueError, TypeError, OverflowError):
            pass  # a value jsonschema-rs cannot take (an integer beyond 64 bits): ask the other
        errors = self.detailed.iter_errors(instance)
        return next((error for error in errors if skip is None or not skip(error)), None)


@dataclass(frozen=True)
class _QueryParameter:
    parameter: Parameter
    validator: SchemaValidator
    default: Any


class RequestValidator:
    """Validators of every operation's body and parameters, built once from the spec."""

    def __init__(self, spec: Spec, *, string_booleans: str = "reject") -> None:
        self.string_booleans = string_booleans
        self._bodies: dict[str, SchemaValidator] = {}
        self._boolean_fields: dict[str, frozenset[str]] = {}
        self._parameters: dict[tuple[str, str, str], SchemaValidator] = {}
        self._query: dict[str, tuple[_QueryParameter, ...]] = {}
        self._path: dict[str, tuple[Parameter, ...]] = {}
        # Path values that passed (operation, parameter, value): checked once, not per request.
        self._valid_path_values: set[tuple[str, str, str]] = set()
        for operation in spec.operations:
            if operation.body_schema is not None:
                self._bodies[operation.operation_id] = SchemaValidator(operation.body_schema)
                self._boolean_fields[operation.operation_id] = frozenset(
                    name
                    for name, prop in property_schemas(operation.body_schema).items()
                    if schema_keyword(prop, "type") == "boolean"
                )
            for parameter in operation.parameters:
                key = (operation.operation_id, parameter.location, parameter.name)
                self._parameters[key] = SchemaValidator(parameter.schema)
            self._query[operation.operation_id] = tuple(
                _QueryParameter(
                    parameter,
                    self._parameters[(operation.operation_id, parameter.location, parameter.name)],
                    schema_keyword(parameter.schema, "default"),
                )
                for parameter in operation.query_parameters()
            )
            self._path[operation.operation_id] = operation.path_parameters()

    def validate_body(self, operation: Operation, body: Any) -> Any:
        """The body, checked: raises BadRequest, naming the parameter, when it breaks the schema.

        With `string_booleans = "accept"`, the returned body has `"true"`/`"false"` of boolean
        parameters as JSON booleans.
        """
        validator = self._bodies.get(operation.operation_id)
        if validator is None:
            return body
        if not isinstance(body, dict):
            raise BadRequest("Invalid request body. A JSON object is expected.")
        if self.string_booleans == "accept":
            booleans = self._boolean_fields.get(operation.operation_id, frozenset())
            body = {
                name: value == "true" if name in booleans and value in _BOOLEAN_TEXT else value
                for name, value in body.items()
            }
        error = validator.first_error(body, skip=_is_cross_field_rule)
        if error is not None:
            raise _to_bad_request(_error_name(error), error)
        return body

    def validate_path(self, operation: Operation, values: Mapping[str, str]) -> None:
        for parameter in self._path[operation.operation_id]:
            if parameter.name in values:
                value = values[parameter.name]
                key = (operation.operation_id, parameter.name, value)
                if key in self._valid_path_values:
                    continue  # the same account and sessions come again and again
                self._check(operation, parameter, value)
                if len(self._valid_path_values) >= _VALID_PATH_VALUES_KEPT:
                    self._valid_path_values.clear()
                self._valid_path_values.add(key)

    def parse_query(self, operation: Operation, query: Mapping[str, str]) -> dict[str, Any]:
        """The operation's query parameters, typed by their schemas, validated, defaults added.

        Keys the operation does not declare are ignored.
        """
        parsed: dict[str, Any] = {}
        for entry in self._query[operation.operation_id]:
            parameter = entry.parameter
            if parameter.name in query:
                value = coerce(parameter.schema, query[parameter.name])
                error = entry.validator.first_error(value)
                if error is not None:
                    raise _to_bad_request(parameter.name, error)
                parsed[parameter.name] = value
            elif parameter.required:
                raise missing_parameter(parameter.name)
            elif entry.default is not None:
                parsed[parameter.name] = entry.default
        return parsed

    def _check(self, operation: Operation, parameter: Parameter, value: Any) -> None:
        validator = self._parameters[(operation.operation_id, parameter.location, parameter.name)]
        error = validator.first_error(value)
        if error is not None:
            raise _to_bad_request(parameter.name, error)


def coerce(schema: JSONDict, text: str) -> Any:
    """A query-string value as the type its schema declares (left as text if it is not one)."""
    kind = schema_keyword(schema, "type")
    if kind == "integer" and _INTEGER_TEXT.fullmatch(text):
        return int(text)
    if kind == "number":
        try:
            return float(text)
        except ValueError:
            return text
    if kind == "boolean" and text in ("true", "false"):
        return text == "true"
    return text


def fast_schema(schema: JSONDict) -> JSONDict:
    """An OpenAPI 3.0 schema as Draft 4 JSON Schema: `nullable: true` beside a single `type`
    becomes that type or `null`; other `nullable`s are left (so the fast validator rejects a
    null there, and the detailed one decides)."""

    def convert(node: Any) -> Any:
        if isinstance(node, list):
            return [convert(item) for item in node]
        if not isinstance(node, dict):
            return node
        converted = {key: convert(value) for key, value in node.items()}
        kind = converted.get("type")
        if converted.get("nullable") is True and isinstance(kind, str) and "enum" not in node:
            converted["type"] = [kind, "null"]
        return converted

    result: JSONDict = convert(copy.deepcopy(schema))
    return result


def _is_cross_field_rule(error: ValidationError) -> bool:
    """An `anyOf`/`oneOf`/`not` of the whole body: a rule module answers it, in its own words."""
    return error.validator in _CROSS_FIELD_KEYWORDS and not error.absolute_path


def _format_check(name: str) -> Any:
    def check(instance: str) -> bool:
        return bool(_FORMAT_CHECKER.conforms(instance, name))

    return check


def _error_name(error: ValidationError) -> str:
    if error.validator == "required":
        missing = [name for name in error.validator_value if name not in (error.instance or {})]
        prefix = [str(part) for part in error.absolute_path]
        return ".".join([*prefix, missing[0] if missing else "?"])
    return ".".join(str(part) for part in error.absolute_path)


def _to_bad_request(name: str, error: ValidationError) -> BadRequest:
    keyword = error.validator
    schema: JSONDict = error.schema if isinstance(error.schema, dict) else {}
    if keyword == "required":
        return missing_parameter(name)
    if keyword == "type":
        expected = error.validator_value
        if expected == "boolean":
            return invalid_parameter(name, "allowed values are true or false")
        article = "an" if str(expected)[:1] in "aeiou" else "a"
        return invalid_parameter(name, f"must be {article} {expected}")
    if keyword == "enum":
        return invalid_parameter(name, f"allowed values are {_join_or(error.validator_value)}")
    if keyword in _RANGE_KEYWORDS or (keyword == "not" and _is_number(error.instance)):
        return invalid_parameter(name, "is outside the allowed range")
    if keyword == "maxLength":
        return invalid_parameter(
            name, f"should be under {int(error.validator_value) + 1} characters"
        )
    if keyword == "minLength":
        return invalid_parameter(
            name, f"should be at least {error.validator_value} characters long"
        )
    if keyword == "pattern":
        return invalid_parameter(name, _pattern_phrase(schema))
    if keyword == "format":
        label = _FORMAT_NAMES.get(str(error.validator_value), str(error.validator_value))
        return invalid_parameter(name, f"is not a valid {label}")
    return invalid_parameter(name, "is not valid")


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _pattern_phrase(schema: JSONDict) -> str:
    component = component_of(schema)
    if component in PATTERN_PHRASES:
        return PATTERN_PHRASES[component]
    description = str(schema_keyword(schema, "description") or "").strip()
    if not description:
        return f"does not match {schema_keyword(schema, 'pattern')}"
    first = description.split(". ")[0].rstrip(".").replace("`", "").replace("\n", " ")
    return f"is not valid: expected {first[:1].lower()}{first[1:]}"


def _join_or(values: list[Any]) -> str:
    words = [_json_word(value) for value in values]
    if len(words) == 1:
        return words[0]
    return f"{', '.join(words[:-1])} or {words[-1]}"


def _json_word(value: Any) -> str:
    if value is True:
        return "true"
    if value is False:
        return "false"
    if value is None:
        return "null"
    return str(value)
