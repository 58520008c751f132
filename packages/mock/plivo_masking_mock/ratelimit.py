"""Rate limiting like Plivo's: at most N requests per account in any window of W seconds.

`--rate-limit 300/5s` (or `rate_limit = "300/5s"` in the config file). The window is a
**sliding window** (a log of the times of the requests let through, per account): a request is
answered 429 when the account already had N requests let through in the last W seconds, with
`Retry-After` the whole seconds until the oldest of them leaves the window. Requests answered
429 do not count against the budget. The window runs on the monotonic clock of the machine, not
on the mock's movable clock, so moving the clock for session expiry does not refill the budget.
This module counts; `plivo_masking_mock.misbehaviour` answers.
"""

from __future__ import annotations

import math
import re
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

_SPEC = re.compile(r"^\s*(\d+)\s*/\s*(\d+(?:\.\d+)?)?\s*(ms|s|m|h)?\s*$")
_UNIT_SECONDS = {"ms": 0.001, "s": 1.0, "m": 60.0, "h": 3600.0}
MAX_REQUESTS = 1_000_000


class RateLimitError(ValueError):
    pass


@dataclass(frozen=True)
class RateLimit:
    requests: int
    window_seconds: float

    def __str__(self) -> str:
        return f"{self.requests}/{self.window_seconds:g}s"


def parse_rate_limit(text: str) -> RateLimit:
    """`300/5s`, `10/1m`, `5/500ms`, `100/s` into a RateLimit; RateLimitError if not one."""
    found = _SPEC.match(text)
    if not found:
        raise RateLimitError(f"rate limit wants REQUESTS/WINDOW like 300/5s, not {text!r}")
    count, amount, unit = found.groups()
    if amount is None and unit is None:
        raise RateLimitError(f"rate limit wants REQUESTS/WINDOW like 300/5s, not {text!r}")
    window = float(amount or 1) * _UNIT_SECONDS[unit or "s"]
    requests = int(count)
    if not 1 <= requests <= MAX_REQUESTS:
        raise RateLimitError(f"requests must be from 1 to {MAX_REQUESTS}")
    if not 0 < window <= 86_400:
        raise RateLimitError("the window must be more than 0 and at most 1 day")
    return RateLimit(requests, window)


class RateLimiter:
    """The sliding windows of every account, under one lock."""

    def __init__(
        self, limit: RateLimit | None, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.limit = limit
        self._clock = clock
        self._lock = threading.Lock()
        self._windows: dict[str, deque[float]] = {}
        self.limited = 0  # requests answered 429

    def admit(self, account: str) -> int | None:
        """None if `account` may make one more request now (and counts it), else the seconds
        to wait (for `Retry-After`, at least 1)."""
        limit = self.limit
        if limit is None:
            return None
        with self._lock:
            now = self._clock()
            window = self._windows.setdefault(account, deque())
            while window and window[0] <= now - limit.window_seconds:
                window.popleft()
            if len(window) < limit.requests:
                window.append(now)
                return None
            self.limited += 1
            return max(1, math.ceil(window[0] + limit.window_seconds - now))

    def reset(self) -> None:
        with self._lock:
            self._windows.clear()
            self.limited = 0
