"""The console's pages in-process: what they show, the filters, the one action of its own, and
that nothing they load comes from outside the mock (it works offline)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from starlette.testclient import TestClient

from plivo_masking_mock.app import MockApp
from plivo_masking_mock.clock import ManualClock
from plivo_masking_mock.config import Account, MockConfig

from .conftest import Api

CONSOLE = "/__mock__/console"
CONSOLE_FILES = Path(__file__).parents[2] / "packages/mock/plivo_masking_mock/console"


def rows(html: str) -> list[tuple[str, str]]:
    """(session_uuid, status) of each session row, in page order."""
    return re.findall(r'data-session-uuid="([^"]+)" data-status="([^"]+)"', html)


def test_sessions_newest_first_with_status_parties_number(
    client: TestClient, api: Api, clock: ManualClock
) -> None:
    assert "no sessions" in client.get(CONSOLE).text
    first = api.create_ok(session_expiry=600)
    clock.advance(5)
    second = api.create_ok(first_party="+12025552222", second_party="+12025553333")
    page = client.get(CONSOLE)
    assert page.status_code == 200
    assert page.headers["cache-control"] == "no-store"
    assert rows(page.text) == [
        (second["session_uuid"], "active"),
        (first["session_uuid"], "active"),
    ]
    assert "12025552222" in page.text and second["virtual_number"] in page.text
    assert f'data-expiry="{int(clock.now()) - 5 + 600}"' in page.text  # counts down in JS
    clock.advance(600)
    fragment = client.get(f"{CONSOLE}/fragments/sessions").text
    assert rows(fragment) == [
        (second["session_uuid"], "active"),
        (first["session_uuid"], "expired"),
    ]
    assert f'data-now="{int(clock.now())}"' in fragment


def test_filters_are_the_list_apis(client: TestClient, api: Api, clock: ManualClock) -> None:
    kept = api.create_ok(session_expiry=60)["session_uuid"]
    api.create_ok(first_party="+12025552222", second_party="+12025553333")
    clock.advance(61)
    expired = client.get(CONSOLE, params={"status": "expired"}).text
    assert rows(expired) == [(kept, "expired")]
    by_party = client.get(f"{CONSOLE}/fragments/sessions", params={"first_party": "+12025552222"})
    assert [status for _, status in rows(by_party.text)] == ["active"]
    wrong = client.get(CONSOLE, params={"limit": "abc"}).text
    assert "limit must be an integer" in wrong
    page = client.get(CONSOLE, params={"status": "active", "first_party": ""}).text
    assert 'data-live="/__mock__/console/fragments/sessions?status=active&amp;first_party="' in page


def test_session_page_attributes_history_calls(
    client: TestClient, api: Api, app: MockApp, clock: ManualClock
) -> None:
    uuid = api.create_ok(callback_url="http://127.0.0.1:9/cb")["session_uuid"]
    clock.advance(30)
    api.update_ok(uuid, record=True)
    app.service.simulate_call(uuid, 42)
    page = client.get(f"{CONSOLE}/sessions/{uuid}").text
    for name in ("session_uuid", "callback_url", "first_party_pin", "interaction", "duration"):
        assert f"<th>{name}</th>" in page
    assert re.findall(r'data-kind="([^"]+)"', page) == ["created", "updated"]
    assert '<tr><th>record</th><td class="before">false</td>' in page
    assert "&#34;duration&#34;: 42" in page or '"duration": 42' in page
    assert f"/__mock__/deliveries?session={uuid}" in page
    assert f"/__mock__/sessions/{uuid}/calls" in page
    assert client.get(f"{CONSOLE}/sessions/nope").status_code == 404


def test_expire_action_and_fault_switches(client: TestClient, api: Api, app: MockApp) -> None:
    uuid = api.create_ok()["session_uuid"]
    assert client.get(f"{CONSOLE}/sessions/{uuid}/expire").status_code == 405  # GET never acts
    assert client.post(f"{CONSOLE}/sessions/{uuid}/expire").json() == {"message": "Session expired"}
    again = client.post(f"{CONSOLE}/sessions/{uuid}/expire")
    assert again.status_code == 400
    fragment = client.get(f"{CONSOLE}/fragments/sessions/{uuid}").text
    assert 'id="session-status">expired<' in fragment
    assert re.findall(r'data-kind="([^"]+)"', fragment) == ["created", "expired"]
    assert client.post(f"{CONSOLE}/sessions/nope/expire").status_code == 404
    client.post("/__mock__/faults", json={"fault": "ignore_auth"})
    assert 'data-fault="ignore_auth"' in client.get(f"{CONSOLE}/fragments/sessions").text
    assert client.post("/__mock__/faults", json={"fault": None}).json()["fault"] is None
    assert app.faults.active is None


def test_a_second_account_has_its_own_table(make_app: Callable[..., MockApp]) -> None:
    config = MockConfig().with_accounts(
        [Account("MAFIRSTACCOUNT000001", "one"), Account("MASECONDACCOUNT00002", "two")]
    )
    app = make_app(config=config)
    client = TestClient(app)
    page = client.get(CONSOLE).text
    assert "Account MAFIRSTACCOUNT000001" in page and "Account MASECONDACCOUNT00002" in page


def test_everything_is_served_by_the_mock(client: TestClient) -> None:
    page = client.get(CONSOLE).text
    for asset in re.findall(r'(?:src|href)="([^"]+\.(?:js|css))"', page):
        assert asset.startswith("/__mock__/console/static/")
        assert client.get(asset).status_code == 200
    for path in CONSOLE_FILES.rglob("*"):
        if path.suffix in {".html", ".js", ".css"}:
            text = path.read_text(encoding="utf-8")
            assert not re.search(r"https?://|//[a-z]|@import|url\(", text), path
