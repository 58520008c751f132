from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.recording_callback_event_name import RecordingCallbackEventName, check_recording_callback_event_name
from ..types import UNSET, Unset

T = TypeVar("T", bound="RecordingCallback")


@_attrs_define
class RecordingCallback:
    """Attributes of a recording event (names are case-sensitive)."""

    event_name: RecordingCallbackEventName
    """ What happened to the recording. """
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
    recording_uuid: str | Unset = UNSET
    """ Identifier of the recording. """
    recording_url: str | Unset = UNSET
    """ Where the recording file can be downloaded. """
    recording_resource_url: str | Unset = UNSET
    """ The Recording resource in Plivo's API. """
    recording_duration: str | Unset = UNSET
    """ Length of the recording in seconds. """
    recording_start_time: str | Unset = UNSET
    """ When recording started. """
    recording_end_time: str | Unset = UNSET
    """ When recording ended. """
    recording_format: str | Unset = UNSET
    """ `.mp3` or `.wav`. """
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

        recording_uuid = self.recording_uuid

        recording_url = self.recording_url

        recording_resource_url = self.recording_resource_url

        recording_duration = self.recording_duration

        recording_start_time = self.recording_start_time

        recording_end_time = self.recording_end_time

        recording_format = self.recording_format

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
        if recording_uuid is not UNSET:
            field_dict["RecordingUUID"] = recording_uuid
        if recording_url is not UNSET:
            field_dict["RecordingURL"] = recording_url
        if recording_resource_url is not UNSET:
            field_dict["RecordingResourceURL"] = recording_resource_url
        if recording_duration is not UNSET:
            field_dict["RecordingDuration"] = recording_duration
        if recording_start_time is not UNSET:
            field_dict["RecordingStartTime"] = recording_start_time
        if recording_end_time is not UNSET:
            field_dict["RecordingEndTime"] = recording_end_time
        if recording_format is not UNSET:
            field_dict["RecordingFormat"] = recording_format
        if sequence_number is not UNSET:
            field_dict["SequenceNumber"] = sequence_number

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        event_name = check_recording_callback_event_name(d.pop("EventName"))

        event_timestamp = d.pop("EventTimestamp")

        session_uuid = d.pop("SessionUUID")

        from_ = d.pop("From", UNSET)

        to = d.pop("To", UNSET)

        virtual_number = d.pop("VirtualNumber", UNSET)

        recording_uuid = d.pop("RecordingUUID", UNSET)

        recording_url = d.pop("RecordingURL", UNSET)

        recording_resource_url = d.pop("RecordingResourceURL", UNSET)

        recording_duration = d.pop("RecordingDuration", UNSET)

        recording_start_time = d.pop("RecordingStartTime", UNSET)

        recording_end_time = d.pop("RecordingEndTime", UNSET)

        recording_format = d.pop("RecordingFormat", UNSET)

        sequence_number = d.pop("SequenceNumber", UNSET)

        recording_callback = cls(
            event_name=event_name,
            event_timestamp=event_timestamp,
            session_uuid=session_uuid,
            from_=from_,
            to=to,
            virtual_number=virtual_number,
            recording_uuid=recording_uuid,
            recording_url=recording_url,
            recording_resource_url=recording_resource_url,
            recording_duration=recording_duration,
            recording_start_time=recording_start_time,
            recording_end_time=recording_end_time,
            recording_format=recording_format,
            sequence_number=sequence_number,
        )

        recording_callback.additional_properties = d
        return recording_callback

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
