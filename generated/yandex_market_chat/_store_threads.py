"""A shared store's operations run on worker threads, so that a caller waits for a store (a SQLite
file, a Redis server) no longer than its own timeout, holds no lock while it waits, and an
interrupted caller leaves no lock of the store's behind (signals reach the main thread only).
The hourly budget's shared stores (_budget.py) use it; it knows nothing of budgets.
"""

from __future__ import annotations

import _thread
import contextlib
import os
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import asyncio
    import queue


def _resolve(waiter: asyncio.Future[None]) -> None:
    """Wake a task waiting for a store operation."""
    if not waiter.done():
        waiter.set_result(None)


class Job:
    """One store operation run by a worker thread; whoever waits for it may give up first."""

    __slots__ = ("abandoned", "call", "done", "error", "notify", "result")

    def __init__(self, call: Callable[[], float], loop: asyncio.AbstractEventLoop | None = None) -> None:
        self.call = call
        self.result = 0.0
        self.error: BaseException | None = None
        """What the operation raised, handed to the caller as it is."""
        self.abandoned = False
        self.done = _thread.allocate_lock()
        self.done.acquire()
        self.notify: tuple[asyncio.AbstractEventLoop, asyncio.Future[None]] | None = None
        """The event loop and future of a task waiting for it."""
        if loop is not None:
            self.notify = (loop, loop.create_future())

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

    def wait(self, seconds: float) -> bool:
        """Wait (a thread) up to `seconds` for it to be done; False, and it is abandoned, if not."""
        if self.done.acquire(True, seconds):
            return True
        self.abandoned = True
        return False

    async def finished(self, seconds: float) -> bool:
        """wait() for a task (made with its event loop), without blocking the loop."""
        import asyncio

        assert self.notify is not None
        try:
            await asyncio.wait((self.notify[1],), timeout=seconds)
        except BaseException:  # cancelled
            self.abandoned = True
            raise
        return self.wait(0.0)  # (done now, or abandoned)


class Workers:
    """A few daemon threads that run a store's operations. Daemons: a hung store never keeps the
    interpreter from exiting."""

    def __init__(self, name: str, size: int = 4) -> None:
        self._name = name
        self._size = size
        self._lock = threading.Lock()
        self._reset()

    def _reset(self) -> None:
        import queue  # here: only a shared store needs it

        self._jobs: queue.SimpleQueue[Job] = queue.SimpleQueue()
        self._threads = 0
        self._idle = 0
        self._pid = os.getpid()

    def submit(self, call: Callable[[], float], loop: asyncio.AbstractEventLoop | None = None) -> Job:
        """Run `call` on a worker thread; the Job to wait for (`loop`: a task's, to await it)."""
        job = Job(call, loop)
        with self._lock:
            if self._pid != os.getpid():
                self._reset()  # a forked child has none of its parent's threads
            if self._idle == 0 and self._threads < self._size:
                self._threads += 1
                name = f"yandex-market-chat {self._name} store"
                threading.Thread(target=self._work, args=(self._jobs,), name=name, daemon=True).start()
            self._jobs.put(job)
        return job

    def _work(self, jobs: queue.SimpleQueue[Job]) -> None:
        while True:
            with self._lock:
                self._idle += 1
            job = jobs.get()
            with self._lock:
                self._idle -= 1
            if not job.abandoned:
                job.run()
