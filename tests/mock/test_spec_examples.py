"""The spec's own request examples (among them the seed page's) work against the mock."""

from __future__ import annotations

from typing import Any

import pytest

from plivo_masking_mock.spec import Spec, load_spec

from .conftest import Api, error_of

_SPEC = load_spec()


def examples(operation_id: str) -> list[tuple[str, dict[str, Any]]]:
    body = _SPEC.operation(operation_id).definition["requestBody"]
    found = body["content"]["application/json"]["examples"]
    return [(name, example["value"]) for name, example in found.items()]


@pytest.mark.parametrize(("name", "body"), examples("create_masking_session"))
def test_create_examples(api: Api, name: str, body: dict[str, Any]) -> None:
    response = api.client.post(api.sessions, json=body)
    assert response.status_code == 201, (name, response.text)
    session = response.json()["session"]
    for key, value in body.items():
        if key in session and isinstance(value, str) and key.endswith("party"):
            assert session[key] == value.removeprefix("+")
        elif key in session and key not in ("session_expiry",):
            assert session[key] == value, key


@pytest.mark.parametrize(("name", "body"), examples("update_masking_session"))
def test_update_examples(api: Api, name: str, body: dict[str, Any]) -> None:
    uuid = api.create_ok()["session_uuid"]
    session = api.update_ok(uuid, **body)
    for key, value in body.items():
        if key == "session_expiry":
            assert session["duration"] == value
        else:
            assert session[key] == value, key


def test_the_seed_curl_as_printed_is_refused(api: Api) -> None:
    # The seed page's cURL sends "record": "true" (a string), and a trailing comma.
    uuid = api.create_ok()["session_uuid"]
    response = api.update(uuid, record="true", recording_callback_url="https://example.com/r")
    assert error_of(response) == "Invalid parameter. record allowed values are true or false."
    trailing_comma = api.client.post(
        api.sessions + uuid + "/",
        content=b'{"record": true, "recording_callback_url": "https://example.com/r",}',
        headers={"content-type": "application/json"},
    )
    assert error_of(trailing_comma).startswith("Malformed JSON in the request body")


def test_response_examples_have_no_field_the_mock_lacks(api: Api, spec: Spec) -> None:
    created = api.create(first_party="+12025550000", second_party="+12025551111").json()
    example = spec.operation("create_masking_session").definition["responses"]["201"]
    expected = example["content"]["application/json"]["example"]
    assert list(created) == list(expected)
    assert list(created["session"]) == list(expected["session"])
