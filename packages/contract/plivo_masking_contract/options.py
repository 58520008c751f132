"""The contract suite's options, from the environment (scripts/contract-test sets them from its
flags). Kept free of schemathesis, so the command starts fast.

    CONTRACT_BASE_URL     server to test; unset: the bundled mock on a free loopback port
    PLIVO_AUTH_ID         account to test with (live runs); the bundled mock uses its demo account
    PLIVO_AUTH_TOKEN
    CONTRACT_SEED         seed of every phase (default 20240201)
    CONTRACT_OPERATIONS   comma-separated operationIds to test (default: all five)
    CONTRACT_STATEFUL     0 to skip the stateful phase (default 1)
    CONTRACT_REPORTS_DIR  where the cassette and the run summary go (default: ./reports)
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from plivo_masking_contract.target import TargetError, credentials_for, validate_base_url
from plivo_masking_spec import load_document, operation_ids, spec_path

DEFAULT_SEED = 20240201
# Relative to the current directory, as a user runs the command from their own project.
DEFAULT_REPORTS_DIR = Path("reports")
SUMMARY_NAME = "contract-summary.json"
CASSETTE_NAME = "contract-cassette-stateful.yaml"


@dataclass(frozen=True)
class SuiteOptions:
    base_url: str | None  # None: the bundled mock
    auth_id: str
    auth_token: str
    seed: int
    operations: tuple[str, ...]  # empty: every operation
    stateful: bool
    reports_dir: Path

    @property
    def summary_path(self) -> Path:
        return self.reports_dir / SUMMARY_NAME

    @property
    def cassette_path(self) -> Path:
        return self.reports_dir / CASSETTE_NAME


def spec_operation_ids() -> list[str]:
    """The operationIds of the spec under test ($PLIVO_MASKING_SPEC or the packaged one)."""
    return operation_ids(load_document(spec_path()))


def parse_operations(text: str) -> tuple[str, ...]:
    names = tuple(name.strip() for name in text.split(",") if name.strip())
    known = spec_operation_ids()
    unknown = [name for name in names if name not in known]
    if unknown:
        raise TargetError(
            f"unknown operationId(s): {', '.join(unknown)}; the spec has: {', '.join(known)}"
        )
    return names


def parse_seed(text: str) -> int:
    try:
        seed = int(text, 0)
    except ValueError:
        raise TargetError(f"the seed must be an integer, not {text!r}") from None
    if seed < 0:
        raise TargetError(f"the seed must not be negative: {seed}")
    return seed


def options_from_env(env: Mapping[str, str] | None = None) -> SuiteOptions:
    env = os.environ if env is None else env
    url = env.get("CONTRACT_BASE_URL", "").strip()
    base_url = validate_base_url(url) if url else None
    auth_id, auth_token, _note = credentials_for(base_url, env)
    seed_text = env.get("CONTRACT_SEED", "").strip()
    reports = env.get("CONTRACT_REPORTS_DIR", "").strip()
    return SuiteOptions(
        base_url=base_url,
        auth_id=auth_id,
        auth_token=auth_token,
        seed=parse_seed(seed_text) if seed_text else DEFAULT_SEED,
        operations=parse_operations(env.get("CONTRACT_OPERATIONS", "")),
        stateful=env.get("CONTRACT_STATEFUL", "1").strip() not in ("0", "false", "no", "off"),
        reports_dir=Path(reports or DEFAULT_REPORTS_DIR).resolve(),
    )
