"""Auth and isolation over a real socket: no credentials, a wrong token, another account's
credentials, a path auth_id not the caller's: 401/403/404 and never another account's data.
The auth tokens appear in no response, no log record (at any level), no exception message and no
repr of an object of the mock."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from plivo_masking_client import AuthenticatedClient, Client
from plivo_masking_mock.config import ConfigError, MockConfig, config_from_mapping
from plivo_masking_mock.server import MockServer
from tests.reliability import figures
from tests.reliability.conftest import ACCOUNT_A, ACCOUNT_B, Accounts, snapshot

STRANGER = ("MAXXXXXXXXXXXXXXXXXX", "x")
PARTIES = {"first_party": "+12025557000", "second_party": "+12025557001"}


@pytest.fixture
def debug_server(accounts: Accounts) -> Iterator[MockServer]:
    with MockServer(config=accounts.config(), log_level="debug") as mock:
        yield mock


def _sessions(account: str) -> str:
    return f"/v1/Account/{account}/Masking/Session/"


def _operations(account: str, session_uuid: str) -> list[tuple[str, str, str, Any]]:
    one = f"{_sessions(account)}{session_uuid}/"
    return [
        ("create", "POST", _sessions(account), PARTIES),
        ("list", "GET", _sessions(account), None),
        ("get", "GET", one, None),
        ("update", "POST", one, {"record": True}),
        ("delete", "DELETE", one, None),
    ]


def test_no_account_reaches_another(
    debug_server: MockServer, accounts: Accounts, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    for name in ("uvicorn", "uvicorn.error", "plivo_masking_mock"):
        logging.getLogger(name).setLevel(logging.DEBUG)
    a = (ACCOUNT_A, accounts.a.auth_token)
    b = (ACCOUNT_B, accounts.b.auth_token)
    responses: list[httpx.Response] = []
    checked = 0
    with httpx.Client(base_url=debug_server.base_url, timeout=20) as http:

        def call(method: str, path: str, body: Any, auth: Any) -> httpx.Response:
            response = http.request(method, path, json=body, auth=auth)
            responses.append(response)
            return response

        session_a = call("POST", _sessions(ACCOUNT_A), PARTIES, a).json()["session_uuid"]
        session_b = call("POST", _sessions(ACCOUNT_B), PARTIES, b).json()["session_uuid"]
        before = snapshot(debug_server)
        expectations = []
        for operation, method, path, body in _operations(ACCOUNT_A, session_a):
            expectations += [
                (operation, "no credentials", method, path, body, None, {401}),
                (operation, "wrong token", method, path, body, (ACCOUNT_A, "wrong"), {401}),
                (
                    operation,
                    "unknown account",
                    method,
                    path,
                    body,
                    STRANGER,
                    {401},
                ),
                (operation, "other account's creds", method, path, body, b, {403}),
                (operation, "A's token as B", method, path, body, (ACCOUNT_B, a[1]), {401}),
            ]
        for operation, method, path, body in _operations(ACCOUNT_B, session_b):
            if operation != "create":
                expectations.append((operation, "path auth_id of B", method, path, body, a, {403}))
        for operation, method, path, body in _operations(ACCOUNT_A, session_b)[2:]:
            expectations.append((operation, "B's session under A", method, path, body, a, {404}))
        problems = []
        for operation, label, method, path, body, auth, statuses in expectations:
            response = call(method, path, body, auth)
            checked += 1
            if response.status_code not in statuses:
                problems.append(f"{operation} with {label}: {response.status_code}")
            if session_b in response.text and label != "path auth_id of B":
                problems.append(f"{operation} with {label}: B's session in the answer")
        assert snapshot(debug_server) == before, "a refused request changed the state"
        listed = call("GET", _sessions(ACCOUNT_A), None, a).json()["response"]["objects"]
        assert [item["session_uuid"] for item in listed] == [session_a]
    for token in accounts.tokens:
        for response in responses:
            assert token not in response.text
            assert token not in str(response.headers)
        for record in caplog.records:
            assert token not in record.getMessage()
            assert token not in str(record.exc_text or "")
    assert not problems, "\n".join(problems)
    figures.record(
        "auth_isolation",
        refused_requests=checked,
        log_records_scanned=len(caplog.records),
        responses_scanned=len(responses),
    )


def test_tokens_stay_out_of_reprs_and_errors(server: MockServer, accounts: Accounts) -> None:
    app = server.app
    objects = [server, app, app.config, *app.config.accounts, app.service, app.store]
    objects += [app.chaos, app.rate_limiter, app.faults, app.clock, app.spec]
    for obj in objects:
        for token in accounts.tokens:
            assert token not in repr(obj), type(obj).__name__
            assert token not in str(obj), type(obj).__name__
    token = accounts.a.auth_token
    bad_configs: list[dict[str, Any]] = [
        {"accounts": [{"auth_id": ACCOUNT_A, "auth_token": token, "numbers": ["nope"]}]},
        {"accounts": [{"auth_id": ACCOUNT_A, "auth_token": token, "numbers": []}]},
        {"accounts": [{"auth_id": ACCOUNT_A, "auth_token": token, "colour": 1}]},
        {"accounts": [{"auth_id": "x", "auth_token": token}] * 2},
    ]
    messages = []
    for raw in bad_configs:
        with pytest.raises(ConfigError) as caught:
            MockServer(config=config_from_mapping(raw))
        messages.append(str(caught.value))
    from plivo_masking_mock.config import parse_account_flag  # noqa: PLC0415

    for flag in (f":{token}", f"{ACCOUNT_A}:{token}:not-a-number"):
        with pytest.raises(ConfigError) as caught:
            MockServer(config=MockConfig().with_accounts([parse_account_flag(flag)]))
        messages.append(str(caught.value))
    for message in messages:
        assert token not in message, message


def test_the_generated_client_repr_hides_the_token(accounts: Accounts) -> None:
    token = accounts.a.auth_token
    clients = [
        AuthenticatedClient(base_url="http://127.0.0.1", token=token),
        Client(base_url="http://127.0.0.1", httpx_args={"auth": (ACCOUNT_A, token)}),
    ]
    for client in clients:
        assert token not in repr(client)
