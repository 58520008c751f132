"""Contains some shared types for properties"""

from collections.abc import Mapping, MutableMapping
from http import HTTPStatus
from typing import IO, Any, BinaryIO, ClassVar, Generic, Literal, TypeVar

from attrs import define


class Unset:
    """The value of an optional field that is absent. There is one Unset object, UNSET: `Unset()`,
    copy.copy, copy.deepcopy and pickle all give UNSET itself, so `x is UNSET` holds for a copied
    or unpickled model too."""

    _instance: ClassVar["Unset | None"] = None

    def __new__(cls) -> "Unset":
        if Unset._instance is None:
            Unset._instance = super().__new__(cls)
        return Unset._instance

    def __bool__(self) -> Literal[False]:
        return False

    def __copy__(self) -> "Unset":
        return self

    def __deepcopy__(self, memo: dict[int, Any]) -> "Unset":
        return self

    def __reduce__(self) -> str:
        # A string: pickle stores a reference to this module's global UNSET and loads it back.
        return "UNSET"


UNSET: Unset = Unset()

# The types that `httpx.Client(files=)` can accept, copied from that library.
FileContent = IO[bytes] | bytes | str
FileTypes = (
    # (filename, file (or bytes), content_type)
    tuple[str | None, FileContent, str | None]
    # (filename, file (or bytes), content_type, headers)
    | tuple[str | None, FileContent, str | None, Mapping[str, str]]
)
RequestFiles = list[tuple[str, FileTypes]]


@define
class File:
    """Contains information for file uploads"""

    payload: BinaryIO
    file_name: str | None = None
    mime_type: str | None = None

    def to_tuple(self) -> FileTypes:
        """Return a tuple representation that httpx will accept for multipart/form-data"""
        return self.file_name, self.payload, self.mime_type


T = TypeVar("T")


@define
class Response(Generic[T]):
    """A response from an endpoint"""

    status_code: HTTPStatus
    content: bytes
    headers: MutableMapping[str, str]
    parsed: T | None


__all__ = ["UNSET", "File", "FileTypes", "RequestFiles", "Response", "Unset"]
