from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ErrorResponse")


# The keys of the properties of ErrorResponse: from_dict keeps every other key in
# additional_properties.
_KNOWN_KEYS = frozenset(
    {
        "api_id",
        "error",
    }
)


@_attrs_define
class ErrorResponse:
    """Plivo's error body, `{api_id, error}` in the docs. Neither key is required: the PHP SDK's
    401 test body has only `error`, and the Go SDK handles a 404 body `{}`. (Named
    `ErrorResponse`, not `Error`, which TypeScript and other target languages reserve.)

    """

    api_id: str | Unset = UNSET
    """ Identifier of this API request (a UUID), for Plivo support. """
    error: str | Unset = UNSET
    """ What went wrong, in words. Parameter errors follow the forms `Mandatory parameter
    missing. <name> must be present.` and `Invalid parameter. <name> <what is wrong>.`
     """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        api_id = self.api_id

        error = self.error

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if api_id is not UNSET:
            field_dict["api_id"] = api_id
        if error is not UNSET:
            field_dict["error"] = error

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        api_id = src_dict.get("api_id", UNSET)

        error = src_dict.get("error", UNSET)

        error_response = cls(
            api_id,
            error,
        )

        # A key that is no property's (src_dict has more keys than the properties read) is kept.
        if len(src_dict) != 2 - (
            api_id,
            error,
        ).count(UNSET):
            error_response.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS
            }
        return error_response

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
