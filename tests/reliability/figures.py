"""What the reliability suite measured, written to build/reliability/figures.json at the end of
the run (scripts/guarantees renders docs/guarantees.md from such a file)."""

from __future__ import annotations

import json
import os
import platform
import sys
import threading
import time
from pathlib import Path
from typing import Any

FIGURES_PATH = Path(__file__).resolve().parents[2] / "build" / "reliability" / "figures.json"

_lock = threading.Lock()
_figures: dict[str, Any] = {}


def record(section: str, **values: Any) -> None:
    with _lock:
        _figures.setdefault(section, {}).update(values)


def machine() -> dict[str, Any]:
    cpu = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text(errors="replace").splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory = None
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        first = meminfo.read_text().splitlines()[0].split()
        memory = f"{int(first[1]) // 1024 // 1024} GiB"
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory": memory,
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "sqlite": __import__("sqlite3").sqlite_version,
    }


def write(outcome: str) -> Path | None:
    with _lock:
        if not _figures:
            return None
        data = {
            "generated_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            "outcome": outcome,
            "command": " ".join(["pytest", *sys.argv[1:]]),
            "machine": machine(),
            **dict(sorted(_figures.items())),
        }
    FIGURES_PATH.parent.mkdir(parents=True, exist_ok=True)
    FIGURES_PATH.write_text(json.dumps(data, indent=2) + "\n")
    return FIGURES_PATH
