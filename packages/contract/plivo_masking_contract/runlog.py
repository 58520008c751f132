"""What a contract run did, for the summary of scripts/contract-test: cases per operation and
phase, and each distinct failure with the request that reproduces it.

Filled by schema hooks (`after_call`, `after_validate`, see plivo_masking_contract/hooks.py) and by
the stateful test (the chain of requests that led to a stateful failure), written as JSON at the end
of the pytest session (plivo_masking_contract/pytest_wiring.py) and read by
plivo_masking_contract/cli.py.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import schemathesis
from schemathesis.checks import CheckResult
from schemathesis.core.failures import Failure

from plivo_masking_contract.checks import Case, operation_id

AUTH_PLACEHOLDER = '-u "$PLIVO_AUTH_ID:$PLIVO_AUTH_TOKEN"'
# The Basic credentials of a curl command, as schemathesis prints them (redacted).
AUTHORIZATION_HEADER = re.compile(r"-H (['\"])Authorization: [^'\"]*\1")


def reproduction(
    case: Case, response: schemathesis.Response | None, *, base_url: str | None
) -> str:
    """A curl command for the request, with the credentials as shell variables."""
    headers = dict(response.request.headers) if response is not None else None
    command = case.as_curl_command(headers=headers, base_url=base_url)
    lines = command.splitlines()
    if lines:
        lines[0] = AUTHORIZATION_HEADER.sub(AUTH_PLACEHOLDER, lines[0])
    return "\n".join(lines)


@dataclass
class FailureRecord:
    check: str
    operation: str
    title: str
    message: str
    status_code: int | None
    phase: str
    reproduction: str
    chain: list[str] = field(default_factory=list)
    occurrences: int = 1


@dataclass
class RunLog:
    # Where the requests went (curl commands of requests that checks derived need it).
    base_url: str | None = None
    cases: Counter[tuple[str, str]] = field(default_factory=Counter)
    failures: dict[tuple[str, str, str], FailureRecord] = field(default_factory=dict)
    started: float = field(default_factory=time.monotonic)
    _by_case: dict[str, tuple[str, str, str]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def record_call(self, case: Case) -> None:
        phase = case.meta.phase.name.value if case.meta is not None else "unknown"
        with self._lock:
            self.cases[(operation_id(case) or case.operation.label, phase)] += 1

    def record_results(
        self,
        case: Case,
        response: schemathesis.Response,
        results: list[CheckResult],
    ) -> None:
        for result in results:
            if result.failure is not None:
                self._record_failure(case, response, result.name, result.failure)

    def _record_failure(
        self,
        case: Case,
        response: schemathesis.Response,
        check: str,
        failure: Failure,
    ) -> None:
        op = operation_id(case) or case.operation.label
        key = (check, op, failure.title)
        phase = case.meta.phase.name.value if case.meta is not None else "unknown"
        record = FailureRecord(
            check=check,
            operation=op,
            title=failure.title,
            message=failure.message,
            status_code=response.status_code,
            phase=phase,
            reproduction=reproduction(case, response, base_url=self.base_url),
        )
        with self._lock:
            previous = self.failures.get(key)
            if previous is not None:
                # Hypothesis replays and shrinks a failing example; the last one is the smallest.
                record.occurrences = previous.occurrences + 1
                record.chain = previous.chain
            self.failures[key] = record
            self._by_case[case.id] = key

    def attach_chain(self, case_id: str, chain: list[str]) -> None:
        """The requests of a stateful scenario that led to the failing `case_id`, in order."""
        with self._lock:
            key = self._by_case.get(case_id)
            if key is not None and key in self.failures:
                self.failures[key].chain = chain

    def to_dict(self, **extra: Any) -> dict[str, Any]:
        operations: dict[str, dict[str, int]] = {}
        for (op, phase), count in sorted(self.cases.items()):
            operations.setdefault(op, {})[phase] = count
        return {
            **extra,
            "elapsed_seconds": round(time.monotonic() - self.started, 2),
            "cases_total": sum(self.cases.values()),
            "operations": operations,
            "failures": [asdict(record) for record in self.failures.values()],
        }

    def write(self, path: Path, **extra: Any) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(self.to_dict(**extra), indent=2) + "\n", encoding="utf-8")
