"""Calls played by the mock deliver the session's callbacks, signed as Plivo signs them.

A receiver on loopback gets every request; each is checked against the spec's callbacks (form
body for POST, query for GET, the signature headers) and with the official SDK's validator.
"""

from __future__ import annotations

import io
import socket
import time
import wave
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from plivo.utils.signature_v3 import validate_v3_signature

from plivo_masking_mock.callbacks import DeliveryPolicy
from plivo_masking_mock.server import MockServer
from tests.spec_document import load_spec, schema_errors

from .callback_receiver import FIRST, SECOND, Received, Receiver, create

STRANGER = "+12025559999"
CALLBACKS = load_spec()["components"]["callbacks"]


def attributes_schema(callback: str, method: str) -> dict[str, Any]:
    (path_item,) = CALLBACKS[callback].values()
    operation = path_item[method.lower()]
    if method == "POST":
        content = operation["requestBody"]["content"]["application/x-www-form-urlencoded"]
        schema: dict[str, Any] = content["schema"]
        return schema
    (attributes,) = [p for p in operation["parameters"] if p["in"] == "query"]
    query_schema: dict[str, Any] = attributes["schema"]
    return query_schema


def signature_headers(callback: str, method: str) -> list[str]:
    (path_item,) = CALLBACKS[callback].values()
    operation = path_item[method.lower()]
    return [p["name"] for p in operation["parameters"] if p["in"] == "header" and p["required"]]


@pytest.fixture(scope="module")
def server() -> Iterator[MockServer]:
    with MockServer() as mock:
        mock.app.dispatcher.policy = DeliveryPolicy(timeout=1.0, attempts=3, backoff=0.05)
        yield mock


@pytest.fixture
def mock(server: MockServer) -> Iterator[MockServer]:
    server.reset()
    yield server
    server.reset()


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    with Receiver() as running:
        yield running


def retrieve(mock: MockServer, session_uuid: str) -> dict[str, Any]:
    url = f"{mock.sessions_url}{session_uuid}/"
    response = httpx.get(url, auth=(mock.auth_id, mock.auth_token))
    session: dict[str, Any] = response.json()["response"]
    return session


def with_callbacks(receiver: Receiver, method: str = "POST", **fields: Any) -> dict[str, Any]:
    return {
        "callback_url": f"{receiver.base_url}/status",
        "callback_method": method,
        "recording_callback_url": f"{receiver.base_url}/recording?tenant=7",
        "recording_callback_method": "GET" if method == "POST" else "POST",
        **fields,
    }


def check(received: Received, callback: str, callback_url: str, token: str) -> None:
    """The request is what the spec describes, and the official SDK accepts its signature."""
    for header in signature_headers(callback, received.method):
        assert header in received.headers, header
    if received.method == "POST":
        assert received.content_type == "application/x-www-form-urlencoded"
        uri, params = callback_url, dict(received.params)
    else:
        uri, params = received.url, {}
    errors = schema_errors(attributes_schema(callback, received.method), received.params)
    assert not errors, errors
    nonce = received.headers["X-Plivo-Signature-V3-Nonce"]
    signature = received.headers["X-Plivo-Signature-V3"]
    method = received.method
    assert validate_v3_signature(method, uri, nonce, token, signature, dict(params))
    assert not validate_v3_signature(method, uri, nonce, token + "x", signature, dict(params))


def settle_deliveries(mock: MockServer, session_uuid: str, count: int, timeout: float = 5) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = mock.deliveries(session_uuid)
        if len(found) >= count and all(item.state != "pending" for item in found):
            return
        time.sleep(0.02)
    raise AssertionError(f"{count} deliveries not finished: {mock.deliveries(session_uuid)}")


def status_events(receiver: Receiver, mock: MockServer, session: dict[str, Any]) -> list[str]:
    got = receiver.received("/status")
    for item in got:
        check(item, "SessionEvent", session["callback_url"], mock.auth_token)
    return [item.params["EventName"] for item in got]


def test_answered_call_with_recording(mock: MockServer, receiver: Receiver) -> None:
    session = create(mock, record=True, record_file_format="wav", **with_callbacks(receiver))
    uuid = session["session_uuid"]
    answer = mock.simulate_call(uuid, duration=48, amount=0.025, wait=True)
    expected = [
        "SessionFirstPartyAnswer",
        "SessionSecondPartyRing",
        "SessionSecondPartyAnswer",
        "SessionFirstPartyHangup",
        "SessionSecondPartyHangup",
        "SessionPartiesHangup",
    ]
    assert [e["event"] for e in answer["events"] if e["to"] == "status"] == expected
    assert {d["state"] for d in answer["deliveries"]} == {"delivered"}
    assert status_events(receiver, mock, session) == expected
    recordings = receiver.received("/recording")
    for item in recordings:
        check(item, "RecordingEvent", session["recording_callback_url"], mock.auth_token)
    assert [r.params["EventName"] for r in recordings] == [
        "SessionRecordingInitiated",
        "SessionRecordingCompleted",
    ]
    # One sequence for the session's events, both callbacks, in the order they happened.
    every = sorted(receiver.received(), key=lambda r: int(r.params["SequenceNumber"]))
    assert [int(r.params["SequenceNumber"]) for r in every] == list(range(1, 9))
    assert [r.params["EventName"] for r in every].index("SessionRecordingInitiated") == 3
    hangup = receiver.received("/status")[-1].params
    assert (hangup["Duration"], hangup["BilledDuration"], hangup["Amount"]) == ("48", "48", "0.025")
    assert hangup["From"] == FIRST.lstrip("+") and hangup["To"] == SECOND.lstrip("+")
    assert hangup["VirtualNumber"] == session["virtual_number"]

    completed = recordings[-1].params
    audio = httpx.get(completed["RecordingURL"])
    assert audio.status_code == 200 and audio.headers["content-type"] == "audio/wav"
    with wave.open(io.BytesIO(audio.content)) as tone:
        assert tone.getnframes() > 0
    assert completed["RecordingFormat"] == ".wav"

    after = retrieve(mock, uuid)
    assert after["status"] == "active"
    assert after["total_call_count"] == 2
    assert after["total_call_billed_duration"] == 48
    assert after["total_call_amount"] == 0.025
    (interaction,) = after["interaction"]
    assert interaction["duration"] == 48
    assert interaction["recording_resource_url"] == completed["RecordingResourceURL"]
    assert after["last_interaction_time"] == interaction["end_time"] == hangup["EventTimestamp"]


def test_unanswered_call_rings_until_ring_timeout(mock: MockServer, receiver: Receiver) -> None:
    session = create(mock, ring_timeout=30, record=True, **with_callbacks(receiver, "GET"))
    answer = mock.simulate_call(session["session_uuid"], answer=False, wait=True)
    assert status_events(receiver, mock, session) == [
        "SessionFirstPartyAnswer",
        "SessionSecondPartyRing",
        "SessionSecondPartyHangup",
        "SessionFirstPartyHangup",
        "SessionPartiesHangup",
    ]
    assert receiver.received("/recording") == []  # nobody answered: nothing was recorded
    ring, hangup = answer["events"][1], answer["events"][2]
    assert ring["time"] != hangup["time"]
    assert receiver.received("/status")[2].params["PlivoHangupCause"] == "No Answer"
    after = retrieve(mock, session["session_uuid"])
    (interaction,) = after["interaction"]
    assert interaction["duration"] == 0 and interaction["recording_resource_url"] is None
    assert after["total_call_count"] == 2


PIN_SESSION = {
    "is_pin_authentication_required": True,
    "first_party_pin": "1234",
    "second_party_pin": "5678",
    "pin_prompt_play": "https://play.example.com/prompt.wav",
    "incorrect_pin_play": "https://play.example.com/wrong.wav",
    "pin_retry": 1,
}


@pytest.mark.parametrize(
    ("pins", "outcomes", "reached"),
    [
        (["1234"], ["success"], SECOND),
        (["0000", "5678"], ["failed", "success"], FIRST),
        (["0000", "1111"], ["failed", "failed"], None),
    ],
)
def test_pin_authentication(
    mock: MockServer,
    receiver: Receiver,
    pins: list[str],
    outcomes: list[str],
    reached: str | None,
) -> None:
    session = create(mock, **PIN_SESSION, **with_callbacks(receiver))
    answer = mock.simulate_call(session["session_uuid"], pin=pins, wait=True, **{"from": STRANGER})
    assert answer["bridged"] is (reached is not None)
    status_events(receiver, mock, session)
    checks = [r.params for r in receiver.received("/status")]
    pin_events = [p for p in checks if p["EventName"] == "SessionPinAuthenticationStatus"]
    assert [p["PinAuthenticationStatus"] for p in pin_events] == outcomes
    assert [p["PinRetryCounter"] for p in pin_events] == [str(n) for n in range(len(pins))]
    rings = [p for p in checks if p["EventName"] == "SessionSecondPartyRing"]
    assert [p["To"] for p in rings] == ([reached.lstrip("+")] if reached else [])
    if len(pins) == 2:  # incorrect_pin_play, then pin_retry_wait (5 s), between the tries
        times = [e["time"] for e in answer["events"] if e["event"].startswith("SessionPin")]
        assert times[0] != times[1]


def test_registered_caller_is_authorized_without_pin(mock: MockServer, receiver: Receiver) -> None:
    session = create(mock, **PIN_SESSION, **with_callbacks(receiver))
    mock.simulate_call(session["session_uuid"], wait=True, **{"from": "second_party"})
    status_events(receiver, mock, session)
    params = [r.params for r in receiver.received("/status")]
    assert params[1]["PinAuthenticationStatus"] == "AuthorizedCaller"
    assert params[2]["EventName"] == "SessionSecondPartyRing"
    assert params[2]["To"] == FIRST.lstrip("+")


def test_unknown_caller_hears_unknown_caller_play(mock: MockServer, receiver: Receiver) -> None:
    session = create(
        mock, unknown_caller_play="https://play.example.com/who.wav", **with_callbacks(receiver)
    )
    answer = mock.simulate_call(session["session_uuid"], wait=True, **{"from": STRANGER})
    assert answer["bridged"] is False
    assert status_events(receiver, mock, session) == [
        "SessionFirstPartyAnswer",
        "SessionFirstPartyHangup",
    ]
    after = retrieve(mock, session["session_uuid"])
    assert after["total_call_count"] == 1
    assert after["interaction"][0]["second_party_resource_url"] is None


def test_call_time_limit_cuts_the_call(mock: MockServer, receiver: Receiver) -> None:
    session = create(mock, call_time_limit=60, **with_callbacks(receiver))
    mock.simulate_call(session["session_uuid"], duration=500, wait=True)
    status_events(receiver, mock, session)
    last = receiver.received("/status")[-1].params
    assert last["EventName"] == "SessionPartiesHangup"
    assert (last["Duration"], last["PlivoHangupCause"]) == ("60", "Scheduled Hangup")
    assert retrieve(mock, session["session_uuid"])["interaction"][0]["duration"] == 60


def test_in_progress_while_the_call_is_up(mock: MockServer, receiver: Receiver) -> None:
    session = create(mock, **with_callbacks(receiver))
    uuid = session["session_uuid"]
    answer = mock.simulate_call(uuid, duration=60)
    assert answer["status"] == "in-progress"
    assert retrieve(mock, uuid)["status"] == "in-progress"
    listed = httpx.get(mock.sessions_url, auth=(mock.auth_id, mock.auth_token)).json()
    assert listed["response"]["objects"][0]["status"] == "in-progress"
    second = httpx.post(f"{mock.base_url}/__mock__/sessions/{uuid}/calls", json={})
    assert second.status_code == 400 and "already up" in second.json()["error"]
    mock.wait_for_delivery("SessionSecondPartyRing", uuid)
    assert mock.deliveries(uuid, event="SessionPartiesHangup") == []
    mock.advance(70)  # the clock passes the call's end
    assert retrieve(mock, uuid)["status"] == "active"
    assert mock.wait_for_delivery("SessionPartiesHangup", uuid).state == "delivered"
    assert retrieve(mock, uuid)["total_call_count"] == 2


def test_session_timeout_on_every_kind_of_expiry(mock: MockServer, receiver: Receiver) -> None:
    by_clock = create(mock, session_expiry=600, **with_callbacks(receiver))
    by_expire = create(mock, session_expiry=600, **with_callbacks(receiver, "GET"))
    by_time = create(mock, session_expiry=60, **with_callbacks(receiver))
    httpx.delete(
        f"{mock.sessions_url}{by_expire['session_uuid']}/", auth=(mock.auth_id, mock.auth_token)
    )
    mock.wait_for_delivery("SessionTimeout", by_expire["session_uuid"])
    mock.set_time(mock.now() + 59.5)  # by_time expires within a second, with nobody asking
    time.sleep(1.5)
    assert [d.session_uuid for d in mock.app.calls.log.find(event="SessionTimeout")] == [
        by_time["session_uuid"],
        by_expire["session_uuid"],
    ]
    httpx.post(f"{mock.base_url}/__mock__/clock/advance", json={"seconds": 600})
    mock.wait_for_delivery("SessionTimeout", by_clock["session_uuid"])
    settle_deliveries(mock, by_clock["session_uuid"], 1)
    timeouts = receiver.received("/status")
    assert len(timeouts) == 3
    for item, session in zip(timeouts, (by_expire, by_time, by_clock), strict=True):
        assert item.params["SessionUUID"] == session["session_uuid"]
        check(item, "SessionEvent", session["callback_url"], mock.auth_token)


def test_a_dead_receiver_slows_nothing_and_is_logged(mock: MockServer) -> None:
    with socket.socket() as probe:  # a loopback port nobody listens on
        probe.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{probe.getsockname()[1]}/status"
    session = create(mock, callback_url=dead)
    uuid = session["session_uuid"]
    started = time.monotonic()
    mock.simulate_call(uuid, duration=30)
    mock.advance(60)
    retrieve(mock, uuid)
    assert time.monotonic() - started < 1.0
    settle_deliveries(mock, uuid, 6)
    log = httpx.get(f"{mock.base_url}/__mock__/deliveries", params={"session_uuid": uuid}).json()
    deliveries = log["deliveries"]
    assert [d["sequence_number"] for d in deliveries] == [6, 5, 4, 3, 2, 1]  # newest first
    for delivery in deliveries:
        assert delivery["state"] == "failed" and delivery["url"] == dead
        assert len(delivery["attempts"]) == 3
        assert all(a["status"] is None and a["error"] for a in delivery["attempts"])
    hangups = httpx.get(
        f"{mock.base_url}/__mock__/deliveries", params={"event": "SessionPartiesHangup"}
    ).json()["deliveries"]
    assert len(hangups) == 1
    assert httpx.delete(f"{mock.base_url}/__mock__/deliveries").json() == {"deliveries": []}
    assert mock.deliveries() == []


def test_a_failing_receiver_is_retried_then_given_up(mock: MockServer) -> None:
    with Receiver(status=503) as failing:
        session = create(mock, callback_url=f"{failing.base_url}/status")
        mock.simulate_call(session["session_uuid"], answer=False, wait=True)
        assert len(failing.received()) == 5 * 3
    (last,) = mock.deliveries(session["session_uuid"], event="SessionPartiesHangup")
    assert [a.status for a in last.attempts] == [503, 503, 503]


@pytest.mark.parametrize(
    ("body", "status", "named"),
    [
        ({"from": "someone"}, 400, '"from"'),
        ({"duration": -1}, 400, '"duration"'),
        ({"pin": "1234"}, 400, '"pin"'),
        ({"pin": ["12a4"]}, 400, '"pin"'),
        ({"answer": "yes"}, 400, '"answer"'),
        ({"colour": "red"}, 400, '"colour"'),
        ({"auth_id": "MAOTHERACCOUNT000001"}, 404, "session_uuid"),
    ],
)
def test_bad_input_changes_nothing(
    mock: MockServer, receiver: Receiver, body: dict[str, Any], status: int, named: str
) -> None:
    session = create(mock, **with_callbacks(receiver))
    uuid = session["session_uuid"]
    answer = httpx.post(f"{mock.base_url}/__mock__/sessions/{uuid}/calls", json=body)
    assert answer.status_code == status
    assert named in answer.json()["error"]
    assert retrieve(mock, uuid) == {**session, "first_party_pin": None, "second_party_pin": None}
    assert mock.deliveries() == []


def test_unknown_and_expired_sessions(mock: MockServer) -> None:
    missing = httpx.post(
        f"{mock.base_url}/__mock__/sessions/c28b77d4-21e7-43bd-9447-04bfee92e651/calls"
    )
    assert missing.status_code == 404 and "session_uuid" in missing.json()["error"]
    uuid = create(mock)["session_uuid"]
    mock.advance(100_000)
    expired = httpx.post(f"{mock.base_url}/__mock__/sessions/{uuid}/calls", json={"wait": True})
    assert (expired.status_code, expired.json()["error"]) == (400, "Session already expired")
    assert retrieve(mock, uuid)["interaction"] is None


def test_unknown_event_names_are_admitted_by_the_spec() -> None:
    schema = attributes_schema("SessionEvent", "POST")
    event = {"EventName": "SessionSomethingNew", "EventTimestamp": "x", "SessionUUID": "u"}
    assert schema_errors(schema, event) == []
    assert "SessionTimeout" in schema["properties"]["EventName"]["x-known-values"]
