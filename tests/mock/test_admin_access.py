"""Who may use /__mock__/ (admin API and console): open on loopback, token-protected when
exposed, cookie-authenticated changes need the CSRF header, cross-site changes are refused."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from starlette.testclient import TestClient

from plivo_masking_mock.admin_access import COOKIE, admin_token_for, is_loopback
from plivo_masking_mock.app import MockApp
from plivo_masking_mock.cli import _app, banner, build_parser

TOKEN = "s3cret-admin-token"
BASE = "http://10.0.0.5:8080"


@pytest.fixture
def exposed(make_app: Callable[..., MockApp]) -> MockApp:
    return make_app(admin_token=TOKEN)


def test_loopback_detection() -> None:
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert is_loopback("[::1]") and is_loopback("127.5.0.1")
    assert not is_loopback("0.0.0.0") and not is_loopback("::") and not is_loopback("10.0.0.5")
    assert not is_loopback("mock.example")
    assert admin_token_for("127.0.0.1", None) == (None, False)
    assert admin_token_for("127.0.0.1", "given") == ("given", False)
    token, generated = admin_token_for("0.0.0.0", None)
    assert generated and token and len(token) >= 24


def test_cli_requires_a_token_off_loopback_and_prints_it() -> None:
    app = _app(build_parser().parse_args(["serve", "--host", "0.0.0.0"]))
    token = app.access.token
    assert token is not None
    text = banner(app, "0.0.0.0", 8080, None)
    assert f"/__mock__/console?token={token}" in text
    given = _app(build_parser().parse_args(["serve", "--host", "::", "--admin-token", "abc"]))
    assert given.access.token == "abc"
    local = _app(build_parser().parse_args(["serve"]))
    assert local.access.token is None
    assert (
        "console:   http://127.0.0.1:8080/__mock__/console\n"
        in banner(local, "127.0.0.1", 8080, None) + "\n"
    )


def test_loopback_mock_is_open(client: TestClient) -> None:
    assert client.get("/__mock__/health").status_code == 200
    assert client.get("/__mock__/console").status_code == 200
    assert client.post("/__mock__/clock/advance", json={"seconds": 1}).status_code == 200


@pytest.mark.parametrize(
    "path", ["/__mock__/health", "/__mock__/console", "/__mock__/console/static/console.js"]
)
def test_exposed_mock_needs_the_token_everywhere_under_the_prefix(
    exposed: MockApp, path: str
) -> None:
    client = TestClient(exposed, base_url=BASE)
    refused = client.get(path)
    assert refused.status_code == 401
    assert "admin token" in refused.json()["error"]
    assert client.get(path, headers={"X-Mock-Admin-Token": "wrong"}).status_code == 401
    assert client.get(path, headers={"X-Mock-Admin-Token": TOKEN}).status_code == 200
    assert client.get(path, headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200


def test_exposed_mock_leaves_the_api_to_its_own_auth(exposed: MockApp) -> None:
    client = TestClient(exposed, base_url=BASE)
    auth = (exposed.config.accounts[0].auth_id, exposed.config.accounts[0].auth_token)
    url = f"/v1/Account/{auth[0]}/Masking/Session/"
    assert client.get(url, auth=auth).status_code == 200


def test_header_token_changes_state_without_csrf(exposed: MockApp) -> None:
    client = TestClient(exposed, base_url=BASE)
    headers = {"X-Mock-Admin-Token": TOKEN}
    moved = client.post("/__mock__/clock/advance", json={"seconds": 60}, headers=headers)
    assert moved.status_code == 200
    assert client.post("/__mock__/reset").status_code == 401


def test_browser_login_sets_a_strict_cookie_and_drops_the_token_from_the_url(
    exposed: MockApp,
) -> None:
    client = TestClient(exposed, base_url=BASE, follow_redirects=False)
    login = client.get(f"/__mock__/console?token={TOKEN}&status=active")
    assert login.status_code == 303
    assert login.headers["location"] == "/__mock__/console?status=active"
    cookie = login.headers["set-cookie"]
    assert f"{COOKIE}={TOKEN}" in cookie
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie and "Path=/__mock__" in cookie
    assert client.cookies.get(COOKIE) == TOKEN
    page = client.get("/__mock__/console")
    assert page.status_code == 200
    assert exposed.access.csrf_token in page.text  # the page hands its script the CSRF token
    client.cookies.clear()
    assert client.get("/__mock__/console?token=wrong").status_code == 401


def test_cookie_authenticated_changes_need_the_csrf_header(exposed: MockApp) -> None:
    client = TestClient(exposed, base_url=BASE)
    client.cookies.set(COOKIE, TOKEN)
    assert client.get("/__mock__/clock").status_code == 200  # reading needs no CSRF token
    forged = client.post("/__mock__/clock/advance", json={"seconds": 60})
    assert forged.status_code == 403
    assert "x-mock-csrf" in forged.json()["error"]
    wrong = {"X-Mock-CSRF": "guess"}
    assert client.post("/__mock__/reset", headers=wrong).status_code == 403
    assert client.delete("/__mock__/faults").status_code == 403
    csrf = {"X-Mock-CSRF": exposed.access.csrf_token}
    assert client.post("/__mock__/clock/advance", json={"seconds": 60}, headers=csrf).is_success
    assert exposed.clock.now() == 1_706_768_895.0 + 60


@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": "http://evil.example"},
        {"Origin": "null"},
        {"Sec-Fetch-Site": "cross-site"},
    ],
)
def test_cross_site_changes_are_refused_even_on_loopback(
    client: TestClient, app: MockApp, headers: dict[str, str]
) -> None:
    refused = client.post("/__mock__/reset", headers=headers)
    assert refused.status_code == 403
    assert "cross-site" in refused.json()["error"]
    assert client.get("/__mock__/health", headers=headers).status_code == 200


def test_same_origin_changes_pass(client: TestClient) -> None:
    headers = {"Origin": "http://127.0.0.1", "Sec-Fetch-Site": "same-origin"}
    assert client.post("/__mock__/reset", headers=headers).status_code == 200
