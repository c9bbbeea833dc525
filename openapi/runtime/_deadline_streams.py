"""The network stream and backend that put the attempt's deadline (_deadline.DEADLINE) under
httpcore's connection pools: every connect, TLS handshake, read and write gets at most what is left.

One class each serves both of httpcore's modes: a method only passes the call through, its timeout
cut by bounded(), and returns what the wrapped method returns, a value (sync) or an awaitable that
httpcore awaits at once (async: every call in httpcore is `await stream.read(...)`). So the deadline
is read when the wait starts, as an `async def` of ours would read it, and an async read costs no
coroutine of ours. A stream just opened (connect_tcp, connect_unix_socket, start_tls) is wrapped in
turn, or for an awaitable, once it is awaited (`_opened`).

httpcore's classes are not subclassed (they only declare the methods): this module does not import
httpcore, and _exchange.install hands these to a pool it found there.
"""

from __future__ import annotations

from collections.abc import Awaitable
from typing import Any

from ._deadline import bounded


class BoundedStream:
    """An httpcore NetworkStream or AsyncNetworkStream whose reads and writes end by the deadline."""

    __slots__ = ("_stream",)

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def read(self, max_bytes: int, timeout: float | None = None) -> Any:
        return self._stream.read(max_bytes, bounded(timeout, "read"))

    def write(self, buffer: bytes, timeout: float | None = None) -> Any:
        return self._stream.write(buffer, bounded(timeout, "write"))

    def close(self) -> Any:
        return self._stream.close()

    def aclose(self) -> Any:
        return self._stream.aclose()

    def start_tls(
        self, ssl_context: Any, server_hostname: str | None = None, timeout: float | None = None
    ) -> Any:
        return _opened(self._stream.start_tls(ssl_context, server_hostname, bounded(timeout, "connect")))

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


class BoundedBackend:
    """An httpcore NetworkBackend or AsyncNetworkBackend whose connections end by the deadline and
    open BoundedStreams."""

    __slots__ = ("backend",)

    bounded_by_deadline = True
    """What _exchange.install looks for: the deadline is under this pool already."""

    def __init__(self, backend: Any) -> None:
        self.backend = backend

    def connect_tcp(self, host: str, port: int, timeout: float | None = None, **options: Any) -> Any:
        return _opened(self.backend.connect_tcp(host, port, bounded(timeout, "connect"), **options))

    def connect_unix_socket(self, path: str, timeout: float | None = None, **options: Any) -> Any:
        return _opened(self.backend.connect_unix_socket(path, bounded(timeout, "connect"), **options))

    def sleep(self, seconds: float) -> Any:
        return self.backend.sleep(seconds)


def _opened(stream: Any) -> Any:
    """A stream just opened, bounded: a BoundedStream, or an awaitable of one for an awaitable."""
    if isinstance(stream, Awaitable):
        return _aopened(stream)
    return BoundedStream(stream)


async def _aopened(opening: Awaitable[Any]) -> BoundedStream:
    return BoundedStream(await opening)
