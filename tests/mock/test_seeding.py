"""Seeding many sessions: they are what create stores, active, and served like any other."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from plivo_masking_mock.app import MockApp
from plivo_masking_mock.cli import main
from plivo_masking_mock.config import DEMO_AUTH_ID
from plivo_masking_mock.seeding import party, seed, session_uuid
from plivo_masking_mock.store import SessionStore

from .conftest import Api, checked_client


def test_seeded_sessions_are_served_like_created_ones(make_app: Callable[..., MockApp]) -> None:
    app = make_app()
    assert seed(app.spec, app.service, app.config.accounts[0], 250) == 250
    api = Api(checked_client(app))
    page = api.page(limit=20, first_party=party(2 * 7))
    assert page["meta"]["total_count"] == 1
    seeded = page["objects"][0]
    assert seeded["second_party"] == party(2 * 7 + 1).removeprefix("+")
    assert seeded["status"] == "active"
    assert api.page(limit=20)["meta"]["total_count"] == 250
    uuid = seeded["session_uuid"]
    assert uuid == session_uuid(app.config.accounts[0].auth_id, 7)
    created = api.session(api.create_ok()["session_uuid"])
    # Every field a created session has, a seeded one has, and the same defaults.
    session = api.session(uuid)
    assert list(session) == list(created)
    assert session["call_time_limit"] == created["call_time_limit"]
    assert api.update_ok(uuid, record=True)["record"] is True
    assert api.expire(uuid).status_code == 200


def test_seed_command_fills_a_file_that_serve_reads(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "sessions.db"
    assert main(["seed", "--db", str(db), "--sessions", "1200"]) == 0
    assert "1,200 sessions" in capsys.readouterr().out
    assert main(["seed", "--db", str(db), "--sessions", "5"]) == 0
    store = SessionStore(db)
    with store.transaction() as tx:
        assert tx.count() == 1205  # the second seed went on from index 1200
        last = tx.get(session_uuid(DEMO_AUTH_ID, 1204))
        assert last is not None and last.first_party == party(2 * 1204).removeprefix("+")
    store.close()


@pytest.mark.parametrize(
    ("flags", "message"),
    [
        (["--sessions", "0"], "from 1 to 1,000,000"),
        (["--sessions", "3", "--session-expiry", "86401"], "session_expiry is outside"),
    ],
)
def test_seed_command_refuses_bad_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], flags: list[str], message: str
) -> None:
    assert main(["seed", "--db", str(tmp_path / "s.db"), *flags]) == 2
    assert message in capsys.readouterr().err
