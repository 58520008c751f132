"""The mock on a real socket: uvicorn in a background thread, on a free loopback port.

For tests that need a URL (an HTTP client, an official SDK, schemathesis)::

    with MockServer() as mock:
        client = SomeClient(base_url=mock.base_url, auth=(mock.auth_id, mock.auth_token))
        ...
        mock.advance(3600)  # move the mock's clock
"""

from __future__ import annotations

import socket
import threading
import time
from types import TracebackType
from typing import Any

import httpx
import uvicorn

from plivo_masking_mock.app import MockApp, create_app
from plivo_masking_mock.callbacks import Delivery
from plivo_masking_mock.chaos import chaos_settings
from plivo_masking_mock.config import Account


class MockServer:
    def __init__(
        self,
        app: MockApp | None = None,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        log_level: str = "warning",
        **app_options: Any,
    ) -> None:
        """Serves `app` (or `create_app(**app_options)`) on host:port (0: a free port)."""
        self.app = app if app is not None else create_app(**app_options)
        self.host = host
        self._requested_port = port
        self._log_level = log_level
        self._socket: socket.socket | None = None
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle --------------------------------------------------------------------------

    def start(self, timeout: float = 10.0) -> MockServer:
        if self._thread is not None:
            return self
        self._socket = bind(self.host, self._requested_port)
        config = uvicorn.Config(
            self.app, log_level=self._log_level, lifespan="off", access_log=False
        )
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(
            target=self._server.run,
            kwargs={"sockets": [self._socket]},
            name="plivo-masking-mock",
            daemon=True,
        )
        self._thread.start()
        self.app.calls.start_ticker()
        deadline = time.monotonic() + timeout
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the mock server did not start")
            time.sleep(0.01)
        return self

    def stop(self, timeout: float = 10.0) -> None:
        self.app.calls.close()
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout)
        if self._socket is not None:
            self._socket.close()
        self._server = self._thread = self._socket = None

    def __enter__(self) -> MockServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    # -- where and who ------------------------------------------------------------------------

    @property
    def port(self) -> int:
        if self._socket is None:
            raise RuntimeError("the mock server is not running")
        return int(self._socket.getsockname()[1])

    @property
    def base_url(self) -> str:
        """`http://127.0.0.1:<port>`: the server URL (the API paths start with /v1/Account)."""
        return f"http://{self.host}:{self.port}"

    @property
    def account(self) -> Account:
        """The first configured account (the demo account unless configured otherwise)."""
        return self.app.config.accounts[0]

    @property
    def auth_id(self) -> str:
        return self.account.auth_id

    @property
    def auth_token(self) -> str:
        return self.account.auth_token

    @property
    def sessions_url(self) -> str:
        """The create/list URL of the first account, with the SDKs' trailing slash."""
        return f"{self.base_url}/v1/Account/{self.auth_id}/Masking/Session/"

    # -- control --------------------------------------------------------------------------------

    def now(self) -> float:
        return self.app.clock.now()

    def advance(self, seconds: float) -> None:
        """Moves the mock's clock forward: sessions whose expiry_time passes become expired."""
        self.app.clock.advance(seconds)
        self.app.calls.settle()

    def set_time(self, epoch_seconds: float) -> None:
        self.app.clock.set(epoch_seconds)
        self.app.calls.settle()

    def reset(self) -> None:
        """Forgets every session and fault, and puts the clock back."""
        self.app.reset()

    def set_fault(self, name: str) -> None:
        self.app.faults.set(name)

    def clear_fault(self) -> None:
        self.app.faults.clear()

    def set_chaos(self, **settings: Any) -> dict[str, Any]:
        """Chaos from now on, as `POST /__mock__/chaos` (e.g. `error_rate=0.3, seed=7`); the
        settings and counters. ChaosError naming a bad setting."""
        self.app.chaos.set(chaos_settings(settings))
        return self.app.chaos.state()

    def clear_chaos(self) -> None:
        self.app.chaos.clear()

    def chaos_state(self) -> dict[str, Any]:
        """As `GET /__mock__/chaos`: the settings and the counters."""
        return self.app.chaos.state()

    def simulate_call(self, session_uuid: str, **call: Any) -> dict[str, Any]:
        """Plays a call into the session, as `POST /__mock__/sessions/{uuid}/calls` does (same
        fields: `from_` or `from`, `answer`, `duration`, `pin`, `wait`, ...); returns its answer."""
        if "from_" in call:
            call["from"] = call.pop("from_")
        response = httpx.post(
            f"{self.base_url}/__mock__/sessions/{session_uuid}/calls", json=call, timeout=120
        )
        answer: dict[str, Any] = response.json()
        if response.status_code != 200:
            raise ValueError(answer.get("error", response.text))
        return answer

    def deliveries(
        self,
        session_uuid: str | None = None,
        call_uuid: str | None = None,
        event: str | None = None,
    ) -> list[Delivery]:
        """The callbacks sent (or being sent), newest first; see `/__mock__/deliveries`."""
        self.app.calls.settle()
        return self.app.calls.log.find(session_uuid, call_uuid, event)

    def wait_for_delivery(
        self, event: str, session_uuid: str | None = None, timeout: float = 5.0
    ) -> Delivery:
        """The newest finished delivery of `event` (of the session), waiting up to `timeout`."""
        deadline = time.monotonic() + timeout
        while True:
            self.app.calls.settle()
            found = self.app.calls.log.wait_for(event, session_uuid, 0.05)
            if found is not None:
                return found
            if time.monotonic() > deadline:
                raise TimeoutError(f"no {event} delivery within {timeout:g} s")


def bind(host: str, port: int) -> socket.socket:
    """A listening TCP socket (port 0: a free one), ready for uvicorn.

    The protocol is named (IPPROTO_TCP) because asyncio switches Nagle's algorithm off
    (TCP_NODELAY) only on sockets that say so: without it, under asyncio's own event loop,
    every response on a reused connection waited ~40 ms for the client's delayed ACK.
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError:
        sock.close()
        raise
    sock.listen(2048)
    sock.set_inheritable(True)
    return sock
