"""The one place where chaos and the rate limit act on the HTTP traffic: an ASGI middleware.

It wraps the whole application and looks only at requests to API operations (never at the admin
endpoints under `/__mock__/`). For each, before the request reaches the routes (so before any
state changes): the rate limit of the authenticated account (`plivo_masking_mock.ratelimit`),
then the chaos decision (`plivo_masking_mock.chaos`): a latency, then a dropped connection or an
error answer with Plivo's error body (`{"api_id": ..., "error": ...}`); 429 and 503 carry
`Retry-After`. Requests without valid credentials are not counted by the rate limit (they get
their 401 from the application).

A dropped connection closes the socket without writing a byte of an answer. That needs the
server's transport, which uvicorn's `send` carries; under a server that hides it (an in-process
test client), the request fails with `ConnectionDropped` instead.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Sequence
from http import HTTPStatus

from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from plivo_masking_mock import errors, request_headers
from plivo_masking_mock.admin_access import is_admin_path
from plivo_masking_mock.auth import authenticate
from plivo_masking_mock.chaos import Chaos
from plivo_masking_mock.config import Account
from plivo_masking_mock.ratelimit import RateLimiter
from plivo_masking_mock.spec import Spec

TOO_MANY_REQUESTS = "Too many requests"
SERVICE_UNAVAILABLE = "Service unavailable"
_MESSAGES = {429: TOO_MANY_REQUESTS, 500: errors.INTERNAL_ERROR, 503: SERVICE_UNAVAILABLE}
_WITH_RETRY_AFTER = frozenset({429, 503})
_DISCONNECT_WAIT_SECONDS = 1.0


class ConnectionDropped(ConnectionError):
    """Chaos dropped the connection, under a server whose transport is out of reach."""


class Misbehaviour:
    def __init__(
        self,
        app: ASGIApp,
        spec: Spec,
        accounts: Sequence[Account],
        chaos: Chaos,
        rate_limiter: RateLimiter,
    ) -> None:
        self.app = app
        self.spec = spec
        self.accounts = tuple(accounts)
        self.chaos = chaos
        self.rate_limiter = rate_limiter

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        operation_id = self._operation_id(scope)
        if operation_id is None:
            await self.app(scope, receive, send)
            return
        account = authenticate(request_headers.header(scope, b"authorization"), self.accounts)
        if account is not None:
            wait = self.rate_limiter.admit(account.auth_id)
            if wait is not None:
                await _error(429, wait)(scope, receive, send)
                return
        decision = self.chaos.decide(operation_id)
        if decision.latency_ms > 0:
            await asyncio.sleep(decision.latency_ms / 1000)
        if decision.drop:
            await _drop(receive, send)
            return
        if decision.status is not None:
            settings = self.chaos.settings
            retry_after = settings.retry_after if settings else 1
            await _error(decision.status, retry_after)(scope, receive, send)
            return
        await self.app(scope, receive, send)

    def _operation_id(self, scope: Scope) -> str | None:
        if scope["type"] != "http":
            return None
        path = str(scope.get("path", ""))
        if is_admin_path(path):
            return None
        if self.chaos.settings is None and self.rate_limiter.limit is None:
            return None
        match = self.spec.match(path)
        operation = match.operations.get(str(scope.get("method"))) if match else None
        return operation.operation_id if operation else None


def _error(status: int, retry_after: int) -> JSONResponse:
    message = _MESSAGES.get(status) or HTTPStatus(status).phrase
    headers = {"Retry-After": str(retry_after)} if status in _WITH_RETRY_AFTER else None
    return JSONResponse(errors.error_body(message), status, headers)


async def _drop(receive: Receive, send: Send) -> None:
    cycle = getattr(send, "__self__", None)
    transport = getattr(cycle, "transport", None)
    if transport is None:
        raise ConnectionDropped("chaos dropped the connection")
    transport.close()
    # Wait (bounded) for the server to notice, so it does not answer 500 for a silent app.
    with contextlib.suppress(TimeoutError):
        async with asyncio.timeout(_DISCONNECT_WAIT_SECONDS):
            while (await receive())["type"] != "http.disconnect":
                pass
