"""Issue 16: the generated client keeps the body of every 2xx (202, 204, an undocumented 2xx),
never None; a 204 without a body parses as an empty object."""

from __future__ import annotations

import importlib
from typing import Any

import httpx
import pytest

from plivo_masking_client import Client
from plivo_masking_client.models import SuccessResponse
from plivo_masking_spec import OperationId

ENDPOINTS = "plivo_masking_client.api.masking_sessions"
CLIENT = Client(base_url="http://127.0.0.1", raise_on_unexpected_status=True)


def parse(operation_id: str, response: httpx.Response) -> Any:
    module = importlib.import_module(f"{ENDPOINTS}.{operation_id}")
    return module._parse_response(client=CLIENT, response=response)


def test_a_204_on_expire_keeps_its_body_or_gives_an_empty_one() -> None:
    parsed = parse("delete_masking_session", httpx.Response(204, json={}))
    assert isinstance(parsed, SuccessResponse)
    empty = parse("delete_masking_session", httpx.Response(204))
    assert isinstance(empty, SuccessResponse)
    assert empty.to_dict() == {}


def test_a_202_on_update_keeps_the_session() -> None:
    body = {"api_id": "a", "message": "Session updated", "session": {"session_uuid": "u"}}
    parsed = parse("update_masking_session", httpx.Response(202, json=body))
    assert isinstance(parsed, SuccessResponse)
    assert parsed.to_dict() == body


@pytest.mark.parametrize("operation_id", [str(op) for op in OperationId])
@pytest.mark.parametrize("status", [203, 206, 299])
def test_an_undocumented_2xx_keeps_its_body(operation_id: str, status: int) -> None:
    body = {"api_id": "a", "message": "something", "extra": [1]}
    parsed = parse(operation_id, httpx.Response(status, json=body))
    assert parsed is not None
    assert parsed.to_dict() == body
