"""What a team installs into its own project works there: the wheels of the four distributions in
a fresh virtual environment outside the repository, used from a directory that is not the
checkout (tests/installed.py says how they are built and installed)."""

from __future__ import annotations

import re
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from plivo_masking_contract.target import mock_config_text
from tests.installed import REPO_ROOT, Environment, build_wheels, install, lock_constraints, run

pytestmark = [pytest.mark.slow, pytest.mark.timeout(900)]

LISTENING = re.compile(r"listening on (http://\S+)")
CONSUMER_TEST = """
import httpx
from plivo_masking_client import Client
from plivo_masking_client.api.masking_sessions import get_masking_session
from plivo_masking_client.models import GetSessionResponse


def test_create_then_read_with_the_generated_client(plivo_mock):
    auth = (plivo_mock.auth_id, plivo_mock.auth_token)
    created = httpx.post(
        plivo_mock.sessions_url,
        auth=auth,
        json={"first_party": "+14155550100", "second_party": "+14155550101"},
    )
    assert created.status_code == 201, created.text
    client = Client(base_url=plivo_mock.base_url, httpx_args={"auth": auth})
    found = get_masking_session.sync(
        auth_id=plivo_mock.auth_id, session_uuid=created.json()["session_uuid"], client=client
    )
    assert isinstance(found, GetSessionResponse)
    assert found.response.first_party == "14155550100"


def test_the_mock_is_fresh_for_each_test(plivo_mock):
    listed = httpx.get(plivo_mock.sessions_url, auth=(plivo_mock.auth_id, plivo_mock.auth_token))
    assert listed.json()["response"]["meta"]["total_count"] == 0
"""


@pytest.fixture(scope="module")
def wheels(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return build_wheels(tmp_path_factory.mktemp("dist"))


@pytest.fixture(scope="module")
def constraints(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return lock_constraints(tmp_path_factory.mktemp("lock") / "constraints.txt")


@pytest.fixture(scope="module")
def venv(
    wheels: list[Path], constraints: Path, tmp_path_factory: pytest.TempPathFactory
) -> Environment:
    return install(wheels, tmp_path_factory.mktemp("installed") / "venv", constraints)


@pytest.fixture
def elsewhere(tmp_path: Path) -> Path:
    """A working directory that is not the checkout (and not below it)."""
    folder = tmp_path / "their-project"
    folder.mkdir()
    assert REPO_ROOT not in folder.parents
    return folder


@pytest.fixture
def running_mock(venv: Environment, elsewhere: Path) -> Iterator[str]:
    """`plivo-masking-mock serve` with the demo account and a pool of 1,000 numbers: the suite's
    hundreds of creates would exhaust the demo account's 5 (the bundled mock does the same)."""
    log = elsewhere / "mock.log"
    config = elsewhere / "mock.toml"
    config.write_text(mock_config_text(), encoding="utf-8")
    with log.open("wb") as out:
        process = subprocess.Popen(
            [str(venv.bin / "plivo-masking-mock"), "serve", "--port", "0", "--config", str(config)],
            cwd=elsewhere,
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            found = LISTENING.search(log.read_text(encoding="utf-8", errors="replace"))
            if found:
                yield found.group(1)
                return
            assert process.poll() is None, log.read_text()
            time.sleep(0.05)
        pytest.fail(f"the installed mock did not start:\n{log.read_text()}")
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_the_spec_wheel_carries_the_repository_spec(venv: Environment, elsewhere: Path) -> None:
    probe = run(
        [
            str(venv.python),
            "-c",
            "import plivo_masking_spec; print(plivo_masking_spec.spec_path())",
        ],
        cwd=elsewhere,
    )
    assert probe.returncode == 0, probe.stderr
    packaged = Path(probe.stdout.strip())
    assert packaged.is_relative_to(venv.site_packages())
    assert packaged.read_bytes() == (REPO_ROOT / "openapi.yaml").read_bytes()


def test_the_contract_suite_passes_against_the_installed_mock(
    venv: Environment, elsewhere: Path, running_mock: str
) -> None:
    result = run([str(venv.bin / "plivo-masking-contract"), "--url", running_mock], cwd=elsewhere)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "RESULT: PASSED" in result.stdout
    # Reports land in the directory it ran from, not in site-packages.
    assert (elsewhere / "reports" / "contract-junit.xml").is_file()
    assert (elsewhere / "reports" / "contract-cassette-stateful.yaml").is_file()
    assert not list(venv.site_packages().glob("plivo_masking_contract/reports"))


def test_the_contract_suite_starts_the_bundled_mock_without_a_url(
    venv: Environment, elsewhere: Path
) -> None:
    result = run(
        [
            *(str(venv.bin / "plivo-masking-contract"), "--operations", "get_masking_session"),
            *("--no-stateful", "--reports-dir", "out"),
        ],
        cwd=elsewhere,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "the bundled mock" in result.stdout
    assert (elsewhere / "out" / "contract-summary.json").is_file()


def test_a_consumer_test_suite_uses_the_plugin_and_the_client(
    venv: Environment, elsewhere: Path
) -> None:
    (elsewhere / "test_consumer.py").write_text(CONSUMER_TEST, encoding="utf-8")
    result = run([str(venv.python), "-m", "pytest", "-q", "-p", "no:cacheprovider"], cwd=elsewhere)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 passed" in result.stdout


def test_the_breaking_gate_runs_installed(venv: Environment, elsewhere: Path) -> None:
    openapi_diff = REPO_ROOT / "tooling" / "node_modules" / ".bin" / "openapi-diff"
    spec = REPO_ROOT / "openapi.yaml"
    result = subprocess.run(
        [
            str(venv.bin / "plivo-masking-check-breaking"),
            "--base-file",
            str(spec),
            "--spec",
            str(spec),
        ],
        cwd=elsewhere,
        env={"PATH": "/usr/bin:/bin", "PLIVO_OPENAPI_DIFF": str(openapi_diff)},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no breaking change" in result.stdout


@pytest.mark.parametrize(
    ("removed", "command", "message"),
    [
        ("plivo_masking_contract/schemathesis.toml", ["plivo-masking-contract"], "did not run"),
        ("plivo_masking_spec/openapi.yaml", ["plivo-masking-mock", "serve"], "openapi.yaml"),
    ],
)
def test_a_wheel_that_lacks_a_file_it_needs_fails(  # noqa: PLR0917
    wheels: list[Path],
    constraints: Path,
    tmp_path: Path,
    removed: str,
    command: list[str],
    message: str,
) -> None:
    """The checks above would catch a wheel built without its data files."""
    broken = install(wheels, tmp_path / "venv", constraints)
    (broken.site_packages() / removed).unlink()
    workdir = tmp_path / "work"
    workdir.mkdir()
    result = run([str(broken.bin / command[0]), *command[1:]], cwd=workdir, timeout=120)
    assert result.returncode == 2, result.stdout + result.stderr
    assert message in result.stdout + result.stderr


def test_the_client_wheel_alone_installs_only_the_client(
    wheels: list[Path], constraints: Path, tmp_path: Path
) -> None:
    client_wheel = [wheel for wheel in wheels if wheel.name.startswith("plivo_masking_client-")]
    alone = install(client_wheel, tmp_path / "venv", constraints)
    probe = run(
        [
            str(alone.python),
            "-c",
            "import importlib.util, pathlib, plivo_masking_client as p\n"
            "import plivo_masking_client.api.masking_sessions.update_masking_session\n"
            "print(pathlib.Path(p.__file__).parent.joinpath('py.typed').is_file())\n"
            "others = ('plivo_masking_mock', 'plivo_masking_contract', 'plivo_masking_spec',"
            " 'tests', 'generator')\n"
            "print([m for m in others if importlib.util.find_spec(m)])\n",
        ],
        cwd=tmp_path,
    )
    assert probe.returncode == 0, probe.stderr
    assert probe.stdout.split("\n")[:2] == ["True", "[]"]
    record = next(alone.site_packages().glob("plivo_masking_client-*.dist-info"))
    installed = [line.split(",")[0] for line in (record / "RECORD").read_text().splitlines()]
    assert all(
        path.startswith(("plivo_masking_client/", "plivo_masking_client-")) for path in installed
    ), installed


def test_the_installed_mock_is_not_found_through_the_checkout(venv: Environment) -> None:
    """Nothing of the checkout leaks into the installed environment."""
    assert shutil.which("plivo-masking-mock", path=str(venv.bin))
    pth = list(venv.site_packages().glob("*.pth"))
    assert not [path for path in pth if str(REPO_ROOT) in path.read_text()]
