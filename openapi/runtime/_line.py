"""The limiter's line: the calls waiting for a place in flight (per business, first come first
served) or for their operation's window to have room, the hand-off of a place given back, and
waking each waiter once (a thread's lock, or a task's future on its own event loop).

`Line.steps()` holds the decisions of one acquire() and one aacquire() alike; the limiter's sync
and async methods (_limits.py) are thin shells that only wait, each in its own way, on the waiters
it yields. Every method but steps() and give_up() runs under `Line.lock`, which no one holds
while waiting.
"""

from __future__ import annotations

import _thread
import collections
import contextlib
import logging
import math
import threading
import time
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from ._windows import Place, Places, Window, refusal
from .errors import APITimeoutError

if TYPE_CHECKING:
    import asyncio

logger = logging.getLogger("yandex_market_chat")


def wake(waiter: asyncio.Future[None]) -> None:
    """Wake a task waiting in aacquire(): with the place handed to it, or to look again."""
    if not waiter.done():
        waiter.set_result(None)


def no_place(key: tuple[object, str], timeout: float, max_in_flight: int) -> APITimeoutError:
    scope, operation = key
    return APITimeoutError(
        f"{operation} for business {scope}: no place among the {max_in_flight} requests in flight "
        f"came free within the timeout ({timeout:g} s), so nothing was sent",
        may_have_been_delivered=False,
    )


class Waiter:
    """A call waiting in acquire() / aacquire(): for a place in flight (in its business's line, first
    come first served), or for its operation's window to have room."""

    __slots__ = ("for_a_place", "key", "loop", "pause", "place", "queued", "signal")

    def __init__(
        self, key: tuple[object, str], for_a_place: bool, pause: float, loop: asyncio.AbstractEventLoop | None
    ) -> None:
        self.key = key
        self.for_a_place = for_a_place
        self.pause = pause
        """The longest it waits before asking again (math.inf: until it is woken)."""
        self.loop = loop
        """The event loop of a task; None for a thread."""
        self.signal: Any
        """A _thread lock held until the waiter is woken (a thread), or an asyncio future (a task)."""
        if loop is None:
            self.signal = _thread.allocate_lock()
            self.signal.acquire()
        else:
            self.signal = loop.create_future()
        self.place: Place | None = None
        """The place handed to it by the call that gave one back."""
        self.queued = True


class Line:
    """The places in flight of every business and the calls waiting, of one limiter (a forked
    child makes a new one: its parent's calls are not its own)."""

    def __init__(self, windows: dict[tuple[object, str], Window], max_in_flight: int) -> None:
        self.lock = threading.Lock()
        self.windows = windows
        """The limiter's windows: they outlive the line (what the service said still holds)."""
        self.max_in_flight = max_in_flight
        self.queues: dict[object, collections.deque[Waiter]] = {}
        """Per business: the calls waiting for a place, in the order they came."""
        self.timed: dict[tuple[object, str], list[Waiter]] = {}
        """Per (business, operation): the calls waiting for its window to have room."""
        self.busy: dict[object, Places] = {}
        """Per business: the places in flight."""
        for window in windows.values():
            window.places = Places()

    def window(self, key: tuple[object, str]) -> Window:
        window = self.windows.get(key)
        if window is None:
            window = self.windows[key] = Window()
        return window

    def steps(
        self,
        key: tuple[object, str],
        max_wait: float,
        timeout: float,
        deadline: float,
        loop: asyncio.AbstractEventLoop | None,
    ) -> Iterator[Waiter | Place]:
        """One call taking a place: each Waiter it yields stands in line, for the caller to wait on
        its `signal` for up to its `pause` and then ask for the next step (or, interrupted, to
        give_up() it); the last step is the Place taken, its `deadline` set. Rate-limit waits move
        the deadline on by what they took; a wait for a place that outlasts the deadline raises
        APITimeoutError, a window wait longer than `max_wait` RateLimitError."""
        announced = False
        while True:
            with self.lock:  # (never held across a yield)
                got = self.admit(key, max_wait)
                for_a_place = not isinstance(got, Place) and math.isinf(got)
                if not isinstance(got, Place):
                    pause = deadline - time.monotonic() if for_a_place else got
                    if pause <= 0:
                        raise no_place(key, timeout, self.max_in_flight)
                    if not for_a_place:
                        announced = announced or self.announce(key, got)
                    waiter = self.wait_in_line(Waiter(key, for_a_place, pause, loop))
            if isinstance(got, Place):
                got.deadline = deadline
                yield got
                return
            started = time.monotonic()
            yield waiter
            with self.lock:
                place = self.leave(waiter)
            if place is not None:
                place.deadline = deadline
                yield place
                return
            if not for_a_place:
                deadline += time.monotonic() - started

    def give_up(self, waiter: Waiter) -> None:
        """`waiter` leaves the line (interrupted, cancelled); a place handed to it goes on to the next."""
        with self.lock:
            self.leave(waiter, give_back=True)

    def admit(self, key: tuple[object, str], max_wait: float) -> Place | float:
        """Take a place, or return how long to wait before asking again (math.inf: until a place is
        handed over). Raises RateLimitError when nothing remains in the window and its reset is
        further away than `max_wait`."""
        scope, operation = key
        window = self.window(key)
        busy = self.busy.get(scope)
        if busy is None:
            busy = self.busy[scope] = Places()
        wait = window.wait()
        if wait is not None:
            if window.remaining == 0 and wait > max_wait:
                raise refusal("no requests remain in the service's window", scope, operation, wait, max_wait)
            return wait  # (when requests in flight hold what remains, one of them may end sooner)
        queue = self.queues.get(scope)
        if queue:
            self.serve(scope)  # (a place freed without being handed on: an interrupted call's)
        if queue or len(busy) >= self.max_in_flight:
            return math.inf  # others came first, or every place is taken: wait in line
        return Place.taken(key, busy, window)

    def wait_in_line(self, waiter: Waiter) -> Waiter:
        """`waiter` at the end of its business's line, or among its window's."""
        if waiter.for_a_place:
            queue = self.queues.get(waiter.key[0])
            if queue is None:
                queue = self.queues[waiter.key[0]] = collections.deque()
            queue.append(waiter)
        else:
            self.timed.setdefault(waiter.key, []).append(waiter)
        return waiter

    def leave(self, waiter: Waiter, give_back: bool = False) -> Place | None:
        """`waiter` out of line; the place handed to it, if any (or, when it gives up, that place
        handed on to the next)."""
        if waiter.queued:
            waiter.queued = False
            line: Any = self.queues.get(waiter.key[0]) if waiter.for_a_place else self.timed.get(waiter.key)
            with contextlib.suppress(ValueError, AttributeError):  # (a forked child starts afresh)
                line.remove(waiter)
        place, waiter.place = waiter.place, None
        if place is not None and give_back:
            self.give_back(place)
            return None
        return place

    def give_back(self, place: Place) -> None:
        """Free a place and hand it to the first call waiting for one."""
        if not place.free():
            return
        if self.queues.get(place.key[0]):
            self.serve(place.key[0])
        timed = self.timed.pop(place.key, None)
        for waiter in timed or ():  # (its window may have room now)
            waiter.queued = False
            self.signal(waiter)

    def serve(self, scope: object) -> None:
        """Hand the free places of `scope` to the calls waiting for one, in the order they came,
        waking each once; one whose window has no room now is woken to wait for it."""
        queue = self.queues[scope]
        busy = self.busy[scope]
        while queue and len(busy) < self.max_in_flight:
            waiter = queue.popleft()
            waiter.queued = False
            if waiter.loop is not None and waiter.signal.done():
                continue  # its task was cancelled or its time ran out: it is leaving
            window = self.windows[waiter.key]
            if window.wait() is None:
                waiter.place = Place.taken(waiter.key, busy, window)
            self.signal(waiter)

    @staticmethod
    def signal(waiter: Waiter) -> None:
        """Wake one waiter: its thread, or its task (at once when on this thread's event loop)."""
        loop = waiter.loop
        if loop is None:
            waiter.signal.release()
            return
        import asyncio

        if asyncio.events._get_running_loop() is loop:
            wake(waiter.signal)
        else:
            with contextlib.suppress(RuntimeError):  # its event loop is closed
                loop.call_soon_threadsafe(wake, waiter.signal)

    def announce(self, key: tuple[object, str], wait: float) -> bool:
        """Log a wait for the window to reset; True if it was one."""
        if self.windows[key].remaining != 0:
            return False
        scope, operation = key
        logger.info("waiting %.2f s for the %s window of business %s to reset", wait, operation, scope)
        return True
