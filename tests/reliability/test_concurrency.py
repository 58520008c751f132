"""Concurrency: many clients creating, updating, listing and expiring at once against a mock
process: no 5xx, no virtual number on two active sessions sharing a party, and every session
holds its last acknowledged write of each field."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

from tests.reliability import figures
from tests.reliability.budget import CONCURRENT_CLIENTS, PHASE_TIMEOUT, ROUNDS_PER_CLIENT
from tests.reliability.conftest import ACCOUNT_A, Accounts
from tests.reliability.load import Tally, Writer, mismatches, run_bounded
from tests.reliability.spawn import MockProcess

SHARED_PARTIES = tuple(f"+120255560{i:02d}" for i in range(8))


def test_concurrent_clients(tmp_path: Path, accounts: Accounts) -> None:
    db = tmp_path / "sessions.db"
    config = accounts.write_config(tmp_path / "mock.json")
    tally = Tally()
    auth = (ACCOUNT_A, accounts.a.auth_token)
    with MockProcess(db, config) as mock:
        writers = [
            Writer(mock.base_url, auth, i, SHARED_PARTIES[i % len(SHARED_PARTIES)], tally)
            for i in range(CONCURRENT_CLIENTS)
        ]
        start = threading.Barrier(CONCURRENT_CLIENTS)

        def work(writer: Writer) -> None:
            start.wait(timeout=PHASE_TIMEOUT)
            for round_number in range(ROUNDS_PER_CLIENT):
                written = writer.create()
                if written is None:
                    continue
                writer.update(written)
                writer.update(written)
                writer.list()
                if writer.get(written) is None:
                    with tally.lock:
                        tally.errors.append(f"{written.session_uuid}: created but not found")
                if round_number % 2:
                    writer.expire(written)

        threads = [
            threading.Thread(target=work, args=(w,), name=f"client-{w.worker}") for w in writers
        ]
        began = time.monotonic()
        run_bounded(threads, PHASE_TIMEOUT)
        elapsed = time.monotonic() - began
        problems = list(tally.errors)
        checker = writers[0]
        for writer in writers:
            for written in writer.written:
                problems += mismatches(written, checker.get(written))
        for writer in writers:
            writer.close()
    rows = sqlite3.connect(f"file:{db}?mode=ro", uri=True).execute(
        "SELECT virtual_number, first_party, second_party FROM sessions "
        "WHERE ended IS NULL AND expiry > strftime('%s','now')"
    )
    seen: dict[tuple[str, str], int] = {}
    active = 0
    for number, first, second in rows:
        active += 1
        for party in (first, second):
            seen[(number, party)] = seen.get((number, party), 0) + 1
    shared = [key for key, n in seen.items() if n > 1]
    assert not shared, f"virtual numbers on two active sessions sharing a party: {shared}"
    fives = sum(n for status, n in tally.statuses.items() if status >= 500)
    figures.record(
        "concurrency",
        clients=CONCURRENT_CLIENTS,
        requests=tally.requests,
        by_operation=dict(sorted(tally.by_operation.items())),
        statuses={str(s): n for s, n in sorted(tally.statuses.items())},
        server_errors=fives,
        sessions_created=sum(len(w.written) for w in writers),
        active_sessions_checked=active,
        mismatches=len(problems),
        seconds=round(elapsed, 1),
    )
    assert fives == 0, tally.statuses
    assert not problems, "\n".join(problems[:20])
    assert tally.by_operation["create"] >= CONCURRENT_CLIENTS * ROUNDS_PER_CLIENT
