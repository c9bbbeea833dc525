"""Fixtures: the parser, a SQLite inbox in a temporary file, the fake chat API, and the receiver
behind a real server on loopback — uvicorn for the ASGI app, wsgiref for the WSGI one."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from socketserver import ThreadingMixIn
from typing import Any
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

import pytest
import uvicorn
from loopback import serve_in_background
from yandex_market_chat import Receiver, SqliteInbox
from yandex_market_chat.inbox import Parser

from .inbox_stores import RedisServer
from .support import PARSER, FakeMarket

Serve = Callable[[Receiver], str]
"""Serve a receiver on loopback; its base URL."""


@pytest.fixture
def parser() -> Parser:
    return PARSER


@pytest.fixture
def inbox_path(tmp_path: Path) -> Path:
    return tmp_path / "inbox.sqlite3"


@pytest.fixture
def inbox(inbox_path: Path) -> Iterator[SqliteInbox]:
    with SqliteInbox(inbox_path) as store:
        yield store


@pytest.fixture
def market() -> Iterator[FakeMarket]:
    fake = FakeMarket()
    fake.start()
    yield fake
    fake.stop()


def wait_until(condition: Callable[[], bool], what: str, timeout: float = 20.0) -> None:
    """Poll `condition` until it holds (a deadline, never a fixed sleep)."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"{what}: not within {timeout} s"
        time.sleep(0.01)


class _ThreadingWSGIServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def _serve_asgi(receiver: Receiver, stoppers: list[Callable[[], None]]) -> str:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    # proxy_headers off: uvicorn would otherwise rewrite the peer from X-Forwarded-For itself when
    # the peer is 127.0.0.1 (its default forwarded_allow_ips), and the receiver's own rule is tested.
    config = uvicorn.Config(
        receiver.asgi, log_level="warning", access_log=False, lifespan="on", proxy_headers=False
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    wait_until(lambda: server.started, "uvicorn started")

    def stop() -> None:
        server.should_exit = True
        thread.join(10)
        sock.close()

    stoppers.append(stop)
    return f"http://127.0.0.1:{sock.getsockname()[1]}"


def _serve_wsgi(receiver: Receiver, stoppers: list[Callable[[], None]]) -> str:
    server = make_server(
        "127.0.0.1", 0, receiver.wsgi, server_class=_ThreadingWSGIServer, handler_class=_QuietHandler
    )
    serve_in_background(server)

    def stop() -> None:
        server.shutdown()
        server.server_close()

    stoppers.append(stop)
    return f"http://127.0.0.1:{server.server_address[1]}"


@pytest.fixture(params=["asgi", "wsgi"])
def serve(request: pytest.FixtureRequest) -> Iterator[Serve]:
    """Serve a receiver through a real server: uvicorn (its ASGI face) or wsgiref (its WSGI face)."""
    stoppers: list[Callable[[], None]] = []
    face = _serve_asgi if request.param == "asgi" else _serve_wsgi
    yield lambda receiver: face(receiver, stoppers)
    for stop in stoppers:
        stop()


@pytest.fixture(scope="module")
def redis_server() -> Iterator[RedisServer]:
    """The pinned redis-server on a loopback port, for the tests of a module."""
    server = RedisServer()
    server.start()
    yield server
    server.stop()
