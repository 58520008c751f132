"""pytest fixtures for suites that talk to the masking API, in the spirit of moto.

Installed as the pytest plugin `plivo_masking_mock` (entry point `pytest11`), so any test
suite in an environment with this package can use:

- `plivo_mock`: a running mock server (real socket on 127.0.0.1), fresh for each test
  (sessions, faults and clock reset). Attributes: `base_url`, `sessions_url`, `auth_id`,
  `auth_token`; methods: `advance(seconds)`, `set_time(epoch)`, `reset()`,
  `set_fault(name)`, `clear_fault()`, `set_chaos(**settings)`, `clear_chaos()`,
  `simulate_call(session_uuid, **call)` (plays a call, see docs/webhooks.md),
  `deliveries(session_uuid, call_uuid, event)`, `wait_for_delivery(event, session_uuid, timeout)`;
  `app` is the in-process application behind it.
- `plivo_mock_server`: the same server, shared by the whole session and never reset.
- `plivo_mock_app`: an in-process ASGI app (no socket) with a stopped clock (`ManualClock`),
  for `starlette.testclient.TestClient(app)` or `httpx.ASGITransport(app=app)`.

The ini option `plivo_mock_config` names a config file (accounts, defaults) for all three.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:  # imported by the fixtures, so that merely loading the plugin stays cheap
    from plivo_masking_mock.app import MockApp
    from plivo_masking_mock.config import MockConfig
    from plivo_masking_mock.server import MockServer

CONFIG_INI = "plivo_mock_config"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addini(CONFIG_INI, "config file (TOML/JSON) of the Plivo masking mock", default="")


def _config(pytestconfig: pytest.Config) -> MockConfig:
    from plivo_masking_mock.config import MockConfig, load_config  # noqa: PLC0415

    configured = str(pytestconfig.getini(CONFIG_INI) or "")
    if not configured:
        return MockConfig()
    path = Path(configured)
    if not path.is_absolute():
        path = Path(str(pytestconfig.rootpath)) / path
    return load_config(path)


@pytest.fixture(scope="session")
def plivo_mock_server(pytestconfig: pytest.Config) -> Iterator[MockServer]:
    from plivo_masking_mock.server import MockServer  # noqa: PLC0415

    with MockServer(config=_config(pytestconfig)) as server:
        yield server


@pytest.fixture
def plivo_mock(plivo_mock_server: MockServer) -> Iterator[MockServer]:
    plivo_mock_server.reset()
    yield plivo_mock_server
    plivo_mock_server.reset()


@pytest.fixture
def plivo_mock_app(pytestconfig: pytest.Config) -> MockApp:
    from plivo_masking_mock.app import create_app  # noqa: PLC0415
    from plivo_masking_mock.clock import ManualClock  # noqa: PLC0415

    return create_app(_config(pytestconfig), clock=ManualClock())
