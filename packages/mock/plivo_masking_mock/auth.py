"""HTTP Basic authentication against the configured accounts."""

from __future__ import annotations

import base64
import binascii
import hmac
from collections.abc import Iterable

from plivo_masking_mock.config import Account

CHALLENGE = {"WWW-Authenticate": 'Basic realm="plivo-masking-mock"'}


def basic_credentials(header: str | None) -> tuple[str, str] | None:
    """(user, password) of an `Authorization: Basic ...` header, or None."""
    if not header:
        return None
    scheme, _, encoded = header.strip().partition(" ")
    if scheme.lower() != "basic" or not encoded:
        return None
    try:
        decoded = base64.b64decode(encoded.strip(), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        return None
    user, separator, password = decoded.partition(":")
    if not separator:
        return None
    return user, password


def authenticate(header: str | None, accounts: Iterable[Account]) -> Account | None:
    """The account whose Auth ID and Auth Token the header carries, or None."""
    credentials = basic_credentials(header)
    if credentials is None:
        return None
    user, password = credentials
    for account in accounts:
        if account.auth_id == user and hmac.compare_digest(
            account.auth_token.encode("utf-8"), password.encode("utf-8")
        ):
            return account
    return None
