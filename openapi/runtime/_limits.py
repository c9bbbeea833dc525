"""Client-side rate limits, shared by every call through one client and its with_options() copies.

Before a request is sent, RateLimiter.slot() / aslot() waits for:
1. the optional `HourlyBudget` of the (business, operation): pyrate-limiter buckets in memory,
   in a SQLite file (processes on one machine) or in Redis (several machines);
2. the window the service reported last for the (business, operation) in
   X-RateLimit-Resource-Remaining / -Until: when nothing remains, the request waits for the reset
   instead of spending a request on a 420; requests in flight count against what remains;
3. a free place among `max_in_flight` requests per business (the service allows 4). Threads and
   asyncio tasks, on any event loop, share the one count.
A wait longer than `max_wait` raises RateLimitError at once, before anything is sent.
"""

from __future__ import annotations

import contextlib
import logging
import math
import os
import re
import threading
import time
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Iterator, Mapping
from contextlib import asynccontextmanager, contextmanager
from datetime import UTC, datetime, timedelta
from inspect import isawaitable
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define

from . import _headers
from .errors import RateLimitError

if TYPE_CHECKING:
    import asyncio

    # pyrate-limiter is imported only when an HourlyBudget is made: it would double import time.
    from pyrate_limiter import AbstractBucket, RateItem
    from redis import Redis

__all__ = ["DEFAULT_MAX_IN_FLIGHT", "HourlyBudget", "RateLimiter"]

logger = logging.getLogger("yandex_market_chat")

DEFAULT_MAX_IN_FLIGHT = 4
"""Simultaneous requests per business: the service's limit (older docs said 2)."""
RESET_MARGIN = 0.05
"""Seconds to wait past a reported reset before sending again."""
LONGEST_WINDOW = timedelta(hours=1)
"""The service's windows are hourly: a reset reported further ahead is trusted only this far, so
that one wrong header cannot stop a client for longer."""

T = TypeVar("T")


def _done(value: T | Awaitable[T]) -> T:
    """The result of a bucket call: the budget's stores are all synchronous."""
    if isawaitable(value):
        raise TypeError("HourlyBudget needs a synchronous bucket (a sync Redis client)")
    return value


def _refusal(what: str, scope: object, operation: str, wait: float, max_wait: float) -> RateLimitError:
    reset_at = datetime.now(UTC) + timedelta(seconds=wait)
    return RateLimitError(
        reset_at=reset_at,
        message=(
            f"{operation} for business {scope}: {what} until {reset_at:%Y-%m-%d %H:%M:%S} UTC; "
            f"waiting {wait:.1f} s would exceed max_rate_limit_wait ({max_wait:g} s), so nothing was sent"
        ),
    )


@define
class _Window:
    """What the service last said of one (business, operation) window, and our requests in flight."""

    limit: int | None = None
    remaining: int | None = None
    until: datetime | None = None
    """The reset as the service reported it: it names the window."""
    reset_at: datetime | None = None
    """The reset we wait for: `until`, but at most LONGEST_WINDOW after we first heard of it."""
    in_flight: int = 0

    def observe(self, headers: Mapping[str, str]) -> None:
        limit = _headers.header_int(headers, _headers.LIMIT)
        if limit is not None and limit >= 0:
            self.limit = limit
        remaining = _headers.header_int(headers, _headers.REMAINING)
        until = _headers.reset_at(headers)
        if remaining is None or until is None:
            return
        remaining = max(0, remaining)
        now = datetime.now(UTC)
        if (
            self.until is not None
            and self.remaining is not None
            and self.reset_at is not None
            and now < self.reset_at
        ):
            if until < self.until:
                return  # a late answer from an earlier window
            if until == self.until:  # answers from one window can come out of order
                self.remaining = min(remaining, self.remaining)
                return
        self.remaining, self.until = remaining, until
        self.reset_at = min(until, now + LONGEST_WINDOW)

    def wait(self, now: datetime) -> float | None:
        """Seconds until the window may have room; None when it has room now or nothing is known."""
        if self.reset_at is None or self.remaining is None or now >= self.reset_at:
            return None
        if self.remaining - self.in_flight > 0:
            return None
        return (self.reset_at - now).total_seconds() + RESET_MARGIN


def _wake(waiter: asyncio.Future[None]) -> None:
    if not waiter.done():
        waiter.set_result(None)


class RateLimiter:
    """Keeps requests within the service's limits, shared by every call through one client.

    `RateLimiter(max_in_flight=4, budget=None)`: at most `max_in_flight` requests in flight per
    business; with `budget=HourlyBudget(...)`, also at most that many requests per period for each
    (business, operation), which several processes or machines can share. The window the service
    reports is always followed. `snapshot()` tells what is known (client.rate_limits).
    """

    def __init__(
        self, max_in_flight: int = DEFAULT_MAX_IN_FLIGHT, budget: HourlyBudget | None = None
    ) -> None:
        if max_in_flight < 1:
            raise ValueError("max_in_flight must be at least 1")
        self.max_in_flight = max_in_flight
        self.budget = budget
        self._lock = threading.Lock()
        self._changed = threading.Condition(self._lock)
        self._async_waiters: dict[asyncio.Future[None], asyncio.AbstractEventLoop] = {}
        self._in_flight: Counter[object] = Counter()
        self._windows: dict[tuple[object, str], _Window] = {}

    def __repr__(self) -> str:
        return f"RateLimiter(max_in_flight={self.max_in_flight}, budget={self.budget!r})"

    @contextmanager
    def slot(self, scope: object, operation: str, max_wait: float) -> Iterator[None]:
        """Hold a place for one request of `operation` for business `scope` while it is sent."""
        if self.budget is not None:
            while (spent_for := self.budget.take(scope, operation)) > 0:
                self._before_budget_wait(scope, operation, spent_for, max_wait)
                time.sleep(spent_for)
        announced = False
        with self._changed:
            while (wait := self._admit(scope, operation, max_wait)) is not None:
                announced = announced or self._announce(scope, operation, wait)
                self._changed.wait(None if math.isinf(wait) else wait)
        try:
            yield
        finally:
            self._release(scope, operation)

    @asynccontextmanager
    async def aslot(self, scope: object, operation: str, max_wait: float) -> AsyncIterator[None]:
        """The async twin of slot(): waits without blocking the event loop."""
        import asyncio  # here, not at the top: sync-only users do not pay for importing it

        if self.budget is not None:
            while (spent_for := await asyncio.to_thread(self.budget.take, scope, operation)) > 0:
                self._before_budget_wait(scope, operation, spent_for, max_wait)
                await asyncio.sleep(spent_for)
        loop = asyncio.get_running_loop()
        announced = False
        while True:
            with self._lock:
                wait = self._admit(scope, operation, max_wait)
                if wait is None:
                    break
                announced = announced or self._announce(scope, operation, wait)
                waiter: asyncio.Future[None] = loop.create_future()
                self._async_waiters[waiter] = loop
            try:
                await asyncio.wait((waiter,), timeout=None if math.isinf(wait) else wait)
            finally:
                with self._lock:
                    self._async_waiters.pop(waiter, None)
        try:
            yield
        finally:
            self._release(scope, operation)

    def observe(self, scope: object, operation: str, headers: Mapping[str, str]) -> None:
        """Take note of the X-RateLimit-Resource-* headers of an answer."""
        with self._lock:
            self._windows.setdefault((scope, operation), _Window()).observe(headers)

    def snapshot(self) -> dict[str, Any]:
        """What is known, as last reported by the service, per business and operation."""
        with self._lock:
            businesses: dict[object, dict[str, Any]] = {}
            for (scope, operation), window in self._windows.items():
                entry = businesses.setdefault(scope, {"in_flight": self._in_flight[scope], "operations": {}})
                entry["operations"][operation] = {
                    "limit": window.limit,
                    "remaining": window.remaining,
                    "reset_at": window.until,
                    "in_flight": window.in_flight,
                }
            budget = self.budget
            return {
                "max_in_flight": self.max_in_flight,
                "budget": None
                if budget is None
                else {"limit": budget.limit, "period": budget.period, "store": budget.store},
                "businesses": businesses,
            }

    def _admit(self, scope: object, operation: str, max_wait: float) -> float | None:
        """Under the lock: take a place and return None, or return how long to wait before asking
        again (math.inf: until a request ends). Raises RateLimitError when nothing remains in the
        window and its reset is further away than `max_wait`."""
        window = self._windows.setdefault((scope, operation), _Window())
        wait = window.wait(datetime.now(UTC))
        exhausted = wait is not None and window.remaining == 0
        if exhausted and wait is not None and wait > max_wait:
            raise _refusal("no requests remain in the service's window", scope, operation, wait, max_wait)
        if self._in_flight[scope] >= self.max_in_flight:
            return math.inf
        if wait is not None:
            return wait  # (when requests in flight hold what remains, one of them may end sooner)
        self._in_flight[scope] += 1
        window.in_flight += 1
        return None

    def _announce(self, scope: object, operation: str, wait: float) -> bool:
        """Under the lock: log a wait for the window to reset; True if it was one."""
        window = self._windows[(scope, operation)]
        if math.isinf(wait) or window.remaining != 0:
            return False
        logger.info("waiting %.2f s for the %s window of business %s to reset", wait, operation, scope)
        return True

    def _release(self, scope: object, operation: str) -> None:
        with self._lock:
            self._in_flight[scope] -= 1
            self._windows[(scope, operation)].in_flight -= 1
            self._changed.notify_all()
            for waiter, loop in self._async_waiters.items():
                with contextlib.suppress(RuntimeError):  # its event loop is closed
                    loop.call_soon_threadsafe(_wake, waiter)
            self._async_waiters.clear()

    def _before_budget_wait(self, scope: object, operation: str, wait: float, max_wait: float) -> None:
        if wait > max_wait:
            raise _refusal("the hourly budget is spent", scope, operation, wait, max_wait)
        logger.info("waiting %.2f s for the budget of %s for business %s", wait, operation, scope)


class HourlyBudget:
    """At most `limit` requests per `period` seconds for each (business, operation): a sliding
    window in pyrate-limiter buckets.

    `HourlyBudget(limit)` keeps the buckets in memory (one process);
    `HourlyBudget.sqlite(path, limit)` in a SQLite file shared by processes on one machine;
    `HourlyBudget.redis(url_or_client, limit)` in Redis, shared by several machines (needs the
    `redis` extra). Give every sharer the same limit, period and store. Shared stores compare
    wall-clock times, so keep the machines' clocks in sync.
    """

    store = "memory"

    def __init__(self, limit: int = 1000, *, period: float = 3600.0) -> None:
        if limit < 1 or not period > 0:
            raise ValueError("an HourlyBudget needs limit >= 1 and period > 0")
        try:
            from pyrate_limiter import Rate
        except ImportError as exc:  # the `budget` extra
            raise ImportError(
                "HourlyBudget needs pyrate-limiter: pip install 'yandex-market-chat[budget]'"
            ) from exc

        self.limit = limit
        self.period = period
        self._rate = Rate(limit, max(1, round(period * 1000)))
        self._buckets: dict[str, AbstractBucket] = {}
        self._leaked_at: dict[str, int] = {}
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"{type(self).__name__}(store={self.store!r}, limit={self.limit}, period={self.period:g})"

    @staticmethod
    def sqlite(path: str | os.PathLike[str], limit: int = 1000, *, period: float = 3600.0) -> HourlyBudget:
        """A budget kept in a SQLite file, shared by the processes on one machine that use it."""
        return _SQLiteBudget(os.fspath(path), limit, period=period)

    @staticmethod
    def redis(
        redis: str | Redis,
        limit: int = 1000,
        *,
        period: float = 3600.0,
        key_prefix: str = "yandex-market-chat",
    ) -> HourlyBudget:
        """A budget kept in Redis (a URL such as redis://host:6379/0, or a sync redis.Redis)."""
        return _RedisBudget(redis, limit, period=period, key_prefix=key_prefix)

    def take(self, scope: object, operation: str) -> float:
        """Spend one request of the budget of (scope, operation) and return 0.0; or, when it is
        spent, spend nothing and return the seconds until a request is free again."""
        from pyrate_limiter import RateItem

        key = f"{scope}:{operation}"
        with self._lock:
            bucket = self._buckets.get(key)
            if bucket is None:
                bucket = self._buckets[key] = self._new_bucket(key)
            now = time.time_ns() // 1_000_000
            if now - self._leaked_at.get(key, 0) >= self._rate.interval // 10:
                _done(bucket.leak(now))  # drop what has left the window, now and then
                self._leaked_at[key] = now
            item = RateItem(key, now)
            if self._put(bucket, item):
                return 0.0
            wait_ms = _done(bucket.waiting(item))
        return max(wait_ms, 1) / 1000 if wait_ms >= 0 else self.period

    def close(self) -> None:
        """Close the buckets' connections (a SQLite file, Redis); they reopen when used again."""
        with self._lock:
            for bucket in self._buckets.values():
                bucket.close()
            self._buckets.clear()

    def _new_bucket(self, key: str) -> AbstractBucket:
        from pyrate_limiter import InMemoryBucket

        return InMemoryBucket([self._rate])

    def _put(self, bucket: AbstractBucket, item: RateItem) -> bool:
        return _done(bucket.put(item))


class _SQLiteBudget(HourlyBudget):
    store = "sqlite"

    def __init__(self, path: str, limit: int, *, period: float) -> None:
        super().__init__(limit, period=period)
        self.path = path

    def _new_bucket(self, key: str) -> AbstractBucket:
        # A table per (business, operation): pyrate-limiter's SQLite bucket counts its whole table.
        from pyrate_limiter import SQLiteBucket

        table = "yandex_market_chat_" + re.sub(r"\W", "_", key)
        return SQLiteBucket.init_from_file([self._rate], table=table, db_path=self.path)

    def _put(self, bucket: AbstractBucket, item: RateItem) -> bool:
        # BEGIN IMMEDIATE makes the bucket's count-then-insert one step for every process on the file.
        from pyrate_limiter import SQLiteBucket

        assert isinstance(bucket, SQLiteBucket)
        with bucket.lock:
            bucket.conn.execute("BEGIN IMMEDIATE")
            try:
                return _done(bucket.put(item))
            finally:
                if bucket.conn.in_transaction:
                    bucket.conn.commit()


class _RedisBudget(HourlyBudget):
    store = "redis"

    def __init__(self, redis: str | Redis, limit: int, *, period: float, key_prefix: str) -> None:
        super().__init__(limit, period=period)
        if isinstance(redis, str):
            try:
                from redis import Redis  # the optional extra: imported only for this store
            except ImportError as exc:
                raise ImportError(
                    "HourlyBudget.redis needs redis: pip install 'yandex-market-chat[redis]'"
                ) from exc
            redis = Redis.from_url(redis)
        self._redis = redis
        self.key_prefix = key_prefix

    def _new_bucket(self, key: str) -> AbstractBucket:
        from pyrate_limiter import RedisBucket

        bucket: AbstractBucket = RedisBucket.init([self._rate], self._redis, f"{self.key_prefix}:{key}")
        return bucket
