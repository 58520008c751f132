from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ListMeta")


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
        d = dict(src_dict)
        limit = d.pop("limit")

        offset = d.pop("offset")

        total_count = d.pop("total_count")

        next_ = _parse_next_(d.pop("next"))

        previous = _parse_previous(d.pop("previous"))

        list_meta = cls(
            limit=limit,
            offset=offset,
            total_count=total_count,
            next_=next_,
            previous=previous,
        )

        list_meta.additional_properties = d
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


def _parse_next_(data: object) -> None | str:
    if data is None:
        return data
    return cast(None | str, data)


def _parse_previous(data: object) -> None | str:
    if data is None:
        return data
    return cast(None | str, data)
