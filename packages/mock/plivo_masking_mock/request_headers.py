"""Request headers read straight from an ASGI scope, for the paths every request takes."""

from __future__ import annotations

from starlette.types import Scope

# Where `header` keeps the request's headers by name, in the scope (an ASGI extension key).
_BY_NAME = "plivo_masking_mock.headers"


def header(scope: Scope, name: bytes) -> str | None:
    """The first value of a request header, as Starlette's `Headers.get` gives it (ASGI header
    names are lowercase, so `name` is too), without building a `Headers`: the header list is
    read once per request, by name."""
    by_name = scope.get(_BY_NAME)
    if by_name is None:
        # Reversed, so that the first of a repeated header is the one kept.
        by_name = scope[_BY_NAME] = dict(reversed(list(scope["headers"])))
    value = by_name.get(name)
    return None if value is None else str(value.decode("latin-1"))
