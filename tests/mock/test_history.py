"""A session's history: create, each update with what it changed, expire (by the operation or
by the clock), kept in the store beside the session and forgotten on reset."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from plivo_masking_mock.app import MockApp
from plivo_masking_mock.clock import ManualClock
from plivo_masking_mock.history import HistoryEntry, changes, timeline
from plivo_masking_mock.inspection import Inspector
from plivo_masking_mock.store import SessionStore

from .conftest import Api


def test_changes_ignore_modified_time_and_keep_order() -> None:
    before = {"a": 1, "modified_time": "x", "b": [1]}
    after = {"a": 2, "modified_time": "y", "b": [1], "c": None}
    assert changes(before, after) == {"a": [1, 2]}
    assert changes({"a": 1}, {"a": 1, "c": 3}) == {"c": [None, 3]}
    assert changes({"a": 1, "b": 2}, {"a": 1}) == {"b": [2, None]}  # no longer printed
    assert changes({"modified_time": "x"}, {"modified_time": None}) == {}
    # In the order the fields print: those printed before, then those printed only after.
    assert list(changes({"z": 1, "a": 1}, {"n": 5, "a": 2, "z": 2})) == ["z", "a", "n"]
    # The same fields in the same order: equal values are no change, identical or not.
    shared = [1]
    before = {"z": 1, "b": shared, "c": [2], "modified_time": "x", "a": 1.0}
    after = {"z": 3, "b": shared, "c": [2], "modified_time": "y", "a": 2.0}
    assert changes(before, after) == {"z": [1, 3], "a": [1.0, 2.0]}
    assert list(changes(before, after)) == ["z", "a"]
    assert changes(before, dict(before)) == {}


def test_timeline_adds_an_expiry_reached_by_the_clock() -> None:
    created = HistoryEntry(100, "created")
    assert timeline([created], expiry=200, ended=None, now=150) == [created]
    reached = timeline([created], expiry=200, ended=None, now=200)
    assert [entry.kind for entry in reached] == ["created", "expiry reached"]
    assert reached[1].time == 200
    assert timeline([created], expiry=120, ended=120, now=500) == [created]


def test_history_of_create_update_expire(api: Api, app: MockApp, clock: ManualClock) -> None:
    uuid = api.create_ok(session_expiry=600)["session_uuid"]
    clock.advance(10)
    api.update_ok(uuid, record=True, session_expiry=1200)
    api.update_ok(uuid, record=True)  # changes nothing but modified_time
    clock.advance(5)
    assert api.expire(uuid).status_code == 200
    history = Inspector(app.service).detail(uuid).history
    assert [entry.kind for entry in history] == ["created", "updated", "updated", "expired"]
    assert history[0].changes == {}
    assert history[1].changes["record"] == [False, True]
    assert history[1].changes["duration"] == [600, 1210]
    assert history[2].changes == {}
    assert history[3].changes["status"] == ["active", "expired"]
    assert history[3].time == history[0].time + 15


def test_history_survives_in_the_store_and_goes_with_reset(api: Api, app: MockApp) -> None:
    uuid = api.create_ok()["session_uuid"]
    with app.store.transaction() as tx:
        assert [entry.kind for entry in tx.history(uuid)] == ["created"]
    app.reset()
    with app.store.transaction() as tx:
        assert tx.history(uuid) == []


def test_expire_records_every_field_the_session_object_shows_changed(
    api: Api, app: MockApp, clock: ManualClock
) -> None:
    uuid = api.create_ok(session_expiry=600, record=True, callback_url="http://127.0.0.1:9/")[
        "session_uuid"
    ]
    clock.advance(5)
    before = api.session(uuid)
    assert api.expire(uuid).status_code == 200
    after = api.session(uuid)
    recorded = Inspector(app.service).detail(uuid).history[-1].changes
    assert set(recorded) == {"status", "expiry_time", "duration"}
    assert recorded == changes(before, after)


UPDATES: list[dict[str, Any]] = [
    {"record": True, "call_time_limit": 7200},
    {"session_expiry": 1200},
    {"callback_url": "http://127.0.0.1:9/status", "callback_method": "GET"},
    {"ring_timeout": 30, "record_file_format": "wav", "recording_callback_url": ""},
    {"first_party_play_url": "http://127.0.0.1:9/a.mp3", "record": False},
    {"first_party": "+12025550111", "second_party": "+12025550112"},
    {"create_session_with_single_party": True, "geomatch": False},
    {"call_time_limit": 7200},  # the same again: nothing but modified_time
    {"subaccount": None, "record": True},
    {"first_party_pin": "4321", "callback_url": None},
]


def test_update_records_every_field_the_session_object_shows_changed(
    api: Api, app: MockApp, clock: ManualClock
) -> None:
    pins = {"is_pin_authentication_required": True, "pin_prompt_play": "http://127.0.0.1:9/p.mp3"}
    uuid = api.create_ok(session_expiry=600, generate_pin=True, **pins)["session_uuid"]
    applied = 0
    for body in UPDATES:
        clock.advance(7)
        before = api.session(uuid)
        response = api.update(uuid, **body)
        if response.status_code != 200:
            continue  # a change the rules refuse records nothing
        applied += 1
        after = api.session(uuid)
        # The answer prints the session as retrieve does, in the same order.
        assert list(response.json()["session"].items()) == list(after.items()), body
        recorded = Inspector(app.service).detail(uuid).history[-1].changes
        assert recorded == changes(before, after), body
        assert list(recorded) == list(changes(before, after)), body  # in print order
    assert applied >= 6


def _add(store: SessionStore, uuid: str, time: int) -> None:
    with store.transaction() as tx:
        tx.add_history(uuid, HistoryEntry(time, "updated", {"record": [time % 2 == 0, True]}))


def _histories(store: SessionStore, uuids: list[str]) -> list[list[HistoryEntry]]:
    with store.transaction() as tx:
        return [tx.history(uuid) for uuid in uuids]


def test_history_kept_in_memory_reads_as_a_file_store_writes_it(tmp_path: Path) -> None:
    memory, file = SessionStore(), SessionStore(tmp_path / "history.sqlite")
    uuids = [f"s{index}" for index in range(7)]
    for store in (memory, file):
        for time in range(600):
            _add(store, uuids[time % 7], time)
        with store.transaction() as tx:  # values JSON must escape, and some it need not
            tx.add_history(uuids[0], HistoryEntry(600, "updated", {"a\nb": ["x\ny", "é ☎"]}))
    assert memory.history is not None
    assert len(memory.history) == 601
    # Kept in Python only: nothing written to SQLite.
    assert memory._db.execute("SELECT COUNT(*) FROM session_history").fetchone()[0] == 0
    assert _histories(memory, uuids) == _histories(file, uuids)
    assert [entry.time for entry in _histories(memory, uuids)[0]] == [*range(0, 600, 7), 600]
    assert _histories(memory, uuids)[0][-1].changes == {"a\nb": ["x\ny", "é ☎"]}


def test_history_read_back_cannot_change_what_is_kept() -> None:
    store = SessionStore()
    _add(store, "a", 1)
    with store.transaction() as tx:
        tx.history("a")[0].changes["record"].append("changed")
        tx.add_history("a", HistoryEntry(2, "updated", {"record": [False, True]}))
        tx.history("a")[1].changes.clear()
    assert [entry.changes for entry in _histories(store, ["a"])[0]] == [
        {"record": [False, True]},
        {"record": [False, True]},
    ]


def test_history_of_a_rolled_back_transaction_is_not_kept() -> None:
    store = SessionStore()
    _add(store, "a", 1)
    with pytest.raises(RuntimeError), store.transaction() as tx:
        tx.add_history("a", HistoryEntry(2, "updated", {}))
        assert [entry.time for entry in tx.history("a")] == [1, 2]  # its own, already
        raise RuntimeError("rolled back")
    assert [entry.time for entry in _histories(store, ["a"])[0]] == [1]


def test_a_clear_forgets_held_history_once_committed() -> None:
    store = SessionStore()
    for time in range(3):
        _add(store, "a", time)
    with pytest.raises(RuntimeError), store.transaction() as tx:
        tx.clear()
        assert tx.history("a") == []
        raise RuntimeError("rolled back")
    assert len(_histories(store, ["a"])[0]) == 3
    with store.transaction() as tx:
        tx.clear()
    assert _histories(store, ["a"]) == [[]]
    _add(store, "a", 9)
    assert [entry.time for entry in _histories(store, ["a"])[0]] == [9]
