"""Plain schemathesis against the spec and the mock: its CLI, no hook of this project.

`schemathesis run openapi.yaml` with every check, several seeds, against the bundled mock (a
large number pool). The only configuration is the account: Basic credentials (`--auth`) and the
path's `auth_id` pinned to them (a `[parameters]` entry of a schemathesis.toml in the run's
folder), without which every request would be a 403.

It may report nothing but the rules the spec names as not expressible in JSON Schema: each
operation's `x-rules-not-in-schema` lists them with the status and `error` (a regular expression,
`error_pattern`) the server answers, or the checks they trip (`checks`). Any other failure is a
place where the spec and the mock disagree, and fails this test.
"""

from __future__ import annotations

import base64
import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from plivo_masking_contract.target import BundledMock, mock_demo_account
from plivo_masking_spec import inline, iter_operations, load_document

pytestmark = [pytest.mark.slow, pytest.mark.timeout(900)]

SPEC = Path(__file__).resolve().parents[2] / "openapi.yaml"
SEEDS = (1, 2, 3)
RULES_EXTENSION = "x-rules-not-in-schema"


@dataclass(frozen=True)
class Failure:
    check: str
    operation: str  # "POST /v1/..."
    status: int | None
    error: str | None
    query_keys: frozenset[str] = frozenset()

    def __str__(self) -> str:
        return f"{self.check} on {self.operation}: {self.status} {self.error!r}"


def rules_by_operation() -> dict[str, list[dict[str, Any]]]:
    document = load_document(SPEC)
    return {
        f"{entry.method.upper()} {entry.path}": list(entry.definition.get(RULES_EXTENSION, []))
        for entry in iter_operations(document)
    }


def declared_query(operation: str) -> set[str]:
    document = load_document(SPEC)
    for entry in iter_operations(document):
        if f"{entry.method.upper()} {entry.path}" == operation:
            parameters = entry.definition.get("parameters", [])
            return {p.get("name") for p in inline(document, parameters) if p.get("in") == "query"}
    return set()


def allowed(failure: Failure, rules: list[dict[str, Any]]) -> bool:
    for rule in rules:
        if rule.get("undeclared_query") and not failure.query_keys - declared_query(
            failure.operation
        ):
            continue
        if rule.get("status") != failure.status:
            continue
        if "checks" in rule and failure.check not in rule["checks"]:
            continue
        pattern = rule.get("error_pattern")
        if pattern is not None and not re.fullmatch(pattern, failure.error or ""):
            continue
        return True
    return False


def _body(response: dict[str, Any]) -> Any:
    body = response.get("content", response.get("body"))
    if isinstance(body, dict) and "$base64" in body:
        raw = base64.b64decode(body["$base64"])
    elif isinstance(body, str):
        raw = body.encode()
    else:
        return None
    try:
        return json.loads(raw)
    except ValueError:
        return None


def failures_of(ndjson: Path) -> list[Failure]:
    found: list[Failure] = []
    for line in ndjson.read_text(encoding="utf-8").splitlines():
        event = json.loads(line)
        finished = event.get("ScenarioFinished")
        if finished is None:
            continue
        recorder = finished["recorder"]
        for case_id, checks in recorder.get("checks", {}).items():
            for check in checks:
                if check.get("status") != "failure":
                    continue
                info = check["failure_info"]["failure"]
                response = (recorder.get("interactions", {}).get(case_id) or {}).get("response")
                status = response.get("status_code") if response else None
                body = _body(response) if response else None
                error = body.get("error") if isinstance(body, dict) else None
                case = (recorder.get("cases", {}).get(case_id) or {}).get("value") or {}
                keys = frozenset((case.get("query") or {}).keys())
                found.append(Failure(check["name"], info["operation"], status, error, keys))
    return found


def run_schemathesis(base_url: str, seed: int, folder: Path) -> tuple[int, list[Failure], str]:
    auth_id, auth_token = mock_demo_account()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "schemathesis.toml").write_text(
        f'[parameters]\n"path.auth_id" = "{auth_id}"\n', encoding="utf-8"
    )
    events = folder / "events.ndjson"
    command = [
        str(Path(sys.executable).parent / "schemathesis"),
        "run",
        str(SPEC),
        "--url",
        base_url,
        "--auth",
        f"{auth_id}:{auth_token}",
        "--checks",
        "all",
        "--seed",
        str(seed),
        "--generation-database",
        "none",
        "--workers",
        "1",
        "--report",
        "ndjson",
        "--report-ndjson-path",
        str(events),
        "--no-color",
    ]
    env = {**os.environ, "NO_COLOR": "1"}
    result = subprocess.run(
        command, cwd=folder, env=env, capture_output=True, text=True, check=False, timeout=800
    )
    return result.returncode, failures_of(events), result.stdout[-4000:]


@pytest.mark.parametrize("seed", SEEDS)
def test_plain_schemathesis_finds_only_the_rules_the_spec_names(seed: int, tmp_path: Path) -> None:
    rules = rules_by_operation()
    with BundledMock() as mock:
        code, failures, output = run_schemathesis(mock.base_url, seed, tmp_path)
    assert code in (0, 1), output  # 1: failures found (judged below); anything else: an error
    unexplained = [f for f in failures if not allowed(f, rules.get(f.operation, []))]
    assert not unexplained, "\n".join(map(str, unexplained)) + "\n" + output
