"""The delivery log: every callback the mock sent or tried to send, with each attempt.

Kept in memory (bounded), newest first when read, for `GET /__mock__/deliveries`.
"""

from __future__ import annotations

import itertools
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from typing import Any

PENDING, DELIVERED, FAILED = "pending", "delivered", "failed"


@dataclass
class Attempt:
    time: float  # real epoch seconds when the attempt started
    status: int | None = None  # HTTP status of the answer, if one came
    error: str | None = None  # why no acceptable answer came (refused, timeout, 5xx, ...)
    elapsed_ms: float = 0.0

    def as_json(self) -> dict[str, Any]:
        return {
            "time": round(self.time, 3),
            "status": self.status,
            "error": self.error,
            "elapsed_ms": round(self.elapsed_ms, 1),
        }


@dataclass
class Delivery:
    """One callback request: what is sent (fixed once built) and how sending went."""

    id: int
    session_uuid: str
    call_uuid: str | None
    event: str
    sequence_number: int
    url: str  # the URL requested (for GET, with the attributes in its query)
    callback_url: str  # the URL the session names (what a handler validates the signature with)
    method: str
    headers: dict[str, str]
    body: str
    params: dict[str, str]
    state: str = PENDING
    attempts: list[Attempt] = field(default_factory=list)
    done: threading.Event = field(default_factory=threading.Event, repr=False)

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "session_uuid": self.session_uuid,
            "call_uuid": self.call_uuid,
            "event": self.event,
            "sequence_number": self.sequence_number,
            "state": self.state,
            "url": self.url,
            "callback_url": self.callback_url,
            "method": self.method,
            "headers": dict(self.headers),
            "body": self.body,
            "params": dict(self.params),
            "attempts": [attempt.as_json() for attempt in self.attempts],
        }


class DeliveryLog:
    def __init__(self, limit: int = 10_000) -> None:
        self._items: deque[Delivery] = deque(maxlen=limit)
        self._ids = itertools.count(1)
        self._lock = threading.Lock()
        self._changed = threading.Condition(self._lock)

    def next_id(self) -> int:
        with self._lock:
            return next(self._ids)

    def add(self, delivery: Delivery) -> None:
        with self._changed:
            self._items.append(delivery)
            self._changed.notify_all()

    def record(self, delivery: Delivery, attempt: Attempt, state: str | None = None) -> None:
        with self._changed:
            delivery.attempts.append(attempt)
            if state is not None:
                delivery.state = state
            self._changed.notify_all()
        if state is not None and state != PENDING:
            delivery.done.set()

    def find(
        self,
        session_uuid: str | None = None,
        call_uuid: str | None = None,
        event: str | None = None,
    ) -> list[Delivery]:
        """Matching deliveries, newest first."""
        with self._lock:
            items = list(self._items)
        return [
            item
            for item in reversed(items)
            if (session_uuid is None or item.session_uuid == session_uuid)
            and (call_uuid is None or item.call_uuid == call_uuid)
            and (event is None or item.event == event)
        ]

    def wait_for(
        self, event: str, session_uuid: str | None = None, timeout: float = 5.0
    ) -> Delivery | None:
        """The newest finished delivery of `event` (delivered or given up), waiting for one."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                for item in reversed(self._items):
                    if (
                        item.event == event
                        and (session_uuid is None or item.session_uuid == session_uuid)
                        and item.state != PENDING
                    ):
                        return item
                left = deadline - time.monotonic()
                if left <= 0:
                    return None
                self._changed.wait(left)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
