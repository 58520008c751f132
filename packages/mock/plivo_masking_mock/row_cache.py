"""The last stored rows read or written, by session UUID: for an in-memory store, where this
process's connection is the only writer, a session read again (every update and retrieve reads
its session first) needs no `SELECT`.

The store decides what goes in (`store.Transaction`): a row read before the transaction wrote
that session, or a row a committed transaction wrote. Every write of a session forgets its row
at once, so a transaction that rolls back leaves nothing of itself here.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

Row = tuple[Any, ...]
DEFAULT_SIZE = 4_096


class RowCache:
    __slots__ = ("_rows", "size")

    def __init__(self, size: int = DEFAULT_SIZE) -> None:
        self.size = size
        # An OrderedDict, not a dict: taking a dict's first key walks past the slots of every
        # key deleted before it (until the dict is rebuilt): a run of reads of distinct sessions
        # paid ~2.4 us a put once full, against ~0.4 us for `popitem(last=False)`.
        self._rows: OrderedDict[str, Row] = OrderedDict()

    def get(self, session_uuid: str) -> Row | None:
        return self._rows.get(session_uuid)

    def put(self, session_uuid: str, row: Row) -> None:
        rows = self._rows
        if session_uuid not in rows and len(rows) >= self.size:
            rows.popitem(last=False)  # the oldest in
        rows[session_uuid] = row

    def forget(self, session_uuid: str) -> None:
        self._rows.pop(session_uuid, None)

    def clear(self) -> None:
        self._rows.clear()

    def __len__(self) -> int:
        return len(self._rows)
