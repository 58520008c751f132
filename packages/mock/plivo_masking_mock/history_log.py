"""The sessions' histories of an in-memory store, kept in Python rather than in SQLite.

Each session's entries are one `bytearray` of JSON lines (`[time, kind, changes]`, one per
entry, as `json_codec` writes them: no raw newline can occur inside one). So:

- recording an entry is an append to its session's buffer: no `INSERT`, no index entry at a
  random place of an index of every session's history (what made SQLite's writes of history
  cost ~5-11 us an entry, paid in a batch that stalled every request in flight);
- the garbage collector has nothing to walk (a buffer holds no references), however many
  entries are kept;
- an entry reads back as it would from a file store: decoded from the JSON it was written as.

The store writes here only what committed transactions recorded (see `store._Unit`).
"""

from __future__ import annotations

from plivo_masking_mock import json_codec
from plivo_masking_mock.history import HistoryEntry


class HistoryLog:
    __slots__ = ("_lines",)

    def __init__(self) -> None:
        self._lines: dict[str, bytearray] = {}

    def append(self, session_uuid: str, entry: HistoryEntry) -> None:
        line = encoded(entry)
        kept = self._lines.get(session_uuid)
        if kept is None:
            self._lines[session_uuid] = bytearray(line)
        else:
            kept += line

    def entries(self, session_uuid: str) -> list[HistoryEntry]:
        """The session's entries, in the order they were appended."""
        kept = self._lines.get(session_uuid)
        if kept is None:
            return []
        return [decoded(line) for line in bytes(kept).splitlines()]

    def clear(self) -> None:
        self._lines.clear()

    def __len__(self) -> int:
        """How many entries are kept (counted: for tests and inspection, not a hot path)."""
        return sum(kept.count(b"\n") for kept in self._lines.values())


def encoded(entry: HistoryEntry) -> bytes:
    return json_codec.dumps([entry.time, entry.kind, entry.changes]) + b"\n"


def decoded(line: bytes) -> HistoryEntry:
    time, kind, changes = json_codec.loads(line)
    return HistoryEntry(time, kind, changes)
