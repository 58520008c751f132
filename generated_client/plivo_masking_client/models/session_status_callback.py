from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.session_status_callback_event_name import (
    SessionStatusCallbackEventName,
    check_session_status_callback_event_name,
)
from ..models.session_status_callback_pin_authentication_status import (
    SessionStatusCallbackPinAuthenticationStatus,
    check_session_status_callback_pin_authentication_status,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="SessionStatusCallback")


@_attrs_define
class SessionStatusCallback:
    """Attributes of a session event (names are case-sensitive)."""

    event_name: SessionStatusCallbackEventName
    """ What happened. `SessionVirtualNumberReplaced` is in the legacy docs only (the number
    was replaced by a temporary one); `SessionPartiesHangup` in the current docs only.
     """
    event_timestamp: str
    """ When the event happened. """
    session_uuid: str
    """ The session's `session_uuid`. """
    from_: str | Unset = UNSET
    """ The calling number. """
    to: str | Unset = UNSET
    """ The called number. """
    virtual_number: str | Unset = UNSET
    """ The session's virtual number. """
    pin_authentication_status: SessionStatusCallbackPinAuthenticationStatus | Unset = UNSET
    """ Outcome of a PIN check. """
    pin_retry_counter: int | Unset = UNSET
    """ PIN attempts so far. """
    amount: str | Unset = UNSET
    """ Charge of the call. """
    billed_duration: str | Unset = UNSET
    """ Billed seconds of the call. """
    duration: str | Unset = UNSET
    """ Seconds of the call. """
    plivo_hangup_cause: str | Unset = UNSET
    """ Why the call ended, in words. """
    plivo_hangup_cause_code: int | Unset = UNSET
    """ Why the call ended, as Plivo's hangup code. """
    sequence_number: str | Unset = UNSET
    """ Order of this event among the session's events. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        event_name: str = self.event_name

        event_timestamp = self.event_timestamp

        session_uuid = self.session_uuid

        from_ = self.from_

        to = self.to

        virtual_number = self.virtual_number

        pin_authentication_status: str | Unset = UNSET
        if not isinstance(self.pin_authentication_status, Unset):
            pin_authentication_status = self.pin_authentication_status

        pin_retry_counter = self.pin_retry_counter

        amount = self.amount

        billed_duration = self.billed_duration

        duration = self.duration

        plivo_hangup_cause = self.plivo_hangup_cause

        plivo_hangup_cause_code = self.plivo_hangup_cause_code

        sequence_number = self.sequence_number

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "EventName": event_name,
                "EventTimestamp": event_timestamp,
                "SessionUUID": session_uuid,
            }
        )
        if from_ is not UNSET:
            field_dict["From"] = from_
        if to is not UNSET:
            field_dict["To"] = to
        if virtual_number is not UNSET:
            field_dict["VirtualNumber"] = virtual_number
        if pin_authentication_status is not UNSET:
            field_dict["PinAuthenticationStatus"] = pin_authentication_status
        if pin_retry_counter is not UNSET:
            field_dict["PinRetryCounter"] = pin_retry_counter
        if amount is not UNSET:
            field_dict["Amount"] = amount
        if billed_duration is not UNSET:
            field_dict["BilledDuration"] = billed_duration
        if duration is not UNSET:
            field_dict["Duration"] = duration
        if plivo_hangup_cause is not UNSET:
            field_dict["PlivoHangupCause"] = plivo_hangup_cause
        if plivo_hangup_cause_code is not UNSET:
            field_dict["PlivoHangupCauseCode"] = plivo_hangup_cause_code
        if sequence_number is not UNSET:
            field_dict["SequenceNumber"] = sequence_number

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        event_name = check_session_status_callback_event_name(d.pop("EventName"))

        event_timestamp = d.pop("EventTimestamp")

        session_uuid = d.pop("SessionUUID")

        from_ = d.pop("From", UNSET)

        to = d.pop("To", UNSET)

        virtual_number = d.pop("VirtualNumber", UNSET)

        _pin_authentication_status = d.pop("PinAuthenticationStatus", UNSET)
        pin_authentication_status: SessionStatusCallbackPinAuthenticationStatus | Unset
        if isinstance(_pin_authentication_status, Unset):
            pin_authentication_status = UNSET
        else:
            pin_authentication_status = check_session_status_callback_pin_authentication_status(
                _pin_authentication_status
            )

        pin_retry_counter = d.pop("PinRetryCounter", UNSET)

        amount = d.pop("Amount", UNSET)

        billed_duration = d.pop("BilledDuration", UNSET)

        duration = d.pop("Duration", UNSET)

        plivo_hangup_cause = d.pop("PlivoHangupCause", UNSET)

        plivo_hangup_cause_code = d.pop("PlivoHangupCauseCode", UNSET)

        sequence_number = d.pop("SequenceNumber", UNSET)

        session_status_callback = cls(
            event_name=event_name,
            event_timestamp=event_timestamp,
            session_uuid=session_uuid,
            from_=from_,
            to=to,
            virtual_number=virtual_number,
            pin_authentication_status=pin_authentication_status,
            pin_retry_counter=pin_retry_counter,
            amount=amount,
            billed_duration=billed_duration,
            duration=duration,
            plivo_hangup_cause=plivo_hangup_cause,
            plivo_hangup_cause_code=plivo_hangup_cause_code,
            sequence_number=sequence_number,
        )

        session_status_callback.additional_properties = d
        return session_status_callback

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
