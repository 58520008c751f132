"""Debian's Chromium, headless, driven by Playwright for Python (never `playwright install`).

`scripts/bootstrap-other-languages` installs the `chromium` package when run as root (as
`scripts/test` and CI do). Every request the page makes to anything but loopback is aborted
and remembered, so a test can assert the console needed nothing from the network.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import BrowserContext, Route, sync_playwright

CHROMIUM = "/usr/bin/chromium"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
_LOOPBACK = {"127.0.0.1", "localhost", "::1", "[::1]"}


def chromium_path() -> str | None:
    if Path(CHROMIUM).exists():
        return CHROMIUM
    return shutil.which("chromium")


def missing_reason() -> str:
    return (
        "Debian's chromium is not installed: scripts/bootstrap-other-languages installs it "
        "(as root), as scripts/test does"
    )


@dataclass
class Browser:
    context: BrowserContext
    # URLs of requests to anything but loopback, which were aborted.
    outside: list[str] = field(default_factory=list)


@contextmanager
def chromium(profile: Path, width: int = 1360, height: int = 900) -> Iterator[Browser]:
    """A fresh headless Chromium (its profile in `profile`) that reaches loopback only."""
    executable = chromium_path()
    if executable is None:
        raise RuntimeError(missing_reason())
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(profile),
            executable_path=executable,
            args=FLAGS,
            headless=True,
            viewport={"width": width, "height": height},
            env={**os.environ, "TZ": "UTC"},
        )
        browser = Browser(context)

        def loopback_only(route: Route) -> None:
            host = urlsplit(route.request.url).hostname or ""
            if route.request.url.startswith(("data:", "blob:")) or host in _LOOPBACK:
                route.continue_()
            else:
                browser.outside.append(route.request.url)
                route.abort("internetdisconnected")

        context.route("**/*", loopback_only)
        try:
            yield browser
        finally:
            context.close()
