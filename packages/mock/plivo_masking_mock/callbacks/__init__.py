"""Callbacks of sessions, as Plivo sends them: signed, in the background, logged."""

from plivo_masking_mock.callbacks.dispatcher import Dispatcher
from plivo_masking_mock.callbacks.log import Attempt, Delivery, DeliveryLog
from plivo_masking_mock.callbacks.policy import DeliveryPolicy, DeliveryPolicyError
from plivo_masking_mock.callbacks.signature import NONCE_HEADER, SIGNATURE_HEADER
from plivo_masking_mock.callbacks.wire import build_delivery

__all__ = [
    "NONCE_HEADER",
    "SIGNATURE_HEADER",
    "Attempt",
    "Delivery",
    "DeliveryLog",
    "DeliveryPolicy",
    "DeliveryPolicyError",
    "Dispatcher",
    "build_delivery",
]
