"""Fields an update may not change on an active session (the spec's `x-immutable-fields`).

The docs say only that these fields cannot be updated; what the server answers when they are
sent is not documented, so the rule is a choice (the spec labels it `chosen`), switchable with the
`immutable_fields` setting (`plivo-masking-mock serve --immutable-fields`):

- `accept-if-equal` (default): a value different from the session's answers 400 `Invalid
  parameter. <field> cannot be updated for an active session.`; the value the session already has
  is accepted (the SDKs send `geomatch` and `subaccount` back);
- `reject`: any of these fields in the body answers that 400, whatever its value;
- `ignore`: they are ignored, as the spec says of unknown body fields.

In every mode, on a session created with `create_session_with_single_party: true`,
`first_party` and `second_party` may be set, and also replaced, by an update (the docs name no
limit); other rules (distinct parties, no clash on the virtual number) still apply.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from plivo_masking_mock.errors import invalid_parameter
from plivo_masking_mock.rules.parties import PARTY_FIELDS

ACCEPT_IF_EQUAL = "accept-if-equal"
MODES = (ACCEPT_IF_EQUAL, "reject", "ignore")


def immutable_changes(
    immutable_fields: Iterable[str],
    body: Mapping[str, Any],
    current: Mapping[str, Any],
    *,
    single_party: bool,
    mode: str = ACCEPT_IF_EQUAL,
) -> dict[str, Any]:
    """The changes the update may make among the immutable fields; raises on a forbidden one.

    `body` holds normalised values (phone numbers without `+`), comparable to `current`.
    """
    changes: dict[str, Any] = {}
    for name in immutable_fields:
        if name not in body:
            continue
        if single_party and name in PARTY_FIELDS:
            if body[name] != current.get(name):
                changes[name] = body[name]
            continue
        if mode == "ignore" or (mode == ACCEPT_IF_EQUAL and body[name] == current.get(name)):
            continue
        raise invalid_parameter(name, "cannot be updated for an active session")
    return changes
