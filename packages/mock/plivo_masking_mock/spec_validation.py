"""Request validation against the schemas of openapi.yaml, answered in Plivo's words.

Nothing here knows a field: the checks are the spec's schemas, run by an OpenAPI 3.0 validator,
and each failure is turned into a message from the kind of check that failed (enum, range,
pattern, type) and, for patterns, from the component the schema came from.

Cross-field rules at the top of a body (`anyOf`/`oneOf`/`not` of the whole body: create's parties
and PIN authentication) are left to the rule modules (`plivo_masking_mock.rules`), which enforce
the same rules and answer in the words of Plivo's messages.

String booleans (`"true"` for a boolean) are rejected, or, with `string_booleans = "accept"`,
turned into JSON booleans before validation (a chosen rule, see the spec's `record`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

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


class RequestValidator:
    """Validators of every operation's body and parameters, built once from the spec."""

    def __init__(self, spec: Spec, *, string_booleans: str = "reject") -> None:
        self.string_booleans = string_booleans
        self._bodies: dict[str, OAS30Validator] = {}
        self._boolean_fields: dict[str, frozenset[str]] = {}
        self._parameters: dict[tuple[str, str, str], OAS30Validator] = {}
        for operation in spec.operations:
            if operation.body_schema is not None:
                self._bodies[operation.operation_id] = _validator(operation.body_schema)
                self._boolean_fields[operation.operation_id] = frozenset(
                    name
                    for name, prop in property_schemas(operation.body_schema).items()
                    if schema_keyword(prop, "type") == "boolean"
                )
            for parameter in operation.parameters:
                key = (operation.operation_id, parameter.location, parameter.name)
                self._parameters[key] = _validator(parameter.schema)

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
        for error in validator.iter_errors(body):
            if error.validator in _CROSS_FIELD_KEYWORDS and not error.absolute_path:
                continue  # a cross-field rule: the rule modules answer it
            raise _to_bad_request(_error_name(error), error)
        return body

    def validate_path(self, operation: Operation, values: Mapping[str, str]) -> None:
        for parameter in operation.path_parameters():
            if parameter.name in values:
                self._check(operation, parameter, values[parameter.name])

    def parse_query(self, operation: Operation, query: Mapping[str, str]) -> dict[str, Any]:
        """The operation's query parameters, typed by their schemas, validated, defaults added.

        Keys the operation does not declare are ignored.
        """
        parsed: dict[str, Any] = {}
        for parameter in operation.query_parameters():
            if parameter.name in query:
                value = coerce(parameter.schema, query[parameter.name])
                self._check(operation, parameter, value)
                parsed[parameter.name] = value
            elif parameter.required:
                raise missing_parameter(parameter.name)
            else:
                default = schema_keyword(parameter.schema, "default")
                if default is not None:
                    parsed[parameter.name] = default
        return parsed

    def _check(self, operation: Operation, parameter: Parameter, value: Any) -> None:
        validator = self._parameters[(operation.operation_id, parameter.location, parameter.name)]
        for error in validator.iter_errors(value):
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


def _validator(schema: JSONDict) -> OAS30Validator:
    return OAS30Validator(schema, format_checker=_FORMAT_CHECKER)


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
