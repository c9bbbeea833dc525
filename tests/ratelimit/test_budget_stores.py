"""The hourly budget's stores: sharers whose clocks differ never admit more than the limit (SQLite,
Redis), the Redis budget without pyrate-limiter, and faults of a store (a SQLite file that cannot be
used, locked; an unreachable or paused redis-server) typed and bounded by the call's timeout."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from yandex_market_chat import (
    AuthenticatedClient,
    BudgetStoreError,
    HourlyBudget,
    RateLimiter,
    YandexMarketError,
)
from yandex_market_chat.api.chats import send_message_to_chat
from yandex_market_chat.models import SendMessageToChatRequest

from .conftest import free_port
from .support import FAKE_KEY, MarketSim, pinned_redis_server

MESSAGE = "send_message_to_chat"


# --- budgets whose clocks differ -----------------------------------------------------------------


@pytest.mark.parametrize("store", ["sqlite", "redis"])
def test_sharers_whose_clocks_differ_never_admit_more_than_the_limit(
    store: str, tmp_path: Path, redis_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    prefix = f"skew-{uuid.uuid4()}"

    def sharer() -> HourlyBudget:
        if store == "sqlite":
            return HourlyBudget.sqlite(tmp_path / "budget.sqlite", 30)
        return HourlyBudget.redis(redis_url, 30, key_prefix=prefix)

    ahead, behind = sharer(), sharer()
    real = time.time_ns
    with monkeypatch.context() as patch:  # this sharer's clock is a minute ahead of the other's
        patch.setattr(time, "time_ns", lambda: real() + 60_000_000_000)
        admitted = sum(ahead.take(1, MESSAGE) == 0.0 for _ in range(30))
    admitted += sum(behind.take(1, MESSAGE) == 0.0 for _ in range(30))
    assert admitted == 30
    ahead.close()
    behind.close()


def test_the_redis_budget_needs_no_pyrate_limiter(tmp_path: Path, redis_url: str) -> None:
    program = f"""
import sys
sys.modules["pyrate_limiter"] = None  # the `redis` extra without the `budget` one
from yandex_market_chat import HourlyBudget
budget = HourlyBudget.redis({redis_url!r}, 2, key_prefix="no-pyrate-{uuid.uuid4()}")
print([budget.take(1, "op") == 0.0 for _ in range(3)])
"""
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "[True, True, False]", done.stderr


# --- budget store faults are typed and bounded ---------------------------------------------------


def test_a_sqlite_file_that_cannot_be_used_is_refused_when_the_budget_is_made(tmp_path: Path) -> None:
    corrupt = tmp_path / "corrupt.sqlite"
    corrupt.write_bytes(b"this is not a database, " * 100)
    for path in (tmp_path / "missing" / "budget.sqlite", tmp_path, corrupt):
        with pytest.raises(BudgetStoreError) as caught:
            HourlyBudget.sqlite(path, 10)
        assert isinstance(caught.value, YandexMarketError)


def test_unreachable_redis_is_refused_when_the_budget_is_made() -> None:
    started = time.monotonic()
    with pytest.raises(BudgetStoreError):
        HourlyBudget.redis(f"redis://127.0.0.1:{free_port()}/0", 10)
    assert time.monotonic() - started < 10


def four_calls_at_once(client: AuthenticatedClient) -> tuple[list[Any], float]:
    """Four threads, each one call; what each raised or returned, and how long all took."""
    body = SendMessageToChatRequest(message="hello")

    def one(_: int) -> Any:
        try:
            return send_message_to_chat.sync(1, client=client, chat_id=7, body=body)
        except Exception as exc:
            return exc

    started = time.monotonic()
    with ThreadPoolExecutor(4) as pool:
        outcomes = list(pool.map(one, range(4)))
    return outcomes, time.monotonic() - started


def test_a_locked_sqlite_file_fails_each_call_within_its_timeout(sim: MarketSim, tmp_path: Path) -> None:
    path = tmp_path / "budget.sqlite"
    budget = HourlyBudget.sqlite(path, 10)
    client = AuthenticatedClient(
        token=FAKE_KEY, base_url=sim.url, timeout=1.0, rate_limiter=RateLimiter(budget=budget)
    )
    locker = sqlite3.connect(path, isolation_level=None)
    locker.execute("BEGIN EXCLUSIVE")  # another process holds the file
    try:
        outcomes, took = four_calls_at_once(client)
    finally:
        locker.execute("ROLLBACK")
        locker.close()
    assert all(isinstance(outcome, BudgetStoreError) for outcome in outcomes), outcomes
    assert took < 4.0, f"four calls with timeout=1 took {took:.1f} s: serialised behind one lock"
    assert sim.seen == []
    budget.close()


@pytest.fixture
def own_redis() -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """A redis-server of this test's own, which it may pause (SIGSTOP)."""
    port = free_port()
    process = subprocess.Popen(
        [
            str(pinned_redis_server()),
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"redis://127.0.0.1:{port}/0"
    deadline = time.monotonic() + 20
    while True:
        try:
            HourlyBudget.redis(url, 1, key_prefix="probe")
            break
        except BudgetStoreError:
            assert time.monotonic() < deadline and process.poll() is None, "redis-server did not start"
            time.sleep(0.05)
    try:
        yield url, process
    finally:
        process.send_signal(signal.SIGCONT)
        process.terminate()
        process.wait(10)


@contextmanager
def paused(process: subprocess.Popen[bytes]) -> Iterator[None]:
    """The redis-server stopped (SIGSTOP) for the block, then let go on."""
    process.send_signal(signal.SIGSTOP)
    try:
        yield
    finally:
        process.send_signal(signal.SIGCONT)


def client_over_redis_budget(sim: MarketSim, url: str) -> AuthenticatedClient:
    """A client of `sim` with timeout=1 whose budget (10 an hour, a fresh key) is kept in the Redis
    at `url`."""
    budget = HourlyBudget.redis(url, 10, key_prefix=f"paused-{uuid.uuid4()}")
    return AuthenticatedClient(
        token=FAKE_KEY, base_url=sim.url, timeout=1.0, rate_limiter=RateLimiter(budget=budget)
    )


def test_a_paused_redis_fails_each_call_within_its_timeout(
    sim: MarketSim, own_redis: tuple[str, subprocess.Popen[bytes]]
) -> None:
    url, process = own_redis
    client = client_over_redis_budget(sim, url)
    with paused(process):
        outcomes, took = four_calls_at_once(client)
    assert all(isinstance(outcome, BudgetStoreError) for outcome in outcomes), outcomes
    assert took < 4.0, f"four calls with timeout=1 took {took:.1f} s"
    assert sim.seen == []
    with pytest.raises(BudgetStoreError), paused(process):  # paused before it is made: known then
        HourlyBudget.redis(url, 10, store_timeout=0.5)


async def test_an_async_call_waits_for_a_paused_store_no_longer_than_its_timeout(
    sim: MarketSim, own_redis: tuple[str, subprocess.Popen[bytes]]
) -> None:
    from yandex_market_chat.api.chats import send_message_to_chat as module

    url, process = own_redis
    client = client_over_redis_budget(sim, url)
    started = time.monotonic()
    with paused(process), pytest.raises(BudgetStoreError):
        await module.asyncio(1, client=client, chat_id=7, body=SendMessageToChatRequest(message="hi"))
    assert time.monotonic() - started < 3.0
    await client.aclose()
