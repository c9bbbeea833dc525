"""Issue #21's crash test: the receiver (under uvicorn) and the worker run as processes and are
SIGKILLed at random points while buyers write and the Market delivers every notification twice,
retrying each delivery until it gets a 200; the worker also catches up every second. Afterwards
every buyer message was answered exactly once (answers counted by the fake chat API)."""

from __future__ import annotations

import random
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import httpx

from .conftest import wait_until
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
            answer = httpx.post(url, content=body, headers={"Content-Type": "application/json"}, timeout=10)
            if answer.status_code == 200:
                return
            assert answer.status_code == 500, answer.text  # never a 400 for a well-formed notification
        except httpx.TransportError:
            pass
        stop.wait(0.05)


def pending(path: Path) -> int:
    with sqlite3.connect(path) as db:
        return int(db.execute("SELECT count(*) FROM inbox WHERE state != 'done'").fetchone()[0])


def test_killed_receivers_and_workers_neither_lose_nor_double_an_answer(
    market: FakeMarket, inbox_path: Path
) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}/notification"
    receiver = Supervised("receiver", str(inbox_path), str(port))
    worker = Supervised("worker", str(inbox_path), market.url)
    stop = threading.Event()
    chaos = random.Random()
    seed = chaos.randrange(2**32)
    chaos.seed(seed)
    try:
        deliver(url, notification("PING"), stop)  # the receiver is up

        def killer() -> None:
            for _ in range(KILLS):
                if stop.wait(chaos.uniform(0.1, 0.8)):
                    return
                chaos.choice([receiver, worker]).kill_and_restart()

        killing = threading.Thread(target=killer)
        killing.start()
        for round_ in range(MESSAGES_PER_CHAT):
            for chat_id in range(1, CHATS + 1):
                message = market.buyer_writes(chat_id, f"question {round_}")
                body = notification("CHAT_MESSAGE_SENT", chat_id=chat_id, message_id=message)
                for _ in range(2):  # the Market may send a notification more than once
                    deliver(url, body, stop)
        killing.join(60)
        written = market.buyer_messages()
        assert len(written) == CHATS * MESSAGES_PER_CHAT
        wait_until(lambda: set(market.answers) == set(written), f"every message answered (seed {seed})", 120)
        wait_until(lambda: pending(inbox_path) == 0, f"the inbox drained (seed {seed})", 60)
    finally:
        stop.set()
        receiver.stop()
        worker.stop()
    assert receiver.kills + worker.kills == KILLS
    doubled = {message: count for message, count in market.answers.items() if count != 1}
    assert not doubled, f"answered more than once (seed {seed}): {doubled}"
