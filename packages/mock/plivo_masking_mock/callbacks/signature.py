"""Plivo's V3 request signature (`X-Plivo-Signature-V3`, `X-Plivo-Signature-V3-Nonce`).

As Plivo signs its voice callbacks, and as the official SDKs check them
(`plivo.utils.signature_v3.validate_v3_signature` in the Python SDK): HMAC-SHA256 with the
account's auth token over `<url>.<nonce>`, base64-encoded, where `<url>` is

- GET: the URL without its query, then `?` and every query parameter (the URL's own and the
  event's) as `key=value`, sorted by key, joined by `&`, not percent-encoded;
- POST: the URL with its own query sorted the same way (`?` alone when it has none), a `.` after
  a non-empty query, then every body parameter as `keyvalue`, sorted by key, concatenated.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from collections.abc import Mapping
from urllib.parse import parse_qs, urlsplit, urlunsplit

SIGNATURE_HEADER = "X-Plivo-Signature-V3"
NONCE_HEADER = "X-Plivo-Signature-V3-Nonce"


def new_nonce() -> str:
    """A fresh nonce: 20 random digits, like the nonces Plivo sends."""
    return "".join(secrets.choice("0123456789") for _ in range(20))


def signed_url(method: str, url: str, params: Mapping[str, str]) -> str:
    """The string Plivo signs (before `.<nonce>`) for a request of `method` to `url`."""
    parts = urlsplit(url)
    base = urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))
    own_query = {key: sorted(values) for key, values in parse_qs(parts.query, True).items()}
    if method.upper() == "GET":
        merged: dict[str, list[str]] = {key: [value] for key, value in params.items()}
        merged.update(own_query)
        query = _sorted_query(merged)
        return f"{base}?{query}" if query else base
    query = _sorted_query(own_query)
    if not params:
        return f"{base}?{query}" if query else base
    signed = f"{base}?{query}"
    if query:
        signed += "."
    return signed + "".join(f"{key}{params[key]}" for key in sorted(params))


def signature(auth_token: str, method: str, url: str, params: Mapping[str, str], nonce: str) -> str:
    message = f"{signed_url(method, url, params)}.{nonce}".encode()
    digest = hmac.new(auth_token.encode(), message, hashlib.sha256).digest()
    return base64.b64encode(digest).decode("ascii")


def signature_headers(
    auth_token: str, method: str, url: str, params: Mapping[str, str], nonce: str | None = None
) -> dict[str, str]:
    nonce = nonce or new_nonce()
    return {
        SIGNATURE_HEADER: signature(auth_token, method, url, params, nonce),
        NONCE_HEADER: nonce,
    }


def _sorted_query(params: Mapping[str, list[str]]) -> str:
    return "&".join(
        "&".join(f"{key}={value}" for value in sorted(params[key])) for key in sorted(params)
    )
