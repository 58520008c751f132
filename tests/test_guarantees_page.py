"""docs/guarantees.md is the rendering of docs/guarantees.json, and those figures are of a run
of the current suite (its sizes) that passed and lost nothing."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from tests.reliability import budget

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
from guarantees import FIGURES, PAGE, render


def test_the_page_is_rendered_from_the_figures() -> None:
    assert PAGE.read_text() == render(json.loads(FIGURES.read_text()))


def test_the_figures_are_of_the_current_suite_and_a_passing_run() -> None:
    figures = json.loads(FIGURES.read_text())
    assert figures["outcome"] == "passed"
    assert figures["concurrency"]["clients"] == budget.CONCURRENT_CLIENTS
    assert figures["kills"]["kills"] == budget.KILLS
    assert figures["kills"]["writers"] == budget.KILL_WRITERS
    assert figures["negative_fuzzing"]["max_examples"] == budget.NEGATIVE_EXAMPLES_PER_OPERATION
    assert figures["kills"]["lost"] == 0
    assert figures["hostile_input"]["problems"] == 0
    assert figures["concurrency"]["server_errors"] == 0
    assert figures["concurrency"]["mismatches"] == 0
