"""The crash test: two receivers (under uvicorn) and two workers share one inbox (a SQLite file; one
redis-server) as processes, SIGKILLed at random points while buyers write and the Market delivers
every notification twice, the two copies to the two receivers at once, retrying each delivery until
it gets a 200; the workers also catch up every second. Afterwards every buyer message was answered
exactly once (answers counted by the fake chat API) and the inbox drained."""

from __future__ import annotations

import random
import signal
import socket
import subprocess
import sys
import threading
import uuid
from pathlib import Path

import httpx
import pytest
from conftest import TLS

from .conftest import wait_until
from .inbox_stores import KINDS, RedisServer, pending
from .support import FakeMarket, notification

PROCESSES = Path(__file__).with_name("processes.py")
CHATS = 6
MESSAGES_PER_CHAT = 3
KILLS = 8


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Supervised:
    """One process of the test, restarted after each kill."""

    def __init__(self, *args: str) -> None:
        self.args = [sys.executable, str(PROCESSES), *args]
        self.process = self._start()
        self.kills = 0

    def _start(self) -> subprocess.Popen[bytes]:
        return subprocess.Popen(self.args, cwd=PROCESSES.parent, stdout=subprocess.DEVNULL)

    def kill_and_restart(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(30)
        self.kills += 1
        self.process = self._start()

    def stop(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(30)


def deliver(url: str, body: bytes, stop: threading.Event) -> None:
    """The Market's delivery: repeated until a 200 (its schedule, scaled down to 50 ms)."""
    while not stop.is_set():
        try:
            answer = httpx.post(
                url, content=body, headers={"Content-Type": "application/json"}, timeout=10, verify=TLS
            )
            if answer.status_code == 200:
                return
            assert answer.status_code == 500, answer.text  # never a 400 for a well-formed notification
        except httpx.TransportError:
            pass
        stop.wait(0.05)


@pytest.mark.parametrize("kind", KINDS)
def test_killed_receivers_and_workers_neither_lose_nor_double_an_answer(
    kind: str, market: FakeMarket, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    if kind == "redis":
        server: RedisServer = request.getfixturevalue("redis_server")
        where = f"{server.url} crash-{uuid.uuid4()}"
    else:
        where = str(tmp_path / "inbox.sqlite3")
    spec = f"{kind}:{where}"
    ports = [free_port(), free_port()]
    urls = [f"http://127.0.0.1:{port}/notification" for port in ports]
    receivers = [Supervised("receiver", spec, str(port)) for port in ports]
    workers = [Supervised("worker", spec, market.url) for _ in range(2)]
    everyone = receivers + workers
    stop = threading.Event()
    chaos = random.Random()
    seed = chaos.randrange(2**32)
    chaos.seed(seed)
    try:
        for url in urls:
            deliver(url, notification("PING"), stop)  # the receivers are up

        def killer() -> None:
            for _ in range(KILLS):
                if stop.wait(chaos.uniform(0.1, 0.8)):
                    return
                chaos.choice(everyone).kill_and_restart()

        killing = threading.Thread(target=killer)
        killing.start()
        for round_ in range(MESSAGES_PER_CHAT):
            for chat_id in range(1, CHATS + 1):
                message = market.buyer_writes(chat_id, f"question {round_}")
                body = notification("CHAT_MESSAGE_SENT", chat_id=chat_id, message_id=message)
                # the Market may send a notification more than once: here to both receivers at once
                copies = [threading.Thread(target=deliver, args=(url, body, stop)) for url in urls]
                for copy in copies:
                    copy.start()
                for copy in copies:
                    copy.join()
        killing.join(60)
        written = market.buyer_messages()
        assert len(written) == CHATS * MESSAGES_PER_CHAT
        wait_until(lambda: set(market.answers) == set(written), f"every message answered (seed {seed})", 120)
        wait_until(lambda: pending(kind, where) == 0, f"the inbox drained (seed {seed})", 60)
    finally:
        stop.set()
        for process in everyone:
            process.stop()
    assert sum(process.kills for process in everyone) == KILLS
    doubled = {message: count for message, count in market.answers.items() if count != 1}
    assert not doubled, f"answered more than once (seed {seed}): {doubled}"
