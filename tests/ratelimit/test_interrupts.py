"""Interrupts (KeyboardInterrupt, as a signal handler raises it) leave the limits clean: while a call
waits for a place, when a call dies holding one, and at any line of a whole sync call."""

from __future__ import annotations

import gc
import linecache
import os
import signal
import sys
import threading
from types import FrameType
from typing import Any

import httpx
import pytest
import yandex_market_chat
from conftest import mock_client
from loopback_calls import MESSAGE, OK
from yandex_market_chat import (
    HourlyBudget,
    RateLimiter,
)
from yandex_market_chat._limits import PlaceRequest
from yandex_market_chat.api.chats import send_message_to_chat

OPERATION = "send_message_to_chat"
"""The limiter's name of the operation its places are taken for."""


# --- the limiter on its own ----------------------------------------------------------------------


def test_an_interrupt_while_waiting_for_a_place_leaves_the_limiter_clean() -> None:
    limiter = RateLimiter(max_in_flight=1)
    held = limiter.acquire(PlaceRequest(1, OPERATION, max_wait=1.0))

    def interrupt(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGALRM, interrupt)
    signal.setitimer(signal.ITIMER_REAL, 0.2)
    try:
        with pytest.raises(KeyboardInterrupt):
            # blocked: the one place is held
            limiter.acquire(PlaceRequest(1, OPERATION, max_wait=1.0, timeout=30.0))
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    assert limiter._line.lock.acquire(blocking=False)
    limiter._line.lock.release()
    assert not any(limiter._line.queues.values())  # no one left waiting in line
    assert limiter.snapshot()["businesses"][1]["in_flight"] == 1  # only the place still held
    limiter.release(held)
    limiter.release(held)  # again: harmless
    assert limiter.snapshot()["businesses"][1]["in_flight"] == 0
    limiter.release(limiter.acquire(PlaceRequest(1, OPERATION, max_wait=0.0, timeout=0.5)))


def test_a_place_whose_call_died_before_giving_it_back_is_free_again() -> None:
    limiter = RateLimiter(max_in_flight=1)

    def interrupted_call() -> None:
        limiter.acquire(PlaceRequest(1, OPERATION, max_wait=1.0))
        raise KeyboardInterrupt  # before the `try` that would have given it back

    with pytest.raises(KeyboardInterrupt):
        interrupted_call()
    assert limiter.snapshot()["businesses"][1]["in_flight"] == 0
    limiter.release(limiter.acquire(PlaceRequest(1, OPERATION, max_wait=0.0, timeout=0.5)))


# --- the whole of a sync call --------------------------------------------------------------------


class _Tracer:
    """Raises KeyboardInterrupt at the n-th line this package runs, as a signal handler would.

    One place a signal cannot strike is skipped: the line event sys.settrace reports when a `with`
    block is left, just before its __exit__ is called. (CPython checks for signals after a call
    returns, not in those few instructions: a real signal is seen inside the block, where `with`
    still runs __exit__, or after it.) Every other line of the package is a place to strike."""

    def __init__(self, at: int) -> None:
        self.at = at
        self.lines = 0
        self.package = os.path.dirname(yandex_market_chat.__file__)

    def __call__(self, frame: FrameType, event: str, arg: object) -> Any:
        if not frame.f_code.co_filename.startswith(self.package):
            return None
        seen: set[int] = set()

        def local(frame: FrameType, event: str, arg: object) -> Any:
            if event == "line":
                line = frame.f_lineno
                source = linecache.getline(frame.f_code.co_filename, line).strip()
                leaving_a_with = source.startswith(("with ", "async with ")) and line in seen
                seen.add(line)
                if not leaving_a_with:
                    self.lines += 1
                    if self.lines == self.at:
                        raise KeyboardInterrupt
            return local

        return local


def _in_flight(limiter: RateLimiter) -> list[int]:
    counts = []
    for business in limiter.snapshot()["businesses"].values():
        counts += [business["in_flight"], *(op["in_flight"] for op in business["operations"].values())]
    return counts


def _clean(limiter: RateLimiter) -> None:
    """No lock held, no place taken, no one left waiting: once the interrupted call is gone (its
    frames may sit in a reference cycle with the exception until the garbage collector runs)."""
    assert limiter._line.lock.acquire(blocking=False), "the limiter's lock is still held"
    limiter._line.lock.release()
    if any(_in_flight(limiter)):
        gc.collect()
    assert not any(_in_flight(limiter)), limiter.snapshot()


def test_an_interrupt_at_any_line_of_a_sync_call_leaves_the_limits_clean() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=OK, headers={"X-RateLimit-Resource-Remaining": "5"})

    client = mock_client(handler, max_retries=0, rate_limiter=RateLimiter(budget=HourlyBudget(10_000)))
    limiter = client.rate_limiter
    measuring = sys.gettrace()  # (coverage's tracer, when the suite is measured: given back after)
    at = 0
    while True:
        at += 1
        tracer = _Tracer(at)
        sys.settrace(tracer)
        try:
            send_message_to_chat.sync(1, client=client, chat_id=7, body=MESSAGE)
        except KeyboardInterrupt:
            pass
        finally:
            sys.settrace(measuring)
        _clean(limiter)
        if tracer.lines < at:
            break  # the call ran to its end without reaching line `at`: every line was tried
    assert at > 100  # (the tracer did see the call)
    finished = threading.Event()

    def after() -> None:
        send_message_to_chat.sync(1, client=client, chat_id=7, body=MESSAGE)
        finished.set()

    threading.Thread(target=after, daemon=True).start()
    assert finished.wait(10), "a call after the interrupts blocked"
