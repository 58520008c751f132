from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Interaction")


# The keys of the properties of Interaction: from_dict keeps every other key in
# additional_properties.
_KNOWN_KEYS = frozenset(
    {
        "type",
        "start_time",
        "end_time",
        "first_party_resource_url",
        "second_party_resource_url",
        "recording_resource_url",
        "first_party_status",
        "second_party_status",
        "duration",
        "call_billed_duration",
        "total_call_count",
        "total_call_amount",
        "auth_id",
    }
)


@_attrs_define
class Interaction:
    """One interaction (a call) of a session. The docs list only the three `*_resource_url`
    fields; recorded responses (Java SDK fixtures, the Node SDK's mock) carry more, and the Go
    SDK decodes more still. Every field is optional, and unknown fields are kept.

    """

    type_: str | Unset = UNSET
    """ The kind of interaction; `call` in every sample. """
    start_time: str | Unset = UNSET
    """ A time as the real API prints it: Go's `time.Time.String()` layout, not RFC 3339.
    `2024-02-01 06:28:15 +0000 UTC`, optionally with a fraction of 1 to 9 digits
    (`2023-07-12 15:52:14.772699 +0000 UTC`), and on some write paths with the offset
    repeated instead of the zone name (`2023-07-06 10:53:32.814078 +0000 +0000`). The docs
    call it "(yyyy-mm-dd, hh-mm-ss)"; this pattern matches every recorded sample.
     """
    end_time: str | Unset = UNSET
    """ A time as the real API prints it: Go's `time.Time.String()` layout, not RFC 3339.
    `2024-02-01 06:28:15 +0000 UTC`, optionally with a fraction of 1 to 9 digits
    (`2023-07-12 15:52:14.772699 +0000 UTC`), and on some write paths with the offset
    repeated instead of the zone name (`2023-07-06 10:53:32.814078 +0000 +0000`). The docs
    call it "(yyyy-mm-dd, hh-mm-ss)"; this pattern matches every recorded sample.
     """
    first_party_resource_url: None | str | Unset = UNSET
    """ The Call resource of the first party's leg; null if that leg was not initiated. """
    second_party_resource_url: None | str | Unset = UNSET
    """ The Call resource of the second party's leg; null if that leg was not initiated. """
    recording_resource_url: None | str | Unset = UNSET
    """ The Recording resource; null if a participant did not answer. """
    first_party_status: str | Unset = UNSET
    """ Status of the first party's leg (Go SDK field). """
    second_party_status: str | Unset = UNSET
    """ Status of the second party's leg (Go SDK field). """
    duration: float | Unset = UNSET
    """ Duration of the interaction in seconds. """
    call_billed_duration: int | Unset = UNSET
    """ Billed duration in seconds. """
    total_call_count: int | Unset = UNSET
    """ Number of call legs in the interaction. """
    total_call_amount: float | Unset = UNSET
    """ Charge of the interaction's calls (a JSON number; the docs say string). """
    auth_id: str | Unset = UNSET
    """ The account's Auth ID (Go SDK field). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        start_time = self.start_time

        end_time = self.end_time

        first_party_resource_url: None | str | Unset
        if isinstance(self.first_party_resource_url, Unset):
            first_party_resource_url = UNSET
        else:
            first_party_resource_url = self.first_party_resource_url

        second_party_resource_url: None | str | Unset
        if isinstance(self.second_party_resource_url, Unset):
            second_party_resource_url = UNSET
        else:
            second_party_resource_url = self.second_party_resource_url

        recording_resource_url: None | str | Unset
        if isinstance(self.recording_resource_url, Unset):
            recording_resource_url = UNSET
        else:
            recording_resource_url = self.recording_resource_url

        first_party_status = self.first_party_status

        second_party_status = self.second_party_status

        duration = self.duration

        call_billed_duration = self.call_billed_duration

        total_call_count = self.total_call_count

        total_call_amount = self.total_call_amount

        auth_id = self.auth_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if type_ is not UNSET:
            field_dict["type"] = type_
        if start_time is not UNSET:
            field_dict["start_time"] = start_time
        if end_time is not UNSET:
            field_dict["end_time"] = end_time
        if first_party_resource_url is not UNSET:
            field_dict["first_party_resource_url"] = first_party_resource_url
        if second_party_resource_url is not UNSET:
            field_dict["second_party_resource_url"] = second_party_resource_url
        if recording_resource_url is not UNSET:
            field_dict["recording_resource_url"] = recording_resource_url
        if first_party_status is not UNSET:
            field_dict["first_party_status"] = first_party_status
        if second_party_status is not UNSET:
            field_dict["second_party_status"] = second_party_status
        if duration is not UNSET:
            field_dict["duration"] = duration
        if call_billed_duration is not UNSET:
            field_dict["call_billed_duration"] = call_billed_duration
        if total_call_count is not UNSET:
            field_dict["total_call_count"] = total_call_count
        if total_call_amount is not UNSET:
            field_dict["total_call_amount"] = total_call_amount
        if auth_id is not UNSET:
            field_dict["auth_id"] = auth_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        type_ = src_dict.get("type", UNSET)

        start_time = src_dict.get("start_time", UNSET)

        end_time = src_dict.get("end_time", UNSET)

        first_party_resource_url = src_dict.get("first_party_resource_url", UNSET)

        second_party_resource_url = src_dict.get("second_party_resource_url", UNSET)

        recording_resource_url = src_dict.get("recording_resource_url", UNSET)

        first_party_status = src_dict.get("first_party_status", UNSET)

        second_party_status = src_dict.get("second_party_status", UNSET)

        duration = src_dict.get("duration", UNSET)

        call_billed_duration = src_dict.get("call_billed_duration", UNSET)

        total_call_count = src_dict.get("total_call_count", UNSET)

        total_call_amount = src_dict.get("total_call_amount", UNSET)

        auth_id = src_dict.get("auth_id", UNSET)

        interaction = cls(
            type_,
            start_time,
            end_time,
            first_party_resource_url,
            second_party_resource_url,
            recording_resource_url,
            first_party_status,
            second_party_status,
            duration,
            call_billed_duration,
            total_call_count,
            total_call_amount,
            auth_id,
        )

        # A key that is no property's (src_dict has more keys than the properties read) is kept.
        if len(src_dict) != 13 - (
            type_,
            start_time,
            end_time,
            first_party_resource_url,
            second_party_resource_url,
            recording_resource_url,
            first_party_status,
            second_party_status,
            duration,
            call_billed_duration,
            total_call_count,
            total_call_amount,
            auth_id,
        ).count(UNSET):
            interaction.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS
            }
        return interaction

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
