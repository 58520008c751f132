"""schemathesis in negative mode (data that breaks openapi.yaml) against every operation: each
answer a 4xx (never a 5xx), the server still serving, the stored state unchanged."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from plivo_masking_mock.server import MockServer
from tests.reliability import figures
from tests.reliability.budget import NEGATIVE_EXAMPLES_PER_OPERATION, PHASE_TIMEOUT
from tests.reliability.conftest import ACCOUNT_A, Accounts, snapshot

ROOT = Path(__file__).resolve().parents[2]


def test_schemathesis_negative_mode(server: MockServer, accounts: Accounts, tmp_path: Path) -> None:
    before = snapshot(server)
    command = [
        sys.executable,
        "-m",
        "schemathesis.cli",
        "run",
        str(ROOT / "openapi.yaml"),
        "--url",
        server.base_url,
        "--auth",
        f"{ACCOUNT_A}:{accounts.a.auth_token}",
        "--mode",
        "negative",
        "--phases",
        "examples,coverage,fuzzing",
        "--max-examples",
        str(NEGATIVE_EXAMPLES_PER_OPERATION),
        "--checks",
        "not_a_server_error,negative_data_rejection",
        "--seed",
        "13",
        "--generation-database",
        "none",
        "--no-color",
        "--workers",
        "1",
        "--request-timeout",
        "20",
    ]
    result = subprocess.run(
        command,
        capture_output=True,
        text=True,
        timeout=PHASE_TIMEOUT * 2,
        cwd=tmp_path,
        check=False,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-4000:]
    found = re.search(r"Test cases:\s*(\d+) generated", output)
    assert found, output[-2000:]
    cases = int(found.group(1))
    assert snapshot(server) == before, "a negative-mode request changed the stored state"
    figures.record(
        "negative_fuzzing", cases=cases, max_examples=NEGATIVE_EXAMPLES_PER_OPERATION, seed=13
    )
