"""The inbox implementations the conformance suite (test_inbox.py) runs against, in one place.

A store is named by its kind and a `where` string, so that a child process can open the same
store as the test (the concurrency tests run two processes on one inbox). Adding an
implementation is one entry in KINDS and one branch in `open_inbox`; the `where` of a fresh,
empty store comes from `test_inbox.store`.
"""

from __future__ import annotations

import signal
import socket
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

import redis
from yandex_market_chat.inbox import Inbox

KINDS = ("sqlite", "redis")
"""Every Inbox implementation the package ships."""


def open_inbox(kind: str, where: str) -> Inbox:
    """A new handle on the store `where` of `kind` (SQLite: a file's path; Redis: "<url> <prefix>")."""
    if kind == "sqlite":
        from yandex_market_chat import SqliteInbox

        return SqliteInbox(where)
    if kind == "redis":
        from yandex_market_chat import RedisInbox

        url, prefix = where.split(" ", 1)
        return RedisInbox(url, prefix=prefix, timeout=5.0)
    raise AssertionError(f"no inbox of kind {kind!r}")


# --- a real redis-server ---------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@dataclass
class RedisServer:
    """The pinned redis-server on a loopback port; `data` set: persistence on, every write on disk
    before its answer (appendfsync always), so a killed server restarts with what it had."""

    port: int = field(default_factory=free_port)
    data: Path | None = None
    scratch: Path | None = None
    """Where a server without persistence may still write (a replica's copy of its primary)."""
    process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        # imported here, not at the top: child processes import this module with only tests/ on the path
        from ratelimit.support import pinned_redis_server

        persistence = ["--save", "", "--appendonly", "no"]
        if self.data is not None:
            persistence = [
                "--save",
                "",
                "--appendonly",
                "yes",
                "--appendfsync",
                "always",
                "--dir",
                str(self.data),
            ]
        self.process = subprocess.Popen(
            [str(pinned_redis_server()), "--port", str(self.port), "--bind", "127.0.0.1", *persistence],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            cwd=self.data or self.scratch,
        )
        deadline = time.monotonic() + 20
        while True:
            try:
                with redis.Redis.from_url(self.url) as probe:
                    probe.ping()
                return
            except redis.ConnectionError:
                assert self.process.poll() is None, "redis-server exited at start"
                assert time.monotonic() < deadline, "redis-server did not answer within 20 s"
                time.sleep(0.05)

    def signal(self, number: signal.Signals) -> None:
        assert self.process is not None
        self.process.send_signal(number)

    def kill(self) -> None:
        assert self.process is not None
        self.process.kill()
        self.process.wait(10)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGCONT)
            self.process.terminate()
            self.process.wait(10)


def pending(kind: str, where: str) -> int:
    """How many entries of the store are not done yet (pending, leased or waiting for a retry)."""
    if kind == "sqlite":
        import sqlite3

        with sqlite3.connect(where) as db:
            return int(db.execute("SELECT count(*) FROM inbox WHERE state != 'done'").fetchone()[0])
    url, prefix = where.split(" ", 1)
    with redis.Redis.from_url(url) as client:
        return int(client.zcard(f"{prefix}:due"))
