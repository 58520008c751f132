"""CPU per call of three Python clients on the same mock, side by side: raw httpx, this
project's MaskingClient, and Plivo's SDK (`plivo` 4.63.0).

    uv run --frozen python -m benchmarks.client_overhead [--calls 300] [--rounds 5]

The mock runs in its own process (benchmarks.serve_mock, httptools + uvloop), so the CPU time of
this process (`time.process_time`) is the client's alone: building the request, the socket calls,
parsing the answer (raw httpx: `response.json()`; MaskingClient: the typed models; the SDK: its
ResponseObject). Each round runs every client through `--calls` retrieves, updates and lists
(a full page of 20), the clients taking turns every 30 calls, so that the machine's changes of
speed (on a shared VM, up to 2x within minutes) fall on all three alike. It prints the best
round of each and, the figure to read, the median over the rounds of each client's ratio to
raw httpx within a round. The goal is MaskingClient within 1.2x of raw httpx.

A benchmark, not a test: it prints figures and asserts nothing.
"""

from __future__ import annotations

import argparse
import base64
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import plivo
from plivo.rest import client as plivo_client_module

from plivo_masking_client import MaskingClient
from plivo_masking_mock.config import DEMO_AUTH_ID, DEMO_AUTH_TOKEN

ROOT = Path(__file__).resolve().parent.parent
OPERATIONS = ("get", "update", "list")
SESSIONS = 25  # more than a page, so that list returns a full page of 20
BLOCK = 30  # calls of one client before the next one takes its turn


@contextmanager
def mock_process() -> Iterator[str]:
    """The mock in a child process; its base URL."""
    process = subprocess.Popen(
        [sys.executable, "-m", "benchmarks.serve_mock", "--http", "httptools", "--loop", "uvloop"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        if not line.startswith("PORT "):
            raise SystemExit(f"the mock did not start: {line!r}")
        base_url = f"http://127.0.0.1:{int(line.split()[1])}"
        deadline = time.monotonic() + 10
        while True:
            try:
                httpx.get(f"{base_url}/__mock__/health", timeout=1)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
        yield base_url
    finally:
        process.terminate()
        process.wait(timeout=10)


Calls = dict[str, Callable[[], object]]


def raw_httpx(base_url: str, uuid: str) -> tuple[Calls, Callable[[], None]]:
    http = httpx.Client()
    token = base64.b64encode(f"{DEMO_AUTH_ID}:{DEMO_AUTH_TOKEN}".encode()).decode()
    headers = {"Authorization": f"Basic {token}"}
    sessions = f"{base_url}/v1/Account/{DEMO_AUTH_ID}/Masking/Session"

    def checked(response: httpx.Response) -> Any:
        response.raise_for_status()
        return response.json()

    return {
        "get": lambda: checked(http.get(f"{sessions}/{uuid}", headers=headers)),
        "update": lambda: checked(
            http.post(f"{sessions}/{uuid}", json={"record": True}, headers=headers)
        ),
        "list": lambda: checked(http.get(sessions, params={"limit": 20}, headers=headers)),
    }, http.close


def masking_client(base_url: str, uuid: str) -> tuple[Calls, Callable[[], None]]:
    client = MaskingClient(DEMO_AUTH_ID, DEMO_AUTH_TOKEN, base_url=base_url)
    return {
        "get": lambda: client.sessions.get(uuid),
        "update": lambda: client.sessions.update(uuid, record=True),
        "list": lambda: client.sessions.list(limit=20),
    }, client.close


def plivo_sdk(base_url: str, uuid: str) -> tuple[Calls, Callable[[], None]]:
    for name in (
        "PLIVO_API_BASE_URI",
        "API_VOICE_BASE_URI",
        "API_VOICE_BASE_URI_FALLBACK_1",
        "API_VOICE_BASE_URI_FALLBACK_2",
    ):
        setattr(plivo_client_module, name, f"{base_url}/v1/Account")
    sdk = plivo.RestClient(auth_id=DEMO_AUTH_ID, auth_token=DEMO_AUTH_TOKEN)
    sessions = sdk.masking_sessions
    return {
        "get": lambda: sessions.get_masking_session(uuid),
        "update": lambda: sessions.update_masking_session(session_uuid=uuid, record=True),
        "list": lambda: sessions.list_masking_session(limit=20),
    }, sdk.session.close


CLIENTS = {"raw httpx": raw_httpx, "MaskingClient": masking_client, "Plivo SDK": plivo_sdk}


def cpu_per_call(call: Callable[[], object], calls: int) -> float:
    start = time.process_time()
    for _ in range(calls):
        call()
    return (time.process_time() - start) / calls


def one_round(clients: dict[str, Calls], operation: str, calls: int) -> dict[str, float]:
    """CPU per call of each client for `operation`: the calls are made in blocks of BLOCK, the
    clients taking turns block by block, so that a change in the machine's speed during the
    round falls on all of them alike."""
    spent = dict.fromkeys(clients, 0.0)
    blocks = max(1, calls // BLOCK)
    for _ in range(blocks):
        for name, client in clients.items():
            spent[name] += cpu_per_call(client[operation], BLOCK)
    return {name: total / blocks for name, total in spent.items()}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="benchmarks/client_overhead.py")
    parser.add_argument("--calls", type=int, default=300, help="calls per operation and round")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)
    os.environ.pop("PLIVO_AUTH_TOKEN", None)
    with mock_process() as base_url:
        with MaskingClient(DEMO_AUTH_ID, DEMO_AUTH_TOKEN, base_url=base_url) as setup:
            uuids = [
                setup.sessions.create(
                    first_party=f"+1202556{n:04d}", second_party=f"+1202557{n:04d}"
                ).session_uuid
                for n in range(SESSIONS)
            ]
        made = {name: make(base_url, uuids[0]) for name, make in CLIENTS.items()}
        clients = {name: calls for name, (calls, _close) in made.items()}
        for calls in clients.values():  # warm: connections open, caches filled
            for operation in OPERATIONS:
                calls[operation]()
        rounds: dict[str, list[dict[str, float]]] = {operation: [] for operation in OPERATIONS}
        for _ in range(args.rounds):
            for operation in OPERATIONS:
                rounds[operation].append(one_round(clients, operation, args.calls))
        for _calls, close in made.values():
            close()
    print(
        f"Client CPU per call (µs; {args.rounds} rounds of {args.calls} calls, the clients "
        f"taking turns every {BLOCK} calls; mock in another process). Best round of each, and "
        "the median of the rounds' ratios to raw httpx (the steadier figure)"
    )
    names = list(CLIENTS)
    print(f"{'operation':<10}" + "".join(f"{name:>28}" for name in names))
    for operation in OPERATIONS:
        cells = []
        for name in names:
            best = min(r[name] for r in rounds[operation])
            ratio = statistics.median(r[name] / r["raw httpx"] for r in rounds[operation])
            cells.append(f"{best * 1e6:9.0f} (median {ratio:4.2f}x)")
        print(f"{operation:<10}" + "".join(f"{cell:>28}" for cell in cells))
    return 0


if __name__ == "__main__":
    sys.exit(main())
