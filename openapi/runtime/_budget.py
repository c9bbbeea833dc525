"""The hourly budget: at most `limit` requests per `period` for each (business, operation), kept in
memory, in a SQLite file (processes on one machine) or in Redis (several machines), with the
worker threads that bound a store's I/O by the caller's timeout. The limiter (_limits.py) asks it
for a unit before each attempt; it knows nothing of the limiter.
"""

from __future__ import annotations

import _thread
import contextlib
import math
import os
import re
import threading
import time
from collections.abc import Awaitable, Callable
from inspect import isawaitable
from typing import TYPE_CHECKING, TypeVar

from .errors import BudgetStoreError, InvalidRequestError

if TYPE_CHECKING:
    import asyncio
    import queue

    from pyrate_limiter import AbstractBucket, Rate, RateItem
    from redis import Redis

STORE_TIMEOUT = 5.0
"""Seconds a shared budget's store (SQLite, Redis) gets for one operation, and to be checked when
the budget is made; a call gives up sooner when its own timeout is shorter."""

T = TypeVar("T")


def _synchronous(value: T | Awaitable[T]) -> T:
    """The result of a store call: the budget's stores are all synchronous."""
    if isawaitable(value):
        close = getattr(value, "close", None)
        if callable(close):
            close()  # a coroutine never awaited: say nothing about it
        raise TypeError("HourlyBudget needs a synchronous store client (a sync redis.Redis)")
    return value


def _wall_ms() -> int:
    """The wall clock in milliseconds, as the memory and SQLite budgets stamp what they spend (one
    function, so that a test can step it)."""
    return time.time_ns() // 1_000_000


def _resolve(waiter: asyncio.Future[None]) -> None:
    """Wake a task waiting for a store operation."""
    if not waiter.done():
        waiter.set_result(None)


class _Job:
    """One store operation run by a worker thread; whoever waits for it may give up first."""

    __slots__ = ("abandoned", "call", "done", "error", "notify", "result")

    def __init__(self, call: Callable[[], float]) -> None:
        self.call = call
        self.result = 0.0
        self.error: BaseException | None = None
        self.abandoned = False
        self.done = _thread.allocate_lock()
        self.done.acquire()
        self.notify: tuple[asyncio.AbstractEventLoop, asyncio.Future[None]] | None = None

    def run(self) -> None:
        try:
            self.result = self.call()
        except BaseException as exc:  # handed to the caller as it is
            self.error = exc
        self.done.release()
        if self.notify is not None:
            loop, waiter = self.notify
            with contextlib.suppress(RuntimeError):  # its event loop is closed
                loop.call_soon_threadsafe(_resolve, waiter)


class _Workers:
    """A few daemon threads that run a store's operations, so that a caller waits for a store for
    no longer than its own timeout, holds no lock while it waits, and an interrupted caller leaves
    no lock of the store's behind (signals reach the main thread only). Daemons: a hung store
    never keeps the interpreter from exiting."""

    def __init__(self, name: str, size: int = 4) -> None:
        self._name = name
        self._size = size
        self._lock = threading.Lock()
        self._reset()

    def _reset(self) -> None:
        import queue  # here: only a shared budget needs it

        self._jobs: queue.SimpleQueue[_Job] = queue.SimpleQueue()
        self._threads = 0
        self._idle = 0
        self._pid = os.getpid()

    def submit(self, job: _Job) -> None:
        with self._lock:
            if self._pid != os.getpid():
                self._reset()  # a forked child has none of its parent's threads
            if self._idle == 0 and self._threads < self._size:
                self._threads += 1
                name = f"yandex-market-chat {self._name} store"
                threading.Thread(target=self._work, args=(self._jobs,), name=name, daemon=True).start()
            self._jobs.put(job)

    def _work(self, jobs: queue.SimpleQueue[_Job]) -> None:
        while True:
            with self._lock:
                self._idle += 1
            job = jobs.get()
            with self._lock:
                self._idle -= 1
            if not job.abandoned:
                job.run()


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
            _synchronous(bucket.leak(now))  # drop what has left the window, now and then
            self._leaked_at[key] = now
        item = RateItem(key, now)
        if self._put(bucket, item):
            return 0.0
        wait_ms = _synchronous(bucket.waiting(item))
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
        return _synchronous(bucket.put(item))


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
        self._workers = _Workers(self.store)

    def take(
        self, scope: object, operation: str, timeout: float | None = None, limit: int | None = None
    ) -> float:
        budget = self.limit_for(operation, limit)
        job = _Job(lambda: self._guarded(f"{scope}:{operation}", budget))
        self._workers.submit(job)
        wait = self._wait_for(timeout)
        if not job.done.acquire(True, wait):
            job.abandoned = True
            raise self._late(wait)
        return self._outcome(job)

    async def atake(
        self, scope: object, operation: str, timeout: float | None = None, limit: int | None = None
    ) -> float:
        import asyncio

        budget = self.limit_for(operation, limit)
        loop = asyncio.get_running_loop()
        job = _Job(lambda: self._guarded(f"{scope}:{operation}", budget))
        waiter: asyncio.Future[None] = loop.create_future()
        job.notify = (loop, waiter)
        self._workers.submit(job)
        wait = self._wait_for(timeout)
        try:
            await asyncio.wait((waiter,), timeout=wait)
        except BaseException:  # cancelled
            job.abandoned = True
            raise
        if not job.done.acquire(False):
            job.abandoned = True
            raise self._late(wait)
        return self._outcome(job)

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

    def _outcome(self, job: _Job) -> float:
        if job.error is not None:
            error = job.error
            if isinstance(error, BudgetStoreError | TypeError):
                raise error
            raise BudgetStoreError(
                f"the {self.store} store of the hourly budget failed ({type(error).__name__}: {error}); "
                "nothing was sent"
            ) from None
        return job.result

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
        """Open the file and read its schema: a missing directory, a directory, a file that is not
        a SQLite database fail here, not in the first call."""
        import sqlite3

        try:
            connection = sqlite3.connect(self.path, timeout=self.store_timeout)
            try:
                connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
            finally:
                connection.close()
        except (sqlite3.Error, OSError) as exc:
            raise BudgetStoreError(
                f"the SQLite file of the hourly budget cannot be used: {self.path!r}: {exc}"
            ) from None

    def _guarded(self, key: str, limit: int) -> float:
        import sqlite3

        try:
            return super()._guarded(key, limit)
        except (sqlite3.Error, OSError) as exc:
            raise BudgetStoreError(
                f"the SQLite file of the hourly budget failed: {self.path!r}: {exc}; nothing was sent"
            ) from None

    def _new_bucket(self, key: str, rate: Rate) -> AbstractBucket:
        # A table per (business, operation): pyrate-limiter's SQLite bucket counts its whole table.
        from pyrate_limiter import SQLiteBucket

        table = "yandex_market_chat_" + re.sub(r"\W", "_", key)
        bucket = SQLiteBucket.init_from_file([rate], table=table, db_path=self.path)
        bucket.conn.execute(f"PRAGMA busy_timeout = {round(self.store_timeout * 1000)}")
        return bucket

    def _put(self, bucket: AbstractBucket, item: RateItem) -> bool:
        # BEGIN IMMEDIATE makes the bucket's count-then-insert one step for every process on the file.
        from pyrate_limiter import SQLiteBucket

        assert isinstance(bucket, SQLiteBucket)
        with bucket.lock:
            bucket.conn.execute("BEGIN IMMEDIATE")
            try:
                # Stamped ahead of us (our clock stepped back, or a sharer's is ahead): spent now.
                bucket.conn.execute(
                    f"UPDATE '{bucket.table}' SET item_timestamp = ? WHERE item_timestamp > ?",
                    (item.timestamp, item.timestamp),
                )
                return _synchronous(bucket.put(item))
            finally:
                if bucket.conn.in_transaction:
                    bucket.conn.commit()


_TAKE = """
-- KEYS[1]: the sorted set of one (business, operation); ARGV: limit, period in ms, a unique member.
-- The moment is the Redis server's own clock, so sharers whose clocks differ count alike.
if redis.replicate_commands then redis.replicate_commands() end
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local limit = tonumber(ARGV[1])
local period = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - period)
if redis.call('ZCARD', KEYS[1]) < limit then
  redis.call('ZADD', KEYS[1], now, ARGV[3])
  redis.call('PEXPIRE', KEYS[1], period)
  return 0
end
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return math.max(1, tonumber(oldest[2]) + period - now)
"""
"""Spend one request, or return the milliseconds until one is free: a sliding log in one script."""


class _RedisBudget(_SharedBudget):
    store = "redis"
    _PYRATE = False

    def __init__(
        self, redis: str | Redis, limit: int | None, *, period: float, key_prefix: str, store_timeout: float
    ) -> None:
        super().__init__(limit, period=period, store_timeout=store_timeout)
        try:
            from redis import Redis, RedisError  # the optional extra: imported only for this store
        except ImportError as exc:
            raise ImportError(
                "HourlyBudget.redis needs redis: pip install 'yandex-market-chat[redis]'"
            ) from exc
        self._owned = isinstance(redis, str)
        if isinstance(redis, str):
            redis = Redis.from_url(redis, socket_timeout=store_timeout, socket_connect_timeout=store_timeout)
        self._redis = redis
        self.key_prefix = key_prefix
        self._period_ms = max(1, round(period * 1000))
        self._script = redis.register_script(_TAKE)
        try:
            _synchronous(redis.ping())
        except (RedisError, OSError) as exc:
            raise BudgetStoreError(f"the Redis store of the hourly budget cannot be reached: {exc}") from None

    def _guarded(self, key: str, limit: int) -> float:
        # No lock: the script is one atomic step on the server, and redis.Redis is thread-safe.
        from redis import RedisError

        member = os.urandom(9).hex()
        try:
            wait_ms = _synchronous(
                self._script(keys=[f"{self.key_prefix}:{key}"], args=[limit, self._period_ms, member])
            )
        except (RedisError, OSError) as exc:
            raise BudgetStoreError(
                f"the Redis store of the hourly budget failed: {exc}; nothing was sent"
            ) from None
        return int(wait_ms) / 1000

    def close(self) -> None:
        if self._owned:
            self._redis.close()
