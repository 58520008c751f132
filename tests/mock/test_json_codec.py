"""json_codec reads and writes what the standard library does, and fails where it fails."""

from __future__ import annotations

import json
from typing import Any

import pytest

from plivo_masking_mock import json_codec

DOCUMENTS = [
    b'{"first_party": "+12025551000", "record": true, "call_time_limit": 3600}',
    b' {"a": [1, 2.5, -0.0, 1e16, 1e-7, null, false]} ',
    b'{"big": 123456789012345678901234567890, "f": 1.5}',
    b'{"big": 18446744073709551615}',
    # The float that sends a big integer to the standard library, deep inside containers.
    b'{"big": 123456789012345678901234567890, "a": [{"b": [true, {"c": 2.5}]}]}',
    b'[[123456789012345678901234567890], {"x": {"y": -1e-3}}]',
    b"1234567890123456789012.5",
    b"[1e400]",
    b'{"a": 1, "a": 2}',
    '{"name": "Zo\u00eb \U0001f600"}'.encode(),
    b'"\\u00e9\\ud83d\\ude00"',
    b"[" * 600 + b"]" * 600,
]
BROKEN = [
    b"{",
    b'{"a": 1,}',
    b"NaN",
    b"[Infinity]",
    b'"\\ud800"',
    b"\xff",
    b"\xef\xbb\xbf{}",
    b'"a\x01"',
    b"01",
    b"[1] x",
]


def standard(raw: bytes) -> Any:
    def reject(name: str) -> Any:
        raise ValueError(f"{name} is not JSON")

    parsed = json.loads(raw.decode("utf-8"), parse_constant=reject)
    json.dumps(parsed, ensure_ascii=False).encode("utf-8")
    return parsed


@pytest.mark.parametrize("raw", DOCUMENTS)
def test_reads_what_the_standard_library_reads(raw: bytes) -> None:
    ours = json_codec.loads(raw)
    assert ours == standard(raw)
    assert repr(ours) == repr(standard(raw))  # same types: ints stay ints


@pytest.mark.parametrize("raw", BROKEN)
def test_fails_as_the_standard_library_fails(raw: bytes) -> None:
    with pytest.raises((ValueError, UnicodeError)) as ours:
        json_codec.loads(raw)
    with pytest.raises((ValueError, UnicodeError)) as theirs:
        standard(raw)
    assert type(ours.value) is type(theirs.value)
    assert str(ours.value) == str(theirs.value)


@pytest.mark.parametrize("raw", [raw for raw in DOCUMENTS if raw != b'{"a": 1, "a": 2}'])
def test_the_request_body_reader_reads_what_the_standard_library_reads(raw: bytes) -> None:
    assert repr(json_codec.loads_unambiguous(raw)) == repr(standard(raw))


@pytest.mark.parametrize("raw", BROKEN)
def test_the_request_body_reader_fails_as_the_standard_library_fails(raw: bytes) -> None:
    with pytest.raises((ValueError, UnicodeError)) as ours:
        json_codec.loads_unambiguous(raw)
    with pytest.raises((ValueError, UnicodeError)) as theirs:
        standard(raw)
    assert type(ours.value) is type(theirs.value)
    assert str(ours.value) == str(theirs.value)


def test_the_request_body_reader_refuses_a_key_named_twice() -> None:
    with pytest.raises(json_codec.DuplicateKeyError, match="'a' appears twice"):
        json_codec.loads_unambiguous(b'{"b": {"a": 1, "a": 2}}')


@pytest.mark.parametrize(
    "value",
    [
        {"api_id": "x", "session": {"first_party": "12025551000", "record": True, "n": None}},
        {"name": "Zo\u00eb \U0001f600", "amount": 0.1, "whole": 100.0, "list": [1, -2, 3.25]},
        {"big": 2**70},
    ],
)
def test_renders_what_starlette_renders(value: Any) -> None:
    expected = json.dumps(
        value, ensure_ascii=False, allow_nan=False, indent=None, separators=(",", ":")
    ).encode("utf-8")
    assert json_codec.dumps(value) == expected
