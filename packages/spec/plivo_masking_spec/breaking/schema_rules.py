"""Field-level comparison of two versions of a schema: own code for what openapi-diff misses.

openapi-diff 0.24.1 (json-schema-diff inside) ignores `enum` and `nullable` altogether, and it
reports body changes only as "the body accepts more / fewer values" without naming the field.
This walk names the field and covers those keywords. The direction decides what breaks:

  request   (the client sends it): breaking when the new version accepts less: a field removed
            or newly required, a type changed or narrowed, an enum value removed, `nullable`
            dropped, a bound tightened.
  response  (the client receives it): breaking when the new version may send what old clients do
            not expect: a field removed or no longer always present, a type changed or widened,
            an enum value added (generated Go and Java clients reject unknown values), `null`
            newly allowed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from plivo_masking_spec.breaking.report import Finding
from plivo_masking_spec.document import JSON, resolve, schema_name

Direction = Literal["request", "response"]
SOURCE = "schema check"
LOWER_BOUNDS = ("minimum", "minLength", "minItems", "minProperties")
UPPER_BOUNDS = ("maximum", "maxLength", "maxItems", "maxProperties")


@dataclass(frozen=True)
class Place:
    """Where in a payload the walk is: the schema that owns the field, and the field's path."""

    owner: str  # "UpdateSessionRequest", or "the request body" for inline schemas
    path: str  # "session.virtual_number", "" at the owner's top
    title: str | None = None  # what to call the top instead, e.g. "query parameter `status`"

    def field(self, name: str) -> Place:
        return Place(self.owner, f"{self.path}.{name}" if self.path else name)

    def items(self) -> Place:
        return Place(self.owner, f"{self.path}[]" if self.path else "[]")

    def label(self, direction: Direction) -> str:
        if not self.path:
            return self.title or f"{direction} schema `{self.owner}`"
        return f"{direction} field `{self.path}` of `{self.owner}`"


def _flatten(document: JSON, schema: Any) -> JSON:
    """The schema with `$ref`s followed and `allOf` members merged (the usual `allOf: [$ref]`
    wrapper that carries a description, and object extension)."""
    schema = resolve(document, schema)
    if not isinstance(schema, dict):
        return {}
    members = schema.get("allOf")
    if not isinstance(members, list):
        return schema
    merged: JSON = {key: value for key, value in schema.items() if key != "allOf"}
    properties: JSON = {}
    required: list[str] = []
    for member in members:
        flat = _flatten(document, member)
        for key, value in flat.items():
            if key == "properties":
                properties.update(value)
            elif key == "required":
                required += [name for name in value if name not in required]
            else:
                merged.setdefault(key, value)
    properties.update(schema.get("properties", {}))
    required += [name for name in schema.get("required", []) if name not in required]
    if properties:
        merged["properties"] = properties
    if required:
        merged["required"] = required
    return merged


def _is_object(schema: JSON) -> bool:
    return "properties" in schema or schema.get("type") == "object"


def _type_change(old: JSON, new: JSON, direction: Direction) -> str | None:
    old_type, new_type = old.get("type"), new.get("type")
    if old_type == new_type:
        return None
    widened = new_type is None or (old_type, new_type) == ("integer", "number")
    narrowed = old_type is None or (old_type, new_type) == ("number", "integer")
    if direction == "request" and widened:
        return None
    if direction == "response" and narrowed:
        return None
    return f"type changed from {old_type or 'any'} to {new_type or 'any'}"


def _enum_change(old: JSON, new: JSON, direction: Direction) -> str | None:
    old_values, new_values = old.get("enum"), new.get("enum")
    if old_values == new_values:
        return None
    if direction == "request":
        if new_values is None:
            return None
        if old_values is None:
            return f"is now restricted to {_values(new_values)}"
        removed = [value for value in old_values if value not in new_values]
        return f"no longer accepts {_values(removed)}" if removed else None
    if old_values is None:
        return None
    if new_values is None:
        return f"is no longer restricted to {_values(old_values)}"
    added = [value for value in new_values if value not in old_values]
    return f"may now be {_values(added)}, unknown to old clients" if added else None


def _values(values: list[Any]) -> str:
    return ", ".join(repr(value) for value in values)


def _nullable_change(old: JSON, new: JSON, direction: Direction) -> str | None:
    old_null, new_null = bool(old.get("nullable")), bool(new.get("nullable"))
    if direction == "request" and old_null and not new_null:
        return "no longer accepts null"
    if direction == "response" and new_null and not old_null:
        return "may now be null"
    return None


def _bound_changes(old: JSON, new: JSON, direction: Direction) -> list[str]:
    if direction == "response":
        return []  # a wider range in a response is reported by openapi-diff; rarely a break
    changes = []
    for key in LOWER_BOUNDS:
        if key in new and (key not in old or new[key] > old[key]):
            changes.append(f"{key} raised from {old.get(key, 'none')} to {new[key]}")
    for key in UPPER_BOUNDS:
        if key in new and (key not in old or new[key] < old[key]):
            changes.append(f"{key} lowered from {old.get(key, 'none')} to {new[key]}")
    return changes


@dataclass
class SchemaWalk:
    """Compares one payload's schema in two documents; collects findings for one place (`where`)."""

    old_doc: JSON
    new_doc: JSON
    direction: Direction
    where: str

    def __post_init__(self) -> None:
        self.findings: list[Finding] = []
        self._seen: set[tuple[str, str]] = set()

    def _add(self, what: str) -> None:
        self.findings.append(Finding(what, self.where, SOURCE))

    def compare(self, old: Any, new: Any, place: Place) -> None:
        old_name, new_name = schema_name(old), schema_name(new)
        if old_name is not None and old_name == new_name:
            key = (old_name, place.path)
            if key in self._seen:
                return  # recursive schema, or already compared at this place
            self._seen.add(key)
        flat_old, flat_new = _flatten(self.old_doc, old), _flatten(self.new_doc, new)
        if new_name is not None and _is_object(flat_new):
            place = Place(new_name, "")
        label = place.label(self.direction)
        for change in (
            _type_change(flat_old, flat_new, self.direction),
            _enum_change(flat_old, flat_new, self.direction),
            _nullable_change(flat_old, flat_new, self.direction),
            *_bound_changes(flat_old, flat_new, self.direction),
        ):
            if change:
                self._add(f"{label}: {change}")
        self._compare_properties(flat_old, flat_new, place)
        if "items" in flat_old and "items" in flat_new:
            self.compare(flat_old["items"], flat_new["items"], place.items())
        for keyword in ("oneOf", "anyOf"):
            old_options, new_options = flat_old.get(keyword), flat_new.get(keyword)
            if isinstance(old_options, list) and isinstance(new_options, list):
                for old_option, new_option in zip(old_options, new_options, strict=False):
                    self.compare(old_option, new_option, place)
                if len(old_options) != len(new_options):
                    self._add(f"{label}: the alternatives of {keyword} changed")

    def _compare_properties(self, old: JSON, new: JSON, place: Place) -> None:
        old_props: JSON = old.get("properties", {})
        new_props: JSON = new.get("properties", {})
        old_required = set(old.get("required", []))
        new_required = set(new.get("required", []))
        for name in old_props:
            label = place.field(name).label(self.direction)
            if name not in new_props:
                self._add(f"{label} was removed")
            elif self.direction == "request" and name in new_required - old_required:
                self._add(f"{label} is now required")
            elif self.direction == "response" and name in old_required - new_required:
                self._add(f"{label} is no longer always present")
        if self.direction == "request":
            # (A name required before is not new, e.g. in an anyOf branch that only adds required.)
            for name in sorted(new_required - set(old_props) - old_required):
                self._add(f"new required {place.field(name).label(self.direction)}")
        for name in old_props.keys() & new_props.keys():
            self.compare(old_props[name], new_props[name], place.field(name))
