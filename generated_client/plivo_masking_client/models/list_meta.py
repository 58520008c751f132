from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ListMeta")


# The keys of the properties of ListMeta: from_dict keeps every other key in
# additional_properties.
_KNOWN_KEYS = frozenset(
    {
        "limit",
        "offset",
        "total_count",
        "next",
        "previous",
    }
)


@_attrs_define
class ListMeta:
    """Pagination of a list response."""

    limit: int
    """ The page size used. """
    offset: int
    """ The offset used. """
    total_count: int
    """ How many sessions match the filters in all. """
    next_: None | str
    """ Path and query of the next page, or null on the last page. Null in every recorded
    response; Plivo's other list APIs give a relative URL, and so does this spec.
     """
    previous: None | str
    """ Path and query of the previous page, or null on the first page. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        limit = self.limit

        offset = self.offset

        total_count = self.total_count

        next_: None | str
        next_ = self.next_

        previous: None | str
        previous = self.previous

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "limit": limit,
                "offset": offset,
                "total_count": total_count,
                "next": next_,
                "previous": previous,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        limit = src_dict["limit"]

        offset = src_dict["offset"]

        total_count = src_dict["total_count"]

        next_ = src_dict["next"]

        previous = src_dict["previous"]

        list_meta = cls(
            limit,
            offset,
            total_count,
            next_,
            previous,
        )

        # A key that is no property's (src_dict has more keys than the properties read) is kept.
        if len(src_dict) != 5:
            list_meta.additional_properties = {key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS}
        return list_meta

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
