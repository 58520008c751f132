"""Sends callbacks in the background: never on the thread of an API request.

One asyncio loop in a daemon thread (started on the first delivery) with one httpx client.
Deliveries of one session go out one after another, in the order they were submitted; sessions
do not wait for each other. An attempt that gets no 2xx (refused, timeout, any other status) is
retried up to `policy.attempts` times in all, `policy.backoff` seconds apart, doubling.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections import deque

import httpx

from plivo_masking_mock.callbacks.log import (
    DELIVERED,
    FAILED,
    PENDING,
    Attempt,
    Delivery,
    DeliveryLog,
)
from plivo_masking_mock.callbacks.policy import DeliveryPolicy


class Dispatcher:
    def __init__(self, log: DeliveryLog, policy: DeliveryPolicy | None = None) -> None:
        self.log = log
        self.policy = policy or DeliveryPolicy()
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._queues: dict[str, deque[Delivery]] = {}
        self._client: httpx.AsyncClient | None = None
        self._drains: set[asyncio.Task[None]] = set()

    def submit(self, delivery: Delivery) -> None:
        """Logs the delivery and queues it behind the earlier ones of its session."""
        self.log.add(delivery)
        loop = self._running_loop()
        loop.call_soon_threadsafe(self._enqueue, delivery)

    def _running_loop(self) -> asyncio.AbstractEventLoop:
        with self._lock:
            if self._loop is None:
                loop = asyncio.new_event_loop()
                thread = threading.Thread(
                    target=loop.run_forever, name="plivo-mock-callbacks", daemon=True
                )
                thread.start()
                self._loop = loop
            return self._loop

    def _enqueue(self, delivery: Delivery) -> None:  # on the loop
        queue = self._queues.get(delivery.session_uuid)
        if queue is not None:
            queue.append(delivery)
            return
        self._queues[delivery.session_uuid] = deque([delivery])
        task = asyncio.ensure_future(self._drain(delivery.session_uuid))
        self._drains.add(task)
        task.add_done_callback(self._drains.discard)

    async def _drain(self, session_uuid: str) -> None:
        queue = self._queues[session_uuid]
        while queue:
            delivery = queue[0]
            try:
                await self._deliver(delivery)
            finally:
                queue.popleft()
        del self._queues[session_uuid]

    async def _deliver(self, delivery: Delivery) -> None:
        if self._client is None:
            self._client = httpx.AsyncClient(follow_redirects=False, trust_env=False)
        policy = self.policy
        delay = policy.backoff
        for number in range(1, max(1, policy.attempts) + 1):
            attempt = Attempt(time=time.time())
            started = time.monotonic()
            try:
                response = await self._client.request(
                    delivery.method,
                    delivery.url,
                    headers=delivery.headers,
                    content=delivery.body.encode() if delivery.body else None,
                    timeout=policy.timeout,
                )
                attempt.status = response.status_code
                if not 200 <= response.status_code < 300:
                    attempt.error = f"answered {response.status_code}"
            except httpx.TimeoutException:
                attempt.error = f"timeout after {policy.timeout:g} s"
            except httpx.HTTPError as error:
                attempt.error = f"{type(error).__name__}: {error}".rstrip(": ")
            attempt.elapsed_ms = (time.monotonic() - started) * 1000
            last = number >= policy.attempts
            if attempt.error is None:
                self.log.record(delivery, attempt, DELIVERED)
                return
            self.log.record(delivery, attempt, FAILED if last else PENDING)
            if last:
                return
            await asyncio.sleep(delay)
            delay *= 2

    def wait_idle(self, deliveries: list[Delivery], timeout: float) -> bool:
        """Blocks until these deliveries are finished (delivered or given up)."""
        deadline = time.monotonic() + timeout
        for delivery in deliveries:
            if not delivery.done.wait(max(0.0, deadline - time.monotonic())):
                return False
        return True

    async def wait_finished(self, deliveries: list[Delivery], timeout: float) -> bool:
        """The same, for a coroutine: polls without blocking its event loop."""
        deadline = time.monotonic() + timeout
        while not all(delivery.done.is_set() for delivery in deliveries):
            if time.monotonic() > deadline:
                return False
            await asyncio.sleep(0.01)
        return True
