"""plivo-masking-contract: run the contract suite against the bundled mock or a live server.

    plivo-masking-contract                         # the bundled mock, started on a free port
    plivo-masking-contract --url http://127.0.0.1:8080
    PLIVO_AUTH_ID=MA... PLIVO_AUTH_TOKEN=... plivo-masking-contract --url https://api.plivo.com \\
        --operations get_masking_session,list_masking_session --no-stateful

It runs the packaged suite (plivo_masking_contract/test_contract.py) under pytest in a child
process, then prints a summary: the operations and the cases each phase sent, and every distinct
failure with the request that reproduces it. Reports go to ./reports (see --reports-dir). Exit
status: 0 when the contract holds, 1 when the suite found failures, 2 for a usage or target error.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import textwrap
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from plivo_masking_contract.options import (
    CASSETTE_NAME,
    DEFAULT_REPORTS_DIR,
    DEFAULT_SEED,
    SUMMARY_NAME,
    parse_operations,
    parse_seed,
    spec_operation_ids,
)
from plivo_masking_contract.target import (
    BundledMock,
    TargetError,
    check_reachable,
    credentials_for,
    is_loopback_url,
    mock_demo_account,
    validate_base_url,
)
from plivo_masking_spec import WRITE_OPERATIONS

JUNIT_NAME = "contract-junit.xml"
LOG_NAME = "contract-pytest.log"
TEXT_SUMMARY_NAME = "contract-summary.txt"
OUR_REPORTS = (JUNIT_NAME, LOG_NAME, TEXT_SUMMARY_NAME, SUMMARY_NAME, CASSETTE_NAME)
PHASES = ("examples", "coverage", "fuzzing", "stateful")
PROG = "plivo-masking-contract"
PACKAGE_DIR = Path(__file__).resolve().parent
SUITE_MODULE = PACKAGE_DIR / "test_contract.py"
# A pytest configuration of the suite's own, so that a user's pytest.ini, conftest.py or
# addopts in the directory the command runs from does not change the run.
PYTEST_INI = PACKAGE_DIR / "pytest.ini"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Check a server against openapi.yaml with the schemathesis contract suite.",
        epilog="Environment: PLIVO_AUTH_ID / PLIVO_AUTH_TOKEN (credentials for --url), "
        "CONTRACT_SEED (default seed). Against a real Plivo account the stateful phase and the "
        "create/update/expire operations create and change real sessions.",
    )
    parser.add_argument(
        "--url",
        metavar="URL",
        help="server to test, e.g. https://api.plivo.com (default: start the bundled mock)",
    )
    parser.add_argument("--auth-id", metavar="ID", help="account Auth ID (default: $PLIVO_AUTH_ID)")
    parser.add_argument(
        "--auth-token", metavar="TOKEN", help="account Auth Token (default: $PLIVO_AUTH_TOKEN)"
    )
    parser.add_argument(
        "--seed",
        metavar="N",
        help=f"seed of every phase (default: $CONTRACT_SEED or {DEFAULT_SEED})",
    )
    parser.add_argument(
        "--operations",
        metavar="IDS",
        help="only these comma-separated operationIds (default: all), e.g. "
        "get_masking_session,list_masking_session",
    )
    parser.add_argument(
        "--no-stateful", action="store_true", help="skip the stateful phase (linked scenarios)"
    )
    parser.add_argument(
        "--reports-dir",
        metavar="DIR",
        type=Path,
        default=DEFAULT_REPORTS_DIR,
        help="where reports go (default: ./reports)",
    )
    parser.add_argument(
        "--show-pytest", action="store_true", help="stream pytest's own output while it runs"
    )
    return parser


class UsageError(Exception):
    pass


def resolve_settings(args: argparse.Namespace) -> dict[str, str]:
    """The environment of the pytest run, from the flags; UsageError/TargetError when wrong."""
    env: dict[str, str] = {}
    seed_text = args.seed if args.seed is not None else os.environ.get("CONTRACT_SEED", "")
    env["CONTRACT_SEED"] = str(parse_seed(seed_text) if seed_text.strip() else DEFAULT_SEED)
    if args.operations is not None:
        operations = parse_operations(args.operations)
        if not operations:
            raise UsageError("--operations needs at least one operationId")
        env["CONTRACT_OPERATIONS"] = ",".join(operations)
    env["CONTRACT_STATEFUL"] = "0" if args.no_stateful else "1"
    env["CONTRACT_REPORTS_DIR"] = str(args.reports_dir.resolve())
    if args.url is None:
        if args.auth_id or args.auth_token:
            raise UsageError("--auth-id/--auth-token go with --url (the bundled mock has its own)")
        return env
    env["CONTRACT_BASE_URL"] = validate_base_url(args.url)
    given = dict(os.environ)
    if args.auth_id is not None:
        given["PLIVO_AUTH_ID"] = args.auth_id
    if args.auth_token is not None:
        given["PLIVO_AUTH_TOKEN"] = args.auth_token
    auth_id, auth_token, note = credentials_for(env["CONTRACT_BASE_URL"], given)
    if note:
        print(f"{PROG}: {note}")
    env["PLIVO_AUTH_ID"], env["PLIVO_AUTH_TOKEN"] = auth_id, auth_token
    return env


def warn_live(env: dict[str, str]) -> None:
    url = env.get("CONTRACT_BASE_URL")
    if url is None or is_loopback_url(url):
        return
    selected = env.get("CONTRACT_OPERATIONS", ",".join(spec_operation_ids())).split(",")
    writes = [name for name in selected if name in WRITE_OPERATIONS]
    if writes or env["CONTRACT_STATEFUL"] == "1":
        print(
            f"{PROG}: WARNING: {url} is not a loopback server. This run sends "
            f"{', '.join(writes) or 'no write operation'}"
            + (
                " and stateful scenarios (create, update, expire)"
                if env["CONTRACT_STATEFUL"] == "1"
                else ""
            )
            + ": against Plivo's API that creates and changes REAL sessions on the account. "
            "Restrict it with --operations get_masking_session,list_masking_session --no-stateful.",
            file=sys.stderr,
        )


def run_pytest(env: dict[str, str], reports: Path, *, show: bool) -> int:
    command = [
        sys.executable,
        "-m",
        "pytest",
        str(SUITE_MODULE),
        "-c",
        str(PYTEST_INI),
        "--rootdir",
        str(PACKAGE_DIR),
        "-p",
        "plivo_masking_contract.pytest_wiring",
        "-p",
        "no:cacheprovider",
        f"--junitxml={reports / JUNIT_NAME}",
        "-o",
        "junit_suite_name=contract",
        "-q",
        "--tb=short",
        # The suite asserts through schemathesis' checks, not bare `assert`s; rewriting the
        # assertions of every module of the pytest plugins (schemathesis has hundreds) only
        # costs start-up time.
        "--assert=plain",
    ]
    child_env = {**os.environ, **env}
    with (reports / LOG_NAME).open("w", encoding="utf-8") as log:
        process = subprocess.Popen(
            command,
            cwd=reports,
            env=child_env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            encoding="utf-8",
            errors="replace",
        )
        assert process.stdout is not None
        for line in process.stdout:
            log.write(line)
            if show:
                sys.stdout.write(line)
        return process.wait()


def format_summary(summary: dict[str, Any], *, exit_status: int, target: str, reports: Path) -> str:
    lines = [f"Contract suite: openapi.yaml against {target}, seed {summary['seed']}"]
    operations: dict[str, dict[str, int]] = summary["operations"]
    selected: list[str] = summary["operations_selected"]
    width = max(len(name) for name in selected) if selected else 20
    header = (
        f"  {'operation':<{width}}" + "".join(f"{phase:>10}" for phase in PHASES) + f"{'total':>8}"
    )
    lines += ["", header]
    for name in selected:
        counts = operations.get(name, {})
        row = f"  {name:<{width}}" + "".join(f"{counts.get(p, 0):>10}" for p in PHASES)
        lines.append(row + f"{sum(counts.values()):>8}")
    stateful = "on" if summary["stateful"] else "off"
    lines += [
        "",
        f"  {summary['cases_total']} cases sent in {summary['elapsed_seconds']:.1f} s "
        f"(stateful phase {stateful}; not counting the extra requests of checks such as "
        "ignored_auth)",
    ]
    failures: list[dict[str, Any]] = summary["failures"]
    lines.append("")
    if exit_status == 0 and not failures:
        lines.append("RESULT: PASSED - the server kept the contract")
    else:
        lines.append(f"RESULT: FAILED - {len(failures)} distinct failure(s)")
        if not failures:
            lines.append(f"  pytest failed without a contract failure; see {reports / LOG_NAME}")
    for number, failure in enumerate(failures, 1):
        lines += [
            "",
            f"{number}. [{failure['check']}] {failure['operation']}: {failure['title']} "
            f"(HTTP {failure['status_code']}, {failure['phase']} phase)",
            textwrap.indent(failure["message"].strip(), "     "),
        ]
        if failure["chain"]:
            lines.append("   Reproduce (the scenario's requests in order; the last one fails):")
            for step, command in enumerate(failure["chain"], 1):
                first, *rest = command.splitlines() or [""]
                lines.append(f"   {step:>2}. {first}")
                lines += [f"       {line}" for line in rest]
        else:
            lines.append("   Reproduce:")
            lines.append(textwrap.indent(failure["reproduction"], "     "))
    return "\n".join(lines)


def prepare_reports(reports: Path) -> None:
    """The reports directory, without the reports of an earlier run (OSError if unwritable)."""
    reports.mkdir(parents=True, exist_ok=True)
    for name in OUR_REPORTS:
        (reports / name).unlink(missing_ok=True)


def run_against_target(env: dict[str, str], reports: Path, *, show: bool) -> tuple[int, str]:
    """(pytest's exit status, the target's description); the bundled mock lives only this long."""
    mock: BundledMock | None = None
    try:
        if "CONTRACT_BASE_URL" in env:
            target = env["CONTRACT_BASE_URL"]
            check_reachable(target)
        else:
            mock = BundledMock()
            mock.start()
            env["CONTRACT_BASE_URL"] = mock.base_url
            # The bundled mock knows its demo account only, whatever the environment says.
            env["PLIVO_AUTH_ID"], env["PLIVO_AUTH_TOKEN"] = mock_demo_account()
            target = f"the bundled mock ({mock.base_url})"
        print(f"{PROG}: testing {target}, seed {env['CONTRACT_SEED']}", flush=True)
        return run_pytest(env, reports, show=show), target
    finally:
        if mock is not None:
            mock.stop()


def rerun_command(args: argparse.Namespace, env: dict[str, str]) -> str:
    words = [PROG, "--seed", env["CONTRACT_SEED"]]
    if args.url is not None:
        words += ["--url", args.url]
    if args.operations is not None:
        words += ["--operations", env["CONTRACT_OPERATIONS"]]
    if args.no_stateful:
        words.append("--no-stateful")
    return " ".join(words)


def report(status: int, target: str, reports: Path, rerun: str) -> int:
    """Print the run's summary (and keep it in reports/); the command's exit status."""
    summary_path = reports / SUMMARY_NAME
    if not summary_path.exists():
        print(
            f"{PROG}: the suite did not run (pytest exit status {status}); "
            f"the end of its output ({reports / LOG_NAME}):",
            file=sys.stderr,
        )
        print(textwrap.indent((reports / LOG_NAME).read_text(encoding="utf-8")[-4000:], "  "))
        return 2
    summary = json.loads(summary_path.read_text(encoding="utf-8"))
    text = format_summary(summary, exit_status=status, target=target, reports=reports)
    (reports / TEXT_SUMMARY_NAME).write_text(text + "\n", encoding="utf-8")
    print()
    print(text)
    print()
    print(f"Reports in {reports}:")
    for name in (JUNIT_NAME, TEXT_SUMMARY_NAME, SUMMARY_NAME, CASSETTE_NAME, LOG_NAME):
        if (reports / name).exists():
            print(f"  {name}")
    print(f"Run it again with: {rerun}")
    return 0 if status == 0 else 1


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        env = resolve_settings(args)
        reports = Path(env["CONTRACT_REPORTS_DIR"])
        prepare_reports(reports)
        warn_live(env)
        status, target = run_against_target(env, reports, show=args.show_pytest)
    except (UsageError, TargetError) as exc:
        print(f"{PROG}: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"{PROG}: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130
    return report(status, target, reports, rerun_command(args, env))


if __name__ == "__main__":
    sys.exit(main())
