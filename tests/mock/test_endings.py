"""Each ended session is seen once by the call player (its SessionTimeout), and seeing them costs
nothing while no session can have ended: no re-reading of what ended in the same second."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from plivo_masking_mock.app import MockApp
from plivo_masking_mock.clock import ManualClock
from plivo_masking_mock.session import SessionRecord
from plivo_masking_mock.store import SessionStore

from .conftest import SECOND, Api, checked_client
from .conftest import record as stored_record

DEAD_RECEIVER = "http://127.0.0.1:9/status"  # the deliveries fail; the log still records them


def record(
    uuid: str, expiry: int, ended: int | None = None, callback_url: str | None = DEAD_RECEIVER
) -> SessionRecord:
    return replace(stored_record(uuid, callback_url=callback_url), expiry=expiry, ended=ended)


def test_each_ended_session_is_taken_once_oldest_first() -> None:
    store = SessionStore()
    with store.transaction() as tx:
        tx.insert_many(record(f"s{index}", expiry=2000) for index in range(500))
        tx.insert(record("early", expiry=1900))
        tx.insert(record("expired-by-hand", expiry=5000, ended=1950))
        tx.insert(record("later", expiry=3000))
    with store.transaction() as tx:
        taken = [r.session_uuid for r in tx.take_ended(2000)]
        assert taken[:2] == ["early", "expired-by-hand"]
        assert sorted(taken[2:]) == sorted(f"s{index}" for index in range(500))
        assert tx.take_ended(2000) == []  # the same second again: nothing read twice
        assert tx.next_end() == 3000
        assert [r.session_uuid for r in tx.take_ended(3000)] == ["later"]
        assert tx.next_end() is None


def test_endings_with_nobody_to_tell_are_taken_but_not_returned() -> None:
    store = SessionStore()
    with store.transaction() as tx:
        tx.insert(record("unset", expiry=1500, callback_url=""))
        tx.insert(record("null", expiry=1500, callback_url=None))
        tx.insert(record("told", expiry=1500))
        lookalike = record("lookalike", expiry=1500, callback_url=None)
        lookalike.attributes.update(
            recording_callback_url=DEAD_RECEIVER, first_party='"callback_url":"x"'
        )
        tx.insert(lookalike)
        assert [r.session_uuid for r in tx.take_ended(1500)] == ["told"]
        assert tx.next_end() is None  # all four taken


def test_skipped_endings_are_never_taken() -> None:
    store = SessionStore()
    with store.transaction() as tx:
        tx.insert(record("before", expiry=1500))
        tx.insert(record("at", expiry=1600))
        tx.skip_ended(1600)
        assert [r.session_uuid for r in tx.take_ended(1600)] == ["at"]


def test_the_store_reports_the_earliest_end_written() -> None:
    store = SessionStore()
    assert store.ends_written() is None
    with store.transaction() as tx:
        tx.insert(record("a", expiry=3000))
        tx.insert(record("b", expiry=2500))
    assert store.ends_written() == 2500
    assert store.ends_written() is None  # taken
    with store.transaction() as tx:
        found = tx.get("a")
        assert found is not None
        found.expiry = 1200
        tx.save(found)
    assert store.ends_written() == 1200


def test_an_explicit_end_is_taken_as_it_is_saved_and_handed_over_once_committed() -> None:
    store = SessionStore()
    with store.transaction() as tx:
        tx.insert(record("told", expiry=5000))
        tx.insert(record("untold", expiry=5000, callback_url=""))
        tx.insert(record("later", expiry=5000))
    store.ends_written()
    with store.transaction() as tx:
        for uuid, ended in (("told", 1200), ("untold", 1200), ("later", 1300)):
            found = tx.get(uuid)
            assert found is not None
            found.ended = found.expiry = ended
            tx.save(found)
        assert store.take_ended_here(2000) == []  # not before the commit
    assert store.ends_written() is None  # nothing for the call player to look up
    with store.transaction() as tx:
        assert tx.take_ended(2000) == []  # taken in the same statement as the end
        assert tx.next_end() is None
    assert [r.session_uuid for r in store.take_ended_here(1250)] == ["told"]
    assert store.take_ended_here(1250) == []  # once
    taken = store.take_ended_here(1300)
    assert [r.session_uuid for r in taken] == ["later"]
    assert taken[0].ended == 1300


def test_an_explicit_end_rolled_back_is_neither_taken_nor_handed_over() -> None:
    store = SessionStore()
    with store.transaction() as tx:
        tx.insert(record("kept", expiry=5000))
    with pytest.raises(RuntimeError), store.transaction() as tx:
        found = tx.get("kept")
        assert found is not None
        found.ended = 1200
        tx.save(found)
        raise RuntimeError("rolled back")
    assert store.take_ended_here(9000) == []
    with store.transaction() as tx:
        assert [r.session_uuid for r in tx.take_ended(9000)] == ["kept"]  # by its expiry


def test_explicit_ends_waiting_go_with_skip_and_clear() -> None:
    store = SessionStore()
    with store.transaction() as tx:
        tx.insert_many(record(uuid, expiry=5000) for uuid in ("a", "b", "c"))
    with store.transaction() as tx:
        for uuid, ended in (("a", 1000), ("b", 2000), ("c", 3000)):
            found = tx.get(uuid)
            assert found is not None
            found.ended = ended
            tx.save(found)
    with store.transaction() as tx:
        tx.skip_ended(2000)  # before 2000: a
    assert store.take_ended_here(1999) == []
    with store.transaction() as tx:
        tx.clear()  # b and c
        tx.insert(record("d", expiry=5000))
    assert store.take_ended_here(9000) == []
    with store.transaction() as tx:
        found = tx.get("d")
        assert found is not None
        found.ended = 4000
        tx.save(found)
    with store.transaction() as tx:
        tx.skip_ended(4000)  # ended at 4000, not before: kept
    assert [r.session_uuid for r in store.take_ended_here(9000)] == ["d"]


def test_a_file_of_an_older_mock_gets_the_column(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    with SessionStore(path).transaction() as tx:
        tx.insert(record("old", expiry=1500))
    db = sqlite3.connect(path)
    db.execute("DROP INDEX sessions_pending_end")
    db.execute("ALTER TABLE sessions DROP COLUMN timeout_sent")
    db.commit()
    db.close()
    store = SessionStore(path)
    with store.transaction() as tx:
        assert [r.session_uuid for r in tx.take_ended(2000)] == ["old"]


def timeouts(app: MockApp) -> list[str]:
    return [d.session_uuid for d in app.calls.log.find(event="SessionTimeout")]


def test_a_shortened_expiry_is_seen_though_nothing_else_was_due(
    api: Api, app: MockApp, clock: ManualClock
) -> None:
    long = api.create_ok(session_expiry=3600, callback_url=DEAD_RECEIVER)
    api.get(long["session_uuid"])  # a look at the endings: nothing before an hour from now
    api.update_ok(long["session_uuid"], session_expiry=60)
    clock.advance(61)
    api.get(long["session_uuid"])
    assert timeouts(app) == [long["session_uuid"]]


def test_sessions_expired_in_one_second_each_time_out_once(api: Api, app: MockApp) -> None:
    uuids = []
    for index in range(5):
        body = {"first_party": f"+1202555{index:04d}", "second_party": SECOND}
        uuids.append(api.create_ok(callback_url=DEAD_RECEIVER, **body)["session_uuid"])
    for uuid in uuids:
        assert api.expire(uuid).status_code == 200
        api.get(uuid)
    assert timeouts(app) == list(reversed(uuids))  # the log lists the newest first


def test_a_restart_on_the_file_repeats_no_timeout_and_sends_none_for_the_downtime(
    tmp_path: Path, make_app: Callable[..., MockApp], clock: ManualClock
) -> None:
    path = tmp_path / "sessions.sqlite"
    first = make_app(db_path=path)
    with checked_client(first) as client:
        api = Api(client)
        expired = api.create_ok(callback_url=DEAD_RECEIVER, session_expiry=600)
        ends_later = api.create_ok(
            first_party="+12025550077", callback_url=DEAD_RECEIVER, session_expiry=600
        )
        api.expire(expired["session_uuid"])
        assert timeouts(first) == [expired["session_uuid"]]
    first.store.close()
    clock.advance(3600)  # ends_later ends while no mock runs
    second = make_app(db_path=path)
    with checked_client(second) as client:
        assert Api(client).session(ends_later["session_uuid"])["status"] == "expired"
        clock.advance(60)
        Api(client).page()
    assert timeouts(second) == []


def _settle_within(app: MockApp, seconds: float) -> bool:
    """Whether `settle` returns within `seconds` (run in a thread, since it may wait)."""
    done = threading.Event()

    def settle() -> None:
        app.calls.settle()
        done.set()

    worker = threading.Thread(target=settle, daemon=True)
    worker.start()
    return done.wait(seconds)


def test_an_idle_settle_takes_no_lock_but_waits_for_a_settle_running_elsewhere(
    api: Api, app: MockApp
) -> None:
    api.create_ok(session_expiry=3600)
    app.calls.settle()  # a look: the next end is an hour away
    held, release = threading.Event(), threading.Event()

    def hold(settling: bool) -> None:
        with app.calls._lock:
            app.calls._settling = settling
            held.set()
            release.wait(5)
            app.calls._settling = False

    holder = threading.Thread(target=hold, args=(False,), daemon=True)
    holder.start()
    held.wait(5)
    assert _settle_within(app, 1.0)  # nothing due: no lock taken
    release.set()
    holder.join(5)

    held.clear()
    release.clear()
    holder = threading.Thread(target=hold, args=(True,), daemon=True)
    holder.start()
    held.wait(5)
    assert not _settle_within(app, 0.3)  # a settle runs elsewhere: this one waits for it
    release.set()
    holder.join(5)
    assert _settle_within(app, 1.0)


def test_an_idle_look_still_sees_each_kind_of_pending_work(
    api: Api, app: MockApp, clock: ManualClock
) -> None:
    session = api.create_ok(session_expiry=60, callback_url=DEAD_RECEIVER)
    app.calls.settle()
    assert app.calls._idle()
    clock.advance(61)  # its end is due
    assert not app.calls._idle()
    app.calls.settle()
    assert timeouts(app) == [session["session_uuid"]]
    assert app.calls._idle()
    other = api.create_ok(first_party="+12025550077", callback_url=DEAD_RECEIVER)
    with app.store.transaction() as tx:  # an expire: an explicit end waiting
        found = tx.get(other["session_uuid"])
        assert found is not None
        found.ended = found.expiry = int(clock.now())
        tx.save(found)
    assert not app.calls._idle()
