"""The console in a real browser (headless Debian Chromium, Playwright): open it, create a
session through the API and see it appear, play a call from the form, see the deliveries
arrive, expire the session and see its status change, move the clock, switch a fault.

A screenshot of each step goes to the test's output folder (printed, not committed). Every
step waits for something the page must render, so a console that renders nothing fails; the
browser reaches loopback only, and the test fails if the page asked for anything else.
"""

from __future__ import annotations

import http.server
import json
import os
import re
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from playwright.sync_api import Page, expect

from plivo_masking_mock.server import MockServer
from tests.browser import Browser, chromium, chromium_path, missing_reason

FIRST = "+12025550000"
SECOND = "+12025551111"
WAIT_MS = 10_000


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Browser]:
    if chromium_path() is None:
        if os.environ.get("CI"):
            pytest.fail(missing_reason())
        pytest.skip(missing_reason())
    with chromium(tmp_path / "profile") as launched:
        yield launched
    assert launched.outside == [], "the console asked for something beyond loopback"


@pytest.fixture
def mock() -> Iterator[MockServer]:
    with MockServer() as server:
        yield server


class Receiver:
    """A callback endpoint on loopback that answers 200 and remembers what it got."""

    def __init__(self) -> None:
        self.received: list[dict[str, Any]] = []
        received = self.received

        class Handler(http.server.BaseHTTPRequestHandler):
            def _answer(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                body = self.rfile.read(length).decode("utf-8", "replace")
                received.append({"method": self.command, "path": self.path, "body": body})
                self.send_response(200)
                self.send_header("Content-Type", "text/plain")
                self.end_headers()
                self.wfile.write(b"ok")

            do_GET = do_POST = _answer

            def log_message(self, *_: Any) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/callback"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    callbacks = Receiver()
    yield callbacks
    callbacks.close()


class Steps:
    """Screenshots numbered in the order of the steps, under the test's output folder."""

    def __init__(self, page: Page, folder: Path, errors: list[str]) -> None:
        self.page = page
        self.errors = errors  # uncaught errors of the page's script
        self.folder = folder
        self.count = 0
        folder.mkdir(parents=True, exist_ok=True)
        print(f"console screenshots: {folder}")

    def shot(self, name: str) -> Path:
        self.count += 1
        path = self.folder / f"{self.count:02d}-{name}.png"
        self.page.screenshot(path=str(path), full_page=True)
        assert path.stat().st_size > 10_000, f"{path} looks blank"
        return path


def create_session(mock: MockServer, **body: Any) -> str:
    answer = httpx.post(
        mock.sessions_url,
        json={"first_party": FIRST, "second_party": SECOND, **body},
        auth=(mock.auth_id, mock.auth_token),
    )
    assert answer.status_code == 201, answer.text
    return str(answer.json()["session_uuid"])


def open_console(browser: Browser, mock: MockServer, tmp_path: Path) -> Steps:
    page = browser.context.new_page()
    page.set_default_timeout(WAIT_MS)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{mock.base_url}/__mock__/console")
    expect(page.locator("#sessions")).to_contain_text("no sessions")
    page.evaluate("window.__notReloaded = true")
    steps = Steps(page, tmp_path / "screenshots", errors)
    assert errors == [], errors
    return steps


def test_console_in_a_browser(
    browser: Browser, mock: MockServer, receiver: Receiver, tmp_path: Path
) -> None:
    steps = open_console(browser, mock, tmp_path)
    page = steps.page
    steps.shot("empty-console")

    # A session created through the API appears without a reload, counting down.
    uuid = create_session(mock, callback_url=receiver.url, session_expiry=3600)
    row = page.locator(f'tr[data-session-uuid="{uuid}"]')
    expect(row).to_have_attribute("data-status", "active")
    expect(row).to_contain_text("12025550000")
    expect(row.locator(".countdown")).to_have_text(re.compile(r"^00:59:[0-5]\d$"))
    assert page.evaluate("window.__notReloaded") is True
    steps.shot("session-appeared")

    # Its page: every attribute and its history.
    row.locator("a").click()
    expect(page.locator("h1")).to_contain_text(uuid)
    expect(page.locator("table.attributes")).to_contain_text("callback_url")
    expect(page.locator("table.attributes")).to_contain_text(receiver.url)
    expect(page.locator('ol.history li[data-kind="created"]')).to_have_count(1)
    steps.shot("session-page")

    # An update through the API shows up in the history with what it changed.
    update = httpx.post(
        f"{mock.sessions_url}{uuid}/", json={"record": True}, auth=(mock.auth_id, mock.auth_token)
    )
    assert update.status_code == 200, update.text
    changed = page.locator('ol.history li[data-kind="updated"]')
    expect(changed).to_contain_text("record")
    expect(changed.locator(".after")).to_contain_text(["true"])

    # Play a call from the form, played out at once ("wait"): the mock's clock is not moving.
    form = page.locator("#call-form")
    form.locator('input[name="duration"]').fill("42")
    form.locator('input[name="wait"]').check()
    form.locator("button").click()
    expect(page.locator("#action-result")).to_have_class("result ok")
    expect(page.locator("ol.calls li")).to_have_count(1)
    expect(page.locator("ol.calls")).to_contain_text('"duration": 42')
    steps.shot("call-played")

    # Expire it from the page: its status changes, here and in the list.
    page.locator("#expire-form button").click()
    expect(page.locator("#session-status")).to_have_text("expired")
    expect(page.locator('ol.history li[data-kind="expired"]')).to_have_count(1)
    steps.shot("session-expired")
    page.locator("a", has_text="all sessions").click()
    expect(page.locator(f'tr[data-session-uuid="{uuid}"]')).to_have_attribute(
        "data-status", "expired"
    )

    move_the_clock_and_switch_a_fault(steps, mock)
    assert steps.count == 6
    assert steps.errors == [], steps.errors


def move_the_clock_and_switch_a_fault(steps: Steps, mock: MockServer) -> None:
    page = steps.page
    # Move the clock from the form: a short session expires without a reload.
    short = create_session(mock, session_expiry=600)
    short_row = page.locator(f'tr[data-session-uuid="{short}"]')
    expect(short_row).to_have_attribute("data-status", "active")
    page.locator('input[name="seconds"]').fill("601")
    page.locator("button", has_text="Move clock").click()
    expect(short_row).to_have_attribute("data-status", "expired")

    # Switch a planted fault on and off.
    page.locator('select[name="fault"]').select_option("ignore_auth")
    page.locator("button", has_text="Switch on").click()
    expect(page.locator("#fault-banner")).to_be_visible()
    expect(page.locator("#fault-banner")).to_contain_text("ignore_auth")
    assert mock.app.faults.active == "ignore_auth"
    steps.shot("clock-moved-fault-on")
    page.locator("button", has_text="Switch off").click()
    expect(page.locator("#fault-banner")).to_be_hidden()
    assert mock.app.faults.active is None


def test_console_shows_deliveries_in_a_browser(
    browser: Browser, mock: MockServer, receiver: Receiver, tmp_path: Path
) -> None:
    steps = open_console(browser, mock, tmp_path)
    page = steps.page
    uuid = create_session(mock, callback_url=receiver.url)
    page.goto(f"{mock.base_url}/__mock__/console/sessions/{uuid}")
    expect(page.locator("#deliveries")).to_contain_text("no deliveries")
    page.evaluate("window.__notReloaded = true")
    form = page.locator("#call-form")
    form.locator('input[name="from"]').fill("first_party")
    form.locator("button").click()
    expect(page.locator("#action-result")).to_have_class("result ok")
    assert "call_uuid" in json.loads(page.locator("#action-result").inner_text())
    deliveries = page.locator("#deliveries article.delivery")
    expect(deliveries.first).to_be_visible()
    expect(deliveries.first).to_contain_text(receiver.url)
    expect(deliveries.first).to_contain_text("200")  # the receiver's answer, in an attempt
    assert receiver.received, "the mock delivered nothing to the receiver"
    assert page.evaluate("window.__notReloaded") is True
    steps.shot("deliveries-arrived")
    expect(page.locator("#recent-deliveries")).to_have_count(0)  # that panel is the index's
    page.goto(f"{mock.base_url}/__mock__/console")
    expect(page.locator("#recent-deliveries article.delivery").first).to_be_visible()
    steps.shot("recent-deliveries")
    assert steps.errors == [], steps.errors
