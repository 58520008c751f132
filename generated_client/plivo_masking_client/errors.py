"""The exceptions of the client.

`UnexpectedStatus` is raised by the low-level functions of `api/` (the generator's own). The rest
is raised by `MaskingClient` and `AsyncMaskingClient`:

    MaskingError
    ├── APIConnectionError        the request got no HTTP answer (refused, reset, DNS, ...)
    │   └── APITimeoutError       ... because a timeout expired
    └── APIStatusError            an HTTP answer that is not a success (any status)
        ├── BadRequestError       400
        ├── AuthenticationError   401
        ├── PermissionDeniedError 403
        ├── NotFoundError         404
        ├── RateLimitError        429
        └── InternalServerError   5xx

No message carries a credential: they name the status, Plivo's `error` and `api_id`, and the
method and path of the request (whose only account detail is the Auth ID of the path).
"""

from __future__ import annotations

from typing import Any

import httpx


class UnexpectedStatus(Exception):
    """Raised by api functions when the response status an undocumented status and Client.raise_on_unexpected_status is True"""

    def __init__(self, status_code: int, content: bytes):
        self.status_code = status_code
        self.content = content

        super().__init__(
            f"Unexpected status code: {status_code}\n\nResponse content:\n{content.decode(errors='ignore')}"
        )


class MaskingError(Exception):
    """Base class of every exception `MaskingClient` and `AsyncMaskingClient` raise."""


class APIConnectionError(MaskingError):
    """No HTTP answer: the connection failed, was reset, or the answer was not HTTP."""

    def __init__(self, message: str, *, request: httpx.Request | None = None) -> None:
        super().__init__(message)
        self.request = request


class APITimeoutError(APIConnectionError):
    """No HTTP answer within the client's timeout."""


class APIStatusError(MaskingError):
    """An HTTP answer with a status that is not a success.

    `error` and `api_id` are the fields of Plivo's error body (`None` when the body lacks them or
    is not JSON); `response` is the httpx response, with the request it answers.
    """

    status_code: int
    error: str | None
    api_id: str | None
    response: httpx.Response

    def __init__(self, message: str, *, response: httpx.Response, error: str | None, api_id: str | None) -> None:
        super().__init__(message)
        self.status_code = response.status_code
        self.error = error
        self.api_id = api_id
        self.response = response


class BadRequestError(APIStatusError):
    """400: a parameter is missing or invalid, or the session's state forbids the operation."""


class AuthenticationError(APIStatusError):
    """401: missing or invalid credentials."""


class PermissionDeniedError(APIStatusError):
    """403: the credentials do not give access to this account, or to the parties' country."""


class NotFoundError(APIStatusError):
    """404: no such session in this account."""


class RateLimitError(APIStatusError):
    """429: more than 300 requests in 5 seconds."""


class InternalServerError(APIStatusError):
    """5xx: an error on Plivo's side."""


_BY_STATUS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    429: RateLimitError,
}


def error_fields(response: httpx.Response) -> tuple[str | None, str | None]:
    """`error` and `api_id` of an error body, each `None` when absent or not a string."""
    try:
        body: Any = response.json()
    except ValueError:
        return None, None
    if not isinstance(body, dict):
        return None, None
    error, api_id = body.get("error"), body.get("api_id")
    return (
        error if isinstance(error, str) else None,
        api_id if isinstance(api_id, str) else None,
    )


def status_error(response: httpx.Response) -> APIStatusError:
    """The exception for a non-success `response`: its status's class, else `APIStatusError`."""
    status = response.status_code
    cls = _BY_STATUS.get(status) or (InternalServerError if status >= 500 else APIStatusError)
    error, api_id = error_fields(response)
    request = response.request
    message = f"{status} {error if error is not None else response.reason_phrase}"
    message += f" ({request.method} {request.url.path}"
    message += f", api_id {api_id})" if api_id else ")"
    return cls(message, response=response, error=error, api_id=api_id)


__all__ = [
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "InternalServerError",
    "MaskingError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "UnexpectedStatus",
    "status_error",
]
