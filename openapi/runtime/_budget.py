"""The hourly budget: at most `limit` requests per `period` for each (business, operation), kept in
memory, in a SQLite file (processes on one machine) or in Redis (several machines), with the
worker threads that bound a store's I/O by the caller's timeout. The limiter (_limits.py) asks it
for a unit before each attempt; it knows nothing of the limiter.
"""

from __future__ import annotations

import math
import os
import threading
import time
from typing import TYPE_CHECKING

from . import _budget_stores
from ._budget_stores import synchronous
from ._store_threads import Workers
from .errors import BudgetStoreError, InvalidRequestError

if TYPE_CHECKING:
    from pyrate_limiter import AbstractBucket, Rate, RateItem
    from redis import Redis

STORE_TIMEOUT = 5.0
"""Seconds a shared budget's store (SQLite, Redis) gets for one operation, and to be checked when
the budget is made; a call gives up sooner when its own timeout is shorter."""


def _wall_ms() -> int:
    """The wall clock in milliseconds, as the memory and SQLite budgets stamp what they spend (one
    function, so that a test can step it)."""
    return time.time_ns() // 1_000_000


class HourlyBudget:
    """At most `limit` requests per `period` seconds for each (business, operation): a sliding
    window. Without a `limit`, each operation gets the hourly limit the spec documents for it
    (`x-hourly-limit`: 1,000 for most chat methods, 5,000 for getChats, 10,000 for getChatHistory).

    `HourlyBudget()` keeps it in memory (one process, pyrate-limiter);
    `HourlyBudget.sqlite(path, limit)` in a SQLite file shared by processes on one machine
    (pyrate-limiter); `HourlyBudget.redis(url_or_client, limit)` in Redis, shared by several
    machines (needs the `redis` extra), counted on the Redis server's clock, so the machines'
    clocks need not agree. Give every sharer the same limit, period and store.

    A store that fails or does not answer raises BudgetStoreError: when the budget is made, where
    that shows then (a missing directory, a corrupt file, Redis unreachable), else from the call
    that needed it, within that call's timeout (each store operation gets at most `store_timeout`).
    """

    store = "memory"
    _PYRATE = True
    """Whether the store is kept in pyrate-limiter buckets (the `budget` extra)."""

    def __init__(self, limit: int | None = None, *, period: float = 3600.0) -> None:
        if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int) or limit < 1):
            raise InvalidRequestError("limit", f"must be an int of at least 1 (or None), got {limit!r}")
        if not 0 < period < math.inf:
            raise InvalidRequestError(
                "period", f"must be a positive finite number of seconds, got {period!r}"
            )
        self.limit = limit
        self.period = period
        self._lock = threading.Lock()
        if self._PYRATE:
            try:
                import pyrate_limiter  # noqa: F401  (the store's buckets; checked here, used later)
            except ImportError as exc:  # the `budget` extra
                raise ImportError(
                    "HourlyBudget needs pyrate-limiter: pip install 'yandex-market-chat[budget]'"
                ) from exc
            self._rates: dict[int, Rate] = {}
            self._buckets: dict[str, AbstractBucket] = {}
            self._leaked_at: dict[str, int] = {}

    def __repr__(self) -> str:
        limit = "per operation" if self.limit is None else self.limit
        return f"{type(self).__name__}(store={self.store!r}, limit={limit}, period={self.period:g})"

    def _start_afresh(self) -> None:
        """In a forked child: a lock held by one of the parent's threads is not held here."""
        self._lock = threading.Lock()

    def limit_for(self, operation: str, hourly_limit: int | None) -> int:
        """The budget of `operation`: this budget's limit, else the operation's own (scaled to the
        period); InvalidRequestError when neither is known."""
        if self.limit is not None:
            return self.limit
        if hourly_limit is None:
            raise InvalidRequestError(
                "limit", f"the spec documents no hourly limit for {operation}: give HourlyBudget(limit=...)"
            )
        return max(1, round(hourly_limit * self.period / 3600.0))

    @staticmethod
    def sqlite(
        path: str | os.PathLike[str],
        limit: int | None = None,
        *,
        period: float = 3600.0,
        store_timeout: float = STORE_TIMEOUT,
    ) -> HourlyBudget:
        """A budget kept in a SQLite file, shared by the processes on one machine that use it."""
        return _SQLiteBudget(os.fspath(path), limit, period=period, store_timeout=store_timeout)

    @staticmethod
    def redis(
        redis: str | Redis,
        limit: int | None = None,
        *,
        period: float = 3600.0,
        key_prefix: str = "yandex-market-chat",
        store_timeout: float = STORE_TIMEOUT,
    ) -> HourlyBudget:
        """A budget kept in Redis (a URL such as redis://host:6379/0, or a sync redis.Redis: give
        yours a socket_timeout, or a hung server keeps a worker thread of this budget forever)."""
        return _RedisBudget(redis, limit, period=period, key_prefix=key_prefix, store_timeout=store_timeout)

    def take(
        self, scope: object, operation: str, timeout: float | None = None, limit: int | None = None
    ) -> float:
        """Spend one request of the budget of (scope, operation) and return 0.0; or, when it is
        spent, spend nothing and return the seconds until a request is free again. `limit` is the
        operation's hourly limit (used when the budget names none). A shared store that does not
        answer within `timeout` (or its `store_timeout`) raises BudgetStoreError."""
        budget = self.limit_for(operation, limit)
        with self._lock:
            return self._take(f"{scope}:{operation}", budget)

    async def atake(
        self, scope: object, operation: str, timeout: float | None = None, limit: int | None = None
    ) -> float:
        """take() for a coroutine, without blocking the event loop (the memory store answers at once)."""
        return self.take(scope, operation, timeout, limit)

    def close(self) -> None:
        """Close the store's connections (a SQLite file, Redis); they reopen when used again."""
        with self._lock:
            for bucket in self._buckets.values():
                bucket.close()
            self._buckets.clear()

    def _rate(self, limit: int) -> Rate:
        from pyrate_limiter import Rate

        rate = self._rates.get(limit)
        if rate is None:
            rate = self._rates[limit] = Rate(limit, max(1, round(self.period * 1000)))
        return rate

    def _take(self, key: str, limit: int) -> float:
        from pyrate_limiter import RateItem

        bucket = self._buckets.get(key)
        if bucket is None:
            bucket = self._buckets[key] = self._new_bucket(key, self._rate(limit))
        now = _wall_ms()
        if not 0 <= now - self._leaked_at.get(key, 0) < self._rate(limit).interval // 10:
            synchronous(bucket.leak(now))  # drop what has left the window, now and then
            self._leaked_at[key] = now
        item = RateItem(key, now)
        if self._put(bucket, item):
            return 0.0
        wait_ms = synchronous(bucket.waiting(item))
        # (never past the period: what was spent is at most a period old, see _put)
        return min(max(wait_ms, 1) / 1000, self.period) if wait_ms >= 0 else self.period

    def _new_bucket(self, key: str, rate: Rate) -> AbstractBucket:
        from pyrate_limiter import InMemoryBucket

        return InMemoryBucket([rate])

    def _put(self, bucket: AbstractBucket, item: RateItem) -> bool:
        """Spend `item` if the bucket has room. Spending stamped later than `item` (the wall clock
        stepped back since) counts as spent now, so that it leaves the window within a period
        instead of when the clock catches up with it."""
        from pyrate_limiter import InMemoryBucket

        assert isinstance(bucket, InMemoryBucket)
        now = item.timestamp
        for spent in reversed(bucket.items):  # (sorted by stamp: only the tail can be ahead)
            if spent.timestamp <= now:
                break
            spent.timestamp = now
        return synchronous(bucket.put(item))


class _SharedBudget(HourlyBudget):
    """A budget whose store is shared and can fail or hang: its operations run on worker threads,
    each caller waiting no longer than its timeout."""

    def __init__(self, limit: int | None, *, period: float, store_timeout: float) -> None:
        super().__init__(limit, period=period)
        if not store_timeout > 0 or math.isinf(store_timeout):
            raise InvalidRequestError(
                "store_timeout", f"must be a positive finite number of seconds, got {store_timeout!r}"
            )
        self.store_timeout = store_timeout
        self._workers = Workers(self.store)

    def take(
        self, scope: object, operation: str, timeout: float | None = None, limit: int | None = None
    ) -> float:
        budget = self.limit_for(operation, limit)
        job = self._workers.submit(lambda: self._guarded(f"{scope}:{operation}", budget))
        wait = self._wait_for(timeout)
        if not job.wait(wait):
            raise self._late(wait)
        return self._outcome(job.result, job.error)

    async def atake(
        self, scope: object, operation: str, timeout: float | None = None, limit: int | None = None
    ) -> float:
        import asyncio

        budget = self.limit_for(operation, limit)
        job = self._workers.submit(
            lambda: self._guarded(f"{scope}:{operation}", budget), asyncio.get_running_loop()
        )
        wait = self._wait_for(timeout)
        if not await job.finished(wait):
            raise self._late(wait)
        return self._outcome(job.result, job.error)

    def _wait_for(self, timeout: float | None) -> float:
        wait = self.store_timeout if timeout is None else min(timeout, self.store_timeout)
        if wait <= 0:
            raise self._late(0.0)
        return wait

    def _late(self, wait: float) -> BudgetStoreError:
        return BudgetStoreError(
            f"the {self.store} store of the hourly budget did not answer within {wait:.3g} s; "
            "nothing was sent"
        )

    def _outcome(self, result: float, error: BaseException | None) -> float:
        if error is not None:
            if isinstance(error, BudgetStoreError | TypeError):
                raise error
            raise BudgetStoreError(
                f"the {self.store} store of the hourly budget failed ({type(error).__name__}: {error}); "
                "nothing was sent"
            ) from None
        return result

    def _guarded(self, key: str, limit: int) -> float:
        with self._lock:  # (held by a worker thread, never by a caller)
            return self._take(key, limit)


class _SQLiteBudget(_SharedBudget):
    store = "sqlite"

    def _start_afresh(self) -> None:
        # A SQLite connection must not be used across fork: the child opens its own, and keeps the
        # inherited ones unused (closing them could touch the parent's locks or journal).
        super()._start_afresh()
        if hasattr(self, "_buckets"):
            self._inherited = [*getattr(self, "_inherited", ()), *self._buckets.values()]
            self._buckets = {}

    def __init__(self, path: str, limit: int | None, *, period: float, store_timeout: float) -> None:
        super().__init__(limit, period=period, store_timeout=store_timeout)
        self.path = path
        self._check()

    def _check(self) -> None:
        _budget_stores.check_sqlite(self.path, self.store_timeout)

    def _guarded(self, key: str, limit: int) -> float:
        import sqlite3

        try:
            return super()._guarded(key, limit)
        except (sqlite3.Error, OSError) as exc:
            raise _budget_stores.sqlite_failure(self.path, exc) from None

    def _new_bucket(self, key: str, rate: Rate) -> AbstractBucket:
        return _budget_stores.sqlite_bucket(self.path, key, rate, self.store_timeout)

    def _put(self, bucket: AbstractBucket, item: RateItem) -> bool:
        return _budget_stores.sqlite_put(bucket, item)


class _RedisBudget(_SharedBudget):
    store = "redis"
    _PYRATE = False

    def __init__(
        self, redis: str | Redis, limit: int | None, *, period: float, key_prefix: str, store_timeout: float
    ) -> None:
        super().__init__(limit, period=period, store_timeout=store_timeout)
        self._owned = isinstance(redis, str)
        self._redis, self._script = _budget_stores.redis_store(redis, store_timeout)
        self.key_prefix = key_prefix
        self._period_ms = max(1, round(period * 1000))

    def _guarded(self, key: str, limit: int) -> float:
        return _budget_stores.redis_take(self._script, f"{self.key_prefix}:{key}", limit, self._period_ms)

    def close(self) -> None:
        if self._owned:
            self._redis.close()
