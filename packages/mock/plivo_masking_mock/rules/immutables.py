"""Fields an update may not change on an active session (the spec's `x-immutable-fields`).

Sending the value the session already has is accepted (the SDKs send `geomatch` and
`subaccount` back). The exception: on a session created with
`create_session_with_single_party: true`, `first_party` and `second_party` may be set, and
also replaced, by an update (the docs name no limit); other rules (distinct parties, no clash
on the virtual number) still apply.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from plivo_masking_mock.errors import invalid_parameter
from plivo_masking_mock.rules.parties import PARTY_FIELDS


def immutable_changes(
    immutable_fields: Iterable[str],
    body: Mapping[str, Any],
    current: Mapping[str, Any],
    *,
    single_party: bool,
) -> dict[str, Any]:
    """The changes the update may make among the immutable fields; raises on any other change.

    `body` holds normalised values (phone numbers without `+`), comparable to `current`.
    """
    changes: dict[str, Any] = {}
    for name in immutable_fields:
        if name not in body or body[name] == current.get(name):
            continue
        if single_party and name in PARTY_FIELDS:
            changes[name] = body[name]
            continue
        raise invalid_parameter(name, "cannot be updated for an active session")
    return changes
