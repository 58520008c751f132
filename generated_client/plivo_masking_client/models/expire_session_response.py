from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ExpireSessionResponse")


# The keys of the properties of ExpireSessionResponse: from_dict keeps every other key in
# additional_properties.
_KNOWN_KEYS = frozenset(
    {
        "api_id",
        "message",
    }
)


@_attrs_define
class ExpireSessionResponse:
    """Confirmation that the session is now expired."""

    api_id: str
    """ Identifier of this API request. """
    message: str
    """ `Session expired` (docs) or `Session Deleted` (Python and Go SDK fixtures). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        api_id = self.api_id

        message = self.message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "api_id": api_id,
                "message": message,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        api_id = src_dict["api_id"]

        message = src_dict["message"]

        expire_session_response = cls(
            api_id,
            message,
        )

        # A key that is no property's (src_dict has more keys than the properties read) is kept.
        if len(src_dict) != 2:
            expire_session_response.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS
            }
        return expire_session_response

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
