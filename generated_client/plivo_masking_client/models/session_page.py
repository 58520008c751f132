from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.list_meta import ListMeta
    from ..models.session_list_item import SessionListItem


T = TypeVar("T", bound="SessionPage")


# The keys of the properties of SessionPage: from_dict keeps every other key in
# additional_properties.
_KNOWN_KEYS = frozenset(
    {
        "meta",
        "objects",
    }
)


@_attrs_define
class SessionPage:
    """One page of sessions with its pagination."""

    meta: ListMeta
    """ Pagination of a list response. """
    objects: list[SessionListItem]
    """ The sessions of this page, newest first. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        meta = self.meta.to_dict()

        objects = []
        for objects_item_data in self.objects:
            objects_item = objects_item_data.to_dict()
            objects.append(objects_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "meta": meta,
                "objects": objects,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.list_meta import ListMeta  # noqa: PLC0415
        from ..models.session_list_item import SessionListItem  # noqa: PLC0415

        meta = ListMeta.from_dict(src_dict["meta"])

        objects = []
        _objects = src_dict["objects"]
        for objects_item_data in _objects:
            objects_item = SessionListItem.from_dict(objects_item_data)

            objects.append(objects_item)

        session_page = cls(
            meta,
            objects,
        )

        # A key that is no property's (src_dict has more keys than the properties read) is kept.
        if len(src_dict) != 2:
            session_page.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS
            }
        return session_page

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
