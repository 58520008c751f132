"""`plivo-masking-mock`: flags, banner, and a real `serve --db` that survives a restart."""

from __future__ import annotations

import gc
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from plivo_masking_mock.cli import _app, banner, build_parser, main
from plivo_masking_mock.config import DEMO_AUTH_ID, DEMO_AUTH_TOKEN, ConfigError
from plivo_masking_mock.server import MockServer

DEMO = (DEMO_AUTH_ID, DEMO_AUTH_TOKEN)


def test_faults_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["faults"]) == 0
    assert "undocumented_status" in capsys.readouterr().out


def test_flags_build_the_app(tmp_path: Path) -> None:
    config = tmp_path / "mock.toml"
    config.write_text("list_window_days = 0\n[defaults]\nsession_expiry = 900\n")
    args = build_parser().parse_args(
        [
            "serve",
            "--config",
            str(config),
            "--defaults",
            "documented",
            "--fault",
            "ignore_auth",
            "--account",
            "MAFLAGACCOUNT0000001:secret:+12025550180,12025550181",
        ]
    )
    app = _app(args)
    assert app.config.defaults_profile == "documented"
    assert app.config.list_window_days == 0
    assert app.service.defaults["session_expiry"] == 900
    assert app.service.defaults["call_time_limit"] == 3600
    assert app.faults.active == "ignore_auth"
    account = app.config.accounts[0]
    assert (account.auth_id, account.auth_token) == ("MAFLAGACCOUNT0000001", "secret")
    assert account.pool == ("12025550180", "12025550181")
    text = banner(app, "127.0.0.1", 8080, None)
    assert "account:  auth_id MAFLAGACCOUNT0000001  auth_token secret" in text
    assert "FAULT:" in text


def test_unusable_db_path(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--db", str(tmp_path / "no" / "such" / "dir.db")]) == 2
    assert "unable to open database file" in capsys.readouterr().err


def test_invalid_account_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--account", "not-an-auth-id:x"]) == 2
    assert "auth_id" in capsys.readouterr().err
    with pytest.raises(ConfigError):
        _app(build_parser().parse_args(["serve", "--account", "MAFLAGACCOUNT0000001:x:abc"]))


@contextmanager
def serve(*args: str) -> Iterator[tuple[str, str]]:
    """`plivo-masking-mock serve --port 0 ...` as a child process: (base URL, banner)."""
    process = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from plivo_masking_mock.cli import main; sys.exit(main())",
            "serve",
            "--port",
            "0",
            "--log-level",
            "warning",
            *args,
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        assert process.stdout is not None
        first = process.stdout.readline()
        assert first.startswith("plivo-masking-mock listening on "), first
        lines = [first]
        while not lines[-1].startswith("  admin:"):
            lines.append(process.stdout.readline())
        yield first.split()[-1], "".join(lines)
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def test_serve_prints_credentials_and_keeps_sessions_in_the_db(tmp_path: Path) -> None:
    db = tmp_path / "sessions.db"
    with serve("--db", str(db)) as (base_url, text):
        assert f"auth_id {DEMO_AUTH_ID}  auth_token {DEMO_AUTH_TOKEN}" in text
        assert str(db) in text
        created = httpx.post(
            f"{base_url}/v1/Account/{DEMO_AUTH_ID}/Masking/Session/",
            json={"first_party": "+12025550000", "second_party": "+12025551111"},
            auth=DEMO,
        )
        assert created.status_code == 201
        uuid = created.json()["session_uuid"]
    with serve("--db", str(db)) as (base_url, _):
        got = httpx.get(f"{base_url}/v1/Account/{DEMO_AUTH_ID}/Masking/Session/{uuid}/", auth=DEMO)
        assert got.status_code == 200
        assert got.json()["response"]["first_party"] == "12025550000"


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (
            "[defaults]\nnot_a_param = 1\n",
            ["[defaults]", "'not_a_param'", "allowed:", "ring_timeout"],
        ),
        ("[defaults]\nring_timeout = -5\n", ["[defaults]", "ring_timeout"]),
        ("list_window_days = 'x'\n", ["list_window_days must be an integer"]),
        ("colour = 'red'\n", ["unknown config keys: colour"]),
        ("[[accounts]]\nauth_id = 'nope'\nauth_token = 't'\n", ["account nope"]),
    ],
)
def test_a_bad_config_file_is_one_line_naming_the_file_and_the_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, words: list[str]
) -> None:
    config = tmp_path / "mock.toml"
    config.write_text(content, encoding="utf-8")
    assert main(["serve", "--config", str(config), "--port", "0"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1, err
    assert err.startswith(f"plivo-masking-mock: {config}: "), err
    for word in words:
        assert word in err, err


def test_serve_logs_no_line_per_request_unless_asked() -> None:
    parser = build_parser()
    assert parser.parse_args(["serve"]).access_log is False
    assert parser.parse_args(["serve", "--access-log"]).access_log is True
    assert parser.parse_args(["serve", "--seed", "100"]).seed == 100


_FREEZE_PROBE = """
import gc, sys
import uvicorn
from plivo_masking_mock.cli import main

def run(self, sockets=None):  # instead of serving: what the collector sees at this moment
    print(gc.get_freeze_count(), len(gc.get_objects()), flush=True)
    sys.exit(0)

uvicorn.Server.run = run
main(["serve", "--port", "0"])
"""


def test_serve_moves_what_it_built_out_of_the_collectors_sight() -> None:
    # A full collection then walks only what requests created, not the ~59,000 objects of the
    # modules, the spec and the app (10-30 ms, a stall of every request in flight).
    done = subprocess.run(
        [sys.executable, "-c", _FREEZE_PROBE],
        check=False,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    frozen, tracked = map(int, done.stdout.split()[-2:])
    assert frozen > 20_000
    assert tracked < 1_000


def test_the_mock_in_a_users_process_leaves_the_collector_alone() -> None:
    before = gc.get_freeze_count()
    with MockServer() as mock:
        assert httpx.get(f"{mock.base_url}/__mock__/").status_code == 200
    assert gc.get_freeze_count() == before
