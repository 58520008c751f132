"""Errors, retries and secrets of MaskingClient and AsyncMaskingClient, with httpx's
MockTransport standing in for the server (statuses and failures the mock cannot produce).

Waits are recorded instead of slept: `time.sleep` / `asyncio.sleep` of the client's module are
replaced, so the tests see each backoff the client chose.
"""

from __future__ import annotations

import asyncio
import email.utils
import json
import logging
import time
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from plivo_masking_client import AsyncMaskingClient, MaskingClient, RetryEvent, errors
from plivo_masking_client import _base_client as base
from plivo_masking_client.models import ErrorResponse, ExpireSessionResponse
from tests.spec_document import load_spec

BASE = "plivo_masking_client._base_client"

AUTH_ID = "MAZTQXZDYWNZBMMJAZZJ"
TOKEN = "s3cr3t-T0KEN-never-shown-6f1d"
UUID = "c28b77d4-21e7-43bd-9447-04bfee92e651"
# A whole session as the spec's create example has it.
SESSION: dict[str, Any] = {
    **load_spec()["paths"]["/v1/Account/{auth_id}/Masking/Session"]["post"]["responses"]["201"][
        "content"
    ]["application/json"]["example"]["session"],
    "session_uuid": UUID,
}
SUCCESS: dict[str, tuple[int, dict[str, Any]]] = {
    "POST /v1/Account/MAZTQXZDYWNZBMMJAZZJ/Masking/Session": (
        201,
        {
            "api_id": "a",
            "session_uuid": UUID,
            "virtual_number": "+12025559999",
            "message": "Session created",
            "session": SESSION,
        },
    ),
    f"GET /v1/Account/MAZTQXZDYWNZBMMJAZZJ/Masking/Session/{UUID}": (
        200,
        {"api_id": "a", "response": SESSION},
    ),
    f"POST /v1/Account/MAZTQXZDYWNZBMMJAZZJ/Masking/Session/{UUID}": (
        200,
        {"api_id": "a", "message": "Session updated", "session": SESSION},
    ),
    f"DELETE /v1/Account/MAZTQXZDYWNZBMMJAZZJ/Masking/Session/{UUID}": (
        200,
        {"api_id": "a", "message": "Session expired"},
    ),
}

Step = int | tuple[int, dict[str, str]] | type[Exception] | httpx.Response


class Script:
    """A MockTransport handler answering each request with the next step, then with success."""

    def __init__(self, *steps: Step) -> None:
        self.steps = list(steps)
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if self.steps:
            step = self.steps.pop(0)
            if isinstance(step, httpx.Response):
                return step
            if isinstance(step, type):
                raise step("injected", request=request)  # type: ignore[call-arg]
            status, headers = step if isinstance(step, tuple) else (step, {})
            if status >= 300:
                body = {"api_id": f"err-{len(self.requests)}", "error": f"injected {status}"}
                return httpx.Response(status, json=body, headers=headers)
        status, body = SUCCESS[f"{request.method} {request.url.path}"]
        return httpx.Response(status, json=body)


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    recorded: list[float] = []

    async def fake_async_sleep(delay: float) -> None:
        recorded.append(delay)

    monkeypatch.setattr(f"{BASE}._sleep", recorded.append)
    monkeypatch.setattr(f"{BASE}._async_sleep", fake_async_sleep)
    return recorded


def client_for(script: Script, **options: Any) -> MaskingClient[Any]:
    return MaskingClient(
        AUTH_ID,
        TOKEN,
        base_url="https://api.example.test",
        http_client=httpx.Client(transport=httpx.MockTransport(script)),
        **options,
    )


def async_client_for(script: Script, **options: Any) -> AsyncMaskingClient[Any]:
    return AsyncMaskingClient(
        AUTH_ID,
        TOKEN,
        base_url="https://api.example.test",
        http_client=httpx.AsyncClient(transport=httpx.MockTransport(script)),
        **options,
    )


ERROR_CLASSES = [
    (400, errors.BadRequestError),
    (401, errors.AuthenticationError),
    (403, errors.PermissionDeniedError),
    (404, errors.NotFoundError),
    (405, errors.APIStatusError),
    (418, errors.APIStatusError),  # undocumented
    (429, errors.RateLimitError),
    (500, errors.InternalServerError),
    (502, errors.InternalServerError),
    (503, errors.InternalServerError),
]


@pytest.mark.parametrize(("status", "cls"), ERROR_CLASSES)
def test_each_status_raises_its_class(status: int, cls: type[errors.APIStatusError]) -> None:
    script = Script(*[status] * 3)
    with client_for(script, max_retries=0) as client, pytest.raises(cls) as raised:
        client.sessions.get(UUID)
    error = raised.value
    assert type(error) is cls
    assert (error.status_code, error.error, error.api_id) == (status, f"injected {status}", "err-1")
    assert error.response.status_code == status
    assert str(error).startswith(f"{status} injected {status} (GET /v1/Account/")


@pytest.mark.parametrize(("status", "cls"), ERROR_CLASSES)
def test_each_status_raises_its_class_async(status: int, cls: type[errors.APIStatusError]) -> None:
    async def scenario() -> None:
        async with async_client_for(Script(status), max_retries=0) as client:
            with pytest.raises(cls):
                await client.sessions.expire(UUID)

    asyncio.run(scenario())


def test_an_error_body_without_api_id_or_json_is_tolerated() -> None:
    script = Script(
        httpx.Response(404, json={"error": "Session not found"}),
        httpx.Response(502, text="<html>Bad gateway</html>"),
        httpx.Response(404, json={}),
    )
    with client_for(script, max_retries=0) as client:
        with pytest.raises(errors.NotFoundError) as first:
            client.sessions.get(UUID)
        assert (first.value.error, first.value.api_id) == ("Session not found", None)
        assert str(first.value) == f"404 Session not found (GET {first.value.response.url.path})"
        with pytest.raises(errors.InternalServerError) as second:
            client.sessions.get(UUID)
        assert second.value.error is None and "502 Bad Gateway" in str(second.value)
        with pytest.raises(errors.NotFoundError):
            client.sessions.get(UUID)


def test_any_2xx_is_a_success() -> None:
    script = Script(
        httpx.Response(202, json={"api_id": "a", "message": "Session expired"}),
        httpx.Response(201, json={"api_id": "a", "message": "Session Deleted"}),
    )
    with client_for(script) as client:
        assert client.sessions.expire(UUID).message == "Session expired"
        assert client.sessions.expire(UUID).message == "Session Deleted"


def test_an_empty_2xx_is_reported_not_misparsed() -> None:
    """A 204 (which the spec admits for expire) has no body to read as the method's answer: it is
    raised with the response, never turned into an empty answer."""
    with client_for(Script(httpx.Response(204))) as client, pytest.raises(errors.APIStatusError):
        client.sessions.expire(UUID)


def test_another_2xx_whose_body_is_not_the_answer_keeps_its_body() -> None:
    body = {"api_id": "a", "message": "Resource changed"}
    script = Script(httpx.Response(202, json=body))
    with client_for(script) as client, pytest.raises(errors.APIStatusError) as raised:
        client.sessions.update(UUID, record=True)
    assert raised.value.status_code == 202
    assert raised.value.response.json() == body


def test_raise_on_error_false_returns_the_error_model() -> None:
    with client_for(Script(400, 404), raise_on_error=False) as client:
        result = client.sessions.expire(UUID)
        assert isinstance(result, ErrorResponse) and result.error == "injected 400"
        assert isinstance(client.sessions.get(UUID), ErrorResponse)
        assert isinstance(client.sessions.expire(UUID), ExpireSessionResponse)


def test_network_errors_raise_connection_and_timeout_errors(sleeps: list[float]) -> None:
    with client_for(Script(*[httpx.ConnectError] * 3)) as client:
        with pytest.raises(errors.APIConnectionError) as refused:
            client.sessions.get(UUID)
        assert not isinstance(refused.value, errors.APITimeoutError)
    with (
        client_for(Script(*[httpx.ReadTimeout] * 3)) as client,
        pytest.raises(errors.APITimeoutError),
    ):
        client.sessions.get(UUID)


# --- retries -----------------------------------------------------------------------------------


def test_429_and_5xx_are_retried_with_the_retry_count_reported(sleeps: list[float]) -> None:
    events: list[RetryEvent] = []
    script = Script(429, 503)
    with client_for(script, on_retry=events.append) as client:
        assert client.sessions.update(UUID, record=True).message == "Session updated"
    assert len(script.requests) == 3
    assert [(e.retry, e.reason, e.operation) for e in events] == [
        (1, "429", "sessions.update"),
        (2, "503", "sessions.update"),
    ]
    # Full jitter: each wait is drawn from [0, min(cap, base * 2**n)].
    assert 0 <= sleeps[0] <= base.BACKOFF_BASE and 0 <= sleeps[1] <= 2 * base.BACKOFF_BASE
    assert [e.delay for e in events] == sleeps


def test_retries_stop_at_max_retries(sleeps: list[float]) -> None:
    script = Script(*[500] * 10)
    with client_for(script, max_retries=3) as client, pytest.raises(errors.InternalServerError):
        client.sessions.get(UUID)
    assert len(script.requests) == 4 and len(sleeps) == 3
    script = Script(500)
    with client_for(script, max_retries=0) as client, pytest.raises(errors.InternalServerError):
        client.sessions.get(UUID)
    assert len(script.requests) == 1


def test_retry_after_seconds_and_date_are_honoured(sleeps: list[float]) -> None:
    soon = email.utils.formatdate(time.time() + 30, usegmt=True)
    script = Script((429, {"Retry-After": "7"}), (503, {"Retry-After": soon}))
    with client_for(script) as client:
        client.sessions.get(UUID)
    assert sleeps[0] == 7.0
    assert 27 <= sleeps[1] <= 30


def test_retry_after_beyond_the_cap_is_not_waited_for(sleeps: list[float]) -> None:
    script = Script((429, {"Retry-After": "3600"}))
    with client_for(script) as client, pytest.raises(errors.RateLimitError):
        client.sessions.get(UUID)
    assert sleeps == [] and len(script.requests) == 1


def test_total_retry_time_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    """Waits that would end past MAX_RETRY_TIME after the first attempt are not made."""
    monkeypatch.setattr(base, "MAX_RETRY_TIME", 10.0)
    elapsed = [0.0]
    real_monotonic = time.monotonic

    def fake_sleep(delay: float) -> None:
        elapsed[0] += delay

    monkeypatch.setattr(f"{BASE}._sleep", fake_sleep)
    monkeypatch.setattr(f"{BASE}.time.monotonic", lambda: real_monotonic() + elapsed[0])
    script = Script(*[(429, {"Retry-After": "6"})] * 3)
    with client_for(script, max_retries=5) as client, pytest.raises(errors.RateLimitError):
        client.sessions.get(UUID)
    assert len(script.requests) == 2  # 6 s fits in 10 s; 6 more would not
    assert 6.0 <= elapsed[0] < 7.0


def test_backoff_grows_exponentially_up_to_the_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    ceilings: list[float] = []

    def highest(low: float, high: float) -> float:
        ceilings.append(high)
        return high

    monkeypatch.setattr(f"{BASE}.random.uniform", highest)
    monkeypatch.setattr(f"{BASE}._sleep", lambda _: None)
    script = Script(*[503] * 7)
    with client_for(script, max_retries=7) as client:
        client.sessions.get(UUID)
    assert ceilings == [0.5, 1.0, 2.0, 4.0, 8.0, 8.0, 8.0]


def test_create_is_not_retried_after_a_5xx_a_429_or_a_timeout(sleeps: list[float]) -> None:
    cases: list[tuple[Step, type[errors.MaskingError]]] = [
        (503, errors.InternalServerError),
        (500, errors.InternalServerError),
        (429, errors.RateLimitError),
        (httpx.ReadTimeout, errors.APITimeoutError),
        (httpx.WriteTimeout, errors.APITimeoutError),
        (httpx.ConnectTimeout, errors.APITimeoutError),
        (httpx.RemoteProtocolError, errors.APIConnectionError),
    ]
    for failure, raised in cases:
        script = Script(failure)
        with client_for(script) as client, pytest.raises(raised):
            client.sessions.create(first_party="+12025550000", second_party="+12025551111")
        assert len(script.requests) == 1, failure
    assert sleeps == []


def test_create_is_retried_when_the_connection_was_refused(sleeps: list[float]) -> None:
    events: list[RetryEvent] = []
    script = Script(httpx.ConnectError, httpx.ConnectError)
    with client_for(script, on_retry=events.append) as client:
        created = client.sessions.create(first_party="+12025550000", second_party="+12025551111")
    assert created.session_uuid == UUID and len(script.requests) == 3
    assert [e.reason for e in events] == ["ConnectError", "ConnectError"]


def test_create_is_retried_against_a_closed_port(sleeps: list[float]) -> None:
    """A real refused connection (nothing listens on the port) is retried, then raised."""
    import socket  # noqa: PLC0415

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    events: list[RetryEvent] = []
    with (
        MaskingClient(
            AUTH_ID, TOKEN, base_url=f"http://127.0.0.1:{port}", on_retry=events.append
        ) as client,
        pytest.raises(errors.APIConnectionError) as raised,
    ):
        client.sessions.create(first_party="+12025550000")
    assert len(events) == 2
    assert TOKEN not in str(raised.value)


def test_safe_operations_are_retried_after_timeouts(sleeps: list[float]) -> None:
    script = Script(httpx.ReadTimeout, httpx.RemoteProtocolError)
    with client_for(script) as client:
        assert client.sessions.expire(UUID).message == "Session expired"
    assert len(script.requests) == 3


def test_async_retries_mirror_the_sync_ones(sleeps: list[float]) -> None:
    async def scenario() -> None:
        events: list[RetryEvent] = []
        script = Script((429, {"Retry-After": "2"}), 500)
        async with async_client_for(script, on_retry=events.append) as client:
            await client.sessions.get(UUID)
            assert [e.reason for e in events] == ["429", "500"]
            assert sleeps[0] == 2.0
            create = Script(503)
            async with async_client_for(create) as creator:
                with pytest.raises(errors.InternalServerError):
                    await creator.sessions.create(first_party="+12025550000")
            assert len(create.requests) == 1

    asyncio.run(scenario())


def test_each_retry_is_logged(sleeps: list[float], caplog: pytest.LogCaptureFixture) -> None:
    with (
        caplog.at_level(logging.INFO, logger="plivo_masking_client"),
        client_for(Script(503)) as client,
    ):
        client.sessions.get(UUID)
    lines = [r.getMessage() for r in caplog.records if r.name == "plivo_masking_client"]
    assert len(lines) == 1 and "retry 1 of 2" in lines[0] and "after 503" in lines[0]


# --- secrets -----------------------------------------------------------------------------------


def everything_said(run: Callable[[], object], caplog: pytest.LogCaptureFixture) -> Iterator[str]:
    with caplog.at_level(logging.DEBUG):
        try:
            run()
        except errors.MaskingError as error:
            yield str(error)
            yield repr(error)
            yield repr(error.__cause__)
            yield str(error.__cause__)
    for record in caplog.records:
        yield record.getMessage()


def test_the_token_never_shows(sleeps: list[float], caplog: pytest.LogCaptureFixture) -> None:
    client = client_for(Script(401, 503, 503, 503, *[httpx.ConnectError] * 3))
    assert TOKEN not in repr(client) and TOKEN not in str(client)
    assert AUTH_ID in repr(client)
    said = [
        *everything_said(lambda: client.sessions.get(UUID), caplog),
        *everything_said(lambda: client.sessions.get(UUID), caplog),
        *everything_said(client.sessions.list, caplog),
    ]
    assert said and not [line for line in said if TOKEN in line]
    assert any("401" in line for line in said) and any("retrying" in line for line in said)
    assert TOKEN not in repr(client._http) and TOKEN not in repr(client.sessions)
    client.close()


def test_the_token_is_sent_only_in_the_authorization_header() -> None:
    script = Script()
    with client_for(script) as client:
        client.sessions.update(UUID, record=True)
    (request,) = script.requests
    assert TOKEN not in str(request.url) and TOKEN.encode() not in request.content
    assert TOKEN not in repr(request.headers)  # httpx masks it
    assert json.loads(request.content) == {"record": True}


def test_an_own_httpx_client_sends_what_a_passed_in_one_does(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The client's own httpx client carries the headers and the timeout (nothing is merged per
    request); one passed in gets them with every request and keeps its own."""
    meta = {"limit": 5, "offset": 0, "total_count": 0, "next": None, "previous": None}
    page = {"api_id": "a", "response": {"meta": meta, "objects": []}}
    own_script, passed_script = (Script(200, 200, httpx.Response(200, json=page)) for _ in range(2))

    class ScriptedClient(httpx.Client):
        def __init__(self, **options: Any) -> None:
            super().__init__(transport=httpx.MockTransport(own_script), **options)

    mine = httpx.Client(
        transport=httpx.MockTransport(passed_script), headers={"X-Mine": "1"}, timeout=1.0
    )
    monkeypatch.setattr(httpx, "Client", ScriptedClient)
    own = MaskingClient(AUTH_ID, TOKEN, base_url="https://api.example.test", timeout=7.5)
    monkeypatch.undo()
    assert isinstance(own._http, ScriptedClient)
    passed = MaskingClient(
        AUTH_ID, TOKEN, base_url="https://api.example.test", timeout=7.5, http_client=mine
    )
    for client in (own, passed):
        client.sessions.get(UUID)
        client.sessions.update(UUID, record=True)
        client.sessions.list(limit=5)
    for sent_own, sent_passed in zip(own_script.requests, passed_script.requests, strict=True):
        assert sent_own.url == sent_passed.url and sent_own.content == sent_passed.content
        headers = [(k, v) for k, v in sent_passed.headers.raw if k != b"X-Mine"]
        assert sent_own.headers.raw == headers
        assert sent_own.headers["Authorization"].startswith("Basic ")
        assert sent_own.headers["Accept"] == "application/json"
        assert sent_own.extensions["timeout"] == sent_passed.extensions["timeout"]
        assert sent_own.extensions["timeout"]["read"] == 7.5
    assert len(own_script.requests) == 3
    # The passed-in client is left as it was: its headers and timeout are its own.
    assert "Authorization" not in mine.headers and mine.headers["X-Mine"] == "1"
    assert mine.timeout == httpx.Timeout(1.0)
    own.close()
    passed.close()
    assert own._http.is_closed and not mine.is_closed
    mine.close()


def test_an_own_async_httpx_client_sends_the_headers_and_the_timeout(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    script = Script()

    class ScriptedClient(httpx.AsyncClient):
        def __init__(self, **options: Any) -> None:
            super().__init__(transport=httpx.MockTransport(script), **options)

    monkeypatch.setattr(httpx, "AsyncClient", ScriptedClient)

    async def run() -> None:
        async with AsyncMaskingClient(
            AUTH_ID, TOKEN, base_url="https://api.example.test", timeout=7.5
        ) as client:
            await client.sessions.update(UUID, record=True)

    asyncio.run(run())
    (request,) = script.requests
    assert request.headers["Authorization"].startswith("Basic ")
    assert request.headers["Accept"] == "application/json"
    assert request.extensions["timeout"]["read"] == 7.5
    assert json.loads(request.content) == {"record": True}
