"""scripts/check-breaking on edited copies of the real openapi.yaml: compatible changes pass,
breaking ones fail with a message that names what broke; and the choice of the git base."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

pytestmark = pytest.mark.slow  # openapi-diff takes seconds per comparison of this spec

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "openapi.yaml"
GATE = ROOT / "scripts" / "check-breaking"
COLLECTION = "/v1/Account/{auth_id}/Masking/Session"
SESSION = COLLECTION + "/{session_uuid}"

Edit = Callable[[dict[str, Any]], None]


def check(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(GATE), *args], cwd=cwd, capture_output=True, text=True, check=False, timeout=300
    )


def edited_copy(folder: Path, edit: Edit, source: Path = SPEC) -> Path:
    """folder/openapi.yaml: `source` (default: the real spec) edited by `edit`."""
    spec = yaml.safe_load(source.read_text())
    edit(spec)
    copy = folder / "openapi.yaml"
    copy.write_text(yaml.safe_dump(spec, sort_keys=False))
    return copy


def schemas(spec: dict[str, Any]) -> dict[str, Any]:
    result: dict[str, Any] = spec["components"]["schemas"]
    return result


def compare(tmp_path: Path, edit: Edit) -> subprocess.CompletedProcess[str]:
    return check("--base-file", str(SPEC), "--spec", str(edited_copy(tmp_path, edit)))


def test_unchanged_spec_passes() -> None:
    result = check("--base-file", str(SPEC), "--spec", str(SPEC))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no breaking change" in result.stdout


def add_optional_fields(spec: dict[str, Any]) -> None:
    note = {"type": "string", "description": "A note."}
    schemas(spec)["UpdateSessionRequest"]["properties"]["note"] = note
    schemas(spec)["Session"]["properties"]["note"] = note


def test_added_optional_fields_pass(tmp_path: Path) -> None:
    result = compare(tmp_path, add_optional_fields)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no breaking change" in result.stdout


def remove_response_field(spec: dict[str, Any]) -> None:
    session = schemas(spec)["Session"]
    del session["properties"]["virtual_number"]
    session["required"].remove("virtual_number")


def remove_request_field(spec: dict[str, Any]) -> None:
    del schemas(spec)["UpdateSessionRequest"]["properties"]["record"]


def narrow_request_enum(spec: dict[str, Any]) -> None:
    schemas(spec)["RecordFileFormat"]["enum"] = ["mp3"]


def narrow_parameter_enum(spec: dict[str, Any]) -> None:
    schemas(spec)["SessionStatusFilter"]["enum"] = ["active", "all"]


def narrow_type(spec: dict[str, Any]) -> None:
    schemas(spec)["UpdateSessionRequest"]["properties"]["session_expiry"]["type"] = "string"


def add_required_parameter(spec: dict[str, Any]) -> None:
    parameter = {"name": "region", "in": "query", "required": True, "schema": {"type": "string"}}
    spec["paths"][SESSION]["post"].setdefault("parameters", []).append(parameter)


def change_status_code(spec: dict[str, Any]) -> None:
    responses = spec["paths"][SESSION]["post"]["responses"]
    responses["201"] = responses.pop("200")


def remove_operation(spec: dict[str, Any]) -> None:
    del spec["paths"][SESSION]["delete"]


def test_removed_response_field_fails_and_is_named(tmp_path: Path) -> None:
    result = compare(tmp_path, remove_response_field)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "response field `virtual_number` of `Session` was removed" in result.stdout


def test_narrowed_enum_fails_and_is_named(tmp_path: Path) -> None:
    result = compare(tmp_path, narrow_request_enum)
    assert result.returncode == 1, result.stdout + result.stderr
    for request in ("CreateSessionRequest", "UpdateSessionRequest"):
        assert f"request field `record_file_format` of `{request}`: no longer accepts 'wav'" in (
            result.stdout
        )


OTHER_BREAKING_EDITS: list[tuple[Edit, str]] = [
    (remove_request_field, "request field `record` of `UpdateSessionRequest` was removed"),
    (narrow_parameter_enum, "query parameter `status`: no longer accepts 'expired'"),
    (
        narrow_type,
        "`session_expiry` of `UpdateSessionRequest`: type changed from integer to string",
    ),
    (add_required_parameter, "new required query parameter `region`"),
    (change_status_code, "the response status 200 is no longer documented"),
    (remove_operation, "the operation delete_masking_session (DELETE " + SESSION + ") was removed"),
]


def test_every_other_kind_of_breaking_change_is_named(tmp_path: Path) -> None:
    """One comparison for the rest (openapi-diff takes seconds per run): each change is named."""

    def edit_all(spec: dict[str, Any]) -> None:
        for edit, _ in OTHER_BREAKING_EDITS:
            edit(spec)

    result = compare(tmp_path, edit_all)
    assert result.returncode == 1, result.stdout + result.stderr
    for _, words in OTHER_BREAKING_EDITS:
        assert words in result.stdout, result.stdout


# The git base, in a scratch repository holding a copy of the spec.


def git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=gate", "-c", "user.email=gate@example.com", *args],
        cwd=repo,
        check=True,
        capture_output=True,
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    git(tmp_path, "init", "--quiet", "--initial-branch=main")
    (tmp_path / "README").write_text("scratch\n")
    git(tmp_path, "add", "README")
    git(tmp_path, "commit", "--quiet", "-m", "no spec yet")
    return tmp_path


def test_spec_without_history_passes_and_says_so(repo: Path) -> None:
    shutil.copy(SPEC, repo / "openapi.yaml")
    result = check("--spec", str(repo / "openapi.yaml"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "openapi.yaml does not exist at HEAD, since" in result.stdout


def test_uncommitted_breaking_edit_fails_against_head(repo: Path) -> None:
    shutil.copy(SPEC, repo / "openapi.yaml")
    git(repo, "add", "openapi.yaml")
    git(repo, "commit", "--quiet", "-m", "spec")
    edited_copy(repo, remove_response_field)
    result = check("--spec", str(repo / "openapi.yaml"))
    assert result.returncode == 1, result.stdout + result.stderr
    assert "at HEAD, since openapi.yaml has uncommitted changes" in result.stdout
    assert "`virtual_number`" in result.stdout


def test_branch_is_compared_with_its_merge_base_with_main(repo: Path) -> None:
    shutil.copy(SPEC, repo / "openapi.yaml")
    git(repo, "add", "openapi.yaml")
    git(repo, "commit", "--quiet", "-m", "spec")
    git(repo, "checkout", "--quiet", "-b", "feature")
    edited_copy(repo, narrow_request_enum)
    git(repo, "commit", "--quiet", "-am", "narrow an enum")
    edited_copy(repo, add_optional_fields, source=repo / "openapi.yaml")
    git(repo, "commit", "--quiet", "-am", "another change")
    result = check("--spec", str(repo / "openapi.yaml"))
    assert result.returncode == 1, result.stdout + result.stderr
    assert "the merge base of feature with main" in result.stdout
    assert "no longer accepts 'wav'" in result.stdout


def test_on_main_the_last_change_of_the_spec_is_judged(repo: Path) -> None:
    shutil.copy(SPEC, repo / "openapi.yaml")
    git(repo, "add", "openapi.yaml")
    git(repo, "commit", "--quiet", "-m", "spec")
    edited_copy(repo, remove_request_field)
    git(repo, "commit", "--quiet", "-am", "drop a request field")
    (repo / "README").write_text("a later commit that leaves the spec alone\n")
    git(repo, "commit", "--quiet", "-am", "later")
    result = check("--spec", str(repo / "openapi.yaml"))
    assert result.returncode == 1, result.stdout + result.stderr
    assert "before the last commit that changed openapi.yaml" in result.stdout
    assert "request field `record` of `UpdateSessionRequest` was removed" in result.stdout
