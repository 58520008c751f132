"""docs/python-client.md: every Python example, Plivo's SDK one included, type-checks with mypy
--strict and runs, in order, against the mock server."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.client.markdown_examples import PYTHON_CLIENT_PAGE, python_client_page_examples
from tests.client.test_readme import run_blocks
from tests.client.type_check import mypy_strict
from tests.official_sdk import official_client


@pytest.fixture
def mock_environment(plivo_mock: Any, monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.setenv("PLIVO_BASE_URL", plivo_mock.base_url)
    monkeypatch.setenv("PLIVO_AUTH_ID", plivo_mock.auth_id)
    monkeypatch.setenv("PLIVO_AUTH_TOKEN", plivo_mock.auth_token)
    # Plivo's SDK reads its base URLs from module constants: point them at the mock.
    with official_client(plivo_mock, monkeypatch):
        yield plivo_mock


def test_the_page_shows_the_seed_update_beside_plivos_sdk() -> None:
    code = "".join(block.code for block in python_client_page_examples())
    for needed in [
        "sdk.masking_sessions.update_masking_session(",
        "call_time_limit=3600, record=True",
        "client.sessions.update(session_uuid, call_time_limit=3600, record=True)",
        "client.sessions.create(",
        "client.sessions.get(",
        "client.sessions.list(",
        "client.sessions.iter(",
        "client.sessions.expire(",
        "errors.BadRequestError",
        "raise_on_error=False",
        "on_retry=",
        "AsyncMaskingClient",
    ]:
        assert needed in code, needed
    assert "Create is not idempotent" in PYTHON_CLIENT_PAGE.read_text(encoding="utf-8")


def test_the_page_examples_run_against_the_mock(mock_environment: Any) -> None:
    output = run_blocks(python_client_page_examples())
    assert "Session created +1202555" in output
    assert "Session updated 3600 True\n" in output
    assert "wav GET\n" in output
    assert "400 Session already expired\n" in output
    assert "404 Session not found True\n" in output
    assert "not found: Session not found\n" in output
    assert "async True\n" in output
    assert mock_environment.auth_token not in output


def test_the_page_examples_type_check_with_mypy_strict(tmp_path: Path) -> None:
    (tmp_path / "page.py").write_text("".join(b.code for b in python_client_page_examples()))
    # Plivo's SDK has no types.
    result = mypy_strict(tmp_path, "--ignore-missing-imports", "page.py")
    assert result.returncode == 0, result.stdout + result.stderr
