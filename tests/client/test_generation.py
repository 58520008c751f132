"""scripts/generate: the committed generated_client/ is exactly what the spec generates.

The drift check regenerates from the real openapi.yaml into a temporary folder and compares; the
proof tests run the same check on an edited copy of the spec and watch it fail.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

REPO_ROOT = Path(__file__).resolve().parents[2]
GENERATE = REPO_ROOT / "scripts" / "generate"
GENERATE_PY = REPO_ROOT / "generator" / "generate.py"
GENERATED = REPO_ROOT / "generated_client"
PACKAGE = GENERATED / "plivo_masking_client"


def run_generate(*args: str | Path, script: bool = True) -> subprocess.CompletedProcess[str]:
    """scripts/generate itself (bootstrap, uv run --frozen, generator/generate.py), or with
    `script=False` just generator/generate.py in this (the same) environment, which is faster."""
    command = [str(GENERATE)] if script else [sys.executable, str(GENERATE_PY)]
    return subprocess.run(
        [*command, *map(str, args)],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=240,
    )


def edited_spec_copy(tmp_path: Path) -> Path:
    """A copy of openapi.yaml with one new Session field, as a spec change would bring."""
    spec = yaml.safe_load((REPO_ROOT / "openapi.yaml").read_text(encoding="utf-8"))
    spec["components"]["schemas"]["Session"]["properties"]["caller_id_name"] = {
        "type": "string",
        "description": "A field the spec gained without regenerating the client.",
    }
    copy = tmp_path / "openapi.yaml"
    copy.write_text(yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")
    return copy


def test_committed_client_is_what_the_spec_generates() -> None:
    result = run_generate("--check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "generated_client/ is up to date with openapi.yaml" in result.stdout


def test_drift_check_fails_when_the_spec_changes_without_regeneration(tmp_path: Path) -> None:
    result = run_generate("--check", "--spec", edited_spec_copy(tmp_path))
    assert result.returncode == 1, result.stdout + result.stderr
    assert "run scripts/generate" in result.stderr
    assert "changed:  plivo_masking_client/models/session.py" in result.stderr
    assert "changed:  plivo_masking_client/models/session_list_item.py" in result.stderr
    assert "+    caller_id_name: str | Unset = UNSET" in result.stderr  # the diff is shown


def test_drift_check_fails_on_a_hand_edit_and_on_extra_or_missing_files(tmp_path: Path) -> None:
    copy = tmp_path / "generated_client"
    subprocess.run(["cp", "-a", str(GENERATED), str(copy)], check=True)
    client_py = copy / "plivo_masking_client" / "client.py"
    client_py.write_text(client_py.read_text(encoding="utf-8") + "# tweak\n", encoding="utf-8")
    (copy / "plivo_masking_client" / "models" / "error_response.py").unlink()
    (copy / "plivo_masking_client" / "helpers.py").write_text("X = 1\n", encoding="utf-8")
    # What installing and testing leave behind is not drift.
    (copy / "plivo_masking_client" / "__pycache__").mkdir(exist_ok=True)
    (copy / "plivo_masking_client" / "__pycache__" / "client.cpython-311.pyc").write_bytes(b"")
    result = run_generate("--check", "--output", copy, script=False)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert "  changed:  plivo_masking_client/client.py" in lines
    assert "  missing:  plivo_masking_client/models/error_response.py" in lines
    assert "  extra:    plivo_masking_client/helpers.py  (not generated; remove it)" in lines
    assert not any("__pycache__" in line for line in lines)
    assert "(3 files differ): run scripts/generate" in result.stderr


def test_generation_writes_the_output_and_is_idempotent(tmp_path: Path) -> None:
    output = tmp_path / "client"
    assert run_generate("--output", output, script=False).returncode == 0
    first = {p: p.read_bytes() for p in sorted(output.rglob("*")) if p.is_file()}
    session_py = Path("plivo_masking_client", "models", "session.py")
    assert first[output / session_py] == (GENERATED / session_py).read_bytes()
    assert run_generate("--output", output, script=False).returncode == 0
    assert {p: p.read_bytes() for p in sorted(output.rglob("*")) if p.is_file()} == first
    assert not list(tmp_path.glob(".client-staging-*")), "the staging folder is removed"


def test_a_failed_generation_leaves_the_output_untouched(tmp_path: Path) -> None:
    output = tmp_path / "client"
    output.mkdir()
    (output / "keep.txt").write_text("previous client\n", encoding="utf-8")
    spec = yaml.safe_load((REPO_ROOT / "openapi.yaml").read_text(encoding="utf-8"))
    # A schema the generator cannot parse: it warns, and --fail-on-warning makes that fatal.
    spec["components"]["schemas"]["Session"]["properties"]["status"] = {"$ref": "#/nowhere"}
    broken = tmp_path / "openapi.yaml"
    broken.write_text(yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")
    result = run_generate("--spec", broken, "--output", output, script=False)
    assert result.returncode == 1
    assert "openapi-python-client failed" in result.stderr
    assert "client/ was not changed." in result.stderr
    assert [p.name for p in output.iterdir()] == ["keep.txt"]
    assert not list(tmp_path.glob(".client-staging-*"))


@pytest.mark.parametrize(
    "spec_text,message",
    [(None, "cannot read the spec"), ("paths: [\n", "is not valid YAML")],
    ids=["missing", "invalid-yaml"],
)
def test_an_unreadable_spec_is_named_without_a_traceback(
    tmp_path: Path, spec_text: str | None, message: str
) -> None:
    spec = tmp_path / "openapi.yaml"
    if spec_text is not None:
        spec.write_text(spec_text, encoding="utf-8")
    output = tmp_path / "client"
    result = run_generate("--spec", spec, "--output", output, script=False)
    assert result.returncode == 1
    assert message in result.stderr and str(spec) in result.stderr
    assert "Traceback" not in result.stderr
    assert not output.exists()


def test_config_pins_the_post_hooks_to_the_project_ruff_in_isolation() -> None:
    config = yaml.safe_load((REPO_ROOT / "generator" / "config.yaml").read_text(encoding="utf-8"))
    hooks = config["post_hooks"]
    assert hooks, "explicit post-hooks, not the generator's defaults"
    for hook in hooks:
        assert hook.startswith("python -m ruff "), hook
        assert "--isolated" in hook.split() and "--no-cache" in hook.split(), hook
    assert config["package_name_override"] == "plivo_masking_client"
    assert config["project_name_override"] == "plivo-masking-client"


def test_the_generator_runs_with_fail_on_warning() -> None:
    source = (REPO_ROOT / "generator" / "generate.py").read_text(encoding="utf-8")
    assert '"--fail-on-warning"' in source


def test_the_package_ships_py_typed_and_its_own_metadata() -> None:
    assert (PACKAGE / "py.typed").is_file()
    metadata = (GENERATED / "pyproject.toml").read_text(encoding="utf-8")
    assert 'name = "plivo-masking-client"' in metadata
    assert 'packages = ["plivo_masking_client"]' in metadata


def test_resource_method_names_come_from_the_spec(tmp_path: Path) -> None:
    """`x-client-method` names the method of MaskingClient: renaming it in the spec is drift
    that the check reports in the generated resources."""
    spec = yaml.safe_load((REPO_ROOT / "openapi.yaml").read_text(encoding="utf-8"))
    operation = spec["paths"]["/v1/Account/{auth_id}/Masking/Session/{session_uuid}"]["delete"]
    assert operation["x-client-method"] == "sessions.expire"
    operation["x-client-method"] = "sessions.terminate"
    copy = tmp_path / "openapi.yaml"
    copy.write_text(yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")
    result = run_generate("--check", "--spec", copy, script=False)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "changed:  plivo_masking_client/_resources.py" in result.stderr
    assert "+    def terminate(" in result.stderr

    del operation["x-client-method"]
    copy.write_text(yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")
    result = run_generate("--check", "--spec", copy, script=False)
    assert result.returncode == 1
    assert "x-client-method must be '<resource>.<method>'" in result.stderr
