"""The wire formats of the real API: Go-layout timestamps, phone numbers, list-filter times."""

from __future__ import annotations

import time
from datetime import UTC, datetime

_FILTER_LAYOUTS = ("%Y-%m-%d %H:%M:%S.%f", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M")


def go_timestamp(epoch_seconds: int) -> str:
    """`2024-02-01 06:28:15 +0000 UTC`: Go's `time.Time.String()` of a whole-second UTC time."""
    return time.strftime("%Y-%m-%d %H:%M:%S +0000 UTC", time.gmtime(epoch_seconds))


def parse_filter_time(text: str) -> float:
    """A list filter's `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]` (UTC) as epoch seconds.

    Raises ValueError for a value that has the right shape but no such date (2024-02-30).
    """
    for layout in _FILTER_LAYOUTS:
        try:
            parsed = datetime.strptime(text, layout)
        except ValueError:
            continue
        return parsed.replace(tzinfo=UTC).timestamp()
    raise ValueError(f"not a filter time: {text!r}")


def bare_number(number: str) -> str:
    """A phone number as sessions carry it: digits, without the leading `+`."""
    return number.strip().removeprefix("+")


def e164(number: str) -> str:
    """A phone number with the leading `+` (the create response's top-level virtual_number)."""
    return "+" + bare_number(number)
