"""Generates a client for another language from openapi.yaml with OpenAPI Generator.

Run through scripts/generate-client. The generator is the jar of the pinned PyPI package
openapi-generator-cli (uv.lock), run with spec validation on. Its warnings are printed, grouped,
at the end: they are to be fixed in openapi.yaml, not silenced here. With --compile the generated
client is also compiled together with the sample program of tests/other_languages/ (see
client_compile.py for what each language needs).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from client_compile import COMPILERS, CompileError, ToolchainMissing

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SPEC = ROOT / "openapi.yaml"
BUILD_DIR = ROOT / "build" / "clients"
MARKER = ".openapi-generator"  # folder the generator writes into every output


@dataclass(frozen=True)
class Language:
    generator: str
    properties: dict[str, str] = field(default_factory=dict)
    options: tuple[str, ...] = ()


# Each language's generator options. Package names are placeholders a user overrides after `--`.
LANGUAGES: dict[str, Language] = {
    "typescript-fetch": Language("typescript-fetch"),
    "go": Language(
        "go",
        # enumClassPrefix: SessionStatus and SessionStatusFilter both have `active` and `expired`;
        # without the prefix both become the Go constants ACTIVE and EXPIRED, which do not compile.
        {"packageName": "plivomasking", "enumClassPrefix": "true"},
        ("--git-host", "example.com", "--git-user-id", "plivo-masking-contract"),
    ),
    "java": Language(
        "java",
        # native: java.net.http and Jackson only, the fewest dependencies of the Java libraries.
        {
            "library": "native",
            "openApiNullable": "false",
            "annotationLibrary": "none",
            "hideGenerationTimestamp": "true",
            "groupId": "com.example",
            "artifactId": "plivo-masking-client",
            "invokerPackage": "com.example.plivomasking",
            "apiPackage": "com.example.plivomasking.api",
            "modelPackage": "com.example.plivomasking.model",
        },
    ),
}
GIT_REPO_IDS = {"go": "go-client"}

WARNING = re.compile(r"\bWARN\b\s+(?:\S+\s+-\s+)?(?P<message>.*)$")


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="scripts/generate-client",
        description="Generate a client for another language from openapi.yaml (OpenAPI Generator).",
        epilog="Arguments after `--` go to `openapi-generator-cli generate` as they are.",
    )
    parser.add_argument("--lang", required=True, help="one of: " + ", ".join(sorted(LANGUAGES)))
    parser.add_argument("--out", type=Path, help="output folder (default: build/clients/LANG)")
    parser.add_argument("--spec", type=Path, default=DEFAULT_SPEC, help="default: openapi.yaml")
    parser.add_argument(
        "--compile",
        action="store_true",
        help="also compile the client with the sample program of tests/other_languages/",
    )
    parser.add_argument(
        "--fail-on-warnings",
        action="store_true",
        help="exit 1 if the generator warns (it always prints its warnings)",
    )
    parser.add_argument("extra", nargs="*", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def generator_command(lang: str, language: Language, spec: Path, out: Path) -> list[str]:
    executable = Path(sys.executable).parent / "openapi-generator-cli"
    command = [str(executable), "generate", "-i", str(spec), "-g", language.generator]
    command += ["-o", str(out), *language.options]
    if lang in GIT_REPO_IDS:
        command += ["--git-repo-id", GIT_REPO_IDS[lang]]
    if language.properties:
        pairs = ",".join(f"{key}={value}" for key, value in language.properties.items())
        command.append(f"--additional-properties={pairs}")
    return command


def prepare_output(out: Path) -> None:
    """Empties the output folder, but only if it holds a generated client (or nothing)."""
    if out.exists() and any(out.iterdir()):
        if not (out / MARKER).is_dir():
            raise SystemExit(
                f"generate-client: {out} is not empty and holds no generated client "
                f"(no {MARKER}/); choose another --out"
            )
        shutil.rmtree(out)
    out.mkdir(parents=True, exist_ok=True)


def report_warnings(log: str) -> int:
    warnings = Counter(
        match.group("message").strip()
        for line in log.splitlines()
        if (match := WARNING.search(line))
    )
    if not warnings:
        print("generate-client: the generator gave no warnings")
        return 0
    print(
        f"generate-client: {len(warnings)} distinct generator warnings; fix them in openapi.yaml:"
    )
    for message, count in warnings.most_common():
        print(f"  {count:3d} x  {message}")
    return len(warnings)


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    lang: str = args.lang
    if lang not in LANGUAGES:
        print(
            f"generate-client: unknown language {lang!r}; supported: "
            + ", ".join(sorted(LANGUAGES)),
            file=sys.stderr,
        )
        return 2
    spec: Path = args.spec.resolve()
    if not spec.is_file():
        print(f"generate-client: no spec at {spec}", file=sys.stderr)
        return 2
    out: Path = (args.out or BUILD_DIR / lang).resolve()
    prepare_output(out)

    command = generator_command(lang, LANGUAGES[lang], spec, out) + list(args.extra)
    print("generate-client: " + " ".join(command[1:]))
    # A short run: the JIT's first tier only halves the generator's time (the wrapper passes
    # JAVA_OPTS to java as one argument, so it holds one option).
    env = {**os.environ, "JAVA_OPTS": os.environ.get("JAVA_OPTS") or "-XX:TieredStopAtLevel=1"}
    result = subprocess.run(command, capture_output=True, text=True, check=False, env=env)
    log = result.stdout + result.stderr
    if (out / MARKER).is_dir():
        (out / MARKER / "generate.log").write_text(log)
    if result.returncode != 0:
        print(log, file=sys.stderr)
        print(f"generate-client: the generator failed ({result.returncode})", file=sys.stderr)
        return 1
    print(f"generate-client: wrote the {lang} client to {out}")
    warning_count = report_warnings(log)

    if args.compile:
        try:
            COMPILERS[lang](out)
        except ToolchainMissing as error:
            print(f"generate-client: cannot compile the {lang} client: {error}", file=sys.stderr)
            return 3
        except CompileError as error:
            print(f"generate-client: {lang} client does not compile: {error}", file=sys.stderr)
            return 1
        print(f"generate-client: the {lang} client and its sample program compile")
    if warning_count and args.fail_on_warnings:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
