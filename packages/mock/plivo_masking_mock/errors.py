"""Plivo's error body, `{"api_id": ..., "error": ...}`, and the exception that carries it."""

from __future__ import annotations

import os
import threading
from typing import Any

INTERNAL_ERROR = "Internal server error."
SESSION_NOT_FOUND = "Session not found"
SESSION_ALREADY_EXPIRED = "Session already expired"
POOL_EXHAUSTED = "Number pool exhausted or not available"
AUTHENTICATION_FAILED = "Authentication credentials invalid"
FORBIDDEN = "Forbidden. The credentials do not give access to this account."
NOT_FOUND = "Not found"
METHOD_NOT_ALLOWED = "Method not allowed"


class ApiError(Exception):
    """An answer other than success: its HTTP status and Plivo's `error` message."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers or {}


class BadRequest(ApiError):
    """A 400: a parameter is missing or invalid, or the session's state forbids the operation."""

    def __init__(self, message: str) -> None:
        super().__init__(400, message)


def missing_parameter(name: str) -> BadRequest:
    return BadRequest(f"Mandatory parameter missing. {name} must be present.")


def invalid_parameter(name: str, what: str) -> BadRequest:
    """`Invalid parameter. <name> <what>.` with `what` like `is outside the allowed range`."""
    return BadRequest(f"Invalid parameter. {name} {what}.")


def new_api_id() -> str:
    """A random (version 4) UUID, as `str(uuid.uuid4())` gives, without building a UUID: 32 hex
    digits of OS randomness, with the version digit and the variant's two bits set."""
    h = _random_hex()
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{_VARIANT[h[16]]}{h[17:20]}-{h[20:32]}"


# The RFC 4122 variant: the top two bits of the 17th digit are 10 (8, 9, a or b).
_VARIANT = {digit: "89ab"[int(digit, 16) & 3] for digit in "0123456789abcdef"}

# Every answer carries an api_id: its random digits come from the OS (as uuid4's bytes do)
# 4 KiB at a time, not one system call per answer. A forked child draws its own (else it would
# repeat its parent's ids).
_DRAW = 16 * 256
_pool = ""
_used = 0
_pool_lock = threading.Lock()


def _random_hex() -> str:
    """32 random hex digits."""
    global _pool, _used  # noqa: PLW0603 - the pool is this module's one piece of state
    with _pool_lock:
        if _used >= len(_pool):
            _pool, _used = os.urandom(_DRAW).hex(), 0
        start = _used
        _used += 32
        return _pool[start : start + 32]


def _forget_pool() -> None:
    global _pool, _used
    _pool, _used = "", 0


os.register_at_fork(after_in_child=_forget_pool)


def error_body(message: str) -> dict[str, Any]:
    return {"api_id": new_api_id(), "error": message}
