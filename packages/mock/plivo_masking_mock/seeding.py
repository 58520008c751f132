"""Many stored sessions at once, for load tests: `plivo-masking-mock seed` and `serve --seed`.

A template session is made by the create operation itself (defaults, PIN settings, totals: all
that create stores), in a scratch store; the seeded sessions are copies of it, written in
batches. Seeded session `i` of an account (counting on from the sessions it already has) has a
uuid and two parties of its own that a load test can compute: `session_uuid(auth_id, i)`,
`party(2 * i)` and `party(2 * i + 1)`; no two share a party, so none blocks another's virtual
number, and the account's numbers are used in turn. All are created at the mock's current time
and stay active for `session_expiry` seconds.
"""

from __future__ import annotations

import uuid
from dataclasses import replace

from plivo_masking_mock.config import Account
from plivo_masking_mock.faults import Faults
from plivo_masking_mock.service import MaskingService
from plivo_masking_mock.session import SessionRecord
from plivo_masking_mock.spec import Spec
from plivo_masking_mock.store import SessionStore

MAX_SESSIONS = 1_000_000
BATCH = 10_000
DEFAULT_SESSION_EXPIRY = 86_400  # the spec's maximum: active for a day of load testing


_NAMESPACE = uuid.UUID("6f1c4a52-3d0e-4b8e-9a57-2f1d7c9e0b31")


def party(index: int) -> str:
    """The E.164 number of party `index` of the seeded sessions (0 and 1 for the first)."""
    return f"+1303{index:07d}"


def session_uuid(auth_id: str, index: int) -> str:
    """The uuid of seeded session `index` of account `auth_id`."""
    return str(uuid.uuid5(_NAMESPACE, f"{auth_id}/{index}"))


def seed(
    spec: Spec,
    service: MaskingService,
    account: Account,
    count: int,
    session_expiry: int = DEFAULT_SESSION_EXPIRY,
) -> int:
    """Stores `count` new active sessions of `account`; how many sessions the store then has."""
    if not 0 <= count <= MAX_SESSIONS:
        raise ValueError(f"seed from 0 to {MAX_SESSIONS:,} sessions, not {count}")
    start = _seeded(service.store, account)
    scratch = MaskingService(spec, service.config, SessionStore(), service.clock, Faults())
    body = {"first_party": party(0), "second_party": party(1), "session_expiry": session_expiry}
    made = scratch.create(account, body)
    with scratch.store.transaction() as tx:
        template = tx.get(str(made["session_uuid"]))
    scratch.store.close()
    assert template is not None
    pool = account.pool
    batch: list[SessionRecord] = []
    for index in range(start, start + count):
        attributes = dict(template.attributes)
        attributes["first_party"] = party(2 * index).removeprefix("+")
        attributes["second_party"] = party(2 * index + 1).removeprefix("+")
        batch.append(
            replace(
                template,
                session_uuid=session_uuid(account.auth_id, index),
                virtual_number=pool[index % len(pool)],
                attributes=attributes,
            )
        )
        if len(batch) == BATCH or index == start + count - 1:
            with service.store.transaction() as tx:
                tx.insert_many(batch)
            batch = []
    with service.store.transaction() as tx:
        return tx.count()


def _seeded(store: SessionStore, account: Account) -> int:
    """How many sessions of the account were seeded before (the next index)."""
    with store.transaction() as tx:
        # Seeded sessions are consecutive from 0, so the first missing index is the count;
        # a binary search over uuids keeps this to a few lookups for a million sessions.
        low, high = 0, MAX_SESSIONS * 2
        while low < high:
            middle = (low + high) // 2
            if tx.get(session_uuid(account.auth_id, middle)) is not None:
                low = middle + 1
            else:
                high = middle
        index = low
    return index
