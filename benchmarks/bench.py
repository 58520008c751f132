"""Benchmarks of the mock server: as `plivo-masking-mock serve` starts it, its variants, the
framework floor (bare Starlette on the same uvicorn, answering a constant body of the size of the
mock's real answer) and a peer, Prism (Stoplight's spec-driven, stateless mock).

    benchmarks/run [--duration 5] [--connections 1,16,64] [--targets LIST] [--json FILE]

For each target in turn (never two under load at once): start it on a free loopback port, pinned
to one core; wait until it answers; on the mock, create real sessions first (so that retrieve and
update hit a real row and list returns a full page); check each scenario's request once (its
status, and the real row on the mock); then for each scenario and each connection count a warm-up
and `--repeat` measured `wrk` runs of fixed duration (the best one counts), wrk pinned to another
core; then memory from /proc; then stop it. Expire needs a live session per request: it runs on a
second start of the target, seeded with enough sessions of known uuids. Then the scaling phase
(retrieve, update and a filtered list with 1,000, 10,000 and 100,000 stored sessions) and the
contract suite's run time. Prints the machine, then the figures side by side with ratios. Every
run is bounded in time.

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
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from types import FrameType
from typing import Any
from urllib.parse import quote

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
from plivo_masking_mock.seeding import party, session_uuid

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
CHECK_CREATE_BODY = '{"first_party": "+14069999999", "second_party": "+14079999999"}'
FILTER_PARTY = "+12025551000"  # the first party of the first session the benchmark creates
WRK_TIMEOUT_S = 5
EXAMPLE_UUID = "c28b77d4-21e7-43bd-9447-04bfee92e651"  # the spec's examples'
EXPIRE_RATE_BOUND = 8_000  # req/s no target reaches here: sizes the sessions seeded for expire
SCALING_SIZES = (1_000, 10_000, 100_000)
SCALING_SCENARIOS = ("retrieve", "update", "filtered")
GOALS = {"update": 0.5, "retrieve": 0.5, "expire": 0.5, "list": 0.3}  # x the floor at c16
GOAL_P99_MS = 10.0
GOAL_CONNECTIONS = 16


@dataclass(frozen=True)
class Scenario:
    key: str
    label: str
    method: str
    path: str  # `{uuid}`: the session created on the mock
    body: str | None = None
    mode: str = "plain"  # see wrk.lua: plain, create, expire
    status: int = 200

    def url(self, base_url: str, session_uuid: str) -> str:
        return base_url + self.path.format(uuid=session_uuid)


SCENARIOS = {
    s.key: s
    for s in (
        Scenario("retrieve", "GET retrieve a session", "GET", SESSIONS_PATH + "/{uuid}"),
        Scenario("update", "POST update a session", "POST", SESSIONS_PATH + "/{uuid}", UPDATE_BODY),
        Scenario(
            "list", f"GET list (limit {LIST_LIMIT})", "GET", f"{SESSIONS_PATH}?limit={LIST_LIMIT}"
        ),
        Scenario(
            "filtered",
            "GET list filtered (first_party)",
            "GET",
            f"{SESSIONS_PATH}?limit={LIST_LIMIT}&first_party={quote(FILTER_PARTY)}",
        ),
        Scenario(
            "create",
            "POST create a session",
            "POST",
            SESSIONS_PATH,
            mode="create",
            status=201,
        ),
        Scenario(
            "expire", "DELETE expire a session", "DELETE", SESSIONS_PATH + "/{uuid}", mode="expire"
        ),
    )
}


@dataclass(frozen=True)
class Target:
    key: str
    label: str
    kind: str  # "serve" (the CLI), "mock" (benchmarks.serve_mock), "prism" or "baseline"
    args: tuple[str, ...] = ()
    before: bool = False  # the code of --before-src, not the work tree's

    @property
    def is_mock(self) -> bool:
        return self.kind in ("serve", "mock")


TARGETS = {
    t.key: t
    for t in (
        Target("serve", "mock (serve, default)", "serve"),
        Target("serve-before", "mock before (serve, default)", "serve", before=True),
        Target("accesslog", "mock + access log", "serve", ("--access-log",)),
        Target("filedb", "mock, SQLite file", "serve", ("--db", "{workdir}/sessions.db")),
        Target(
            "baseline",
            "floor (bare Starlette)",
            "baseline",
            ("--http", "httptools", "--loop", "uvloop"),
        ),
        Target("prism", "Prism", "prism"),
        Target(
            "mock", "mock (httptools+uvloop)", "mock", ("--http", "httptools", "--loop", "uvloop")
        ),
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
            "baseline-h11",
            "floor (bare Starlette, h11+asyncio+NODELAY)",
            "baseline",
            ("--http", "h11", "--loop", "asyncio", "--tcp-proto"),
        ),
    )
}
DEFAULT_TARGETS = ("serve", "accesslog", "filedb", "baseline", "prism")
NOISY_PCT = 20  # others' CPU, in % of one core, above which a figure is flagged


@dataclass
class Measurement:
    target: str
    scenario: str
    connections: int
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


def key_of(scenario: str, connections: int) -> str:
    return f"{scenario}@{connections}"


@dataclass
class TargetRun:
    target: str
    label: str
    ready_after_s: float = 0.0
    memory_idle: Memory | None = None
    memory_after: Memory | None = None
    measurements: dict[str, Measurement] = field(default_factory=dict)  # key_of(...)
    skipped: dict[str, str] = field(default_factory=dict)  # scenario -> why


@dataclass
class ScalingRun:
    sessions: int
    seed_s: float
    memory: Memory | None
    measurements: dict[str, Measurement] = field(default_factory=dict)  # by scenario


class Interrupted(Exception):
    pass


def _interrupt(signum: int, _: FrameType | None) -> None:
    raise Interrupted(signal.Signals(signum).name)


# -- the servers -------------------------------------------------------------------------------


def mock_server(
    target: Target,
    cpu: int | None,
    workdir: Path,
    options: argparse.Namespace,
    *,
    seed: int = 0,
    bodies: Path | None = None,
    tag: str = "",
) -> Server:
    """The mock (or the floor) under the CLI or `benchmarks.serve_mock`."""
    args = [arg.format(workdir=workdir) for arg in target.args]
    if seed:
        args += ["--seed", str(seed)]
    if bodies is not None:
        args += ["--bodies", str(bodies)]
    env = None
    if target.kind == "serve":
        command = [
            sys.executable,
            "-m",
            "plivo_masking_mock",
            "serve",
            "--host",
            HOST,
            "--port",
            "0",
        ]
        if target.before:
            env = {**os.environ, "PYTHONPATH": str(Path(options.before_src).resolve())}
    else:
        args += ["--baseline"] if target.kind == "baseline" else []
        command = [sys.executable, "-m", "benchmarks.serve_mock", "--host", HOST]
    log = workdir / f"{target.key}{tag}.log"
    return Server(target.label, pinned([*command, *args], cpu), log, env=env, cwd=ROOT)


def start_mock(server: Server, timeout_s: float) -> None:
    server.start()
    deadline = server.started_at + timeout_s
    port = None
    while port is None:
        for line in server.log_path.read_text(errors="replace").splitlines():
            if line.startswith("PORT "):
                port = int(line.split()[1])
            elif "listening on http://" in line:
                port = int(line.rsplit(":", 1)[1])
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


def check_scenario(target: Target, scenario: Scenario, base_url: str, session_uuid: str) -> bytes:
    """One request of the scenario must answer its status (on the mock: with the real row or a
    full page); the body it answered."""
    body = scenario.body.encode() if scenario.body else None
    if scenario.mode == "create":
        body = CHECK_CREATE_BODY.encode()
    url = scenario.url(base_url, session_uuid)
    # The header that wrk sends too: the floor answers the scenario's status and body by it.
    scenario_header = {"X-Bench-Scenario": scenario.key}
    answer = http(scenario.method, url, AUTHORIZATION, body, extra_headers=scenario_header)
    if answer.status != scenario.status:
        raise BenchError(
            f"{target.label}: {scenario.method} {url} answered {answer.status}, not "
            f"{scenario.status}: {answer.body[:300]!r}"
        )
    if not target.is_mock:
        return answer.body  # Prism answers its example; the floor its constant
    data = json.loads(answer.body)
    if scenario.key == "list":
        objects = data["response"]["objects"]
        if len(objects) != LIST_LIMIT:
            raise BenchError(f"{target.label}: list returned {len(objects)} sessions, not 20")
    elif scenario.key == "filtered":
        if data["response"]["meta"]["total_count"] < 1:
            raise BenchError(f"{target.label}: the filtered list found no session")
    elif scenario.key in ("retrieve", "update"):
        found = (data.get("response") or data.get("session") or {}).get("session_uuid")
        if found != session_uuid:
            raise BenchError(f"{target.label}: {scenario.key} returned session {found!r}")
    return answer.body


# -- the load generator ------------------------------------------------------------------------


@dataclass(frozen=True)
class Load:
    duration_s: int
    warmup_s: int
    connections: tuple[int, ...]
    threads: int
    repeat: int
    quiet_wait_s: int
    cpu: int | None


@dataclass
class Feed:
    """Where create and expire requests go on from (see wrk.lua), across the runs of a target."""

    offset: int = 0
    uuids_file: Path | None = None


def run_wrk(
    scenario: Scenario, url: str, load: Load, connections: int, duration_s: int, *, feed: Feed
) -> dict[str, Any]:
    command = pinned(
        [
            "wrk",
            "-t",
            str(load.threads),
            "-c",
            str(connections),
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
        "BENCH_SCENARIO": scenario.key,
        "BENCH_MODE": scenario.mode,
        "BENCH_OFFSET": str(feed.offset),
        "BENCH_UUIDS": str(feed.uuids_file or ""),
        "BENCH_PREFIX": SESSIONS_PATH + "/",
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
            # Requests still in flight when wrk stopped were sent too: skip past them.
            feed.offset += int(summary["requests"]) + connections + 8
            return summary
    raise BenchError(f"wrk failed (exit {done.returncode}): {done.stderr.strip() or done.stdout}")


def measure_once(
    target: Target,
    scenario: Scenario,
    server: Server,
    url: str,
    load: Load,
    *,
    connections: int,
    feed: Feed,
) -> Measurement:
    server_before, wrk_before = server.cpu_seconds(), children_cpu_seconds()
    busy_before, wall_before = machine_busy_seconds(), time.monotonic()
    summary = run_wrk(scenario, url, load, connections, load.duration_s, feed=feed)
    wall = time.monotonic() - wall_before
    busy = machine_busy_seconds() - busy_before
    server_cpu = server.cpu_seconds() - server_before
    wrk_cpu = children_cpu_seconds() - wrk_before
    duration_s = summary["duration_us"] / 1e6
    requests = summary["requests"]
    return Measurement(
        target=target.key,
        scenario=scenario.key,
        connections=connections,
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
    target: Target,
    scenario: Scenario,
    server: Server,
    session_uuid: str,
    load: Load,
    *,
    connections: int,
    feed: Feed,
) -> Measurement:
    """A warm-up, then `load.repeat` measured runs: the one with the most requests/s, and all."""
    url = scenario.url(server.base_url, session_uuid)
    if load.warmup_s:
        run_wrk(scenario, url, load, connections, load.warmup_s, feed=feed)
    runs = []
    for _ in range(load.repeat):
        if load.quiet_wait_s:
            wait_quiet(load.quiet_wait_s)
        runs.append(
            measure_once(target, scenario, server, url, load, connections=connections, feed=feed)
        )
    best = max(runs, key=lambda m: (m.failed == 0, m.rps))
    best.all_rps = [round(m.rps, 1) for m in runs]
    if any(m.failed for m in runs):
        best.errors = {k: sum(m.errors[k] for m in runs) for k in best.errors}
    return best


def _print(label: str, m: Measurement, repeat: int) -> None:
    note = f"  ({m.failed} failed: {m.errors})" if m.failed else ""
    repeats = f" (runs: {', '.join(f'{r:.0f}' for r in m.all_rps)})" if repeat > 1 else ""
    print(
        f"    {label:34} c{m.connections:<3} {m.rps:7.0f} req/s{repeats}  p50 "
        f"{m.latency_ms['p50']:6.2f} ms  p99 {m.latency_ms['p99']:6.2f} ms  "
        f"{m.cpu_us_per_request:5.0f} us CPU/req; CPU: server {m.server_cpu_pct:3.0f}%, "
        f"wrk {m.wrk_cpu_pct:3.0f}%, others {m.others_cpu_pct:3.0f}%{note}",
        flush=True,
    )


def expire_seed(load: Load) -> int:
    """Sessions enough for every expire request of one target's runs, at any rate reached."""
    seconds = len(load.connections) * (load.warmup_s + load.repeat * load.duration_s)
    return min(1_000_000, EXPIRE_RATE_BOUND * seconds + 1_000)


def start_target(
    target: Target,
    server_cpu: int | None,
    workdir: Path,
    options: argparse.Namespace,
    session_uuid: str,
    *,
    seed: int = 0,
    bodies: Path | None = None,
    tag: str = "",
) -> Server:
    if target.kind == "prism":
        server = prism_server(server_cpu, workdir)
        start_prism(server, session_uuid, options.start_timeout)
    else:
        server = mock_server(
            target, server_cpu, workdir, options, seed=seed, bodies=bodies, tag=tag
        )
        start_mock(server, options.start_timeout)
    return server


def write_bodies(path: Path, bodies: dict[str, bytes]) -> None:
    """The floor's answers: scenario -> [status, body], the status that scenario expects."""
    path.write_text(json.dumps({k: [SCENARIOS[k].status, v.decode()] for k, v in bodies.items()}))


def run_target(
    target: Target,
    scenarios: Sequence[Scenario],
    *,
    load: Load,
    server_cpu: int | None,
    workdir: Path,
    options: argparse.Namespace,
    session_uuid: str | None,
    bodies: dict[str, bytes],
) -> tuple[TargetRun, str]:
    """Starts the target, measures every scenario, stops it; the run and the session uuid used.

    The first mock's real answers go into `bodies`, by scenario: the floor answers them.
    """
    run = TargetRun(target.key, target.label)
    # Prism and the floor are stateless: they take any uuid, and get the mock's.
    session_uuid = session_uuid or EXAMPLE_UUID
    bodies_file = None
    if target.kind == "baseline":
        bodies_file = workdir / "bodies.json"
        write_bodies(bodies_file, bodies)
    plain = [s for s in scenarios if s.mode != "expire"]
    expire = [s for s in scenarios if s.mode == "expire"]
    server = start_target(target, server_cpu, workdir, options, session_uuid, bodies=bodies_file)
    try:
        if target.is_mock:
            session_uuid = create_sessions(server.base_url, options.sessions)
        run.ready_after_s = server.ready_after_s
        print(f"  {target.label}: ready after {server.ready_after_s:.1f} s at {server.base_url}")
        for scenario in plain:
            try:
                answer = check_scenario(target, scenario, server.base_url, session_uuid)
            except BenchError as error:
                if target.is_mock:
                    raise
                run.skipped[scenario.key] = str(error)[:160]  # a peer that cannot: noted
                continue
            if target.is_mock:
                bodies.setdefault(scenario.key, answer)
        run.memory_idle = server.memory()
        for scenario in plain:
            if scenario.key in run.skipped:
                continue
            feed = Feed()
            for connections in load.connections:
                m = measure(
                    target, scenario, server, session_uuid, load, connections=connections, feed=feed
                )
                run.measurements[key_of(scenario.key, connections)] = m
                _print(scenario.label, m, load.repeat)
                if not server.alive():
                    raise BenchError(
                        f"{target.label} died during {scenario.key}:\n{server.log_tail()}"
                    )
        run.memory_after = server.memory()
    finally:
        server.stop()
    for scenario in expire:
        measure_expire(
            target,
            scenario,
            run,
            load,
            server_cpu=server_cpu,
            workdir=workdir,
            options=options,
            bodies=bodies,
        )
    return run, session_uuid


def measure_expire(
    target: Target,
    scenario: Scenario,
    run: TargetRun,
    load: Load,
    *,
    server_cpu: int | None,
    workdir: Path,
    options: argparse.Namespace,
    bodies: dict[str, bytes],
) -> None:
    """Expire, on a second start of the target seeded with sessions of known uuids."""
    if target.before:
        run.skipped[scenario.key] = "the code before has no seeding"
        return
    count = expire_seed(load) if target.is_mock else 0
    uuids = [session_uuid(DEMO_AUTH_ID, index) for index in range(max(count, expire_seed(load)))]
    uuids_file = workdir / "expire-uuids.txt"
    uuids_file.write_text("\n".join(uuids[:-1]) + "\n")  # the last one: the check's
    bodies_file = None
    if target.kind == "baseline":
        bodies_file = workdir / "bodies.json"
        write_bodies(bodies_file, bodies)
    server = start_target(
        target,
        server_cpu,
        workdir,
        options,
        EXAMPLE_UUID,
        seed=count,
        bodies=bodies_file,
        tag="-expire",
    )
    try:
        print(
            f"  {target.label}, {count:,} sessions seeded: ready after {server.ready_after_s:.1f} s"
        )
        answer = check_scenario(target, scenario, server.base_url, uuids[-1])
        if target.is_mock:
            bodies.setdefault(scenario.key, answer)
        feed = Feed(uuids_file=uuids_file)
        for connections in load.connections:
            m = measure(
                target, scenario, server, uuids[-1], load, connections=connections, feed=feed
            )
            run.measurements[key_of(scenario.key, connections)] = m
            _print(scenario.label, m, load.repeat)
    finally:
        server.stop()


def run_scaling(
    target: Target,
    load: Load,
    server_cpu: int | None,
    workdir: Path,
    options: argparse.Namespace,
    *,
    sizes: Sequence[int],
) -> list[ScalingRun]:
    """Retrieve, update and a filtered list with N stored sessions, at GOAL_CONNECTIONS."""
    runs = []
    for size in sizes:
        middle = size // 2
        uuid = session_uuid(DEMO_AUTH_ID, middle)
        started = time.monotonic()
        server = start_target(target, server_cpu, workdir, options, uuid, seed=size, tag=f"-{size}")
        try:
            run = ScalingRun(size, time.monotonic() - started, server.memory())
            print(
                f"  {target.label}, {size:,} sessions seeded: ready after "
                f"{run.seed_s:.1f} s, RSS {run.memory.rss_mib if run.memory else 0:.1f} MiB"
            )
            filtered = Scenario(
                "filtered",
                "GET list filtered (first_party)",
                "GET",
                f"{SESSIONS_PATH}?limit={LIST_LIMIT}&first_party={quote(party(2 * middle))}",
            )
            for key in SCALING_SCENARIOS:
                scenario = filtered if key == "filtered" else SCENARIOS[key]
                check_scenario(target, scenario, server.base_url, uuid)
                m = measure(
                    target, scenario, server, uuid, load, connections=GOAL_CONNECTIONS, feed=Feed()
                )
                run.measurements[key] = m
                _print(f"{scenario.label} ({size:,})", m, load.repeat)
            runs.append(run)
        finally:
            server.stop()
    return runs


def run_contract(workdir: Path) -> dict[str, Any]:
    """The contract suite against the bundled mock: its cases, total time, cases per second."""
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "plivo_masking_contract", "--reports-dir", str(workdir / "reports")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
        check=False,
        preexec_fn=die_with_parent,
    )
    total = time.monotonic() - started
    cases, sent_s = 0, 0.0
    for line in done.stdout.splitlines():
        words = line.split()
        if "cases sent in" in line and words[0].isdigit():
            cases, sent_s = int(words[0]), float(words[4])
    return {
        "exit_status": done.returncode,
        "cases": cases,
        "cases_sent_s": sent_s,
        "total_s": round(total, 1),
        "cases_per_s": round(cases / sent_s, 1) if sent_s else 0.0,
        "line": next(
            (line.strip() for line in done.stdout.splitlines() if "cases sent in" in line), ""
        ),
    }


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


def _ms(m: Measurement | None, name: str) -> str:
    return "-" if m is None else f"{m.latency_ms[name]:.2f}"


def _ratio(a: Measurement | None, b: Measurement | None) -> str:
    return "-" if a is None or b is None or not b.rps else f"{a.rps / b.rps:.2f}x"


def _cpu_ratio(a: Measurement | None, b: Measurement | None) -> str:
    if a is None or b is None or not a.cpu_us_per_request:
        return "-"
    return f"{b.cpu_us_per_request / a.cpu_us_per_request:.2f}x"


def _us(m: Measurement | None) -> str:
    return "-" if m is None else f"{m.cpu_us_per_request:,.0f}"


def _bytes(m: Measurement | None) -> str:
    return "-" if m is None else f"{m.bytes_per_response:,.0f}"


def _mib(memory: Memory | None, peak: bool = False) -> str:
    if memory is None:
        return "-"
    return f"{memory.hwm_mib if peak else memory.rss_mib:.1f} MiB"


def matrix(run: TargetRun, scenarios: Sequence[Scenario], load: Load) -> str:
    headers = [
        "scenario",
        "conns",
        "req/s",
        "p50 ms",
        "p99 ms",
        "CPU us/req",
        "server CPU",
        "bytes/resp",
        "others' CPU",
    ]
    rows = []
    for s in scenarios:
        if s.key in run.skipped:
            why = run.skipped[s.key][:70]
            rows.append([s.label, "-", f"skipped: {why}", "", "", "", "", "", ""])
            continue
        for c in load.connections:
            m = run.measurements.get(key_of(s.key, c))
            rows.append(
                [
                    s.label,
                    str(c),
                    _rps(m),
                    _ms(m, "p50"),
                    _ms(m, "p99"),
                    _us(m),
                    "-" if m is None else f"{m.server_cpu_pct:.0f}%",
                    _bytes(m),
                    "-" if m is None else f"{m.others_cpu_pct:.0f}%",
                ]
            )
    return table(headers, rows)


def compare(
    runs: dict[str, TargetRun], base: str, other: str, scenarios: Sequence[Scenario], c: int
) -> str:
    a, b = runs[base], runs[other]
    headers = [
        "scenario",
        f"{a.label} req/s",
        f"{b.label} req/s",
        "req/s ratio",
        "CPU us/req",
        "CPU ratio",
        "p99 ms",
        "bytes/response",
    ]
    rows = []
    for s in scenarios:
        ma, mb = a.measurements.get(key_of(s.key, c)), b.measurements.get(key_of(s.key, c))
        rows.append(
            [
                s.label,
                _rps(ma),
                _rps(mb),
                _ratio(ma, mb),
                f"{_us(ma)} / {_us(mb)}",
                _cpu_ratio(ma, mb),
                f"{_ms(ma, 'p99')} / {_ms(mb, 'p99')}",
                f"{_bytes(ma)} / {_bytes(mb)}",
            ]
        )
    return table(headers, rows)


def goals_table(runs: dict[str, TargetRun]) -> str:
    mock, floor = runs.get("serve"), runs.get("baseline")
    if mock is None or floor is None:
        return "(needs the targets serve and baseline)"
    rows = []
    for key, goal in GOALS.items():
        m = mock.measurements.get(key_of(key, GOAL_CONNECTIONS))
        f = floor.measurements.get(key_of(key, GOAL_CONNECTIONS))
        ratio = m.rps / f.rps if m and f and f.rps else 0.0
        cpu_ratio = (
            f.cpu_us_per_request / m.cpu_us_per_request if m and f and m.cpu_us_per_request else 0.0
        )
        p99 = m.latency_ms["p99"] if m else float("inf")
        p99_goal = key != "list"
        met = ratio >= goal and (not p99_goal or p99 <= GOAL_P99_MS)
        rows.append(
            [
                SCENARIOS[key].label,
                _rps(m),
                _rps(f),
                f"{ratio:.2f}x",
                f"{cpu_ratio:.2f}x",
                f">= {goal}x" + (f", p99 <= {GOAL_P99_MS:g} ms" if p99_goal else ""),
                f"{p99:.2f}" if m else "-",
                "met" if met else "NOT met",
            ]
        )
    headers = [
        "scenario (c16)",
        "mock req/s",
        "floor req/s",
        "req/s ratio",
        "CPU/req ratio (floor/mock)",
        "goal",
        "mock p99 ms",
        "",
    ]
    return table(headers, rows)


def scaling_table(runs: list[ScalingRun]) -> str:
    if not runs:
        return "(not run)"
    headers = [
        "sessions",
        "seed + start",
        "RSS",
        *(f"{k} req/s / p99 ms / CPU us" for k in SCALING_SCENARIOS),
    ]
    rows = []
    for r in runs:
        cells = []
        for k in SCALING_SCENARIOS:
            m = r.measurements.get(k)
            cells.append("-" if m is None else f"{_rps(m)} / {_ms(m, 'p99')} / {_us(m)}")
        rows.append([f"{r.sessions:,}", f"{r.seed_s:.1f} s", _mib(r.memory), *cells])
    first, last = runs[0], runs[-1]
    ratio_cells = []
    for k in SCALING_SCENARIOS:
        a, b = first.measurements.get(k), last.measurements.get(k)
        if a and b:
            cpu = b.cpu_us_per_request / a.cpu_us_per_request
            ratio_cells.append(f"{a.rps / b.rps:.2f}x slower (CPU/req {cpu:.2f}x)")
        else:
            ratio_cells.append("-")
    rows.append([f"{first.sessions:,} -> {last.sessions:,}", "", "", *ratio_cells])
    text = table(headers, rows)
    if first.memory and last.memory and last.sessions > first.sessions:
        per = (last.memory.rss_kib - first.memory.rss_kib) * 1024 / (last.sessions - first.sessions)
        text += f"\n\nMemory per stored session (in memory): {per:,.0f} bytes of RSS"
    return text


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
    scaling: list[ScalingRun],
    *,
    contract: dict[str, Any] | None,
) -> str:
    width = max(len(k) for k in machine)
    lines = ["", "## Machine", ""]
    lines += [f"    {name.ljust(width)}  {value}" for name, value in machine.items()]
    best = f", the best of {load.repeat} runs" if load.repeat > 1 else ""
    lines += [
        "",
        f"Load: wrk, {load.threads} thread(s), {', '.join(map(str, load.connections))} "
        f"connections, {load.duration_s} s per scenario{best} after a {load.warmup_s} s warm-up, "
        "loopback. Servers one at a time, one process each. server CPU: the server's CPU time / "
        "wall time (100% = one core). CPU us/req: the server's CPU time / requests answered "
        "(the figure least moved by a shared machine). others' CPU: what the rest of the machine "
        "used meanwhile (% of one core; noise). Latency is wrk's, queueing behind the other "
        "connections included. The floor answers each scenario's real body, byte for byte.",
    ]
    lines += [
        "",
        f"## Goals (concurrency {GOAL_CONNECTIONS}, the mock as `serve` starts it)",
        "",
        goals_table(runs),
    ]
    for run in runs.values():
        lines += ["", f"## {run.label}", "", matrix(run, scenarios, load)]
    if "serve" in runs:
        for key, other in runs.items():
            if key != "serve":
                lines += [
                    "",
                    f"## {runs['serve'].label} against {other.label} "
                    f"(concurrency {GOAL_CONNECTIONS})",
                    "",
                    compare(runs, "serve", key, scenarios, GOAL_CONNECTIONS),
                ]
    lines += [
        "",
        f"## Scaling (concurrency {GOAL_CONNECTIONS}, in memory)",
        "",
        scaling_table(scaling),
    ]
    lines += ["", "## Memory (server process, from /proc/PID/status)", "", memory_table(runs)]
    if contract is not None:
        lines += [
            "",
            "## The contract suite against the bundled mock",
            "",
            f"    {contract['line']}",
            f"    {contract['cases']} cases, {contract['cases_per_s']} cases/s while sending; "
            f"{contract['total_s']} s in all (exit status {contract['exit_status']})",
        ]
    measurements = [m for r in runs.values() for m in r.measurements.values()]
    measurements += [m for r in scaling for m in r.measurements.values()]
    noisy = [m for m in measurements if m.noisy]
    if noisy:
        worst = max(m.others_cpu_pct for m in noisy)
        lines += [
            "",
            f"(~) other processes used more than {NOISY_PCT}% of a core during {len(noisy)} of "
            f"{len(measurements)} measurements (up to {worst:.0f}%): those req/s may be low; "
            "CPU per request is the steadier figure.",
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


def _counts(low: int, high: int) -> Any:
    one = _bounded(low, high)

    def parse(text: str) -> tuple[int, ...]:
        return tuple(one(part) for part in text.split(",") if part.strip())

    return parse


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="benchmarks/run",
        description="Benchmarks the mock server against its framework floor and Prism on "
        "loopback, with wrk.",
    )
    parser.add_argument("--duration", type=_bounded(1, 120), default=5, help="s per run (5)")
    parser.add_argument("--warmup", type=_bounded(0, 30), default=1, help="s of warm-up (1)")
    parser.add_argument(
        "--connections", type=_counts(1, 1000), default=(1, 16, 64), help="list (1,16,64)"
    )
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
        "--scaling",
        type=_counts(0, 1_000_000),
        default=SCALING_SIZES,
        help="stored sessions of the scaling phase (1000,10000,100000; 0: skip it)",
    )
    parser.add_argument("--no-contract", action="store_true", help="skip the contract suite run")
    parser.add_argument(
        "--before-src",
        metavar="DIR",
        help="for the target serve-before: a directory holding an older plivo_masking_mock "
        "(e.g. git archive <commit> packages/mock | tar -x -C DIR, then DIR/packages/mock)",
    )
    add_run_options(parser)
    return parser


def add_run_options(parser: argparse.ArgumentParser) -> None:
    """The options every benchmark entry point has: sessions, quiet wait, start timeout, JSON."""
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


def run_guarded(run: Callable[[argparse.Namespace], int], options: argparse.Namespace) -> int:
    """`run(options)` with wrk present, its servers stopped on SIGTERM/SIGHUP/Ctrl-C, and a
    failure as one line: exit 2 for a server or tool, 130 when interrupted."""
    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, _interrupt)
    try:
        if shutil.which("wrk") is None:
            raise BenchError(
                "wrk is needed (Debian: apt-get install wrk); benchmarks/run installs it"
            )
        return run(options)
    except BenchError as error:
        print(f"\nbenchmarks: {error}", file=sys.stderr)
        return 2
    except (Interrupted, KeyboardInterrupt) as error:
        print(f"\nbenchmarks: interrupted ({error or 'SIGINT'}); servers stopped", file=sys.stderr)
        return 130


def main(argv: Sequence[str] | None = None) -> int:
    return run_guarded(_main, build_parser().parse_args(argv))


def _main(options: argparse.Namespace) -> int:
    if "serve-before" in options.targets and not options.before_src:
        raise BenchError("the target serve-before needs --before-src DIR")
    server_cpu, load_cpu, pinning = pinning_plan()
    load = Load(
        options.duration,
        options.warmup,
        tuple(options.connections),
        options.threads,
        options.repeat,
        options.quiet_wait,
        load_cpu,
    )
    machine = describe(NODE_MODULES, pinning)
    # The mocks first (the floor answers their bodies, Prism their uuid), then the floor, Prism.
    rank = {"serve": 0, "mock": 1, "baseline": 2, "prism": 3}
    order = sorted(options.targets, key=lambda k: (rank[TARGETS[k].kind], k != "serve"))
    scenarios = [SCENARIOS[k] for k in options.scenarios]
    per_run = load.warmup_s + load.repeat * load.duration_s
    sizes = [size for size in options.scaling if size]
    load_s = len(order) * len(scenarios) * len(load.connections) * per_run
    load_s += len(sizes) * len(SCALING_SCENARIOS) * per_run
    print(
        f"benchmarks: {', '.join(TARGETS[k].label for k in order)}; "
        f"{', '.join(s.key for s in scenarios)} at {', '.join(map(str, load.connections))} "
        f"connections; scaling {', '.join(f'{n:,}' for n in sizes) or 'off'}; {pinning}; "
        f"about {load_s} s of load, plus starts, seeding"
        + ("" if options.no_contract else " and the contract suite (~1-2 min)"),
        flush=True,
    )
    idle = machine_load_pct()
    print(f"  before start, other processes used {idle:.0f}% of a core", flush=True)
    machine["load before start"] = f"{idle:.0f}% of one core (other processes)"
    runs: dict[str, TargetRun] = {}
    scaling: list[ScalingRun] = []
    contract = None
    session_uuid: str | None = None
    bodies: dict[str, bytes] = {}
    with tempfile.TemporaryDirectory(prefix="mock-bench-") as tmp:
        for key in order:
            if TARGETS[key].kind == "prism":
                try:
                    runs[key], _ = run_target(
                        TARGETS[key],
                        scenarios,
                        load=load,
                        server_cpu=server_cpu,
                        workdir=Path(tmp),
                        options=options,
                        session_uuid=session_uuid,
                        bodies=bodies,
                    )
                except BenchError as error:  # a peer that fails is reported, not fatal
                    print(f"  {TARGETS[key].label}: left out: {str(error)[:300]}", flush=True)
                continue
            runs[key], uuid = run_target(
                TARGETS[key],
                scenarios,
                load=load,
                server_cpu=server_cpu,
                workdir=Path(tmp),
                options=options,
                session_uuid=session_uuid,
                bodies=bodies,
            )
            if TARGETS[key].is_mock and session_uuid is None:
                session_uuid = uuid
        if sizes:
            scaling = run_scaling(
                TARGETS["serve"], load, server_cpu, Path(tmp), options, sizes=sizes
            )
        if not options.no_contract:
            print("  the contract suite against the bundled mock ...", flush=True)
            contract = run_contract(Path(tmp))
            print(f"    {contract['line']}; {contract['total_s']} s in all", flush=True)
    print(report(runs, scenarios, machine, load, scaling, contract=contract))
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
            "scaling": [asdict(run) for run in scaling],
            "contract": contract,
        }
        Path(options.json).write_text(json.dumps(data, indent=2) + "\n")
    measurements = [m for r in runs.values() for m in r.measurements.values()]
    failed = any(m.failed for m in measurements)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
