"""The site builds with `mkdocs build --strict` (no broken link, no missing page); its reference
tables match the code; every link of the README resolves to a page of the site or a file of the
repository."""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Any

import docs_hooks
import yaml
from starlette.routing import Route

from plivo_masking_contract.cli import build_parser as contract_parser
from plivo_masking_mock.app import create_app
from plivo_masking_mock.cli import build_parser as mock_parser
from plivo_masking_mock.faults import FAULTS
from tests.docs.conftest import ROOT

DOCS = ROOT / "docs"
# Pages that exist only in the built site (scripts/docs_hooks.py makes them).
GENERATED_PAGES = {docs_hooks.RESULTS_PAGE, docs_hooks.API_PAGE}
LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")
FENCE = re.compile(r"^```.*?^```", re.MULTILINE | re.DOTALL)


def nav_pages() -> set[str]:
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text())
    pages: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, str):
            pages.add(node)
        elif isinstance(node, list):
            for item in node:
                walk(item)
        elif isinstance(node, dict):
            for value in node.values():
                walk(value)

    walk(config["nav"])
    return pages


def built_page(site: Path, page: str) -> Path:
    """The HTML file of a docs page (use_directory_urls: a/b.md -> a/b/index.html)."""
    if not page.endswith(".md"):
        return site / page
    stem = page.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return site / stem.removesuffix("index") / "index.html"
    return site / stem / "index.html"


def test_every_page_in_docs_is_in_the_nav_and_built(built_site: Path) -> None:
    sources = {str(p.relative_to(DOCS)) for p in DOCS.rglob("*.md")}
    nav = nav_pages()
    assert sources <= nav, f"pages missing from mkdocs.yml's nav: {sources - nav}"
    assert nav - sources <= GENERATED_PAGES
    for page in nav:
        assert built_page(built_site, page).is_file(), page
    assert (built_site / "reference" / "api.html").stat().st_size > 200_000
    assert (built_site / "search" / "search_index.json").is_file()


def test_generated_tables_carry_every_flag_and_fault(built_site: Path) -> None:
    mock_page = built_page(built_site, "mock-server.md").read_text()
    serve = docs_hooks._subparser(mock_parser(), "serve")
    for action in serve._actions:
        for flag in action.option_strings:
            assert flag in mock_page or flag in {"-h", "--help"}, flag
    for name, description in FAULTS.items():
        assert name in mock_page and description.split("`")[0].strip() in mock_page, name
    contract_page = built_page(built_site, "contract-testing.md").read_text()
    for action in contract_parser()._actions:
        for flag in action.option_strings:
            assert flag in contract_page or flag in {"-h", "--help"}, flag
    assert "<!-- generated:" not in mock_page + contract_page


def test_an_unknown_generated_table_fails_the_build() -> None:
    try:
        docs_hooks.expand("<!-- generated: no-such-table -->", "page.md")
    except ValueError as error:
        assert "no-such-table" in str(error)
    else:
        raise AssertionError("an unknown marker must fail")


def _table_column(page: Path, header: str) -> list[str]:
    """The first column of the Markdown table whose header row starts with `| header |`."""
    rows: list[str] = []
    inside = False
    for line in page.read_text().splitlines():
        if line.startswith(f"| {header} |"):
            inside = True
            continue
        if inside:
            if not line.startswith("|"):
                break
            cell = line.split("|")[1].strip()
            if not set(cell) <= set("-: "):
                rows.append(cell.strip("`"))
    assert rows, f"no table | {header} | in {page}"
    return rows


def test_the_admin_endpoints_table_lists_every_admin_route() -> None:
    routes = {
        f"{method} /__mock__{route.path}"
        for route in create_app().admin_routes
        if isinstance(route, Route)
        for method in route.methods or ()
        if method != "HEAD"
    }
    documented = set(_table_column(DOCS / "mock-server.md", "endpoint"))
    assert documented == routes


def _set_literal(function: str, target: str | None) -> set[str]:
    """The strings of `config.py`'s function's set literals: every one assigned (`=` or `|=`) to
    `target`, or the first."""
    tree = ast.parse((ROOT / "packages/mock/plivo_masking_mock/config.py").read_text())
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and node.name == function:
            sets = [inner for inner in ast.walk(node) if isinstance(inner, ast.Set)]
            if target is not None:
                assigned = [
                    parent.value
                    for parent in ast.walk(node)
                    if isinstance(parent, (ast.Assign, ast.AugAssign))
                    and any(
                        isinstance(name, ast.Name) and name.id == target
                        for name in (
                            parent.targets if isinstance(parent, ast.Assign) else [parent.target]
                        )
                    )
                ]
                sets = [inner for inner in sets if any(inner is value for value in assigned)]
            if sets:
                chosen = sets if target is not None else sets[:1]
                return {str(ast.literal_eval(e)) for inner in chosen for e in inner.elts}
    raise LookupError(function)


def test_the_config_keys_table_lists_every_key_the_mock_accepts() -> None:
    documented = set(_table_column(DOCS / "mock-server.md", "key"))
    top = _set_literal("config_from_mapping", "known")
    account = {f"accounts[].{key}" for key in _set_literal("_account", None)}
    assert documented == top | account


def test_the_planted_faults_table_of_the_contract_page_names_every_fault() -> None:
    rows = _table_column(DOCS / "contract-testing.md", "planted fault")
    assert {row.split("`")[0] for row in rows} == set(FAULTS)


def readme_links() -> list[str]:
    text = FENCE.sub("", (ROOT / "README.md").read_text())
    return LINK.findall(text)


def test_the_readme_is_short() -> None:
    assert len((ROOT / "README.md").read_text().splitlines()) <= 150


def test_every_readme_link_resolves_to_a_site_page_or_a_repository_file(built_site: Path) -> None:
    links = readme_links()
    assert len(links) >= 10
    nav = nav_pages()
    for link in links:
        assert not re.match(r"^[a-z]+:", link), f"the README links into the site only: {link}"
        target, _, anchor = link.partition("#")
        path = (ROOT / target).resolve()
        assert path.exists(), f"README link {link}: no {target} in the repository"
        relative = path.relative_to(ROOT)
        if relative.parts[0] != "docs" or path.suffix != ".md":
            continue
        page = str(relative.relative_to("docs"))
        assert page in nav, f"README link {link}: {page} is not a page of the site"
        if anchor:
            html = built_page(built_site, page).read_text()
            assert f'id="{anchor}"' in html, f"README link {link}: no such heading"
