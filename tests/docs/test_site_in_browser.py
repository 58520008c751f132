"""The built site in a real browser: Debian's Chromium, headless, driven by Playwright (its own
browser downloads are never used). The site is served on loopback; every other request is
refused and recorded, so a page that loads anything from outside fails the test. Checks the
navigation, the search, and that the API reference page opened at an operation shows that
operation at the top of the window. Keeps screenshots in build/test-output/docs/ (not
committed) for a person to look at."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.browser import CHROMIUM as BROWSER_PATH
from tests.browser import FLAGS as BROWSER_FLAGS
from tests.docs.conftest import ROOT

CHROMIUM = Path(BROWSER_PATH)
OUTPUT = ROOT / "build" / "test-output" / "docs"
FLAGS = [
    *(flag for flag in BROWSER_FLAGS if flag != "--headless"),  # Playwright adds its own
    # Nothing but loopback resolves, whatever the route handler below lets through.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not CHROMIUM.is_file(),
        reason="needs Debian's chromium (scripts/bootstrap-other-languages installs it as root)",
    ),
]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def site_url(built_site: Path) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def browser_page(site_url: str) -> Iterator[tuple[Any, list[str]]]:
    from playwright.sync_api import sync_playwright  # noqa: PLC0415 (only where Chromium is)

    outside: list[str] = []
    site_host = urlsplit(site_url).netloc

    def route(request_route: Any) -> None:
        url = request_route.request.url
        if urlsplit(url).scheme in {"data", "blob"} or urlsplit(url).netloc == site_host:
            request_route.continue_()
        else:
            outside.append(url)
            request_route.abort()

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        try:
            context = browser.new_context(viewport={"width": 1280, "height": 800})
            context.route("**/*", route)
            yield context.new_page(), outside
        finally:
            browser.close()


def test_landing_page_navigation_and_no_outside_requests(
    browser_page: tuple[Any, list[str]], site_url: str
) -> None:
    page, outside = browser_page
    page.goto(site_url, wait_until="networkidle")
    assert "Plivo Number Masking" in page.title()
    OUTPUT.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(OUTPUT / "landing.png"))
    links = page.eval_on_selector_all(
        "nav.md-nav--primary a.md-nav__link[href]", "els => els.map(e => e.href)"
    )
    pages = sorted({link.split("#")[0] for link in links if link.startswith(site_url)})
    assert len(pages) >= 10, pages
    page.get_by_role("navigation").get_by_role("link", name="Contract testing").first.click()
    page.wait_for_url("**/contract-testing/")
    assert page.locator("article h1").inner_text().startswith("Contract testing")
    for url in pages:
        response = page.goto(url, wait_until="networkidle")
        assert response is not None and response.status == 200, url
        assert page.locator("article h1").count() == 1, url
    assert outside == [], f"pages loaded from outside: {outside}"


def test_search_finds_a_page(browser_page: tuple[Any, list[str]], site_url: str) -> None:
    page, outside = browser_page
    page.goto(site_url, wait_until="networkidle")
    page.locator("input.md-search__input").click()
    page.keyboard.type("planted fault")  # Material searches on key events, not on `fill`
    results = page.locator(".md-search-result__item a")
    results.first.wait_for(timeout=15_000)
    hrefs = results.evaluate_all("els => els.map(e => e.href)")
    assert any("contract-testing" in href or "mock-server" in href for href in hrefs), hrefs
    assert outside == []


def test_the_api_reference_opens_at_an_operation_without_a_blank_band(
    browser_page: tuple[Any, list[str]], site_url: str
) -> None:
    page, outside = browser_page
    page.goto(site_url + "reference/", wait_until="networkidle")
    page.get_by_role("link", name="Open the API reference").click()
    page.wait_for_url("**/reference/api.html")
    page.goto(
        site_url + "reference/api.html#/masking-sessions/update_masking_session",
        wait_until="networkidle",
    )
    heading = page.get_by_role("heading", name="Update a number masking session").first
    heading.wait_for(timeout=15_000)
    page.wait_for_function("window.scrollY > 0")
    page.wait_for_timeout(500)  # Redoc's scroll to the operation settles
    box = heading.bounding_box()
    assert box is not None
    # The operation's heading is at the top of the window: nothing blank above it.
    assert 0 <= box["y"] < 150, box
    page.screenshot(path=str(OUTPUT / "api-reference-update.png"))
    assert outside == [], f"the API reference loaded from outside: {outside}"
