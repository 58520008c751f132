"""HTTP Basic on every operation; accounts never see each other's sessions."""

from __future__ import annotations

import base64
from collections.abc import Callable

import pytest
from starlette.testclient import TestClient

from plivo_masking_mock.app import MockApp
from plivo_masking_mock.auth import authenticate, basic_credentials
from plivo_masking_mock.config import Account, MockConfig

from .conftest import DEMO_AUTH, SESSIONS, Api, checked_client, error_of

OTHER = Account("MAOTHERACCOUNT000002", "other-token", ("+12025550150",))
DEMO = Account(*DEMO_AUTH)
UUID = "c28b77d4-21e7-43bd-9447-04bfee92e651"
ALL_OPERATIONS = [
    ("POST", SESSIONS),
    ("GET", SESSIONS),
    ("GET", SESSIONS + UUID + "/"),
    ("POST", SESSIONS + UUID + "/"),
    ("DELETE", SESSIONS + UUID + "/"),
]


@pytest.fixture
def two_accounts(make_app: Callable[..., MockApp]) -> MockApp:
    return make_app(config=MockConfig().with_accounts([DEMO, OTHER]))


@pytest.mark.parametrize(("method", "path"), ALL_OPERATIONS)
def test_missing_credentials_401(app: MockApp, method: str, path: str) -> None:
    with checked_client(app, auth=None) as client:
        response = client.request(method, path, json={})
        assert error_of(response, 401) == "Authentication credentials invalid"
        assert response.headers["www-authenticate"].startswith("Basic")


@pytest.mark.parametrize(("method", "path"), ALL_OPERATIONS)
def test_wrong_token_401(app: MockApp, method: str, path: str) -> None:
    with checked_client(app, auth=(DEMO.auth_id, "wrong")) as client:
        assert error_of(client.request(method, path, json={}), 401)


@pytest.mark.parametrize(
    "header",
    ["Bearer abc", "Basic", "Basic !!!notbase64", "Basic " + base64.b64encode(b"x").decode()],
)
def test_malformed_authorization_401(app: MockApp, header: str) -> None:
    with checked_client(app, auth=None) as client:
        assert error_of(client.get(SESSIONS, headers={"authorization": header}), 401)


@pytest.mark.parametrize(("method", "path"), ALL_OPERATIONS)
def test_other_accounts_path_403(two_accounts: MockApp, method: str, path: str) -> None:
    with checked_client(two_accounts, auth=(OTHER.auth_id, OTHER.auth_token)) as client:
        response = client.request(method, path, json={})
        assert "Forbidden" in error_of(response, 403)


def test_unknown_account_in_path_403(client: TestClient) -> None:
    assert error_of(client.get("/v1/Account/MANOSUCHACCOUNT00000/Masking/Session/"), 403)
    assert error_of(client.get("/v1/Account/lowercase/Masking/Session/"), 403)


def test_accounts_are_isolated(two_accounts: MockApp) -> None:
    with (
        checked_client(two_accounts) as demo_client,
        checked_client(two_accounts, auth=(OTHER.auth_id, OTHER.auth_token)) as other_client,
    ):
        demo, other = Api(demo_client), Api(other_client, OTHER.auth_id)
        mine = demo.create_ok()
        theirs = other.create_ok()
        assert theirs["virtual_number"] == "12025550150"
        # Each sees only its own sessions...
        assert [s["session_uuid"] for s in demo.page()["objects"]] == [mine["session_uuid"]]
        assert [s["session_uuid"] for s in other.page()["objects"]] == [theirs["session_uuid"]]
        # ...and the other's are 404, by their own path.
        assert error_of(other.get(mine["session_uuid"]), 404) == "Session not found"
        assert error_of(other.update(mine["session_uuid"], record=True), 404)
        assert error_of(other.expire(mine["session_uuid"]), 404)
        assert demo.session(mine["session_uuid"])["status"] == "active"


def test_basic_credentials_parsing() -> None:
    encoded = base64.b64encode(b"MAX:tok:en").decode()
    assert basic_credentials(f"Basic {encoded}") == ("MAX", "tok:en")
    assert basic_credentials(f"basic  {encoded}") == ("MAX", "tok:en")
    assert basic_credentials(None) is None
    assert basic_credentials("Basic " + base64.b64encode(b"nocolon").decode()) is None


def test_authenticate_compares_id_and_token() -> None:
    def header(user: str, password: str) -> str:
        return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()

    accounts = [DEMO, OTHER]
    assert authenticate(header(*DEMO_AUTH), accounts) == DEMO
    assert authenticate(header(OTHER.auth_id, DEMO.auth_token), accounts) is None
    assert authenticate(header("", ""), accounts) is None
