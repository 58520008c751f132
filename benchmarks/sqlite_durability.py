"""What the store's durability settings cost: sessions created per second through SessionStore
with journal_mode WAL and synchronous FULL (the mock's), NORMAL and OFF, and the rollback
journal (DELETE) with FULL, on a file in a temporary directory.

    uv run --frozen python benchmarks/sqlite_durability.py [--sessions 2000]

A benchmark, not a test: the figures depend on the disk; nothing asserts on them.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
import uuid
from pathlib import Path

from plivo_masking_mock.session import SessionRecord
from plivo_masking_mock.store import SessionStore

SETTINGS = [("WAL", "FULL"), ("WAL", "NORMAL"), ("WAL", "OFF"), ("DELETE", "FULL")]


def measure(directory: Path, journal: str, synchronous: str, sessions: int) -> dict[str, object]:
    store = SessionStore(directory / f"{journal}-{synchronous}.db")
    with store.transaction():
        pass
    store._db.execute(f"PRAGMA journal_mode = {journal}")
    store._db.execute(f"PRAGMA synchronous = {synchronous}")
    began = time.perf_counter()
    for i in range(sessions):
        record = SessionRecord(
            session_uuid=str(uuid.uuid4()),
            account="MABENCHMARKACCOUNT01",
            virtual_number="12025550100",
            created=i,
            modified=i,
            expiry=i + 1800,
            attributes={"first_party": "12025550000", "second_party": "12025551111"},
        )
        with store.transaction() as tx:  # one commit per create, as the mock does
            tx.insert(record)
    seconds = time.perf_counter() - began
    store.close()
    return {
        "journal_mode": journal,
        "synchronous": synchronous,
        "commits_per_second": round(sessions / seconds),
        "ms_per_commit": round(1000 * seconds / sessions, 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=2000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as directory:
        rows = [measure(Path(directory), j, s, args.sessions) for j, s in SETTINGS]
    print(json.dumps(rows, indent=2))


if __name__ == "__main__":
    main()
