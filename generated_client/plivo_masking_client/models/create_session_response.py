from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.session import Session


T = TypeVar("T", bound="CreateSessionResponse")


# The keys of the properties of CreateSessionResponse: from_dict keeps every other key in
# additional_properties.
_KNOWN_KEYS = frozenset(
    {
        "api_id",
        "session_uuid",
        "virtual_number",
        "message",
        "session",
    }
)


@_attrs_define
class CreateSessionResponse:
    """The created session. `session_uuid` repeats `session.session_uuid` (they differ only in the
    Go SDK's hand-edited fixture), and `virtual_number` repeats `session.virtual_number` with
    a leading `+`.

    """

    api_id: str
    """ Identifier of this API request. """
    session_uuid: str
    """ The new session's identifier. """
    virtual_number: str
    """ The allocated virtual number, in E.164 with `+`. """
    message: str
    """ `Session created`. """
    session: Session
    """ A number masking session as the real API sends it. The 27 fields present in every recorded
    response are required. The PIN fields (2024) and the single-party fields (2024-09) are
    optional and nullable: they are absent from older responses and `null` when PIN
    authentication was not configured. Plivo added fields without notice before, so unknown
    fields are allowed and kept by generated clients.
     """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        api_id = self.api_id

        session_uuid = self.session_uuid

        virtual_number = self.virtual_number

        message = self.message

        session = self.session.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "api_id": api_id,
                "session_uuid": session_uuid,
                "virtual_number": virtual_number,
                "message": message,
                "session": session,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.session import Session  # noqa: PLC0415

        api_id = src_dict["api_id"]

        session_uuid = src_dict["session_uuid"]

        virtual_number = src_dict["virtual_number"]

        message = src_dict["message"]

        session = Session.from_dict(src_dict["session"])

        create_session_response = cls(
            api_id,
            session_uuid,
            virtual_number,
            message,
            session,
        )

        # A key that is no property's (src_dict has more keys than the properties read) is kept.
        if len(src_dict) != 5:
            create_session_response.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS
            }
        return create_session_response

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
