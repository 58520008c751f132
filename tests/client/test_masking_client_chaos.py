"""End to end against the mock's chaos mode (`POST /__mock__/chaos`): under 30% injected 429s
and 503s with Retry-After 1, 300 updates all complete, the retries reported; and creates under
injected 5xx never make a second session, because create is not retried after a 5xx.
"""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest

from plivo_masking_client import AsyncMaskingClient, MaskingClient, RetryEvent, errors
from tests.client.test_behaviour import RecordingTransport

UPDATES = 300
CONCURRENCY = 20  # Retry-After 1 s per retry: concurrent updates keep the test to seconds


def chaos(mock: Any, **settings: Any) -> None:
    response = httpx.post(f"{mock.base_url}/__mock__/chaos", json=settings, timeout=10)
    response.raise_for_status()


@pytest.fixture
def chaotic_mock(plivo_mock: Any) -> Any:
    yield plivo_mock
    httpx.delete(f"{plivo_mock.base_url}/__mock__/chaos", timeout=10).raise_for_status()


def test_300_updates_complete_under_chaos_with_the_retries_reported(chaotic_mock: Any) -> None:
    mock = chaotic_mock
    with MaskingClient(mock.auth_id, mock.auth_token, base_url=mock.base_url) as client:
        uuid = client.sessions.create(
            first_party="+12025550000", second_party="+12025551111"
        ).session_uuid
    chaos(mock, error_rate=0.3, statuses=[429, 503], retry_after=1, seed=7)
    retries: list[RetryEvent] = []

    async def run() -> list[int]:
        limit = asyncio.Semaphore(CONCURRENCY)
        async with AsyncMaskingClient(
            mock.auth_id,
            mock.auth_token,
            base_url=mock.base_url,
            max_retries=8,  # 0.3**9: a failure after 8 retries is a 1 in 50 000 event per call
            on_retry=retries.append,
        ) as client:

            async def update(n: int) -> int:
                async with limit:
                    result = await client.sessions.update(uuid, call_time_limit=60 + n)
                    return result.session.call_time_limit

            return await asyncio.gather(*(update(n) for n in range(UPDATES)))

    limits = asyncio.run(run())
    assert sorted(limits) == [60 + n for n in range(UPDATES)]
    print(f"{UPDATES} updates under 30% chaos: {len(retries)} retries")
    assert retries, "30% injected errors over 300 updates and not one retry"
    assert {event.reason for event in retries} <= {"429", "503"}
    assert all(event.delay == 1.0 for event in retries)  # Retry-After honoured


def test_create_under_injected_5xx_never_makes_two_sessions(chaotic_mock: Any) -> None:
    mock = chaotic_mock
    chaos(mock, error_rate=0.5, statuses=[503], retry_after=1, seed=7)
    transport = RecordingTransport()
    raised = made = 0
    retries: list[RetryEvent] = []
    with MaskingClient(
        mock.auth_id,
        mock.auth_token,
        base_url=mock.base_url,
        http_client=httpx.Client(transport=transport),
        on_retry=retries.append,
    ) as client:
        for n in range(30):
            try:
                # Parties of their own: the demo account's 5 numbers then never run out.
                client.sessions.create(
                    first_party=f"+1202557{n:04d}", second_party=f"+1202558{n:04d}"
                )
                made += 1
            except errors.InternalServerError:
                raised += 1
    chaos(mock, error_rate=0.0)
    assert raised > 0 and retries == []
    assert len(transport.sent) == 30  # one request per create: none re-sent
    with MaskingClient(mock.auth_id, mock.auth_token, base_url=mock.base_url) as client:
        parties = [s.first_party for s in client.sessions.iter()]
    assert len(parties) == len(set(parties))  # no party got two sessions
    assert made <= len(parties) <= 30
