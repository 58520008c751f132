"""Virtual-number allocation: shared numbers, no shared party, cool-off, exhaustion."""

from __future__ import annotations

from collections.abc import Callable

from plivo_masking_mock.app import MockApp
from plivo_masking_mock.clock import ManualClock
from plivo_masking_mock.config import Account, MockConfig
from plivo_masking_mock.rules.numbers import NumberUse, pick_number

from .conftest import DEMO_AUTH, Api, checked_client, error_of

POOL = ("100", "200")
A, B, C, D = "1", "2", "3", "4"


def use(
    number: str, *parties: str, active: bool = True, ended_at: int = 0, cooloff: int = 0
) -> NumberUse:
    return NumberUse(number, frozenset(parties), active, ended_at, cooloff)


def test_first_number_first() -> None:
    assert pick_number(POOL, [], frozenset({A, B}), now=1000) == "100"


def test_a_number_serves_sessions_without_common_parties() -> None:
    assert pick_number(POOL, [use("100", A, B)], frozenset({C, D}), now=1000) == "100"


def test_a_common_party_moves_to_the_next_number() -> None:
    assert pick_number(POOL, [use("100", A, B)], frozenset({A, C}), now=1000) == "200"
    assert pick_number(POOL, [use("100", A, B), use("200", C, A)], frozenset({A, D}), 1000) is None


def test_cooloff_keeps_a_released_number_out() -> None:
    ended = use("100", A, B, active=False, ended_at=1000, cooloff=60)
    assert pick_number(POOL, [ended], frozenset({C, D}), now=1059) == "200"
    assert pick_number(POOL, [ended], frozenset({C, D}), now=1060) == "100"


def test_ended_sessions_without_cooloff_do_not_block() -> None:
    assert (
        pick_number(POOL, [use("100", A, B, active=False, ended_at=900)], frozenset({A, B}), 1000)
        == "100"
    )


def small_pool_app(make_app: Callable[..., MockApp]) -> MockApp:
    account = Account(DEMO_AUTH[0], DEMO_AUTH[1], ("+12025550100",))
    return make_app(config=MockConfig().with_accounts([account]))


def test_pool_exhausted(make_app: Callable[..., MockApp]) -> None:
    with checked_client(small_pool_app(make_app)) as client:
        api = Api(client)
        first = api.create_ok(first_party="+12025550001", second_party="+12025550002")
        assert (
            api.create_ok(first_party="+12025550003", second_party="+12025550004")["virtual_number"]
            == first["virtual_number"]
        )
        response = api.create(first_party="+12025550001", second_party="+12025550009")
        assert error_of(response) == "Number pool exhausted or not available"
        # Expiring the session frees the number for that party again.
        assert api.expire(first["session_uuid"]).status_code == 200
        assert (
            api.create(first_party="+12025550001", second_party="+12025550009").status_code == 201
        )


def test_cooloff_over_http(make_app: Callable[..., MockApp], clock: ManualClock) -> None:
    with checked_client(small_pool_app(make_app)) as client:
        api = Api(client)
        session = api.create_ok(virtual_number_cooloff_period=600)
        assert session["virtual_number_cooloff_period"] == 600
        assert api.expire(session["session_uuid"]).status_code == 200
        clock.advance(599)
        response = api.create(first_party="+12025557000", second_party="+12025557001")
        assert error_of(response) == "Number pool exhausted or not available"
        clock.advance(1)
        assert (
            api.create(first_party="+12025557000", second_party="+12025557001").status_code == 201
        )


def test_cooloff_after_expiry_by_the_clock(
    make_app: Callable[..., MockApp], clock: ManualClock
) -> None:
    with checked_client(small_pool_app(make_app)) as client:
        api = Api(client)
        api.create_ok(session_expiry=60, virtual_number_cooloff_period=100)
        clock.advance(60 + 99)
        assert error_of(api.create(first_party="+12025557000", second_party="+12025557001"))
        clock.advance(1)
        assert (
            api.create(first_party="+12025557000", second_party="+12025557001").status_code == 201
        )


def test_subaccount_pool(make_app: Callable[..., MockApp]) -> None:
    main = Account(DEMO_AUTH[0], DEMO_AUTH[1], ("+12025550100",))
    sub = Account("SAMOCKSUBACCOUNT0001", "sub-token", ("+12025550190",), parent=main.auth_id)
    app = make_app(config=MockConfig().with_accounts([main, sub]))
    with checked_client(app) as client:
        api = Api(client)
        session = api.create_ok(subaccount=sub.auth_id)
        assert session["virtual_number"] == "12025550190"
        assert session["subaccount"] == sub.auth_id
        listed = api.page(subaccount=sub.auth_id)["objects"]
        assert [item["session_uuid"] for item in listed] == [session["session_uuid"]]
        assert "subaccount" not in listed[0]
        # An unknown sub-account is recorded, and the caller's own pool is used.
        other = api.create_ok(
            subaccount="SAUNKNOWNSUBACCOUNT1",
            first_party="+12025557000",
            second_party="+12025557001",
        )
        assert other["virtual_number"] == "12025550100"
