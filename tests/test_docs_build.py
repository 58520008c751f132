"""scripts/docs renders openapi.yaml with Redocly into one self-contained HTML page that carries
every operation's summary.

The page prerenders the overview and the sidebar's tags; Redoc renders the operations from the
page's embedded copy of the spec when they are opened (hash routes on file://). That they do, with
no network, is checked in headless Chromium by tests/docs/test_site_in_browser.py; this test reads
the HTML."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
import yaml

from plivo_masking_spec import iter_operations, load_document

ROOT = Path(__file__).resolve().parent.parent


def operation_summaries() -> list[str]:
    return [str(op.definition["summary"]) for op in iter_operations(load_document())]


@pytest.mark.slow
def test_docs_page_is_self_contained_and_shows_every_operation(tmp_path: Path) -> None:
    page = tmp_path / "docs" / "index.html"
    result = subprocess.run(
        [str(ROOT / "scripts" / "docs"), "--out", str(page)],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    html = page.read_text()
    assert len(html) > 200_000  # the page plus Redoc's inlined scripts
    spec = yaml.safe_load((ROOT / "openapi.yaml").read_text())
    for tag in spec.get("tags", []):
        assert f'data-text="{tag["name"]}"' in html  # the prerendered sidebar
    summaries = operation_summaries()
    assert len(summaries) >= 5
    for summary in summaries:
        assert summary in html, f"the docs page lacks the operation {summary!r}"
    external_scripts = re.findall(r"<script[^>]*\bsrc=\"https?://[^\"]*\"", html)
    assert external_scripts == [], "the page must open without network"
    # Redoc 3's attribution logo comes from Redocly's CDN; scripts/docs takes it out.
    assert "cdn.redoc.ly" not in html
