"""Expiry arithmetic: what `0` and short values mean, when a session ends, its duration.

`session_expiry`, `call_time_limit` and `ring_timeout` accept `0` (the Go and Java SDKs send it
when the caller set nothing): on create it is taken to mean "the default", on update "leave
unchanged" (inferred, see the spec). `call_time_limit` from 1 to 59 is raised to 60 (the
private-beta docs' "below min, set to min", which is about `call_time_limit`; a chosen reading of
contradicting docs). `session_expiry` from 1 to 59 is a 400, stated by the spec's schema (`not`).
"""

from __future__ import annotations

RAISED_MINIMUM = 60
RAISED_FIELDS = frozenset({"call_time_limit"})


def _raised(name: str, value: int) -> int:
    if name in RAISED_FIELDS and 0 < value < RAISED_MINIMUM:
        return RAISED_MINIMUM
    return value


def create_value(name: str, requested: int | None, default: int) -> int:
    """The value a new session gets for `name` when the request says `requested`."""
    if requested is None or requested == 0:
        return default
    return _raised(name, requested)


def update_value(name: str, requested: int | None) -> int | None:
    """The new value of `name` after an update that says `requested`; None means unchanged."""
    if requested is None or requested == 0:
        return None
    return _raised(name, requested)


def expiry_after(now: int, session_expiry: int) -> int:
    """`expiry_time = now + session_expiry`, on create and on an update that sets it."""
    return now + session_expiry


def duration(created: int, expiry: int) -> int:
    """`duration = expiry_time - created_time` in whole seconds (never negative)."""
    return max(0, expiry - created)


def is_expired(now: float, expiry: int, ended: int | None) -> bool:
    """Expired once expired explicitly, or once the clock reaches `expiry_time`."""
    return ended is not None or now >= expiry
