"""MaskingClient and AsyncMaskingClient against the mock server on loopback: every operation,
the bytes sent (only the attributes passed), auth_id filled in, pagination over more than one
page, credentials, and the context managers.
"""

from __future__ import annotations

import asyncio
import base64
from typing import Any

import httpx
import pytest

from plivo_masking_client import AsyncMaskingClient, MaskingClient, errors
from plivo_masking_client.models import (
    CreateSessionResponse,
    ErrorResponse,
    ExpireSessionResponse,
    GetSessionResponse,
    ListSessionsResponse,
    SessionListItem,
    UpdateSessionResponse,
)
from tests.client.test_behaviour import UNKNOWN_SESSION, RecordingTransport

FIRST, SECOND = "+12025550000", "+12025551111"


def party(n: int) -> str:
    return f"+1202556{n:04d}"


def make_client(mock: Any, transport: RecordingTransport | None = None) -> MaskingClient[Any]:
    http = httpx.Client(transport=transport) if transport is not None else None
    return MaskingClient(mock.auth_id, mock.auth_token, base_url=mock.base_url, http_client=http)


def test_every_operation_sync(plivo_mock: Any) -> None:
    transport = RecordingTransport()
    with make_client(plivo_mock, transport) as client:
        created = client.sessions.create(first_party=FIRST, second_party=SECOND)
        assert isinstance(created, CreateSessionResponse)
        uuid = created.session_uuid
        assert created.session.status == "active"

        updated = client.sessions.update(uuid, record=True, call_time_limit=3600)
        assert isinstance(updated, UpdateSessionResponse)
        assert updated.session.record is True and updated.session.call_time_limit == 3600

        got = client.sessions.get(uuid)
        assert isinstance(got, GetSessionResponse)
        assert got.response.session_uuid == uuid and got.response.record is True

        listed = client.sessions.list(status="active", limit=5)
        assert isinstance(listed, ListSessionsResponse)
        assert [s.session_uuid for s in listed.response.objects] == [uuid]

        expired = client.sessions.expire(uuid)
        assert isinstance(expired, ExpireSessionResponse)
        assert client.sessions.get(uuid).response.status == "expired"

    create, update, _get, list_, expire, _again = transport.sent
    sessions = f"{plivo_mock.base_url}/v1/Account/{plivo_mock.auth_id}/Masking/Session"
    assert (create.method, str(create.url)) == ("POST", sessions)
    # Only the attributes passed are sent: no defaults of the request schema.
    assert create.json() == {"first_party": FIRST, "second_party": SECOND}
    assert update.json() == {"record": True, "call_time_limit": 3600}
    assert str(update.url) == f"{sessions}/{uuid}"
    assert list_.url.params == httpx.QueryParams({"status": "active", "limit": "5"})
    assert (expire.method, expire.content) == ("DELETE", b"")
    token = base64.b64encode(f"{plivo_mock.auth_id}:{plivo_mock.auth_token}".encode()).decode()
    assert all(sent.headers["authorization"] == f"Basic {token}" for sent in transport.sent)


def test_every_operation_async(plivo_mock: Any) -> None:
    async def scenario() -> None:
        transport = RecordingTransport()
        async with AsyncMaskingClient(
            plivo_mock.auth_id,
            plivo_mock.auth_token,
            base_url=plivo_mock.base_url,
            http_client=httpx.AsyncClient(transport=transport),
        ) as client:
            created = await client.sessions.create(first_party=FIRST, second_party=SECOND)
            uuid = created.session_uuid
            updated = await client.sessions.update(uuid, session_expiry=120)
            assert updated.message == "Session updated"
            assert (await client.sessions.get(uuid)).response.session_uuid == uuid
            listed = await client.sessions.list()
            assert [s.session_uuid for s in listed.response.objects] == [uuid]
            assert [s.session_uuid async for s in client.sessions.iter()] == [uuid]
            assert isinstance(await client.sessions.expire(uuid), ExpireSessionResponse)
            with pytest.raises(errors.BadRequestError) as raised:
                await client.sessions.expire(uuid)
            assert raised.value.error == "Session already expired"
        assert transport.sent[1].json() == {"session_expiry": 120}

    asyncio.run(scenario())


def test_iter_walks_every_page_lazily(plivo_mock: Any) -> None:
    transport = RecordingTransport()
    with make_client(plivo_mock, transport) as client:
        made = [
            client.sessions.create(first_party=party(n), second_party=party(n + 500)).session_uuid
            for n in range(45)
        ]
        transport.sent.clear()
        walk = client.sessions.iter()
        first = next(walk)
        assert len(transport.sent) == 1  # one page fetched, not all three
        rest = list(walk)
        items = [first, *rest]
        assert all(isinstance(item, SessionListItem) for item in items)
        assert sorted(item.session_uuid for item in items) == sorted(made)
        assert len(items) == 45
        pages = [dict(sent.url.params) for sent in transport.sent]
        assert pages == [{"limit": "20", "offset": str(n)} for n in (0, 20, 40)]

        # Filters and a smaller page size pass through.
        seven = list(client.sessions.iter(first_party=party(7), limit=3))
        assert [s.session_uuid for s in seven] == [made[7]]


def test_async_iter_walks_every_page(plivo_mock: Any) -> None:
    async def scenario() -> list[str]:
        async with AsyncMaskingClient(
            plivo_mock.auth_id, plivo_mock.auth_token, base_url=plivo_mock.base_url
        ) as client:
            for n in range(23):
                await client.sessions.create(first_party=party(n), second_party=party(n + 500))
            return [s.session_uuid async for s in client.sessions.iter(limit=10)]

    assert len(set(asyncio.run(scenario()))) == 23


def test_credentials_come_from_the_environment(
    plivo_mock: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PLIVO_AUTH_ID", plivo_mock.auth_id)
    monkeypatch.setenv("PLIVO_AUTH_TOKEN", plivo_mock.auth_token)
    with MaskingClient(base_url=plivo_mock.base_url) as client:
        assert client.auth_id == plivo_mock.auth_id
        assert client.sessions.list().response.meta.total_count == 0


@pytest.mark.parametrize("missing", ["PLIVO_AUTH_ID", "PLIVO_AUTH_TOKEN"])
def test_a_missing_credential_is_an_error_at_construction(
    missing: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PLIVO_AUTH_ID", "MAZTQXZDYWNZBMMJAZZJ")
    monkeypatch.setenv("PLIVO_AUTH_TOKEN", "a-token")
    monkeypatch.delenv(missing)
    with pytest.raises(ValueError, match=missing):
        MaskingClient()
    with pytest.raises(ValueError, match=missing):
        AsyncMaskingClient()


def test_wrong_token_raises_authentication_error(plivo_mock: Any) -> None:
    with (
        MaskingClient(plivo_mock.auth_id, "wrong", base_url=plivo_mock.base_url) as client,
        pytest.raises(errors.AuthenticationError) as raised,
    ):
        client.sessions.list()
    assert raised.value.status_code == 401 and raised.value.api_id


def test_not_found_and_bad_request_from_the_mock(plivo_mock: Any) -> None:
    with make_client(plivo_mock) as client:
        with pytest.raises(errors.NotFoundError) as not_found:
            client.sessions.get(UNKNOWN_SESSION)
        assert not_found.value.error == "Session not found"
        with pytest.raises(errors.BadRequestError) as bad:
            client.sessions.create(first_party=FIRST, second_party=FIRST)
        assert "second_party must be different" in str(bad.value)


def test_raise_on_error_false_returns_todays_error_model(plivo_mock: Any) -> None:
    with MaskingClient(
        plivo_mock.auth_id,
        plivo_mock.auth_token,
        base_url=plivo_mock.base_url,
        raise_on_error=False,
    ) as client:
        result = client.sessions.get(UNKNOWN_SESSION)
        assert isinstance(result, ErrorResponse)
        assert result.error == "Session not found"
        created = client.sessions.create(first_party=FIRST, second_party=SECOND)
        assert isinstance(created, CreateSessionResponse)


def test_the_httpx_client_is_reused_and_closed_only_when_owned(plivo_mock: Any) -> None:
    with make_client(plivo_mock) as client:
        http = client._http
        client.sessions.list()
        client.sessions.list()
        assert client._http is http
    assert http.is_closed
    mine = httpx.Client()
    with MaskingClient(
        plivo_mock.auth_id, plivo_mock.auth_token, base_url=plivo_mock.base_url, http_client=mine
    ) as client:
        client.sessions.list()
    assert not mine.is_closed
    mine.close()
