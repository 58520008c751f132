"""The speed goals, measured side by side in time: the mock and its floor, up at once, run by turns.

The main phase of `benchmarks.bench` measures one server after the other, minutes apart; on a
shared machine the floor itself moves by a third between two such runs (2026-12-02: its CPU per
retrieve went from 52 to 91 us within the hour), and a ratio of figures taken minutes apart
carries that noise. Here both servers are up (each pinned to the same core, the idle one
costing nothing) and every round measures each goal scenario on both, back to back, the order
swapped every round; a ratio is taken within a round, and the median of the rounds counts.

- the mock as `plivo-masking-mock serve` starts it, with the benchmark's 25 sessions (retrieve,
  update, list) and a second one seeded with sessions for expire (one per request);
- the floor answering each scenario's real body (`benchmarks.serve_mock --baseline --bodies`).

A benchmark, never a test: it prints figures and says whether each goal was met.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.bench import (
    EXPIRE_RATE_BOUND,
    GOAL_CONNECTIONS,
    GOAL_P99_MS,
    GOALS,
    NODE_MODULES,
    SCENARIOS,
    TARGETS,
    Feed,
    Load,
    Measurement,
    Scenario,
    Target,
    _bounded,
    add_run_options,
    check_scenario,
    create_sessions,
    measure_once,
    run_guarded,
    run_wrk,
    start_target,
    table,
    wait_quiet,
    write_bodies,
)
from benchmarks.machine import describe
from benchmarks.procs import Server, pinning_plan
from plivo_masking_mock.config import DEMO_AUTH_ID
from plivo_masking_mock.seeding import session_uuid


@dataclass
class GoalRounds:
    """One goal scenario's rounds: the mock's and the floor's measurement of each."""

    scenario: str
    mock: list[Measurement] = field(default_factory=list)
    floor: list[Measurement] = field(default_factory=list)

    def rps_ratios(self) -> list[float]:
        return [m.rps / f.rps if f.rps else 0.0 for m, f in zip(self.mock, self.floor, strict=True)]

    def cpu_ratios(self) -> list[float]:
        return [
            f.cpu_us_per_request / m.cpu_us_per_request if m.cpu_us_per_request else 0.0
            for m, f in zip(self.mock, self.floor, strict=True)
        ]

    def p99_ms(self) -> float:
        return statistics.median(m.latency_ms["p99"] for m in self.mock)

    def met(self) -> bool:
        goal = GOALS[self.scenario]
        p99_ok = self.scenario == "list" or self.p99_ms() <= GOAL_P99_MS
        return statistics.median(self.rps_ratios()) >= goal and p99_ok


@dataclass
class _Side:
    target: Target
    server: Server
    uuid: str  # the session retrieve and update use (the floor takes any)
    expire_server: Server  # the mock's is a second one, seeded with sessions to expire
    feeds: dict[str, Feed]  # by scenario: where create and expire go on from

    def server_for(self, scenario: Scenario) -> Server:
        return self.expire_server if scenario.mode == "expire" else self.server


def run_goals(
    load: Load,
    server_cpu: int | None,
    workdir: Path,
    options: argparse.Namespace,
    *,
    rounds: int,
) -> list[GoalRounds]:
    """Every goal scenario at GOAL_CONNECTIONS, `rounds` times on each server, by turns."""
    scenarios = [SCENARIOS[key] for key in GOALS]
    plain = [s for s in scenarios if s.mode != "expire"]
    results = {s.key: GoalRounds(s.key) for s in scenarios}
    # Enough sessions for every expire request of every round (warm-ups included), at any rate.
    seed = EXPIRE_RATE_BOUND * rounds * (load.warmup_s + load.duration_s) + 1_000
    expire_uuids = [session_uuid(DEMO_AUTH_ID, index) for index in range(seed)]
    uuids_file = workdir / "goals-expire-uuids.txt"
    uuids_file.write_text("\n".join(expire_uuids[:-1]) + "\n")
    servers: list[Server] = []
    try:
        mock_target = TARGETS["serve"]
        mock = start_target(mock_target, server_cpu, workdir, options, "", tag="-goals")
        servers.append(mock)
        uuid = create_sessions(mock.base_url, options.sessions)
        bodies = {s.key: check_scenario(mock_target, s, mock.base_url, uuid) for s in plain}
        expiring = start_target(
            mock_target, server_cpu, workdir, options, "", seed=seed, tag="-goals-expire"
        )
        servers.append(expiring)
        expire = SCENARIOS["expire"]
        bodies["expire"] = check_scenario(mock_target, expire, expiring.base_url, expire_uuids[-1])
        bodies_file = workdir / "goals-bodies.json"
        write_bodies(bodies_file, bodies)
        floor_target = TARGETS["baseline"]
        floor = start_target(
            floor_target, server_cpu, workdir, options, "", bodies=bodies_file, tag="-goals"
        )
        servers.append(floor)
        mock_side = _Side(
            mock_target, mock, uuid, expiring, {"expire": Feed(uuids_file=uuids_file)}
        )
        floor_side = _Side(
            floor_target, floor, uuid, floor, {"expire": Feed(uuids_file=uuids_file)}
        )
        print(
            f"  goals, by turns: {rounds} rounds of {', '.join(results)} at c{GOAL_CONNECTIONS} "
            f"on the mock and the floor",
            flush=True,
        )
        for number in range(rounds):
            order = (floor_side, mock_side) if number % 2 == 0 else (mock_side, floor_side)
            for scenario in scenarios:
                for side in order:
                    m = _measure(side, scenario, load)
                    rounds_of = results[scenario.key]
                    (rounds_of.mock if side is mock_side else rounds_of.floor).append(m)
            print(f"    round {number + 1}: {_round_line(results, number)}", flush=True)
    finally:
        for server in servers:
            server.stop()
    return list(results.values())


def _measure(side: _Side, scenario: Scenario, load: Load) -> Measurement:
    server = side.server_for(scenario)
    feed = side.feeds.setdefault(scenario.key, Feed())
    uuid = "none" if scenario.mode == "expire" else side.uuid
    url = scenario.url(server.base_url, uuid)
    if load.warmup_s:
        run_wrk(scenario, url, load, GOAL_CONNECTIONS, load.warmup_s, feed=feed)
    if load.quiet_wait_s:
        wait_quiet(load.quiet_wait_s)
    return measure_once(
        side.target, scenario, server, url, load, connections=GOAL_CONNECTIONS, feed=feed
    )


def _round_line(results: dict[str, GoalRounds], number: int) -> str:
    parts = []
    for key, rounds in results.items():
        m, f = rounds.mock[number], rounds.floor[number]
        parts.append(
            f"{key} {m.cpu_us_per_request:.0f}/{f.cpu_us_per_request:.0f} us "
            f"({m.rps / f.rps if f.rps else 0:.2f}x)"
        )
    return "; ".join(parts)


def goals_rounds_table(results: Sequence[GoalRounds]) -> str:
    headers = [
        "scenario (c16)",
        "req/s ratio, each round",
        "median",
        "CPU/req ratio (floor/mock), median",
        "mock / floor CPU us/req, median",
        "goal",
        "mock p99 ms (median)",
        "",
    ]
    rows = []
    for r in results:
        goal = GOALS[r.scenario]
        p99_goal = r.scenario != "list"
        rows.append(
            [
                SCENARIOS[r.scenario].label,
                ", ".join(f"{ratio:.2f}" for ratio in r.rps_ratios()),
                f"{statistics.median(r.rps_ratios()):.2f}x",
                f"{statistics.median(r.cpu_ratios()):.2f}x",
                f"{statistics.median(m.cpu_us_per_request for m in r.mock):.0f} / "
                f"{statistics.median(f.cpu_us_per_request for f in r.floor):.0f}",
                f">= {goal}x" + (f", p99 <= {GOAL_P99_MS:g} ms" if p99_goal else ""),
                f"{r.p99_ms():.2f}",
                "met" if r.met() else "NOT met",
            ]
        )
    return table(headers, rows)


def as_json(results: Sequence[GoalRounds]) -> list[dict[str, Any]]:
    return [
        {
            "scenario": r.scenario,
            "rps_ratios": [round(x, 3) for x in r.rps_ratios()],
            "cpu_ratios": [round(x, 3) for x in r.cpu_ratios()],
            "mock_cpu_us": [round(m.cpu_us_per_request, 1) for m in r.mock],
            "floor_cpu_us": [round(f.cpu_us_per_request, 1) for f in r.floor],
            "mock_p99_ms": [m.latency_ms["p99"] for m in r.mock],
            "met": r.met(),
        }
        for r in results
    ]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="benchmarks/run goals",
        description="The speed goals: the mock and its floor up at once, measured by turns.",
    )
    parser.add_argument("--rounds", type=_bounded(1, 15), default=5, help="rounds (5)")
    parser.add_argument("--duration", type=_bounded(1, 60), default=3, help="s per run (3)")
    parser.add_argument("--warmup", type=_bounded(0, 10), default=1, help="s of warm-up (1)")
    add_run_options(parser)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    return run_guarded(_main, build_parser().parse_args(argv))


def _main(options: argparse.Namespace) -> int:
    server_cpu, load_cpu, pinning = pinning_plan()
    load = Load(
        options.duration,
        options.warmup,
        (GOAL_CONNECTIONS,),
        1,
        1,
        options.quiet_wait,
        load_cpu,
    )
    machine = describe(NODE_MODULES, pinning)
    with tempfile.TemporaryDirectory(prefix="mock-goals-") as tmp:
        results = run_goals(load, server_cpu, Path(tmp), options, rounds=options.rounds)
    width = max(len(k) for k in machine)
    print("\n## Machine\n")
    for name, value in machine.items():
        print(f"    {name.ljust(width)}  {value}")
    print(
        f"\nLoad: wrk, 1 thread, {GOAL_CONNECTIONS} connections, {load.duration_s} s per run "
        f"after a {load.warmup_s} s warm-up, loopback; {options.rounds} rounds, each measuring "
        "every scenario on the floor and on the mock back to back (the order swapped each "
        "round). A ratio is the mock's over the floor's within one round; the median counts.\n"
    )
    print(f"## Goals, by turns (concurrency {GOAL_CONNECTIONS})\n")
    print(goals_rounds_table(results))
    if options.json:
        data = {"machine": machine, "load": vars(options), "goals": as_json(results)}
        Path(options.json).write_text(json.dumps(data, indent=2) + "\n")
    failed = any(m.failed for r in results for m in (*r.mock, *r.floor))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
