"""The mock's clock: real time by default, movable by tests and the admin endpoint."""

from __future__ import annotations

import threading
import time
from typing import Protocol, runtime_checkable


@runtime_checkable
class Clock(Protocol):
    def now(self) -> float:
        """Seconds since the epoch."""
        ...


@runtime_checkable
class AdjustableClock(Clock, Protocol):
    def advance(self, seconds: float) -> None:
        """Moves the clock forward (or back, with a negative number)."""
        ...

    def set(self, epoch_seconds: float) -> None:
        """Makes `now()` answer this time from here on (moving with real time or not)."""
        ...

    def reset(self) -> None:
        """Undoes every advance and set."""
        ...


class SystemClock:
    def now(self) -> float:
        return time.time()


class OffsetClock:
    """Real time plus an offset that `advance` and `set` change. The default clock of the mock."""

    def __init__(self, base: Clock | None = None) -> None:
        self._base = base or SystemClock()
        self._offset = 0.0
        self._lock = threading.Lock()

    def now(self) -> float:
        with self._lock:
            return self._base.now() + self._offset

    def advance(self, seconds: float) -> None:
        with self._lock:
            self._offset += seconds

    def set(self, epoch_seconds: float) -> None:
        with self._lock:
            self._offset = epoch_seconds - self._base.now()

    def reset(self) -> None:
        with self._lock:
            self._offset = 0.0

    @property
    def offset(self) -> float:
        with self._lock:
            return self._offset


class ManualClock:
    """A clock that stands still until told to move: for deterministic in-process tests."""

    def __init__(self, start: float = 1_706_768_895.0) -> None:  # 2024-02-01 06:28:15 UTC
        self._start = start
        self._now = start
        self._lock = threading.Lock()

    def now(self) -> float:
        with self._lock:
            return self._now

    def advance(self, seconds: float) -> None:
        with self._lock:
            self._now += seconds

    def set(self, epoch_seconds: float) -> None:
        with self._lock:
            self._now = epoch_seconds

    def reset(self) -> None:
        with self._lock:
            self._now = self._start
