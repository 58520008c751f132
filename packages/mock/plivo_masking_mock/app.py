"""The ASGI application: routes from openapi.yaml, auth, body parsing, validation, dispatch.

`create_app()` builds it. The API paths, their methods and the operation behind each come from
the spec loaded at start-up; a path matches with or without its trailing slash. The admin
endpoints (`/__mock__/...`, see `plivo_masking_mock.admin`) are not part of the spec.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Mapping
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.requests import ClientDisconnect, Request
from starlette.responses import Response
from starlette.routing import Mount, Router
from starlette.types import Receive, Scope, Send

from plivo_masking_mock import errors, json_codec, request_headers
from plivo_masking_mock.admin import admin_routes, index_route
from plivo_masking_mock.admin_access import PREFIX as ADMIN_PREFIX
from plivo_masking_mock.admin_access import AdminAccess, AdminGuard, is_admin_path
from plivo_masking_mock.admin_chaos import chaos_routes
from plivo_masking_mock.auth import CHALLENGE, authenticate
from plivo_masking_mock.callbacks import DeliveryLog, Dispatcher
from plivo_masking_mock.calls import CallPlayer
from plivo_masking_mock.chaos import Chaos
from plivo_masking_mock.clock import AdjustableClock, Clock, OffsetClock
from plivo_masking_mock.config import Account, ConfigError, MockConfig
from plivo_masking_mock.console import console_routes
from plivo_masking_mock.errors import ApiError, BadRequest
from plivo_masking_mock.faults import Faults
from plivo_masking_mock.misbehaviour import Misbehaviour
from plivo_masking_mock.ratelimit import RateLimiter
from plivo_masking_mock.service import MaskingService
from plivo_masking_mock.spec import Operation, Spec, load_spec
from plivo_masking_mock.spec_validation import RequestValidator
from plivo_masking_mock.store import SessionStore
from plivo_masking_spec import OperationId

log = logging.getLogger("plivo_masking_mock")

AUTH_ID_PARAMETER = "auth_id"
SESSION_UUID_PARAMETER = "session_uuid"
JSON_MEDIA_TYPE = "application/json"
_AUTH_CACHE_SIZE = 256

Handler = Callable[[Request, Operation, Account, Mapping[str, str]], Awaitable[Response]]


class MockApp:
    """The mock server as an ASGI application, with handles on its state for tests."""

    def __init__(
        self,
        spec: Spec,
        config: MockConfig,
        store: SessionStore,
        clock: AdjustableClock,
        faults: Faults,
        *,
        access: AdminAccess | None = None,
    ) -> None:
        self.spec = spec
        self.config = config
        self.store = store
        self.clock = clock
        self.faults = faults
        self.access = access or AdminAccess()
        self.validator = RequestValidator(spec, string_booleans=config.string_booleans)
        self.service = MaskingService(spec, config, store, clock, faults)
        self.dispatcher = Dispatcher(DeliveryLog(), config.callbacks)
        self.calls = CallPlayer(store, clock, config, self.dispatcher)
        _check_config(spec, config, self.validator)
        self._handlers: dict[str, Handler] = {
            OperationId.CREATE: self._create,
            OperationId.GET: self._get,
            OperationId.LIST: self._list,
            OperationId.UPDATE: self._update,
            OperationId.DELETE: self._delete,
        }
        # Authorization headers already matched to an account (the accounts never change).
        self._authenticated: dict[str, Account] = {}
        missing = {op.operation_id for op in spec.operations} - set(self._handlers)
        if missing:
            raise ConfigError(f"the spec has operations the mock lacks: {sorted(missing)}")
        self.chaos = Chaos(config.chaos)
        self.rate_limiter = RateLimiter(config.rate_limit)
        # The admin API under /__mock__/ (docs/mock-server.md lists it; a test compares the two).
        routes = [*admin_routes(self), *chaos_routes(self.chaos, self.rate_limiter)]
        self.admin_routes = [index_route(routes), *routes]
        self.starlette = Starlette(
            routes=[
                Mount(
                    ADMIN_PREFIX,
                    app=AdminGuard(
                        Router(routes=[*self.admin_routes, *console_routes(self)]), self.access
                    ),
                ),
            ]
        )
        # Starlette sees only the admin prefix (see `_route`); a path there that the mount cannot
        # match (a decoded newline: `.` stops there) is still the API's to answer, with Plivo's
        # error body, not Starlette's plain "Not Found".
        self.starlette.router.default = self._unrouted
        # Chaos and the rate limit act here, in front of every route, and nowhere else.
        self._asgi = Misbehaviour(self._route, spec, config.accounts, self.chaos, self.rate_limiter)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self._asgi(scope, receive, send)

    async def _route(self, scope: Scope, receive: Receive, send: Send) -> None:
        """An API request goes straight to `_api`, as the catch-all route would send it, without
        Starlette's router and middleware (`_api` answers every error itself); the admin prefix
        and the lifespan go through Starlette."""
        if scope["type"] != "http" or is_admin_path(scope["path"]):
            await self.starlette(scope, receive, send)
            return
        response = await self._api(Request(scope, receive))
        await response(scope, receive, send)

    def reset(self) -> None:
        """Forgets every session and fault, puts the clock back, and chaos and the rate limit to
        how the mock started."""
        with self.store.transaction() as tx:
            tx.clear()
        self.faults.clear()
        self.clock.reset()
        self.chaos.reset()
        self.rate_limiter.reset()
        self.calls.reset()

    # -- API dispatch -------------------------------------------------------------------

    async def _unrouted(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = await self._api(Request(scope, receive))
        await response(scope, receive, send)

    async def _api(self, request: Request) -> Response:
        try:
            self.calls.settle()  # calls and expiries due by now, before the request sees state
            return await self._dispatch(request)
        except ApiError as error:
            return self.error_response(error)
        except Exception:
            log.exception("internal error on %s %s", request.method, request.scope["path"])
            return self.error_response(ApiError(500, errors.INTERNAL_ERROR))

    async def _dispatch(self, request: Request) -> Response:
        # The decoded path, as `request.url.path` gives it, without building the whole URL.
        match = self.spec.match(request.scope["path"])
        if match is None:
            raise ApiError(404, errors.NOT_FOUND)
        operation = match.operations.get(request.method)
        if operation is None:
            allowed = ", ".join(sorted(match.operations))
            raise ApiError(405, errors.METHOD_NOT_ALLOWED, {"Allow": allowed})
        account = self._authenticate(request, match.params.get(AUTH_ID_PARAMETER, ""))
        self.validator.validate_path(operation, match.params)
        return await self._handlers[operation.operation_id](
            request, operation, account, match.params
        )

    def _authenticate(self, request: Request, path_auth_id: str) -> Account:
        header = request_headers.header(request.scope, b"authorization")
        account = self._authenticated.get(header) if header else None
        if account is None:
            account = authenticate(header, self.config.accounts)
            if account is not None and header and len(self._authenticated) < _AUTH_CACHE_SIZE:
                self._authenticated[header] = account
        if "ignore_auth" in self.faults:
            return account or self.config.account(path_auth_id) or self.config.accounts[0]
        if account is None:
            raise ApiError(401, errors.AUTHENTICATION_FAILED, dict(CHALLENGE))
        if account.auth_id != path_auth_id:
            raise ApiError(403, errors.FORBIDDEN)
        return account

    def error_response(self, error: ApiError) -> Response:
        if error.status == 400 and "server_error_on_bad_input" in self.faults:
            error = ApiError(500, errors.INTERNAL_ERROR)
        return JSONBody(errors.error_body(error.message), error.status, error.headers)

    @staticmethod
    def _answer(body: dict[str, Any], status: int = 200) -> Response:
        return JSONBody({"api_id": errors.new_api_id(), **body}, status)

    # -- operations ---------------------------------------------------------------------

    async def _create(
        self, request: Request, operation: Operation, account: Account, _: Mapping[str, str]
    ) -> Response:
        body = await self._json_body(request, operation)
        body = self.validator.validate_body(operation, body)
        return self._answer(self.service.create(account, body), 201)

    async def _get(
        self, request: Request, operation: Operation, account: Account, params: Mapping[str, str]
    ) -> Response:
        self.validator.parse_query(operation, request.query_params)
        return self._answer(self.service.get_rendered(account, params[SESSION_UUID_PARAMETER]))

    async def _list(
        self, request: Request, operation: Operation, account: Account, _: Mapping[str, str]
    ) -> Response:
        raw_query = dict(request.query_params)
        params = self.validator.parse_query(operation, raw_query)
        return self._answer(self.service.list_rendered(account, params, raw_query))

    async def _update(
        self, request: Request, operation: Operation, account: Account, params: Mapping[str, str]
    ) -> Response:
        body = await self._json_body(request, operation)
        body = self.validator.validate_body(operation, body)
        answer = self.service.update(account, params[SESSION_UUID_PARAMETER], body)
        status = 409 if "undocumented_status" in self.faults else 200
        return self._answer(answer, status)

    async def _delete(
        self, request: Request, operation: Operation, account: Account, params: Mapping[str, str]
    ) -> Response:
        # A body (the Python SDK sends {"session_uuid": ...}, Node {}) is accepted and ignored.
        answer = self.service.expire(account, params[SESSION_UUID_PARAMETER])
        self.calls.settle()  # its SessionTimeout
        return self._answer(answer)

    # -- request bodies -----------------------------------------------------------------

    async def _json_body(self, request: Request, operation: Operation) -> Any:
        limit = self.config.max_body_bytes
        declared = request_headers.header(request.scope, b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            raise _too_large(limit)
        raw = await _read_body(request.receive, limit)
        if not raw.strip():
            if operation.body_required:
                raise BadRequest("Missing request body. A JSON object is expected.")
            return {}
        content_type = request_headers.header(request.scope, b"content-type") or ""
        media_type = content_type.split(";")[0].strip().lower()
        if media_type != JSON_MEDIA_TYPE:
            shown = media_type or "none"
            raise BadRequest(
                f"Invalid Content-Type ({shown}). The request body must be {JSON_MEDIA_TYPE}."
            )
        try:
            parsed = json_codec.loads_unambiguous(raw)
        except json_codec.DuplicateKeyError as error:
            raise BadRequest(f"Malformed JSON in the request body: {error}.") from None
        except json_codec.JSONDecodeError as error:
            raise BadRequest(
                f"Malformed JSON in the request body: {error.msg} "
                f"(line {error.lineno}, column {error.colno})."
            ) from None
        except (UnicodeError, ValueError, RecursionError):
            raise BadRequest("Malformed JSON in the request body.") from None
        return parsed


class JSONBody(Response):
    """Starlette's `JSONResponse` (same bytes, same headers), rendered by `json_codec`."""

    media_type = JSON_MEDIA_TYPE

    def __init__(
        self, content: Any, status_code: int = 200, headers: Mapping[str, str] | None = None
    ) -> None:
        if headers is not None or status_code < 200 or status_code in (204, 304):
            super().__init__(content, status_code, headers)
            return
        # The usual answer, without Response's general path: the headers it would build.
        self.status_code = status_code
        self.background = None
        self.body = body = json_codec.dumps(content)
        self.raw_headers = [(b"content-length", str(len(body)).encode()), _JSON_CONTENT_TYPE]

    def render(self, content: Any) -> bytes:
        return json_codec.dumps(content)


_JSON_CONTENT_TYPE = (b"content-type", JSON_MEDIA_TYPE.encode())


async def _read_body(receive: Receive, limit: int) -> bytes:
    """The request body, as `Request.stream()` reads it, refused as soon as it is past `limit`
    bytes."""
    message = await receive()
    if message["type"] == "http.request" and not message.get("more_body", False):
        whole: bytes = message.get("body", b"")  # the usual case: all of it in one message
        if len(whole) > limit:
            raise _too_large(limit)
        return whole
    body = bytearray()
    while True:
        kind = message["type"]
        if kind == "http.request":
            body += message.get("body", b"")
            if len(body) > limit:
                raise _too_large(limit)
            if not message.get("more_body", False):
                return bytes(body)
        elif kind == "http.disconnect":
            raise ClientDisconnect()
        message = await receive()


def _too_large(limit: int) -> BadRequest:
    return BadRequest(f"Request body too large. The limit is {limit} bytes.")


def _check_config(spec: Spec, config: MockConfig, validator: RequestValidator) -> None:
    """Accounts and default overrides must themselves satisfy the spec."""
    create = spec.operation(OperationId.CREATE)
    for account in config.accounts:
        try:
            validator.validate_path(create, {AUTH_ID_PARAMETER: account.auth_id})
            for number in account.numbers:
                validator.validate_body(create, {"first_party": number})
        except ApiError as error:
            raise ConfigError(
                f"{config.source}: account {account.auth_id}: {error.message}"
            ) from None
    try:
        validator.validate_body(create, dict(config.default_overrides))
    except ApiError as error:
        raise ConfigError(f"{config.source}: [defaults] {error.message}") from None


def create_app(
    config: MockConfig | None = None,
    *,
    spec: Spec | None = None,
    spec_path: Path | str | None = None,
    clock: Clock | None = None,
    db_path: Path | str | None = None,
    store: SessionStore | None = None,
    fault: str | None = None,
    admin_token: str | None = None,
) -> MockApp:
    """The mock server as an ASGI app.

    - `config`: accounts and behaviour (default: the demo account, observed defaults);
    - `spec` / `spec_path`: openapi.yaml (default: the checkout's, see `spec.default_spec_path`);
    - `clock`: any `Clock`; one that cannot be moved is wrapped so the admin endpoint can move it
      (default: real time plus an offset);
    - `db_path` / `store`: SQLite file for sessions that survive a restart (default: memory);
    - `fault`: a planted fault switched on from the start (see `plivo_masking_mock.faults`);
    - `admin_token`: required on the admin prefix, console included (see `admin_access`).
    """
    loaded_spec = spec or load_spec(spec_path)
    adjustable = clock if isinstance(clock, AdjustableClock) else OffsetClock(clock)
    return MockApp(
        spec=loaded_spec,
        config=config or MockConfig(),
        store=store or SessionStore(db_path),
        clock=adjustable,
        faults=Faults(fault),
        access=AdminAccess(admin_token),
    )
