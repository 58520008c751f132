"""The "Use the Python client" page of the site (docs/python-client.md) and
generated_client/README.md: every Python example type-checks with mypy --strict and runs, in
order, against the mock server.
"""

from __future__ import annotations

import contextlib
import io
from pathlib import Path
from typing import Any

import pytest

from tests.client.markdown_examples import (
    SECTION_HEADING,
    CodeBlock,
    code_blocks,
    generated_readme_examples,
    python_examples,
    section_source,
)
from tests.client.type_check import mypy_strict

ENVIRONMENT = ("PLIVO_BASE_URL", "PLIVO_AUTH_ID", "PLIVO_AUTH_TOKEN")


def run_blocks(blocks: list[CodeBlock]) -> str:
    """Runs the blocks one after another in one namespace, as a reader would; their output."""
    namespace: dict[str, Any] = {"__name__": "__readme__"}
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        for block in blocks:
            exec(compile(block.code, block.label, "exec"), namespace)
    return output.getvalue()


@pytest.fixture
def mock_environment(plivo_mock: Any, monkeypatch: pytest.MonkeyPatch) -> Any:
    """The examples' environment variables, pointed at the mock."""
    monkeypatch.setenv("PLIVO_BASE_URL", plivo_mock.base_url)
    monkeypatch.setenv("PLIVO_AUTH_ID", plivo_mock.auth_id)
    monkeypatch.setenv("PLIVO_AUTH_TOKEN", plivo_mock.auth_token)
    return plivo_mock


def test_the_section_shows_what_a_user_needs() -> None:
    blocks = code_blocks(section_source(), SECTION_HEADING)
    text = "".join(block.code for block in blocks)
    assert any(b.language == "bash" and "pip install ./generated_client" in b.code for b in blocks)
    for needed in [
        'httpx_args={"auth": (auth_id, auth_token)}',  # authentication
        "create_masking_session.sync(",
        "get_masking_session.sync(",
        "list_masking_session.sync(",
        "delete_masking_session.sync(",
        "UpdateSessionRequest(call_time_limit=3600, record=True)",  # the seed's example
        ".sync_detailed(",
        "await create_masking_session.asyncio(",
        ".asyncio_detailed(",
        "isinstance(again.parsed, ErrorResponse)",  # error handling
        *ENVIRONMENT,
    ]:
        assert needed in text, needed


def test_the_examples_type_check_with_mypy_strict(tmp_path: Path) -> None:
    (tmp_path / "section.py").write_text("".join(b.code for b in python_examples()))
    (tmp_path / "generated_readme.py").write_text(
        "".join(b.code for b in generated_readme_examples())
    )
    result = mypy_strict(tmp_path, "section.py", "generated_readme.py")
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_section_examples_run_against_the_mock(mock_environment: Any) -> None:
    output = run_blocks(python_examples())
    assert "Session updated 3600 True" in output
    assert "expired\n" in output
    assert "400 Session already expired\n" in output
    assert "404 " in output and "401 " in output
    assert "200 wav\n" in output


def test_the_generated_readme_example_runs_against_the_mock(mock_environment: Any) -> None:
    run_blocks(generated_readme_examples())
