"""docs/guarantees.md from the figures the reliability suite measured.

    python scripts/guarantees.py --from build/reliability/figures.json   # adopt a run's figures
    python scripts/guarantees.py --check                                # the page is up to date

`--from` copies a run's figures to docs/guarantees.json and renders the page from them; without
it the page is rendered from docs/guarantees.json. `--check` writes nothing and exits 1 if the
page differs from its rendering (tests/test_guarantees_page.py runs the same comparison).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
FIGURES = ROOT / "docs" / "guarantees.json"
PAGE = ROOT / "docs" / "guarantees.md"


def render(f: dict[str, Any]) -> str:
    m, hostile, conc = f["machine"], f["hostile_input"], f["concurrency"]
    kills, fuzz, auth, chaos = f["kills"], f["negative_fuzzing"], f["auth_isolation"], f["chaos"]
    rate = f["rate_limit"]
    kinds = ", ".join(f"{kind} {n}" for kind, n in hostile["by_kind"].items())
    operations = ", ".join(f"{op} {n}" for op, n in conc["by_operation"].items())
    lines = [
        "# Guarantees",
        "",
        "<!-- Rendered by scripts/guarantees.py from docs/guarantees.json, the figures a run of",
        "     tests/reliability wrote; do not edit by hand. -->",
        "",
        "What the mock was shown to hold, with the figures of one run of the reliability suite",
        "(`tests/reliability`, part of `scripts/test`). Each figure is measured by the suite, not",
        "estimated; a run writes them to `build/reliability/figures.json`.",
        "",
        f"Run: {f['generated_at']}, outcome **{f['outcome']}**, on {m['cpu']}, {m['cores']} cores,"
        f" {m['memory']}, {m['os']}, Python {m['python']}, SQLite {m['sqlite']}.",
        "",
        "| Guarantee | Measured |",
        "| --- | --- |",
        f"| Hostile input: every case answered 4xx, server kept serving, stored state unchanged "
        f"| {hostile['cases']} cases over a bare socket ({kinds}); "
        f"{hostile['problems']} problems |",
        f"| Schemathesis negative mode, every operation: no 5xx, invalid data refused, state "
        f"unchanged | {fuzz['cases']} generated cases (max {fuzz['max_examples']} per operation "
        f"and phase, seed {fuzz['seed']}) |",
        f"| Auth and isolation: 401/403/404, never another account's data; tokens in no "
        f"response, log record or repr | {auth['refused_requests']} refused requests, "
        f"{auth['responses_scanned']} responses and {auth['log_records_scanned']} log records "
        "(DEBUG) scanned |",
        f"| Concurrency: no 5xx, no virtual number on two active sessions sharing a party, every "
        f"field as last acknowledged | {conc['clients']} concurrent clients, {conc['requests']} "
        f"requests ({operations}) in {conc['seconds']} s; {conc['server_errors']} 5xx, "
        f"{conc['mismatches']} mismatches |",
        f"| Durability (`--db`, journal_mode {kills['sqlite']['journal_mode']}, synchronous "
        f"{kills['sqlite']['synchronous']}): SIGKILL during a write load loses no acknowledged "
        f"create, update or expire | {kills['kills']} kills survived, "
        f"{kills['acknowledged_writes']} acknowledged writes by {kills['writers']} writers, "
        f"{kills['sessions_checked_after_restart']} sessions checked after restarts; "
        f"**{kills['lost']} lost** |",
        f"| Chaos: the error rate within 5 standard deviations, the same faults for the same "
        f"seed, Retry-After on 429/503, nothing changed by an injected error | "
        f"{chaos['requests']} requests at error_rate {chaos['error_rate']}: "
        f"{chaos['errors_injected']} errors per run ({chaos['by_status']}) |",
        f"| Rate limit ({rate['window']} window): 429 with Retry-After past the budget, per "
        f"account | budget {rate['budget']}, {rate['refused']} refused |",
        "",
        "Limits: the hostile cases that are not HTTP at all (raw control bytes in the request",
        f"line or headers: {hostile['refused_by_http_parser']} of them) are refused by uvicorn's",
        "HTTP parser with its own plain-text 400 before the mock sees them, so they carry no",
        "Plivo error body. Durability against a machine crash rests on synchronous = FULL (an",
        "fsync per commit), which the suite cannot kill; see benchmarks/sqlite_durability.py for",
        "its cost.",
        "",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--from", dest="source", type=Path, help="a run's figures.json")
    parser.add_argument("--check", action="store_true", help="compare only; exit 1 if stale")
    args = parser.parse_args(argv)
    source = args.source or FIGURES
    try:
        figures = json.loads(source.read_text())
        page = render(figures)
    except (OSError, ValueError, KeyError) as error:
        print(f"guarantees: cannot render from {source}: {error!r}", file=sys.stderr)
        return 2
    if args.check:
        if not PAGE.exists() or PAGE.read_text() != page:
            print(f"guarantees: {PAGE} is stale; run scripts/guarantees.py", file=sys.stderr)
            return 1
        return 0
    if args.source:
        FIGURES.write_text(json.dumps(figures, indent=2) + "\n")
    PAGE.write_text(page)
    return 0


if __name__ == "__main__":
    sys.exit(main())
