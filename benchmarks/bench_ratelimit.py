"""The rate-limit run: M messages from K concurrent callers against a server that enforces a quota.

The loopback server here is started with a quota scaled down to seconds (QUOTA requests per
WINDOW seconds for each business and method, windows aligned to multiples of WINDOW so that the
whole-second X-RateLimit-Resource-Until is exact), a cap of PARALLEL simultaneous requests per
business, and LATENCY seconds of work per admitted request; anything over a limit gets 420 with
the three headers. Every message is unique, so the server can tell messages lost (never answered
200) from messages duplicated (answered 200 twice).

Each run starts just after a window boundary, and is compared with the ideal: the time a client
that knew the rules in advance would take (the quota's pace), simulated in `ideal_seconds`.
"""

from __future__ import annotations

import asyncio
import heapq
import itertools
import math
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from bench_util import BUSINESS_ID, CHAT_ID, FAKE_KEY, LoopbackServer
from yandex_market_chat import AsyncYandexMarketChat, YandexMarketChat, YandexMarketError
from yandex_market_chat._limits import PlaceRequest, RateLimiter
from yandex_market_chat._windows import Place as _Place

QUOTA = 20
WINDOW = 2.0
PARALLEL = 4
LATENCY = 0.02
MESSAGES = 60
CALLERS = 8
SERVER_OPTIONS = (
    "--quota",
    str(QUOTA),
    "--window",
    str(WINDOW),
    "--parallel",
    str(PARALLEL),
    "--delay",
    str(LATENCY),
)


class NoLimits(RateLimiter):
    """A limiter that limits nothing: for the run with the client-side limits off. (The pipeline
    takes a place with acquire() / aacquire() and gives it back with release(); the place only
    carries the attempt's deadline.)"""

    def acquire(self, wanted: PlaceRequest) -> _Place:
        place = _Place()
        place.deadline = time.monotonic() + wanted.timeout
        return place

    async def aacquire(self, wanted: PlaceRequest) -> _Place:
        return self.acquire(wanted)

    def release(self, place: _Place) -> None:
        return None

    def observe(self, scope: object, operation: str, headers: Mapping[str, str]) -> None:
        return None


def ideal_seconds(
    messages: int, quota: int, window: float, parallel: int, latency: float, start: float
) -> float:
    """How long `messages` requests take at best: at most `parallel` at a time, each taking
    `latency`, at most `quota` admitted per aligned window, starting at `start`."""
    free_at = [start] * parallel  # when each of the parallel places is free again
    used: dict[float, int] = {}
    end = start
    for _ in range(messages):
        at = heapq.heappop(free_at)
        while True:
            window_start = math.floor(at / window) * window
            if used.get(window_start, 0) < quota:
                break
            at = window_start + window
        used[window_start] = used.get(window_start, 0) + 1
        heapq.heappush(free_at, at + latency)
        end = max(end, at + latency)
    return end - start


@dataclass
class RunResult:
    label: str
    wall: float
    ideal: float
    requests: int
    limited: int
    lost: int
    duplicated: int
    errors: int

    @property
    def pace(self) -> float:
        """Throughput as a fraction of the quota's pace."""
        return self.ideal / self.wall

    @property
    def limited_share(self) -> float:
        return self.limited / self.requests if self.requests else 0.0

    @property
    def within_quota(self) -> bool:
        """The server let no more through than its quota in each window the run spanned (it starts
        just after a boundary), and refused the rest: its limits were at work. The control of the
        run with the client's limits off; without it, the runs with them on would prove nothing."""
        delivered = MESSAGES - self.lost
        return self.limited > 0 and delivered <= QUOTA * (int(self.wall // WINDOW) + 1)


def wait_for_window_start() -> float:
    """Sleep until just after the next window boundary; return that moment (wall clock)."""
    now = time.time()
    boundary = math.ceil(now / WINDOW) * WINDOW
    time.sleep(boundary - now + 0.005)
    return time.time()


def texts(run: str) -> list[str]:
    return [f"rate-limit run {run}: message {index}" for index in range(MESSAGES)]


def finish(label: str, server: LoopbackServer, started: float, wall: float, errors: int) -> RunResult:
    stats = server.stats()
    counts = stats["counts"]
    delivered = int(counts.get("delivered", 0))
    return RunResult(
        label=label,
        wall=wall,
        ideal=ideal_seconds(MESSAGES, QUOTA, WINDOW, min(PARALLEL, CALLERS), LATENCY, started),
        requests=int(counts.get("requests", 0)),
        limited=int(counts.get("420", 0)),
        lost=MESSAGES - delivered,
        duplicated=int(counts.get("duplicated", 0)),
        errors=errors,
    )


def chat_settings(server: LoopbackServer, limits_on: bool) -> dict[str, Any]:
    """The client's defaults, or the same client with limits and retries off."""
    settings: dict[str, Any] = {"api_key": FAKE_KEY, "business_id": BUSINESS_ID, "base_url": server.base_url}
    if not limits_on:
        settings |= {"max_retries": 0, "rate_limiter": NoLimits()}
    return settings


def run_sync(server: LoopbackServer, label: str, limits_on: bool) -> RunResult:
    """MESSAGES messages from CALLERS threads sharing one YandexMarketChat."""
    chat = YandexMarketChat(**chat_settings(server, limits_on))
    queue = iter(texts(label))
    take = threading.Lock()
    errors = 0

    def caller() -> None:
        nonlocal errors
        while True:
            with take:
                message = next(queue, None)
            if message is None:
                return
            try:
                chat.send_message_to_chat(chat_id=CHAT_ID, message=message)
            except YandexMarketError:
                with take:
                    errors += 1

    server.reset()
    started = wait_for_window_start()
    threads = [threading.Thread(target=caller) for _ in range(CALLERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    wall = time.time() - started
    chat.close()
    return finish(label, server, started, wall, errors)


async def run_async(server: LoopbackServer, label: str, limits_on: bool) -> RunResult:
    """MESSAGES messages from CALLERS asyncio tasks sharing one AsyncYandexMarketChat."""
    chat = AsyncYandexMarketChat(**chat_settings(server, limits_on))
    queue = iter(texts(label))
    errors = 0

    async def caller() -> None:
        nonlocal errors
        for message in queue:  # tasks share the iterator: each message is taken once
            try:
                await chat.send_message_to_chat(chat_id=CHAT_ID, message=message)
            except YandexMarketError:
                errors += 1

    server.reset()
    started = await asyncio.to_thread(wait_for_window_start)
    await asyncio.wait_for(asyncio.gather(*(caller() for _ in range(CALLERS))), timeout=120)
    wall = time.time() - started
    await chat.close()
    return finish(label, server, started, wall, errors)


def rate_limit_runs() -> list[RunResult]:
    """The four runs: async and sync, with the client's defaults and with limits and retries off."""
    results = []
    with LoopbackServer(*SERVER_OPTIONS) as server:
        for label, limits_on in itertools.product(("async", "sync"), (True, False)):
            name = f"{label}, {'defaults' if limits_on else 'limits and retries off'}"
            if label == "async":
                results.append(asyncio.run(run_async(server, name, limits_on)))
            else:
                results.append(run_sync(server, name, limits_on))
    return results
