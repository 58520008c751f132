"""Compile checks of generated clients, each together with its sample program.

The samples live in tests/other_languages/<language>/ and call updateMaskingSession. Nothing is
run and nothing is fetched from the network; each check uses only what the registries this
project reaches (PyPI, npm, Debian) provide:

typescript-fetch  tsc of tooling/package.json, `--noEmit --strict`, over every generated file
                  and tests/other_languages/typescript/update_session.ts.
go                Debian's golang-go (Go 1.19) in GOPATH mode (GO111MODULE=off, GOPROXY=off):
                  module mode would fetch the client's dependency gopkg.in/validator.v2 from the
                  Go module proxy, which is out of reach; Debian ships it as
                  golang-gopkg-validator.v2-dev under /usr/share/gocode. `go build` + `go vet`.
java              javac (JDK 17). Maven Central is out of reach and Debian has no
                  jackson-datatype-jsr310, so the classpath is the jar of the pinned PyPI package
                  openapi-generator-cli, which bundles Jackson 2.21 (core, databind, annotations,
                  jsr310) and jsr305, plus Debian's libgeronimo-annotation-1.3-spec-java for
                  javax.annotation.Generated (gone from the JDK since Java 11).
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "tests" / "other_languages"
TSC = ROOT / "tooling" / "node_modules" / ".bin" / "tsc"
GO_SAMPLE_IMPORT = "example.com/plivo-masking-contract/go-client"  # see go/update_session.go
DEBIAN_GOPATH = Path("/usr/share/gocode")
DEBIAN_GO_PACKAGES = {"gopkg.in/validator.v2": "golang-gopkg-validator.v2-dev"}
GENERATED_ANNOTATION_JAR = Path("/usr/share/java/geronimo-annotation-1.3-spec.jar")
GO_IMPORT = re.compile(r'^\s*(?:import\s+)?(?:[A-Za-z_.]+\s+)?"(?P<path>[^"]+)"\s*$', re.MULTILINE)


class CompileError(Exception):
    """The client or its sample program does not compile."""


class ToolchainMissing(CompileError):
    """What the check needs is not installed; the message says how to install it."""


def _run(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> None:
    result = subprocess.run(
        command, cwd=cwd, env=env, capture_output=True, text=True, check=False, timeout=600
    )
    if result.returncode != 0:
        raise CompileError(
            f"`{' '.join(command)}` failed ({result.returncode}):\n{result.stdout}{result.stderr}"
        )


def compile_typescript(client: Path) -> None:
    if not TSC.is_file():
        raise ToolchainMissing("tsc is missing; run scripts/bootstrap --node")
    sample_dir = SAMPLES / "typescript"
    client = client.resolve()  # tsconfig paths must be absolute or ./relative
    with tempfile.TemporaryDirectory(prefix="tsc-check-") as work:
        config = {
            "extends": str(sample_dir / "tsconfig.json"),
            "compilerOptions": {"paths": {"plivo-masking-client": [str(client / "index.ts")]}},
            "files": [str(sample_dir / "update_session.ts")],
            "include": [f"{client}/**/*.ts"],
        }
        (Path(work) / "tsconfig.json").write_text(json.dumps(config, indent=2))
        _run([str(TSC), "-p", str(Path(work) / "tsconfig.json"), "--noEmit", "--strict"], ROOT)


def _missing_go_packages(client: Path) -> list[str]:
    imports = {
        m.group("path") for f in client.glob("*.go") for m in GO_IMPORT.finditer(f.read_text())
    }
    third_party = sorted(path for path in imports if "." in path.split("/")[0])
    return [path for path in third_party if not (DEBIAN_GOPATH / "src" / path).is_dir()]


def compile_go(client: Path) -> None:
    go = shutil.which("go")
    if go is None:
        raise ToolchainMissing("go is missing; run scripts/bootstrap-other-languages (golang-go)")
    missing = _missing_go_packages(client)
    if missing:
        debian = " ".join(
            DEBIAN_GO_PACKAGES.get(path, f"<Debian package of {path}>") for path in missing
        )
        raise ToolchainMissing(
            f"Go packages {', '.join(missing)} are missing from {DEBIAN_GOPATH}; "
            f"install {debian} (scripts/bootstrap-other-languages)"
        )
    with tempfile.TemporaryDirectory(prefix="go-check-") as work:
        gopath = Path(work)
        shutil.copytree(
            client, gopath / "src" / GO_SAMPLE_IMPORT, ignore=shutil.ignore_patterns("test")
        )
        sample = gopath / "src" / "example.com" / "update-session-sample"
        sample.mkdir(parents=True)
        shutil.copy(SAMPLES / "go" / "update_session.go", sample / "main.go")
        env = {
            **os.environ,
            "GO111MODULE": "off",
            "GOPROXY": "off",
            "GOFLAGS": "",
            "GOPATH": f"{gopath}{os.pathsep}{DEBIAN_GOPATH}",
        }
        packages = [GO_SAMPLE_IMPORT, "example.com/update-session-sample"]
        _run([go, "build", "-o", os.devnull, packages[1]], gopath, env)
        _run([go, "vet", *packages], gopath, env)


def _generator_jar() -> Path:
    spec = importlib.util.find_spec("openapi_generator_cli")
    if spec is None or not spec.submodule_search_locations:
        raise ToolchainMissing("openapi-generator-cli is missing; run scripts/bootstrap")
    return Path(next(iter(spec.submodule_search_locations))) / "openapi-generator.jar"


def compile_java(client: Path) -> None:
    javac = shutil.which("javac")
    if javac is None:
        raise ToolchainMissing(
            "javac is missing; install a JDK 17 (Debian: openjdk-17-jdk-headless)"
        )
    if not GENERATED_ANNOTATION_JAR.is_file():
        raise ToolchainMissing(
            f"{GENERATED_ANNOTATION_JAR} is missing; install libgeronimo-annotation-1.3-spec-java "
            "(scripts/bootstrap-other-languages)"
        )
    sources = sorted(str(path) for path in (client / "src" / "main" / "java").rglob("*.java"))
    if not sources:
        raise CompileError(f"no Java sources under {client / 'src' / 'main' / 'java'}")
    sources.append(str(SAMPLES / "java" / "UpdateSession.java"))
    classpath = os.pathsep.join([str(_generator_jar()), str(GENERATED_ANNOTATION_JAR)])
    with tempfile.TemporaryDirectory(prefix="javac-check-") as work:
        argfile = Path(work) / "sources.txt"
        argfile.write_text("\n".join(sources) + "\n")
        classes = Path(work) / "classes"
        # -proc:none: no annotation processor search through the big jar; C1 only: a short run.
        options = ["-nowarn", "-proc:none", "-J-XX:TieredStopAtLevel=1", "-J-XX:+UseSerialGC"]
        _run([javac, *options, "-d", str(classes), "-cp", classpath, f"@{argfile}"], ROOT)


COMPILERS: dict[str, Callable[[Path], None]] = {
    "typescript-fetch": compile_typescript,
    "go": compile_go,
    "java": compile_java,
}
