"""Custom schemathesis check of the contract suite: what the API promises after an expire.

Expiring a session is a soft delete (openapi.yaml, tag "Masking sessions" and the expire
operation): the session stays retrievable with `status: expired`; updating it or expiring it
again answers 400 `Session already expired`. schemathesis' `use_after_free` expects a 404 after a
DELETE, which is the opposite of this contract, so it is off for retrieve
(plivo_masking_contract/schemathesis.toml) and this check holds the documented behaviour instead.

It judges requests of a stateful scenario that target a session the same scenario expired
successfully before (the spec's links create -> expire -> retrieve/update/expire lead there):
  - retrieve (sent with valid data) must answer 200 with `status: expired`;
  - update or expire must not succeed (2xx), nor forget the session (404 for valid data).
That such a valid update or expire answers exactly 400 `Session already expired` is held by
`positive_data_acceptance` together with the suite's `filter_failure` hook
(plivo_masking_contract/hooks.py), which lets that one answer through and no other 400.
Outside a stateful scenario (no recorded history) it does nothing.
"""

from __future__ import annotations

import json
from typing import Any, TypeAlias

import schemathesis
from schemathesis.core.failures import CustomFailure

from plivo_masking_spec import OperationId

# A test case of any operation (schemathesis' `Case` is generic in its operation type).
Case: TypeAlias = schemathesis.Case[Any]

ALREADY_EXPIRED = "Session already expired"

CHECK_NAME = "expired_session_stays_expired"


def operation_id(case: Case) -> str | None:
    raw = case.operation.definition.raw
    value = raw.get("operationId") if isinstance(raw, dict) else None
    return value if isinstance(value, str) else None


def session_key(case: Case) -> tuple[str, str] | None:
    """The (auth_id, session_uuid) a case addresses, or None for create and list."""
    params = case.path_parameters or {}
    auth_id, session_uuid = params.get("auth_id"), params.get("session_uuid")
    if isinstance(auth_id, str) and isinstance(session_uuid, str):
        return auth_id, session_uuid
    return None


def _find_successful_expire(ctx: schemathesis.CheckContext, case: Case) -> Case | None:
    """The latest earlier request of this scenario that expired the session `case` targets."""
    key = session_key(case)
    if key is None:
        return None
    found = None
    for prior in ctx.internals.find_all_cases():
        if prior.id == case.id:
            break
        if operation_id(prior) != OperationId.DELETE or session_key(prior) != key:
            continue
        response = ctx.internals.find_response(case_id=prior.id)
        if response is not None and 200 <= response.status_code < 300:
            found = prior
    return found


def _json(response: schemathesis.Response) -> Any:
    try:
        return json.loads(response.content)
    except (ValueError, UnicodeDecodeError):
        return None


def _fail(case: Case, title: str, message: str) -> CustomFailure:
    return CustomFailure(
        operation=case.operation.label,
        title=title,
        message=message,
        exception=AssertionError(message),
    )


def _is_positive(case: Case) -> bool:
    meta = case.meta
    return meta is None or meta.generation.mode.is_positive


@schemathesis.check
def expired_session_stays_expired(
    ctx: schemathesis.CheckContext, response: schemathesis.Response, case: Case
) -> bool | None:
    op = operation_id(case)
    if op not in (OperationId.GET, OperationId.UPDATE, OperationId.DELETE):
        return None
    expire = _find_successful_expire(ctx, case)
    if expire is None:
        return None
    expired_with = f"DELETE {expire.formatted_path}"
    status = response.status_code
    body = _json(response)

    if op == OperationId.GET:
        if not _is_positive(case) or status in (401, 403, 429) or status >= 500:
            # Not about the session (credentials, rate limit, server error: other checks).
            return None
        session = body.get("response") if isinstance(body, dict) else None
        state = session.get("status") if isinstance(session, dict) else None
        if status != 200 or state != "expired":
            raise _fail(
                case,
                "Expired session is not retrievable as expired",
                "An expired session stays retrievable with `status: expired` (soft delete).\n"
                f"Expired with: `{expired_with}` (answered 2xx)\n"
                f"Retrieve answered {status}"
                + (f" with status `{state}`" if state is not None else ""),
            )
        return None

    # Update or expire of an expired session.
    what = "updated" if op == OperationId.UPDATE else "expired again"
    if 200 <= status < 300:
        raise _fail(
            case,
            f"Expired session can still be {what}",
            f"An expired session cannot be {what}: expected 400 `{ALREADY_EXPIRED}`.\n"
            f"Expired with: `{expired_with}` (answered 2xx)\n"
            f"`{case.operation.label}` answered {status}",
        )
    if status == 404 and _is_positive(case):
        raise _fail(
            case,
            "Expired session forgotten",
            "An expired session stays known (soft delete): expected 400 "
            f"`{ALREADY_EXPIRED}`, got 404.\n"
            f"Expired with: `{expired_with}` (answered 2xx)",
        )
    # Another 4xx is either the documented 400 (asserted by `positive_data_acceptance`, whose
    # report of exactly that answer the suite's `filter_failure` hook drops) or about the request
    # itself (credentials, invalid data, rate limit): other checks judge those.
    return None
