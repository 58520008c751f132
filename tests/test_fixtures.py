"""The copied fixtures carry their provenance, and the tests read nothing outside the project."""

from __future__ import annotations

import json
import re
from pathlib import Path

from tests.wire_samples import FIXTURES_DIR

REPO_ROOT = Path(__file__).resolve().parent.parent
PROVENANCE = FIXTURES_DIR / "provenance.json"
OWN_FILES = {"provenance.json", "README.md"}
# The ways a file could reach the folder beside the clone: its relative path, the variable the
# tests once read, or a path built from the checkout's parent. Spelt in parts, so that this file
# does not itself name the path it looks for.
_SHARED = "sha" + "red"
READS_SHARED = re.compile(rf"\.\./{_SHARED}\b|PLIVO_{_SHARED.upper()}_DIR|parent / \"{_SHARED}\"")


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
    """A user's clone has no shared folder beside it (the developers' reference material): no
    test, script or package may look there."""
    offenders = []
    for folder in ("tests", "packages", "scripts", "benchmarks", "generator", ".ci"):
        for path in (REPO_ROOT / folder).rglob("*"):
            if not path.is_file() or path.suffix in (".json", ".pyc") or path == Path(__file__):
                continue
            text = path.read_text(encoding="utf-8", errors="replace")
            if READS_SHARED.search(text):
                offenders.append(str(path.relative_to(REPO_ROOT)))
    assert offenders == []


def test_the_shared_folder_check_catches_each_way_of_reaching_it() -> None:
    for line in (
        f'WIRE = Path("../{_SHARED}/reference")',
        f'os.environ["PLIVO_{_SHARED.upper()}_DIR"]',
        f'REPO_ROOT.parent / "{_SHARED}" / "seed"',
    ):
        assert READS_SHARED.search(line), line
    assert not READS_SHARED.search("shared_parameters = entry.shared_parameters")
