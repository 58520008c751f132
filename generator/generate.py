"""Generate generated_client/ from openapi.yaml, or check that it is up to date (--check).

Run it through scripts/generate, which runs it in the project environment (uv.lock). The output
depends only on the spec, generator/config.yaml, generator/templates/ and the versions of
openapi-python-client and ruff pinned in pyproject.toml, which this script checks.

Writing is atomic: the client is generated into a staging folder beside the output, and only a
complete, successful generation replaces the output folder. A failed generation leaves it as it
was.
"""

from __future__ import annotations

import argparse
import copy
import difflib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
from collections.abc import Iterator
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from plivo_masking_spec import SpecError, iter_operations, resolve

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:  # run as a script: generator/ is on the path, not the root
    sys.path.insert(0, str(REPO_ROOT))

from generator.resources import ResourceError, render  # noqa: E402

GENERATOR_DIR = REPO_ROOT / "generator"
CONFIG_FILE = GENERATOR_DIR / "config.yaml"
TEMPLATE_DIR = GENERATOR_DIR / "templates"
DEFAULT_SPEC = REPO_ROOT / "openapi.yaml"
DEFAULT_OUTPUT = REPO_ROOT / "generated_client"

# The metadata flavour asked of the generator. Only its side effects matter here (pyproject.toml,
# README.md, .gitignore and py.typed are written; no setup.py): the pyproject.toml template is
# replaced by generator/templates/pyproject.toml.jinja, which uses hatchling.
META = "uv"

# Tools whose exact version decides the output; their pins live in pyproject.toml's dev group.
PINNED_TOOLS = ("openapi-python-client", "ruff")

# Files that building, installing, type-checking or testing the client may leave in its folder.
# The root .gitignore and generated_client/.gitignore ignore them too; nothing else is skipped.
IGNORED_DIR_NAMES = {"__pycache__", ".mypy_cache", ".ruff_cache", ".pytest_cache", "build", "dist"}
IGNORED_SUFFIXES = (".pyc", ".egg-info")

REGENERATE_HINT = "run scripts/generate and commit the result"


class GenerationError(Exception):
    """The generator failed or warned; nothing was written."""


def pinned_version(tool: str) -> str:
    """The version of `tool` pinned (`tool==X`) in pyproject.toml's dev dependency group."""
    pyproject = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    for requirement in pyproject["dependency-groups"]["dev"]:
        match = re.fullmatch(rf"{re.escape(tool)}==(\S+)", requirement)
        if match:
            return match.group(1)
    raise GenerationError(f"pyproject.toml's dev group does not pin {tool} (expected {tool}==X)")


def check_tool_versions() -> None:
    for tool in PINNED_TOOLS:
        expected = pinned_version(tool)
        try:
            installed = version(tool)
        except PackageNotFoundError:
            installed = "not installed"
        if installed != expected:
            raise GenerationError(
                f"{tool} {expected} is pinned but {installed} is installed in {sys.prefix}; "
                "run scripts/generate (it runs in the project environment of uv.lock)"
            )


def load_spec(spec: Path) -> dict[str, Any]:
    """The spec as the generator reads it (ruamel's safe loader)."""
    try:
        document = YAML(typ="safe").load(spec.read_bytes())
    except OSError as error:
        raise GenerationError(f"cannot read the spec {spec}: {error.strerror}") from error
    except YAMLError as error:
        raise GenerationError(f"{spec} is not valid YAML: {error}") from error
    if not isinstance(document, dict):
        raise GenerationError(f"{spec} is not an OpenAPI document")
    return document


def inline_callback_refs(document: dict[str, Any]) -> dict[str, Any]:
    """The document with each operation's `callbacks: {name: {$ref: ...}}` resolved in place.

    OpenAPI 3.0 allows a Reference Object there, but openapi-python-client 0.29.1 types
    Operation.callbacks as Callback objects only and rejects the whole document ("Input should be
    a valid dictionary or instance of PathItem"). Resolving the reference gives the same document
    in meaning; the generator makes no code from callbacks, so the client is what the spec says.
    """
    resolved = copy.deepcopy(document)
    for entry in iter_operations(resolved):
        callbacks = entry.definition.get("callbacks")
        if not isinstance(callbacks, dict):
            continue
        for name, callback in callbacks.items():
            try:
                callbacks[name] = copy.deepcopy(resolve(resolved, callback))
            except SpecError as error:
                raise GenerationError(f"callback {name!r}: {error}") from None
    return resolved


def _not_json(value: object) -> object:
    raise GenerationError(f"the spec holds a value JSON cannot carry: {value!r}")


def generate_into(output: Path, spec: Path) -> None:
    """Run the generator and its post-hooks; `output` must not exist yet."""
    check_tool_versions()
    document = inline_callback_refs(load_spec(spec))
    with tempfile.TemporaryDirectory(prefix="plivo-generate-") as work:
        generator_input = Path(work) / "openapi.json"
        generator_input.write_text(
            json.dumps(document, indent=2, ensure_ascii=False, default=_not_json) + "\n",
            encoding="utf-8",
        )
        env = dict(os.environ)
        # The post-hooks of config.yaml run `python -m ruff`: the interpreter of this environment,
        # hence the ruff of uv.lock, whatever else is on PATH.
        env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
        command = [
            sys.executable,
            "-m",
            "openapi_python_client",
            "generate",
            "--path",
            str(generator_input),
            "--config",
            str(CONFIG_FILE),
            "--custom-template-path",
            str(TEMPLATE_DIR),
            "--meta",
            META,
            "--fail-on-warning",
            "--output-path",
            str(output),
        ]
        result = subprocess.run(
            command, cwd=work, env=env, capture_output=True, text=True, check=False
        )
    if result.returncode != 0:
        report = "\n".join(part for part in (result.stdout, result.stderr) if part.strip())
        raise GenerationError(
            f"openapi-python-client failed (exit {result.returncode}) on {spec}:\n{report}"
        )
    render_resources(document, output, env)
    leftovers = [path for path in relative_files(output, include_ignored=True) if is_ignored(path)]
    if leftovers:
        raise GenerationError(f"the generator left files it should not: {leftovers}")


def render_resources(document: dict[str, Any], output: Path, env: dict[str, str]) -> None:
    """Adds the modules of generator/templates/extra/ (see generator/resources.py), formatted
    by the same ruff commands as the generator's post-hooks in config.yaml."""
    config = YAML(typ="safe").load(CONFIG_FILE.read_bytes())
    try:
        written = render(document, output / config["package_name_override"])
    except ResourceError as error:
        raise GenerationError(f"resources: {error}") from None
    for hook in config["post_hooks"]:
        command = [*hook.split(), *(str(path.relative_to(output)) for path in written)]
        command = [sys.executable if part == "python" else part for part in command]
        command = [part for part in command if part != "."]
        result = subprocess.run(
            command, cwd=output, env=env, capture_output=True, text=True, check=False
        )
        if result.returncode != 0:
            raise GenerationError(f"{hook} failed on the resource modules:\n{result.stderr}")


def is_ignored(relative: Path) -> bool:
    return any(
        part in IGNORED_DIR_NAMES or part.endswith(IGNORED_SUFFIXES) for part in relative.parts
    )


def relative_files(root: Path, *, include_ignored: bool = False) -> Iterator[Path]:
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root)
        if path.is_file() and (include_ignored or not is_ignored(relative)):
            yield relative


def differences(expected: Path, actual: Path, *, diff_lines: int = 60) -> list[str]:
    """What differs between the fresh generation `expected` and the folder `actual`."""
    wanted = set(relative_files(expected))
    present = set(relative_files(actual)) if actual.is_dir() else set()
    lines: list[str] = []
    shown = 0
    for relative in sorted(wanted | present):
        if relative not in present:
            lines.append(f"  missing:  {relative}")
        elif relative not in wanted:
            lines.append(f"  extra:    {relative}  (not generated; remove it)")
        elif (expected / relative).read_bytes() != (actual / relative).read_bytes():
            lines.append(f"  changed:  {relative}")
            if shown < diff_lines:
                diff = list(
                    difflib.unified_diff(
                        (actual / relative).read_text(encoding="utf-8").splitlines(),
                        (expected / relative).read_text(encoding="utf-8").splitlines(),
                        f"committed/{relative}",
                        f"generated/{relative}",
                        lineterm="",
                    )
                )
                lines.extend(f"      {line}" for line in diff[: diff_lines - shown])
                shown += len(diff)
    return lines


def write(output: Path, spec: Path) -> None:
    output = output.resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{output.name}-staging-", dir=output.parent))
    try:
        fresh = staging / "new"
        generate_into(fresh, spec)
        if output.exists():
            output.rename(staging / "old")
        fresh.rename(output)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def check(output: Path, spec: Path) -> list[str]:
    with tempfile.TemporaryDirectory(prefix="plivo-generate-check-") as work:
        fresh = Path(work) / output.name
        generate_into(fresh, spec)
        return differences(fresh, output)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="scripts/generate",
        description="Regenerate generated_client/ from openapi.yaml with openapi-python-client.",
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="write nothing; fail if the committed client differs from a fresh generation",
    )
    parser.add_argument("--spec", type=Path, default=DEFAULT_SPEC, help="default: openapi.yaml")
    parser.add_argument(
        "--output", type=Path, default=DEFAULT_OUTPUT, help="default: generated_client/"
    )
    args = parser.parse_args(argv)
    spec: Path = args.spec.resolve()
    output: Path = args.output
    try:
        if args.check:
            lines = check(output, spec)
            if lines:
                print(
                    f"{output.name}/ is out of date with {spec.name} and generator/ "
                    f"({sum(1 for line in lines if not line.startswith('      '))} files differ): "
                    f"{REGENERATE_HINT}.\n" + "\n".join(lines),
                    file=sys.stderr,
                )
                return 1
            print(f"{output.name}/ is up to date with {spec.name}")
        else:
            write(output, spec)
            print(f"generated {output} from {spec.name}")
    except GenerationError as error:
        print(f"scripts/generate: {error}", file=sys.stderr)
        print(f"{output.name}/ was not changed.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
