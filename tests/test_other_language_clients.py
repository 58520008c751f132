"""Clients for other languages: scripts/generate-client generates them from openapi.yaml, and each
compiles together with its sample program of tests/other_languages/ (which calls
updateMaskingSession). TypeScript must compile everywhere (tsc is pinned in tooling/); Go and Java
are skipped, with the reason, where their Debian packages are missing
(scripts/bootstrap-other-languages installs them).
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GENERATE = ROOT / "scripts" / "generate-client"
TOOLCHAIN_MISSING = 3  # exit status of generate-client --compile


def generate(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(GENERATE), *args], capture_output=True, text=True, check=False, timeout=600
    )


def test_unknown_language_is_refused_with_the_supported_ones() -> None:
    result = generate("--lang", "cobol")
    assert result.returncode == 2
    assert "unknown language 'cobol'" in result.stderr
    assert "go, java, typescript-fetch" in result.stderr


def test_refuses_to_empty_a_folder_that_holds_no_generated_client(tmp_path: Path) -> None:
    keep = tmp_path / "precious.txt"
    keep.write_text("not a client")
    result = generate("--lang", "go", "--out", str(tmp_path))
    assert result.returncode != 0
    assert "holds no generated client" in result.stderr
    assert keep.read_text() == "not a client"


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["typescript-fetch", "go", "java"])
def test_client_generates_and_compiles_with_its_sample(lang: str, tmp_path: Path) -> None:
    out = tmp_path / lang
    result = generate("--lang", lang, "--out", str(out), "--compile")
    if result.returncode == TOOLCHAIN_MISSING:
        pytest.skip(result.stderr.strip())
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"the {lang} client and its sample program compile" in result.stdout
    assert (out / ".openapi-generator" / "FILES").is_file()
