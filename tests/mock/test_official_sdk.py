"""Plivo's own Python SDK (`plivo`, pinned) against the mock, end to end, on loopback.

Only the SDK's base-URL constants are pointed at the mock; its requests are what it sends to
api.plivo.com (trailing slashes, session_uuid in update and delete bodies, JSON on DELETE).
Every response it receives also goes through the self-check.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import plivo
import pytest
import requests

from plivo_masking_mock.server import MockServer
from tests.official_sdk import official_client

from .conftest import _CHECKER

PROMPT = "https://play.example.com/pin_prompt.wav"


def check_response(response: requests.Response, *args: Any, **kwargs: Any) -> None:
    assert response.request.method is not None
    path = urlsplit(response.url).path
    problems = _CHECKER.problems(
        response.request.method,
        path,
        response.status_code,
        response.headers.get("content-type"),
        response.content,
    )
    assert not problems, problems


@pytest.fixture
def sdk(plivo_mock: MockServer, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    with official_client(plivo_mock, monkeypatch) as client:
        client.session.hooks["response"].append(check_response)
        yield client.masking_sessions


def test_create_get_list_update_expire(sdk: Any, plivo_mock: MockServer) -> None:
    created = sdk.create_masking_session(
        first_party="+12025550000",
        second_party="+12025551111",
        session_expiry=600,
        record=True,
        callback_url="https://example.com/events",
    )
    uuid = created.session_uuid
    assert created.message == "Session created"
    assert created.virtual_number == "+12025550100"
    assert created.session.first_party == "12025550000"
    assert created.session.duration == 600

    got = sdk.get_masking_session(uuid)
    assert got.response.session_uuid == uuid
    assert got.response.status == "active"
    assert got.response.callback_url == "https://example.com/events"

    listed = sdk.list_masking_session(
        first_party="12025550000", status="active", duration__gte=600, limit=5, offset=0
    )
    assert listed.response.meta.total_count == 1
    assert [item.session_uuid for item in listed.response.objects] == [uuid]

    plivo_mock.advance(100)
    updated = sdk.update_masking_session(
        uuid,
        session_expiry=1200,
        call_time_limit=3600,
        record_file_format="wav",
        geomatch=True,
    )
    assert updated.message == "Session updated"
    assert updated.session.call_time_limit == 3600
    assert updated.session.duration == 1300
    assert updated.session.record_file_format == "wav"

    expired = sdk.delete_masking_session(uuid)
    assert expired.message == "Session expired"
    assert sdk.get_masking_session(uuid).response.status == "expired"
    assert sdk.list_masking_session(status="expired").response.meta.total_count == 1


def test_errors_become_the_sdks_exceptions(sdk: Any) -> None:
    uuid = sdk.create_masking_session(
        first_party="+12025550000", second_party="+12025551111"
    ).session_uuid
    sdk.delete_masking_session(uuid)
    with pytest.raises(plivo.exceptions.ValidationError, match="Session already expired"):
        sdk.delete_masking_session(uuid)
    with pytest.raises(plivo.exceptions.ValidationError, match="Session already expired"):
        sdk.update_masking_session(uuid, record=True)
    with pytest.raises(plivo.exceptions.ResourceNotFoundError, match="Session not found"):
        sdk.get_masking_session("c28b77d4-21e7-43bd-9447-04bfee92e651")
    with pytest.raises(plivo.exceptions.ValidationError, match="record_file_format allowed values"):
        sdk.create_masking_session(
            first_party="+12025550000", second_party="+12025551111", record_file_format="ogg"
        )
    with pytest.raises(plivo.exceptions.ValidationError, match="first_party must be present"):
        sdk.create_masking_session(second_party="+12025551111")


def test_wrong_token(plivo_mock: MockServer, monkeypatch: pytest.MonkeyPatch) -> None:
    with (
        official_client(plivo_mock, monkeypatch, auth_token="wrong-token") as client,
        pytest.raises(plivo.exceptions.AuthenticationError),
    ):
        client.masking_sessions.list_masking_session()


def test_pin_and_single_party_sessions(sdk: Any) -> None:
    pin = sdk.create_masking_session(
        first_party="917708772011",
        second_party="918220568648",
        is_pin_authentication_required=True,
        generate_pin=True,
        generate_pin_length=6,
        pin_prompt_play=PROMPT,
        pin_retry=2,
        pin_retry_wait=7,
    )
    assert len(pin.session.first_party_pin) == 6
    single = sdk.create_masking_session(
        first_party="+12025550000", create_session_with_single_party=True
    )
    assert single.session.second_party == ""
    updated = sdk.update_masking_session(
        single.session_uuid, second_party="+12025551111", create_session_with_single_party=True
    )
    assert updated.session.second_party == "12025551111"


def test_expiry_by_the_clock(sdk: Any, plivo_mock: MockServer) -> None:
    uuid = sdk.create_masking_session(
        first_party="+12025550000", second_party="+12025551111", session_expiry=60
    ).session_uuid
    plivo_mock.advance(61)
    assert sdk.get_masking_session(uuid).response.status == "expired"
