"""The count of a list query is kept between pages, and never outlives a write: by this mock
(insert, save, clear) or by another mock on the same file."""

from __future__ import annotations

from pathlib import Path

from plivo_masking_mock.store import SessionQuery, SessionStore

from .conftest import Api, record


def total(store: SessionStore, status: str = "all") -> int:
    with store.reading() as tx:
        count, _ = tx.query_rows(SessionQuery("MA1", status=status, limit=1), now=1100)
    return count


def test_every_write_of_this_store_renews_the_count() -> None:
    store = SessionStore()
    with store.transaction() as tx:
        tx.insert(record("a"))
    assert total(store) == 1
    with store.transaction() as tx:
        tx.insert_many([record("b"), record("c")])
    assert total(store) == 3
    assert total(store, "expired") == 0
    with store.transaction() as tx:
        found = tx.get("b")
        assert found is not None
        found.ended = 1050
        tx.save(found)
    assert total(store, "expired") == 1
    with store.transaction() as tx:
        tx.clear()
    assert total(store) == 0


def test_a_write_by_another_mock_on_the_file_renews_the_count(tmp_path: Path) -> None:
    path = tmp_path / "shared.sqlite"
    reader, writer = SessionStore(path), SessionStore(path)
    assert total(reader) == 0
    with writer.transaction() as tx:
        tx.insert(record("a"))
    assert total(reader) == 1


def test_list_totals_follow_creates_and_expiries(api: Api) -> None:
    assert api.page()["meta"]["total_count"] == 0
    first = api.create_ok()
    assert api.page()["meta"]["total_count"] == 1
    assert api.page(status="expired")["meta"]["total_count"] == 0
    api.expire(first["session_uuid"])
    assert api.page(status="expired")["meta"]["total_count"] == 1
