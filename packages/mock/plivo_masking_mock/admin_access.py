"""Who may use the admin prefix `/__mock__/` (admin API and console).

- On loopback (the default, 127.0.0.1) it is open, as it always was: any local process may
  reset the mock or move its clock.
- With an admin token (`serve --admin-token`, or generated when the mock listens on a
  non-loopback address) every request under the prefix needs it: the header
  `X-Mock-Admin-Token: <token>` or `Authorization: Bearer <token>` (scripts, curl), or the
  cookie that opening `/__mock__/console?token=<token>` once sets (browsers).
- CSRF: a browser sends the cookie by itself, also on a request another site makes it send.
  So a state-changing request (any method but GET/HEAD/OPTIONS) authenticated by the cookie
  must also carry the header `X-Mock-CSRF` with this process's CSRF token, which only the
  console's own pages hold (a form of another site cannot set a header, and a script of
  another site cannot send one without a CORS preflight the mock never grants). The token
  headers above are never sent by a browser on its own and need no CSRF token.
- Always, token or not: a state-changing request whose `Origin` is not the mock's own, or
  marked `Sec-Fetch-Site: cross-site`, is refused (403), so a web page open in the developer's
  browser cannot reset a loopback mock either. curl and the SDKs send neither header.

Console actions are all POSTs (GET never changes state).
"""

from __future__ import annotations

import hmac
import ipaddress
import secrets
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.types import ASGIApp, Receive, Scope, Send

TOKEN_HEADER = "x-mock-admin-token"
CSRF_HEADER = "x-mock-csrf"
COOKIE = "plivo_mock_admin"
TOKEN_QUERY = "token"
PREFIX = "/__mock__"
_SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def is_admin_path(path: str) -> bool:
    """Whether a request path is the mock's own (`/__mock__` and below), not the API's: the one
    test that routing, chaos and the rate limit all use."""
    return path.startswith(PREFIX) and (len(path) == len(PREFIX) or path[len(PREFIX)] == "/")


def is_loopback(host: str) -> bool:
    """127.0.0.0/8, ::1 and `localhost`; anything else (0.0.0.0, a LAN address) is exposed."""
    if host.strip("[]").lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a host name: it may resolve to anything


def admin_token_for(host: str, given: str | None) -> tuple[str | None, bool]:
    """(the admin token to require, whether it was generated): the given one, a new one when
    `host` is not loopback, or None (open) on loopback."""
    if given:
        return given, False
    if is_loopback(host):
        return None, False
    return secrets.token_urlsafe(24), True


class AdminAccess:
    def __init__(self, token: str | None = None) -> None:
        self.token = token or None
        # Per process; handed to the console's pages, checked on cookie-authenticated changes.
        self.csrf_token = secrets.token_urlsafe(24)

    @property
    def protected(self) -> bool:
        return self.token is not None

    def refusal(self, request: Request) -> Response | None:
        """The answer that refuses this admin request, or None to let it through."""
        changes_state = request.method not in _SAFE_METHODS
        if changes_state and _cross_site(request):
            return _error(403, "cross-site request to the admin prefix refused")
        if self.token is None:
            return None
        if self._matches(_header_token(request)):
            return None
        if self._matches(request.cookies.get(COOKIE)):
            given_csrf = request.headers.get(CSRF_HEADER, "").encode()
            if changes_state and not hmac.compare_digest(given_csrf, self.csrf_token.encode()):
                return _error(403, f"a state-changing request needs the {CSRF_HEADER} header")
            return None
        if request.method == "GET" and self._matches(request.query_params.get(TOKEN_QUERY)):
            return self._login(request)
        return _error(
            401,
            "this mock's admin prefix needs its admin token: header X-Mock-Admin-Token "
            "(or Authorization: Bearer), or open /__mock__/console?token=<token> in a browser",
            {"WWW-Authenticate": 'Bearer realm="plivo-masking-mock admin"'},
        )

    def _matches(self, given: str | None) -> bool:
        if not given or self.token is None:
            return False
        return hmac.compare_digest(given.encode(), self.token.encode())

    def _login(self, request: Request) -> Response:
        """Trades the token in the URL for a cookie, and drops it from the address bar."""
        kept = [item for item in request.query_params.multi_items() if item[0] != TOKEN_QUERY]
        query = urlencode(kept)
        response = RedirectResponse(request.url.path + (f"?{query}" if query else ""), 303)
        response.set_cookie(COOKIE, str(self.token), path=PREFIX, httponly=True, samesite="strict")
        return response


class AdminGuard:
    """ASGI middleware in front of everything under the admin prefix."""

    def __init__(self, app: ASGIApp, access: AdminAccess) -> None:
        self.app = app
        self.access = access

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            refusal = self.access.refusal(Request(scope))
            if refusal is not None:
                await refusal(scope, receive, send)
                return
        await self.app(scope, receive, send)


def _header_token(request: Request) -> str | None:
    if TOKEN_HEADER in request.headers:
        return request.headers[TOKEN_HEADER]
    scheme, _, credentials = request.headers.get("authorization", "").partition(" ")
    return credentials.strip() if scheme.lower() == "bearer" else None


def _cross_site(request: Request) -> bool:
    if request.headers.get("sec-fetch-site") == "cross-site":
        return True
    origin = request.headers.get("origin")
    if origin is None:
        return False
    own = f"{request.url.scheme}://{request.headers.get('host', '')}"
    return origin.lower() != own.lower()


def _error(status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    return JSONResponse({"error": message}, status, headers)
