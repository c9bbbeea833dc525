"""Contains some shared types for properties"""

from __future__ import annotations

import mimetypes
import os
from collections.abc import Mapping, MutableMapping
from datetime import datetime
from typing import IO, BinaryIO, Generic, Literal, TypeVar

from attrs import define


class Unset:
    def __bool__(self) -> Literal[False]:
        return False


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
FileSource = str | os.PathLike[str] | bytes | BinaryIO


@define
class File:
    """Contains information for file uploads"""

    payload: BinaryIO | bytes
    file_name: str | None = None
    mime_type: str | None = None

    def to_tuple(self) -> FileTypes:
        """Return a tuple representation that httpx will accept for multipart/form-data"""
        return self.file_name, self.payload, self.mime_type

    @classmethod
    def from_source(
        cls,
        source: FileSource,
        file_name: str | None = None,
        mime_type: str | None = None,
    ) -> File:
        """A File from a path, bytes or a binary file object.

        A path's size is checked against the limit before it is read; the name defaults to the
        path's (or the file object's) base name and the MIME type is guessed from the name.
        """
        from ._rules import check_file_size

        if isinstance(source, str | os.PathLike):
            check_file_size(os.stat(source).st_size)
            with open(source, "rb") as handle:
                payload: BinaryIO | bytes = handle.read()
            file_name = file_name or os.path.basename(os.fspath(source))
        elif isinstance(source, bytes | bytearray | memoryview):
            payload = bytes(source)
        elif hasattr(source, "read"):
            payload = source
            name = getattr(source, "name", None)
            if file_name is None and isinstance(name, str):
                file_name = os.path.basename(name)
        else:
            raise TypeError(
                f"file must be a path, bytes or a binary file object, not {type(source).__name__}"
            )
        file_name = file_name or "file"
        mime_type = (
            mime_type
            or mimetypes.guess_type(file_name)[0]
            or "application/octet-stream"
        )
        return cls(payload=payload, file_name=file_name, mime_type=mime_type)


T = TypeVar("T")


@define
class RateLimit:
    """The X-RateLimit-Resource-* headers of one answer (None where a header is missing)."""

    limit: int | None
    remaining: int | None
    reset_at: datetime | None


@define
class Response(Generic[T]):
    """A response from an endpoint: status as an int, headers, raw content and, for 2xx, the parsed body"""

    status_code: int
    content: bytes
    headers: MutableMapping[str, str]
    parsed: T | None

    @property
    def rate_limit(self) -> RateLimit:
        """The method's rate-limit window as this answer reports it."""
        from .errors import header_int, parse_reset_at

        return RateLimit(
            limit=header_int(self.headers, "X-RateLimit-Resource-Limit"),
            remaining=header_int(self.headers, "X-RateLimit-Resource-Remaining"),
            reset_at=parse_reset_at(self.headers),
        )


__all__ = [
    "UNSET",
    "File",
    "FileSource",
    "FileTypes",
    "RateLimit",
    "RequestFiles",
    "Response",
    "Unset",
]
