"""Client-side rate limits, shared by every call through one client and its with_options() copies.

Before a request is sent, RateLimiter.acquire() / aacquire() (or the slot() / aslot() context
managers) takes a `PlaceRequest` (what the call asks for, one value built once per call) and waits
for:
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

Interrupt safety: a place is a `Place` token (_windows.py) held by weak references only. release()
frees it; and should a KeyboardInterrupt (or any exception a signal handler raises) strike at a
point where release() cannot run, the place is freed as soon as the interrupted call's frames are gone. The
one lock (the line's, _line.py) is a C-level lock taken only with `with` (no Python code between
taking and protecting it), and waiting never holds it.

The limiter's jobs, one module each: this one, the public face (the sync and async shells that
wait, the budget's turn, snapshots, fork); _line.py, who waits in line and who is handed a place;
_windows.py, what the service said of each window and the places in flight.
"""

from __future__ import annotations

import math
import os
import threading
import time
import weakref
from collections.abc import AsyncIterator, Iterator, Mapping
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from . import _line
from ._budget import HourlyBudget
from ._line import Line
from ._windows import Place, Window, refusal
from .errors import InvalidRequestError

if TYPE_CHECKING:
    from .types import BusinessLimits, RateLimits

__all__ = ["DEFAULT_MAX_IN_FLIGHT", "PlaceRequest", "RateLimiter"]

logger = _line.logger

DEFAULT_MAX_IN_FLIGHT = 4
"""Simultaneous requests per business: the service's limit (older docs said 2)."""


@dataclass(frozen=True, slots=True)
class PlaceRequest:
    """What one call asks the limiter for at each attempt: a place for one request of `operation`
    for `business`, and how long it may wait for it (built once per call by the pipeline)."""

    business: object
    """The business id (None for an operation without one): the in-flight cap counts per business."""
    operation: str
    """The operationId: the service's window and the budget are per (business, operation)."""
    max_wait: float
    """The longest rate-limit wait (the window's, the budget's): a longer one raises RateLimitError
    at once."""
    timeout: float = math.inf
    """Bounds the wait for a place and the budget store's I/O (APITimeoutError or BudgetStoreError
    when it runs out)."""
    hourly_limit: int | None = None
    """The operation's own `x-hourly-limit`: the budget's limit for it when the budget names none."""

    @property
    def key(self) -> tuple[object, str]:
        """(business, operation): what a window, the line and the budget are kept by."""
        return self.business, self.operation


def _block(lock: Any, seconds: float) -> None:
    """Wait on a lock for up to `seconds` (math.inf: until it is released)."""
    if math.isinf(seconds):
        lock.acquire()
    else:
        lock.acquire(True, min(max(seconds, 0.0), threading.TIMEOUT_MAX))


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
        self._windows: dict[tuple[object, str], Window] = {}
        self._start_afresh()
        _LIMITERS.add(self)

    def _start_afresh(self) -> None:
        """No place taken and no one waiting (a new limiter, or the one a forked child inherited:
        the parent's calls, and the threads that would give their places back, are not the child's)."""
        self._line = Line(self._windows, self.max_in_flight)
        if self.budget is not None:
            self.budget._start_afresh()

    def __repr__(self) -> str:
        return f"RateLimiter(max_in_flight={self.max_in_flight}, budget={self.budget!r})"

    # --- taking and giving back a place ------------------------------------------------------------

    def acquire(self, wanted: PlaceRequest) -> Place:
        """Wait for the place `wanted` asks for, and take it.

        `wanted.timeout` bounds the wait for a place and the budget store's I/O; rate-limit waits
        are bounded by `wanted.max_wait` instead and move the place's `deadline` on by what they
        took. Give the place back with release()."""
        deadline = time.monotonic() + wanted.timeout
        if self.budget is not None:
            deadline = self._spend_budget(wanted, deadline)
        line = self._line
        for step in line.steps(wanted.key, wanted.max_wait, wanted.timeout, deadline, None):
            if isinstance(step, Place):
                return step
            try:
                _block(step.signal, step.pause)
            except BaseException:
                line.give_up(step)
                raise
        raise AssertionError("a line's last step is a place")

    async def aacquire(self, wanted: PlaceRequest) -> Place:
        """The async twin of acquire(): waits without blocking the event loop."""
        import asyncio  # here, not at the top: sync-only users do not pay for importing it

        deadline = time.monotonic() + wanted.timeout
        if self.budget is not None:
            deadline = await self._aspend_budget(wanted, deadline)
        loop = asyncio.get_running_loop()
        line = self._line
        for step in line.steps(wanted.key, wanted.max_wait, wanted.timeout, deadline, loop):
            if isinstance(step, Place):
                return step
            timer = None if math.isinf(step.pause) else loop.call_later(step.pause, _line.wake, step.signal)
            try:
                await step.signal
            except BaseException:  # cancelled
                line.give_up(step)
                raise
            finally:
                if timer is not None:
                    timer.cancel()
        raise AssertionError("a line's last step is a place")

    def release(self, place: Place) -> None:
        """Give a place back (again is harmless): to the first call waiting for one, if any."""
        with self._line.lock:
            self._line.give_back(place)

    @contextmanager
    def slot(self, wanted: PlaceRequest) -> Iterator[float]:
        """Hold a place for one request while it is sent; yields the attempt's deadline."""
        place = self.acquire(wanted)
        try:
            yield place.deadline
        finally:
            self.release(place)

    @asynccontextmanager
    async def aslot(self, wanted: PlaceRequest) -> AsyncIterator[float]:
        """The async twin of slot()."""
        place = await self.aacquire(wanted)
        try:
            yield place.deadline
        finally:
            self.release(place)

    def observe(self, scope: object, operation: str, headers: Mapping[str, str]) -> None:
        """Take note of the X-RateLimit-Resource-* headers of an answer."""
        with self._line.lock:
            self._line.window((scope, operation)).observe(headers)

    def snapshot(self) -> RateLimits:
        """What is known, as last reported by the service, per business and operation."""
        line = self._line
        with line.lock:
            businesses: dict[object, BusinessLimits] = {}
            for (scope, operation), window in self._windows.items():
                in_flight = len(line.busy.get(scope, ()))
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

    # --- the budget ----------------------------------------------------------------------------

    def _spend_budget(self, wanted: PlaceRequest, deadline: float) -> float:
        assert self.budget is not None
        scope, operation = wanted.key
        while (
            spent_for := self.budget.take(
                scope, operation, timeout=deadline - time.monotonic(), limit=wanted.hourly_limit
            )
        ) > 0:
            self._before_budget_wait(wanted, spent_for)
            time.sleep(spent_for)
            deadline += spent_for
        return deadline

    async def _aspend_budget(self, wanted: PlaceRequest, deadline: float) -> float:
        import asyncio

        assert self.budget is not None
        scope, operation = wanted.key
        while (
            spent_for := await self.budget.atake(
                scope, operation, timeout=deadline - time.monotonic(), limit=wanted.hourly_limit
            )
        ) > 0:
            self._before_budget_wait(wanted, spent_for)
            await asyncio.sleep(spent_for)
            deadline += spent_for
        return deadline

    def _before_budget_wait(self, wanted: PlaceRequest, wait: float) -> None:
        scope, operation = wanted.key
        if wait > wanted.max_wait:
            raise refusal("the hourly budget is spent", scope, operation, wait, wanted.max_wait)
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
