"""The mock server for a benchmark: one uvicorn worker with an explicit HTTP parser and event loop.

    python -m benchmarks.serve_mock --http httptools --loop uvloop [--db PATH] [--access-log]
    python -m benchmarks.serve_mock --baseline

`--baseline` serves, instead of the mock, the smallest Starlette app on the same server: any
method on any path reads the body and answers a constant body. With `--bodies FILE` (JSON:
scenario -> [status, the mock's real answer]) it is that of the scenario named by the request's
`X-Bench-Scenario` header, so that the floor writes as many bytes as the mock; else `{"ok": true}`.
Its figures are the floor of Starlette + uvicorn on this machine at that moment, which the mock's
own work comes on top of.

`--seed N` stores N sessions first (`plivo_masking_mock.seeding`, as `serve --seed`).

`--tcp-proto` binds the listening socket with `proto=IPPROTO_TCP` instead of through
`plivo_masking_mock.server.bind` (which leaves it 0). asyncio's own event loop sets TCP_NODELAY on
an accepted connection only when the socket's proto is IPPROTO_TCP, so with `--loop asyncio` and the
mock's bind, Nagle's algorithm stays on and each keep-alive response waits for the client's delayed
ACK (about 40 ms on Linux). uvloop sets TCP_NODELAY whatever the proto.

The same app and socket as `plivo-masking-mock serve` (`plivo_masking_mock.cli`), but the parser and
loop are named rather than left to uvicorn's `auto`, so that a run measures what it says, and the
access log is off unless asked for. It listens on a free loopback port and prints `PORT <n>` on its
first line, which `benchmarks.bench` waits for.
"""

from __future__ import annotations

import argparse
import json
import socket
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from plivo_masking_mock.app import create_app
from plivo_masking_mock.seeding import seed
from plivo_masking_mock.server import bind

HTTP_CHOICES = ("httptools", "h11")
LOOP_CHOICES = ("uvloop", "asyncio")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.serve_mock")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0, help="0 (default): a free port")
    parser.add_argument("--http", choices=HTTP_CHOICES, default="httptools")
    parser.add_argument("--loop", choices=LOOP_CHOICES, default="uvloop")
    parser.add_argument("--db", metavar="PATH", help="SQLite file (default: memory, as the CLI)")
    parser.add_argument(
        "--access-log", action="store_true", help="log every request, as the CLI does by default"
    )
    parser.add_argument(
        "--tcp-proto",
        action="store_true",
        help="bind with proto IPPROTO_TCP (asyncio then sets TCP_NODELAY), not the mock's bind",
    )
    parser.add_argument(
        "--baseline", action="store_true", help="a minimal Starlette JSON app instead of the mock"
    )
    parser.add_argument("--bodies", metavar="FILE", help="the baseline's bodies by scenario")
    parser.add_argument("--seed", type=int, default=0, metavar="N", help="sessions stored first")
    return parser


def baseline_app(bodies: dict[str, list[Any]] | None = None) -> Starlette:
    """`bodies`: scenario -> [status, body text]."""
    rendered = {
        name: (int(status), str(text).encode()) for name, (status, text) in (bodies or {}).items()
    }
    default = (200, b'{"ok":true}')

    async def constant(request: Request) -> Response:
        await request.body()
        status, body = rendered.get(request.headers.get("x-bench-scenario", ""), default)
        return Response(body, status, media_type="application/json")

    methods = ["GET", "POST", "PUT", "PATCH", "DELETE"]
    return Starlette(routes=[Route("/{path:path}", constant, methods=methods)])


def bind_tcp(host: str, port: int) -> socket.socket:
    """`plivo_masking_mock.server.bind`, but with proto IPPROTO_TCP (IPv4 loopback only)."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(2048)
    sock.set_inheritable(True)
    return sock


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.baseline:
        bodies = json.loads(Path(args.bodies).read_text()) if args.bodies else None
        app: Any = baseline_app(bodies)
    else:
        app = create_app(db_path=args.db)
        if args.seed:
            seed(app.spec, app.service, app.config.accounts[0], args.seed)
    sock = bind_tcp(args.host, args.port) if args.tcp_proto else bind(args.host, args.port)
    print(f"PORT {sock.getsockname()[1]}", flush=True)
    config = uvicorn.Config(
        app,
        http=args.http,
        loop=args.loop,
        lifespan="off",
        log_level="info" if args.access_log else "warning",
        access_log=args.access_log,
        workers=1,
    )
    uvicorn.Server(config).run(sockets=[sock])
    return 0


if __name__ == "__main__":
    sys.exit(main())
