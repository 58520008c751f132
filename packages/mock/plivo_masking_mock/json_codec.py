"""JSON in and out: orjson on the fast path, the standard library where the two could differ.

Both functions give what the standard library gives (`json.loads` of the UTF-8 text; compact
`json.dumps`, non-ASCII as is), and raise what it raises, so that every error message worded
from a `json.JSONDecodeError` stays the same. orjson is used only where it agrees:

- parsing: a document that orjson rejects is parsed again by the standard library, to fail with
  its error (or to succeed where the standard library is more lenient, as with `1e400`); so is
  one with floats and a run of 19 or more digits (orjson reads integers beyond 64 bits as
  floats), and one with deep nesting (orjson's limit is not Python's) goes there directly;
- rendering: a value orjson cannot render (an integer beyond 64 bits) is rendered by the
  standard library. Floats are written as the shortest text that reads back the same, as the
  standard library does; only the exponent's spelling can differ (`1e-7`, not `1e-07`).
"""

from __future__ import annotations

import json
import re
from typing import Any

import orjson

JSONDecodeError = json.JSONDecodeError

_LONG_DIGIT_RUN = re.compile(rb"[0-9]{19}")
_MAX_FAST_NESTING = 500  # brackets in the whole document, far below both parsers' limits


def loads(raw: bytes) -> Any:
    """The JSON document in `raw` (UTF-8), as `json.loads` reads it.

    Raises `json.JSONDecodeError`, `UnicodeError`, `ValueError` (a lone surrogate, `NaN`,
    `Infinity`) or `RecursionError` as the standard library does.
    """
    if raw.count(b"[") + raw.count(b"{") <= _MAX_FAST_NESTING:
        try:
            parsed = orjson.loads(raw)
        except orjson.JSONDecodeError:
            pass  # the standard library words the error
        else:
            # A float may be an integer literal past 64 bits, which orjson reads as a float.
            if not _has_float(parsed) or _LONG_DIGIT_RUN.search(raw) is None:
                return parsed
    return _standard_loads(raw)


def _has_float(value: Any) -> bool:
    """Whether a parsed document holds a float anywhere (it is walked one container at a time,
    asking the types of all its values at once: a session's attributes are one flat object)."""
    if type(value) is float:
        return True
    pending = [value]
    while pending:
        item = pending.pop()
        values = item.values() if type(item) is dict else item if type(item) is list else ()
        kinds = set(map(type, values))
        if float in kinds:
            return True
        if dict in kinds or list in kinds:
            pending.extend(value for value in values if type(value) in _CONTAINERS)
    return False


_CONTAINERS = (dict, list)


def _standard_loads(raw: bytes, decoder: json.JSONDecoder | None = None) -> Any:
    text = raw.decode("utf-8")
    if text.startswith("\ufeff"):  # as `json.loads` refuses it
        raise JSONDecodeError("Unexpected UTF-8 BOM (decode using utf-8-sig)", text, 0)
    parsed = (decoder or _DECODER).decode(text)
    # A lone surrogate ("\ud800") is valid JSON syntax but no Unicode text; only an escape can
    # write one (UTF-8 input cannot hold a surrogate, `decode` refuses it).
    if b"\\u" in raw:
        json.dumps(parsed, ensure_ascii=False).encode("utf-8")
    return parsed


class DuplicateKeyError(ValueError):
    """A JSON object names a key twice."""

    def __init__(self, key: str) -> None:
        super().__init__(f"the key {key!r} appears twice")
        self.key = key


def loads_unambiguous(raw: bytes) -> Any:
    """As `loads`, but an object that names a key twice raises DuplicateKeyError: parsers keep the
    first or the last, so a request body like that is refused rather than guessed at. Always the
    standard library (orjson keeps the last key silently); request bodies are small."""
    return _standard_loads(raw, _UNAMBIGUOUS_DECODER)


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    parsed: dict[str, Any] = {}
    for key, value in pairs:
        if key in parsed:
            raise DuplicateKeyError(key)
        parsed[key] = value
    return parsed


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


# What `json.loads(text, parse_constant=..., object_pairs_hook=...)` builds on every call.
_DECODER = json.JSONDecoder(parse_constant=_reject_constant)
_UNAMBIGUOUS_DECODER = json.JSONDecoder(
    parse_constant=_reject_constant, object_pairs_hook=_unique_keys
)


def dumps(value: Any) -> bytes:
    """`value` as compact UTF-8 JSON, as Starlette's `JSONResponse` renders it."""
    try:
        return orjson.dumps(value)
    except orjson.JSONEncodeError:
        return json.dumps(
            value, ensure_ascii=False, allow_nan=False, indent=None, separators=(",", ":")
        ).encode("utf-8")
