"""Create's defaults, read from the spec: the `default:` of each CreateSessionRequest property,
and for the three integers whose documented and observed defaults differ, the profile's
`x-documented-default` or `x-observed-default`."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from plivo_masking_mock.spec import JSONDict, property_schemas, schema_keyword


class DefaultsError(ValueError):
    """A default override names no create parameter."""


def create_defaults(
    request_schema: JSONDict, profile: str, overrides: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """Parameter name -> default of a new session, for `profile` (`observed` or `documented`)."""
    properties = property_schemas(request_schema)
    profile_key = f"x-{profile}-default"
    defaults: dict[str, Any] = {}
    for name, schema in properties.items():
        if profile_key in schema:
            defaults[name] = schema[profile_key]
        else:
            value = schema_keyword(schema, "default")
            if value is not None:
                defaults[name] = value
    for name, value in (overrides or {}).items():
        if name not in properties:
            raise DefaultsError(
                f"[defaults] {name!r} is not a create parameter; allowed: "
                + ", ".join(sorted(properties))
            )
        defaults[name] = value
    return defaults


def profile_defaults(request_schema: JSONDict) -> dict[str, dict[str, Any]]:
    """For each parameter with profile defaults: {"documented": ..., "observed": ...}."""
    found: dict[str, dict[str, Any]] = {}
    for name, schema in property_schemas(request_schema).items():
        values = {
            key.removeprefix("x-").removesuffix("-default"): value
            for key, value in schema.items()
            if key.startswith("x-") and key.endswith("-default")
        }
        if values:
            found[name] = values
    return found
