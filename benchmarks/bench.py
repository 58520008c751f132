"""Benchmarks of the mock server against a peer, Prism (Stoplight's spec-driven, stateless mock).

    benchmarks/run [--duration 10] [--connections 32] [--repeat 1] [--targets LIST] [--json FILE]

For each target in turn (never two under load at once): start it on a free loopback port, pinned
to one core; wait until it answers; on the mock, create real sessions first (so that retrieve and
update hit a real row and list returns a full page); check each scenario's request once (200, and
the real row on the mock); then for each scenario a warm-up and `--repeat` measured `wrk` runs of
fixed connections and duration (the best one counts), wrk pinned to another core; then memory
from /proc; then stop it. Prints the machine, then the figures side by side with ratios. Every run
is bounded in time.

Each measured run also records the CPU that the rest of the machine used meanwhile (all cores'
busy time from /proc/stat, less the server's and wrk's): on a shared machine that is the noise,
and the report warns when it was high.

Exit status: 0 done; 1 done, but some measured requests failed (the figures are not comparable);
2 a server failed to start or a tool is missing; 130 interrupted.
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from types import FrameType
from typing import Any

from benchmarks.machine import describe
from benchmarks.procs import (
    BenchError,
    Memory,
    Server,
    answers,
    children_cpu_seconds,
    die_with_parent,
    free_port,
    http,
    machine_busy_seconds,
    pinned,
    pinning_plan,
)
from plivo_masking_mock.config import DEMO_AUTH_ID, DEMO_AUTH_TOKEN

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / "benchmarks"
NODE_MODULES = BENCH_DIR / "node_modules"
PRISM_JS = NODE_MODULES / "@stoplight" / "prism-cli" / "dist" / "index.js"
WRK_SCRIPT = BENCH_DIR / "wrk.lua"
SPEC = ROOT / "openapi.yaml"
HOST = "127.0.0.1"
AUTHORIZATION = "Basic " + base64.b64encode(f"{DEMO_AUTH_ID}:{DEMO_AUTH_TOKEN}".encode()).decode()
SESSIONS_PATH = f"/v1/Account/{DEMO_AUTH_ID}/Masking/Session"
LIST_LIMIT = 20
UPDATE_BODY = '{"call_time_limit": 3600, "record": true}'
WRK_TIMEOUT_S = 5
EXAMPLE_UUID = "c28b77d4-21e7-43bd-9447-04bfee92e651"  # the spec's examples'


@dataclass(frozen=True)
class Scenario:
    key: str
    label: str
    method: str
    path: str  # `{uuid}`: the session created on the mock
    body: str | None = None

    def url(self, base_url: str, session_uuid: str) -> str:
        return base_url + self.path.format(uuid=session_uuid)


SCENARIOS = {
    s.key: s
    for s in (
        Scenario("retrieve", "GET retrieve a session", "GET", SESSIONS_PATH + "/{uuid}"),
        Scenario(
            "list", f"GET list (limit {LIST_LIMIT})", "GET", f"{SESSIONS_PATH}?limit={LIST_LIMIT}"
        ),
        Scenario("update", "POST update a session", "POST", SESSIONS_PATH + "/{uuid}", UPDATE_BODY),
    )
}


@dataclass(frozen=True)
class Target:
    key: str
    label: str
    kind: str  # "mock", "prism" or "baseline"
    mock_args: tuple[str, ...] = ()


TARGETS = {
    t.key: t
    for t in (
        Target(
            "mock", "mock (httptools+uvloop)", "mock", ("--http", "httptools", "--loop", "uvloop")
        ),
        Target("prism", "Prism", "prism"),
        Target("h11", "mock (h11+asyncio)", "mock", ("--http", "h11", "--loop", "asyncio")),
        Target(
            "h11-nodelay",
            "mock (h11+asyncio+NODELAY)",
            "mock",
            ("--http", "h11", "--loop", "asyncio", "--tcp-proto"),
        ),
        Target("h11-uvloop", "mock (h11+uvloop)", "mock", ("--http", "h11", "--loop", "uvloop")),
        Target(
            "asyncio",
            "mock (httptools+asyncio)",
            "mock",
            ("--http", "httptools", "--loop", "asyncio"),
        ),
        Target(
            "accesslog",
            "mock + access log",
            "mock",
            ("--http", "httptools", "--loop", "uvloop", "--access-log"),
        ),
        Target("filedb", "mock, SQLite file", "mock", ("--http", "httptools", "--loop", "uvloop")),
        Target(
            "baseline",
            "bare Starlette",
            "baseline",
            ("--http", "httptools", "--loop", "uvloop", "--baseline"),
        ),
        Target(
            "baseline-h11",
            "bare Starlette (h11+asyncio+NODELAY)",
            "baseline",
            ("--http", "h11", "--loop", "asyncio", "--baseline", "--tcp-proto"),
        ),
    )
}
DEFAULT_TARGETS = ("mock", "prism", "h11", "h11-nodelay", "baseline")
NOISY_PCT = 20  # others' CPU, in % of one core, above which a figure is flagged


@dataclass
class Measurement:
    target: str
    scenario: str
    requests: int
    duration_s: float
    rps: float
    latency_ms: dict[str, float]
    errors: dict[str, int]
    bytes_per_response: float
    server_cpu_pct: float
    wrk_cpu_pct: float
    others_cpu_pct: float  # the rest of the machine, in % of one core
    all_rps: list[float] = field(default_factory=list)  # every repeat, in order

    @property
    def failed(self) -> int:
        return sum(self.errors.values())

    @property
    def cpu_us_per_request(self) -> float:
        """The server's CPU time per answered request: the figure least moved by noise."""
        return 10_000 * self.server_cpu_pct / self.rps if self.rps else 0.0

    @property
    def noisy(self) -> bool:
        return self.others_cpu_pct > NOISY_PCT


@dataclass
class TargetRun:
    target: str
    label: str
    ready_after_s: float = 0.0
    memory_idle: Memory | None = None
    memory_after: Memory | None = None
    measurements: dict[str, Measurement] = field(default_factory=dict)


class Interrupted(Exception):
    pass


def _interrupt(signum: int, _: FrameType | None) -> None:
    raise Interrupted(signal.Signals(signum).name)


# -- the servers -------------------------------------------------------------------------------


def plivo_masking_mock(target: Target, cpu: int | None, workdir: Path) -> Server:
    """The mock (or the bare Starlette baseline) under `benchmarks.serve_mock`."""
    args = list(target.mock_args)
    if target.key == "filedb":
        args += ["--db", str(workdir / "sessions.db")]
    command = pinned([sys.executable, "-m", "benchmarks.serve_mock", "--host", HOST, *args], cpu)
    return Server(target.label, command, workdir / f"{target.key}.log", cwd=ROOT)


def start_mock(server: Server, timeout_s: float) -> None:
    server.start()
    deadline = server.started_at + timeout_s
    port = None
    while port is None:
        for line in server.log_path.read_text(errors="replace").splitlines():
            if line.startswith("PORT "):
                port = int(line.split()[1])
        if port is None:
            if not server.alive():
                raise server.fail("the process exited")
            if time.monotonic() > deadline:
                raise server.fail(f"no port after {timeout_s:g} s")
            time.sleep(0.1)
    server.base_url = f"http://{HOST}:{port}"
    server.wait_ready(answers(server.base_url + "/__mock__/health"), timeout_s)


def prism_server(cpu: int | None, workdir: Path) -> Server:
    if not PRISM_JS.is_file():
        raise BenchError(
            f"Prism is not installed ({PRISM_JS}): run benchmarks/run, which runs npm ci"
        )
    node = shutil.which("node")
    if node is None:
        raise BenchError("node is needed to run Prism")
    port = free_port(HOST)
    # Per-request info logging off (warn), as the mock's access log is; the default is info.
    command = [node, str(PRISM_JS), "mock", "-h", HOST, "-p", str(port), "-v", "warn", str(SPEC)]
    server = Server("Prism", pinned(command, cpu), workdir / "prism.log", cwd=ROOT)
    server.base_url = f"http://{HOST}:{port}"
    return server


def start_prism(server: Server, session_uuid: str, timeout_s: float) -> None:
    server.start()
    probe_url = SCENARIOS["retrieve"].url(server.base_url, session_uuid)
    server.wait_ready(answers(probe_url, AUTHORIZATION), timeout_s)


def create_sessions(base_url: str, count: int) -> str:
    """Creates `count` sessions with distinct parties on the mock; the first one's uuid."""
    uuids = []
    for i in range(count):
        body = json.dumps({"first_party": f"+1202555{1000 + i}", "second_party": f"+1202556{i:04}"})
        answer = http("POST", base_url + SESSIONS_PATH, AUTHORIZATION, body.encode())
        if answer.status != 201:
            raise BenchError(f"create session {i} on the mock: {answer.status} {answer.body!r}")
        uuids.append(str(json.loads(answer.body)["session_uuid"]))
    return uuids[0]


def check_scenario(target: Target, scenario: Scenario, base_url: str, session_uuid: str) -> None:
    """One request of the scenario must answer 200 (on the mock: with the real row / full page)."""
    body = scenario.body.encode() if scenario.body else None
    url = scenario.url(base_url, session_uuid)
    answer = http(scenario.method, url, AUTHORIZATION, body)
    if answer.status != 200:
        raise BenchError(
            f"{target.label}: {scenario.method} {url} answered {answer.status}, not 200: "
            f"{answer.body[:300]!r}"
        )
    if target.kind != "mock":
        return  # Prism answers its example; the baseline {"ok": true}
    data = json.loads(answer.body)
    if scenario.key == "list":
        objects = data["response"]["objects"]
        if len(objects) != LIST_LIMIT:
            raise BenchError(f"{target.label}: list returned {len(objects)} sessions, not 20")
    else:
        found = (data.get("response") or data.get("session") or {}).get("session_uuid")
        if found != session_uuid:
            raise BenchError(f"{target.label}: {scenario.key} returned session {found!r}")


# -- the load generator ------------------------------------------------------------------------


@dataclass(frozen=True)
class Load:
    duration_s: int
    warmup_s: int
    connections: int
    threads: int
    repeat: int
    quiet_wait_s: int
    cpu: int | None


def run_wrk(scenario: Scenario, url: str, load: Load, duration_s: int) -> dict[str, Any]:
    command = pinned(
        [
            "wrk",
            "-t",
            str(load.threads),
            "-c",
            str(load.connections),
            "-d",
            f"{duration_s}s",
            "--timeout",
            f"{WRK_TIMEOUT_S}s",
            "-s",
            str(WRK_SCRIPT),
            url,
        ],
        load.cpu,
    )
    env = {
        **os.environ,
        "BENCH_METHOD": scenario.method,
        "BENCH_AUTH": AUTHORIZATION,
        "BENCH_BODY": scenario.body or "",
    }
    try:
        done = subprocess.run(
            command,
            capture_output=True,
            text=True,
            env=env,
            timeout=duration_s + 30,
            check=False,
            preexec_fn=die_with_parent,
        )
    except subprocess.TimeoutExpired:
        raise BenchError(f"wrk did not finish within {duration_s + 30} s") from None
    for line in done.stdout.splitlines():
        if line.startswith("BENCH_JSON "):
            summary: dict[str, Any] = json.loads(line.removeprefix("BENCH_JSON "))
            return summary
    raise BenchError(f"wrk failed (exit {done.returncode}): {done.stderr.strip() or done.stdout}")


def measure_once(
    target: Target, scenario: Scenario, server: Server, url: str, load: Load
) -> Measurement:
    server_before, wrk_before = server.cpu_seconds(), children_cpu_seconds()
    busy_before, wall_before = machine_busy_seconds(), time.monotonic()
    summary = run_wrk(scenario, url, load, load.duration_s)
    wall = time.monotonic() - wall_before
    busy = machine_busy_seconds() - busy_before
    server_cpu = server.cpu_seconds() - server_before
    wrk_cpu = children_cpu_seconds() - wrk_before
    duration_s = summary["duration_us"] / 1e6
    requests = summary["requests"]
    return Measurement(
        target=target.key,
        scenario=scenario.key,
        requests=requests,
        duration_s=duration_s,
        rps=requests / duration_s,
        latency_ms={name: value / 1000 for name, value in summary["latency_us"].items()},
        errors=summary["errors"],
        bytes_per_response=summary["bytes"] / requests if requests else 0.0,
        server_cpu_pct=100 * server_cpu / wall,
        wrk_cpu_pct=100 * wrk_cpu / wall,
        others_cpu_pct=max(0.0, 100 * (busy - server_cpu - wrk_cpu) / wall),
    )


def machine_load_pct(seconds: float = 1.0) -> float:
    """What all processes used of the CPUs over `seconds`, in % of one core."""
    busy, wall = machine_busy_seconds(), time.monotonic()
    time.sleep(seconds)
    return 100 * (machine_busy_seconds() - busy) / (time.monotonic() - wall)


def wait_quiet(limit_s: int) -> float:
    """Waits, `limit_s` at most, for a second in which the machine uses under NOISY_PCT% of a
    core (the servers idle between runs); the last reading."""
    deadline = time.monotonic() + limit_s
    while True:
        pct = machine_load_pct()
        if pct <= NOISY_PCT or time.monotonic() >= deadline:
            return pct


def measure(
    target: Target, scenario: Scenario, server: Server, session_uuid: str, load: Load
) -> Measurement:
    """A warm-up, then `load.repeat` measured runs: the one with the most requests/s, and all."""
    url = scenario.url(server.base_url, session_uuid)
    if load.warmup_s:
        run_wrk(scenario, url, load, load.warmup_s)
    runs = []
    for _ in range(load.repeat):
        if load.quiet_wait_s:
            wait_quiet(load.quiet_wait_s)
        runs.append(measure_once(target, scenario, server, url, load))
    best = max(runs, key=lambda m: (m.failed == 0, m.rps))
    best.all_rps = [round(m.rps, 1) for m in runs]
    if any(m.failed for m in runs):
        best.errors = {k: sum(m.errors[k] for m in runs) for k in best.errors}
    return best


def run_target(
    target: Target,
    scenarios: Sequence[Scenario],
    *,
    load: Load,
    server_cpu: int | None,
    workdir: Path,
    options: argparse.Namespace,
    session_uuid: str | None,
) -> tuple[TargetRun, str]:
    """Starts the target, measures every scenario, stops it; the run and the session uuid used."""
    run = TargetRun(target.key, target.label)
    if target.kind == "prism":
        server = prism_server(server_cpu, workdir)
    else:
        server = plivo_masking_mock(target, server_cpu, workdir)
    try:
        # Prism and the baseline are stateless: they take any uuid, and get the mock's.
        session_uuid = session_uuid or EXAMPLE_UUID
        if target.kind == "prism":
            start_prism(server, session_uuid, options.start_timeout)
        else:
            start_mock(server, options.start_timeout)
        if target.kind == "mock":
            session_uuid = create_sessions(server.base_url, options.sessions)
        run.ready_after_s = server.ready_after_s
        print(f"  {target.label}: ready after {server.ready_after_s:.1f} s at {server.base_url}")
        for scenario in scenarios:
            check_scenario(target, scenario, server.base_url, session_uuid)
        run.memory_idle = server.memory()
        for scenario in scenarios:
            m = measure(target, scenario, server, session_uuid, load)
            run.measurements[scenario.key] = m
            note = f"  ({m.failed} failed: {m.errors})" if m.failed else ""
            repeats = (
                f" (runs: {', '.join(f'{r:.0f}' for r in m.all_rps)})" if load.repeat > 1 else ""
            )
            print(
                f"    {scenario.label:24} {m.rps:7.0f} req/s{repeats}  p99 "
                f"{m.latency_ms['p99']:6.1f} ms  {m.cpu_us_per_request:5.0f} us CPU/req; "
                f"CPU: server {m.server_cpu_pct:3.0f}%, "
                f"wrk {m.wrk_cpu_pct:3.0f}%, others {m.others_cpu_pct:3.0f}%{note}",
                flush=True,
            )
            if not server.alive():
                raise BenchError(f"{target.label} died during {scenario.key}:\n{server.log_tail()}")
        run.memory_after = server.memory()
    finally:
        server.stop()
    return run, session_uuid


# -- the report --------------------------------------------------------------------------------


def table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]
    line = "| " + " | ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)) + " |"
    rule = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    body = [
        "| " + " | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) + " |" for r in rows
    ]
    return "\n".join([line, rule, *body])


def _rps(m: Measurement | None) -> str:
    if m is None:
        return "-"
    return f"{m.rps:,.0f}" + (" (!)" if m.failed else "") + (" (~)" if m.noisy else "")


def _p99(m: Measurement | None) -> str:
    return "-" if m is None else f"{m.latency_ms['p99']:.2f} ms"


def _ratio(a: Measurement | None, b: Measurement | None) -> str:
    return "-" if a is None or b is None or not b.rps else f"{a.rps / b.rps:.2f}x"


def _cpu(m: Measurement | None) -> str:
    return "-" if m is None else f"{m.server_cpu_pct:.0f}%"


def _us(m: Measurement | None) -> str:
    return "-" if m is None else f"{m.cpu_us_per_request:,.0f} us"


def _others(m: Measurement | None) -> str:
    return "-" if m is None else f"{m.others_cpu_pct:.0f}%"


def _bytes(m: Measurement | None) -> str:
    return "-" if m is None else f"{m.bytes_per_response:,.0f}"


def _mib(memory: Memory | None, peak: bool = False) -> str:
    if memory is None:
        return "-"
    return f"{memory.hwm_mib if peak else memory.rss_mib:.1f} MiB"


def compare(
    runs: dict[str, TargetRun], base: str, other: str, scenarios: Sequence[Scenario]
) -> str:
    a, b = runs[base], runs[other]
    headers = [
        "scenario",
        f"{a.label} req/s",
        f"{b.label} req/s",
        "ratio",
        f"{a.label} p99",
        f"{b.label} p99",
        "server CPU",
        "CPU per request",
        "bytes/response",
        "others' CPU",
    ]
    rows = []
    for s in scenarios:
        ma, mb = a.measurements.get(s.key), b.measurements.get(s.key)
        rows.append(
            [
                s.label,
                _rps(ma),
                _rps(mb),
                _ratio(ma, mb),
                _p99(ma),
                _p99(mb),
                f"{_cpu(ma)} / {_cpu(mb)}",
                f"{_us(ma)} / {_us(mb)}",
                f"{_bytes(ma)} / {_bytes(mb)}",
                f"{_others(ma)} / {_others(mb)}",
            ]
        )
    return table(headers, rows)


def memory_table(runs: dict[str, TargetRun]) -> str:
    headers = ["server", "ready after", "RSS idle", "RSS after run", "peak RSS (VmHWM)"]
    rows = [
        [
            r.label,
            f"{r.ready_after_s:.1f} s",
            _mib(r.memory_idle),
            _mib(r.memory_after),
            _mib(r.memory_after, peak=True),
        ]
        for r in runs.values()
    ]
    return table(headers, rows)


def report(
    runs: dict[str, TargetRun],
    scenarios: Sequence[Scenario],
    machine: dict[str, str],
    load: Load,
) -> str:
    width = max(len(k) for k in machine)
    lines = ["", "## Machine", ""]
    lines += [f"    {name.ljust(width)}  {value}" for name, value in machine.items()]
    best = f", the best of {load.repeat} runs" if load.repeat > 1 else ""
    lines += [
        "",
        f"Load: wrk, {load.threads} thread(s), {load.connections} connections, "
        f"{load.duration_s} s per scenario{best} after a {load.warmup_s} s warm-up, loopback. "
        "Servers one at a time, one process each. server CPU: the server's CPU time / wall time "
        "(100% = one core); below 100% the server waited (for the CPU it shares, or for wrk). "
        "CPU per request: the server's CPU time / requests answered. "
        "others' CPU: what the rest of the machine used meanwhile (% of one core; noise). "
        "Latency p99 is wrk's, queueing behind the other connections included. "
        "ratio: the first server's req/s over the second's.",
    ]
    measurements = [m for r in runs.values() for m in r.measurements.values()]
    if "mock" in runs and "prism" in runs:
        lines += ["", "## The mock against Prism", "", compare(runs, "mock", "prism", scenarios)]
    variants = [key for key in runs if key not in ("mock", "prism")]
    if "mock" in runs and variants:
        lines += ["", "## The mock against variants of itself and bare Starlette", ""]
        for key in variants:
            lines += [compare(runs, "mock", key, scenarios), ""]
    lines += ["", "## Memory (server process, from /proc/PID/status)", "", memory_table(runs)]
    noisy = [m for m in measurements if m.noisy]
    if noisy:
        worst = max(m.others_cpu_pct for m in noisy)
        lines += [
            "",
            f"(~) other processes used more than {NOISY_PCT}% of a core during {len(noisy)} of "
            f"{len(measurements)} measurements (up to {worst:.0f}%): those figures may be low "
            "(less so where the server CPU is still 100%); run again on a quieter machine"
            + ("." if load.repeat > 1 else ", or with --repeat 3 --quiet-wait 60."),
        ]
    if any(m.failed for m in measurements):
        lines += ["", "(!) some requests failed (non-2xx, socket errors or timeouts): see above"]
    return "\n".join(lines)


# -- main ----------------------------------------------------------------------------------------


def _keys(text: str, known: dict[str, Any], what: str) -> list[str]:
    keys = [k.strip() for k in text.split(",") if k.strip()]
    unknown = [k for k in keys if k not in known]
    if unknown or not keys:
        raise argparse.ArgumentTypeError(
            f"unknown {what} {', '.join(unknown) or '(none)'}; known: {', '.join(known)}"
        )
    return keys


def _bounded(low: int, high: int) -> Any:
    def parse(text: str) -> int:
        value = int(text)
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"must be from {low} to {high}")
        return value

    return parse


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="benchmarks/run",
        description="Benchmarks the mock server against Prism on loopback, with wrk.",
    )
    parser.add_argument("--duration", type=_bounded(1, 120), default=10, help="s per scenario (10)")
    parser.add_argument("--warmup", type=_bounded(0, 30), default=2, help="s of warm-up (2)")
    parser.add_argument("--connections", type=_bounded(1, 1000), default=32, help="(32)")
    parser.add_argument("--threads", type=_bounded(1, 8), default=1, help="wrk threads (1)")
    parser.add_argument(
        "--repeat", type=_bounded(1, 5), default=1, help="measured runs per scenario; best counts"
    )
    parser.add_argument(
        "--targets",
        type=lambda t: _keys(t, TARGETS, "target"),
        default=list(DEFAULT_TARGETS),
        help=f"comma-separated, from {', '.join(TARGETS)} ({','.join(DEFAULT_TARGETS)})",
    )
    parser.add_argument(
        "--scenarios",
        type=lambda t: _keys(t, SCENARIOS, "scenario"),
        default=list(SCENARIOS),
        help=f"comma-separated, from {', '.join(SCENARIOS)} (all)",
    )
    parser.add_argument(
        "--sessions", type=_bounded(LIST_LIMIT, 10_000), default=25, help="created first (25)"
    )
    parser.add_argument(
        "--quiet-wait",
        type=_bounded(0, 600),
        default=0,
        metavar="S",
        help=f"before each measured run, wait up to S s for the machine to be quiet (other "
        f"processes under {NOISY_PCT}%% of a core); for shared machines (0: do not wait)",
    )
    parser.add_argument("--start-timeout", type=float, default=60.0, help="s (60)")
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    options = build_parser().parse_args(argv)
    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, _interrupt)
    try:
        return _main(options)
    except BenchError as error:
        print(f"\nbenchmarks: {error}", file=sys.stderr)
        return 2
    except (Interrupted, KeyboardInterrupt) as error:
        print(f"\nbenchmarks: interrupted ({error or 'SIGINT'}); servers stopped", file=sys.stderr)
        return 130


def _main(options: argparse.Namespace) -> int:
    if shutil.which("wrk") is None:
        raise BenchError("wrk is needed (Debian: apt-get install wrk); benchmarks/run installs it")
    server_cpu, load_cpu, pinning = pinning_plan()
    load = Load(
        options.duration,
        options.warmup,
        options.connections,
        options.threads,
        options.repeat,
        options.quiet_wait,
        load_cpu,
    )
    machine = describe(NODE_MODULES, pinning)
    # Prism after the mock, so that it serves the uuid of the session the mock created.
    order = sorted(options.targets, key=lambda k: (TARGETS[k].kind == "prism", k != "mock"))
    scenarios = [SCENARIOS[k] for k in options.scenarios]
    per_scenario = load.warmup_s + load.repeat * load.duration_s
    waits = load.repeat * (load.quiet_wait_s + 1) if load.quiet_wait_s else 0
    bound = len(order) * (options.start_timeout + len(scenarios) * (per_scenario + waits + 90))
    print(
        f"benchmarks: {', '.join(TARGETS[k].label for k in order)}; "
        f"{', '.join(s.key for s in scenarios)}; {pinning}; "
        f"about {len(order) * len(scenarios) * per_scenario} s of load "
        f"(bounded at {bound:.0f} s)",
        flush=True,
    )
    idle = machine_load_pct()
    print(f"  before start, other processes used {idle:.0f}% of a core", flush=True)
    machine["load before start"] = f"{idle:.0f}% of one core (other processes)"
    runs: dict[str, TargetRun] = {}
    session_uuid: str | None = None
    with tempfile.TemporaryDirectory(prefix="mock-bench-") as tmp:
        for key in order:
            runs[key], uuid = run_target(
                TARGETS[key],
                scenarios,
                load=load,
                server_cpu=server_cpu,
                workdir=Path(tmp),
                options=options,
                session_uuid=session_uuid,
            )
            if TARGETS[key].kind == "mock" and session_uuid is None:
                session_uuid = uuid
    print(report(runs, scenarios, machine, load))
    if options.json:
        data = {
            "machine": machine,
            "load": asdict(load),
            "runs": {
                key: {
                    **asdict(run),
                    "memory_idle": run.memory_idle and asdict(run.memory_idle),
                    "memory_after": run.memory_after and asdict(run.memory_after),
                }
                for key, run in runs.items()
            },
        }
        Path(options.json).write_text(json.dumps(data, indent=2) + "\n")
    failed = any(m.failed for r in runs.values() for m in r.measurements.values())
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
