"""The mock as its own process (`python -m plivo_masking_mock serve`), to load it from other
cores and to SIGKILL it."""

from __future__ import annotations

import os
import re
import select
import signal
import subprocess
import sys
import time
from pathlib import Path
from types import TracebackType

from tests.reliability.budget import START_TIMEOUT

_LISTENING = re.compile(rb"listening on http://127\.0\.0\.1:(\d+)")


class MockProcess:
    def __init__(self, db: Path, config: Path, *extra: str) -> None:
        self.args = [
            sys.executable,
            "-m",
            "plivo_masking_mock",
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            "0",
            "--db",
            str(db),
            "--config",
            str(config),
            "--log-level",
            "warning",
            *extra,
        ]
        self.process: subprocess.Popen[bytes] | None = None
        self.port = 0

    def start(self) -> MockProcess:
        self.process = subprocess.Popen(
            self.args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, start_new_session=True
        )
        assert self.process.stdout is not None
        deadline = time.monotonic() + START_TIMEOUT
        seen = b""
        while time.monotonic() < deadline:
            ready, _, _ = select.select([self.process.stdout], [], [], 0.2)
            if ready:
                chunk = os.read(self.process.stdout.fileno(), 4096)
                if not chunk:
                    break
                seen += chunk
                found = _LISTENING.search(seen)
                if found:
                    self.port = int(found.group(1))
                    return self
        self.kill()
        raise RuntimeError(f"the mock process did not start: {seen[-500:]!r}")

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def kill(self) -> None:
        """SIGKILL: no shutdown, no flush, no chance to finish a transaction."""
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=START_TIMEOUT)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=START_TIMEOUT)
            except subprocess.TimeoutExpired:
                self.kill()
        if self.process is not None and self.process.stdout is not None:
            self.process.stdout.close()

    def __enter__(self) -> MockProcess:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()
