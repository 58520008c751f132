"""Planted faults: switches that make the mock break the contract on purpose.

The contract suite proves it can catch a broken server by running against the mock with one of
these switched on (`--fault NAME` or `POST /__mock__/faults`). One fault at a time.
"""

from __future__ import annotations

import threading

FAULTS: dict[str, str] = {
    "missing_required_field": "Session responses lack the required field `duration`.",
    "server_error_on_bad_input": "A request that deserves a 400 gets a 500 instead.",
    "ignore_auth": "Operations answer without checking the credentials.",
    "update_after_expire": "An expired session can still be updated (200).",
    "undocumented_status": "A successful update answers 409, a status the spec does not list.",
}


class UnknownFault(ValueError):
    pass


class Faults:
    def __init__(self, active: str | None = None) -> None:
        self._lock = threading.Lock()
        self._active: str | None = None
        if active is not None:
            self.set(active)

    @property
    def active(self) -> str | None:
        return self._active  # one reference, read whole: asked on every request, no lock

    def set(self, name: str) -> None:
        if name not in FAULTS:
            raise UnknownFault(f"unknown fault {name!r}; known: {', '.join(FAULTS)}")
        with self._lock:
            self._active = name

    def clear(self) -> None:
        with self._lock:
            self._active = None

    def __contains__(self, name: object) -> bool:
        return self.active == name
