"""A raw HTTP/1.1 server on 127.0.0.1 for tests about the wire: it answers with exactly the bytes a
test gives (a broken Content-Encoding, a body that arrives one byte at a time, a redirect), which
http.server would not let it write. With it: a client for such a server, one call of createChat or
sendMessageToChat with fixed arguments, and a limiter that acts on a call as it hands it its place."""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from conftest import FAKE_KEY
from conftest import call as call_module
from yandex_market_chat import AuthenticatedClient, RateLimiter
from yandex_market_chat.api.chats import create_chat
from yandex_market_chat.models import (
    ChatContextDTO,
    ChatContextIdentifiableType,
    CreateChatRequest,
    SendMessageToChatRequest,
)


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


# --- calls to a loopback server ---------------------------------------------------------------

MESSAGE = SendMessageToChatRequest(message="hello")
CREATE = CreateChatRequest(context=ChatContextDTO(type_=ChatContextIdentifiableType.ORDER, id=42))
OK = b'{"status":"OK"}'


def call(mode: str, module: Any, client: AuthenticatedClient, **kwargs: Any) -> Any:
    """One call of an operation module, the sync or the async way."""
    kwargs.setdefault("body", CREATE if module is create_chat else MESSAGE)
    if module is not create_chat:
        kwargs.setdefault("chat_id", 7)
    return call_module(mode, module, business_id=1, client=client, **kwargs)


def raw_client(url: str, **options: Any) -> AuthenticatedClient:
    """A client of the server at `url` that does not retry (unless `options` say so)."""
    options.setdefault("max_retries", 0)
    return AuthenticatedClient(token=FAKE_KEY, base_url=url, **options)


class ActingLimiter(RateLimiter):
    """A limiter that does something to the call (`act`) just as it hands the call its place: what
    may happen while a call waits for one."""

    def __init__(self, act: Callable[[], object]) -> None:
        super().__init__()
        self.act = act

    def acquire(self, *args: Any, **kwargs: Any) -> Any:
        place = super().acquire(*args, **kwargs)
        self.act()
        return place

    async def aacquire(self, *args: Any, **kwargs: Any) -> Any:
        place = await super().aacquire(*args, **kwargs)
        done = self.act()
        if asyncio.iscoroutine(done):
            await done
        return place
