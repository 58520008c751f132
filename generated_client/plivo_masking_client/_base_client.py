"""What `MaskingClient` and `AsyncMaskingClient` share: credentials, the httpx client, retries
with backoff, and the mapping of answers to results and exceptions.

Written by hand (generator/templates/extra/_base_client.py.jinja) and copied into the generated
package; the resource methods that call it are generated from the spec (`_resources.py`).
"""

from __future__ import annotations

import asyncio
import email.utils
import logging
import math
import os
import random
import time
from base64 import b64encode
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

import httpx
from httpx import USE_CLIENT_DEFAULT

from .errors import APIConnectionError, APIStatusError, APITimeoutError, status_error
from .models import ErrorResponse

if TYPE_CHECKING:
    from httpx._client import UseClientDefault

# How the client waits between attempts: names of this module's own, so that a test can replace
# them without patching time.sleep or asyncio.sleep for every thread of the process.
_sleep = time.sleep
_async_sleep = asyncio.sleep

logger: Final = logging.getLogger("plivo_masking_client")

DEFAULT_BASE_URL: Final = "https://api.plivo.com"
DEFAULT_TIMEOUT: Final = httpx.Timeout(30.0, connect=5.0)
DEFAULT_MAX_RETRIES: Final = 2
# Backoff before retry n (0-based): a uniform draw in [0, min(BACKOFF_CAP, BACKOFF_BASE * 2**n)]
# ("full jitter"), unless the answer carries Retry-After.
BACKOFF_BASE: Final = 0.5
BACKOFF_CAP: Final = 8.0
# A Retry-After beyond this many seconds is not waited for: the error is raised at once.
RETRY_AFTER_CAP: Final = 60.0
# Retries stop once the time since the first attempt plus the next wait would exceed this.
MAX_RETRY_TIME: Final = 120.0

AUTH_ID_ENV: Final = "PLIVO_AUTH_ID"
AUTH_TOKEN_ENV: Final = "PLIVO_AUTH_TOKEN"


@dataclass(frozen=True, slots=True)
class RetryEvent:
    """One retry about to happen, as given to the `on_retry` hook and logged.

    `retry` counts from 1; `delay` is the wait in seconds before it; `reason` is the status
    (`"503"`) or the exception class (`"ConnectError"`) that caused it.
    """

    operation: str
    method: str
    path: str
    retry: int
    delay: float
    reason: str
    status_code: int | None


RetryHook = Callable[[RetryEvent], None]


@dataclass(frozen=True, slots=True)
class Operation:
    """One operation of the spec, as the resource methods call it.

    `success` maps each documented 2xx status to the parser of its body (`None`: no body).
    `idempotent`: safe to send again after a timeout, a 5xx or a 429. `create` is not.
    """

    name: str
    method: str
    success: Mapping[int, Callable[[Any], Any] | None]
    idempotent: bool


def _credential(value: str | None, env: str, what: str) -> str:
    if value is None:
        value = os.environ.get(env)
    if not value:
        raise ValueError(f"no {what}: pass {what.replace(' ', '_').lower()}= or set {env}")
    return value


def retry_after(response: httpx.Response) -> float | None:
    """Seconds asked by the Retry-After header (delta-seconds or an HTTP date), if any."""
    value = response.headers.get("retry-after")
    if value is None:
        return None
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        seconds = when.timestamp() - time.time()
    if math.isnan(seconds):
        return None
    return max(0.0, seconds)


def _status_retryable(status: int) -> bool:
    return status == 429 or status >= 500


class BaseClient:
    """Options and request handling common to the sync and async clients."""

    _auth_id: str
    _headers: dict[str, str]
    _base_url: str
    _timeout: httpx.Timeout
    # What each request passes to httpx: nothing when the httpx client is the client's own (it
    # was made with the headers and the timeout, so httpx merges nothing per request), the
    # headers and the timeout when it was passed in (`http_client=`), whose own stay as they are.
    _request_headers: dict[str, str] | None
    _request_timeout: httpx.Timeout | UseClientDefault
    max_retries: int
    raise_on_error: bool
    on_retry: RetryHook | None

    def _setup(
        self,
        auth_id: str | None,
        auth_token: str | None,
        base_url: str,
        timeout: float | httpx.Timeout | None,
        max_retries: int,
        raise_on_error: bool,
        on_retry: RetryHook | None,
    ) -> None:
        if max_retries < 0:
            raise ValueError("max_retries must be 0 or more")
        self._auth_id = _credential(auth_id, AUTH_ID_ENV, "Auth ID")
        token = _credential(auth_token, AUTH_TOKEN_ENV, "Auth Token")
        basic = b64encode(f"{self._auth_id}:{token}".encode()).decode("ascii")
        # The token lives only inside this header value, which the client's own httpx client also
        # carries (httpx hides Authorization in reprs).
        self._headers = {"Authorization": f"Basic {basic}", "Accept": "application/json"}
        self._base_url = base_url.rstrip("/")
        self._timeout = timeout if isinstance(timeout, httpx.Timeout) else httpx.Timeout(timeout)
        self.max_retries = max_retries
        self.raise_on_error = raise_on_error
        self.on_retry = on_retry

    def _send_options(self, owned: bool) -> None:
        if owned:
            self._request_headers, self._request_timeout = None, USE_CLIENT_DEFAULT
        else:
            self._request_headers, self._request_timeout = self._headers, self._timeout

    @property
    def auth_id(self) -> str:
        return self._auth_id

    @property
    def base_url(self) -> str:
        return self._base_url

    def __repr__(self) -> str:
        return f"{type(self).__name__}(auth_id={self._auth_id!r}, base_url={self._base_url!r})"

    __str__ = __repr__

    # --- retry decisions -------------------------------------------------------------------

    def _next_delay(
        self,
        operation: Operation,
        retries: int,
        started: float,
        response: httpx.Response | None,
        failure: Exception | None,
    ) -> float | None:
        """The wait before retrying, or None when the attempt must not be retried."""
        if retries >= self.max_retries:
            return None
        if response is not None:
            if not (operation.idempotent and _status_retryable(response.status_code)):
                return None
            asked = retry_after(response)
        else:
            # A connection that could not be made never carried the request: safe for any
            # operation. Anything else (timeouts included) may have reached the server.
            never_sent = isinstance(failure, httpx.ConnectError)
            if not (never_sent or operation.idempotent):
                return None
            asked = None
        if asked is not None:
            if asked > RETRY_AFTER_CAP:
                return None
            delay = asked
        else:
            delay = random.uniform(0.0, min(BACKOFF_CAP, BACKOFF_BASE * 2.0**retries))
        if time.monotonic() - started + delay > MAX_RETRY_TIME:
            return None
        return delay

    def _report(
        self,
        operation: Operation,
        path: str,
        retries: int,
        delay: float,
        response: httpx.Response | None,
        failure: Exception | None,
    ) -> None:
        status = response.status_code if response is not None else None
        reason = str(status) if status is not None else type(failure).__name__
        event = RetryEvent(operation.name, operation.method, path, retries, delay, reason, status)
        logger.info(
            "retrying %s %s (retry %d of %d in %.2fs) after %s",
            operation.method,
            path,
            retries,
            self.max_retries,
            delay,
            reason,
        )
        if self.on_retry is not None:
            self.on_retry(event)

    # --- results --------------------------------------------------------------------------

    def _result(self, operation: Operation, response: httpx.Response, raising: bool) -> Any:
        status = response.status_code
        if 200 <= status < 300:
            if status in operation.success:
                parse = operation.success[status]
            elif operation.success:
                # Another 2xx (a 202, a 204, one the spec does not name): read it as the
                # operation's answer when its body is one; otherwise it is raised as an
                # APIStatusError that keeps the response, body and all, never dropped.
                parse = next(iter(operation.success.values()))
            else:
                parse = None
            if parse is None or not response.content:
                if parse is None:
                    return None
                raise status_error(response)
            try:
                return parse(response.json())
            except (KeyError, TypeError, ValueError):
                if status in operation.success:
                    raise
                raise status_error(response) from None
        error = status_error(response)
        if raising:
            raise error
        return self._error_response(error)

    @staticmethod
    def _error_response(error: APIStatusError) -> ErrorResponse:
        """Today's return value for an error: the ErrorResponse model, when the body is one."""
        try:
            body = error.response.json()
            if not isinstance(body, dict):
                raise TypeError
            return ErrorResponse.from_dict(body)
        except (ValueError, TypeError, KeyError):
            raise error from None

    @staticmethod
    def _connection_error(failure: httpx.TransportError, method: str, path: str) -> Exception:
        kind = APITimeoutError if isinstance(failure, httpx.TimeoutException) else APIConnectionError
        what = "timed out" if kind is APITimeoutError else f"failed ({type(failure).__name__})"
        request = failure.request if _has_request(failure) else None
        return kind(f"{method} {path} {what}", request=request)


def _has_request(failure: httpx.TransportError) -> bool:
    try:
        failure.request  # noqa: B018
    except RuntimeError:
        return False
    return True


class SyncAPIClient(BaseClient):
    _http: httpx.Client
    _owns_http: bool

    def _use_http(self, http_client: httpx.Client | None) -> None:
        """Uses `http_client`, or an httpx client of its own that carries the headers and timeout."""
        self._owns_http = http_client is None
        if http_client is None:
            http_client = httpx.Client(headers=self._headers, timeout=self._timeout)
        self._http = http_client
        self._send_options(self._owns_http)

    def _request(
        self,
        operation: Operation,
        path: str,
        params: Mapping[str, Any] | None = None,
        body: Any = None,
        raise_on_error: bool | None = None,
    ) -> Any:
        raising = self.raise_on_error if raise_on_error is None else raise_on_error
        url = self._base_url + path
        started = time.monotonic()
        retries = 0
        while True:
            response: httpx.Response | None = None
            failure: httpx.TransportError | None = None
            try:
                response = self._http.request(
                    operation.method,
                    url,
                    params=params,
                    json=body,
                    headers=self._request_headers,
                    timeout=self._request_timeout,
                )
            except httpx.TransportError as caught:
                failure = caught
            else:
                if not _status_retryable(response.status_code):
                    return self._result(operation, response, raising)
            delay = self._next_delay(operation, retries, started, response, failure)
            if delay is None:
                if failure is not None:
                    raise self._connection_error(failure, operation.method, path) from failure
                assert response is not None
                return self._result(operation, response, raising)
            retries += 1
            self._report(operation, path, retries, delay, response, failure)
            _sleep(delay)

    def close(self) -> None:
        """Closes the httpx client, unless it was passed in (`http_client=`)."""
        if self._owns_http:
            self._http.close()


class AsyncAPIClient(BaseClient):
    _http: httpx.AsyncClient
    _owns_http: bool

    def _use_http(self, http_client: httpx.AsyncClient | None) -> None:
        """Uses `http_client`, or an httpx client of its own that carries the headers and timeout."""
        self._owns_http = http_client is None
        if http_client is None:
            http_client = httpx.AsyncClient(headers=self._headers, timeout=self._timeout)
        self._http = http_client
        self._send_options(self._owns_http)

    async def _request(
        self,
        operation: Operation,
        path: str,
        params: Mapping[str, Any] | None = None,
        body: Any = None,
        raise_on_error: bool | None = None,
    ) -> Any:
        raising = self.raise_on_error if raise_on_error is None else raise_on_error
        url = self._base_url + path
        started = time.monotonic()
        retries = 0
        while True:
            response: httpx.Response | None = None
            failure: httpx.TransportError | None = None
            try:
                response = await self._http.request(
                    operation.method,
                    url,
                    params=params,
                    json=body,
                    headers=self._request_headers,
                    timeout=self._request_timeout,
                )
            except httpx.TransportError as caught:
                failure = caught
            else:
                if not _status_retryable(response.status_code):
                    return self._result(operation, response, raising)
            delay = self._next_delay(operation, retries, started, response, failure)
            if delay is None:
                if failure is not None:
                    raise self._connection_error(failure, operation.method, path) from failure
                assert response is not None
                return self._result(operation, response, raising)
            retries += 1
            self._report(operation, path, retries, delay, response, failure)
            await _async_sleep(delay)

    async def close(self) -> None:
        """Closes the httpx client, unless it was passed in (`http_client=`)."""
        if self._owns_http:
            await self._http.aclose()
