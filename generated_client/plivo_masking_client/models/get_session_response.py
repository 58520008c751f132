from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.session import Session


T = TypeVar("T", bound="GetSessionResponse")


# The keys of the properties of GetSessionResponse: from_dict keeps every other key in
# additional_properties.
_KNOWN_KEYS = frozenset(
    {
        "api_id",
        "response",
    }
)


@_attrs_define
class GetSessionResponse:
    """A session, under `response`."""

    api_id: str
    """ Identifier of this API request. """
    response: Session
    """ A number masking session as the real API sends it. The 27 fields present in every recorded
    response are required. The PIN fields (2024) and the single-party fields (2024-09) are
    optional and nullable: they are absent from older responses and `null` when PIN
    authentication was not configured. Plivo added fields without notice before, so unknown
    fields are allowed and kept by generated clients.
     """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        api_id = self.api_id

        response = self.response.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "api_id": api_id,
                "response": response,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.session import Session  # noqa: PLC0415

        api_id = src_dict["api_id"]

        response = Session.from_dict(src_dict["response"])

        get_session_response = cls(
            api_id,
            response,
        )

        # A key that is no property's (src_dict has more keys than the properties read) is kept.
        if len(src_dict) != 2:
            get_session_response.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS
            }
        return get_session_response

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
