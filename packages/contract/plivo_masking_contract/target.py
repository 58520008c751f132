"""Where the contract suite sends its requests: the bundled mock, or a server named by the caller.

Shared by the pytest suite (plivo_masking_contract/test_contract.py), the main command
(plivo_masking_contract/cli.py) and the planted-fault proof (tests/contract/test_planted_faults.py).

Environment variables (all optional):
    CONTRACT_BASE_URL   the server to test, e.g. https://api.plivo.com; unset: the bundled mock
    PLIVO_AUTH_ID       Basic-auth user and path `auth_id`; default for the mock: its demo account
    PLIVO_AUTH_TOKEN    Basic-auth password
"""

from __future__ import annotations

import contextlib
import importlib.util
import ipaddress
import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import httpx

MOCK_MISSING = (
    "the bundled mock is not installed: pip install 'plivo-masking-contract[mock]', "
    "or pass --url to test a running server"
)


class TargetError(Exception):
    """The target cannot be used: a bad URL, missing credentials, an unreachable server."""


def mock_demo_account() -> tuple[str, str]:
    """(auth_id, auth_token) of the account every fresh mock knows, from plivo-masking-mock."""
    try:
        from plivo_masking_mock.config import DEMO_AUTH_ID, DEMO_AUTH_TOKEN  # noqa: PLC0415
    except ImportError:
        raise TargetError(MOCK_MISSING) from None
    return DEMO_AUTH_ID, DEMO_AUTH_TOKEN


@dataclass(frozen=True)
class Target:
    base_url: str
    auth_id: str
    auth_token: str
    # True when the suite started the bundled mock itself.
    is_bundled_mock: bool


def is_loopback_url(url: str) -> bool:
    host = urlsplit(url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def validate_base_url(url: str) -> str:
    """The URL without a trailing slash, or TargetError saying what is wrong with it."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise TargetError(
            f"not an http(s) URL with a host: {url!r} (example: http://127.0.0.1:8080)"
        )
    if parts.query or parts.fragment:
        raise TargetError(f"the base URL must not carry a query or fragment: {url!r}")
    try:
        _ = parts.port
    except ValueError as exc:
        raise TargetError(f"bad port in {url!r}: {exc}") from None
    return url.rstrip("/")


def credentials_for(
    base_url: str | None, env: Mapping[str, str] | None = None
) -> tuple[str, str, str | None]:
    """(auth_id, auth_token, note) for a target; the note says when defaults were used.

    The bundled mock (base_url None) is always tested with its demo account; another loopback
    server defaults to it; a remote server needs explicit credentials.
    """
    if base_url is None:
        # The bundled mock knows its demo account only; credentials meant for a live run are not
        # sent to it.
        return (*mock_demo_account(), None)
    env = os.environ if env is None else env
    auth_id = env.get("PLIVO_AUTH_ID", "")
    auth_token = env.get("PLIVO_AUTH_TOKEN", "")
    if auth_id and auth_token:
        return auth_id, auth_token, None
    if auth_id or auth_token:
        raise TargetError("set both PLIVO_AUTH_ID and PLIVO_AUTH_TOKEN, or neither")
    if is_loopback_url(base_url):
        try:
            auth_id, auth_token = mock_demo_account()
        except TargetError:
            raise TargetError(
                f"no credentials for {base_url}: set PLIVO_AUTH_ID and PLIVO_AUTH_TOKEN "
                "(or --auth-id/--auth-token)"
            ) from None
        return auth_id, auth_token, "no credentials given: using the mock's demo account"
    raise TargetError(
        f"{base_url} is not a loopback address: set PLIVO_AUTH_ID and PLIVO_AUTH_TOKEN "
        "(or --auth-id/--auth-token) to the account to test"
    )


def check_reachable(base_url: str, timeout: float = 5.0) -> None:
    """TargetError unless something answers HTTP at base_url (any status will do)."""
    try:
        with httpx.Client(timeout=timeout) as client:
            client.get(base_url + "/")
    except httpx.HTTPError as exc:
        raise TargetError(f"cannot reach {base_url}: {exc}") from None


# The bundled mock's demo account comes with 5 virtual numbers. A number is out of the pool while
# one of its active sessions shares a party with the new session, and for
# `virtual_number_cooloff_period` seconds after a session on it ends; the suite's hundreds of
# creates (the coverage phase repeats the same parties) would exhaust 5 numbers and get the
# documented 400 `Number pool exhausted or not available`. So the suite starts the mock with the
# same demo account and a pool of this many numbers.
MOCK_POOL_SIZE = 1000
LISTENING = re.compile(r"listening on (http://\S+)")


def mock_config_text(pool_size: int = MOCK_POOL_SIZE) -> str:
    auth_id, auth_token = mock_demo_account()
    numbers = ", ".join(f'"+1202557{n:04d}"' for n in range(pool_size))
    return (
        "# Written by plivo_masking_contract/target.py: the demo account with a large pool.\n"
        "[[accounts]]\n"
        f'auth_id = "{auth_id}"\n'
        f'auth_token = "{auth_token}"\n'
        f"numbers = [{numbers}]\n"
    )


def mock_command(*, config: Path, fault: str | None) -> list[str]:
    """The bundled mock's CLI (`plivo-masking-mock serve`) on a free loopback port."""
    args = ["serve", "--host", "127.0.0.1", "--port", "0", "--config", str(config)]
    args += ["--log-level", "warning"]
    if fault is not None:
        args += ["--fault", fault]
    if importlib.util.find_spec("plivo_masking_mock") is None:
        raise TargetError(MOCK_MISSING)
    return [sys.executable, "-m", "plivo_masking_mock", *args]


class BundledMock:
    """The mock server in a child process on a free loopback port; always terminated on exit."""

    def __init__(self, *, fault: str | None = None, startup_timeout: float = 30.0) -> None:
        self.fault = fault
        self.startup_timeout = startup_timeout
        self.base_url = ""
        self._process: subprocess.Popen[bytes] | None = None
        self._tmpdir: tempfile.TemporaryDirectory[str] | None = None
        self._log: Path | None = None

    def __enter__(self) -> BundledMock:
        self.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    def start(self) -> None:
        self._tmpdir = tempfile.TemporaryDirectory(prefix="plivo-contract-mock-")
        tmp = Path(self._tmpdir.name)
        config = tmp / "mock.toml"
        config.write_text(mock_config_text(), encoding="utf-8")
        self._log = tmp / "mock.log"
        with self._log.open("wb") as log:
            self._process = subprocess.Popen(
                mock_command(config=config, fault=self.fault),
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                cwd=tmp,
            )
        try:
            self._wait_healthy()
        except TargetError as exc:
            self.stop()
            raise TargetError(f"the bundled mock did not start: {exc}") from None

    def _wait_healthy(self) -> None:
        assert self._process is not None and self._log is not None
        deadline = time.monotonic() + self.startup_timeout
        with httpx.Client(timeout=2.0) as client:
            while time.monotonic() < deadline:
                if self._process.poll() is not None:
                    raise TargetError(
                        f"it exited with status {self._process.returncode}:\n{self.log_tail()}"
                    )
                if not self.base_url:
                    found = LISTENING.search(
                        self._log.read_text(encoding="utf-8", errors="replace")
                    )
                    if found:
                        self.base_url = found.group(1).rstrip("/")
                if self.base_url:
                    with contextlib.suppress(httpx.HTTPError):
                        if client.get(self.base_url + "/__mock__/health").status_code == 200:
                            return
                time.sleep(0.05)
        raise TargetError(
            f"no healthy answer within {self.startup_timeout:.0f} s:\n{self.log_tail()}"
        )

    def log_tail(self, lines: int = 20) -> str:
        if self._log is None or not self._log.exists():
            return ""
        text = self._log.read_text(encoding="utf-8", errors="replace")
        return "\n".join(text.splitlines()[-lines:])

    def stop(self) -> None:
        process, self._process = self._process, None
        if process is not None and process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=5)
        if self._tmpdir is not None:
            self._tmpdir.cleanup()
            self._tmpdir = None


@contextlib.contextmanager
def resolve_target(env: Mapping[str, str] | None = None) -> Iterator[Target]:
    """The target named by the environment, or a freshly started bundled mock."""
    env = os.environ if env is None else env
    url = env.get("CONTRACT_BASE_URL", "").strip()
    if url:
        base_url = validate_base_url(url)
        auth_id, auth_token, _note = credentials_for(base_url, env)
        check_reachable(base_url)
        yield Target(base_url, auth_id, auth_token, is_bundled_mock=False)
        return
    auth_id, auth_token, _note = credentials_for(None, env)
    with BundledMock() as mock:
        yield Target(mock.base_url, auth_id, auth_token, is_bundled_mock=True)
