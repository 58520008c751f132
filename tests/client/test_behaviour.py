"""The generated client against the mock server on loopback: every operation, sync and async;
the exact request bytes; errors parsed as the ErrorResponse model; HTTP Basic auth.

Requests go through a recording transport wrapped around httpx's real one, so the assertions on
the body see the bytes that were sent on the socket.
"""

from __future__ import annotations

import asyncio
import base64
import json
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from http import HTTPStatus
from typing import Any

import httpx
import pytest

from plivo_masking_client import Client
from plivo_masking_client.api.masking_sessions import (
    create_masking_session,
    delete_masking_session,
    get_masking_session,
    list_masking_session,
    update_masking_session,
)
from plivo_masking_client.models import (
    CreateSessionRequest,
    CreateSessionResponse,
    ErrorResponse,
    ExpireSessionResponse,
    GetSessionResponse,
    ListSessionsResponse,
    UpdateSessionRequest,
    UpdateSessionResponse,
)
from tests.spec_document import load_spec, resolve

UNKNOWN_SESSION = "00000000-0000-4000-8000-000000000000"


@dataclass(frozen=True)
class Sent:
    method: str
    url: httpx.URL
    headers: httpx.Headers
    content: bytes

    def json(self) -> Any:
        return json.loads(self.content)


class RecordingTransport(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """httpx's own transports, recording each request exactly as it is sent."""

    def __init__(self) -> None:
        self.sent: list[Sent] = []
        self._sync = httpx.HTTPTransport()
        self._async = httpx.AsyncHTTPTransport()

    def _record(self, request: httpx.Request, content: bytes) -> None:
        self.sent.append(Sent(request.method, request.url, request.headers, content))

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self._record(request, request.read())
        return self._sync.handle_request(request)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self._record(request, await request.aread())
        return await self._async.handle_async_request(request)

    def close(self) -> None:
        self._sync.close()

    async def aclose(self) -> None:
        await self._async.aclose()

    @property
    def last(self) -> Sent:
        return self.sent[-1]


@dataclass
class Api:
    """A generated Client on the mock, the transport recording it, and the account."""

    client: Client
    wire: RecordingTransport
    auth_id: str
    auth_token: str
    base_url: str


@pytest.fixture
def api(plivo_mock: Any) -> Iterator[Api]:
    wire = RecordingTransport()
    auth = (plivo_mock.auth_id, plivo_mock.auth_token)
    client = Client(
        base_url=plivo_mock.base_url,
        httpx_args={"auth": auth, "transport": wire},
        raise_on_unexpected_status=True,
    )
    # One transport serves the sync and the async httpx client of this Client.
    client.set_async_httpx_client(
        httpx.AsyncClient(base_url=plivo_mock.base_url, auth=auth, transport=wire)
    )
    with client:
        yield Api(client, wire, plivo_mock.auth_id, plivo_mock.auth_token, plivo_mock.base_url)


def create(api: Api, **fields: Any) -> CreateSessionResponse:
    body = CreateSessionRequest(
        first_party=fields.pop("first_party", "+12025550000"),
        second_party=fields.pop("second_party", "+12025551111"),
        **fields,
    )
    created = create_masking_session.sync(api.auth_id, client=api.client, body=body)
    assert isinstance(created, CreateSessionResponse), created
    return created


# --- the five operations ----------------------------------------------------------------------


def test_the_five_operations_succeed_sync(api: Api) -> None:
    detailed = create_masking_session.sync_detailed(
        api.auth_id,
        client=api.client,
        body=CreateSessionRequest(first_party="+12025550000", second_party="12025551111"),
    )
    assert detailed.status_code == HTTPStatus.CREATED
    created = detailed.parsed
    assert isinstance(created, CreateSessionResponse)
    assert created.virtual_number.startswith("+")
    assert created.session.first_party == "12025550000"  # sessions carry numbers without "+"
    assert created.session.status == "active"
    uuid = created.session_uuid

    fetched = get_masking_session.sync(api.auth_id, uuid, client=api.client)
    assert isinstance(fetched, GetSessionResponse)
    assert fetched.response.session_uuid == created.session_uuid

    page = list_masking_session.sync(api.auth_id, client=api.client, status="active")
    assert isinstance(page, ListSessionsResponse)
    assert created.session_uuid in [item.session_uuid for item in page.response.objects]
    assert api.wire.last.url.params["status"] == "active"

    updated = update_masking_session.sync(
        api.auth_id, uuid, client=api.client, body=UpdateSessionRequest(ring_timeout=30)
    )
    assert isinstance(updated, UpdateSessionResponse)
    assert updated.session.ring_timeout == 30

    expired = delete_masking_session.sync(api.auth_id, uuid, client=api.client)
    assert isinstance(expired, ExpireSessionResponse)
    after = get_masking_session.sync(api.auth_id, uuid, client=api.client)
    assert isinstance(after, GetSessionResponse)
    assert after.response.status == "expired"
    assert [sent.method for sent in api.wire.sent] == [
        "POST",
        "GET",
        "GET",
        "POST",
        "DELETE",
        "GET",
    ]


def test_the_five_operations_succeed_async(api: Api) -> None:
    async def lifecycle() -> None:
        body = CreateSessionRequest(first_party="+12025550000", second_party="+12025553333")
        created = await create_masking_session.asyncio(api.auth_id, client=api.client, body=body)
        assert isinstance(created, CreateSessionResponse)
        uuid = created.session_uuid

        fetched = await get_masking_session.asyncio_detailed(api.auth_id, uuid, client=api.client)
        assert fetched.status_code == HTTPStatus.OK
        assert isinstance(fetched.parsed, GetSessionResponse)

        page = await list_masking_session.asyncio(api.auth_id, client=api.client, limit=5)
        assert isinstance(page, ListSessionsResponse)
        assert page.response.meta.limit == 5

        updated = await update_masking_session.asyncio_detailed(
            api.auth_id, uuid, client=api.client, body=UpdateSessionRequest(record=True)
        )
        assert updated.status_code == HTTPStatus.OK
        assert isinstance(updated.parsed, UpdateSessionResponse)
        assert updated.parsed.session.record is True

        expired = await delete_masking_session.asyncio(api.auth_id, uuid, client=api.client)
        assert isinstance(expired, ExpireSessionResponse)

    asyncio.run(lifecycle())
    assert [sent.method for sent in api.wire.sent] == ["POST", "GET", "GET", "POST", "DELETE"]


# --- what goes on the wire --------------------------------------------------------------------


def test_an_update_sends_only_the_fields_that_were_set(api: Api) -> None:
    created = create(api)
    before = created.session
    updated = update_masking_session.sync(
        api.auth_id,
        created.session_uuid,
        client=api.client,
        body=UpdateSessionRequest(call_time_limit=3600, record=True),  # the seed's example
    )
    sent = api.wire.last
    assert sent.method == "POST"
    assert sent.url.path == f"/v1/Account/{api.auth_id}/Masking/Session/{created.session_uuid}"
    assert sent.headers["content-type"] == "application/json"
    assert sent.content == b'{"call_time_limit":3600,"record":true}'
    assert isinstance(updated, UpdateSessionResponse)
    after = updated.session
    assert (after.call_time_limit, after.record) == (3600, True)
    # What was not sent did not change.
    assert (after.ring_timeout, after.expiry_time, after.record_file_format) == (
        before.ring_timeout,
        before.expiry_time,
        before.record_file_format,
    )


def test_an_empty_update_sends_an_empty_object(api: Api) -> None:
    created = create(api)
    update_masking_session.sync(
        api.auth_id, created.session_uuid, client=api.client, body=UpdateSessionRequest()
    )
    assert api.wire.last.content == b"{}"


def test_create_sends_the_fields_that_were_set(api: Api) -> None:
    create(api, session_expiry=600, record_file_format="wav")
    sent = api.wire.last.json()
    assert sent["first_party"] == "+12025550000" and sent["second_party"] == "+12025551111"
    assert (sent["session_expiry"], sent["record_file_format"]) == (600, "wav")
    # Unlike update, create also sends each property that has a `default` in the spec, with
    # that default (record false, geomatch true, ...): the spec's defaults are the API's.
    assert set(sent) >= {"first_party", "second_party", "session_expiry", "record_file_format"}


def _request_properties(schema_name: str) -> dict[str, Any]:
    return dict(load_spec()["components"]["schemas"][schema_name]["properties"])


def _nullable(prop: dict[str, Any]) -> bool:
    return bool(resolve(prop).get("nullable") or prop.get("nullable"))


@pytest.mark.parametrize("model", [UpdateSessionRequest, CreateSessionRequest])
def test_none_is_accepted_exactly_where_the_spec_allows_null(model: type[Any]) -> None:
    """A field takes None (sent as null) if and only if the spec marks it nullable."""
    hints = typing.get_type_hints(model)
    for name, prop in _request_properties(model.__name__).items():
        accepts_none = type(None) in typing.get_args(hints[name])
        assert accepts_none == _nullable(prop), name


def test_none_is_sent_as_null_where_the_spec_allows_it(api: Api) -> None:
    """Every nullable request field, set to None, goes out as JSON null (none is, as of now);
    a null the caller adds as an extra field goes out as null too."""
    created = create(api)
    nullable = [
        name
        for name, prop in _request_properties("UpdateSessionRequest").items()
        if _nullable(prop)
    ]
    nulls: dict[str, Any] = dict.fromkeys(nullable)
    body = UpdateSessionRequest(record=False, **nulls)
    body.additional_properties["session_uuid"] = None  # ignored by the API (spec: conventions)
    update_masking_session.sync(api.auth_id, created.session_uuid, client=api.client, body=body)
    assert api.wire.last.json() == {"record": False, "session_uuid": None} | nulls


def test_list_sends_only_the_filters_that_were_given(api: Api) -> None:
    create(api)
    list_masking_session.sync(
        api.auth_id,
        client=api.client,
        first_party="12025550000",
        created_time_gte="2020-01-01 00:00",
    )
    params = api.wire.last.url.params
    assert params["first_party"] == "12025550000"
    assert params["created_time__gte"] == "2020-01-01 00:00"  # the API's double underscore
    # limit and offset carry a `default` in the spec, so the client always sends them.
    assert set(params) == {"first_party", "created_time__gte", "limit", "offset"}


# --- errors -----------------------------------------------------------------------------------


def test_400_comes_back_as_the_error_model(api: Api) -> None:
    created = create(api)
    uuid = created.session_uuid
    delete_masking_session.sync(api.auth_id, uuid, client=api.client)
    again = delete_masking_session.sync_detailed(api.auth_id, uuid, client=api.client)
    assert again.status_code == HTTPStatus.BAD_REQUEST
    assert isinstance(again.parsed, ErrorResponse)
    assert again.parsed.error == "Session already expired"
    assert again.parsed.api_id
    update = update_masking_session.sync_detailed(
        api.auth_id, uuid, client=api.client, body=UpdateSessionRequest(record=True)
    )
    assert update.status_code == HTTPStatus.BAD_REQUEST and isinstance(update.parsed, ErrorResponse)


def test_404_comes_back_as_the_error_model(api: Api) -> None:
    missing = get_masking_session.sync_detailed(api.auth_id, UNKNOWN_SESSION, client=api.client)
    assert missing.status_code == HTTPStatus.NOT_FOUND
    assert isinstance(missing.parsed, ErrorResponse)
    assert missing.parsed.error
    # The plain `sync` returns the same ErrorResponse.
    plain = get_masking_session.sync(api.auth_id, UNKNOWN_SESSION, client=api.client)
    assert isinstance(plain, ErrorResponse) and plain.error == missing.parsed.error


def test_401_comes_back_as_the_error_model(api: Api) -> None:
    for auth in [(api.auth_id, "wrong-token"), None]:
        args: dict[str, Any] = {"auth": auth} if auth else {}
        with Client(base_url=api.base_url, httpx_args=args) as intruder:
            denied = list_masking_session.sync_detailed(api.auth_id, client=intruder)
        assert denied.status_code == HTTPStatus.UNAUTHORIZED, auth
        assert isinstance(denied.parsed, ErrorResponse), denied.content


def test_errors_come_back_parsed_through_asyncio_detailed(api: Api) -> None:
    async def errors() -> list[tuple[HTTPStatus, object]]:
        missing = await get_masking_session.asyncio_detailed(
            api.auth_id, UNKNOWN_SESSION, client=api.client
        )
        async with Client(
            base_url=api.base_url, httpx_args={"auth": (api.auth_id, "wrong-token")}
        ) as intruder:
            denied = await list_masking_session.asyncio_detailed(api.auth_id, client=intruder)
        return [(missing.status_code, missing.parsed), (denied.status_code, denied.parsed)]

    (missing_status, missing), (denied_status, denied) = asyncio.run(errors())
    assert missing_status == HTTPStatus.NOT_FOUND and isinstance(missing, ErrorResponse)
    assert denied_status == HTTPStatus.UNAUTHORIZED and isinstance(denied, ErrorResponse)


# --- authentication ---------------------------------------------------------------------------


def test_basic_auth_goes_through_httpx_args(api: Api) -> None:
    create(api)
    expected = base64.b64encode(f"{api.auth_id}:{api.auth_token}".encode()).decode()
    assert api.wire.last.headers["authorization"] == f"Basic {expected}"
