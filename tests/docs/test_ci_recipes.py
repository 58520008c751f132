"""The CI recipes of examples/ci/ are valid YAML of their CI system's shape, and every command in
them is a real console script of these packages with flags its argparse parser accepts (or a
`pip install` of these distributions)."""

from __future__ import annotations

import argparse
import contextlib
import io
import re
import shlex
import tomllib
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import yaml

from plivo_masking_contract.cli import build_parser as contract_parser
from plivo_masking_mock.cli import build_parser as mock_parser
from tests.docs.conftest import ROOT

CI = ROOT / "examples" / "ci"
JUNIT = "reports/contract-junit.xml"
PARSERS: dict[str, Callable[[], argparse.ArgumentParser]] = {
    "plivo-masking-contract": contract_parser,
    "plivo-masking-mock": mock_parser,
}
DISTRIBUTIONS = {"plivo-masking-contract", "plivo-masking-mock", "plivo-masking-client"}
GITLAB_KEYWORDS = {"stages", "variables", "default", "include", "workflow", "image", "services"}


def console_scripts() -> set[str]:
    names: set[str] = set()
    for pyproject in [
        *ROOT.glob("packages/*/pyproject.toml"),
        ROOT / "generated_client/pyproject.toml",
    ]:
        project = tomllib.loads(pyproject.read_text())["project"]
        names |= set(project.get("scripts", {}))
    return names


def check_command(command: str) -> str:
    """Fails unless `command` is a known console script with valid flags, or a pip install of
    these distributions; the command's name."""
    words = shlex.split(command)
    assert words, command
    name = words[0]
    if name == "pip":
        assert words[1] == "install", command
        for requirement in words[2:]:
            assert not requirement.startswith("-"), command
            distribution = re.sub(r"\[.*\]$", "", requirement)
            assert distribution in DISTRIBUTIONS, f"{requirement}: not a distribution of ours"
        return name
    assert name in console_scripts(), f"{name}: not a console script of the packages"
    assert name in PARSERS, f"{name}: no parser known to this test"
    errors = io.StringIO()
    try:
        with contextlib.redirect_stderr(errors):
            PARSERS[name]().parse_args(words[1:])
    except SystemExit:
        pytest.fail(f"{command!r} is refused by {name}'s parser: {errors.getvalue()}")
    return name


def github_commands(workflow: dict[Any, Any]) -> Iterator[str]:
    for job in workflow["jobs"].values():
        for step in job["steps"]:
            if "run" in step:
                # A `|` block is one command a line; `>-` folds into one line.
                yield from (line for line in step["run"].splitlines() if line.strip())


def test_the_github_actions_recipe_is_a_workflow_that_runs_real_commands() -> None:
    workflow = yaml.safe_load((CI / "github-actions.yml").read_text())
    assert isinstance(workflow, dict) and isinstance(workflow.get("name"), str)
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true
    assert triggers and {"push", "pull_request"} <= set(triggers)
    jobs = workflow["jobs"]
    assert isinstance(jobs, dict) and {"sandbox", "live"} <= set(jobs)
    for name, job in jobs.items():
        assert isinstance(job["runs-on"], str), name
        assert isinstance(job["steps"], list) and job["steps"], name
        for step in job["steps"]:
            assert isinstance(step, dict), step
            assert ("uses" in step) != ("run" in step), f"{name}: a step uses or runs: {step}"
            if "uses" in step:
                assert re.fullmatch(r"[\w.-]+/[\w.-]+@v\d+", step["uses"]), step
        uploads = [
            s for s in job["steps"] if str(s.get("uses", "")).startswith("actions/upload-artifact@")
        ]
        assert len(uploads) == 1, name
        assert JUNIT in uploads[0]["with"]["path"], name
        assert str(uploads[0]["if"]).startswith("always()"), (
            "the report is kept when the suite fails"
        )
    for secret in ("PLIVO_CONTRACT_URL", "PLIVO_AUTH_ID", "PLIVO_AUTH_TOKEN"):
        assert jobs["live"]["env"][secret] == f"${{{{ secrets.{secret} }}}}"
    commands = list(github_commands(workflow))
    assert {check_command(command) for command in commands} == {"pip", "plivo-masking-contract"}
    contract_runs = [c for c in commands if c.startswith("plivo-masking-contract")]
    assert any("--url" not in c for c in contract_runs), "a run against the bundled mock"
    assert any('--url "$PLIVO_CONTRACT_URL"' in c for c in contract_runs), "a run from the secret"
    assert all("--reports-dir reports" in c for c in contract_runs)


def gitlab_jobs(pipeline: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The jobs (hidden templates merged in through `extends`)."""
    jobs: dict[str, dict[str, Any]] = {}
    for name, job in pipeline.items():
        if name in GITLAB_KEYWORDS or name.startswith("."):
            continue
        assert isinstance(job, dict), name
        merged: dict[str, Any] = {}
        for template in (
            [job.get("extends", [])]
            if isinstance(job.get("extends"), str)
            else job.get("extends", [])
        ):
            merged.update(pipeline[template])
        merged.update(job)
        jobs[name] = merged
    return jobs


def test_the_gitlab_recipe_is_a_pipeline_that_runs_real_commands() -> None:
    pipeline = yaml.safe_load((CI / "gitlab-ci.yml").read_text())
    assert isinstance(pipeline, dict)
    stages = pipeline["stages"]
    jobs = gitlab_jobs(pipeline)
    assert {"contract-sandbox", "contract-live"} <= set(jobs)
    commands: list[str] = []
    for name, job in jobs.items():
        assert job["stage"] in stages, name
        assert isinstance(job["script"], list) and all(isinstance(s, str) for s in job["script"])
        assert job["artifacts"]["reports"]["junit"] == JUNIT, name
        assert job["artifacts"]["when"] == "always", name
        commands += job["script"]
    assert jobs["contract-live"]["rules"] == [{"if": "$PLIVO_CONTRACT_URL"}]
    assert {check_command(command) for command in commands} == {"pip", "plivo-masking-contract"}
    contract_runs = [c for c in commands if c.startswith("plivo-masking-contract")]
    assert any("--url" not in c for c in contract_runs)
    assert any('--url "$PLIVO_CONTRACT_URL"' in c for c in contract_runs)


def test_the_command_check_refuses_wrong_flags_and_names() -> None:
    with pytest.raises(pytest.fail.Exception):
        check_command("plivo-masking-contract --no-such-flag")
    with pytest.raises(AssertionError):
        check_command("plivo-masking-contracts --url x")
    with pytest.raises(AssertionError):
        check_command("pip install plivo-masking-mocks")
    assert check_command("plivo-masking-mock serve --port 0") == "plivo-masking-mock"


def test_the_ci_page_shows_the_recipe_files(built_site: Any) -> None:
    page = (built_site / "ci" / "index.html").read_text()
    for recipe in ("github-actions.yml", "gitlab-ci.yml"):
        first_line = (CI / recipe).read_text().splitlines()[0]
        assert first_line in page, f"docs/ci.md does not include {recipe}"
    assert "actions/upload-artifact" in page and "contract-junit.xml" in page
