"""Plivo's official Python SDK (`plivo` on PyPI), pointed at the mock on loopback.

The SDK reads its base URLs from module constants of `plivo.rest.client` when it builds each
request; pointing them at the mock is the only change. Its request building, JSON bodies,
trailing slashes, auth and error mapping stay exactly what users run against Plivo.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import plivo
import pytest
from plivo.rest import client as plivo_client_module

from plivo_masking_mock.server import MockServer

_BASE_URI_CONSTANTS = (
    "PLIVO_API_BASE_URI",
    "API_VOICE_BASE_URI",
    "API_VOICE_BASE_URI_FALLBACK_1",
    "API_VOICE_BASE_URI_FALLBACK_2",
)


@contextmanager
def official_client(
    mock: MockServer, monkeypatch: pytest.MonkeyPatch, *, auth_token: str | None = None
) -> Iterator[Any]:
    """A `plivo.RestClient` talking to the mock, with its demo credentials (or another token)."""
    for name in _BASE_URI_CONSTANTS:
        monkeypatch.setattr(plivo_client_module, name, f"{mock.base_url}/v1/Account")
    token = mock.auth_token if auth_token is None else auth_token
    with plivo.RestClient(auth_id=mock.auth_id, auth_token=token) as client:
        yield client
