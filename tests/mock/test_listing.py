"""List: every filter of the spec, newest first, limit/offset, meta with next/previous."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlsplit

import pytest

from plivo_masking_mock.clock import ManualClock
from plivo_masking_mock.listing import ListingRules, split_filter
from plivo_masking_mock.spec import Operation, Spec, SpecError

from .conftest import Api, error_of

# ManualClock starts at 2024-02-01 06:28:15 UTC.


def make_sessions(api: Api, clock: ManualClock, count: int) -> list[str]:
    uuids = []
    for index in range(count):
        session = api.create_ok(
            first_party=f"+1202555{1000 + index}",
            second_party=f"+1202556{1000 + index}",
            session_expiry=600 + index * 60,
        )
        uuids.append(session["session_uuid"])
        clock.advance(60)
    return uuids


def uuids_of(page: dict[str, object]) -> list[str]:
    objects = page["objects"]
    assert isinstance(objects, list)
    return [item["session_uuid"] for item in objects]


def test_newest_first_with_meta(api: Api, clock: ManualClock) -> None:
    uuids = make_sessions(api, clock, 3)
    page = api.page()
    assert uuids_of(page) == uuids[::-1]
    assert page["meta"] == {
        "limit": 20,
        "next": None,
        "offset": 0,
        "previous": None,
        "total_count": 3,
    }


def test_same_second_sessions_keep_creation_order(api: Api) -> None:
    first = api.create_ok(first_party="+12025557000")["session_uuid"]
    second = api.create_ok(first_party="+12025557001")["session_uuid"]
    assert uuids_of(api.page()) == [second, first]


def test_pagination_links(api: Api, clock: ManualClock) -> None:
    uuids = make_sessions(api, clock, 5)
    page = api.page(limit=2, offset=2, status="all")
    assert uuids_of(page) == uuids[::-1][2:4]
    meta = page["meta"]
    assert meta["total_count"] == 5
    assert (
        meta["next"]
        == "/v1/Account/MAMOCKDEMOACCOUNT001/Masking/Session/?limit=2&offset=4&status=all"
    )
    assert (
        meta["previous"]
        == "/v1/Account/MAMOCKDEMOACCOUNT001/Masking/Session/?limit=2&offset=0&status=all"
    )
    # Following the links walks the whole list.
    last = api.client.get(meta["next"]).json()["response"]
    assert uuids_of(last) == uuids[:1]
    assert last["meta"]["next"] is None
    first = api.client.get(meta["previous"]).json()["response"]
    assert uuids_of(first) == uuids[::-1][:2]
    assert first["meta"]["previous"] is None


def test_offset_beyond_the_end(api: Api, clock: ManualClock) -> None:
    make_sessions(api, clock, 2)
    page = api.page(offset=10)
    assert page["objects"] == []
    assert page["meta"]["total_count"] == 2
    assert (
        page["meta"]["previous"]
        == "/v1/Account/MAMOCKDEMOACCOUNT001/Masking/Session/?limit=20&offset=0"
    )


def test_party_and_number_filters(api: Api, clock: ManualClock) -> None:
    uuids = make_sessions(api, clock, 3)
    assert uuids_of(api.page(first_party="+12025551001")) == [uuids[1]]
    assert uuids_of(api.page(second_party="12025561002")) == [uuids[2]]
    assert uuids_of(api.page(virtual_number="+12025550100")) == uuids[::-1]
    assert api.page(virtual_number="12025550101")["objects"] == []


def test_status_filter(api: Api, clock: ManualClock) -> None:
    uuids = make_sessions(api, clock, 3)
    assert api.expire(uuids[0]).status_code == 200
    assert uuids_of(api.page(status="expired")) == [uuids[0]]
    assert uuids_of(api.page(status="active")) == uuids[:0:-1]
    clock.advance(10_000)  # all expire by the clock
    assert api.page(status="active")["meta"]["total_count"] == 0
    assert api.page(status="expired")["meta"]["total_count"] == 3


def test_created_time_filters(api: Api, clock: ManualClock) -> None:
    uuids = make_sessions(api, clock, 3)  # created 06:28:15, 06:29:15, 06:30:15
    assert uuids_of(api.page(created_time__gt="2024-02-01 06:29:15")) == [uuids[2]]
    assert uuids_of(api.page(created_time__gte="2024-02-01 06:29:15")) == uuids[:0:-1]
    assert uuids_of(api.page(created_time__lt="2024-02-01 06:29")) == [uuids[0]]
    assert uuids_of(api.page(created_time__lte="2024-02-01 06:29:15.000000")) == uuids[1::-1]
    assert uuids_of(api.page(created_time="2024-02-01 06:30:15")) == [uuids[2]]


def test_expiry_time_filters(api: Api, clock: ManualClock) -> None:
    # expiry: 06:38:15, 06:40:15, 06:42:15
    uuids = make_sessions(api, clock, 3)
    assert uuids_of(api.page(expiry_time="2024-02-01 06:40:15")) == [uuids[1]]
    assert uuids_of(api.page(expiry_time__gt="2024-02-01 06:40:15")) == [uuids[2]]
    assert uuids_of(api.page(expiry_time__gte="2024-02-01 06:40:15")) == uuids[:0:-1]
    assert uuids_of(api.page(expiry_time__lt="2024-02-01 06:40:15")) == [uuids[0]]
    assert uuids_of(api.page(expiry_time__lte="2024-02-01 06:40:15")) == uuids[1::-1]


def test_duration_filters(api: Api, clock: ManualClock) -> None:
    uuids = make_sessions(api, clock, 3)  # durations 600, 660, 720
    assert uuids_of(api.page(duration=660)) == [uuids[1]]
    assert uuids_of(api.page(duration__gt=660)) == [uuids[2]]
    assert uuids_of(api.page(duration__gte=660)) == uuids[:0:-1]
    assert uuids_of(api.page(duration__lt=660)) == [uuids[0]]
    assert uuids_of(api.page(duration__lte=660)) == uuids[1::-1]


def test_filters_combine_and_carry_into_links(api: Api, clock: ManualClock) -> None:
    make_sessions(api, clock, 4)
    page = api.page(duration__gte=660, status="active", limit=1)
    assert page["meta"]["total_count"] == 3
    link = urlsplit(page["meta"]["next"])
    assert dict(parse_qsl(link.query)) == {
        "limit": "1",
        "offset": "1",
        "duration__gte": "660",
        "status": "active",
    }


def test_default_window_of_seven_days(api: Api, clock: ManualClock) -> None:
    old = api.create_ok()["session_uuid"]
    clock.advance(8 * 86_400)
    new = api.create_ok()["session_uuid"]
    assert uuids_of(api.page()) == [new]
    # Any time bound replaces the default window.
    assert uuids_of(api.page(created_time__gte="2024-01-01 00:00")) == [new, old]
    assert api.session(old)["status"] == "expired"


def test_list_items_are_sorted_with_resource_uri(api: Api) -> None:
    uuid = api.create_ok()["session_uuid"]
    item = api.page()["objects"][0]
    assert list(item) == sorted(item)
    assert item["resource_uri"] == f"/v1/Account/MAMOCKDEMOACCOUNT001/Masking/Session/{uuid}/"


def test_every_spec_filter_is_implemented(spec: Spec) -> None:
    rules = ListingRules(spec.operation("list_masking_session"), 7)
    assert len(rules.filters) == 19
    assert split_filter("created_time__lte") == ("created_time", "lte")
    assert split_filter("duration") == ("duration", "eq")


def test_an_unknown_filter_in_the_spec_is_refused(spec: Spec) -> None:
    operation = spec.operation("list_masking_session")
    extra = type(operation.parameters[0])("colour__gt", "query", False, {"type": "string"})
    broken = Operation(**{**operation.__dict__, "parameters": (*operation.parameters, extra)})
    with pytest.raises(SpecError, match="colour__gt"):
        ListingRules(broken, 7)


def test_limit_zero_refused(api: Api) -> None:
    assert error_of(api.list(limit=0)) == "Invalid parameter. limit is outside the allowed range."


def test_huge_numbers_do_not_overflow_sqlite(api: Api) -> None:
    # DurationFilter and offset have no maximum in the spec; SQLite integers are 64-bit.
    api.create_ok()
    assert api.page(duration__lt=10**30)["meta"]["total_count"] == 1
    assert api.page(duration__gt=10**30)["meta"]["total_count"] == 0
    page = api.page(offset=10**30)
    assert page["objects"] == []
    assert page["meta"]["offset"] == 10**30
