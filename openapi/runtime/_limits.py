"""Client-side rate limits, shared by every call through one client and its with_options() copies.

Before a request is sent, RateLimiter.acquire() / aacquire() (or the slot() / aslot() context
managers) waits for:
1. the optional `HourlyBudget` of the (business, operation): pyrate-limiter buckets in memory or in
   a SQLite file (processes on one machine), or a sliding log in Redis kept by a script of our own
   on the Redis server's clock (several machines);
2. the window the service reported last for the (business, operation) in
   X-RateLimit-Resource-Remaining / -Until: when nothing remains, the request waits for the reset
   instead of spending a request on a 420; requests in flight count against what remains;
3. a free place among `max_in_flight` requests per business (the service allows 4). Threads and
   asyncio tasks, on any event loop, share the one count.
A rate-limit wait (1, 2) longer than `max_wait` raises RateLimitError at once, before anything is
sent; such waits do not count against the attempt's timeout. The wait for a place (3), and the
budget store's own I/O, do: when the timeout runs out first, APITimeoutError (nothing was sent) or
BudgetStoreError.

Interrupt safety: a place is a `_Place` token held by weak references only. release() frees it;
and should a KeyboardInterrupt (or any exception a signal handler raises) strike at a point where
release() cannot run, the place is freed as soon as the interrupted call's frames are gone. The
one lock is a C-level lock taken only with `with` (no Python code between taking and protecting
it), and waiting never holds it.
"""

from __future__ import annotations

import _thread
import collections
import contextlib
import logging
import math
import os
import threading
import time
import weakref
from collections.abc import AsyncIterator, Iterator, Mapping
from contextlib import asynccontextmanager, contextmanager
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from . import _headers
from ._budget import HourlyBudget
from .errors import APITimeoutError, InvalidRequestError, RateLimitError

if TYPE_CHECKING:
    import asyncio

    from .types import BusinessLimits, RateLimits

    # pyrate-limiter is imported only when an HourlyBudget is made: it would double import time.

__all__ = ["DEFAULT_MAX_IN_FLIGHT", "RateLimiter"]

logger = logging.getLogger("yandex_market_chat")

DEFAULT_MAX_IN_FLIGHT = 4
"""Simultaneous requests per business: the service's limit (older docs said 2)."""
RESET_MARGIN = 0.05
"""Seconds to wait past a reported reset before sending again."""
LONGEST_WINDOW = timedelta(hours=1)
"""The service's windows are hourly: a reset reported further ahead is trusted only this far, so
that one wrong header cannot stop a client for longer."""
CLOCK_SLACK = timedelta(minutes=5)
"""How far our clock may be behind the service's: an Until further ahead than LONGEST_WINDOW plus
this cannot name a real window, so it does not outrank the answers that follow it."""


def _refusal(what: str, scope: object, operation: str, wait: float, max_wait: float) -> RateLimitError:
    reset_at = datetime.now(UTC) + timedelta(seconds=wait)
    return RateLimitError(
        reset_at=reset_at,
        message=(
            f"{operation} for business {scope}: {what} until {reset_at:%Y-%m-%d %H:%M:%S} UTC; "
            f"waiting {wait:.1f} s would exceed max_rate_limit_wait ({max_wait:g} s), so nothing was sent"
        ),
    )


def _no_place(scope: object, operation: str, timeout: float, max_in_flight: int) -> APITimeoutError:
    return APITimeoutError(
        f"{operation} for business {scope}: no place among the {max_in_flight} requests in flight "
        f"came free within the timeout ({timeout:g} s), so nothing was sent",
        may_have_been_delivered=False,
    )


class _Window:
    """What the service last said of one (business, operation) window, and our requests in flight."""

    __slots__ = ("credible", "last", "limit", "places", "remaining", "reset_by", "until")

    def __init__(self) -> None:
        self.limit: int | None = None
        self.remaining: int | None = None
        self.until: datetime | None = None
        """The reset as the service reported it: it names the window."""
        self.reset_by: float | None = None
        """The reset we wait for, a time.monotonic() moment: `until`, but at most LONGEST_WINDOW
        after we heard of it. Monotonic, so that a step of the wall clock (NTP, a VM resumed)
        can neither stretch a wait past the window nor end it early."""
        self.credible = True
        """False when `until` was further ahead than any real window ends (a wrong header)."""
        self.places = _Places()
        """Our requests of this operation in flight."""
        self.last: tuple[str | None, str | None, str | None] | None = None
        """The three headers as they came last: the same again changes nothing."""

    @property
    def in_flight(self) -> int:
        return len(self.places)

    def observe(self, headers: Mapping[str, str]) -> None:
        raw = (headers.get(_headers.LIMIT), headers.get(_headers.REMAINING), headers.get(_headers.UNTIL))
        moment = time.monotonic()
        same = raw == self.last and raw[2] is not None and self.reset_by is not None
        if same and self.reset_by is not None and moment < self.reset_by:
            return  # the answer before said the same: nothing to learn (most answers)
        self.last = raw
        limit = _headers.header_int(headers, _headers.LIMIT)
        if limit is not None and limit >= 0:
            self.limit = limit
        remaining = _headers.header_int(headers, _headers.REMAINING)
        until = _headers.reset_at(headers)
        if remaining is None or until is None:
            return
        remaining = max(0, remaining)
        now = datetime.now(UTC)
        if self.until is not None and self.remaining is not None and self.reset_by is not None:
            if until == self.until and moment < self.reset_by:  # answers from one window come out of order
                self.remaining = min(remaining, self.remaining)
                return
            if until < self.until and moment < self.reset_by and self.credible:
                return  # a late answer from an earlier window
            # (an Until no real window has does not outrank the answers after it: they replace it)
        self.remaining, self.until = remaining, until
        ahead = until - now
        self.credible = ahead <= LONGEST_WINDOW + CLOCK_SLACK
        self.reset_by = moment + max(0.0, min(ahead, LONGEST_WINDOW).total_seconds())

    def wait(self) -> float | None:
        """Seconds until the window may have room; None when it has room now or nothing is known."""
        reset_by = self.reset_by
        if reset_by is None or self.remaining is None:
            return None
        now = time.monotonic()
        if now >= reset_by or self.remaining - len(self.places) > 0:
            return None
        return reset_by - now + RESET_MARGIN


class _Places(set["weakref.ref[_Place]"]):
    """The weak references to the places held: of a business, or of one window."""

    __slots__ = ()

    def forget(self, ref: weakref.ref[_Place]) -> None:
        """A place's weak reference callback: it was never given back (an interrupted call)."""
        with contextlib.suppress(TypeError):  # (its hash was never taken: it died before it was added)
            self.discard(ref)


class _Place:
    """One request's place among `max_in_flight`, held by weak references only: release() frees it,
    and so does its being garbage (a call interrupted where release() could not run)."""

    __slots__ = ("__weakref__", "deadline", "key", "refs")

    def __init__(self, key: tuple[object, str] = (None, "")) -> None:
        self.key = key
        """(business, operation): whose waiters it goes to when it is given back."""
        self.deadline = math.inf
        """The time.monotonic() moment by which the attempt holding it must be done."""
        self.refs: tuple[_Places, weakref.ref[_Place], _Places, weakref.ref[_Place]] | None = None


def _wake(waiter: asyncio.Future[None]) -> None:
    """Wake a task waiting in aacquire(): with the place handed to it, or to look again."""
    if not waiter.done():
        waiter.set_result(None)


def _block(lock: Any, seconds: float) -> None:
    """Wait on a lock for up to `seconds` (math.inf: until it is released)."""
    if math.isinf(seconds):
        lock.acquire()
    else:
        lock.acquire(True, min(max(seconds, 0.0), threading.TIMEOUT_MAX))


class _Waiter:
    """A call waiting in acquire() / aacquire(): for a place in flight (in its business's line, first
    come first served), or for its operation's window to have room."""

    __slots__ = ("for_a_place", "key", "loop", "place", "queued", "signal")

    def __init__(self, key: tuple[object, str], for_a_place: bool, signal: Any, loop: Any) -> None:
        self.key = key
        self.for_a_place = for_a_place
        self.signal = signal
        """A _thread lock held until the waiter is woken (a thread), or an asyncio future (a task)."""
        self.loop: asyncio.AbstractEventLoop | None = loop
        """The future's event loop; None for a thread."""
        self.place: _Place | None = None
        """The place handed to it by the call that gave one back."""
        self.queued = True


class RateLimiter:
    """Keeps requests within the service's limits, shared by every call through one client.

    `RateLimiter(max_in_flight=4, budget=None)`: at most `max_in_flight` requests in flight per
    business; with `budget=HourlyBudget(...)`, also at most that many requests per period for each
    (business, operation), which several processes or machines can share. The window the service
    reports is always followed. `snapshot()` tells what is known (client.rate_limits).

    Calls waiting for a place are served in the order they came: a place given back goes straight
    to the first of them (a hand-off: one waiter woken, and no newcomer can take it meanwhile).
    A forked child starts with none of its parent's places or waiters.
    """

    def __init__(
        self, max_in_flight: int = DEFAULT_MAX_IN_FLIGHT, budget: HourlyBudget | None = None
    ) -> None:
        if isinstance(max_in_flight, bool) or not isinstance(max_in_flight, int) or max_in_flight < 1:
            raise InvalidRequestError("max_in_flight", f"must be an int of at least 1, got {max_in_flight!r}")
        self.max_in_flight = max_in_flight
        self.budget = budget
        self._windows: dict[tuple[object, str], _Window] = {}
        self._start_afresh()
        _LIMITERS.add(self)

    def _start_afresh(self) -> None:
        """No place taken and no one waiting (a new limiter, or the one a forked child inherited:
        the parent's calls, and the threads that would give their places back, are not the child's)."""
        self._lock = threading.Lock()
        self._queues: dict[object, collections.deque[_Waiter]] = {}
        """Per business: the calls waiting for a place, in the order they came."""
        self._timed: dict[tuple[object, str], list[_Waiter]] = {}
        """Per (business, operation): the calls waiting for its window to have room."""
        self._busy: dict[object, _Places] = {}
        """Per business: the places in flight."""
        for window in self._windows.values():
            window.places = _Places()
        if self.budget is not None:
            self.budget._start_afresh()

    def __repr__(self) -> str:
        return f"RateLimiter(max_in_flight={self.max_in_flight}, budget={self.budget!r})"

    # --- taking and giving back a place ------------------------------------------------------------

    def acquire(
        self,
        scope: object,
        operation: str,
        max_wait: float,
        timeout: float = math.inf,
        hourly_limit: int | None = None,
    ) -> _Place:
        """Wait for a place for one request of `operation` for business `scope`, and take it.
        `hourly_limit` is the operation's own (its `x-hourly-limit`): the budget's limit for it
        when the budget names none.

        `timeout` bounds the wait for a place and the budget store's I/O (APITimeoutError or
        BudgetStoreError when it runs out); rate-limit waits are bounded by `max_wait` instead
        (RateLimitError at once when longer) and move the place's `deadline` on by what they took.
        Give the place back with release()."""
        deadline = time.monotonic() + timeout
        if self.budget is not None:
            deadline = self._spend_budget(scope, operation, max_wait, deadline, hourly_limit)
        announced = False
        while True:
            with self._lock:
                got = self._admit(scope, operation, max_wait)
                if isinstance(got, _Place):
                    got.deadline = deadline
                    return got
                for_a_place = math.isinf(got)
                pause = deadline - time.monotonic() if for_a_place else got
                if pause <= 0:
                    raise _no_place(scope, operation, timeout, self.max_in_flight)
                if not for_a_place:
                    announced = announced or self._announce(scope, operation, got)
                sleeper = _thread.allocate_lock()
                sleeper.acquire()
                waiter = self._wait_in_line(_Waiter((scope, operation), for_a_place, sleeper, None))
            started = time.monotonic()
            try:
                _block(sleeper, pause)
            except BaseException:
                with self._lock:
                    self._leave(waiter, give_back=True)
                raise
            with self._lock:
                place = self._leave(waiter)
            if place is not None:
                place.deadline = deadline
                return place
            if not for_a_place:
                deadline += time.monotonic() - started

    async def aacquire(
        self,
        scope: object,
        operation: str,
        max_wait: float,
        timeout: float = math.inf,
        hourly_limit: int | None = None,
    ) -> _Place:
        """The async twin of acquire(): waits without blocking the event loop."""
        import asyncio  # here, not at the top: sync-only users do not pay for importing it

        deadline = time.monotonic() + timeout
        if self.budget is not None:
            deadline = await self._aspend_budget(scope, operation, max_wait, deadline, hourly_limit)
        loop = asyncio.get_running_loop()
        announced = False
        while True:
            with self._lock:
                got = self._admit(scope, operation, max_wait)
                if isinstance(got, _Place):
                    got.deadline = deadline
                    return got
                for_a_place = math.isinf(got)
                pause = deadline - time.monotonic() if for_a_place else got
                if pause <= 0:
                    raise _no_place(scope, operation, timeout, self.max_in_flight)
                if not for_a_place:
                    announced = announced or self._announce(scope, operation, got)
                future: asyncio.Future[None] = loop.create_future()
                waiter = self._wait_in_line(_Waiter((scope, operation), for_a_place, future, loop))
            started = time.monotonic()
            timer = None if math.isinf(pause) else loop.call_later(pause, _wake, future)
            try:
                await future
            except BaseException:  # cancelled
                with self._lock:
                    self._leave(waiter, give_back=True)
                raise
            finally:
                if timer is not None:
                    timer.cancel()
            with self._lock:
                place = self._leave(waiter)
            if place is not None:
                place.deadline = deadline
                return place
            if not for_a_place:
                deadline += time.monotonic() - started

    def release(self, place: _Place) -> None:
        """Give a place back (again is harmless): to the first call waiting for one, if any."""
        with self._lock:
            self._give_back(place)

    @contextmanager
    def slot(
        self, scope: object, operation: str, max_wait: float, timeout: float = math.inf
    ) -> Iterator[float]:
        """Hold a place for one request while it is sent; yields the attempt's deadline."""
        place = self.acquire(scope, operation, max_wait, timeout)
        try:
            yield place.deadline
        finally:
            self.release(place)

    @asynccontextmanager
    async def aslot(
        self, scope: object, operation: str, max_wait: float, timeout: float = math.inf
    ) -> AsyncIterator[float]:
        """The async twin of slot()."""
        place = await self.aacquire(scope, operation, max_wait, timeout)
        try:
            yield place.deadline
        finally:
            self.release(place)

    def observe(self, scope: object, operation: str, headers: Mapping[str, str]) -> None:
        """Take note of the X-RateLimit-Resource-* headers of an answer."""
        with self._lock:
            window = self._windows.get((scope, operation))
            if window is None:
                window = self._windows[(scope, operation)] = _Window()
            window.observe(headers)

    def snapshot(self) -> RateLimits:
        """What is known, as last reported by the service, per business and operation."""
        with self._lock:
            businesses: dict[object, BusinessLimits] = {}
            for (scope, operation), window in self._windows.items():
                in_flight = len(self._busy.get(scope, ()))
                entry = businesses.setdefault(scope, {"in_flight": in_flight, "operations": {}})
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

    def _admit(self, scope: object, operation: str, max_wait: float) -> _Place | float:
        """Under the lock: take a place, or return how long to wait before asking again (math.inf:
        until a place is handed over). Raises RateLimitError when nothing remains in the window and
        its reset is further away than `max_wait`."""
        key = (scope, operation)
        window = self._windows.get(key)
        if window is None:
            window = self._windows[key] = _Window()
        busy = self._busy.get(scope)
        if busy is None:
            busy = self._busy[scope] = _Places()
        wait = window.wait()
        if wait is not None:
            if window.remaining == 0 and wait > max_wait:
                raise _refusal("no requests remain in the service's window", scope, operation, wait, max_wait)
            return wait  # (when requests in flight hold what remains, one of them may end sooner)
        queue = self._queues.get(scope)
        if queue:
            self._serve(scope)  # (a place freed without being handed on: an interrupted call's)
        if queue or len(busy) >= self.max_in_flight:
            return math.inf  # others came first, or every place is taken: wait in line
        return self._take_place(key, busy, window)

    def _take_place(self, key: tuple[object, str], busy: _Places, window: _Window) -> _Place:
        """Under the lock: a new place of `key`, counted in its business and its window."""
        place = _Place(key)
        mine = weakref.ref(place, busy.forget)
        theirs = weakref.ref(place, window.places.forget)
        busy.add(mine)
        window.places.add(theirs)
        place.refs = (busy, mine, window.places, theirs)
        return place

    def _wait_in_line(self, waiter: _Waiter) -> _Waiter:
        """Under the lock: `waiter` at the end of its business's line, or among its window's."""
        if waiter.for_a_place:
            queue = self._queues.get(waiter.key[0])
            if queue is None:
                queue = self._queues[waiter.key[0]] = collections.deque()
            queue.append(waiter)
        else:
            self._timed.setdefault(waiter.key, []).append(waiter)
        return waiter

    def _leave(self, waiter: _Waiter, give_back: bool = False) -> _Place | None:
        """Under the lock: `waiter` out of line; the place handed to it, if any (or, when it gives
        up, that place handed on to the next)."""
        if waiter.queued:
            waiter.queued = False
            line: Any = self._queues.get(waiter.key[0]) if waiter.for_a_place else self._timed.get(waiter.key)
            with contextlib.suppress(ValueError, AttributeError):  # (a forked child starts afresh)
                line.remove(waiter)
        place, waiter.place = waiter.place, None
        if place is not None and give_back:
            self._give_back(place)
            return None
        return place

    def _give_back(self, place: _Place) -> None:
        """Under the lock: free a place and hand it to the first call waiting for one."""
        refs = place.refs
        if refs is None:
            return
        busy, mine, places, theirs = refs
        busy.discard(mine)
        places.discard(theirs)
        place.refs = None  # the weak references go too: no callback when the place does
        if self._queues.get(place.key[0]):
            self._serve(place.key[0])
        timed = self._timed.pop(place.key, None)
        for waiter in timed or ():  # (its window may have room now)
            waiter.queued = False
            self._signal(waiter)

    def _serve(self, scope: object) -> None:
        """Under the lock: hand the free places of `scope` to the calls waiting for one, in the
        order they came, waking each once; one whose window has no room now is woken to wait for it."""
        queue = self._queues[scope]
        busy = self._busy[scope]
        while queue and len(busy) < self.max_in_flight:
            waiter = queue.popleft()
            waiter.queued = False
            if waiter.loop is not None and waiter.signal.done():
                continue  # its task was cancelled or its time ran out: it is leaving
            window = self._windows[waiter.key]
            if window.wait() is None:
                waiter.place = self._take_place(waiter.key, busy, window)
            self._signal(waiter)

    @staticmethod
    def _signal(waiter: _Waiter) -> None:
        """Wake one waiter: its thread, or its task (at once when on this thread's event loop)."""
        loop = waiter.loop
        if loop is None:
            waiter.signal.release()
            return
        import asyncio

        if asyncio.events._get_running_loop() is loop:
            _wake(waiter.signal)
        else:
            with contextlib.suppress(RuntimeError):  # its event loop is closed
                loop.call_soon_threadsafe(_wake, waiter.signal)

    def _announce(self, scope: object, operation: str, wait: float) -> bool:
        """Under the lock: log a wait for the window to reset; True if it was one."""
        window = self._windows[(scope, operation)]
        if window.remaining != 0:
            return False
        logger.info("waiting %.2f s for the %s window of business %s to reset", wait, operation, scope)
        return True

    # --- the budget ----------------------------------------------------------------------------

    def _spend_budget(
        self, scope: object, operation: str, max_wait: float, deadline: float, limit: int | None
    ) -> float:
        assert self.budget is not None
        while (
            spent_for := self.budget.take(scope, operation, timeout=deadline - time.monotonic(), limit=limit)
        ) > 0:
            self._before_budget_wait(scope, operation, spent_for, max_wait)
            time.sleep(spent_for)
            deadline += spent_for
        return deadline

    async def _aspend_budget(
        self, scope: object, operation: str, max_wait: float, deadline: float, limit: int | None
    ) -> float:
        import asyncio

        assert self.budget is not None
        while (
            spent_for := await self.budget.atake(
                scope, operation, timeout=deadline - time.monotonic(), limit=limit
            )
        ) > 0:
            self._before_budget_wait(scope, operation, spent_for, max_wait)
            await asyncio.sleep(spent_for)
            deadline += spent_for
        return deadline

    def _before_budget_wait(self, scope: object, operation: str, wait: float, max_wait: float) -> None:
        if wait > max_wait:
            raise _refusal("the hourly budget is spent", scope, operation, wait, max_wait)
        logger.info("waiting %.2f s for the budget of %s for business %s", wait, operation, scope)


_LIMITERS: weakref.WeakSet[RateLimiter] = weakref.WeakSet()
"""Every RateLimiter alive, for the at-fork hook."""


def _after_fork_in_child() -> None:
    """A forked child has only the thread that forked: the places its parent's other threads held,
    and the calls waiting for one, would never be given back or woken, and a lock one of them held
    would stay taken. Each limiter starts afresh (what the service said of its windows is kept)."""
    for limiter in list(_LIMITERS):
        limiter._start_afresh()


if hasattr(os, "register_at_fork"):  # (not on Windows, which has no fork)
    os.register_at_fork(after_in_child=_after_fork_in_child)
