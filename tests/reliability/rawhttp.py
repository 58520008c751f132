"""HTTP/1.1 over a bare loopback socket, for requests no HTTP client library would send
(control characters, broken encodings, lying headers), and to see a connection close unanswered.
"""

from __future__ import annotations

import base64
import contextlib
import json
import socket
import time
from dataclasses import dataclass, field
from typing import Any

MAX_RESPONSE_BYTES = 4 * 1024 * 1024


@dataclass
class RawResponse:
    raw: bytes
    status: int | None = None  # None: the connection closed without an answer
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""

    def json(self) -> Any:
        return json.loads(self.body)


def basic(auth_id: str, token: str) -> bytes:
    return b"Basic " + base64.b64encode(f"{auth_id}:{token}".encode())


def build(
    method: str,
    target: bytes | str,
    *,
    headers: list[tuple[bytes, bytes]] | None = None,
    body: bytes = b"",
    content_length: bool = True,
) -> bytes:
    target_bytes = target.encode() if isinstance(target, str) else target
    lines = [method.encode() + b" " + target_bytes + b" HTTP/1.1", b"Host: 127.0.0.1"]
    lines += [name + b": " + value for name, value in headers or []]
    if content_length and body:
        lines.append(b"Content-Length: " + str(len(body)).encode())
    lines.append(b"Connection: close")
    return b"\r\n".join(lines) + b"\r\n\r\n" + body


def chunked(body: bytes, size: int = 4096) -> bytes:
    parts = [
        f"{len(body[i : i + size]):x}".encode() + b"\r\n" + body[i : i + size] + b"\r\n"
        for i in range(0, len(body), size)
    ]
    return b"".join(parts) + b"0\r\n\r\n"


def send(port: int, request: bytes, timeout: float = 20.0) -> RawResponse:
    """Sends `request` and reads until the server closes (at most `timeout` seconds)."""
    deadline = time.monotonic() + timeout
    received = bytearray()
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
        # The server may answer (and close) before reading a body it refuses.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            sock.sendall(request)
        while len(received) < MAX_RESPONSE_BYTES and time.monotonic() < deadline:
            try:
                chunk = sock.recv(65536)
            except ConnectionResetError:
                break
            if not chunk:
                break
            received.extend(chunk)
    return parse(bytes(received))


def parse(raw: bytes) -> RawResponse:
    if not raw:
        return RawResponse(raw)
    head, _, body = raw.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split(" ", 2)[1])
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    if headers.get("transfer-encoding") == "chunked":
        body = _unchunk(body)
    return RawResponse(raw, status, headers, body)


def _unchunk(body: bytes) -> bytes:
    out = bytearray()
    while body:
        size_line, _, rest = body.partition(b"\r\n")
        size = int(size_line.split(b";")[0], 16)
        if size == 0:
            break
        out.extend(rest[:size])
        body = rest[size + 2 :]
    return bytes(out)
