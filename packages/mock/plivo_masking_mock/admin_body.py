"""The JSON body of an admin request: an object, or empty."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from starlette.requests import Request


async def json_object_body(request: Request, error: Callable[[str], Exception]) -> dict[str, Any]:
    """The request's JSON object (`{}` for an empty body); `error(message)` is raised otherwise."""
    raw = await request.body()
    if not raw.strip():
        return {}
    try:
        body = json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        raise error("the body must be JSON") from None
    if not isinstance(body, dict):
        raise error("the body must be a JSON object")
    return body
