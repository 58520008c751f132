"""What a benchmark ran on: CPU, cores, memory, kernel, and the versions of everything measured."""

from __future__ import annotations

import json
import os
import platform
import subprocess
from importlib import metadata
from pathlib import Path

PYTHON_PACKAGES = ("uvicorn", "starlette", "httptools", "uvloop", "h11")


def _run(command: list[str]) -> str:
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=10, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return (done.stdout or done.stderr).strip()


def cpu_model() -> str:
    for line in _run(["lscpu"]).splitlines():
        name, _, value = line.partition(":")
        if name.strip() == "Model name":
            return value.strip()
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        name, _, value = line.partition(":")
        if name.strip() == "model name":
            return value.strip()
    return "unknown"


def memory_total() -> str:
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal:"):
            return f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    return "unknown"


def package_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not installed"


def prism_version(node_modules: Path) -> str:
    package = node_modules / "@stoplight" / "prism-cli" / "package.json"
    try:
        return str(json.loads(package.read_text())["version"])
    except (OSError, ValueError, KeyError):
        return "not installed"


def describe(node_modules: Path, pinning: str) -> dict[str, str]:
    """The machine and software, as `name: value` lines for the report."""
    wrk = _run(["wrk", "--version"]).splitlines()
    info = {
        "date (UTC)": _run(["date", "-u", "+%Y-%m-%d %H:%M"]),
        "cpu": cpu_model(),
        "nproc": str(os.cpu_count() if not _run(["nproc"]) else _run(["nproc"])),
        "memory": memory_total(),
        "kernel": platform.release(),
        "os": _os_name(),
        "python": platform.python_version(),
    }
    for name in PYTHON_PACKAGES:
        info[name] = package_version(name)
    info["node"] = _run(["node", "--version"]) or "not found"
    info["prism-cli"] = prism_version(node_modules)
    info["wrk"] = " ".join(wrk[0].split()[:2]) if wrk else "not found"
    info["pinning"] = pinning
    return info


def _os_name() -> str:
    try:
        for line in Path("/etc/os-release").read_text().splitlines():
            if line.startswith("PRETTY_NAME="):
                return line.partition("=")[2].strip('"')
    except OSError:
        pass
    return platform.system()
