"""Sessions in SQLite (standard library): in memory by default, or in a file that survives a
restart.

One connection, shared by all threads under a lock, and every unit of work is one
`BEGIN IMMEDIATE` transaction, so that concurrent requests (and even two mock processes on one
file) neither lose updates nor hand out a virtual number twice.

In memory, where this connection is the only one and nothing outlives the process, the store
also keeps the last rows read (`RowCache`) and keeps the sessions' histories in Python
(`HistoryLog`, written once their transactions commit); a file does neither.

Durability of a file (`--db`): `journal_mode = WAL` and `synchronous = FULL`. A transaction is
committed (its WAL frames written and fsync'ed) before the request that made it is answered, so
an acknowledged create, update or expire survives a SIGKILL of the mock (that needs only the
write) and a crash of the machine (that needs the fsync). benchmarks/sqlite_durability.py
measures what FULL costs against NORMAL and OFF.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from types import TracebackType
from typing import Any

from plivo_masking_mock import json_codec
from plivo_masking_mock.history import HistoryEntry
from plivo_masking_mock.history_log import HistoryLog, decoded, encoded
from plivo_masking_mock.row_cache import RowCache
from plivo_masking_mock.rules.numbers import NumberUse
from plivo_masking_mock.rules.parties import parties_of
from plivo_masking_mock.session import SessionRecord

_SCHEMA = """
CREATE TABLE IF NOT EXISTS sessions (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    session_uuid TEXT NOT NULL UNIQUE,
    account TEXT NOT NULL,
    subaccount TEXT,
    virtual_number TEXT NOT NULL,
    first_party TEXT NOT NULL,
    second_party TEXT NOT NULL,
    created INTEGER NOT NULL,
    modified INTEGER NOT NULL,
    expiry INTEGER NOT NULL,
    ended INTEGER,
    cooloff INTEGER NOT NULL DEFAULT 0,
    attributes TEXT NOT NULL,
    timeout_sent INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS sessions_by_account ON sessions (account, created DESC, seq DESC);
-- By equality filter, then in list order: without the time columns SQLite preferred the
-- (account, created) index for `first_party = ? AND created >= ?` and read every recent session.
DROP INDEX IF EXISTS sessions_by_number;
DROP INDEX IF EXISTS sessions_by_first_party;
DROP INDEX IF EXISTS sessions_by_second_party;
CREATE INDEX IF NOT EXISTS sessions_by_number_time
    ON sessions (account, virtual_number, created DESC, seq DESC);
CREATE INDEX IF NOT EXISTS sessions_by_first_party_time
    ON sessions (account, first_party, created DESC, seq DESC);
CREATE INDEX IF NOT EXISTS sessions_by_second_party_time
    ON sessions (account, second_party, created DESC, seq DESC);
CREATE INDEX IF NOT EXISTS sessions_cooling_off ON sessions (account) WHERE cooloff > 0;
-- `seq` is the rowid (no AUTOINCREMENT: its counter table would be one more page written by
-- every update): the next is one past the largest, and rows are only ever deleted all at once.
CREATE TABLE IF NOT EXISTS session_history (
    seq INTEGER PRIMARY KEY,
    session_uuid TEXT NOT NULL,
    time INTEGER NOT NULL,
    kind TEXT NOT NULL,
    changes TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS history_by_session ON session_history (session_uuid, seq);
-- The SequenceNumber of each session's last callback: kept with the sessions, so that a mock
-- restarted on the same file goes on counting rather than sending 1 again.
CREATE TABLE IF NOT EXISTS callback_sequences (
    session_uuid TEXT PRIMARY KEY,
    last INTEGER NOT NULL
);
DROP INDEX IF EXISTS sessions_by_end;
-- The sessions whose end (explicit or by the clock) has not yet been seen by the call player:
-- the active ones and those that ended since it last looked. Finding the newly ended reads
-- only them, not every session that ended in the same second again.
CREATE INDEX IF NOT EXISTS sessions_pending_end ON sessions (COALESCE(ended, expiry))
    WHERE timeout_sent = 0;
"""
_COLUMNS = "session_uuid, account, virtual_number, created, modified, expiry, ended, attributes"

# The columns `Transaction.save` may write, in the order of its values.
_SAVED_COLUMNS = (
    "first_party",
    "second_party",
    "modified",
    "expiry",
    "ended",
    "cooloff",
    "attributes",
)
_ENDED = _SAVED_COLUMNS.index("ended")
# The identity columns and `created`, then `_SAVED_COLUMNS`.
_INSERT = (
    "INSERT INTO sessions (session_uuid, account, subaccount, virtual_number, created, "
    "first_party, second_party, modified, expiry, ended, cooloff, attributes) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_GET = f"SELECT {_COLUMNS} FROM sessions WHERE session_uuid = ?"
_GET_OF_ACCOUNT = _GET + " AND account = ?"

# What list filters may compare, by the name the listing rules use.
FILTER_COLUMNS = {
    "first_party": "first_party",
    "second_party": "second_party",
    "virtual_number": "virtual_number",
    "subaccount": "subaccount",
    "created_time": "created",
    "expiry_time": "expiry",
    "duration": "(expiry - created)",
}
_SQL_INT_MAX = 2**63 - 1
_COUNTS_KEPT = 256
FILTER_OPERATORS = {"eq": "=", "gt": ">", "gte": ">=", "lt": "<", "lte": "<="}


@dataclass(frozen=True)
class Condition:
    field: str  # a key of FILTER_COLUMNS
    operator: str  # a key of FILTER_OPERATORS
    value: Any


@dataclass(frozen=True)
class SessionQuery:
    account: str
    conditions: tuple[Condition, ...] = ()
    status: str = "all"  # all, active or expired
    limit: int = 20
    offset: int = 0


class Transaction:
    """The operations of the store, inside one transaction."""

    def __init__(self, cursor: sqlite3.Cursor, store: SessionStore) -> None:
        self._db = cursor
        self._store = store
        # The stored values (`_SAVED_COLUMNS`) of the sessions read here: `save` writes only the
        # columns that changed, since SQLite rewrites the entries of every index whose column a
        # statement sets (an update that moves no time leaves the index of endings alone).
        self._stored: dict[str, tuple[Any, ...]] = {}
        # Sessions this transaction ended explicitly that have someone to tell: handed to
        # `SessionStore.take_ended_here` when it commits (see `save`).
        self.ended_here: list[SessionRecord] = []
        # Sessions written here (their cached rows are forgotten, and reads of them go to
        # SQLite), with the row each will have once this transaction commits (None: unknown).
        self.rows_written: dict[str, tuple[Any, ...] | None] = {}
        self._rows_read: dict[str, tuple[Any, ...]] = {}  # by `get`, for `save`
        # In memory: the history entries added here, kept by the store once this transaction
        # commits (see `SessionStore.history`); and whether it cleared the store.
        self.history_added: list[tuple[str, HistoryEntry]] = []
        self.cleared = False

    def get(self, session_uuid: str, account: str | None = None) -> SessionRecord | None:
        """The session, if it exists (and, given `account`, belongs to that account)."""
        row = self.get_row(session_uuid, account)
        if row is None:
            return None
        record = record_of_row(row)
        self._stored[record.session_uuid] = _saved_values(record, row[-1])  # attributes as stored
        self._rows_read[record.session_uuid] = row
        return record

    def get_row(self, session_uuid: str, account: str | None = None) -> tuple[Any, ...] | None:
        """As `get`, the stored row (for `record_of_row`), not yet decoded."""
        row: tuple[Any, ...] | None
        cache = self._store.rows
        if cache is not None and session_uuid not in self.rows_written:
            row = cache.get(session_uuid)
            if row is None:
                row = self._db.execute(_GET, (session_uuid,)).fetchone()
                if row is None:
                    return None
                cache.put(session_uuid, row)
            return row if account is None or row[1] == account else None
        if account is None:
            row = self._db.execute(_GET, (session_uuid,)).fetchone()
        else:
            row = self._db.execute(_GET_OF_ACCOUNT, (session_uuid, account)).fetchone()
        return row

    def insert(self, record: SessionRecord) -> None:
        self.insert_many([record])

    def insert_many(self, records: Iterable[SessionRecord]) -> None:
        records = list(records)
        self._store.wrote(record.ended_at for record in records)
        if self._store.rows is not None:
            for record in records:
                self._forget_row(record.session_uuid, None)
        self._db.executemany(
            _INSERT,
            (
                (
                    record.session_uuid,
                    record.account,
                    record.subaccount,
                    record.virtual_number,
                    record.created,
                    *_saved_values(record, _encoded_attributes(record)),
                )
                for record in records
            ),
        )

    def save(self, record: SessionRecord) -> None:
        """Writes a session back (its creation time, fixed at insert, is not written): only the
        columns that differ from what `get` read in this transaction, or all of them for a
        session it did not read.

        A session read here unended and saved with `ended` set (the expire operation) is taken
        at once, in the same statement: its end is known now, so the call player need not look
        it up (`take_ended` never returns it; `SessionStore.take_ended_here` does, if it has a
        status callback URL, once this transaction commits)."""
        values = _saved_values(record, _encoded_attributes(record))
        stored = self._stored.get(record.session_uuid)
        ends_here = stored is not None and stored[_ENDED] is None and record.ended is not None
        changed = tuple(
            index for index, value in enumerate(values) if stored is None or stored[index] != value
        )
        if changed:
            self._db.execute(
                _update_statement(changed, ends_here),
                (*(values[index] for index in changed), record.session_uuid),
            )
        self._stored[record.session_uuid] = values
        if self._store.rows is not None:
            read = self._rows_read.get(record.session_uuid)
            self._forget_row(record.session_uuid, _row_saved(read, record, values[-1]))
        if ends_here:
            self._store.wrote()
            if record.attributes.get("callback_url"):
                self.ended_here.append(replace(record, attributes=dict(record.attributes)))
        else:
            self._store.wrote((record.ended_at,))

    def _forget_row(self, session_uuid: str, row: tuple[Any, ...] | None) -> None:
        """A write of the session: its cached row goes now, `row` comes in at the commit."""
        if self._store.rows is not None:
            self._store.rows.forget(session_uuid)
        self.rows_written[session_uuid] = row

    def number_uses(
        self,
        account: str,
        numbers: Sequence[str],
        parties: Iterable[str],
        now: int,
        exclude: str | None = None,
    ) -> list[NumberUse]:
        """The sessions on these numbers that matter to allocating one for `parties`: the active
        ones sharing a party, and the ended ones whose cool-off is not over (leaving out session
        `exclude`). Other sessions cannot block a number, so they are not even read."""
        wanted = [party for party in parties if party]
        if not numbers:
            return []
        marks = ", ".join("?" for _ in wanted) or "NULL"
        # Three indexed lookups (by party, by party, the partial index of cooling-off sessions)
        # rather than one OR that SQLite answers by reading every session of the account.
        columns = "seq, virtual_number, first_party, second_party, expiry, ended, cooloff"
        base = f"SELECT {columns} FROM sessions WHERE account = ? AND session_uuid != ? AND "
        live = "ended IS NULL AND expiry > ? AND "
        rows = self._db.execute(
            f"{base}{live}first_party IN ({marks}) UNION "
            f"{base}{live}second_party IN ({marks}) UNION "
            f"{base}cooloff > 0 AND COALESCE(ended, expiry) + cooloff > ?",
            (
                *(account, exclude or "", now, *wanted),
                *(account, exclude or "", now, *wanted),
                *(account, exclude or "", now),
            ),
        ).fetchall()
        pool = set(numbers)
        uses = []
        for _, number, first, second, expiry, ended, cooloff in rows:
            if number not in pool:
                continue
            active = ended is None and now < expiry
            ended_at = ended if ended is not None else expiry
            uses.append(NumberUse(number, parties_of(first, second), active, ended_at, cooloff))
        return uses

    def query(self, query: SessionQuery, now: int) -> tuple[int, list[SessionRecord]]:
        """(how many sessions match, the page of them), newest first."""
        count, rows = self.query_rows(query, now)
        return count, [record_of_row(row) for row in rows]

    def query_rows(self, query: SessionQuery, now: int) -> tuple[int, list[tuple[Any, ...]]]:
        """As `query`, with the page as stored rows (for `record_of_row`), not yet decoded."""
        where = ["account = ?"]
        params: list[Any] = [query.account]
        for condition in query.conditions:
            column = FILTER_COLUMNS[condition.field]
            where.append(f"{column} {FILTER_OPERATORS[condition.operator]} ?")
            params.append(_sql_value(condition.value))
        if query.status == "active":
            where.append("ended IS NULL AND expiry > ?")
            params.append(now)
        elif query.status == "expired":
            where.append("(ended IS NOT NULL OR expiry <= ?)")
            params.append(now)
        clause = " AND ".join(where)
        count = self._store.cached_count(clause, params)
        if count is None:
            total = self._db.execute(f"SELECT COUNT(*) FROM sessions WHERE {clause}", params)
            count = int(total.fetchone()[0])
            self._store.keep_count(clause, params, count)
        rows = self._db.execute(
            f"SELECT {_COLUMNS} FROM sessions WHERE {clause} "
            "ORDER BY created DESC, seq DESC LIMIT ? OFFSET ?",
            [*params, min(query.limit, _SQL_INT_MAX), min(query.offset, _SQL_INT_MAX)],
        ).fetchall()
        return count, rows

    def add_history(self, session_uuid: str, entry: HistoryEntry) -> None:
        """Records an entry of the session's history: in a file, in this transaction; in memory,
        the store keeps it once this transaction commits (`SessionStore.history`)."""
        if self._store.history is not None:
            self.history_added.append((session_uuid, entry))
        else:
            self._db.execute(_ADD_HISTORY, _history_row(session_uuid, entry))

    def history(self, session_uuid: str) -> list[HistoryEntry]:
        """The recorded history of a session, in the order it was written (in memory: those the
        store keeps, then those added here)."""
        kept = self._store.history
        if kept is None:
            rows = self._db.execute(
                "SELECT time, kind, changes FROM session_history "
                "WHERE session_uuid = ? ORDER BY seq",
                (session_uuid,),
            ).fetchall()
            return [
                HistoryEntry(time, kind, json_codec.loads(changes.encode()))
                for time, kind, changes in rows
            ]
        entries = [] if self.cleared else kept.entries(session_uuid)
        return entries + [  # as they will read once kept: no reader can change them
            decoded(encoded(entry)) for uuid, entry in self.history_added if uuid == session_uuid
        ]

    def take_ended(self, until: int) -> list[SessionRecord]:
        """The sessions that ended (by time or explicitly) at or before `until` and were not taken
        before, oldest end first; each is taken once (the mark is stored with the session).
        Those with no status callback URL are taken but not returned (or even decoded): their
        SessionTimeout would go to nobody."""
        rows = self._db.execute(
            f"SELECT {_COLUMNS} FROM sessions "
            "WHERE timeout_sent = 0 AND COALESCE(ended, expiry) <= ? "
            "ORDER BY COALESCE(ended, expiry), seq",
            (until,),
        ).fetchall()
        if rows:
            self._store.wrote()
            self._db.executemany(
                "UPDATE sessions SET timeout_sent = 1 WHERE session_uuid = ?",
                ((row[0],) for row in rows),
            )
        return [record_of_row(row) for row in rows if _may_name_a_callback(row[-1])]

    def skip_ended(self, before: int) -> None:
        """Marks the sessions that ended before `before` as taken, without taking them (those
        that ended before the mock started, or before its clock was reset)."""
        self._store.wrote()
        self._store.skip_ended_here(before)
        self._db.execute(
            "UPDATE sessions SET timeout_sent = 1 "
            "WHERE timeout_sent = 0 AND COALESCE(ended, expiry) < ?",
            (before,),
        )

    def next_end(self) -> int | None:
        """The earliest end of the sessions not yet taken by `take_ended` (None: there are none)."""
        row = self._db.execute(
            "SELECT MIN(COALESCE(ended, expiry)) FROM sessions WHERE timeout_sent = 0"
        ).fetchone()
        return None if row is None or row[0] is None else int(row[0])

    def next_sequence(self, session_uuid: str) -> int:
        """The SequenceNumber of the session's next callback (1 for its first), counted."""
        self._db.execute(
            "INSERT INTO callback_sequences (session_uuid, last) VALUES (?, 1) "
            "ON CONFLICT (session_uuid) DO UPDATE SET last = last + 1",
            (session_uuid,),
        )
        row = self._db.execute(
            "SELECT last FROM callback_sequences WHERE session_uuid = ?", (session_uuid,)
        ).fetchone()
        return int(row[0])

    def clear(self) -> None:
        self._store.wrote()
        if self._store.rows is not None:
            self._store.rows.clear()
        self._store.skip_ended_here(None)
        self.history_added.clear()
        self.cleared = True
        self._db.execute("DELETE FROM sessions")
        self._db.execute("DELETE FROM session_history")
        self._db.execute("DELETE FROM callback_sequences")

    def count(self) -> int:
        return int(self._db.execute("SELECT COUNT(*) FROM sessions").fetchone()[0])


class SessionStore:
    def __init__(self, path: Path | str | None = None) -> None:
        self.path = str(path) if path is not None else ":memory:"
        # This process's one connection is then the only one: nothing outlives the process.
        self.in_memory = self.path == ":memory:"
        self._lock = threading.RLock()
        self._db = sqlite3.connect(
            self.path, check_same_thread=False, isolation_level=None, timeout=30
        )
        self._ends_written: int | None = None  # see `ends_written`
        self._ended_here: list[SessionRecord] = []  # see `take_ended_here`
        # In memory this connection is the only writer, so rows read can be kept (see
        # `RowCache`); a file may be written by another mock at any time.
        self.rows: RowCache | None = RowCache() if self.in_memory else None
        # In memory, the sessions' histories (the entries of committed transactions), kept in
        # Python: no `INSERT` into an index of every session's history per write. A file writes
        # each entry to SQLite with its change.
        self.history: HistoryLog | None = HistoryLog() if self.in_memory else None
        # Bumped by every write of this process: what was read before may have changed.
        self.generation = 0
        # COUNT(*) answers of list queries, while nothing was written (see `cached_count`).
        self._counts: dict[tuple[str, tuple[Any, ...]], int] = {}
        self._counts_as_of: tuple[int, int] = (-1, -1)
        if not self.in_memory:
            self._db.execute("PRAGMA journal_mode = WAL")
            self._db.execute("PRAGMA synchronous = FULL")
        _add_missing_columns(self._db)
        self._db.executescript(_SCHEMA)
        # Every statement goes through this one cursor (all under the lock, each result read
        # whole before the next statement): not a new cursor object per statement.
        self._cursor = self._db.cursor()

    def wrote(self, ends: Iterable[int] = ()) -> None:
        """Called by every write, with the end times of the sessions it writes: bumps
        `generation`, and keeps the earliest end for `ends_written`."""
        self.generation += 1
        earliest = min(ends, default=None)
        if earliest is not None and (self._ends_written is None or earliest < self._ends_written):
            self._ends_written = earliest

    def ends_written(self) -> int | None:
        """The earliest end time of the sessions this process wrote since the last call (None:
        it wrote none), so that a reader of endings can tell when it need not look."""
        with self._lock:
            earliest, self._ends_written = self._ends_written, None
            return earliest

    def peek_ends_written(self) -> int | None:
        """What `ends_written` would give, left for it (read without the lock: one value)."""
        return self._ends_written

    def has_ended_here(self) -> bool:
        """Whether `take_ended_here` holds any session (read without the lock)."""
        return bool(self._ended_here)

    def take_ended_here(self, until: int) -> list[SessionRecord]:
        """The sessions this process ended explicitly (and took as it saved them, see
        `Transaction.save`) at or before `until` that have a status callback URL, oldest end
        first; each is returned once. No SQL: the call player asks before every request."""
        with self._lock:
            if not self._ended_here:
                return []
            due = [record for record in self._ended_here if record.ended_at <= until]
            self._ended_here = [record for record in self._ended_here if record.ended_at > until]
            return sorted(due, key=lambda record: record.ended_at)

    def keep_ended_here(self, records: Iterable[SessionRecord]) -> None:
        """Adds the sessions a committed transaction ended explicitly (see `take_ended_here`)."""
        with self._lock:
            self._ended_here.extend(records)

    def skip_ended_here(self, before: int | None) -> None:
        """Forgets the sessions of `take_ended_here` that ended before `before` (None: all)."""
        with self._lock:
            self._ended_here = [
                record
                for record in self._ended_here
                if before is not None and record.ended_at >= before
            ]

    def cached_count(self, clause: str, params: Sequence[Any]) -> int | None:
        """How many sessions matched `clause` when last counted, if nothing was written since
        (by this process, or by another on the same file): counting an account's sessions
        reads all of them, and a client paging through a list asks the same count per page."""
        if self._counts_as_of != (self.generation, self.others_version()):
            self._counts.clear()
            return None
        return self._counts.get((clause, tuple(params)))

    def keep_count(self, clause: str, params: Sequence[Any], count: int) -> None:
        if len(self._counts) >= _COUNTS_KEPT:
            self._counts.clear()
        self._counts[(clause, tuple(params))] = count
        self._counts_as_of = (self.generation, self.others_version())

    def others_version(self) -> int:
        """Changes when another connection (a second mock on the same file) commits."""
        if self.in_memory:
            return 0
        with self._lock:
            return int(self._db.execute("PRAGMA data_version").fetchone()[0])

    def transaction(self) -> _Unit:
        """`with store.transaction() as tx:` one BEGIN IMMEDIATE ... COMMIT, under the lock
        (rolled back on any exception)."""
        return _Unit(self, "BEGIN IMMEDIATE")

    def reading(self) -> _Unit:
        """As `transaction`, for reads only: in memory, where this connection is the only one,
        the lock alone keeps the reads consistent (no BEGIN, no COMMIT); a file gets a deferred
        transaction, so another process's commit cannot fall between two reads."""
        return _Unit(self, None if self.in_memory else "BEGIN")

    def close(self) -> None:
        with self._lock:
            self._db.close()


class _Unit:
    """The context manager of `SessionStore.transaction` (a class: cheaper than a generator)."""

    __slots__ = ("_begin", "_db", "_lock", "_store", "_tx")

    def __init__(self, store: SessionStore, begin: str | None) -> None:
        self._store = store
        self._lock = store._lock
        self._db = store._cursor
        self._begin = begin  # None: the lock alone (see `SessionStore.reading`)

    def __enter__(self) -> Transaction:
        self._lock.acquire()
        if self._begin is not None:
            try:
                self._db.execute(self._begin)
            except BaseException:
                self._lock.release()
                raise
        self._tx = Transaction(self._db, self._store)
        return self._tx

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        try:
            if self._begin is not None:
                self._db.execute("ROLLBACK" if exc_type is not None else "COMMIT")
            if exc_type is None:
                self._committed(self._tx)
        finally:
            self._lock.release()

    def _committed(self, tx: Transaction) -> None:
        store = self._store
        if tx.ended_here:
            store.keep_ended_here(tx.ended_here)
        if store.rows is not None:
            for session_uuid, row in tx.rows_written.items():
                if row is not None:
                    store.rows.put(session_uuid, row)
        kept = store.history
        if kept is not None:
            if tx.cleared:
                kept.clear()
            for session_uuid, entry in tx.history_added:
                kept.append(session_uuid, entry)


_ADD_HISTORY = "INSERT INTO session_history (session_uuid, time, kind, changes) VALUES (?, ?, ?, ?)"


def _history_row(session_uuid: str, entry: HistoryEntry) -> tuple[str, int, str, str]:
    return (session_uuid, entry.time, entry.kind, json_codec.dumps(entry.changes).decode())


def _add_missing_columns(db: sqlite3.Connection) -> None:
    """A file written by an older mock lacks `timeout_sent`: added (the call player marks the
    sessions that ended before it started as taken, see `Transaction.skip_ended`)."""
    columns = {row[1] for row in db.execute("PRAGMA table_info(sessions)")}
    if columns and "timeout_sent" not in columns:
        db.execute("ALTER TABLE sessions ADD COLUMN timeout_sent INTEGER NOT NULL DEFAULT 0")


# The attributes are stored as compact JSON (`json_codec.dumps`), so an unset callback URL
# reads as one of these; a key inside a string value would be escaped (`\"`), not matched.
_CALLBACK_KEY = '"callback_url":'
_NO_CALLBACK = ('"callback_url":""', '"callback_url":null')


def _may_name_a_callback(attributes: str) -> bool:
    """False if the stored attributes surely name no `callback_url` (then they need no decoding);
    True may still be an empty one: the caller checks the decoded value."""
    return _CALLBACK_KEY in attributes and not any(no in attributes for no in _NO_CALLBACK)


def _sql_value(value: Any) -> Any:
    """SQLite integers are 64-bit; a larger filter value (the spec sets no maximum on duration
    filters) compares the same as a float."""
    if isinstance(value, int) and not -_SQL_INT_MAX <= value <= _SQL_INT_MAX:
        return float(value)
    return value


def _saved_values(record: SessionRecord, attributes: str) -> tuple[Any, ...]:
    """The values of `_SAVED_COLUMNS` for a session whose attributes are stored as `attributes`."""
    return (
        record.first_party,
        record.second_party,
        record.modified,
        record.expiry,
        record.ended,
        record.cooloff,
        attributes,
    )


@cache  # at most 2 x 2**7: which columns, and whether the end is taken
def _update_statement(changed: tuple[int, ...], ends_here: bool) -> str:
    """The `UPDATE` of `Transaction.save` that sets the `_SAVED_COLUMNS` at `changed`."""
    columns = ", ".join(f"{_SAVED_COLUMNS[index]} = ?" for index in changed)
    taken = ", timeout_sent = 1" if ends_here else ""
    return f"UPDATE sessions SET {columns}{taken} WHERE session_uuid = ?"


def _row_saved(
    read: tuple[Any, ...] | None, record: SessionRecord, attributes: str
) -> tuple[Any, ...] | None:
    """The row `_GET` will read for a session saved after `get` read it as `read` (its identity
    and creation time are never written), if it is sure to be the same: times that are whole
    integers, as SQLite gives them back. Else None."""
    if read is None:
        return None
    times = (record.modified, record.expiry)
    if any(type(value) is not int for value in times) or (
        record.ended is not None and type(record.ended) is not int
    ):
        return None
    return (*read[:4], *times, record.ended, attributes)


def _encoded_attributes(record: SessionRecord) -> str:
    return json_codec.dumps(record.attributes).decode("utf-8")


def record_of_row(row: Sequence[Any]) -> SessionRecord:
    """The session of a row of `query_rows` (every field of the session is in the row)."""
    uuid, account, number, created, modified, expiry, ended, attributes = row
    return SessionRecord(
        session_uuid=uuid,
        account=account,
        virtual_number=number,
        created=created,
        modified=modified,
        expiry=expiry,
        ended=ended,
        attributes=_decoded_attributes(attributes),
    )


_DECODED_KEPT = 1_024
# Stored attribute texts already decoded (a text is a session's state: the same text decodes to
# the same values), so that a session read again and again, as updates and retrieves of the same
# sessions do, is not decoded each time. Each reader gets its own copy of the top level; callers
# replace nested values (the interaction list) and never change them in place.
_decoded: dict[str, dict[str, Any]] = {}


def _decoded_attributes(text: str) -> dict[str, Any]:
    attributes = _decoded.get(text)
    if attributes is None:
        attributes = json_codec.loads(text.encode("utf-8"))
        if len(_decoded) >= _DECODED_KEPT:
            _decoded.clear()
        _decoded[text] = attributes
    return dict(attributes)
