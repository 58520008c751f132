"""Request headers read straight from an ASGI scope, for the paths every request takes."""

from __future__ import annotations

from starlette.types import Scope


def header(scope: Scope, name: bytes) -> str | None:
    """The first value of a request header, as Starlette's `Headers.get` gives it (ASGI header
    names are lowercase, so `name` is too), without building a `Headers`."""
    for key, value in scope["headers"]:
        if key == name:
            return str(value.decode("latin-1"))
    return None
