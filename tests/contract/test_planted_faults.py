"""Proof that the contract suite catches a broken server.

The bundled mock can plant one fault at a time (`plivo-masking-mock serve --fault NAME`, a testing
aid; `plivo-masking-mock faults` lists them). Here the main command, plivo-masking-contract
(plivo_masking_contract/cli.py), runs against the mock with each planted fault and must fail, naming
the check that is expected to catch it; against the healthy mock it must pass and write its JUnit
report. A planted fault the suite does not catch is a bug in the suite or the spec: fix that, never
drop the fault.

The six runs go concurrently (each is a child process with its own mock); together they take
about a minute on two cores.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from plivo_masking_contract.options import SUMMARY_NAME
from plivo_masking_contract.target import BundledMock
from plivo_masking_mock.faults import FAULTS

# Six full runs of the suite share the machine; on a busy two-core box they can take minutes.
pytestmark = [pytest.mark.slow, pytest.mark.timeout(900)]

# The check that must report each planted fault.
EXPECTED_CHECK = {
    # A Session response lacks a required field.
    "missing_required_field": "response_schema_conformance",
    # A 500 where a 400 is due.
    "server_error_on_bad_input": "not_a_server_error",
    # Operations answer without checking credentials.
    "ignore_auth": "ignored_auth",
    # An expired (soft-deleted) session can still be updated: the suite's own check, which
    # replaces use_after_free for this API (plivo_masking_contract/checks.py).
    "update_after_expire": "expired_session_stays_expired",
    # A successful update answers 202, which the spec does not list.
    "undocumented_status": "status_code_conformance",
}
HEALTHY = "healthy"
# Variables that would point the runs elsewhere or change what they run.
SUITE_VARIABLES = (
    "CONTRACT_BASE_URL",
    "CONTRACT_OPERATIONS",
    "CONTRACT_STATEFUL",
    "CONTRACT_SEED",
    "CONTRACT_REPORTS_DIR",
    "PLIVO_AUTH_ID",
    "PLIVO_AUTH_TOKEN",
)


@dataclass
class Run:
    exit_status: int
    output: str
    reports: Path

    @property
    def summary(self) -> dict[str, Any]:
        data: dict[str, Any] = json.loads((self.reports / SUMMARY_NAME).read_text("utf-8"))
        return data

    @property
    def failing_checks(self) -> set[str]:
        return {failure["check"] for failure in self.summary["failures"]}


def run_main_command(reports: Path, *extra: str) -> Run:
    env = {name: value for name, value in os.environ.items() if name not in SUITE_VARIABLES}
    completed = subprocess.run(
        [sys.executable, "-m", "plivo_masking_contract.cli", "--reports-dir", str(reports), *extra],
        cwd=reports.parent,
        env=env,
        capture_output=True,
        text=True,
        timeout=800,
        check=False,
    )
    return Run(completed.returncode, completed.stdout + completed.stderr, reports)


def run_against(fault: str, reports: Path) -> Run:
    if fault == HEALTHY:
        # The main command as a user runs it: it starts the bundled mock itself.
        return run_main_command(reports)
    with BundledMock(fault=fault) as mock:
        return run_main_command(reports, "--url", mock.base_url)


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Run]]:
    base = tmp_path_factory.mktemp("planted-faults")
    names = [HEALTHY, *sorted(EXPECTED_CHECK)]
    with ThreadPoolExecutor(max_workers=len(names)) as pool:
        futures = {name: pool.submit(run_against, name, base / name) for name in names}
        yield {name: future.result() for name, future in futures.items()}


def test_every_planted_fault_has_an_expected_check() -> None:
    assert set(EXPECTED_CHECK) == set(FAULTS)


def test_suite_passes_against_the_healthy_mock(runs: dict[str, Run]) -> None:
    run = runs[HEALTHY]
    assert run.exit_status == 0, run.output
    assert "RESULT: PASSED" in run.output
    assert run.summary["failures"] == []
    assert (run.reports / "contract-junit.xml").is_file()
    assert set(run.summary["operations"]) == {
        "create_masking_session",
        "list_masking_session",
        "get_masking_session",
        "update_masking_session",
        "delete_masking_session",
    }


@pytest.mark.parametrize("fault", sorted(EXPECTED_CHECK))
def test_suite_catches_the_planted_fault(runs: dict[str, Run], fault: str) -> None:
    run = runs[fault]
    assert run.exit_status == 1, run.output
    assert "RESULT: FAILED" in run.output
    assert EXPECTED_CHECK[fault] in run.failing_checks, run.output
    assert f"[{EXPECTED_CHECK[fault]}]" in run.output
    assert (run.reports / "contract-junit.xml").is_file()
