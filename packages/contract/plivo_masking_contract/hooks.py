"""Schemathesis hooks of the contract suite (registered on the suite's schema only).

Cross-field rules. The spec names, in each operation's `x-rules-not-in-schema`, the rules the
server enforces (with a 400) that JSON Schema cannot express; everything else (create's parties
and PIN requirements, the list's calendar times) is in the schemas, so schemathesis generates
valid data for it by itself. A request the schema calls valid ("positive" data) must still obey
the named rules, or `positive_data_acceptance` would rightly report the 400. Instead of switching
that check off or allowing 400, the `map_case` hook below edits valid (positive) bodies only, as
little as possible, so that they obey those rules; schema-violating parts are left alone (a 400
is what they want). Only these rules are handled:

  create  - The two parties are different numbers (400 `second_party must be different from
            first_party`); with chosen PINs, the two PINs differ. Numbers are also made fresh,
            so that no party shares a virtual number with another active session (a pool
            exhausted for them).
  update  - Fields listed in the update operation's `x-immutable-fields` extension cannot change
            on an active session (400 `... cannot be updated for an active session`). They are
            read from the spec, not listed here, and dropped from positive update bodies: the
            suite cannot know the value a session already has.

Expired sessions. Updating or expiring an expired session answers 400 `Session already expired`
(update and expire descriptions). The stateful phase reaches that state on purpose (the spec's
links from expire to update/expire). The `filter_failure` hook drops the `positive_data_acceptance`
report of exactly that answer for a session this run expired itself; the custom check
`expired_session_stays_expired` (plivo_masking_contract/checks.py) asserts the answer instead.

The run log hooks (`after_call`, `after_validate`) only count and record, for the summary.
"""

from __future__ import annotations

import itertools
import json
import threading
from typing import Any

import schemathesis
from schemathesis.core.failures import Failure
from schemathesis.core.parameters import ParameterLocation
from schemathesis.openapi.checks import RejectedPositiveData

from plivo_masking_contract.checks import (
    ALREADY_EXPIRED,
    Case,
    operation_id,
    session_key,
)
from plivo_masking_contract.runlog import RunLog
from plivo_masking_spec import OperationId


def immutable_fields(raw_schema: dict[str, Any]) -> tuple[str, ...]:
    """The update operation's `x-immutable-fields`, from the spec."""
    for item in raw_schema.get("paths", {}).values():
        for operation in item.values():
            if isinstance(operation, dict) and operation.get("operationId") == OperationId.UPDATE:
                return tuple(operation.get("x-immutable-fields", ()))
    raise LookupError(f"openapi.yaml has no {OperationId.UPDATE} operation")


def _valid_part(case: Case, location: ParameterLocation) -> bool:
    """Whether this part of the request (body, query) was generated valid.

    Judged per part, not per case: a case that is negative only in its path (say, a mutated
    `auth_id` that the configured override pins back before sending) is sent with this part as
    generated, and schemathesis then counts the whole request as positive.
    """
    meta = case.meta
    if meta is None:
        return True  # the spec's own examples
    component = meta.components.get(location)
    if component is not None:
        return component.mode.is_positive
    return meta.generation.mode.is_positive


class CrossFieldRules:
    """The `map_case` hook: positive cases made to obey the rules the schema cannot express."""

    def __init__(self, immutable: tuple[str, ...]) -> None:
        self.immutable = immutable
        # Numbers for parties the rules require and the case lacks; fresh ones, so that the new
        # session does not share a party with another active session on the same virtual number.
        self._numbers = itertools.count()
        self._lock = threading.Lock()

    def fresh_number(self) -> str:
        with self._lock:
            serial = next(self._numbers) % 10_000_000
        return f"+1415{serial:07d}"

    def map_case(self, context: schemathesis.HookContext, case: Case) -> Case:
        op = operation_id(case)
        if op == OperationId.CREATE and isinstance(case.body, dict):
            if _valid_part(case, ParameterLocation.BODY):
                self.create_rules(case.body)
        elif (
            op == OperationId.UPDATE
            and isinstance(case.body, dict)
            and _valid_part(case, ParameterLocation.BODY)
        ):
            for name in self.immutable:
                case.body.pop(name, None)
        return case

    def before_add_examples(self, context: schemathesis.HookContext, examples: list[Case]) -> None:
        """The examples phase builds its cases from the spec's examples without `map_case`; the
        same rules apply to them."""
        for index, case in enumerate(examples):
            examples[index] = self.map_case(context, case)

    def create_rules(self, body: dict[str, Any]) -> None:
        # Distinct parties (the schema already says which parties are present).
        first, second = body.get("first_party"), body.get("second_party")
        if first is not None and str(first).removeprefix("+") == str(second).removeprefix("+"):
            body["second_party"] = self.fresh_number()
        # Distinct PINs (the schema already says when PINs are required).
        if (
            body.get("is_pin_authentication_required") is True
            and body.get("generate_pin") is not True
        ):
            first_pin, second_pin = body.get("first_party_pin"), body.get("second_party_pin")
            if first_pin == second_pin and isinstance(second_pin, str) and second_pin:
                body["second_party_pin"] = _other_pin(second_pin)


def _other_pin(pin: str) -> str:
    """A PIN of the same length that differs in its last digit."""
    return pin[:-1] + str((int(pin[-1]) + 1) % 10)


class ExpiredSessions:
    """Sessions this run expired, and the `filter_failure` hook for their documented 400."""

    def __init__(self) -> None:
        self._expired: set[tuple[str, str]] = set()
        self._lock = threading.Lock()

    def after_call(
        self,
        context: schemathesis.HookContext,
        case: Case,
        response: schemathesis.Response,
    ) -> None:
        if operation_id(case) == OperationId.DELETE and 200 <= response.status_code < 300:
            key = session_key(case)
            if key is not None:
                with self._lock:
                    self._expired.add(key)

    def filter_failure(
        self,
        context: schemathesis.HookContext,
        failure: Failure,
        case: Case,
        response: schemathesis.Response,
    ) -> bool:
        """False (drop) for positive data answered 400 `Session already expired` on a session this
        run expired; every other failure is kept."""
        if not isinstance(failure, RejectedPositiveData) or response.status_code != 400:
            return True
        key = session_key(case)
        with self._lock:
            expired = key is not None and key in self._expired
        return not (expired and _error_of(response) == ALREADY_EXPIRED)


def _error_of(response: schemathesis.Response) -> object:
    try:
        body = json.loads(response.content)
    except (ValueError, UnicodeDecodeError):
        return None
    return body.get("error") if isinstance(body, dict) else None


class RunLogHooks:
    def __init__(self, run_log: RunLog) -> None:
        self.run_log = run_log

    def after_call(
        self,
        context: schemathesis.HookContext,
        case: Case,
        response: schemathesis.Response,
    ) -> None:
        self.run_log.record_call(case)

    def after_validate(
        self,
        context: schemathesis.HookContext,
        case: Case,
        response: schemathesis.Response,
        results: list[Any],
    ) -> None:
        self.run_log.record_results(case, response, results)


def register(schema: schemathesis.BaseSchema, run_log: RunLog) -> None:
    """Attach the suite's hooks to `schema` (and its clones), not to schemathesis globally."""
    rules = CrossFieldRules(immutable_fields(schema.raw_schema))
    expired = ExpiredSessions()
    log_hooks = RunLogHooks(run_log)
    schema.hooks.register_hook_with_name(rules.map_case, "map_case")
    schema.hooks.register_hook_with_name(rules.before_add_examples, "before_add_examples")
    schema.hooks.register_hook_with_name(expired.after_call, "after_call")
    schema.hooks.register_hook_with_name(expired.filter_failure, "filter_failure")
    schema.hooks.register_hook_with_name(log_hooks.after_call, "after_call")
    schema.hooks.register_hook_with_name(log_hooks.after_validate, "after_validate")
