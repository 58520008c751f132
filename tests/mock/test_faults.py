"""Planted faults: each breaks the contract the way it says, and the self-check notices."""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest
from starlette.testclient import TestClient

from plivo_masking_mock.app import MockApp
from plivo_masking_mock.conformance import ResponseChecker
from plivo_masking_mock.faults import Faults, UnknownFault

from .conftest import DEMO_AUTH, FIRST, SECOND, SESSIONS


def raw_client(app: MockApp) -> TestClient:
    """A client without the self-check: these responses are meant to break the spec."""
    client = TestClient(app, base_url="http://127.0.0.1")
    client.auth = DEMO_AUTH
    return client


def problems(checker: ResponseChecker, response: httpx.Response) -> list[str]:
    return checker.problems(
        response.request.method,
        response.request.url.path,
        response.status_code,
        response.headers.get("content-type"),
        response.content,
    )


def test_one_fault_at_a_time() -> None:
    faults = Faults("ignore_auth")
    assert "ignore_auth" in faults
    faults.set("undocumented_status")
    assert faults.active == "undocumented_status"
    with pytest.raises(UnknownFault):
        faults.set("nope")


def test_missing_required_field(make_app: Callable[..., MockApp], checker: ResponseChecker) -> None:
    with raw_client(make_app(fault="missing_required_field")) as client:
        created = client.post(SESSIONS, json={"first_party": FIRST, "second_party": SECOND})
        assert "duration" not in created.json()["session"]
        assert any("'duration' is a required property" in p for p in problems(checker, created))
        listed = client.get(SESSIONS)
        assert "duration" not in listed.json()["response"]["objects"][0]
        assert problems(checker, listed)


def test_server_error_on_bad_input(
    make_app: Callable[..., MockApp], checker: ResponseChecker
) -> None:
    with raw_client(make_app(fault="server_error_on_bad_input")) as client:
        response = client.post(SESSIONS, json={"record_file_format": "ogg"})
        assert response.status_code == 500
        assert response.json()["error"] == "Internal server error."
        assert not problems(checker, response)  # 500 is documented: only "no 5xx" checks catch it


def test_ignore_auth(make_app: Callable[..., MockApp]) -> None:
    with TestClient(make_app(fault="ignore_auth"), base_url="http://127.0.0.1") as client:
        assert client.get(SESSIONS).status_code == 200
        created = client.post(SESSIONS, json={"first_party": FIRST, "second_party": SECOND})
        assert created.status_code == 201


def test_update_after_expire(make_app: Callable[..., MockApp]) -> None:
    with raw_client(make_app(fault="update_after_expire")) as client:
        uuid = client.post(SESSIONS, json={"first_party": FIRST, "second_party": SECOND}).json()[
            "session_uuid"
        ]
        assert client.delete(SESSIONS + uuid).status_code == 200
        assert client.post(SESSIONS + uuid, json={"record": True}).status_code == 200


def test_undocumented_status(make_app: Callable[..., MockApp], checker: ResponseChecker) -> None:
    with raw_client(make_app(fault="undocumented_status")) as client:
        uuid = client.post(SESSIONS, json={"first_party": FIRST, "second_party": SECOND}).json()[
            "session_uuid"
        ]
        response = client.post(SESSIONS + uuid, json={"record": True})
        assert response.status_code == 409
        assert problems(checker, response) == [
            "update_masking_session: status 409 is not documented (200, 202, 2XX, 400, 401, 403, "
            "404, 405, 429, 500, 5XX)"
        ]


def test_faults_can_be_switched_at_runtime(app: MockApp) -> None:
    with raw_client(app) as client:
        client.post("/__mock__/faults", json={"fault": "server_error_on_bad_input"})
        assert client.post(SESSIONS, json={}).status_code == 500
        client.delete("/__mock__/faults")
        assert client.post(SESSIONS, json={}).status_code == 400
