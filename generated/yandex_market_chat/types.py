"""Shared types of the generated models and operations: Unset, File, Response.

Replaces the generator's stock types.py (same names, which the generated models import):
`Response.status_code` is a plain int (the stock `HTTPStatus(420)` raises ValueError on the API's
own rate-limit answer), `File.from_source` builds a File from a path, bytes or a binary file (what
it reads and refuses is _files.py's), and `Response.rate_limit` reads the X-RateLimit-Resource-*
headers.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Coroutine, Mapping, MutableMapping
from datetime import datetime
from typing import IO, BinaryIO, Generic, Literal, ParamSpec, TypedDict, TypeVar

from . import _files, _headers


class Unset:
    """The type of UNSET: an argument or field that was not given (and is not sent)."""

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
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
FileSource = _files.FileSource
"""What a file argument takes: a path, bytes (or a bytearray, a memoryview) or a binary file object."""


class _Plain:
    """A small value class: keyword or positional fields (__slots__), repr and equality by
    them. (Not attrs: importing attrs would double the package's import time; the generated
    models import it when they are first used. Not dataclasses either: httpx does not import that
    module, and it with three dataclasses made `import yandex_market_chat` ~3 ms slower.)"""

    __slots__: tuple[str, ...] = ()

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
        return f"{type(self).__name__}({fields})"

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return all(getattr(self, name) == getattr(other, name) for name in self.__slots__)

    __hash__ = None  # type: ignore[assignment]  # (mutable, as the attrs classes it replaces)


class File(_Plain):
    """A file to upload: its content, and the name and MIME type sent with it."""

    __slots__ = ("file_name", "mime_type", "payload")

    def __init__(
        self, payload: BinaryIO | bytes, file_name: str | None = None, mime_type: str | None = None
    ) -> None:
        self.payload = payload
        self.file_name = file_name
        self.mime_type = mime_type

    def to_tuple(self) -> FileTypes:
        """The (name, content, MIME type) tuple httpx takes for multipart/form-data."""
        return self.file_name, self.payload, self.mime_type

    @classmethod
    def from_source(
        cls,
        source: FileSource,
        file_name: str | None = None,
        mime_type: str | None = None,
        *,
        max_bytes: int | None = None,
        argument: str = "file",
    ) -> File:
        """A File from a path, bytes or a binary file object.

        A path larger than `max_bytes` is refused before it is read, and with `max_bytes` a path or
        a seekable file object is read then and there (its bytes are sent), never more than one
        byte past the limit: a file larger than it said (procfs, FUSE, still growing) is refused.
        Bytes are sized before they are copied. Also refused: a path that is missing or
        not a regular file, a file object opened in text mode, and a name or MIME type that could
        break the multipart headers (InvalidRequestError naming the argument: `argument`, the name
        the caller gave the file, `file` when it is this method's). The name defaults to the
        path's (or the file object's) base name and the MIME type is guessed from the name; bytes,
        or a file object without a name, need `file_name` (the buyer sees it).
        """
        payload, file_name, mime_type = _files.file_parts(source, file_name, mime_type, max_bytes, argument)
        return cls(payload=payload, file_name=file_name, mime_type=mime_type)


T = TypeVar("T")
P = ParamSpec("P")


class RateLimit(_Plain):
    """The X-RateLimit-Resource-* headers of one answer (None where a header is missing)."""

    __slots__ = ("limit", "remaining", "reset_at")

    def __init__(self, limit: int | None, remaining: int | None, reset_at: datetime | None) -> None:
        self.limit = limit
        self.remaining = remaining
        self.reset_at = reset_at


class Response(_Plain, Generic[T]):
    """An answer: the status as an int, headers, raw content and the parsed body (the model the
    spec documents for the status; for a 2xx always)."""

    __slots__ = ("content", "headers", "parsed", "status_code")

    def __init__(
        self, status_code: int, content: bytes, headers: MutableMapping[str, str], parsed: T | None
    ) -> None:
        self.status_code = status_code
        self.content = content
        self.headers = headers
        self.parsed = parsed

    @property
    def rate_limit(self) -> RateLimit:
        """The method's rate-limit window as this answer reports it."""
        return RateLimit(
            limit=_headers.header_int(self.headers, _headers.LIMIT),
            remaining=_headers.header_int(self.headers, _headers.REMAINING),
            reset_at=_headers.reset_at(self.headers),
        )


class MethodLimits(TypedDict):
    """One method's window for one business, as the service last reported it (None: not yet)."""

    limit: int | None
    """X-RateLimit-Resource-Limit: requests in the window."""
    remaining: int | None
    """X-RateLimit-Resource-Remaining: requests left in it."""
    reset_at: datetime | None
    """X-RateLimit-Resource-Until: when it resets (aware, UTC)."""
    in_flight: int
    """This client's requests of the method in flight now."""


class BusinessLimits(TypedDict):
    """One business: its requests in flight and its methods' windows (by operationId)."""

    in_flight: int
    operations: dict[str, MethodLimits]


class BudgetLimits(TypedDict):
    """The HourlyBudget the limiter draws on: its limit (None: each method's documented hourly
    limit), period in seconds and store ("memory", "sqlite", "redis")."""

    limit: int | None
    period: float
    store: str


class RateLimits(TypedDict):
    """`client.rate_limits`: what the client knows of the limits, per business (the business id;
    None for an operation without one) and method."""

    max_in_flight: int
    budget: BudgetLimits | None
    businesses: dict[object, BusinessLimits]


__all__ = [
    "UNSET",
    "BudgetLimits",
    "BusinessLimits",
    "File",
    "FileSource",
    "FileTypes",
    "MethodLimits",
    "RateLimit",
    "RateLimits",
    "RequestFiles",
    "Response",
    "Unset",
]


def _off_the_loop(read: Callable[P, File]) -> Callable[P, Coroutine[None, None, File]]:
    """`read` for a coroutine, with the very same arguments: a path or a file object (the first
    argument) is sized and read in a thread, bytes at once."""

    @functools.wraps(read)
    async def reading(*args: P.args, **kwargs: P.kwargs) -> File:
        if isinstance(args[0] if args else kwargs.get("source"), bytes | bytearray | memoryview):
            return read(*args, **kwargs)
        import asyncio  # here, not at the top: sync-only users do not pay for importing it

        return await asyncio.to_thread(read, *args, **kwargs)

    reading.__doc__ = (
        "File.from_source without blocking the event loop (a path or a file is read in a thread)."
    )
    return reading


afile = _off_the_loop(File.from_source)
"""File.from_source without blocking the event loop: a path or a file object is sized and read in
a thread."""
