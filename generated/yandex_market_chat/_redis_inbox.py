"""`RedisInbox`: the notification inbox in Redis, for receivers and workers on several machines.

The same guarantees as the SQLite inbox, kept by Redis itself: every method is one Lua script, so
it is one atomic step on the server whoever else calls it at the same moment, and every moment
(when an entry was received, when it is due, when a lease ends) is the Redis server's clock
(`TIME`), so machines whose clocks differ share the work alike.

Four keys under the prefix, nothing else (all named in each script's KEYS, and by default inside
one hash tag, so the inbox also lives in a Redis Cluster):

- `<prefix>:meta`  hash, event key -> JSON {t: type, a: attempts (claims), r: received,
  s: pending|done|failed, why: last reason, f: failed at}. A key's field is the de-duplication:
  it stays when the entry is done (without its body), so the same event is never recorded twice.
- `<prefix>:body`  hash, event key -> the request body exactly as received (dropped when done).
- `<prefix>:due`   sorted set, event key -> the moment (microseconds, server clock) it may be claimed: now
  when recorded, the end of the lease when claimed, now + delay after a failure.
- `<prefix>:failed` sorted set, event key -> the moment it was given up (oldest first).

Why a sorted set and not a Stream with a consumer group: a Stream hands an entry out again only
when another consumer claims it (XAUTOCLAIM) and has no "due at" for a retry with backoff, and it
would still need a hash for the de-duplication and another structure for the failed entries. One
sorted set scored by "when it may be handed out" is a lease, a retry delay and a queue at once.

A claim is fenced by its attempt number: `retry_later` / `give_up` from a worker whose lease
ended and whose entry another worker claimed since are ignored (that worker decides now).
`complete` is always honoured: the handler did succeed, and doing the work again would answer a
buyer twice.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, NoReturn

from .errors import InboxError
from .inbox import FailedEntry, InboxEntry

if TYPE_CHECKING:
    from redis import Redis

__all__ = ["RedisInbox"]

DEFAULT_PREFIX = "{yandex-market-chat:inbox}"
"""The keys' prefix; the braces are a Cluster hash tag that keeps the four keys in one slot."""
STORE_TIMEOUT = 5.0
"""Seconds one call to Redis may take before it fails with InboxError (the receiver answers 500
and the Market sends the notification again)."""

_NOW = """
if redis.replicate_commands then redis.replicate_commands() end
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000000 + tonumber(clock[2])
local function at(us) return string.format('%d', us) end
"""
"""Every script starts here: `now` is the server's clock in microseconds (TIME before writes:
replicated as effects). Scores are written with `at`: Lua's own number-to-text keeps 14 digits."""

_RECORD = (
    _NOW
    + """
-- KEYS: meta, body, due; ARGV: key, type, body
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1 then return 0 end
local received = clock[1] .. '.' .. string.format('%06d', tonumber(clock[2]))
redis.call('HSET', KEYS[1], ARGV[1], cjson.encode({t = ARGV[2], a = 0, r = received, s = 'pending'}))
redis.call('HSET', KEYS[2], ARGV[1], ARGV[3])
redis.call('ZADD', KEYS[3], at(now), ARGV[1])
return 1
"""
)

_CLAIM = (
    _NOW
    + """
-- KEYS: meta, body, due; ARGV: lease in microseconds
local first = redis.call('ZRANGEBYSCORE', KEYS[3], '-inf', at(now), 'LIMIT', 0, 1)
if #first == 0 then return false end
local key = first[1]
local meta = cjson.decode(redis.call('HGET', KEYS[1], key))
local attempts = meta.a
meta.a = attempts + 1
redis.call('HSET', KEYS[1], key, cjson.encode(meta))
redis.call('ZADD', KEYS[3], at(now + tonumber(ARGV[1])), key)
return {key, meta.t, redis.call('HGET', KEYS[2], key), tostring(attempts), meta.r}
"""
)

_COMPLETE = """
-- KEYS: meta, body, due; ARGV: key
local raw = redis.call('HGET', KEYS[1], ARGV[1])
if not raw then return 0 end
local meta = cjson.decode(raw)
if meta.s == 'done' then return 0 end
meta.s = 'done'
meta.why = nil
redis.call('HSET', KEYS[1], ARGV[1], cjson.encode(meta))
redis.call('HDEL', KEYS[2], ARGV[1])
redis.call('ZREM', KEYS[3], ARGV[1])
return 1
"""

_FAIL = (
    _NOW
    + """
-- KEYS: meta, due, failed; ARGV: key, attempts after the claim, reason, delay (µs; '' to give up)
local raw = redis.call('HGET', KEYS[1], ARGV[1])
if not raw then return 0 end
local meta = cjson.decode(raw)
if meta.s ~= 'pending' or tostring(meta.a) ~= ARGV[2] then return 0 end
meta.why = ARGV[3]
if ARGV[4] == '' then
  meta.s = 'failed'
  meta.f = clock[1] .. '.' .. string.format('%06d', tonumber(clock[2]))
  redis.call('ZREM', KEYS[2], ARGV[1])
  redis.call('ZADD', KEYS[3], at(now), ARGV[1])
else
  redis.call('ZADD', KEYS[2], at(now + tonumber(ARGV[4])), ARGV[1])
end
redis.call('HSET', KEYS[1], ARGV[1], cjson.encode(meta))
return 1
"""
)

_REPLAY = (
    _NOW
    + """
-- KEYS: meta, due, failed; ARGV: key
local raw = redis.call('HGET', KEYS[1], ARGV[1])
if not raw then return 0 end
local meta = cjson.decode(raw)
if meta.s ~= 'failed' then return 0 end
meta.s = 'pending'
meta.f = nil
redis.call('HSET', KEYS[1], ARGV[1], cjson.encode(meta))
redis.call('ZREM', KEYS[3], ARGV[1])
redis.call('ZADD', KEYS[2], at(now), ARGV[1])
return 1
"""
)


def _text(value: bytes | str) -> str:
    return value.decode() if isinstance(value, bytes) else value


class RedisInbox:
    """The notification inbox in Redis: several receivers and workers on several machines share it.

    `redis` is a URL (`redis://host:6379/0`, `rediss://...`) or a synchronous `redis.Redis` you
    made (then its timeouts and retries are yours, and `close` leaves it open). Needs the `redis`
    extra. `prefix` namespaces the keys (one inbox per prefix); keep a `{hash tag}` in it for a
    Redis Cluster. `timeout` bounds every call: a Redis that does not answer in time, or fails,
    raises `InboxError`. `replicas`: `record` returns only when this many replicas have the entry
    too (WAIT), for a receiver that must survive losing the primary.

    An entry is as durable as the server's persistence makes it: run Redis with `appendonly yes`
    (and `appendfsync always` to have each recorded notification on disk before the 200).
    Claimed entries are leased for `lease_seconds` on the server's clock; a worker that dies lets
    its lease run out, and the entry is handed out again. `attempts` counts every claim, across
    replays too.
    """

    def __init__(
        self,
        redis: str | Redis,
        *,
        prefix: str = DEFAULT_PREFIX,
        timeout: float = STORE_TIMEOUT,
        replicas: int = 0,
    ) -> None:
        try:
            from redis import Redis, RedisError  # the optional extra: imported only for this store
            from redis.backoff import NoBackoff
            from redis.retry import Retry
        except ImportError as exc:
            raise ImportError("RedisInbox needs redis: pip install 'yandex-market-chat[redis]'") from exc
        if not isinstance(redis, (str, Redis)):
            raise TypeError(
                f"RedisInbox needs a redis URL or a synchronous redis.Redis, not {type(redis).__name__}"
            )
        if not isinstance(redis, str) and redis.get_connection_kwargs().get("decode_responses"):
            raise TypeError("RedisInbox needs a redis.Redis with decode_responses=False: bodies are bytes")
        if timeout <= 0:
            raise ValueError(f"timeout must be positive, not {timeout!r}")
        if replicas < 0:
            raise ValueError(f"replicas must be 0 or more, not {replicas!r}")
        self._owned = isinstance(redis, str)
        if isinstance(redis, str):
            # No retries inside redis-py: one call takes at most `timeout`, and a script is never
            # sent twice behind our back.
            redis = Redis.from_url(
                redis, socket_timeout=timeout, socket_connect_timeout=timeout, retry=Retry(NoBackoff(), 0)
            )
        self._redis = redis
        self._errors = (RedisError, OSError)
        self.prefix = prefix
        self._timeout = timeout
        self._replicas = replicas
        self._meta, self._body = f"{prefix}:meta", f"{prefix}:body"
        self._due, self._failed = f"{prefix}:due", f"{prefix}:failed"
        self._record = redis.register_script(_RECORD)
        self._claim = redis.register_script(_CLAIM)
        self._complete = redis.register_script(_COMPLETE)
        self._fail = redis.register_script(_FAIL)
        self._replay = redis.register_script(_REPLAY)
        self._call(redis.ping, "cannot be reached")

    def _fault(self, exc: BaseException, what: str) -> NoReturn:
        raise InboxError(f"the Redis inbox {what}: {type(exc).__name__}: {exc}") from None

    def _call(self, function: Any, what: str, *args: Any, **kwargs: Any) -> Any:
        try:
            return function(*args, **kwargs)
        except self._errors as exc:
            self._fault(exc, what)

    def record(self, key: str, notification_type: str, body: bytes) -> bool:
        fresh = self._call(
            self._record,
            "failed; the notification was not recorded",
            keys=[self._meta, self._body, self._due],
            args=[key, notification_type, body],
        )
        if fresh and self._replicas:
            # The entry is on the primary; too few replicas: an error, so the Market sends it again
            # (and that repeat finds the entry and is acknowledged).
            # WAIT gives up a little before the socket does, so that too few replicas is reported
            # as such, not as a timeout.
            copies = self._call(
                self._redis.wait,
                "failed waiting for replicas",
                self._replicas,
                max(1, round(self._timeout * 800)),
            )
            if int(copies) < self._replicas:
                raise InboxError(
                    f"the Redis inbox recorded the notification on {int(copies)} of {self._replicas} "
                    f"replicas within {self._timeout:g} s"
                )
        return bool(fresh)

    def claim(self, lease_seconds: float) -> InboxEntry | None:
        if lease_seconds < 0:
            raise ValueError(f"lease_seconds must be 0 or more, not {lease_seconds!r}")
        found = self._call(
            self._claim,
            "failed to hand out an entry",
            keys=[self._meta, self._body, self._due],
            args=[max(0, round(lease_seconds * 1_000_000))],
        )
        if not found:
            return None
        key, notification_type, body, attempts, received = found
        return InboxEntry(
            key=_text(key),
            notification_type=_text(notification_type),
            body=bytes(body),
            attempts=int(attempts),
            received_at=float(received),
        )

    def complete(self, entry: InboxEntry) -> None:
        self._call(
            self._complete,
            "failed to mark an entry done",
            keys=[self._meta, self._body, self._due],
            args=[entry.key],
        )

    def _fail_entry(self, entry: InboxEntry, reason: str, delay: str) -> None:
        self._call(
            self._fail,
            "failed to keep a failed entry",
            keys=[self._meta, self._due, self._failed],
            args=[entry.key, entry.attempts + 1, reason, delay],
        )

    def retry_later(self, entry: InboxEntry, reason: str, delay: float) -> None:
        self._fail_entry(entry, reason, str(max(0, round(delay * 1_000_000))))

    def give_up(self, entry: InboxEntry, reason: str) -> None:
        self._fail_entry(entry, reason, "")

    def failed(self) -> list[FailedEntry]:
        keys = [_text(key) for key in self._call(self._redis.zrange, "failed to list", self._failed, 0, -1)]
        if not keys:
            return []
        metas = self._call(self._redis.hmget, "failed to list", self._meta, keys)
        found = []
        for key, raw in zip(keys, metas, strict=True):
            if raw is None:
                continue
            meta = json.loads(raw)
            if meta.get("s") != "failed":  # replayed between the two reads
                continue
            found.append(
                FailedEntry(
                    key=key,
                    notification_type=meta["t"],
                    attempts=int(meta["a"]),
                    reason=meta.get("why") or "",
                    failed_at=float(meta["f"]),
                )
            )
        return found

    def replay(self, key: str) -> bool:
        return bool(
            self._call(
                self._replay, "failed to replay", keys=[self._meta, self._due, self._failed], args=[key]
            )
        )

    def close(self) -> None:
        if self._owned:
            self._redis.close()
