"""Which git version of openapi.yaml the breaking-change gate compares with, and its text.

Without an explicit ref the base is, in this order:
  1. on a branch other than `main` (when `main` exists): the merge base with `main`, so the gate
     judges everything the branch changes;
  2. otherwise (on `main`, or detached) the latest tag reachable from HEAD, if there is one: the
     last release, whose clients are out there;
  3. otherwise HEAD when openapi.yaml has uncommitted changes (the edit under way), else the
     version before the last commit that changed openapi.yaml (that change is judged, however
     many commits came after it).
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Base:
    ref: str
    why: str


def _git(repo: Path, *args: str) -> str | None:
    result = subprocess.run(
        ["git", "-C", str(repo), *args], capture_output=True, text=True, check=False
    )
    return result.stdout.strip() if result.returncode == 0 else None


def locate(spec: Path) -> tuple[Path, str] | None:
    """(top folder of the repository that holds `spec`, the spec's path in it); None outside git."""
    top = _git(spec.parent, "rev-parse", "--show-toplevel")
    if not top:
        return None
    return Path(top), spec.resolve().relative_to(Path(top).resolve()).as_posix()


def default_base(repo: Path, spec_path: str) -> Base | None:
    """The base by the rules of this module's docstring; None if there is no history at all."""
    if _git(repo, "rev-parse", "--verify", "--quiet", "HEAD") is None:
        return None
    branch = _git(repo, "symbolic-ref", "--quiet", "--short", "HEAD")
    has_main = _git(repo, "rev-parse", "--verify", "--quiet", "refs/heads/main") is not None
    if branch and branch != "main" and has_main:
        merge_base = _git(repo, "merge-base", "HEAD", "main")
        if merge_base:
            return Base(merge_base, f"the merge base of {branch} with main")
    tag = _git(repo, "describe", "--tags", "--abbrev=0", "HEAD")
    if tag:
        return Base(tag, f"the latest tag, {tag}")
    if _git(repo, "status", "--porcelain", "--", spec_path):
        return Base("HEAD", f"HEAD, since {spec_path} has uncommitted changes")
    last_change = _git(repo, "log", "-n", "1", "--format=%h", "HEAD", "--", spec_path)
    if last_change and _git(repo, "rev-parse", "--verify", "--quiet", f"{last_change}~1"):
        return Base(
            f"{last_change}~1", f"{last_change}~1, before the last commit that changed {spec_path}"
        )
    return None


def spec_at(repo: Path, ref: str, spec_path: str) -> str | None:
    """The text of the spec at `ref`; None if the file does not exist there."""
    if _git(repo, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}") is None:
        raise ValueError(f"{ref!r} is not a commit of this repository")
    result = subprocess.run(
        ["git", "-C", str(repo), "show", f"{ref}:{spec_path}"],
        capture_output=True,
        text=True,
        check=False,
    )
    return result.stdout if result.returncode == 0 else None
