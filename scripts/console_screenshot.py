"""Refreshes docs/img/console.png: the console of a mock with a few sessions in it, in headless
Debian Chromium (see tests/browser.py). Run through scripts/console-screenshot."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from plivo_masking_mock.server import MockServer  # noqa: E402
from tests.browser import chromium  # noqa: E402

PARTIES = [
    ("+12025550000", "+12025551111"),
    ("+12025552222", "+12025553333"),
    ("+12025554444", "+12025555555"),
    ("+12025556666", "+12025557777"),
]


def populate(mock: MockServer) -> str:
    """A few sessions: one updated, one with a call, one expired. Returns one to open."""
    auth = (mock.auth_id, mock.auth_token)
    uuids = []
    for index, (first, second) in enumerate(PARTIES):
        body = {"first_party": first, "second_party": second, "session_expiry": 600 * (index + 1)}
        answer = httpx.post(mock.sessions_url, json=body, auth=auth)
        answer.raise_for_status()
        uuids.append(answer.json()["session_uuid"])
        mock.advance(37)
    httpx.post(f"{mock.sessions_url}{uuids[1]}/", json={"record": True}, auth=auth)
    mock.simulate_call(uuids[1], duration=95, wait=True)
    httpx.delete(f"{mock.sessions_url}{uuids[0]}/", auth=auth)
    return str(uuids[1])


def main(argv: list[str]) -> int:
    target = Path(argv[1]) if len(argv) > 1 else ROOT / "docs/img/console.png"
    target.parent.mkdir(parents=True, exist_ok=True)
    with MockServer() as mock, tempfile.TemporaryDirectory() as profile:
        populate(mock)
        with chromium(Path(profile), width=1280, height=760) as browser:
            page = browser.context.new_page()
            page.goto(f"{mock.base_url}/__mock__/console")
            page.wait_for_selector("tr[data-session-uuid]")
            page.wait_for_selector("#recent-deliveries p")
            page.screenshot(path=str(target), full_page=True)
            if browser.outside:
                print(f"the console asked beyond loopback: {browser.outside}", file=sys.stderr)
                return 1
    print(f"console-screenshot: wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
