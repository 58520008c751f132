"""Writers that remember what the mock acknowledged, for the concurrency and kill tests."""

from __future__ import annotations

import random
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import httpx

from tests.reliability.budget import REQUEST_TIMEOUT

FIELDS = ("call_time_limit", "ring_timeout", "record")


@dataclass
class Written:
    """What one session was last acknowledged to hold, and a write sent but not answered."""

    session_uuid: str
    virtual_number: str
    parties: tuple[str, str]
    fields: dict[str, Any] = field(default_factory=dict)
    in_flight: dict[str, Any] = field(default_factory=dict)
    expired: bool = False
    expire_in_flight: bool = False


@dataclass
class Tally:
    lock: threading.Lock = field(default_factory=threading.Lock)
    statuses: Counter[int] = field(default_factory=Counter)
    by_operation: Counter[str] = field(default_factory=Counter)
    acknowledged_writes: int = 0
    errors: list[str] = field(default_factory=list)

    def count(self, operation: str, status: int) -> None:
        with self.lock:
            self.statuses[status] += 1
            self.by_operation[operation] += 1
            if operation in {"create", "update", "expire"} and status < 300:
                self.acknowledged_writes += 1

    @property
    def requests(self) -> int:
        return sum(self.statuses.values())


class Writer:
    def __init__(
        self, base_url: str, auth: tuple[str, str], worker: int, shared_party: str, tally: Tally
    ) -> None:
        self.http = httpx.Client(base_url=base_url, auth=auth, timeout=REQUEST_TIMEOUT)
        self.sessions = f"/v1/Account/{auth[0]}/Masking/Session/"
        self.worker = worker
        self.shared_party = shared_party
        self.tally = tally
        self.random = random.Random(worker)
        self.written: list[Written] = []
        self.round = 0

    def close(self) -> None:
        self.http.close()

    def _call(self, operation: str, method: str, path: str, body: Any = None) -> httpx.Response:
        response = self.http.request(method, path, json=body)
        self.tally.count(operation, response.status_code)
        if response.status_code >= 500:
            with self.tally.lock:
                self.tally.errors.append(f"{operation}: {response.status_code} {response.text}")
        return response

    def create(self) -> Written | None:
        self.round += 1
        second = f"+1203{self.worker:03d}{self.round:04d}"
        parties = (self.shared_party, second)
        body = {"first_party": parties[0], "second_party": parties[1]}
        response = self._call("create", "POST", self.sessions, body)
        if response.status_code != 201:
            return None
        answer = response.json()
        written = Written(answer["session_uuid"], answer["virtual_number"], parties)
        self.written.append(written)
        return written

    def update(self, written: Written) -> None:
        name = self.random.choice(FIELDS)
        value: Any = self.random.choice([True, False]) if name == "record" else None
        if value is None:
            value = self.random.randrange(1, 86_400)
        written.in_flight = {name: value}
        path = f"{self.sessions}{written.session_uuid}/"
        response = self._call("update", "POST", path, {name: value})
        if response.status_code == 200:
            written.fields[name] = value
            written.in_flight = {}

    def get(self, written: Written) -> dict[str, Any] | None:
        response = self._call("get", "GET", f"{self.sessions}{written.session_uuid}/")
        return response.json()["response"] if response.status_code == 200 else None

    def list(self) -> None:
        self._call("list", "GET", self.sessions, None)

    def expire(self, written: Written) -> None:
        written.expire_in_flight = True
        response = self._call("expire", "DELETE", f"{self.sessions}{written.session_uuid}/")
        if response.status_code == 200:
            written.expired = True
            written.expire_in_flight = False


def mismatches(written: Written, stored: dict[str, Any] | None) -> list[str]:
    """How the stored session differs from the last acknowledged writes (a write in flight
    when the answer never came may or may not have landed: both are right)."""
    label = written.session_uuid
    if stored is None:
        return [f"{label}: an acknowledged create is gone"]
    problems = []
    for name, value in written.fields.items():
        allowed = [value]
        if name in written.in_flight:
            allowed.append(written.in_flight[name])
        if stored.get(name) not in allowed:
            problems.append(f"{label}: {name} is {stored.get(name)!r}, acknowledged {value!r}")
    if written.expired and stored.get("status") != "expired":
        problems.append(f"{label}: an acknowledged expire was undone")
    return problems


def run_bounded(threads: list[threading.Thread], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(max(0.0, deadline - time.monotonic()))
    alive = [thread.name for thread in threads if thread.is_alive()]
    assert not alive, f"workers still running after {timeout} s: {alive}"
