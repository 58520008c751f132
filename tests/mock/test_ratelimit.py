"""The per-account sliding-window rate limit, on a clock the test moves."""

from __future__ import annotations

import pytest
from openapi_schema_validator import OAS30Validator

from plivo_masking_mock.app import create_app
from plivo_masking_mock.clock import ManualClock
from plivo_masking_mock.config import MockConfig
from plivo_masking_mock.ratelimit import RateLimit, RateLimiter, RateLimitError, parse_rate_limit
from plivo_masking_spec import inline, load_document, resolve
from tests.mock.conftest import Api, checked_client


class Tick:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.mark.parametrize(
    ("text", "limit"),
    [
        ("300/5s", RateLimit(300, 5.0)),
        ("10/1m", RateLimit(10, 60.0)),
        ("5/500ms", RateLimit(5, 0.5)),
        ("100/s", RateLimit(100, 1.0)),
        ("2/3", RateLimit(2, 3.0)),
    ],
)
def test_parse(text: str, limit: RateLimit) -> None:
    assert parse_rate_limit(text) == limit


@pytest.mark.parametrize("text", ["", "300", "x/5s", "300/5y", "0/5s", "5/0s", "-1/5s"])
def test_parse_rejects(text: str) -> None:
    with pytest.raises(RateLimitError):
        parse_rate_limit(text)


def test_the_window_slides() -> None:
    tick = Tick()
    limiter = RateLimiter(RateLimit(3, 5.0), clock=tick)
    assert [limiter.admit("A") for _ in range(3)] == [None, None, None]
    tick.now += 2
    assert limiter.admit("A") == 3  # the first request leaves the window 3 s from now
    assert limiter.admit("B") is None  # per account
    tick.now += 3  # the first three requests were 5 s ago: all of them left the window
    assert [limiter.admit("A") for _ in range(3)] == [None, None, None]
    assert limiter.admit("A") is not None
    assert limiter.limited == 2


def test_a_refused_request_does_not_use_the_budget() -> None:
    tick = Tick()
    limiter = RateLimiter(RateLimit(1, 5.0), clock=tick)
    assert limiter.admit("A") is None
    for _ in range(10):
        tick.now += 0.4
        assert limiter.admit("A") is not None
    tick.now += 1.1  # 5.1 s after the one admitted request
    assert limiter.admit("A") is None


def test_the_app_answers_429_with_retry_after() -> None:
    app = create_app(MockConfig(rate_limit=RateLimit(2, 60.0)), clock=ManualClock())
    api = Api(checked_client(app))
    assert [api.list().status_code for _ in range(2)] == [200, 200]
    refused = api.list()
    assert refused.status_code == 429
    assert 1 <= int(refused.headers["retry-after"]) <= 60
    assert set(refused.json()) == {"api_id", "error"}
    unauthenticated = checked_client(app, auth=None)
    assert unauthenticated.get(api.sessions).status_code == 401
    assert unauthenticated.get("/__mock__/rate-limit").json()["limited"] == 1
    app.reset()
    assert api.list().status_code == 200


def test_the_429_headers_are_the_ones_the_spec_declares() -> None:
    """openapi.yaml's TooManyRequests declares Retry-After (optional, an integer): the mock's
    429 sends exactly that, so a client generated from the spec can rely on its type."""
    document = load_document()
    declared = resolve(document, {"$ref": "#/components/responses/TooManyRequests"})["headers"]
    assert set(declared) == {"Retry-After"}
    validator = OAS30Validator(inline(document, declared["Retry-After"]["schema"]))
    app = create_app(MockConfig(rate_limit=RateLimit(1, 60.0)), clock=ManualClock())
    api = Api(checked_client(app))
    api.list()
    refused = api.list()
    assert refused.status_code == 429
    assert validator.is_valid(int(refused.headers["retry-after"]))
