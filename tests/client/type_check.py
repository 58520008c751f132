"""`mypy --strict` on files a test wrote: the examples of the docs, a sample consumer."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

# No project config and no cache: the files are checked as a user's own code would be.
MYPY = [sys.executable, "-m", "mypy", "--strict", "--config-file", "", "--cache-dir", "/dev/null"]


def mypy_strict(folder: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    """mypy --strict on `arguments` (file names in `folder`, and any extra flags)."""
    return subprocess.run(
        [*MYPY, *arguments],
        cwd=folder,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
