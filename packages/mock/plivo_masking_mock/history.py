"""A session's history of changes: its creation, each update with what it changed, its expiry.

The service records an entry in the same transaction as the change itself (see
`Transaction.add_history`); the console shows them. An expiry reached by the clock alone is no
event anyone wrote down, so `timeline` adds it when it reads the history.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from itertools import compress
from operator import is_not
from typing import Any

CREATED = "created"
UPDATED = "updated"
EXPIRED = "expired"  # through the expire operation
EXPIRY_REACHED = "expiry reached"  # the clock passed expiry_time

# Fields that change on every update, and so say nothing about what the update did.
_ALWAYS_CHANGING = frozenset({"modified_time"})


@dataclass(frozen=True)
class HistoryEntry:
    time: int  # epoch seconds, on the mock's clock
    kind: str  # CREATED, UPDATED, EXPIRED or EXPIRY_REACHED
    # Field name -> [before, after], as the session object prints them.
    changes: dict[str, list[Any]] = field(default_factory=dict)


def changes(before: Mapping[str, Any], after: Mapping[str, Any]) -> dict[str, list[Any]]:
    """The fields of a session object that differ between two of its printings."""
    changed: dict[str, list[Any]] = {}
    if tuple(before) == tuple(after):
        # The same fields in the same order (the usual case): only those whose values are not
        # the very same objects need comparing, and finding them runs in C.
        for name in compress(before, map(is_not, before.values(), after.values())):
            old, new = before[name], after[name]
            if new != old and name not in _ALWAYS_CHANGING:
                changed[name] = [old, new]
        return changed
    printed_after = after.get
    for name, old in before.items():
        new = printed_after(name)
        # Most fields are the very same object in both printings: `is` settles them cheaply
        # (no value a session holds is NaN, the one value that differs from itself).
        if new is not old and new != old and name not in _ALWAYS_CHANGING:
            changed[name] = [old, new]
    for name, new in after.items():  # a field printed only after (absent: None)
        if new is not None and name not in before and name not in _ALWAYS_CHANGING:
            changed[name] = [None, new]
    return changed


def timeline(
    entries: Sequence[HistoryEntry], expiry: int, ended: int | None, now: float
) -> list[HistoryEntry]:
    """The recorded entries, oldest first, plus the expiry reached by the clock, if it was."""
    shown = sorted(entries, key=lambda entry: entry.time)
    if ended is None and now >= expiry:
        shown.append(HistoryEntry(expiry, EXPIRY_REACHED, {"status": ["active", "expired"]}))
    return shown
