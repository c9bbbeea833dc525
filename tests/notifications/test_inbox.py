"""The inbox conformance suite: every behaviour of the `Inbox` protocol, for every implementation
in `inbox_stores.KINDS`, against real stores (the venv's real redis-server, started here; never a
mock, never a skip). Then what only a server store has to show: faults of the server (paused,
killed) end in `InboxError` within the timeout and lose nothing, and moments are the server's.

Nothing sleeps a fixed time: what depends on the clock uses short leases and delays and polls
with a deadline.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import textwrap
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import pytest
import redis
from yandex_market_chat import RedisInbox
from yandex_market_chat.errors import InboxError
from yandex_market_chat.inbox import FailedEntry, Inbox, InboxEntry

from .inbox_stores import KINDS, RedisServer, free_port, open_inbox

TESTS = Path(__file__).resolve().parents[1]
T = TypeVar("T")
MESSAGE = "CHAT_MESSAGE_SENT"
BODY = b'{"notificationType":"CHAT_MESSAGE_SENT","chatId":1,"messageId":"2","businessId":3}'


def eventually(probe: Callable[[], T | None], within: float = 10.0) -> T:
    """Poll `probe` until it gives something (not None), with a deadline: no fixed sleep."""
    deadline = time.monotonic() + within
    while True:
        found = probe()
        if found is not None:
            return found
        assert time.monotonic() < deadline, f"nothing within {within} s"
        time.sleep(0.01)


# --- the inbox every test gets, for every implementation ---------------------------------------------


@dataclass
class Store:
    kind: str
    where: str
    handles: list[Inbox] = field(default_factory=list)

    def open(self) -> Inbox:
        """Another handle on the same store (another receiver or worker)."""
        handle = open_inbox(self.kind, self.where)
        self.handles.append(handle)
        return handle


@pytest.fixture(params=KINDS)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """A fresh, empty store of each kind."""
    if request.param == "redis":
        server: RedisServer = request.getfixturevalue("redis_server")
        made = Store("redis", f"{server.url} test-{uuid.uuid4()}")
    else:
        made = Store(request.param, str(tmp_path / "inbox"))
    yield made
    for handle in made.handles:
        handle.close()


@pytest.fixture
def inbox(store: Store) -> Inbox:
    return store.open()


def claimed(inbox: Inbox, lease: float = 60.0) -> InboxEntry:
    entry = inbox.claim(lease)
    assert entry is not None, "nothing was handed out"
    return entry


# --- the protocol ------------------------------------------------------------------------------------


def test_a_recorded_entry_is_handed_out_as_it_was_received(inbox: Inbox) -> None:
    body = BODY + b"\xff\x00 not UTF-8"  # the bytes exactly, whatever they are
    before = time.time()
    assert inbox.record("k1", MESSAGE, body) is True
    entry = claimed(inbox)
    assert (entry.key, entry.notification_type, entry.body, entry.attempts) == ("k1", MESSAGE, body, 0)
    assert abs(entry.received_at - before) < 60  # seconds since the epoch (the store's clock)
    assert inbox.claim(60) is None


@pytest.mark.parametrize("state", ["pending", "leased", "done", "failed"])
def test_a_key_is_recorded_once_whatever_its_entry_became(inbox: Inbox, state: str) -> None:
    assert inbox.record("k1", MESSAGE, BODY) is True
    if state != "pending":
        entry = claimed(inbox)
        if state == "done":
            inbox.complete(entry)
        elif state == "failed":
            inbox.give_up(entry, "boom")
    assert inbox.record("k1", "CHAT_CREATED", b"another body") is False
    if state == "pending":  # the first one is kept, unchanged
        entry = claimed(inbox)
        assert (entry.notification_type, entry.body) == (MESSAGE, BODY)


def test_nothing_due_is_none(inbox: Inbox) -> None:
    assert inbox.claim(60) is None


def test_a_leased_entry_goes_to_no_other_worker_until_its_lease_ends(store: Store) -> None:
    first, second = store.open(), store.open()
    first.record("k1", MESSAGE, BODY)
    claimed(first, lease=0.5)
    assert second.claim(60) is None  # leased
    again = eventually(lambda: second.claim(60))  # the first worker never came back
    assert (again.key, again.attempts) == ("k1", 1)
    assert first.claim(60) is None


def test_a_completed_entry_is_never_handed_out_again(inbox: Inbox) -> None:
    inbox.record("k1", MESSAGE, BODY)
    inbox.complete(claimed(inbox, lease=0))  # a zero lease: due again at once, unless completed
    assert inbox.claim(0) is None
    assert inbox.failed() == []


def test_retry_later_hands_the_entry_out_again_after_the_delay(inbox: Inbox) -> None:
    inbox.record("k1", MESSAGE, BODY)
    inbox.record("k2", MESSAGE, BODY)
    inbox.retry_later(claimed(inbox), "the API said 500", delay=3600)
    inbox.retry_later(claimed(inbox), "the API said 500", delay=0.3)
    assert inbox.claim(60) is None  # neither is due yet
    again = eventually(lambda: inbox.claim(60))
    assert again.attempts == 1
    assert inbox.claim(60) is None  # the other one waits its hour
    assert inbox.failed() == []


def test_given_up_entries_are_kept_as_failed_oldest_first_and_never_handed_out(inbox: Inbox) -> None:
    for key in ("k1", "k2", "k3"):
        inbox.record(key, MESSAGE, BODY)
    first, second = claimed(inbox), claimed(inbox)
    inbox.retry_later(claimed(inbox), "try again", delay=0)
    inbox.give_up(second, "second reason")
    inbox.give_up(first, "first reason")
    third = claimed(inbox)
    inbox.give_up(third, "third reason")
    failed = inbox.failed()
    assert [(f.key, f.notification_type, f.attempts, f.reason) for f in failed] == [
        (second.key, MESSAGE, 1, "second reason"),
        (first.key, MESSAGE, 1, "first reason"),
        (third.key, MESSAGE, 2, "third reason"),
    ]
    assert all(isinstance(f, FailedEntry) for f in failed)
    assert failed[0].failed_at <= failed[1].failed_at <= failed[2].failed_at
    assert abs(failed[0].failed_at - time.time()) < 60
    assert inbox.claim(0) is None


def test_replay_makes_a_failed_entry_due_again_and_nothing_else(inbox: Inbox) -> None:
    for key in ("failed", "pending", "done"):
        inbox.record(key, MESSAGE, BODY)
    inbox.give_up(claim_key(inbox, "failed"), "boom")
    inbox.complete(claim_key(inbox, "done"))
    assert [inbox.replay(key) for key in ("pending", "done", "unknown")] == [False, False, False]
    assert inbox.replay("failed") is True
    assert inbox.replay("failed") is False  # due now, not failed any more
    assert inbox.failed() == []
    assert claim_key(inbox, "failed").body == BODY


def claim_key(inbox: Inbox, want: str) -> InboxEntry:
    """Claim until `want` comes out (the others leased for no time: due again at once)."""
    for _ in range(100):
        entry = claimed(inbox, lease=0)
        if entry.key == want:
            return entry
    raise AssertionError(f"{want} was never handed out")


# --- several processes on one store --------------------------------------------------------------


CHILD = textwrap.dedent(
    """
    import json, sys
    sys.path.insert(0, {tests!r})
    from notifications.inbox_stores import open_inbox
    inbox = open_inbox({kind!r}, {where!r})
    print("ready", flush=True)
    sys.stdin.readline()
    if {mode!r} == "record":
        order = range({count}) if {index} == 0 else reversed(range({count}))  # they meet midway
        out = {{f"k{{i}}": inbox.record(f"k{{i}}", "CHAT_MESSAGE_SENT", b"{{}}") for i in order}}
    else:
        out = []
        while (entry := inbox.claim(600)) is not None:
            out.append(entry.key)
    print(json.dumps(out), flush=True)
    """
)


INTERLEAVING = {"redis"}
"""Stores whose writers interleave, so that two processes meeting midway is shown, not only that
each key went once: a SQLite writer that finds the file locked backs off in its busy handler while
the other goes on (both results are still exactly once; test_sqlite_inbox.py runs four processes)."""


def two_processes(store: Store, mode: str, count: int) -> list[Any]:
    """Two processes open the store, then do `mode` at the same moment; what each returned."""
    children = [
        subprocess.Popen(
            [
                sys.executable,
                "-c",
                CHILD.format(
                    tests=str(TESTS), kind=store.kind, where=store.where, mode=mode, count=count, index=index
                ),
            ],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for index in range(2)
    ]
    try:
        for child in children:
            assert child.stdout is not None and child.stdout.readline() == "ready\n"
        for child in children:
            assert child.stdin is not None
            child.stdin.write("go\n")
            child.stdin.flush()
        results = [json.loads(child.communicate(timeout=60)[0]) for child in children]
    finally:
        for child in children:
            if child.poll() is None:
                child.kill()
    assert [child.returncode for child in children] == [0, 0]
    return results


def test_two_processes_recording_the_same_keys_record_each_exactly_once(store: Store) -> None:
    first, second = two_processes(store, "record", 300)
    assert {key: first[key] + second[key] for key in first} == {f"k{i}": 1 for i in range(300)}
    if store.kind in INTERLEAVING:
        assert True in first.values() and True in second.values()


def test_two_workers_claiming_never_get_the_same_entry(store: Store) -> None:
    inbox = store.open()
    keys = {f"k{i}" for i in range(300)}
    for key in keys:
        inbox.record(key, MESSAGE, BODY)
    first, second = two_processes(store, "claim", 0)
    assert not set(first) & set(second)
    assert sorted(first + second) == sorted(keys)
    if store.kind in INTERLEAVING:
        assert first and second, "the two never overlapped: nothing was shown"


# --- Redis: the server's faults and its clock ------------------------------------------------------


@pytest.fixture
def own_server(tmp_path: Path) -> Iterator[RedisServer]:
    """A redis-server of the test's own, with persistence, which it may pause and kill."""
    server = RedisServer(data=tmp_path)
    server.start()
    yield server
    server.stop()


def test_a_paused_redis_fails_each_call_within_the_timeout_and_loses_nothing(own_server: RedisServer) -> None:
    inbox = RedisInbox(own_server.url, prefix="paused", timeout=0.5)
    assert inbox.record("before", MESSAGE, BODY)
    own_server.signal(signal.SIGSTOP)
    try:
        for call in (
            lambda: inbox.record("during", MESSAGE, BODY),
            lambda: inbox.claim(60),
            inbox.failed,
            lambda: inbox.replay("before"),
        ):
            started = time.monotonic()
            with pytest.raises(InboxError, match="Redis inbox"):
                call()
            assert time.monotonic() - started < 1.5  # the timeout (0.5 s) bounds it, not the pause
    finally:
        own_server.signal(signal.SIGCONT)
    # The Market repeats what got a 500: the repeat is recorded, or found recorded already (the
    # paused server may still run the command it had been sent), never twice.
    eventually(lambda: _answers(lambda: inbox.record("during", MESSAGE, BODY)))
    assert _drain(inbox) == ["before", "during"]
    inbox.close()


def test_a_killed_redis_fails_fast_and_has_every_recorded_entry_when_back(own_server: RedisServer) -> None:
    inbox = RedisInbox(own_server.url, prefix="killed", timeout=0.5)
    for key in ("a", "b"):
        assert inbox.record(key, MESSAGE, BODY)
    inbox.give_up(claimed(inbox), "boom")
    own_server.kill()
    with pytest.raises(InboxError, match="not recorded"):
        inbox.record("c", MESSAGE, BODY)
    own_server.start()  # the same port and data directory
    assert eventually(lambda: _answers(lambda: inbox.record("c", MESSAGE, BODY))) == [True]
    assert [f.key for f in inbox.failed()] == ["a"]
    assert _drain(inbox) == ["b", "c"]
    inbox.close()


def test_replicas_1_acknowledges_only_what_a_replica_has_too(own_server: RedisServer, tmp_path: Path) -> None:
    alone = RedisInbox(own_server.url, prefix="replicated", timeout=0.5, replicas=1)
    with pytest.raises(InboxError, match="0 of 1 replicas"):
        alone.record("k1", MESSAGE, BODY)  # on the primary only: the Market will send it again
    (tmp_path / "replica").mkdir()  # its copy of the primary apart from the primary's files
    replica = RedisServer(scratch=tmp_path / "replica")
    replica.start()
    try:
        redis.Redis.from_url(replica.url).replicaof("127.0.0.1", own_server.port)
        assert eventually(lambda: _answers(lambda: alone.record("k2", MESSAGE, BODY))) == [True]
        assert redis.Redis.from_url(replica.url).hexists("replicated:meta", "k2")
    finally:
        replica.stop()
    alone.close()


def _answers(call: Callable[[], T]) -> list[T] | None:
    """[what `call` returned], or None while the store fails."""
    try:
        return [call()]
    except InboxError:
        return None


def _drain(inbox: Inbox) -> list[str]:
    keys = []
    while (entry := inbox.claim(600)) is not None:
        keys.append(entry.key)
    return sorted(keys)


def test_leases_run_on_the_redis_clock_not_the_workers(
    redis_server: RedisServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    prefix = f"clock-{uuid.uuid4()}"
    behind, other = RedisInbox(redis_server.url, prefix=prefix), RedisInbox(redis_server.url, prefix=prefix)
    behind.record("k1", MESSAGE, BODY)
    real, real_ns = time.time, time.time_ns
    with monkeypatch.context() as patch:  # this worker's clock is an hour behind the other's
        patch.setattr(time, "time", lambda: real() - 3600)
        patch.setattr(time, "time_ns", lambda: real_ns() - 3600 * 10**9)
        entry = claimed(behind, lease=60)
    assert other.claim(60) is None  # its lease is a minute on the server's clock
    assert abs(entry.received_at - real()) < 60
    behind.close()
    other.close()


def test_a_stale_worker_cannot_reschedule_an_entry_another_worker_claimed_since(
    redis_server: RedisServer,
) -> None:
    inbox = RedisInbox(redis_server.url, prefix=f"fence-{uuid.uuid4()}")
    inbox.record("k1", MESSAGE, BODY)
    stale = claimed(inbox, lease=0)  # its lease ends at once
    current = claimed(inbox, lease=60)
    inbox.give_up(stale, "late")
    inbox.retry_later(stale, "late", delay=0)
    assert inbox.failed() == [] and inbox.claim(60) is None  # still leased to the current worker
    inbox.give_up(current, "now")
    assert [f.reason for f in inbox.failed()] == ["now"]
    inbox.close()


def test_the_package_imports_without_redis_and_the_inbox_names_the_extra(redis_server: RedisServer) -> None:
    program = textwrap.dedent(
        f"""
        import sys
        sys.modules["redis"] = None  # the package installed without the `redis` extra
        from yandex_market_chat import RedisInbox
        try:
            RedisInbox({redis_server.url!r})
        except ImportError as exc:
            print(exc)
        """
    )
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "pip install 'yandex-market-chat[redis]'" in done.stdout


@pytest.mark.parametrize("wrong", ["async", "decoding"])
def test_a_client_that_cannot_keep_bytes_synchronously_is_refused(
    redis_server: RedisServer, wrong: str
) -> None:
    import redis.asyncio

    client: object = (
        redis.asyncio.Redis.from_url(redis_server.url)
        if wrong == "async"
        else redis.Redis.from_url(redis_server.url, decode_responses=True)
    )
    with pytest.raises(TypeError, match="RedisInbox needs"):
        RedisInbox(client)  # type: ignore[arg-type]


def test_an_unreachable_redis_is_refused_when_the_inbox_is_made() -> None:
    with pytest.raises(InboxError, match="cannot be reached"):
        RedisInbox(f"redis://127.0.0.1:{free_port()}/0", timeout=0.5)


def test_failed_entries_are_listed_and_replayed_from_the_command_line(store: Store) -> None:
    import io

    from yandex_market_chat._inbox_cli import run_inbox

    inbox = store.open()
    inbox.record("k-failed", MESSAGE, BODY)
    inbox.give_up(claimed(inbox), "the handler raised ValueError: no such order")
    if store.kind == "redis":
        url, prefix = store.where.split(" ", 1)
        where = ["--redis", url, "--prefix", prefix]
    else:
        where = ["--sqlite", store.where]

    def cli(*argv: str) -> tuple[int, str, str]:
        out, err = io.StringIO(), io.StringIO()
        code = run_inbox([argv[0], *where, *argv[1:]], out, err)
        return code, out.getvalue(), err.getvalue()

    code, out, _ = cli("failed")
    (listed,) = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and listed["key"] == "k-failed" and "no such order" in listed["reason"]
    assert cli("replay", "no-such-key")[0] == 1
    assert cli("replay", "k-failed")[0] == 0
    assert claimed(inbox).key == "k-failed"
    assert cli("failed") == (0, "", "")
