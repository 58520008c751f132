"""MkDocs hooks of the documentation site (mkdocs.yml `hooks:`), so that the site cannot drift
from the code:

- a line `<!-- generated: NAME -->` in a page is replaced by the table NAME, made from the code
  at build time (GENERATORS: the CLI flags from the argparse parsers, the planted faults from
  `plivo_masking_mock.faults.FAULTS`); an unknown NAME fails the build;
- the Redoc API reference page is rendered from openapi.yaml into the site as
  `reference/api.html` (by `scripts/docs --out`, with the pinned Redocly CLI);
- `benchmarks/RESULTS.md` becomes the page `benchmark-results.md`.

The tables the code knows but cannot describe in words (the admin routes, the config keys) are
written in the pages and checked against the code by tests/docs/test_docs_match_code.py.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from plivo_masking_contract.cli import build_parser as contract_parser
from plivo_masking_mock.cli import build_parser as mock_parser
from plivo_masking_mock.faults import FAULTS

ROOT = Path(__file__).resolve().parent.parent
API_PAGE = "reference/api.html"
RESULTS_PAGE = "benchmark-results.md"
MARKER = re.compile(r"^<!-- generated: ([\w-]+) -->$", re.MULTILINE)


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def flag_table(parser: argparse.ArgumentParser) -> str:
    """A Markdown table of the parser's arguments: flag (with its metavar) and help."""
    rows = ["| flag | meaning |", "|---|---|"]
    for action in parser._actions:
        if isinstance(action, argparse._HelpAction | argparse._SubParsersAction):
            continue
        if action.option_strings:
            flag = ", ".join(action.option_strings)
            if action.nargs != 0:
                if action.metavar is not None:
                    metavar = str(action.metavar)
                elif action.choices is not None:
                    metavar = "|".join(str(choice) for choice in action.choices)
                else:
                    metavar = action.dest.upper()
                flag += f" {metavar}"
        else:
            flag = str(action.metavar or action.dest.upper())
        rows.append(f"| `{_cell(flag)}` | {_cell(action.help or '')} |")
    return "\n".join(rows)


def _subparser(parser: argparse.ArgumentParser, name: str) -> argparse.ArgumentParser:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            found: argparse.ArgumentParser = action.choices[name]
            return found
    raise LookupError(f"{parser.prog} has no subcommand {name!r}")


def mock_serve_flags() -> str:
    return flag_table(_subparser(mock_parser(), "serve"))


def mock_commands() -> str:
    rows = ["| command | does |", "|---|---|"]
    for action in mock_parser()._actions:
        if isinstance(action, argparse._SubParsersAction):
            for choice in action._choices_actions:
                rows.append(f"| `plivo-masking-mock {choice.dest}` | {_cell(choice.help or '')} |")
    return "\n".join(rows)


def contract_flags() -> str:
    return flag_table(contract_parser())


def mock_faults() -> str:
    rows = ["| fault | the mock then |", "|---|---|"]
    rows += [f"| `{name}` | {_cell(text)} |" for name, text in FAULTS.items()]
    return "\n".join(rows)


GENERATORS: dict[str, Callable[[], str]] = {
    "mock-serve-flags": mock_serve_flags,
    "mock-commands": mock_commands,
    "contract-flags": contract_flags,
    "mock-faults": mock_faults,
}


def expand(markdown: str, where: str = "a page") -> str:
    """The page with every generated-table marker replaced; ValueError for an unknown one."""

    def table(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in GENERATORS:
            known = ", ".join(GENERATORS)
            raise ValueError(f"{where}: unknown generated table {name!r} (known: {known})")
        return GENERATORS[name]()

    return MARKER.sub(table, markdown)


def render_api_reference(out: Path) -> None:
    """The Redoc page of openapi.yaml at `out`, by scripts/docs (already set up: no bootstrap)."""
    result = subprocess.run(
        [str(ROOT / "scripts" / "docs"), "--out", str(out)],
        env={**os.environ, "PLIVO_DOCS_SET_UP": "1"},
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    if result.returncode != 0:
        raise RuntimeError(f"scripts/docs --out failed:\n{result.stdout}{result.stderr}")


def benchmark_results_page() -> str:
    text = (ROOT / "benchmarks" / "RESULTS.md").read_text(encoding="utf-8")
    # RESULTS.md links to the benchmarks page as seen from benchmarks/.
    return text.replace("](../docs/benchmarks.md)", "](benchmarks.md)")


# ---- the hooks (mkdocs imports this file by path; the types are mkdocs')


def on_files(files: Any, config: Any) -> Any:
    with tempfile.TemporaryDirectory(prefix="plivo-docs-") as scratch:
        page = Path(scratch) / "api.html"
        render_api_reference(page)
        files.append(File.generated(config, API_PAGE, content=page.read_bytes()))
    files.append(File.generated(config, RESULTS_PAGE, content=benchmark_results_page()))
    return files


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    try:
        return expand(markdown, page.file.src_uri)
    except ValueError as error:
        raise PluginError(str(error)) from None
