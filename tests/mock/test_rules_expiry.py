"""Expiry arithmetic: 0 and short values, update from now, expire, the clock."""

from __future__ import annotations

from plivo_masking_mock.clock import ManualClock
from plivo_masking_mock.rules import expiry

from .conftest import Api, error_of

CREATED = "2024-02-01 06:28:15 +0000 UTC"


def test_create_value() -> None:
    assert expiry.create_value("session_expiry", None, 1800) == 1800
    assert expiry.create_value("session_expiry", 0, 1800) == 1800
    assert expiry.create_value("call_time_limit", 1, 14400) == 60
    assert expiry.create_value("call_time_limit", 59, 14400) == 60
    assert expiry.create_value("session_expiry", 60, 1800) == 60
    assert expiry.create_value("ring_timeout", 0, 45) == 45
    assert expiry.create_value("ring_timeout", 5, 45) == 5  # no minimum on ring_timeout


def test_update_value() -> None:
    assert expiry.update_value("session_expiry", None) is None
    assert expiry.update_value("session_expiry", 0) is None
    assert expiry.update_value("call_time_limit", 30) == 60
    assert expiry.update_value("call_time_limit", 3600) == 3600
    assert expiry.update_value("ring_timeout", 0) is None


def test_duration_and_expired() -> None:
    assert expiry.duration(100, 1900) == 1800
    assert expiry.duration(100, 50) == 0
    assert not expiry.is_expired(1899, 1900, None)
    assert expiry.is_expired(1900, 1900, None)
    assert expiry.is_expired(10, 1900, 5)


def test_create_defaults_and_zero(api: Api) -> None:
    session = api.create_ok(session_expiry=0, call_time_limit=0, ring_timeout=0)
    assert session["created_time"] == CREATED
    assert session["expiry_time"] == "2024-02-01 06:58:15 +0000 UTC"
    assert (session["duration"], session["call_time_limit"], session["ring_timeout"]) == (
        1800,
        14400,
        45,
    )


def test_short_call_time_limit_raised_to_60(api: Api) -> None:
    """The private-beta docs' "below min, set to min" is about call_time_limit (issue 16)."""
    session = api.create_ok(call_time_limit=59)
    assert session["call_time_limit"] == 60
    updated = api.update_ok(session["session_uuid"], call_time_limit=2)
    assert updated["call_time_limit"] == 60


def test_short_session_expiry_is_outside_the_range(api: Api) -> None:
    """session_expiry 1 to 59 is outside the documented 60-86400: a 400, not raised (issue 16)."""
    message = "Invalid parameter. session_expiry is outside the allowed range."
    assert error_of(api.create(session_expiry=5)) == message
    uuid = api.create_ok()["session_uuid"]
    assert error_of(api.update(uuid, session_expiry=1)) == message


def test_update_session_expiry_counts_from_now(api: Api, clock: ManualClock) -> None:
    uuid = api.create_ok(session_expiry=600)["session_uuid"]
    clock.advance(100)
    session = api.update_ok(uuid, session_expiry=1200)
    assert session["created_time"] == CREATED
    assert session["modified_time"] == "2024-02-01 06:29:55 +0000 UTC"
    assert session["expiry_time"] == "2024-02-01 06:49:55 +0000 UTC"
    assert session["duration"] == 1300


def test_update_zero_leaves_values(api: Api, clock: ManualClock) -> None:
    created = api.create_ok(session_expiry=600, call_time_limit=700, ring_timeout=30)
    clock.advance(10)
    # What the Go SDK (session_expiry 0) and Java SDK (0 for every integer) send.
    session = api.update_ok(
        created["session_uuid"], session_expiry=0, call_time_limit=0, ring_timeout=0, record=False
    )
    assert session["expiry_time"] == created["expiry_time"]
    assert (session["duration"], session["call_time_limit"], session["ring_timeout"]) == (
        600,
        700,
        30,
    )
    assert session["modified_time"] != created["modified_time"]


def test_update_without_session_expiry_keeps_expiry(api: Api, clock: ManualClock) -> None:
    created = api.create_ok()
    clock.advance(22)
    session = api.update_ok(created["session_uuid"], record=True)
    assert session["expiry_time"] == created["expiry_time"]
    assert session["duration"] == 1800
    assert session["modified_time"] == "2024-02-01 06:28:37 +0000 UTC"


def test_session_expires_by_the_clock(api: Api, clock: ManualClock) -> None:
    uuid = api.create_ok(session_expiry=60)["session_uuid"]
    clock.advance(59)
    assert api.session(uuid)["status"] == "active"
    clock.advance(1)
    session = api.session(uuid)
    assert session["status"] == "expired"
    assert session["expiry_time"] == "2024-02-01 06:29:15 +0000 UTC"
    assert error_of(api.update(uuid, record=True)) == "Session already expired"
    assert error_of(api.expire(uuid)) == "Session already expired"


def test_expire_marks_the_moment(api: Api, clock: ManualClock) -> None:
    uuid = api.create_ok()["session_uuid"]
    clock.advance(300)
    response = api.expire(uuid)
    assert response.status_code == 200
    assert response.json()["message"] == "Session expired"
    session = api.session(uuid)
    assert session["status"] == "expired"
    assert session["expiry_time"] == "2024-02-01 06:33:15 +0000 UTC"
    assert session["modified_time"] == session["expiry_time"]
    assert session["duration"] == 300
    assert error_of(api.expire(uuid)) == "Session already expired"
    assert error_of(api.update(uuid, record=True)) == "Session already expired"
    assert api.page(status="expired")["meta"]["total_count"] == 1
