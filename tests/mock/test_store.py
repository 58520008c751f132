"""SQLite: sessions survive a restart with a file; concurrency loses nothing."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from starlette.testclient import TestClient

from plivo_masking_mock.app import MockApp, create_app
from plivo_masking_mock.clock import ManualClock
from plivo_masking_mock.config import Account, MockConfig
from plivo_masking_mock.row_cache import RowCache
from plivo_masking_mock.server import MockServer
from plivo_masking_mock.session import SessionRecord
from plivo_masking_mock.store import _GET, Condition, SessionQuery, SessionStore

from .conftest import DEMO_AUTH, Api, checked_client, record, self_check


def test_insert_get_save_query() -> None:
    store = SessionStore()
    with store.transaction() as tx:
        tx.insert(record("a"))
        tx.insert(record("b", created=2000))
    with store.transaction() as tx:
        found = tx.get("a")
        assert found is not None
        assert found.attributes["first_party"] == "1"
        assert tx.get("a", account="MA2") is None
        found.ended = 1500
        tx.save(found)
    with store.transaction() as tx:
        total, records = tx.query(SessionQuery("MA1", status="expired"), now=1600)
        assert (total, [r.session_uuid for r in records]) == (1, ["a"])
        total, records = tx.query(
            SessionQuery("MA1", (Condition("duration", "gte", 600),)), now=1600
        )
        assert [r.session_uuid for r in records] == ["b", "a"]


def test_each_read_of_a_session_gets_its_own_attributes() -> None:
    """Decoded attributes are kept by their stored text: a reader that changes its session
    (and does not save it) must not change what the next reader gets."""
    store = SessionStore()
    with store.transaction() as tx:
        tx.insert(record("a", record=False))
    with store.transaction() as tx:
        first = tx.get("a")
        assert first is not None
        first.attributes["record"] = True
        first.attributes["first_party"] = "9"
    with store.transaction() as tx:
        again = tx.get("a")
        assert again is not None
        assert again.attributes == {"first_party": "1", "second_party": "2", "record": False}
        again.attributes["record"] = True
        tx.save(again)
    with store.transaction() as tx:
        saved = tx.get("a")
        assert saved is not None
        assert saved.attributes["record"] is True


def test_a_failed_transaction_rolls_back() -> None:
    store = SessionStore()
    try:
        with store.transaction() as tx:
            tx.insert(record("a"))
            raise RuntimeError("boom")
    except RuntimeError:
        pass
    with store.transaction() as tx:
        assert tx.count() == 0


def test_sessions_survive_a_restart(tmp_path: Path, make_app: Callable[..., MockApp]) -> None:
    db = tmp_path / "sessions.db"
    with checked_client(make_app(db_path=db)) as client:
        api = Api(client)
        uuid = api.create_ok()["session_uuid"]
        api.update_ok(uuid, record=True)
    app = make_app(db_path=db)  # a new process would do the same: open the file again
    with checked_client(app) as client:
        api = Api(client)
        session = api.session(uuid)
        assert session["record"] is True
        assert api.expire(uuid).status_code == 200
    with checked_client(make_app(db_path=db)) as client:
        assert Api(client).session(uuid)["status"] == "expired"


def test_concurrent_creates_never_share_a_number_with_a_common_party() -> None:
    # One party in every session: each needs a number of its own, so the pool of 12 allows
    # exactly 12 sessions out of the 40 attempts, on 12 distinct numbers.
    numbers = tuple(f"+120255502{index:02d}" for index in range(12))
    config = MockConfig().with_accounts([Account(*DEMO_AUTH, numbers=numbers)])
    with MockServer(config=config, clock=ManualClock()) as server:
        http = httpx.Client(
            base_url=server.base_url, auth=DEMO_AUTH, event_hooks={"response": [self_check]}
        )
        barrier = threading.Barrier(8)

        def create(index: int) -> httpx.Response:
            if index < 8:
                barrier.wait()
            return http.post(
                f"/v1/Account/{DEMO_AUTH[0]}/Masking/Session/",
                json={"first_party": "+12025550000", "second_party": f"+1202556{index:04d}"},
            )

        with ThreadPoolExecutor(max_workers=8) as pool:
            responses = list(pool.map(create, range(40)))
        created = [r.json()["session"]["virtual_number"] for r in responses if r.status_code == 201]
        refused = [r.json()["error"] for r in responses if r.status_code == 400]
        assert len(created) == 12
        assert sorted(created) == sorted(number[1:] for number in numbers)
        assert refused == ["Number pool exhausted or not available"] * 28
        http.close()


def test_concurrent_updates_are_not_lost(make_app: Callable[..., MockApp]) -> None:
    app = make_app()
    service = app.service
    account = app.config.accounts[0]
    uuid = service.create(account, {"first_party": "12025550000", "second_party": "12025551111"})[
        "session_uuid"
    ]

    def call(index: int) -> None:
        # Each simulated call adds 2 legs: a lost update would show as a smaller total.
        service.simulate_call(uuid, duration=index % 7 + 1)

    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(call, range(100)))
    session = service.get(account, uuid)["response"]
    assert session["total_call_count"] == 200
    assert len(session["interaction"]) == 100
    assert session["total_call_billed_duration"] == sum(index % 7 + 1 for index in range(100))


def test_two_stores_on_one_file_do_not_double_allocate(tmp_path: Path) -> None:
    # Two mock processes on one --db file: BEGIN IMMEDIATE serialises their allocations.
    db = tmp_path / "shared.db"
    config = MockConfig().with_accounts([Account(*DEMO_AUTH, numbers=("+12025550100",))])
    apps = [create_app(config, db_path=db, clock=ManualClock()) for _ in range(2)]
    account = config.accounts[0]
    results: list[str] = []

    def create(index: int) -> None:
        try:
            apps[index % 2].service.create(
                account, {"first_party": "12025550000", "second_party": f"1202556{index:04d}"}
            )
            results.append("created")
        except Exception as error:  # BadRequest: pool exhausted
            results.append(str(error))

    with ThreadPoolExecutor(max_workers=4) as pool:
        list(pool.map(create, range(10)))
    assert results.count("created") == 1


def _statements(store: SessionStore, work: Callable[[], object]) -> list[str]:
    statements: list[str] = []
    store._db.set_trace_callback(statements.append)
    try:
        work()
    finally:
        store._db.set_trace_callback(None)
    return statements


def test_save_writes_only_the_columns_that_changed() -> None:
    """An update that moves no time must not rewrite the index entries of the session's end
    (SQLite rewrites those of every column a statement sets), yet nothing it changed is lost."""
    store = SessionStore()
    with store.transaction() as tx:
        tx.insert(record("a"))

    def save(change: Callable[[SessionRecord], object]) -> list[list[str]]:
        """The columns each UPDATE of the save set."""

        def work() -> None:
            with store.transaction() as tx:
                found = tx.get("a")
                assert found is not None
                change(found)
                tx.save(found)

        updates = [sql for sql in _statements(store, work) if sql.startswith("UPDATE")]
        return [re.findall(r"(\w+) = ", sql.split(" WHERE ")[0]) for sql in updates]

    def set_record(found: SessionRecord) -> None:
        found.modified += 1
        found.attributes["record"] = True

    assert save(set_record) == [["modified", "attributes"]]
    assert save(lambda found: None) == []  # nothing changed: nothing written

    def end(found: SessionRecord) -> None:
        found.ended = found.expiry = 1500

    assert save(end) == [["expiry", "ended", "timeout_sent"]]  # an explicit end is taken
    with store.transaction() as tx:
        found = tx.get("a")
        assert found is not None
        assert (found.attributes["record"], found.ended, found.expiry) == (True, 1500, 1500)
        # A session saved without having been read in the transaction: every column is written.
        found.attributes["first_party"] = "7"
    with store.transaction() as tx:
        tx.save(found)
    with store.transaction() as tx:
        total, _ = tx.query(SessionQuery("MA1", (Condition("first_party", "eq", "7"),)), 1600)
        assert total == 1


def _plans(store: SessionStore, work: Callable[[], object]) -> list[str]:
    """SQLite's query plan of every statement `work` runs on the store."""
    plans = []
    for sql in _statements(store, work):
        if sql.lstrip().upper().startswith(("SELECT", "UPDATE")):
            rows = store._db.execute("EXPLAIN QUERY PLAN " + sql).fetchall()
            plans.append(" / ".join(str(row[-1]) for row in rows))
    return plans


def test_lookups_and_filtered_lists_read_by_index_not_by_scan() -> None:
    """What keeps retrieve, update, a filtered list and create flat as sessions accumulate."""
    store = SessionStore()
    record = SessionRecord("u1", "MA1", "12025550100", 100, 100, 200, attributes={})

    def work() -> None:
        with store.transaction() as tx:
            tx.insert(record)
            read = tx.get("u1", "MA1")
            assert read is not None
            read.modified = 150  # a save that writes something
            tx.save(read)
            tx.number_uses("MA1", ["12025550100"], ["12025550000", "12025551111"], 150)
            for field in ("first_party", "second_party", "virtual_number"):
                conditions = (Condition(field, "eq", "1"), Condition("created_time", "gte", 50))
                tx.query(SessionQuery("MA1", conditions, status="active"), 150)

    plans = _plans(store, work)
    assert len(plans) == 9
    for plan in plans:
        assert "SCAN" not in plan, plan
        assert "USING" in plan, plan


def _sql_row(store: SessionStore, uuid: str) -> tuple[object, ...] | None:
    row: tuple[object, ...] | None = store._db.execute(_GET, (uuid,)).fetchone()
    return row


def _selects(store: SessionStore, work: Callable[[], object]) -> int:
    return sum(sql.startswith("SELECT") for sql in _statements(store, work))


def test_a_row_read_again_in_memory_needs_no_select_and_is_what_sqlite_holds() -> None:
    store = SessionStore()
    with store.transaction() as tx:
        tx.insert(record("a"))

    def read(account: str | None = None) -> SessionRecord | None:
        with store.transaction() as tx:
            return tx.get("a", account)

    assert _selects(store, read) == 1
    assert _selects(store, read) == 0  # kept
    assert read("MA2") is None  # another account's session, from the kept row too
    with store.transaction() as tx:
        found = tx.get("a")
        assert found is not None
        found.modified += 5
        found.attributes["record"] = True
        tx.save(found)
        again = tx.get("a")  # written here: read from SQLite, not from what was kept
        assert again is not None
        assert again.attributes["record"] is True
    assert _selects(store, read) == 0  # the saved row came in at the commit
    assert store.rows is not None
    assert store.rows.get("a") == _sql_row(store, "a")
    saved = read()
    assert saved is not None
    assert saved.attributes["record"] is True


def test_a_rolled_back_save_leaves_no_kept_row() -> None:
    store = SessionStore()
    with store.transaction() as tx:
        tx.insert(record("a"))
    with store.transaction() as tx:
        assert tx.get("a") is not None  # kept
    with pytest.raises(RuntimeError), store.transaction() as tx:
        found = tx.get("a")
        assert found is not None
        found.attributes["record"] = True
        tx.save(found)
        assert tx.get("a") is not None  # a read of what is not yet committed
        raise RuntimeError("rolled back")
    with store.transaction() as tx:
        found = tx.get("a")
        assert found is not None
        assert "record" not in found.attributes
    assert store.rows is not None
    assert store.rows.get("a") == _sql_row(store, "a")
    with store.transaction() as tx:
        tx.clear()
    with store.transaction() as tx:
        assert tx.get("a") is None


def test_a_file_store_keeps_no_rows_another_mock_may_change(tmp_path: Path) -> None:
    path = tmp_path / "shared.sqlite"
    first, second = SessionStore(path), SessionStore(path)
    assert first.rows is None
    with first.transaction() as tx:
        tx.insert(record("a"))
    with first.transaction() as tx:
        assert tx.get("a") is not None
    with second.transaction() as tx:
        found = tx.get("a")
        assert found is not None
        found.attributes["record"] = True
        tx.save(found)
    with first.transaction() as tx:
        seen = tx.get("a")
        assert seen is not None
        assert seen.attributes["record"] is True


def test_kept_rows_match_sqlite_after_every_kind_of_write(
    api: Api, app: MockApp, client: TestClient, clock: ManualClock
) -> None:
    uuids = [
        api.create_ok(
            first_party=f"+1202555{index:04d}",
            second_party=f"+1202666{index:04d}",
            session_expiry=600,
        )["session_uuid"]
        for index in range(6)
    ]
    api.update_ok(uuids[0], record=True, call_time_limit=7200)
    api.update_ok(uuids[1], session_expiry=1200)
    assert api.expire(uuids[2]).status_code == 200
    response = client.post(f"/__mock__/sessions/{uuids[3]}/calls", json={"duration": 30})
    assert response.status_code == 200, response.text
    clock.advance(700)  # uuids[4] and uuids[5] expire by time
    for uuid in uuids:
        api.session(uuid)
        api.update(uuid, record=False)
    rows = app.store.rows
    assert rows is not None
    assert len(rows) == len(uuids)
    for uuid in uuids:
        assert rows.get(uuid) == _sql_row(app.store, uuid), uuid


def test_the_row_cache_is_bounded_oldest_out() -> None:
    cache = RowCache(size=3)
    for name in "abcd":
        cache.put(name, (name,))
    assert len(cache) == 3
    assert cache.get("a") is None
    assert [cache.get(name) for name in "bcd"] == [("b",), ("c",), ("d",)]
    cache.put("b", ("b2",))  # replacing one keeps the rest
    assert len(cache) == 3
    assert cache.get("b") == ("b2",)
    cache.forget("c")
    for name in "ef":  # the oldest in (b, replaced in place) goes first
        cache.put(name, (name,))
    assert [cache.get(name) is not None for name in "bdef"] == [False, True, True, True]


def test_a_session_inserted_and_read_in_a_rolled_back_transaction_is_not_kept() -> None:
    store = SessionStore()
    with pytest.raises(RuntimeError), store.transaction() as tx:
        tx.insert(record("new"))
        assert tx.get("new") is not None  # read before its transaction commits
        raise RuntimeError("rolled back")
    with store.transaction() as tx:
        assert tx.get("new") is None
