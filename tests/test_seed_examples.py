"""Every request sample of the seed page ("Update a number masking session") against the mock.

The seed prints five samples. Each is sent here the way its SDK puts it on the wire (reference
§3.2, §9): Python through the official SDK itself; Node without a trailing slash and with
`session_uuid` in the body; PHP and Go with a trailing slash. The seed's Python sample is
invalid Python (`record=true`); it runs here as `record=True`. Its cURL sample is invalid JSON
(a trailing comma) with `"record": "true"` as a string: sent as printed, the mock answers a 400
that says what is wrong; corrected, it succeeds.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import httpx
import pytest

from plivo_masking_mock.server import MockServer
from tests.official_sdk import official_client
from tests.spec_document import response_schema, schema_errors

SEED_CURL_BODY = """{
  "record": "true",
  "recording_callback_url": "https://www.example.com/recording",
  }"""


def _create(mock: MockServer) -> dict[str, Any]:
    response = httpx.post(
        mock.sessions_url,
        auth=(mock.auth_id, mock.auth_token),
        json={"first_party": "+919003459051", "second_party": "+918197241073"},
    )
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


def _epoch(go_timestamp: str) -> int:
    """Seconds since the epoch of a whole-second timestamp like 2024-02-01 06:28:15 +0000 UTC."""
    parsed = datetime.strptime(go_timestamp, "%Y-%m-%d %H:%M:%S +0000 UTC")
    return int(parsed.replace(tzinfo=UTC).timestamp())


def _session_url(mock: MockServer, session_uuid: str, trailing_slash: str = "") -> str:
    return f"{mock.sessions_url.rstrip('/')}/{session_uuid}{trailing_slash}"


def _assert_updated(response: httpx.Response) -> dict[str, Any]:
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    assert schema_errors(response_schema("update_masking_session", "200"), body) == []
    assert body["message"] == "Session updated"
    session: dict[str, Any] = body["session"]
    return session


def test_python_sample_through_the_official_sdk(
    plivo_mock: MockServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    session_uuid = _create(plivo_mock)["session_uuid"]
    with official_client(plivo_mock, monkeypatch) as client:
        response = client.masking_sessions.update_masking_session(
            session_uuid=session_uuid, call_time_limit=3600, record=True
        )
    assert response.message == "Session updated"
    assert response.session.call_time_limit == 3600
    assert response.session.record is True


@pytest.mark.parametrize(
    "sdk,trailing_slash,extra_body",
    [
        ("node", "", {"session_uuid": True}),  # Node: no slash, sessionUuid becomes a body key
        ("go", "/", {}),
    ],
)
def test_session_expiry_120_sample(
    plivo_mock: MockServer, sdk: str, trailing_slash: str, extra_body: dict[str, bool]
) -> None:
    created = _create(plivo_mock)
    session_uuid = created["session_uuid"]
    body: dict[str, Any] = {"session_expiry": 120}
    if extra_body:
        body["session_uuid"] = session_uuid
    plivo_mock.advance(30)
    response = httpx.post(
        _session_url(plivo_mock, session_uuid, trailing_slash),
        auth=(plivo_mock.auth_id, plivo_mock.auth_token),
        json=body,
    )
    session = _assert_updated(response)
    created_at, modified_at, expires_at = (
        _epoch(session[field]) for field in ("created_time", "modified_time", "expiry_time")
    )
    # The lifetime restarts at the update (30 s or a little more after creation) ...
    assert expires_at - modified_at == 120, sdk
    assert modified_at - created_at >= 30
    # ... and duration is counted from creation.
    assert session["duration"] == expires_at - created_at


def test_php_sample_changes_only_call_time_limit(plivo_mock: MockServer) -> None:
    created = _create(plivo_mock)["session"]
    response = httpx.post(
        _session_url(plivo_mock, created["session_uuid"], "/"),
        auth=(plivo_mock.auth_id, plivo_mock.auth_token),
        json={"call_time_limit": 3600},
    )
    session = _assert_updated(response)
    assert session["call_time_limit"] == 3600
    unchanged = {k: v for k, v in session.items() if k not in {"call_time_limit", "modified_time"}}
    assert unchanged == {k: v for k, v in created.items() if k in unchanged}


def _post_raw(mock: MockServer, session_uuid: str, content: str) -> httpx.Response:
    return httpx.post(
        _session_url(mock, session_uuid),
        auth=(mock.auth_id, mock.auth_token),
        content=content.encode(),
        headers={"Content-Type": "application/json"},
    )


def test_curl_sample_as_printed_is_rejected_as_malformed_json(plivo_mock: MockServer) -> None:
    session_uuid = _create(plivo_mock)["session_uuid"]
    response = _post_raw(plivo_mock, session_uuid, SEED_CURL_BODY)
    assert response.status_code == 400
    assert set(response.json()) == {"api_id", "error"}
    assert "JSON" in response.json()["error"]


def test_curl_sample_with_string_record_names_the_parameter(plivo_mock: MockServer) -> None:
    session_uuid = _create(plivo_mock)["session_uuid"]
    valid_json = SEED_CURL_BODY.replace('",\n  }', '"\n  }')
    response = _post_raw(plivo_mock, session_uuid, valid_json)
    assert response.status_code == 400
    assert response.json()["error"] == "Invalid parameter. record allowed values are true or false."


def test_curl_sample_corrected_updates_the_session(plivo_mock: MockServer) -> None:
    session_uuid = _create(plivo_mock)["session_uuid"]
    corrected = SEED_CURL_BODY.replace('",\n  }', '"\n  }').replace('"true"', "true")
    session = _assert_updated(_post_raw(plivo_mock, session_uuid, corrected))
    assert session["record"] is True
    assert session["recording_callback_url"] == "https://www.example.com/recording"
