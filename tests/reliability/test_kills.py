"""Durability: SIGKILL the mock (`--db FILE`) in the middle of a write load, several times;
each restart serves every acknowledged create, update and expire intact."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import httpx

from tests.reliability import figures
from tests.reliability.budget import ACKED_WRITES_BEFORE_KILL, KILL_WRITERS, KILLS, PHASE_TIMEOUT
from tests.reliability.conftest import ACCOUNT_A, Accounts
from tests.reliability.load import Tally, Writer, mismatches
from tests.reliability.spawn import MockProcess


def test_sigkill_loses_no_acknowledged_write(tmp_path: Path, accounts: Accounts) -> None:
    db = tmp_path / "sessions.db"
    config = accounts.write_config(tmp_path / "mock.json")
    auth = (ACCOUNT_A, accounts.a.auth_token)
    all_writers: list[Writer] = []
    total = Tally()
    problems: list[str] = []
    for kill in range(KILLS):
        tally = Tally()
        mock = MockProcess(db, config).start()
        writers = [
            Writer(mock.base_url, auth, 100 * (kill + 1) + i, f"+12025561{kill}{i:02d}", tally)
            for i in range(KILL_WRITERS)
        ]
        stop = threading.Event()

        def work(writer: Writer, stop: threading.Event = stop) -> None:
            deadline = time.monotonic() + PHASE_TIMEOUT
            try:
                while not stop.is_set() and time.monotonic() < deadline:
                    written = writer.create()
                    if written is None:
                        continue
                    writer.update(written)
                    writer.update(written)
                    if writer.round % 3 == 0:
                        writer.expire(written)
            except httpx.HTTPError:
                pass  # the mock was killed: the write in flight is unacknowledged

        threads = [threading.Thread(target=work, args=(w,)) for w in writers]
        for thread in threads:
            thread.start()
        deadline = time.monotonic() + PHASE_TIMEOUT
        while tally.acknowledged_writes < ACKED_WRITES_BEFORE_KILL:
            assert time.monotonic() < deadline, "the write load did not get going"
            time.sleep(0.01)
        mock.kill()  # while the writers are still writing
        stop.set()
        for thread in threads:
            thread.join(PHASE_TIMEOUT)
        assert not any(thread.is_alive() for thread in threads)
        total.acknowledged_writes += tally.acknowledged_writes
        for writer in writers:
            writer.close()
        all_writers += writers
        # Restart on the same file: every session acknowledged so far, in every round, holds.
        with MockProcess(db, config) as restarted:
            checker = Writer(restarted.base_url, auth, 0, "+12025569999", Tally())
            for writer in all_writers:
                for written in writer.written:
                    problems += mismatches(written, checker.get(written))
            checker.close()
        assert not problems, f"after kill {kill + 1}:\n" + "\n".join(problems[:20])
    sessions = sum(len(writer.written) for writer in all_writers)
    figures.record(
        "kills",
        kills=KILLS,
        writers=KILL_WRITERS,
        acknowledged_writes=total.acknowledged_writes,
        sessions_checked_after_restart=sessions,
        lost=len(problems),
        sqlite={"journal_mode": "WAL", "synchronous": "FULL"},
    )
