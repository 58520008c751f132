"""The five operations on sessions, over the store, with the rules of `plivo_masking_mock.rules`.

Input is already validated against the spec (`spec_validation`); what is left here is what a
schema cannot say: parties, PINs, defaults, expiry, immutable fields, allocation, isolation.
Each method returns the response body without `api_id` (the HTTP layer adds it).
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

import orjson

from plivo_masking_mock import errors, history
from plivo_masking_mock.clock import Clock
from plivo_masking_mock.config import Account, ConfigError, MockConfig
from plivo_masking_mock.errors import ApiError, BadRequest
from plivo_masking_mock.faults import Faults
from plivo_masking_mock.formats import bare_number, e164, go_timestamp
from plivo_masking_mock.listing import ListingRules
from plivo_masking_mock.rendered_cache import RenderedCache
from plivo_masking_mock.rules import expiry as expiry_rules
from plivo_masking_mock.rules.defaults import DefaultsError, create_defaults
from plivo_masking_mock.rules.immutables import immutable_changes
from plivo_masking_mock.rules.numbers import clashes, pick_number
from plivo_masking_mock.rules.parties import (
    PARTY_FIELDS,
    check_distinct,
    create_parties,
    parties_of,
)
from plivo_masking_mock.rules.pins import pin_settings
from plivo_masking_mock.session import SessionRecord
from plivo_masking_mock.spec import Spec, component_of, property_schemas
from plivo_masking_mock.store import SessionStore, Transaction, record_of_row
from plivo_masking_mock.view import SessionView
from plivo_masking_spec import OperationId

IMMUTABLE_EXTENSION = "x-immutable-fields"
# Update parameters with their own rules, not plain "set the field" updates.
_EXPIRY = "session_expiry"
_NUMERIC_LIMITS = ("call_time_limit", "ring_timeout")
_NO_EFFECT_ON_UPDATE = frozenset({"create_session_with_single_party"})
PHONE_COMPONENT = "PhoneNumber"
_ORJSON_INT_MIN, _ORJSON_INT_MAX = -(2**63), 2**64 - 1  # what orjson renders


class MaskingService:
    def __init__(
        self,
        spec: Spec,
        config: MockConfig,
        store: SessionStore,
        clock: Clock,
        faults: Faults,
    ) -> None:
        self.config = config
        self.store = store
        self.clock = clock
        self.faults = faults
        self.view = SessionView(spec)
        self.list_cache = RenderedCache(self.view.list_item)
        self.session_cache = RenderedCache(self.view.session)
        create_schema = spec.operation(OperationId.CREATE).body_schema or {}
        update_operation = spec.operation(OperationId.UPDATE)
        update_schema = update_operation.body_schema or {}
        self.create_parameters = tuple(property_schemas(create_schema))
        self.update_parameters = tuple(property_schemas(update_schema))
        try:
            self.defaults = create_defaults(
                create_schema, config.defaults_profile, config.default_overrides
            )
        except DefaultsError as error:
            raise ConfigError(f"{config.source}: {error}") from None
        # Some of these are not update parameters at all (pin_retry, ...): an update body may
        # still carry them, since unknown keys are allowed, and they are checked all the same.
        self.immutable_fields = tuple(update_operation.definition.get(IMMUTABLE_EXTENSION, ()))
        # What an update body may carry that the update looks at.
        self._update_keys = frozenset((*self.update_parameters, *self.immutable_fields))
        self.phone_parameters = frozenset(
            name
            for schema in (create_schema, update_schema)
            for name, prop in property_schemas(schema).items()
            if component_of(prop) == PHONE_COMPONENT
        )
        self.listing = ListingRules(spec.operation(OperationId.LIST), config.list_window_days)

    def now(self) -> int:
        return int(self.clock.now())

    # -- create ---------------------------------------------------------------------------

    def create(self, account: Account, body: Mapping[str, Any]) -> dict[str, Any]:
        now = self.now()
        settings = {
            name: body.get(name, self.defaults.get(name)) for name in self.create_parameters
        }
        first, second = create_parties(
            settings.get("first_party"),
            settings.get("second_party"),
            bool(settings.get("create_session_with_single_party")),
        )
        attributes: dict[str, Any] = {}
        for name, value in settings.items():
            attributes[name] = self.view.unset_value(name) if value is None else value
        attributes.update(first_party=first, second_party=second)
        for name in ("session_expiry", *_NUMERIC_LIMITS):
            attributes[name] = expiry_rules.create_value(
                name, settings.get(name), int(self.defaults[name])
            )
        attributes.update(pin_settings(settings))
        attributes.update(
            amount=0,
            interaction=None,
            total_call_amount=0,
            total_call_count=0,
            total_call_billed_duration=0,
            total_session_amount=0,
            last_interaction_time="",
        )
        session_expiry = int(attributes.pop("session_expiry"))
        pool = self._pool(account, settings.get("subaccount"))
        with self.store.transaction() as tx:
            parties = parties_of(first, second)
            uses = tx.number_uses(account.auth_id, pool, parties, now)
            number = pick_number(pool, uses, parties, now)
            if number is None:
                raise BadRequest(errors.POOL_EXHAUSTED)
            record = SessionRecord(
                session_uuid=str(uuid.uuid4()),
                account=account.auth_id,
                virtual_number=number,
                created=now,
                modified=now,
                expiry=expiry_rules.expiry_after(now, session_expiry),
                attributes=attributes,
            )
            tx.insert(record)
            tx.add_history(record.session_uuid, history.HistoryEntry(now, history.CREATED))
        return {
            "session_uuid": record.session_uuid,
            "virtual_number": e164(record.virtual_number),
            "message": "Session created",
            "session": self._session(record, now, reveal_generated_pins=True),
        }

    def _pool(self, account: Account, subaccount: Any) -> tuple[str, ...]:
        """The caller's pool, or that of its sub-account named by `subaccount`, if configured."""
        if subaccount:
            sub = self.config.account(str(subaccount))
            if sub is not None and sub.parent == account.auth_id:
                return sub.pool
        return account.pool

    # -- get, list --------------------------------------------------------------------------

    def get(self, account: Account, session_uuid: str) -> dict[str, Any]:
        """The retrieve answer, its session as a dict."""
        return self._get(account, session_uuid, rendered=False)

    def get_rendered(self, account: Account, session_uuid: str) -> dict[str, Any]:
        """As `get`, but the session may be already rendered JSON (`orjson.Fragment`, from the
        session cache): `json_codec.dumps` of the answer gives the same bytes either way."""
        return self._get(account, session_uuid, rendered=True)

    def _get(self, account: Account, session_uuid: str, *, rendered: bool) -> dict[str, Any]:
        with self.store.reading() as tx:
            row = tx.get_row(session_uuid.lower(), account.auth_id)
        if row is None:
            raise ApiError(404, errors.SESSION_NOT_FOUND)
        now = self.now()
        if rendered and self._may_use(self.session_cache):
            cached = self.session_cache.items([row], now)
            if cached is not None:
                return {"response": orjson.Fragment(cached[0])}
        return {"response": self._session(record_of_row(row), now)}

    def _may_use(self, cache: RenderedCache) -> bool:
        """Whether answers may come from `cache` (a fault that edits them turns it off)."""
        return cache.enabled and "missing_required_field" not in self.faults

    def list(
        self, account: Account, params: Mapping[str, Any], raw_query: Mapping[str, str]
    ) -> dict[str, Any]:
        """The list answer, its items as dicts."""
        return self._list(account, params, raw_query, rendered=False)

    def list_rendered(
        self, account: Account, params: Mapping[str, Any], raw_query: Mapping[str, str]
    ) -> dict[str, Any]:
        """As `list`, but the items may be already rendered JSON (`orjson.Fragment`, from the
        list item cache): `json_codec.dumps` of the answer gives the same bytes either way."""
        return self._list(account, params, raw_query, rendered=True)

    def _list(
        self,
        account: Account,
        params: Mapping[str, Any],
        raw_query: Mapping[str, str],
        *,
        rendered: bool,
    ) -> dict[str, Any]:
        now = self.now()
        query = self.listing.query(account.auth_id, params, now)
        with self.store.reading() as tx:
            total, rows = tx.query_rows(query, now)
        meta = self.listing.meta(account.auth_id, raw_query, query, total)
        if (
            rendered
            and self._may_use(self.list_cache)
            # orjson renders the whole answer (json_codec's fallback cannot render fragments)
            and all(
                _ORJSON_INT_MIN <= query_value <= _ORJSON_INT_MAX
                for query_value in (query.limit, query.offset, total)
            )
        ):
            items = self.list_cache.items(rows, now)
            if items is not None:
                fragments = [orjson.Fragment(item) for item in items]
                return {"response": {"meta": meta, "objects": fragments}}
        objects = [self.view.list_item(record_of_row(row), now) for row in rows]
        if "missing_required_field" in self.faults:
            for item in objects:
                item.pop("duration", None)
        return {
            "response": {
                "meta": meta,
                "objects": objects,
            }
        }

    # -- update ---------------------------------------------------------------------------

    def update(
        self, account: Account, session_uuid: str, body: Mapping[str, Any]
    ) -> dict[str, Any]:
        now = self.now()
        known = self._update_keys
        changes = {name: value for name, value in body.items() if name in known}
        for name in self.phone_parameters & set(changes):
            changes[name] = bare_number(str(changes[name]))
        with self.store.transaction() as tx:
            record = self._find(tx, account, session_uuid)
            if record.is_expired(now) and "update_after_expire" not in self.faults:
                raise BadRequest(errors.SESSION_ALREADY_EXPIRED)
            party_changes = immutable_changes(
                self.immutable_fields,
                changes,
                record.attributes,
                single_party=record.single_party,
                mode=self.config.immutable_fields,
            )
            if party_changes:
                self._check_new_parties(tx, record, party_changes, now)
            before = self.view.session(record, now)
            for name, value in changes.items():
                if name in self.immutable_fields or name in _NO_EFFECT_ON_UPDATE:
                    continue
                if name == _EXPIRY:
                    seconds = expiry_rules.update_value(name, value)
                    if seconds is not None:
                        record.expiry = expiry_rules.expiry_after(now, seconds)
                elif name in _NUMERIC_LIMITS:
                    limit = expiry_rules.update_value(name, value)
                    if limit is not None:
                        record.attributes[name] = limit
                else:
                    record.attributes[name] = value
            record.attributes.update(party_changes)
            record.modified = now
            tx.save(record)
            after = self.view.session(record, now)
            changed = history.changes(before, after)
            tx.add_history(record.session_uuid, history.HistoryEntry(now, history.UPDATED, changed))
        return {"message": "Session updated", "session": self._with_faults(after)}

    def _check_new_parties(
        self, tx: Transaction, record: SessionRecord, changes: Mapping[str, Any], now: int
    ) -> None:
        first = str(changes.get(PARTY_FIELDS[0], record.first_party))
        second = str(changes.get(PARTY_FIELDS[1], record.second_party))
        check_distinct(first, second)
        new_parties = frozenset(str(value) for value in changes.values() if value)
        others = tx.number_uses(
            record.account, [record.virtual_number], new_parties, now, exclude=record.session_uuid
        )
        if clashes(others, new_parties):
            name = next(iter(changes))
            raise errors.invalid_parameter(
                name, "is already a party of another active session on this virtual number"
            )

    # -- expire ---------------------------------------------------------------------------

    def expire(self, account: Account, session_uuid: str) -> dict[str, Any]:
        now = self.now()
        with self.store.transaction() as tx:
            record = self._find(tx, account, session_uuid)
            if record.is_expired(now):
                raise BadRequest(errors.SESSION_ALREADY_EXPIRED)
            # Only times change, so only the computed fields can (the attributes print the same).
            before = self.view.computed(record, now)
            record.ended = record.expiry = record.modified = now
            tx.save(record)
            changed = history.changes(before, self.view.computed(record, now))
            tx.add_history(record.session_uuid, history.HistoryEntry(now, history.EXPIRED, changed))
        return {"message": "Session expired"}

    # -- calls (admin) ----------------------------------------------------------------------

    def simulate_call(
        self,
        session_uuid: str,
        duration: int = 60,
        billed_duration: int | None = None,
        amount: float = 0.0,
    ) -> dict[str, Any]:
        """Records a finished call between the parties, as an interaction of the session."""
        now = self.now()
        with self.store.transaction() as tx:
            record = tx.get(session_uuid)
            if record is None:
                raise ApiError(404, errors.SESSION_NOT_FOUND)
            if record.is_expired(now):
                raise BadRequest(errors.SESSION_ALREADY_EXPIRED)
            call_base = f"/v1/Account/{record.account}/Call/"
            billed = duration if billed_duration is None else billed_duration
            interaction: dict[str, Any] = {
                "type": "call",
                "start_time": go_timestamp(now - duration),
                "end_time": go_timestamp(now),
                "first_party_resource_url": f"{call_base}{uuid.uuid4()}/",
                "second_party_resource_url": f"{call_base}{uuid.uuid4()}/",
                "recording_resource_url": (
                    f"/v1/Account/{record.account}/Recording/{uuid.uuid4()}/"
                    if record.attributes.get("record")
                    else None
                ),
                "duration": duration,
                "call_billed_duration": billed,
                "total_call_count": 2,
                "total_call_amount": amount,
            }
            attributes = record.attributes
            attributes["interaction"] = [*(attributes.get("interaction") or []), interaction]
            attributes["total_call_count"] = int(attributes["total_call_count"]) + 2
            attributes["total_call_billed_duration"] = (
                int(attributes["total_call_billed_duration"]) + billed
            )
            total_amount = round(float(attributes["total_call_amount"]) + amount, 6)
            attributes["total_call_amount"] = total_amount
            attributes["total_session_amount"] = round(
                float(attributes["amount"]) + total_amount, 6
            )
            attributes["last_interaction_time"] = interaction["end_time"]
            tx.save(record)
        return {"message": "Call recorded", "session": self._session(record, now)}

    # -- helpers ----------------------------------------------------------------------------

    def _find(self, tx: Transaction, account: Account, session_uuid: str) -> SessionRecord:
        record = tx.get(session_uuid.lower(), account.auth_id)
        if record is None:
            raise ApiError(404, errors.SESSION_NOT_FOUND)
        return record

    def _session(
        self, record: SessionRecord, now: int, *, reveal_generated_pins: bool = False
    ) -> dict[str, Any]:
        return self._with_faults(
            self.view.session(record, now, reveal_generated_pins=reveal_generated_pins)
        )

    def _with_faults(self, session: dict[str, Any]) -> dict[str, Any]:
        """The session object as answered (its history entry keeps every field)."""
        if "missing_required_field" in self.faults:
            session.pop("duration", None)
        return session
