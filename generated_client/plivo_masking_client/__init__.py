"""A client library for accessing Plivo Number Masking Sessions API"""

from . import errors
from ._base_client import RetryEvent
from ._resources import AsyncMaskingClient, MaskingClient
from .client import AuthenticatedClient, Client

__all__ = (
    "AsyncMaskingClient",
    "AuthenticatedClient",
    "Client",
    "MaskingClient",
    "RetryEvent",
    "errors",
)
