"""Virtual-number allocation from an account's pool.

Like the real API, a number serves several active sessions at once, as long as no party of the
new session is a party of another active session on that number (a caller must know whom a
call to the number reaches). A number whose session ended less than that session's
`virtual_number_cooloff_period` ago is out of the pool. Numbers are tried in pool order, so the
first numbers are reused as much as possible.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class NumberUse:
    """One session on a virtual number, as allocation sees it."""

    virtual_number: str
    parties: frozenset[str]
    active: bool
    ended_at: int  # when it ended (or will end): the explicit expire time or expiry_time
    cooloff: int


def blocked_numbers(uses: Iterable[NumberUse], parties: frozenset[str], now: int) -> set[str]:
    blocked: set[str] = set()
    for use in uses:
        if use.active:
            if use.parties & parties:
                blocked.add(use.virtual_number)
        elif now < use.ended_at + use.cooloff:
            blocked.add(use.virtual_number)
    return blocked


def pick_number(
    pool: Sequence[str], uses: Iterable[NumberUse], parties: frozenset[str], now: int
) -> str | None:
    """The first number of the pool the new session may use, or None (pool exhausted)."""
    blocked = blocked_numbers(uses, parties, now)
    for number in pool:
        if number not in blocked:
            return number
    return None


def clashes(uses: Iterable[NumberUse], parties: frozenset[str]) -> bool:
    """Whether another active session on the same number shares one of these parties."""
    return any(use.active and use.parties & parties for use in uses)
