"""The console's templates: a Jinja2 environment over the package's `templates/` folder, with
HTML autoescaping on, and the filters the templates use."""

from __future__ import annotations

import json
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from plivo_masking_mock.formats import go_timestamp, parse_filter_time

_GO_TIME_LENGTH = len("2024-02-01 06:28:15")


def epoch(go_time: Any) -> int | None:
    """`2024-02-01 06:28:15 +0000 UTC` as epoch seconds (None for anything else)."""
    try:
        return int(parse_filter_time(str(go_time)[:_GO_TIME_LENGTH]))
    except ValueError:
        return None


def shown(value: Any) -> str:
    """A field's value as text: strings as they are, anything else as JSON."""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("plivo_masking_mock.console", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["epoch"] = epoch
    env.filters["gotime"] = lambda seconds: go_timestamp(int(seconds))
    env.filters["shown"] = shown
    return env
