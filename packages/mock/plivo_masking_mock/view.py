"""Sessions as the real API prints them: field order, formats, and which fields appear.

The fields of a session are the `Session` schema's properties; their order is that of the
recorded responses, taken from the spec's create example (the wire order of create, get and
update), with list items in alphabetical order plus `resource_uri`, like every recorded list.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import lru_cache
from operator import itemgetter
from typing import Any

from plivo_masking_mock.formats import go_timestamp
from plivo_masking_mock.session import SessionRecord
from plivo_masking_mock.spec import JSONDict, Spec, property_schemas, schema_keyword
from plivo_masking_spec import OperationId

SESSION_SCHEMA = "Session"
# Fields computed from the record rather than read from its attributes.
_COMPUTED = (
    "session_uuid",
    "virtual_number",
    "status",
    "created_time",
    "modified_time",
    "expiry_time",
    "duration",
)
_PIN_FIELDS = ("first_party_pin", "second_party_pin")
_timestamp = lru_cache(maxsize=65_536)(go_timestamp)  # the same few seconds, over and over


class SessionView:
    def __init__(self, spec: Spec) -> None:
        properties = property_schemas(spec.schema(SESSION_SCHEMA))
        self.fields = tuple(properties)
        example_order = _create_example_order(spec)
        self.order = (*example_order, *(name for name in self.fields if name not in example_order))
        # Fields printed as `""` while unset (plain strings); the others are `null`.
        self.empty_when_unset = frozenset(
            name
            for name, schema in properties.items()
            if schema_keyword(schema, "type") == "string" and not _nullable(schema)
        )
        # Computed once: the attributes a session prints, and every key in print order (the
        # example's order, then the schema's, then computed keys the schema lacks).
        self._attribute_fields = frozenset(self.fields) - frozenset(_COMPUTED)
        printable = self._attribute_fields | frozenset(_COMPUTED) | frozenset(_PIN_FIELDS)
        extra = [name for name in (*_COMPUTED, *_PIN_FIELDS) if name not in self.order]
        session_order = [name for name in (*self.order, *extra) if name in printable]
        self._session_keys = _Keys(session_order)
        self._session_keys_without_subaccount = _Keys(
            name for name in session_order if name != "subaccount"
        )
        list_names = {*self.fields, *_COMPUTED, *_PIN_FIELDS, "resource_uri"} - {"subaccount"}
        self._list_keys = _Keys(sorted(list_names))

    def unset_value(self, name: str) -> Any:
        """What an unset field prints: `""` for a plain string field, else `null`."""
        return "" if name in self.empty_when_unset else None

    def session(
        self, record: SessionRecord, now: float, *, reveal_generated_pins: bool = False
    ) -> dict[str, Any]:
        """The session object of create, get and update responses."""
        values = self._values(record, now, reveal_generated_pins)
        # Only sub-account sessions carry the field.
        if values.get("subaccount") is None:
            return self._session_keys_without_subaccount.pick(values)
        return self._session_keys.pick(values)

    def list_item(self, record: SessionRecord, now: float) -> dict[str, Any]:
        """A session as list prints it: keys sorted, plus `resource_uri`, no `subaccount`."""
        values = self._values(record, now, False)
        values["resource_uri"] = resource_uri(record.account, record.session_uuid)
        return self._list_keys.pick(values)

    @staticmethod
    def computed(record: SessionRecord, now: float) -> dict[str, Any]:
        """The fields computed from the record rather than read from its attributes (all printed
        by every session object): what a change of times alone changes."""
        return {
            "session_uuid": record.session_uuid,
            "virtual_number": record.virtual_number,
            "status": record.status(now),
            "created_time": _timestamp(record.created),
            "modified_time": _timestamp(record.modified),
            "expiry_time": _timestamp(record.expiry),
            "duration": record.duration,
        }

    def _values(
        self, record: SessionRecord, now: float, reveal_generated_pins: bool
    ) -> dict[str, Any]:
        """The attributes with the computed fields over them (keys no session prints included:
        `_Keys.pick` takes only the printed ones)."""
        attributes = record.attributes
        values = attributes | self.computed(record, now)
        if attributes.get("generate_pin") and not reveal_generated_pins:
            # Generated PINs are returned by create only.
            values["first_party_pin"] = values["second_party_pin"] = None
        return values


class _Keys:
    """The keys an object prints, in order: `pick` takes them from a dict of values, leaving out
    those it lacks (all at once, in C, when it has them all: the usual case)."""

    __slots__ = ("_get", "_names")

    def __init__(self, names: Iterable[str]) -> None:
        self._names = tuple(names)
        # (itemgetter of one name gives the value, not a tuple of it)
        self._get = itemgetter(*self._names) if len(self._names) > 1 else _one(self._names)

    def pick(self, values: dict[str, Any]) -> dict[str, Any]:
        try:
            picked = self._get(values)
        except KeyError:
            return {name: values[name] for name in self._names if name in values}
        return dict(zip(self._names, picked))  # noqa: B905 - `_get` gives one value per name


def _one(names: tuple[str, ...]) -> Callable[[dict[str, Any]], tuple[Any, ...]]:
    return lambda values: tuple(values[name] for name in names)


def resource_uri(auth_id: str, session_uuid: str) -> str:
    return f"/v1/Account/{auth_id}/Masking/Session/{session_uuid}/"


def _create_example_order(spec: Spec) -> tuple[str, ...]:
    operation = spec.operation(OperationId.CREATE)
    for status, response in operation.definition.get("responses", {}).items():
        if str(status).startswith("2"):
            content = response.get("content", {}).get("application/json", {})
            session = content.get("example", {}).get("session")
            if isinstance(session, dict):
                return tuple(session)
    return ()


def _nullable(schema: JSONDict) -> bool:
    if schema.get("nullable"):
        return True
    branches = [branch for key in ("allOf", "oneOf", "anyOf") for branch in schema.get(key, [])]
    return any(_nullable(branch) for branch in branches)
