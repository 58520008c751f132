"""Fixtures of the mock server's tests. Every response of the API, in-process or over a socket,
is checked against openapi.yaml (documented status, body matching its schema): the self-check."""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from plivo_masking_mock.app import MockApp, create_app
from plivo_masking_mock.clock import ManualClock
from plivo_masking_mock.config import DEMO_AUTH_ID, DEMO_AUTH_TOKEN
from plivo_masking_mock.conformance import ResponseChecker
from plivo_masking_mock.session import SessionRecord
from plivo_masking_mock.spec import Spec, load_spec

with warnings.catch_warnings():
    # Starlette 1.x prefers httpx2 for its test client; plain httpx still works.
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

DEMO_AUTH = (DEMO_AUTH_ID, DEMO_AUTH_TOKEN)
SESSIONS = f"/v1/Account/{DEMO_AUTH_ID}/Masking/Session/"
FIRST = "+12025550000"
SECOND = "+12025551111"

_SPEC = load_spec()
_CHECKER = ResponseChecker(_SPEC)


@pytest.fixture(scope="session")
def spec() -> Spec:
    return _SPEC


@pytest.fixture(scope="session")
def checker() -> ResponseChecker:
    return _CHECKER


def self_check(response: httpx.Response) -> None:
    """Fails the test if an API response breaks the spec (admin endpoints are not in it)."""
    path = response.request.url.path
    if path.startswith("/__mock__"):
        return
    response.read()
    problems = _CHECKER.problems(
        response.request.method,
        path,
        response.status_code,
        response.headers.get("content-type"),
        response.content,
    )
    assert not problems, "response breaks openapi.yaml:\n" + "\n".join(problems)


def checked_client(app: MockApp, auth: tuple[str, str] | None = DEMO_AUTH) -> TestClient:
    client = TestClient(app, base_url="http://127.0.0.1", raise_server_exceptions=True)
    if auth is not None:
        client.auth = auth
    client.event_hooks = {"request": [], "response": [self_check]}
    return client


class Api:
    """The five operations over a test client, plus shortcuts for the common assertions."""

    def __init__(self, client: TestClient, auth_id: str = DEMO_AUTH_ID) -> None:
        self.client = client
        self.sessions = f"/v1/Account/{auth_id}/Masking/Session/"

    def create(self, **body: Any) -> httpx.Response:
        body.setdefault("first_party", FIRST)
        body.setdefault("second_party", SECOND)
        return _response(self.client.post(self.sessions, json=body))

    def create_ok(self, **body: Any) -> dict[str, Any]:
        response = self.create(**body)
        assert response.status_code == 201, response.text
        session: dict[str, Any] = response.json()["session"]
        return session

    def get(self, session_uuid: str) -> httpx.Response:
        return _response(self.client.get(self.sessions + session_uuid + "/"))

    def session(self, session_uuid: str) -> dict[str, Any]:
        response = self.get(session_uuid)
        assert response.status_code == 200, response.text
        session: dict[str, Any] = response.json()["response"]
        return session

    def list(self, **params: Any) -> httpx.Response:
        return _response(self.client.get(self.sessions, params=params))

    def page(self, **params: Any) -> dict[str, Any]:
        response = self.list(**params)
        assert response.status_code == 200, response.text
        page: dict[str, Any] = response.json()["response"]
        return page

    def update(self, session_uuid: str, /, **body: Any) -> httpx.Response:
        return _response(self.client.post(self.sessions + session_uuid + "/", json=body))

    def update_ok(self, session_uuid: str, /, **body: Any) -> dict[str, Any]:
        response = self.update(session_uuid, **body)
        assert response.status_code == 200, response.text
        session: dict[str, Any] = response.json()["session"]
        return session

    def expire(self, session_uuid: str) -> httpx.Response:
        return _response(self.client.delete(self.sessions + session_uuid + "/"))


def _response(response: Any) -> httpx.Response:
    assert isinstance(response, httpx.Response)
    return response


def error_of(response: httpx.Response, status: int = 400) -> str:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"api_id", "error"}
    return str(body["error"])


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def make_app(clock: ManualClock) -> Callable[..., MockApp]:
    def make(**options: Any) -> MockApp:
        options.setdefault("clock", clock)
        options.setdefault("spec", _SPEC)
        return create_app(**options)

    return make


@pytest.fixture
def app(make_app: Callable[..., MockApp]) -> MockApp:
    return make_app()


@pytest.fixture
def client(app: MockApp) -> Iterator[TestClient]:
    with checked_client(app) as test_client:
        yield test_client


@pytest.fixture
def api(client: TestClient) -> Api:
    return Api(client)


def record(
    uuid: str, number: str = "100", created: int = 1000, **attributes: object
) -> SessionRecord:
    """A stored session of account MA1 for store tests: active for 600 s from `created`."""
    return SessionRecord(
        session_uuid=uuid,
        account="MA1",
        virtual_number=number,
        created=created,
        modified=created,
        expiry=created + 600,
        attributes={"first_party": "1", "second_party": "2", **attributes},
    )
