"""Server processes for the benchmarks: start (pinned to a core), wait until ready, read memory and
CPU time from /proc, stop.

Every server is started in its own process group with a parent-death signal, so that it goes away
with the benchmark even if the benchmark itself is killed; `stop()` ends the group it started, by
its id.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import resource
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

PR_SET_PDEATHSIG = 1
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


class BenchError(RuntimeError):
    """A benchmark cannot go on (a server did not start, a tool is missing, a check failed)."""


def die_with_parent() -> None:
    """In the child before exec: SIGTERM when the benchmark process dies (Linux)."""
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


def pinned(command: Sequence[str], cpu: int | None) -> list[str]:
    """`command` under `taskset -c CPU` (or as is, when cpu is None)."""
    return list(command) if cpu is None else ["taskset", "-c", str(cpu), *command]


def pinning_plan() -> tuple[int | None, int | None, str]:
    """(server CPU, load generator CPU, description): separate cores when taskset and 2+ CPUs."""
    cpus = sorted(os.sched_getaffinity(0))
    if shutil.which("taskset") is None:
        return None, None, "not pinned (no taskset): server and wrk share all cores"
    if len(cpus) < 2:
        return None, None, f"not pinned (only CPU {cpus[0]} available)"
    server, load = cpus[0], cpus[1]
    return server, load, f"server on CPU {server}, wrk on CPU {load} (taskset)"


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


@dataclass
class Memory:
    rss_kib: int
    hwm_kib: int
    processes: int

    @property
    def rss_mib(self) -> float:
        return self.rss_kib / 1024

    @property
    def hwm_mib(self) -> float:
        return self.hwm_kib / 1024


@dataclass
class Server:
    """A server process started by the benchmark, its log file and the URL it answers on."""

    name: str
    command: list[str]
    log_path: Path
    env: dict[str, str] | None = None
    cwd: Path | None = None
    process: subprocess.Popen[bytes] | None = None
    base_url: str = ""
    started_at: float = 0.0
    ready_after_s: float = 0.0
    _log: BinaryIO | None = field(default=None, repr=False)

    def start(self) -> None:
        log = self.log_path.open("wb")
        self._log = log
        self.started_at = time.monotonic()
        try:
            self.process = subprocess.Popen(
                self.command,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                cwd=self.cwd,
                env=self.env,
                start_new_session=True,
                preexec_fn=die_with_parent,  # noqa: PLW1509 (no threads here)
            )
        except OSError as error:
            raise BenchError(f"{self.name}: cannot start {self.command[0]}: {error}") from None

    @property
    def pid(self) -> int:
        if self.process is None:
            raise BenchError(f"{self.name} is not running")
        return self.process.pid

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def log_tail(self, lines: int = 20) -> str:
        try:
            text = self.log_path.read_text(errors="replace")
        except OSError:
            return "(no log)"
        return "\n".join(text.splitlines()[-lines:]) or "(empty log)"

    def fail(self, why: str) -> BenchError:
        status = "" if self.alive() else f" (exit status {self.process_returncode()})"
        return BenchError(
            f"{self.name} failed to start: {why}{status}\n"
            f"--- last lines of {self.log_path} ---\n{self.log_tail()}"
        )

    def process_returncode(self) -> int | None:
        return None if self.process is None else self.process.poll()

    def wait_ready(self, probe: Callable[[], bool], timeout_s: float) -> None:
        """Polls `probe` until it says yes; fails if the process exits or the time runs out."""
        deadline = self.started_at + timeout_s
        while True:
            if not self.alive():
                raise self.fail("the process exited")
            if probe():
                self.ready_after_s = time.monotonic() - self.started_at
                return
            if time.monotonic() > deadline:
                raise self.fail(f"not ready after {timeout_s:g} s")
            time.sleep(0.1)

    def memory(self) -> Memory:
        """VmRSS and VmHWM of the process and its descendants, summed."""
        rss = hwm = count = 0
        for pid in [self.pid, *descendants(self.pid)]:
            status = read_status(pid)
            if status:
                rss += status.get("VmRSS", 0)
                hwm += status.get("VmHWM", 0)
                count += 1
        return Memory(rss, hwm, count)

    def cpu_seconds(self) -> float:
        """User + system CPU time of the process and its live descendants."""
        return sum(cpu_seconds(pid) for pid in [self.pid, *descendants(self.pid)])

    def stop(self, timeout_s: float = 5.0) -> None:
        """Ends the process group this server was started in: SIGTERM, then SIGKILL."""
        process = self.process
        if process is not None:
            if process.poll() is None:
                with contextlib.suppress(ProcessLookupError, PermissionError):
                    os.killpg(process.pid, signal.SIGTERM)
                try:
                    process.wait(timeout_s)
                except subprocess.TimeoutExpired:
                    with contextlib.suppress(ProcessLookupError, PermissionError):
                        os.killpg(process.pid, signal.SIGKILL)
                    process.wait(timeout_s)
            else:
                # The leader is gone; anything left in its group goes too.
                with contextlib.suppress(ProcessLookupError, PermissionError):
                    os.killpg(process.pid, signal.SIGKILL)
        if self._log is not None:
            self._log.close()
            self._log = None


def read_status(pid: int) -> dict[str, int]:
    """The kB fields of /proc/PID/status (VmRSS, VmHWM, ...), or {} if the process is gone."""
    try:
        text = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return {}
    fields: dict[str, int] = {}
    for line in text.splitlines():
        name, _, value = line.partition(":")
        parts = value.split()
        if len(parts) == 2 and parts[1] == "kB":
            fields[name] = int(parts[0])
    return fields


def _stat_fields(pid: int) -> list[str]:
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return []
    # The command name (field 2) is in parentheses and may contain spaces.
    return text[text.rindex(")") + 2 :].split()


def cpu_seconds(pid: int) -> float:
    fields = _stat_fields(pid)
    if not fields:
        return 0.0
    # After the command name: state is index 0, utime index 11, stime index 12 (fields 14, 15).
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            fields = _stat_fields(int(entry.name))
            if fields:
                children.setdefault(int(fields[1]), []).append(int(entry.name))
    found: list[int] = []
    todo = [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


@dataclass
class HttpAnswer:
    status: int
    body: bytes


def http(
    method: str,
    url: str,
    authorization: str | None = None,
    body: bytes | None = None,
    *,
    timeout_s: float = 5.0,
    extra_headers: dict[str, str] | None = None,
) -> HttpAnswer:
    """One request (loopback only); an HTTP error status is an answer, not an exception."""
    headers = {"Accept": "application/json", **(extra_headers or {})}
    if authorization:
        headers["Authorization"] = authorization
    if body is not None:
        headers["Content-Type"] = "application/json"
    request = urllib.request.Request(url, data=body, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=timeout_s) as response:
            return HttpAnswer(response.status, response.read())
    except urllib.error.HTTPError as error:
        return HttpAnswer(error.code, error.read())


def answers(url: str, authorization: str | None = None, want: int = 200) -> Callable[[], bool]:
    """A readiness probe: GET url answers `want`."""

    def probe() -> bool:
        try:
            return http("GET", url, authorization, timeout_s=2.0).status == want
        except OSError:
            return False

    return probe


def machine_busy_seconds() -> float:
    """CPU time all cores spent busy since boot (user, nice, system, irq, softirq, steal)."""
    fields = Path("/proc/stat").read_text().splitlines()[0].split()[1:]
    user, nice, system, _idle, _iowait, irq, softirq, steal = (int(v) for v in fields[:8])
    return (user + nice + system + irq + softirq + steal) / CLOCK_TICKS


def children_cpu_seconds() -> float:
    """User + system CPU time of this process's waited-for children (wrk, after it ends)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime
