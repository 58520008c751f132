"""mypy --strict on code that uses the client, as a consumer's CI would run it: the sample
consumer type-checks clean (its `assert_type`s pin each method's result), and typical mistakes
are each reported on their line."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from tests.client.type_check import mypy_strict

SAMPLE = Path(__file__).parent / "consumer" / "sample_consumer.py"

MISTAKES = """\
from plivo_masking_client import MaskingClient

client = MaskingClient()
client.sessions.update("uuid", record="yes")  # E: a str for a bool
client.sessions.update("uuid", record_file_format="ogg")  # E: not in the enum
client.sessions.update("uuid", colour="red")  # E: not an attribute of the request
client.sessions.list(status="pending")  # E: not a status filter
client.sessions.get()  # E: the session_uuid is missing
print(client.sessions.get("uuid").response.no_such_field)  # E: not a field of Session
client.sessions.create(auth_id="MAZTQXZDYWNZBMMJAZZJ")  # E: auth_id comes from the client
"""


def mypy(path: Path) -> subprocess.CompletedProcess[str]:
    return mypy_strict(path.parent, path.name)


def test_the_sample_consumer_type_checks_clean(tmp_path: Path) -> None:
    copy = tmp_path / SAMPLE.name
    copy.write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    result = mypy(copy)
    assert result.returncode == 0, result.stdout + result.stderr


def test_mistakes_are_reported_on_their_lines(tmp_path: Path) -> None:
    wrong = tmp_path / "wrong_consumer.py"
    wrong.write_text(MISTAKES, encoding="utf-8")
    result = mypy(wrong)
    assert result.returncode == 1
    reported = {
        int(n) for n in re.findall(r"^wrong_consumer\.py:(\d+): error", result.stdout, re.M)
    }
    expected = {n for n, line in enumerate(MISTAKES.splitlines(), 1) if "# E:" in line}
    assert reported == expected, result.stdout
