"""Many stored sessions at once, for load tests: `plivo-masking-mock seed` and `serve --seed`.

The first session is created by the create operation itself (defaults, PIN settings, totals: all
that create stores); the others are copies of it with their own uuid and parties, written in one
transaction. Each session has two parties of its own (`+1303...`, never shared), so none blocks
another's virtual number, and the account's numbers are used in turn. All are created at the
mock's current time and stay active for `session_expiry` seconds.
"""

from __future__ import annotations

import uuid
from dataclasses import replace

from plivo_masking_mock.config import Account
from plivo_masking_mock.service import MaskingService
from plivo_masking_mock.session import SessionRecord

MAX_SESSIONS = 1_000_000
BATCH = 10_000
DEFAULT_SESSION_EXPIRY = 86_400  # the spec's maximum: active for a day of load testing


def party(index: int) -> str:
    """The E.164 number of party `index` of the seeded sessions (0 and 1 for the first)."""
    return f"+1303{index:07d}"


def seed(
    service: MaskingService,
    account: Account,
    count: int,
    session_expiry: int = DEFAULT_SESSION_EXPIRY,
) -> int:
    """Stores `count` new active sessions of `account`; how many sessions the store then has."""
    if not 0 <= count <= MAX_SESSIONS:
        raise ValueError(f"seed from 0 to {MAX_SESSIONS:,} sessions, not {count}")
    if count == 0:
        with service.store.transaction() as tx:
            return tx.count()
    body = {"first_party": party(0), "second_party": party(1), "session_expiry": session_expiry}
    first = service.create(account, body)
    with service.store.transaction() as tx:
        template = tx.get(str(first["session_uuid"]))
    assert template is not None
    pool = account.pool
    batch: list[SessionRecord] = []
    for index in range(1, count):
        attributes = dict(template.attributes)
        attributes["first_party"] = party(2 * index).removeprefix("+")
        attributes["second_party"] = party(2 * index + 1).removeprefix("+")
        batch.append(
            replace(
                template,
                session_uuid=str(uuid.uuid4()),
                virtual_number=pool[index % len(pool)],
                attributes=attributes,
            )
        )
        if len(batch) == BATCH or index == count - 1:
            with service.store.transaction() as tx:
                tx.insert_many(batch)
            batch = []
    with service.store.transaction() as tx:
        return tx.count()
