"""A raw HTTP/1.1 server on 127.0.0.1 for tests about the wire: it answers with exactly the bytes a
test gives (a broken Content-Encoding, a body that arrives one byte at a time, a redirect), which
http.server would not let it write. It names no operation of the spec (suites that run on the renamed
copy of the spec use it); calls of the published operations to it are in tests/loopback_calls.py."""

from __future__ import annotations

import socket
import socketserver
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

SHUTDOWN_POLL = 0.01
"""How often a server run by serve_in_background() looks for shutdown(): socketserver's default,
half a second, would be a hidden wait at the end of every test that stops one."""


def serve_in_background(server: socketserver.BaseServer) -> threading.Thread:
    """Run `server.serve_forever()` on a daemon thread, started; `server.shutdown()` stops it."""
    thread = threading.Thread(target=server.serve_forever, args=(SHUTDOWN_POLL,), daemon=True)
    thread.start()
    return thread


@dataclass
class Received:
    """One request that reached the server."""

    method: str
    target: str
    headers: dict[str, str]
    """Lower-cased names."""
    body: bytes


Answer = bytes | Iterable[bytes | float]
"""What to send back: bytes at once, or pieces: bytes are written, a float is a pause in seconds."""


def response(status: int, body: bytes = b"", headers: dict[str, str] | None = None) -> bytes:
    """A whole HTTP/1.1 answer that closes its connection."""
    lines = [f"HTTP/1.1 {status} X"]
    given = dict(headers or {})
    given.setdefault("Content-Length", str(len(body)))
    given.setdefault("Connection", "close")
    lines += [f"{name}: {value}" for name, value in given.items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body


@dataclass
class RawServer:
    answer: Callable[[Received], Answer]
    received: list[Received] = field(default_factory=list)
    arrived: threading.Condition = field(default_factory=threading.Condition)
    gave_up: threading.Event = field(default_factory=threading.Event)
    """Set when a client closed the connection before the whole answer was written."""
    _listener: socket.socket | None = None

    @property
    def url(self) -> str:
        assert self._listener is not None
        host, port = self._listener.getsockname()[:2]
        return f"http://{host}:{port}"

    def __enter__(self) -> RawServer:
        self._listener = socket.create_server(("127.0.0.1", 0))
        threading.Thread(target=self._accept, daemon=True).start()
        return self

    def __exit__(self, *args: object) -> None:
        assert self._listener is not None
        self._listener.close()

    def wait_for(self, count: int, timeout: float = 10.0) -> None:
        """Block until `count` requests have arrived."""
        with self.arrived:
            assert self.arrived.wait_for(lambda: len(self.received) >= count, timeout), self.received

    def _accept(self) -> None:
        assert self._listener is not None
        while True:
            try:
                connection, _ = self._listener.accept()
            except OSError:
                return  # closed
            threading.Thread(target=self._serve, args=(connection,), daemon=True).start()

    def _serve(self, connection: socket.socket) -> None:
        with connection:
            connection.settimeout(30)
            try:
                request = _read_request(connection)
            except (OSError, ValueError):
                return
            with self.arrived:
                self.received.append(request)
                self.arrived.notify_all()
            answer = self.answer(request)
            pieces: Iterable[bytes | float] = [answer] if isinstance(answer, bytes) else answer
            try:
                for piece in pieces:
                    if isinstance(piece, bytes):
                        connection.sendall(piece)
                    else:
                        time.sleep(piece)
            except OSError:
                self.gave_up.set()


def _read_request(connection: socket.socket) -> Received:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = connection.recv(65536)
        if not chunk:
            raise ValueError("closed before the headers ended")
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    first, *lines = head.decode("latin-1").split("\r\n")
    method, target, _version = first.split(" ", 2)
    headers = {}
    for line in lines:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    length = int(headers.get("content-length", "0"))
    while len(body) < length:
        chunk = connection.recv(65536)
        if not chunk:
            break
        body += chunk
    return Received(method, target, headers, body)
