"""The four distributions built into wheels and installed into a fresh virtual environment
outside the repository, as a team installs them into its own project.

The wheels are built from this checkout without build isolation (hatchling comes from the
project's environment, pinned in uv.lock); their dependencies come from the package index,
constrained to the exact versions of uv.lock, never from whatever a local cache holds (uv's cache
only speeds the download up).
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DISTRIBUTIONS = (
    "plivo-masking-spec",
    "plivo-masking-mock",
    "plivo-masking-contract",
    "plivo-masking-client",
)


def clean_env() -> dict[str, str]:
    """The environment without what points at this checkout's virtual environment."""
    env = {
        name: value
        for name, value in os.environ.items()
        if name not in ("VIRTUAL_ENV", "PYTHONPATH", "UV_PROJECT", "UV_PROJECT_ENVIRONMENT")
        and not name.startswith(("PLIVO_", "CONTRACT_"))
    }
    return env


def run(command: list[str], cwd: Path, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command,
        cwd=cwd,
        env=clean_env(),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def build_wheels(out: Path, distributions: tuple[str, ...] = DISTRIBUTIONS) -> list[Path]:
    for name in distributions:
        built = run(
            [
                *("uv", "build", "--quiet", "--wheel", "--no-build-isolation"),
                *("--package", name, "--out-dir", str(out)),
            ],
            cwd=REPO_ROOT,
        )
        if built.returncode != 0:
            raise RuntimeError(f"building {name} failed:\n{built.stderr}")
    return sorted(out.glob("*.whl"))


def lock_constraints(out: Path) -> Path:
    """uv.lock's exact versions of every third-party package, as a pip constraints file."""
    exported = run(
        [
            *("uv", "export", "--frozen", "--no-hashes", "--no-emit-workspace", "--no-dev"),
            *("--all-packages", "--all-extras", "--quiet", "--output-file", str(out)),
        ],
        cwd=REPO_ROOT,
    )
    if exported.returncode != 0:
        raise RuntimeError(f"uv export failed:\n{exported.stderr}")
    return out


@dataclass(frozen=True)
class Environment:
    root: Path

    @property
    def bin(self) -> Path:
        return self.root / "bin"

    @property
    def python(self) -> Path:
        return self.bin / "python"

    def site_packages(self) -> Path:
        return next((self.root / "lib").glob("python3*/site-packages"))


def install(wheels: list[Path], venv: Path, constraints: Path) -> Environment:
    created = run(["uv", "venv", "--quiet", "--python", sys.executable, str(venv)], cwd=venv.parent)
    if created.returncode != 0:
        raise RuntimeError(f"uv venv failed:\n{created.stderr}")
    environment = Environment(venv)
    installed = run(
        ["uv", "pip", "install", "--quiet", "--python", str(environment.python)]
        + [str(wheel) for wheel in wheels]
        + ["--constraint", str(constraints)],
        cwd=venv.parent,
    )
    if installed.returncode != 0:
        raise RuntimeError(f"installing the wheels failed:\n{installed.stderr}")
    return environment
