"""Issue #21 item 4, the embedded store: SqliteInbox against real SQLite files, in one process and
in several (the processes in processes.py), with a clock the tests move for leases and delays."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from yandex_market_chat import SqliteInbox
from yandex_market_chat.errors import InboxError

from .conftest import wait_until

PROCESSES = Path(__file__).with_name("processes.py")


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store(inbox_path: Path, clock: Clock) -> SqliteInbox:
    return SqliteInbox(inbox_path, clock=clock)


def start(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(PROCESSES), *args], stdout=subprocess.PIPE, text=True, cwd=PROCESSES.parent
    )


def test_one_entry_per_key(store: SqliteInbox) -> None:
    assert store.record("a", "CHAT_CREATED", b"1") is True
    assert store.record("a", "CHAT_CREATED", b"2") is False
    entry = store.claim(60)
    assert entry is not None and entry.body == b"1" and entry.attempts == 0
    store.complete(entry)
    assert store.record("a", "CHAT_CREATED", b"1") is False  # done stays done
    assert store.claim(60) is None


def test_a_recorded_entry_survives_the_process_killed_right_after(inbox_path: Path) -> None:
    process = start("record-and-hang", str(inbox_path), "kept")
    assert process.stdout is not None and process.stdout.readline().strip() == "recorded"
    process.send_signal(signal.SIGKILL)
    process.wait(30)
    with SqliteInbox(inbox_path) as store:
        entry = store.claim(60)
        assert entry is not None and entry.key == "kept"


def test_a_claim_is_a_lease(store: SqliteInbox, inbox_path: Path, clock: Clock) -> None:
    store.record("a", "CHAT_CREATED", b"{}")
    other = SqliteInbox(inbox_path, clock=clock)
    first = store.claim(30)
    assert first is not None
    assert other.claim(30) is None  # leased
    clock.now += 31  # the first worker died: its lease ends
    second = other.claim(30)
    assert second is not None and second.key == "a" and second.attempts == 1
    # The first worker cannot settle an entry it no longer holds.
    store.complete(first)
    other.retry_later(second, "boom", 0)
    third = store.claim(30)
    assert third is not None and third.attempts == 2


def test_retry_later_waits_for_its_delay(store: SqliteInbox, clock: Clock) -> None:
    store.record("a", "CHAT_CREATED", b"{}")
    entry = store.claim(30)
    assert entry is not None
    store.retry_later(entry, "ValueError: boom", 10)
    clock.now += 9.9
    assert store.claim(30) is None
    clock.now += 0.2
    again = store.claim(30)
    assert again is not None and again.attempts == 1


def test_given_up_entries_are_listed_and_replayable(store: SqliteInbox, clock: Clock) -> None:
    for key in ("a", "b"):
        store.record(key, "CHAT_MESSAGE_SENT", b"{}")
        entry = store.claim(30)
        assert entry is not None
        clock.now += 1
        store.give_up(entry, f"RuntimeError: {key} failed")
    assert [(f.key, f.reason, f.attempts, f.failed_at) for f in store.failed()] == [
        ("a", "RuntimeError: a failed", 1, 1_000_001.0),
        ("b", "RuntimeError: b failed", 1, 1_000_002.0),
    ]
    assert store.claim(30) is None
    assert store.record("a", "CHAT_MESSAGE_SENT", b"{}") is False  # failed is not forgotten
    assert store.replay("a") is True
    assert store.replay("a") is False  # no longer failed
    assert store.replay("nope") is False
    entry = store.claim(30)
    assert entry is not None and entry.key == "a" and entry.attempts == 0
    assert [f.key for f in store.failed()] == ["b"]


def test_processes_recording_the_same_keys_at_once_keep_one_each(inbox_path: Path) -> None:
    SqliteInbox(inbox_path).close()
    writers = [start("record", str(inbox_path), "0", "200") for _ in range(4)]
    new = [line.split()[1] for writer in writers for line in writer.communicate(timeout=120)[0].splitlines()]
    assert all(writer.returncode == 0 for writer in writers)
    assert sorted(new) == sorted(f"k{n}" for n in range(200))


def test_processes_claiming_at_once_get_each_entry_once(inbox_path: Path) -> None:
    with SqliteInbox(inbox_path) as store:
        for n in range(200):
            store.record(f"k{n}", "CHAT_CREATED", b"{}")
    workers = [start("claim", str(inbox_path)) for _ in range(4)]
    claimed = [
        line.split()[1] for worker in workers for line in worker.communicate(timeout=120)[0].splitlines()
    ]
    assert all(worker.returncode == 0 for worker in workers)
    assert sorted(claimed) == sorted(f"k{n}" for n in range(200))


def test_a_file_that_is_not_a_database_is_an_inbox_error(tmp_path: Path) -> None:
    path = tmp_path / "inbox.sqlite3"
    path.write_bytes(os.urandom(4096))
    with pytest.raises(InboxError):
        SqliteInbox(path)


def test_a_locked_file_is_an_inbox_error_not_a_hang(inbox_path: Path) -> None:
    import sqlite3

    store = SqliteInbox(inbox_path, timeout=0.05)
    blocker = sqlite3.connect(inbox_path, isolation_level=None)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(InboxError):
            store.record("a", "CHAT_CREATED", b"{}")
    finally:
        blocker.execute("ROLLBACK")
    assert store.record("a", "CHAT_CREATED", b"{}") is True
    wait_until(lambda: store.claim(30) is not None, "the entry is due")
