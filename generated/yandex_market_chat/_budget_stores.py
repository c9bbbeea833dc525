"""The hourly budget's shared stores, their I/O and nothing else: a SQLite file (pyrate-limiter's
SQLiteBucket, a table per (business, operation), its count-then-insert made one step for every
process on the file) and Redis (a sliding log kept by one script on the Redis server's clock).
A store that cannot be used or fails raises BudgetStoreError. What may be spent, and when, is the
budget's (_budget.py).
"""

from __future__ import annotations

import os
import re
from collections.abc import Awaitable
from inspect import isawaitable
from typing import TYPE_CHECKING, TypeVar

from .errors import BudgetStoreError

if TYPE_CHECKING:
    from pyrate_limiter import AbstractBucket, Rate, RateItem
    from redis import Redis
    from redis.commands.core import Script

T = TypeVar("T")


def synchronous(value: T | Awaitable[T]) -> T:
    """The result of a store call: the budget's stores are all synchronous."""
    if isawaitable(value):
        close = getattr(value, "close", None)
        if callable(close):
            close()  # a coroutine never awaited: say nothing about it
        raise TypeError("HourlyBudget needs a synchronous store client (a sync redis.Redis)")
    return value


# --- SQLite ----------------------------------------------------------------------------------------


def check_sqlite(path: str, timeout: float) -> None:
    """Open the file and read its schema: a missing directory, a directory, a file that is not a
    SQLite database fail here, when the budget is made, not in the first call."""
    import sqlite3

    try:
        connection = sqlite3.connect(path, timeout=timeout)
        try:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            connection.close()
    except (sqlite3.Error, OSError) as exc:
        raise BudgetStoreError(
            f"the SQLite file of the hourly budget cannot be used: {path!r}: {exc}"
        ) from None


def sqlite_failure(path: str, exc: Exception) -> BudgetStoreError:
    return BudgetStoreError(f"the SQLite file of the hourly budget failed: {path!r}: {exc}; nothing was sent")


def sqlite_bucket(path: str, key: str, rate: Rate, timeout: float) -> AbstractBucket:
    """The bucket of `key`: a table of its own (pyrate-limiter's SQLite bucket counts its whole table)."""
    from pyrate_limiter import SQLiteBucket

    table = "yandex_market_chat_" + re.sub(r"\W", "_", key)
    bucket = SQLiteBucket.init_from_file([rate], table=table, db_path=path)
    bucket.conn.execute(f"PRAGMA busy_timeout = {round(timeout * 1000)}")
    return bucket


def sqlite_put(bucket: AbstractBucket, item: RateItem) -> bool:
    """Spend `item` if the bucket has room: BEGIN IMMEDIATE makes the bucket's count-then-insert one
    step for every process on the file."""
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
            return synchronous(bucket.put(item))
        finally:
            if bucket.conn.in_transaction:
                bucket.conn.commit()


# --- Redis -----------------------------------------------------------------------------------------

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


def redis_store(redis: str | Redis, timeout: float) -> tuple[Redis, Script]:
    """The Redis client (made from a URL, or the caller's) and the budget's script registered on
    it; the server answered a PING."""
    try:
        from redis import Redis, RedisError  # the optional extra: imported only for this store
    except ImportError as exc:
        raise ImportError("HourlyBudget.redis needs redis: pip install 'yandex-market-chat[redis]'") from exc
    if isinstance(redis, str):
        redis = Redis.from_url(redis, socket_timeout=timeout, socket_connect_timeout=timeout)
    script = redis.register_script(_TAKE)
    try:
        synchronous(redis.ping())
    except (RedisError, OSError) as exc:
        raise BudgetStoreError(f"the Redis store of the hourly budget cannot be reached: {exc}") from None
    return redis, script


def redis_take(script: Script, key: str, limit: int, period_ms: int) -> float:
    """Spend one request of `key` (0.0), or the seconds until one is free. No lock: the script is
    one atomic step on the server, and redis.Redis is thread-safe."""
    from redis import RedisError

    member = os.urandom(9).hex()
    try:
        wait_ms = synchronous(script(keys=[key], args=[limit, period_ms, member]))
    except (RedisError, OSError) as exc:
        raise BudgetStoreError(
            f"the Redis store of the hourly budget failed: {exc}; nothing was sent"
        ) from None
    return int(wait_ms) / 1000
