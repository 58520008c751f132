"""The rendered session caches are never stale: after every kind of change, a list or a retrieved
session answered from a cache is byte for byte the answer rendered without it (the `api_id`
aside)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import orjson
import pytest
from starlette.testclient import TestClient

from plivo_masking_mock import rendered_cache
from plivo_masking_mock.app import MockApp
from plivo_masking_mock.clock import ManualClock
from plivo_masking_mock.rendered_cache import RenderedCache

from .conftest import Api


def same_without(cache: RenderedCache, ask: Callable[[], httpx.Response]) -> httpx.Response:
    """The answer with `cache`, checked against the same answer without it."""
    cached = ask()
    cache.enabled = False
    try:
        plain = ask()
    finally:
        cache.enabled = True
    assert cached.status_code == plain.status_code
    api_id = cached.json().get("api_id", "").encode()
    assert cached.content == plain.content.replace(plain.json().get("api_id", "").encode(), api_id)
    return cached


def listed(api: Api, app: MockApp, **params: Any) -> dict[str, Any]:
    """The list answer, checked against the same answer without the cache, and each session
    on the page retrieved, checked the same way."""
    answer = same_without(app.service.list_cache, lambda: api.list(**params))
    assert answer.status_code == 200, answer.text
    page: dict[str, Any] = answer.json()["response"]
    for item in page["objects"]:
        assert retrieved(api, app, item["session_uuid"])["status"] == item["status"]
    return page


def retrieved(api: Api, app: MockApp, session_uuid: str) -> dict[str, Any]:
    """The retrieve answer, checked against the same answer without the session cache."""
    answer = same_without(app.service.session_cache, lambda: api.get(session_uuid))
    assert answer.status_code == 200, answer.text
    session: dict[str, Any] = answer.json()["response"]
    return session


def statuses(page: dict[str, Any]) -> list[str]:
    return [item["status"] for item in page["objects"]]


def make(api: Api, count: int, **body: Any) -> list[str]:
    return [
        api.create_ok(
            first_party=f"+1202555{1000 + index}", second_party=f"+1202556{1000 + index}", **body
        )["session_uuid"]
        for index in range(count)
    ]


def test_cache_is_used_and_matches(api: Api, app: MockApp) -> None:
    make(api, 3, generate_pin=True, session_expiry=600)
    listed(api, app)
    assert len(app.service.list_cache) == len(app.service.session_cache) == 3
    listed(api, app)  # from the caches now
    listed(api, app, limit=2, offset=1)


def test_retrieve_with_generated_pins_hides_them(api: Api, app: MockApp) -> None:
    created = api.create_ok(
        is_pin_authentication_required=True,
        pin_prompt_play="https://example.com/prompt.mp3",
        generate_pin=True,
    )
    assert created["first_party_pin"]  # create reveals them, retrieve does not
    for _ in range(2):  # rendered, then from the cache
        session = retrieved(api, app, created["session_uuid"])
        assert session["first_party_pin"] is None


def test_unknown_session_is_a_404_with_or_without_the_cache(api: Api, app: MockApp) -> None:
    answer = same_without(
        app.service.session_cache, lambda: api.get("00000000-0000-4000-8000-000000000000")
    )
    assert answer.status_code == 404


def test_update_shows_at_once(api: Api, app: MockApp, clock: ManualClock) -> None:
    (uuid,) = make(api, 1, session_expiry=600)
    listed(api, app)
    clock.advance(5)
    api.update_ok(uuid, session_expiry=900, callback_url="https://example.com/new")
    page = listed(api, app)
    assert page["objects"][0]["callback_url"] == "https://example.com/new"
    assert page["objects"][0]["modified_time"] == "2024-02-01 06:28:20 +0000 UTC"


def test_expire_shows_at_once(api: Api, app: MockApp) -> None:
    first, _ = make(api, 2, session_expiry=600)
    assert statuses(listed(api, app)) == ["active", "active"]
    assert api.expire(first).status_code == 200
    page = listed(api, app)
    assert {item["session_uuid"]: item["status"] for item in page["objects"]}[first] == "expired"
    assert listed(api, app, status="expired")["meta"]["total_count"] == 1


def test_clock_moves_show_at_once(api: Api, app: MockApp, clock: ManualClock) -> None:
    make(api, 2, session_expiry=600)
    assert statuses(listed(api, app)) == ["active", "active"]
    clock.advance(600)  # expired by time: nothing was written
    assert statuses(listed(api, app)) == ["expired", "expired"]
    clock.advance(-1)  # and back
    assert statuses(listed(api, app)) == ["active", "active"]


def test_admin_clock_and_reset(client: TestClient, api: Api, app: MockApp) -> None:
    make(api, 2, session_expiry=600)
    listed(api, app)
    client.post("/__mock__/clock/advance", json={"seconds": 601})
    assert statuses(listed(api, app)) == ["expired", "expired"]
    client.post("/__mock__/reset")
    assert listed(api, app)["objects"] == []
    make(api, 2, session_expiry=600)  # the same parties and times as before the reset
    assert statuses(listed(api, app)) == ["active", "active"]


def test_call_in_progress_and_after(
    client: TestClient, api: Api, app: MockApp, clock: ManualClock
) -> None:
    (uuid,) = make(api, 1, session_expiry=600)
    listed(api, app)
    response = client.post(f"/__mock__/sessions/{uuid}/calls", json={"duration": 30})
    assert response.status_code in (200, 202), response.text
    during = [listed(api, app) for _ in range(2)]
    assert statuses(during[0]) == statuses(during[1]) == ["in-progress"]
    clock.advance(60)
    app.calls.settle()
    after = listed(api, app)
    assert statuses(after) == ["active"]
    assert after["objects"][0]["total_call_count"] >= during[-1]["objects"][0]["total_call_count"]


def test_missing_required_field_fault_is_not_cached(
    client: TestClient, api: Api, app: MockApp
) -> None:
    make(api, 1)
    assert "duration" in listed(api, app)["objects"][0]
    client.event_hooks = {"request": [], "response": []}  # the fault breaks the spec on purpose
    client.post("/__mock__/faults", json={"fault": "missing_required_field"})
    page = listed(api, app)
    assert "duration" not in page["objects"][0]
    assert "duration" not in retrieved(api, app, page["objects"][0]["session_uuid"])
    client.delete("/__mock__/faults")
    assert "duration" in listed(api, app)["objects"][0]


def test_huge_offset_falls_back(api: Api, app: MockApp) -> None:
    make(api, 1)
    page = listed(api, app, offset=2**70)
    assert page["objects"] == []


def test_unrenderable_or_ambiguous_items_are_not_cached(app: MockApp) -> None:
    cache = RenderedCache(app.service.view.list_item, size=2)
    with app.service.store.transaction() as tx:
        assert tx.count() == 0
    # A field holding the status placeholder itself, and one orjson cannot render.
    row = (
        "u",
        "MA",
        "1",
        0,
        0,
        10,
        None,
        orjson.dumps({"callback_url": rendered_cache._TOKEN}).decode(),
    )
    assert cache.items([row], 5) is None
    big = ("u", "MA", "1", 0, 0, 10, None, '{"amount": 100000000000000000000}')
    assert cache.items([big], 5) is None
    assert len(cache) == 0


@pytest.mark.parametrize("size", [1, 2])
def test_cache_is_bounded(api: Api, app: MockApp, size: int) -> None:
    app.service.list_cache.size = app.service.session_cache.size = size
    make(api, 3)
    listed(api, app)
    listed(api, app)
    assert len(app.service.list_cache) == len(app.service.session_cache) == size
