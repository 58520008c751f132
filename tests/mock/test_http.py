"""What arrives over HTTP: paths with and without the slash, bodies, content types, sizes."""

from __future__ import annotations

import asyncio
import base64
import json
from collections.abc import Callable, MutableMapping
from typing import Any

import pytest
from starlette.responses import JSONResponse
from starlette.testclient import TestClient

from plivo_masking_mock.app import JSONBody, MockApp, create_app
from plivo_masking_mock.clock import ManualClock
from plivo_masking_mock.config import MockConfig
from plivo_masking_mock.request_headers import header

from .conftest import DEMO_AUTH, FIRST, SECOND, SESSIONS, Api, checked_client, error_of


def test_create_with_and_without_trailing_slash(client: TestClient) -> None:
    body = {"first_party": FIRST, "second_party": SECOND}
    assert client.post(SESSIONS, json=body).status_code == 201
    assert client.post(SESSIONS.rstrip("/"), json=body).status_code == 201


def test_get_update_expire_without_trailing_slash(api: Api, client: TestClient) -> None:
    uuid = api.create_ok()["session_uuid"]
    assert client.get(SESSIONS + uuid).status_code == 200
    assert client.post(SESSIONS + uuid, json={"record": True}).status_code == 200
    assert client.delete(SESSIONS + uuid).status_code == 200


def test_bare_question_mark_on_get_and_list(api: Api, client: TestClient) -> None:
    # The Node SDK appends '?' to every GET, even without parameters.
    uuid = api.create_ok()["session_uuid"]
    assert client.get(SESSIONS + uuid + "?").status_code == 200
    assert client.get(SESSIONS + "?").json()["response"]["meta"]["total_count"] == 1


def test_session_uuid_in_update_body_is_ignored(api: Api) -> None:
    # The Python and Node SDKs repeat session_uuid inside the update body.
    uuid = api.create_ok()["session_uuid"]
    session = api.update_ok(uuid, session_uuid=uuid, record=True)
    assert session["session_uuid"] == uuid
    assert session["record"] is True


def test_delete_with_a_json_body(api: Api, client: TestClient) -> None:
    # The Python SDK sends {"session_uuid": ...} on DELETE, Node {}.
    uuid = api.create_ok()["session_uuid"]
    response = client.request("DELETE", SESSIONS + uuid + "/", json={"session_uuid": uuid})
    assert response.status_code == 200
    assert response.json()["message"] == "Session expired"
    second = api.create_ok(first_party="+12025552222")["session_uuid"]
    assert client.request("DELETE", SESSIONS + second, json={}).status_code == 200


def test_delete_ignores_even_a_malformed_body(api: Api, client: TestClient) -> None:
    uuid = api.create_ok()["session_uuid"]
    response = client.request(
        "DELETE", SESSIONS + uuid, content=b"{nope", headers={"content-type": "text/plain"}
    )
    assert response.status_code == 200


def test_unknown_body_keys_are_ignored(api: Api) -> None:
    # The Go SDK misspells create_session_with_single_Party; unknown keys are not errors.
    session = api.create_ok(create_session_with_single_Party=False, whatever={"a": 1})
    assert session["status"] == "active"


def test_unknown_query_keys_are_ignored(api: Api) -> None:
    api.create_ok()
    assert api.page(foo="bar", is_voice_request="true")["meta"]["total_count"] == 1


def test_malformed_json(client: TestClient) -> None:
    response = client.post(
        SESSIONS, content=b'{"first_party": ', headers={"content-type": "application/json"}
    )
    assert error_of(response).startswith("Malformed JSON in the request body")


def test_json_with_nan_is_malformed(client: TestClient) -> None:
    response = client.post(
        SESSIONS, content=b'{"session_expiry": NaN}', headers={"content-type": "application/json"}
    )
    assert error_of(response).startswith("Malformed JSON")


def test_body_that_is_not_utf8(client: TestClient) -> None:
    response = client.post(
        SESSIONS, content=b'{"first_party": "\xff"}', headers={"content-type": "application/json"}
    )
    assert error_of(response) == "Malformed JSON in the request body."


def test_lone_surrogate_is_malformed(client: TestClient) -> None:
    response = client.post(
        SESSIONS,
        content=b'{"callback_url": "https://x/\\ud800"}',
        headers={"content-type": "application/json"},
    )
    assert error_of(response) == "Malformed JSON in the request body."


def test_spec_patterns_are_ecma_regexes(api: Api) -> None:
    # JSON Schema patterns are ECMA-262: `$` does not match before a final newline (Python's
    # re would accept it). The URL patterns exclude control characters explicitly, because
    # ECMA's `\s` does not cover the ASCII separators \x1c-\x1f.
    assert error_of(api.create(first_party="12025550000\n")) == (
        "Invalid parameter. first_party is not a valid phone number."
    )
    assert error_of(api.create(callback_url="https://example.com/\x1c")) == (
        "Invalid parameter. callback_url should be a valid URL."
    )
    assert api.create(callback_url="https://example.com/a%1Cb").status_code == 201


def test_json_that_is_not_an_object(client: TestClient) -> None:
    response = client.post(SESSIONS, json=["first_party"])
    assert error_of(response) == "Invalid request body. A JSON object is expected."


def test_wrong_content_type(client: TestClient) -> None:
    response = client.post(
        SESSIONS,
        content=b"first_party=12025550000&second_party=12025551111",
        headers={"content-type": "application/x-www-form-urlencoded"},
    )
    assert error_of(response) == (
        "Invalid Content-Type (application/x-www-form-urlencoded). "
        "The request body must be application/json."
    )


def test_missing_content_type(client: TestClient) -> None:
    response = client.post(SESSIONS, content=b'{"first_party": "12025550000"}')
    assert "Invalid Content-Type (none)" in error_of(response)


def test_json_content_type_with_charset(client: TestClient) -> None:
    response = client.post(
        SESSIONS,
        content=b'{"first_party": "12025550000", "second_party": "12025551111"}',
        headers={"content-type": "application/json; charset=utf-8"},
    )
    assert response.status_code == 201


def test_empty_body_on_post(api: Api, client: TestClient) -> None:
    # requestBody is required on create and update; every SDK sends at least {}.
    message = "Missing request body. A JSON object is expected."
    assert error_of(client.post(SESSIONS)) == message
    uuid = api.create_ok()["session_uuid"]
    assert error_of(client.post(SESSIONS + uuid)) == message
    assert api.update(uuid).status_code == 200  # {} is "no changes"


def test_oversized_body(make_app: Callable[..., MockApp]) -> None:
    app = make_app(config=MockConfig(max_body_bytes=1024))
    with checked_client(app) as client:
        big = {"first_party": FIRST, "second_party": SECOND, "padding": "x" * 2000}
        assert error_of(client.post(SESSIONS, json=big)) == (
            "Request body too large. The limit is 1024 bytes."
        )


def test_oversized_body_without_content_length(make_app: Callable[..., MockApp]) -> None:
    app = make_app(config=MockConfig(max_body_bytes=1024))
    with checked_client(app) as client:

        def chunks() -> list[bytes]:
            return [b'{"padding": "', b"x" * 1500, b'"}']

        response = client.post(
            SESSIONS, content=iter(chunks()), headers={"content-type": "application/json"}
        )
        assert "Request body too large" in error_of(response)


def test_unknown_path_is_404(client: TestClient) -> None:
    assert error_of(client.get("/v1/Account/MAMOCKDEMOACCOUNT001/Call/"), 404) == "Not found"
    assert error_of(client.get("/"), 404) == "Not found"


def test_wrong_method_is_405_with_allow(client: TestClient) -> None:
    response = client.put(SESSIONS, json={})
    assert error_of(response, 405) == "Method not allowed"
    assert response.headers["allow"] == "GET, POST"
    assert client.patch(SESSIONS + "c28b77d4-21e7-43bd-9447-04bfee92e651").status_code == 405


def test_invalid_session_uuid_in_path(client: TestClient) -> None:
    assert error_of(client.get(SESSIONS + "not-a-uuid/")) == (
        "Invalid parameter. session_uuid does not match "
        "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$."
    )


def test_unknown_session_is_404(api: Api) -> None:
    missing = "c28b77d4-21e7-43bd-9447-04bfee92e651"
    assert error_of(api.get(missing), 404) == "Session not found"
    assert error_of(api.update(missing, record=True), 404) == "Session not found"
    assert error_of(api.expire(missing), 404) == "Session not found"


def test_session_uuid_in_upper_case_finds_the_session(api: Api) -> None:
    uuid = api.create_ok()["session_uuid"]
    assert api.get(uuid.upper()).status_code == 200


def test_errors_are_json_with_a_fresh_api_id(client: TestClient) -> None:
    first = client.get("/nope")
    second = client.get("/nope")
    assert first.headers["content-type"] == "application/json"
    assert first.json()["api_id"] != second.json()["api_id"]


def test_a_key_named_twice_is_refused_naming_it() -> None:
    api = Api(checked_client(create_app(clock=ManualClock())))
    body = b'{"first_party": "+12025550000", "second_party": "+12025551111", "first_party": "x"}'
    response = api.client.post(
        api.sessions, content=body, headers={"content-type": "application/json"}
    )
    assert response.status_code == 400
    assert "'first_party' appears twice" in response.json()["error"]
    assert api.page()["meta"]["total_count"] == 0


@pytest.mark.parametrize(
    ("content", "status", "headers"),
    [
        ({"api_id": "x", "message": "Session updated"}, 200, None),
        ({"name": "Zo\u00eb \U0001f600"}, 201, None),
        ({"error": "conflict"}, 409, None),
        ({"error": "Authentication failed"}, 401, {"WWW-Authenticate": 'Basic realm="x"'}),
        ({"error": "not allowed"}, 405, {"Allow": "GET, POST"}),
        ({}, 204, None),
    ],
)
def test_answers_carry_what_starlettes_json_response_carries(
    content: dict[str, Any], status: int, headers: dict[str, str] | None
) -> None:
    ours, starlettes = JSONBody(content, status, headers), JSONResponse(content, status, headers)
    assert (ours.status_code, ours.body, ours.raw_headers, ours.background) == (
        starlettes.status_code,
        starlettes.body,
        starlettes.raw_headers,
        starlettes.background,
    )


def test_a_body_in_several_chunks_is_read_whole_and_refused_past_the_limit(
    api: Api, app: MockApp
) -> None:
    """As uvicorn hands a large or slow body over: several `http.request` messages."""
    uuid = api.create_ok()["session_uuid"]
    path = SESSIONS + uuid
    authorization = b"Basic " + base64.b64encode(":".join(DEMO_AUTH).encode())

    def post(chunks: list[bytes]) -> tuple[int, dict[str, Any]]:
        messages = [
            {"type": "http.request", "body": chunk, "more_body": index < len(chunks) - 1}
            for index, chunk in enumerate(chunks)
        ]
        sent: list[MutableMapping[str, Any]] = []

        async def receive() -> dict[str, Any]:
            return messages.pop(0)

        async def send(message: MutableMapping[str, Any]) -> None:
            sent.append(message)

        scope = {
            "type": "http",
            "method": "POST",
            "path": path,
            "raw_path": path.encode(),
            "query_string": b"",
            "headers": [
                (b"authorization", authorization),
                (b"content-type", b"application/json"),
            ],
        }
        asyncio.run(app(scope, receive, send))
        return sent[0]["status"], json.loads(sent[1]["body"])

    status, body = post([b'{"rec', b'ord": tr', b"ue}"])
    assert status == 200
    assert body["session"]["record"] is True
    limit = app.config.max_body_bytes
    too_large = (400, f"Request body too large. The limit is {limit} bytes.")
    status, body = post([b'{"callback_url": "', b"x" * limit, b'"}'])
    assert (status, body["error"]) == too_large
    status, body = post([b'{"callback_url": "' + b"x" * limit + b'"}'])  # in one message
    assert (status, body["error"]) == too_large
    status, body = post([b'{"record": false}'])
    assert status == 200
    assert body["session"]["record"] is False


def test_request_headers_are_read_by_name_the_first_of_a_repeated_one_kept() -> None:
    scope: dict[str, Any] = {
        "headers": [(b"x-one", b"1"), (b"authorization", b"first"), (b"authorization", b"2nd")]
    }
    assert header(scope, b"authorization") == "first"
    assert header(scope, b"x-one") == "1"
    assert header(scope, b"missing") is None
    assert (
        header({"headers": [(b"x-latin", "caf\u00e9".encode("latin-1"))]}, b"x-latin")
        == "caf\u00e9"
    )
