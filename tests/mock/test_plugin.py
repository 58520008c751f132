"""The pytest plugin, as the test suite of a consumer would use it."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import httpx
from starlette.testclient import TestClient

from plivo_masking_mock.app import MockApp
from plivo_masking_mock.server import MockServer

# Plugins of this environment that the consumer suite does not need (they take seconds to load).
FAST_PYTEST = ("-p", "no:cacheprovider", "-p", "no:schemathesis", "-p", "no:hypothesispytest")


def test_plivo_mock_fixture(plivo_mock: MockServer) -> None:
    response = httpx.post(
        plivo_mock.sessions_url,
        json={"first_party": "+12025550000", "second_party": "+12025551111"},
        auth=(plivo_mock.auth_id, plivo_mock.auth_token),
    )
    assert response.status_code == 201
    assert plivo_mock.base_url.startswith("http://127.0.0.1:")


def test_plivo_mock_is_fresh_for_each_test(plivo_mock: MockServer) -> None:
    response = httpx.get(plivo_mock.sessions_url, auth=(plivo_mock.auth_id, plivo_mock.auth_token))
    assert response.json()["response"]["meta"]["total_count"] == 0


def test_plivo_mock_app_fixture(plivo_mock_app: MockApp) -> None:
    with TestClient(plivo_mock_app) as client:
        account = plivo_mock_app.config.accounts[0]
        client.auth = (account.auth_id, account.auth_token)
        response = client.get(f"/v1/Account/{account.auth_id}/Masking/Session/")
        assert response.status_code == 200


def test_a_consumer_suite_gets_the_fixtures(tmp_path: Path) -> None:
    (tmp_path / "mock.toml").write_text(
        textwrap.dedent(
            """
            defaults_profile = "documented"
            [[accounts]]
            auth_id = "MACONSUMERACCOUNT001"
            auth_token = "consumer-token"
            numbers = ["+12025550177"]
            """
        )
    )
    (tmp_path / "pytest.ini").write_text("[pytest]\nplivo_mock_config = mock.toml\n")
    (tmp_path / "test_consumer.py").write_text(
        textwrap.dedent(
            """
            import httpx

            def test_create_and_expire(plivo_mock):
                auth = (plivo_mock.auth_id, plivo_mock.auth_token)
                assert plivo_mock.auth_id == "MACONSUMERACCOUNT001"
                created = httpx.post(
                    plivo_mock.sessions_url,
                    json={"first_party": "+12025550000", "second_party": "+12025551111"},
                    auth=auth,
                ).json()
                assert created["virtual_number"] == "+12025550177"
                assert created["session"]["duration"] == 3600
                plivo_mock.advance(3600)
                url = plivo_mock.sessions_url + created["session_uuid"] + "/"
                assert httpx.get(url, auth=auth).json()["response"]["status"] == "expired"

            def test_in_process(plivo_mock_app):
                assert plivo_mock_app.config.defaults_profile == "documented"
            """
        )
    )
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", str(tmp_path), *FAST_PYTEST],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 passed" in result.stdout


def test_mock_server_lifecycle() -> None:
    server = MockServer()
    try:
        server.port  # noqa: B018
    except RuntimeError:
        pass
    else:
        raise AssertionError("port of a stopped server")
    with server:
        assert server.start() is server  # starting twice is harmless
        assert httpx.get(server.base_url + "/__mock__/health").json()["status"] == "ok"
        server.set_fault("ignore_auth")
        assert httpx.get(server.sessions_url).status_code == 200
        server.clear_fault()
        assert httpx.get(server.sessions_url).status_code == 401
        before = server.now()
        server.advance(60)
        assert server.now() >= before + 60
        server.set_time(0)
        assert server.now() < 10
