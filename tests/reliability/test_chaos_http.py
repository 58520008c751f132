"""Chaos and the rate limit over a real socket do what their settings say."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterator

import httpx
import pytest

from plivo_masking_mock.config import MockConfig
from plivo_masking_mock.ratelimit import RateLimit
from plivo_masking_mock.server import MockServer
from plivo_masking_spec import OperationId
from tests.reliability import figures, rawhttp
from tests.reliability.budget import CHAOS_REQUESTS
from tests.reliability.conftest import ACCOUNT_A, ACCOUNT_B, Accounts, snapshot
from tests.reliability.load import Written, mismatches

PARTIES = {"first_party": "+12025553000", "second_party": "+12025553001"}


@pytest.fixture
def mock(server: MockServer) -> Iterator[MockServer]:
    server.reset()
    yield server
    server.reset()


def _client(mock: MockServer, accounts: Accounts) -> httpx.Client:
    auth = (ACCOUNT_A, accounts.a.auth_token)
    return httpx.Client(base_url=mock.base_url, auth=auth, timeout=20)


def test_error_rate_statuses_and_seed(mock: MockServer, accounts: Accounts) -> None:
    rate, statuses = 0.3, [429, 500, 503]
    sessions = f"/v1/Account/{ACCOUNT_A}/Masking/Session/"
    runs = []
    with _client(mock, accounts) as http:
        for _ in range(2):
            mock.set_chaos(error_rate=rate, statuses=statuses, seed=7, retry_after=2)
            seen = []
            for _ in range(CHAOS_REQUESTS):
                response = http.get(sessions)
                seen.append(response.status_code)
                if response.status_code in {429, 503}:
                    assert response.headers["retry-after"] == "2"
                if response.status_code != 200:
                    assert set(response.json()) == {"api_id", "error"}
            runs.append(seen)
            counters = mock.chaos_state()["counters"]
            assert counters["requests"] == CHAOS_REQUESTS
    assert runs[0] == runs[1], "the same seed met different faults"
    errors = Counter(status for status in runs[0] if status != 200)
    assert set(errors) <= set(statuses)
    # Five standard deviations of the binomial: fails by chance about once in 3.5 million.
    spread = 5 * math.sqrt(CHAOS_REQUESTS * rate * (1 - rate))
    assert abs(sum(errors.values()) - CHAOS_REQUESTS * rate) <= spread
    share = sum(errors.values()) / len(statuses)
    for status in statuses:
        assert abs(errors[status] - share) <= 5 * math.sqrt(share), errors
    figures.record(
        "chaos",
        requests=CHAOS_REQUESTS * 2,
        error_rate=rate,
        errors_injected=sum(errors.values()),
        by_status={str(s): n for s, n in sorted(errors.items())},
        same_faults_for_the_same_seed=True,
    )


def test_an_injected_error_changes_nothing(mock: MockServer, accounts: Accounts) -> None:
    sessions = f"/v1/Account/{ACCOUNT_A}/Masking/Session/"
    with _client(mock, accounts) as http:
        created = http.post(sessions, json=PARTIES).json()
        one = f"{sessions}{created['session_uuid']}/"
        before = snapshot(mock)
        mock.set_chaos(error_rate=1.0, statuses=[500, 503])
        attempts = [
            http.post(sessions, json={**PARTIES, "second_party": "+12025553002"}),
            http.post(one, json={"call_time_limit": 60}),
            http.delete(one),
        ]
        assert all(r.status_code in {500, 503} for r in attempts)
        assert snapshot(mock) == before
        mock.clear_chaos()
        written = Written(created["session_uuid"], created["virtual_number"], ("", ""))
        assert not mismatches(written, http.get(one).json()["response"])
        assert http.get(one).json()["response"]["status"] == "active"


def test_a_drop_closes_without_an_answer(mock: MockServer, accounts: Accounts) -> None:
    mock.set_chaos(drop_rate=1.0, operations=[OperationId.LIST.value])
    sessions = f"/v1/Account/{ACCOUNT_A}/Masking/Session/"
    auth = (b"Authorization", rawhttp.basic(ACCOUNT_A, accounts.a.auth_token))
    dropped = rawhttp.send(mock.port, rawhttp.build("GET", sessions, headers=[auth]))
    assert dropped.raw == b""
    with _client(mock, accounts) as http:
        with pytest.raises(httpx.RemoteProtocolError):
            http.get(sessions)
        assert http.post(sessions, json=PARTIES).status_code == 201  # not a listed operation
    assert mock.chaos_state()["counters"]["drops"] == 2
    mock.clear_chaos()
    with _client(mock, accounts) as http:
        assert http.get(sessions).status_code == 200


def test_latency_is_added(mock: MockServer, accounts: Accounts) -> None:
    mock.set_chaos(latency_ms=[150, 150])
    with _client(mock, accounts) as http:
        response = http.get(f"/v1/Account/{ACCOUNT_A}/Masking/Session/")
    assert response.status_code == 200
    assert response.elapsed.total_seconds() >= 0.14  # a lower bound: slowness cannot fail it
    assert mock.chaos_state()["counters"]["delayed"] == 1


def test_rate_limit_per_account(accounts: Accounts) -> None:
    budget = 25
    config = MockConfig(rate_limit=RateLimit(budget, 60.0)).with_accounts([accounts.a, accounts.b])
    with MockServer(config=config) as mock, httpx.Client(base_url=mock.base_url) as http:
        a = (ACCOUNT_A, accounts.a.auth_token)
        b = (ACCOUNT_B, accounts.b.auth_token)
        path = f"/v1/Account/{ACCOUNT_A}/Masking/Session/"
        answers = [http.get(path, auth=a) for _ in range(budget + 5)]
        statuses = [r.status_code for r in answers]
        assert statuses == [200] * budget + [429] * 5
        for refused in answers[budget:]:
            assert 1 <= int(refused.headers["retry-after"]) <= 60
            assert set(refused.json()) == {"api_id", "error"}
        other = http.get(f"/v1/Account/{ACCOUNT_B}/Masking/Session/", auth=b)
        assert other.status_code == 200
        refused_create = http.post(path, json=PARTIES, auth=a)
        assert refused_create.status_code == 429
        assert snapshot(mock)[ACCOUNT_A] == []
    figures.record("rate_limit", budget=f"{budget}/60s", window="sliding", refused=6)
