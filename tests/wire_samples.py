"""The reference wire samples and the seed page, and which operation and status each sample answers.

The samples are Plivo's own SDK test fixtures, copied into tests/fixtures/ with their provenance
(tests/fixtures/provenance.json).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from plivo_masking_spec import OperationId

FIXTURES_DIR = Path(__file__).resolve().parent / "fixtures"
WIRE_SAMPLES_DIR = FIXTURES_DIR / "wire-samples"
SEED_PAGE = FIXTURES_DIR / "seed" / "000_b5c7cc23c9be8d58.txt"

_OPERATION_BY_WORD = {
    "create": OperationId.CREATE,
    "get": OperationId.GET,
    "list": OperationId.LIST,
    "update": OperationId.UPDATE,
    "delete": OperationId.DELETE,
}


@dataclass(frozen=True)
class WireSample:
    path: Path
    operation_id: str
    status: str
    body: dict[str, Any]

    @property
    def name(self) -> str:
        return f"{self.path.parent.name}/{self.path.name}"


def _operation_of(file_name: str) -> str:
    lowered = file_name.lower()
    words = [word for word in _OPERATION_BY_WORD if word in lowered]
    if len(words) != 1:
        raise ValueError(f"cannot tell the operation of wire sample {file_name!r}")
    return _OPERATION_BY_WORD[words[0]]


def _status_of(operation_id: str, body: dict[str, Any]) -> str:
    if "error" in body:
        # The Java SDK's delete fixture is the error body of expiring an expired session.
        return "400"
    return "201" if operation_id == OperationId.CREATE else "200"


def load_wire_samples() -> list[WireSample]:
    """Every wire sample; raises if the folder is missing or empty (a test must not skip)."""
    files = sorted(WIRE_SAMPLES_DIR.glob("*/*.json"))
    if not files:
        raise FileNotFoundError(
            f"no wire samples under {WIRE_SAMPLES_DIR} (tests/fixtures/ is part of the repository)"
        )
    samples = []
    for path in files:
        body = json.loads(path.read_text(encoding="utf-8"))
        operation_id = _operation_of(path.name)
        samples.append(WireSample(path, operation_id, _status_of(operation_id, body), body))
    return samples


def seed_response_example() -> dict[str, Any]:
    """The JSON response printed on the seed page, parsed from the page itself."""
    text = SEED_PAGE.read_text(encoding="utf-8")
    start = text.index("Response\n\n{") + len("Response\n\n")
    end = text.index("\n}\n", start) + 2
    parsed: dict[str, Any] = json.loads(text[start:end])
    return parsed
