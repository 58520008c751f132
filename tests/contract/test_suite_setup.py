"""Fast tests of the contract suite's own machinery: options, targets, hooks, the command's errors.

The suite itself is plivo_masking_contract/test_contract.py; its proof is test_planted_faults.py.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from schemathesis.core.result import Ok
from schemathesis.specs.openapi.stateful import collect_transitions

from plivo_masking_contract import cli
from plivo_masking_contract.hooks import CrossFieldRules, immutable_fields
from plivo_masking_contract.options import (
    DEFAULT_SEED,
    SuiteOptions,
    options_from_env,
    spec_operation_ids,
)
from plivo_masking_contract.suite import SuiteRun, scenario_roots
from plivo_masking_contract.target import (
    TargetError,
    credentials_for,
    validate_base_url,
)
from plivo_masking_mock.config import DEMO_AUTH_ID as MOCK_DEMO_AUTH_ID
from plivo_masking_mock.config import DEMO_AUTH_TOKEN as MOCK_DEMO_AUTH_TOKEN

SPEC_IDS = (
    "create_masking_session",
    "list_masking_session",
    "get_masking_session",
    "update_masking_session",
    "delete_masking_session",
)


def operations_of(
    schema: schemathesis.BaseSchema,
) -> list[schemathesis.APIOperation[Any, Any, Any, Any]]:
    return [result.ok() for result in schema.get_all_operations() if isinstance(result, Ok)]


def mock_options(tmp_path: Path, **changes: object) -> SuiteOptions:
    options = options_from_env({"CONTRACT_REPORTS_DIR": str(tmp_path)})
    return replace(options, **changes)  # type: ignore[arg-type]


def test_defaults_target_the_bundled_mock_with_its_demo_account(tmp_path: Path) -> None:
    env = {"PLIVO_AUTH_ID": "MAOTHERACCOUNT000001", "PLIVO_AUTH_TOKEN": "live-token"}
    options = options_from_env({**env, "CONTRACT_REPORTS_DIR": str(tmp_path)})
    assert options.base_url is None
    assert (options.auth_id, options.auth_token) == (MOCK_DEMO_AUTH_ID, MOCK_DEMO_AUTH_TOKEN)
    assert options.seed == DEFAULT_SEED
    assert options.operations == ()
    assert options.stateful


def test_a_remote_server_needs_credentials() -> None:
    with pytest.raises(TargetError, match="PLIVO_AUTH_ID"):
        credentials_for("https://api.plivo.com", {})
    with pytest.raises(TargetError, match="both"):
        credentials_for("https://api.plivo.com", {"PLIVO_AUTH_ID": "MAX"})
    env = {"PLIVO_AUTH_ID": "MAX", "PLIVO_AUTH_TOKEN": "secret"}
    assert credentials_for("https://api.plivo.com", env)[:2] == ("MAX", "secret")
    assert credentials_for("http://127.0.0.1:8080", {})[:2] == (
        MOCK_DEMO_AUTH_ID,
        MOCK_DEMO_AUTH_TOKEN,
    )


@pytest.mark.parametrize(
    "url", ["notaurl", "ftp://host", "http://", "http://h:99999", "http://h/?q=1"]
)
def test_bad_urls_are_refused(url: str) -> None:
    with pytest.raises(TargetError):
        validate_base_url(url)


def test_operations_restrict_the_schema_and_the_stateful_phase(tmp_path: Path) -> None:
    selected = ("get_masking_session", "list_masking_session")
    run = SuiteRun(mock_options(tmp_path, operations=selected))
    labels = {operation.label for operation in operations_of(run.schema)}
    assert labels == {
        "GET /v1/Account/{auth_id}/Masking/Session",
        "GET /v1/Account/{auth_id}/Masking/Session/{session_uuid}",
    }
    assert not run.stateful_enabled


def test_scenarios_start_with_create(tmp_path: Path) -> None:
    run = SuiteRun(mock_options(tmp_path))
    operations = operations_of(run.stateful_schema)
    roots = scenario_roots(operations, collect_transitions(operations))
    assert roots == {"POST /v1/Account/{auth_id}/Masking/Session"}


def test_create_rules_handle_only_the_rules_not_in_the_schema() -> None:
    """Parties and PIN requirements are in the schema now (issue 16); the hook only makes the
    parties and the PINs differ."""
    rules = CrossFieldRules(())
    body: dict[str, object] = {
        "first_party": "+14155550100",
        "second_party": "14155550100",
        "is_pin_authentication_required": True,
        "pin_prompt_play": "https://play.example.com/p.wav",
        "first_party_pin": "1111",
        "second_party_pin": "1111",
    }
    rules.create_rules(body)
    assert body["second_party"] != "14155550100"
    assert body["second_party_pin"] not in (None, "1111")

    single: dict[str, object] = {"create_session_with_single_party": True, "first_party": "+1415"}
    rules.create_rules(single)
    assert single == {"create_session_with_single_party": True, "first_party": "+1415"}


def test_immutable_fields_come_from_the_spec(tmp_path: Path) -> None:
    run = SuiteRun(mock_options(tmp_path))
    fields = immutable_fields(run.schema.raw_schema)
    assert {"first_party", "second_party", "geomatch", "subaccount"} <= set(fields)


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--url", "notaurl"], "not an http(s) URL"),
        (["--operations", "nope"], "unknown operationId"),
        (["--seed", "abc"], "must be an integer"),
        (["--auth-id", "MAX"], "go with --url"),
        (["--url", "https://api.example.invalid"], "PLIVO_AUTH_ID"),
    ],
)
def test_command_errors_are_one_line_and_exit_2(
    argv: list[str],
    message: str,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name in ("PLIVO_AUTH_ID", "PLIVO_AUTH_TOKEN", "CONTRACT_SEED"):
        monkeypatch.delenv(name, raising=False)
    status = cli.main([*argv, "--reports-dir", str(tmp_path)])
    captured = capsys.readouterr()
    assert status == 2
    assert message in captured.err
    assert "Traceback" not in captured.err


def test_unreachable_server_is_a_clear_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    status = cli.main(["--url", "http://127.0.0.1:9", "--reports-dir", str(tmp_path)])
    assert status == 2
    assert "cannot reach http://127.0.0.1:9" in capsys.readouterr().err


def test_spec_operations_are_known() -> None:
    assert tuple(spec_operation_ids()) == SPEC_IDS
