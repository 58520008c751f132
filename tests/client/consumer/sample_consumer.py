"""A consumer of plivo_masking_client, type-checked by test_consumer_types.py with mypy --strict
(and imported by nothing else). It shows what the types promise a caller."""

from __future__ import annotations

import asyncio
import logging
from typing import assert_type

from plivo_masking_client import AsyncMaskingClient, MaskingClient, RetryEvent, errors
from plivo_masking_client.models import (
    CreateSessionResponse,
    ErrorResponse,
    ExpireSessionResponse,
    GetSessionResponse,
    ListSessionsResponse,
    SessionListItem,
    UpdateSessionResponse,
)


def report(event: RetryEvent) -> None:
    logging.getLogger(__name__).warning("retry %d after %s", event.retry, event.reason)


def sync_usage() -> None:
    with MaskingClient(max_retries=3, timeout=10.0, on_retry=report) as client:
        created = client.sessions.create(first_party="+12025550000", second_party="+12025551111")
        assert_type(created, CreateSessionResponse)
        uuid: str = created.session_uuid
        assert_type(client.sessions.get(uuid), GetSessionResponse)
        updated = client.sessions.update(uuid, record=True, record_file_format="wav")
        assert_type(updated, UpdateSessionResponse)
        assert_type(client.sessions.list(status="active", limit=5), ListSessionsResponse)
        for item in client.sessions.iter(first_party="+12025550000"):
            assert_type(item, SessionListItem)
        try:
            assert_type(client.sessions.expire(uuid), ExpireSessionResponse)
        except errors.BadRequestError as error:
            status: int = error.status_code
            message: str | None = error.error
            api_id: str | None = error.api_id
            print(status, message, api_id)
        except errors.APIConnectionError:
            pass


def todays_return_values() -> None:
    with MaskingClient(raise_on_error=False) as client:
        result = client.sessions.get("c28b77d4-21e7-43bd-9447-04bfee92e651")
        assert_type(result, GetSessionResponse | ErrorResponse)
        if isinstance(result, ErrorResponse):
            print(result.error)
        else:
            print(result.response.status)


async def async_usage() -> None:
    async with AsyncMaskingClient() as client:
        created = await client.sessions.create(first_party="+12025550000")
        assert_type(created, CreateSessionResponse)
        assert_type(await client.sessions.get(created.session_uuid), GetSessionResponse)
        async for item in client.sessions.iter():
            assert_type(item, SessionListItem)


if __name__ == "__main__":
    sync_usage()
    asyncio.run(async_usage())
