"""A webhook receiver on loopback for the callback tests: records every request it gets. And
`create`, a session on a running mock, whose callback URLs a test points at a receiver."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import httpx

from plivo_masking_mock.server import MockServer

FIRST, SECOND = "+12025550000", "+12025551111"


def create(mock: MockServer, **fields: Any) -> dict[str, Any]:
    """A new session between FIRST and SECOND (plus `fields`) on `mock`, as create answers it."""
    body = {"first_party": FIRST, "second_party": SECOND, **fields}
    response = httpx.post(mock.sessions_url, json=body, auth=(mock.auth_id, mock.auth_token))
    assert response.status_code == 201, response.text
    session: dict[str, Any] = response.json()["session"]
    return session


@dataclass(frozen=True)
class Received:
    method: str
    url: str  # full URL, with the query
    path: str
    headers: dict[str, str]
    params: dict[str, str]  # the form body (POST) or the query (GET)
    content_type: str


class Receiver:
    def __init__(self, status: int = 200) -> None:
        self.status = status
        self.requests: list[Received] = []
        self._lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def _handle(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length).decode() if length else ""
                parts = urlsplit(self.path)
                params = dict(parse_qsl(body if self.command == "POST" else parts.query, True))
                host, port = receiver.address
                with receiver._lock:
                    receiver.requests.append(
                        Received(
                            self.command,
                            f"http://{host}:{port}{self.path}",
                            parts.path,
                            dict(self.headers.items()),
                            params,
                            self.headers.get("Content-Type", ""),
                        )
                    )
                self.send_response(receiver.status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            do_GET = do_POST = _handle

            def log_message(self, *_: object) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def address(self) -> tuple[str, int]:
        host, port = self._server.server_address[:2]
        return str(host), int(port)

    @property
    def base_url(self) -> str:
        host, port = self.address
        return f"http://{host}:{port}"

    def received(self, path: str | None = None) -> list[Received]:
        with self._lock:
            return [item for item in self.requests if path is None or item.path == path]

    def __enter__(self) -> Receiver:
        self._thread.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._server.shutdown()
        self._server.server_close()
