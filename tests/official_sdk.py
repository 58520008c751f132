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

from mock_server.server import MockServer

_BASE_URI_CONSTANTS = (
    "PLIVO_API_BASE_URI",
    "API_VOICE_BASE_URI",
    "API_VOICE_BASE_URI_FALLBACK_1",
    "API_VOICE_BASE_URI_FALLBACK_2",
)


@contextmanager
def official_client(mock: MockServer, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """A `plivo.RestClient` with the mock's demo credentials, talking to the mock."""
    for name in _BASE_URI_CONSTANTS:
        monkeypatch.setattr(plivo_client_module, name, f"{mock.base_url}/v1/Account")
    yield plivo.RestClient(auth_id=mock.auth_id, auth_token=mock.auth_token)
