"""Calls played out by the mock: the rules (`plan`), the clock-driven player, the admin routes."""

from plivo_masking_mock.calls.player import CallPlayer
from plivo_masking_mock.calls.request import CallInputError, CallRequest, parse_call_request

__all__ = ["CallInputError", "CallPlayer", "CallRequest", "parse_call_request"]
