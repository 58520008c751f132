"""scripts/lint-spec: Spectral (spectral:oas, .spectral.yaml) and Redocly (recommended,
redocly.yaml) both pass on openapi.yaml with zero errors, and the script fails when either finds
one."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
LINT = ROOT / "scripts" / "lint-spec"


def lint(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(LINT), *args], capture_output=True, text=True, check=False, timeout=300
    )


@pytest.mark.slow
def test_spec_has_no_lint_errors() -> None:
    result = lint()
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "== Spectral" in output and "== Redocly lint" in output
    spectral_summary = re.search(r"\((\d+) errors?,", output)
    assert spectral_summary is None or spectral_summary.group(1) == "0", output
    assert "Your API description is valid" in output, output


@pytest.mark.slow
def test_lint_fails_on_an_error(tmp_path: Path) -> None:
    spec = yaml.safe_load((ROOT / "openapi.yaml").read_text())
    del spec["info"]["title"]
    broken = tmp_path / "openapi.yaml"
    broken.write_text(yaml.safe_dump(spec, sort_keys=False))
    result = lint(str(broken))
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert '"info" property must have required property "title"' in output  # Spectral
    assert "The field `title` must be present on this level" in output  # Redocly
