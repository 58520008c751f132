"""docs/webhooks.md: its Python example runs, against a real mock and a real receiver."""

from __future__ import annotations

from pathlib import Path

from tests.client.markdown_examples import code_blocks

DOC = Path(__file__).resolve().parents[2] / "docs" / "webhooks.md"


def test_the_webhook_example_runs() -> None:
    blocks = code_blocks(DOC, "Testing your webhook handlers")
    python = [block for block in blocks if block.language == "python"]
    assert python, "docs/webhooks.md lost its Python example"
    for block in python:
        exec(compile(block.code, block.label, "exec"), {"__name__": "webhooks_example"})
