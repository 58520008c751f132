"""CPU per list request inside the mock, with the list item cache and without it, in one run.

    uv run --frozen python -m benchmarks.list_cpu [--sessions 1000] [--requests 2000] [--rounds 5]

Seeds `--sessions` sessions (`plivo_masking_mock.seeding`, all in the 7-day window) into an
in-memory mock, then sends `--requests` list requests (the default page: 20 sessions, ~24 KB)
straight to the ASGI app: no socket and no HTTP client, so `time.process_time` per request is the
mock's own work (routing, auth, validation, the store's queries, the items, rendering). Rounds
alternate cache off and on; the best round of each counts, which damps the noise of a shared
machine. Every answer of both is checked to be the same bytes (the `api_id` aside).

A benchmark, not a test: it prints figures and asserts only that the two agree.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import json
import time
from collections.abc import MutableMapping
from typing import Any

from plivo_masking_mock.app import MockApp, create_app
from plivo_masking_mock.clock import ManualClock
from plivo_masking_mock.config import DEMO_AUTH_ID, DEMO_AUTH_TOKEN
from plivo_masking_mock.seeding import seed

PATH = f"/v1/Account/{DEMO_AUTH_ID}/Masking/Session/"
AUTH = b"Basic " + base64.b64encode(f"{DEMO_AUTH_ID}:{DEMO_AUTH_TOKEN}".encode())


async def list_once(app: MockApp) -> bytes:
    scope: dict[str, Any] = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": PATH,
        "raw_path": PATH.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": [(b"host", b"127.0.0.1"), (b"authorization", AUTH)],
        "client": ("127.0.0.1", 50000),
        "server": ("127.0.0.1", 8000),
    }
    body = bytearray()
    status = 0

    async def receive() -> MutableMapping[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: MutableMapping[str, Any]) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]
        elif message["type"] == "http.response.body":
            body.extend(message.get("body", b""))

    await app(scope, receive, send)
    assert status == 200, bytes(body)
    return bytes(body)


async def round_of(app: MockApp, requests: int) -> tuple[float, bytes]:
    last = b""
    start = time.process_time()
    for _ in range(requests):
        last = await list_once(app)
    return (time.process_time() - start) / requests * 1e6, last


def without_api_id(body: bytes) -> bytes:
    api_id = json.loads(body)["api_id"]
    return body.replace(api_id.encode(), b"")


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, default=1_000)
    parser.add_argument("--requests", type=int, default=2_000)
    parser.add_argument("--rounds", type=int, default=5)
    options = parser.parse_args()
    app = create_app(clock=ManualClock())
    account = app.config.account(DEMO_AUTH_ID)
    assert account is not None
    seed(app.spec, app.service, account, options.sessions)
    cache = app.service.list_cache
    best: dict[bool, float] = {False: float("inf"), True: float("inf")}
    bodies: dict[bool, bytes] = {}
    for _ in range(options.rounds):
        for enabled in (False, True):
            cache.enabled = enabled
            await round_of(app, 50)  # warm up (fills the cache when on)
            micros, bodies[enabled] = await round_of(app, options.requests)
            best[enabled] = min(best[enabled], micros)
    assert without_api_id(bodies[False]) == without_api_id(bodies[True]), "cache changed output"
    print(f"sessions {options.sessions:,}, page of 20 ({len(bodies[True]):,} bytes)")
    print(f"list, cache off: {best[False]:7.1f} µs CPU/request (best of {options.rounds})")
    print(f"list, cache on : {best[True]:7.1f} µs CPU/request ({best[False] / best[True]:.2f}x)")


if __name__ == "__main__":
    asyncio.run(main())
