"""Files to upload, checked before anything is sent: a path is sized before it is read, a file
object must be open, binary and seekable (so it can be sized and sent again on a retry), and a file
name or MIME type cannot break the headers of its multipart part.

Shared by `types.File.from_source` (whose reading of a path, bytes or a file object is here:
`file_parts`) and the request checks of `_request`; it imports neither.
"""

from __future__ import annotations

import contextlib
import io
import mimetypes
import os
import re
import stat
from typing import BinaryIO

from .errors import InvalidRequestError

FileSource = str | os.PathLike[str] | bytes | bytearray | memoryview | BinaryIO
"""What a file argument takes (types.FileSource): a path, bytes or a binary file object."""

NO_FILE_NAME = (
    "is required when the file is bytes or a file object without a name: the buyer sees it "
    "(file_name='receipt.pdf'; the MIME type is guessed from it)"
)
"""Why a file without a name is refused: it would reach the buyer as a file called "file"."""


def payload_size(payload: object) -> int | None:
    """Bytes httpx will send from bytes or a seekable binary file (it rewinds a file to its start),
    found without reading it; None if unknown (a stream, a file whose end cannot be found, such as
    one under /proc). A memoryview counts its bytes (`nbytes`), not its items, and is not copied."""
    if isinstance(payload, memoryview):
        return payload.nbytes
    if isinstance(payload, bytes | bytearray):
        return len(payload)
    try:
        seekable = getattr(payload, "seekable", None)
        if callable(seekable) and seekable():
            position: int = payload.tell()  # type: ignore[attr-defined]
            end: int = payload.seek(0, os.SEEK_END)  # type: ignore[attr-defined]
            payload.seek(position)  # type: ignore[attr-defined]
            return end
    except (OSError, ValueError):
        return None
    return None


def read_bounded(handle: BinaryIO, where: str, max_bytes: int | None) -> bytes:
    """At most `max_bytes` bytes from a binary file, from its start when it is seekable (as httpx
    would send it), reading one byte past the limit and no more: a file that is larger than it
    said (procfs, FUSE, a file still growing) is refused, never read whole."""
    try:
        if handle.seekable():
            handle.seek(0)
        data = handle.read() if max_bytes is None else handle.read(max_bytes + 1)
    except (OSError, ValueError) as exc:
        raise InvalidRequestError(where, f"cannot be read: {exc}") from None
    if not isinstance(data, bytes):
        raise InvalidRequestError(where, "must be opened in binary mode ('rb')")
    if max_bytes is not None and len(data) > max_bytes:
        raise InvalidRequestError(where, f"must be at most {max_bytes} bytes, got more")
    return data


_TOKEN = r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+"
_MIME_TYPE = re.compile(rf'{_TOKEN}/{_TOKEN}(?:[ \t]*;[ \t]*{_TOKEN}=(?:{_TOKEN}|"[^"\\\x00-\x1f\x7f]*"))*')
"""type/subtype with optional parameters (RFC 9110): nothing that could end the header line."""
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def check_file_names(file_name: object, mime_type: object) -> None:
    """Refuse a file name or MIME type that could break the headers of its multipart part: a CR or
    LF would start a header of its own (a second Content-Disposition). A file name may hold quotes
    and backslashes (httpx escapes them); it may not hold control characters or half a character."""
    if file_name is not None:
        if not isinstance(file_name, str):
            raise InvalidRequestError("file_name", f"must be a str, not {type(file_name).__name__}")
        if _CONTROL.search(file_name):
            raise InvalidRequestError(
                "file_name", "must not contain control characters (CR, LF, tab, NUL ...)"
            )
        if not file_name.isascii() and not _encodable(file_name):
            raise InvalidRequestError(
                "file_name", "holds a lone surrogate (half a character): it cannot be sent"
            )
    if mime_type is not None:
        if not isinstance(mime_type, str):
            raise InvalidRequestError("mime_type", f"must be a str, not {type(mime_type).__name__}")
        if not _MIME_TYPE.fullmatch(mime_type):
            raise InvalidRequestError(
                "mime_type",
                "must be a MIME type such as application/pdf (type/subtype, optional ;parameters)",
            )


def check_readable(payload: object, where: str) -> None:
    """Refuse a file object that is closed or opened in text mode: httpx would fail on it only
    while sending."""
    if getattr(payload, "closed", False) is True:
        raise InvalidRequestError(where, "is closed: pass an open file (or its path, or bytes)")
    if isinstance(payload, io.TextIOBase):
        raise InvalidRequestError(where, "must be opened in binary mode ('rb'), not text mode")


def read_path(path: str | os.PathLike[str], where: str, max_bytes: int | None) -> bytes:
    """The bytes of a regular file, sized before it is opened and read no further than `max_bytes`
    plus one; InvalidRequestError naming `where` for a path that is missing, not a regular file (a
    directory, a FIFO), too large or unreadable. The file opened is checked again (a FIFO put in
    its place after the check is not waited on)."""
    shown = os.fspath(path)
    try:
        info = os.stat(path)
        _check_regular(info, where, shown)
        if max_bytes is not None:
            check_file_size(info.st_size, where, max_bytes=max_bytes)
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with open(descriptor, "rb") as handle:
            _check_regular(os.fstat(descriptor), where, shown)
            if max_bytes is None:
                return handle.read()
            return read_bounded(handle, where, max_bytes)
    except FileNotFoundError:
        raise InvalidRequestError(where, f"names no file: {shown!r} does not exist") from None
    except OSError as exc:
        raise InvalidRequestError(where, f"cannot be read: {shown!r}: {exc.strerror}") from None


def _check_regular(info: os.stat_result, where: str, shown: str) -> None:
    if not stat.S_ISREG(info.st_mode):
        kind = "a directory" if stat.S_ISDIR(info.st_mode) else "not a regular file"
        raise InvalidRequestError(where, f"must be a regular file: {shown!r} is {kind}")


def check_file_size(size: int | None, where: str, min_bytes: int = 0, max_bytes: int | None = None) -> None:
    """Refuse a file that cannot be sized, or is outside [min_bytes, max_bytes]."""
    if size is None:
        raise InvalidRequestError(
            where,
            "must be bytes, a path or a seekable binary file whose end can be found: a stream cannot "
            "be sized or re-sent",
        )
    if size < min_bytes:
        raise InvalidRequestError(
            where,
            "must not be empty" if min_bytes == 1 else f"must be at least {min_bytes} bytes, got {size}",
        )
    if max_bytes is not None and size > max_bytes:
        raise InvalidRequestError(where, f"must be at most {max_bytes} bytes, got {size}")


def file_parts(
    source: FileSource, file_name: str | None, mime_type: str | None, max_bytes: int | None, argument: str
) -> tuple[BinaryIO | bytes, str, str]:
    """(payload, file name, MIME type) of `types.File.from_source(source, ...)`, which says what is
    read and what is refused (InvalidRequestError naming `argument`)."""
    check_file_names(file_name, mime_type)
    if isinstance(source, str | os.PathLike):
        payload: BinaryIO | bytes = read_path(source, argument, max_bytes)
        file_name = file_name or os.path.basename(os.fspath(source))
    elif isinstance(source, bytes | bytearray | memoryview):
        if max_bytes is not None:  # sized as it is (nbytes), before it is copied
            check_file_size(payload_size(source), argument, max_bytes=max_bytes)
        payload = bytes(source)
    elif hasattr(source, "read"):
        check_readable(source, argument)
        payload = source if max_bytes is None else _read_if_seekable(source, max_bytes, argument)
        name = getattr(source, "name", None)
        if file_name is None and isinstance(name, str):
            file_name = os.path.basename(name)
    else:
        raise InvalidRequestError(
            argument, f"must be a path, bytes or a binary file object, not {type(source).__name__}"
        )
    if not file_name:
        raise InvalidRequestError("file_name", NO_FILE_NAME)
    mime_type = mime_type or mimetypes.guess_type(file_name)[0] or "application/octet-stream"
    check_file_names(file_name, mime_type)  # (a name taken from the path or the file object)
    return payload, file_name, mime_type


def _read_if_seekable(source: BinaryIO, max_bytes: int, argument: str) -> BinaryIO | bytes:
    """A seekable file object's bytes, read within `max_bytes` (refused without reading when its
    end is already past it), its position left where it was. A stream is left as it is: the
    request's checks refuse it (it could not be sent again on a retry)."""
    try:
        seekable = source.seekable()
    except (OSError, ValueError):
        return source
    if not seekable:
        return source
    size = payload_size(source)
    if size is not None:
        check_file_size(size, argument, max_bytes=max_bytes)
    position = source.tell()
    try:
        return read_bounded(source, argument, max_bytes)
    finally:
        with contextlib.suppress(OSError, ValueError):
            source.seek(position)
