"""The copied fixtures carry their provenance, and the tests read nothing outside the project."""

from __future__ import annotations

import json
import re
from pathlib import Path

from tests.wire_samples import FIXTURES_DIR

REPO_ROOT = Path(__file__).resolve().parent.parent
PROVENANCE = FIXTURES_DIR / "provenance.json"
OWN_FILES = {"provenance.json", "README.md"}


def fixture_files() -> set[str]:
    return {
        str(path.relative_to(FIXTURES_DIR))
        for path in FIXTURES_DIR.rglob("*")
        if path.is_file() and path.name not in OWN_FILES
    }


def test_every_fixture_has_its_provenance_and_every_entry_its_file() -> None:
    entries = json.loads(PROVENANCE.read_text(encoding="utf-8"))
    assert fixture_files(), "no fixtures found"
    assert set(entries) == fixture_files()
    for name, entry in entries.items():
        assert entry["source"], name
        assert entry["licence"], name
        if name.startswith("wire-samples/"):
            assert re.fullmatch(r"https://github\.com/plivo/plivo-[a-z]+", entry["source"]), name
            assert entry["path"].endswith(Path(name).name), name


def test_nothing_in_the_project_reads_the_shared_folder() -> None:
    """A user's clone has no ../shared beside it: no test, script or package may look there."""
    offenders = []
    for folder in ("tests", "packages", "scripts", "benchmarks", "generator", ".ci"):
        for path in (REPO_ROOT / folder).rglob("*"):
            if not path.is_file() or path.suffix in (".json", ".pyc") or path == Path(__file__):
                continue
            text = path.read_text(encoding="utf-8", errors="replace")
            if re.search(r"\.\./shared|PLIVO_SHARED_DIR|parent / \"shared\"", text):
                offenders.append(str(path.relative_to(REPO_ROOT)))
    assert offenders == []
