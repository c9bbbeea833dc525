"""The limiter's bookkeeping: what the service said last of each (business, operation) window, and
the places of the requests in flight (counted per business and per window).

A place is a `Place` token held by weak references only (`Places`): released, it is discarded;
garbage (a call interrupted where it could not give its place back), its weak reference's callback
discards it. Times are time.monotonic() moments, so that a step of the wall clock (NTP, a virtual
machine resumed) can neither stretch a wait past its window nor end it early. Nothing here waits or
takes a lock: the limiter (_limits.py) and its line of waiters (_line.py) do, around these calls.
"""

from __future__ import annotations

import contextlib
import math
import time
import weakref
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta

from . import _headers
from .errors import RateLimitError

RESET_MARGIN = 0.05
"""Seconds to wait past a reported reset before sending again."""
LONGEST_WINDOW = timedelta(hours=1)
"""The service's windows are hourly: a reset reported further ahead is trusted only this far, so
that one wrong header cannot stop a client for longer."""
CLOCK_SLACK = timedelta(minutes=5)
"""How far our clock may be behind the service's: an Until further ahead than LONGEST_WINDOW plus
this cannot name a real window, so it does not outrank the answers that follow it."""


def refusal(what: str, scope: object, operation: str, wait: float, max_wait: float) -> RateLimitError:
    """The error of a rate-limit wait longer than `max_wait`: raised before anything is sent."""
    reset_at = datetime.now(UTC) + timedelta(seconds=wait)
    return RateLimitError(
        reset_at=reset_at,
        message=(
            f"{operation} for business {scope}: {what} until {reset_at:%Y-%m-%d %H:%M:%S} UTC; "
            f"waiting {wait:.1f} s would exceed max_rate_limit_wait ({max_wait:g} s), so nothing was sent"
        ),
    )


class Window:
    """What the service last said of one (business, operation) window, and our requests in flight."""

    __slots__ = ("credible", "last", "limit", "places", "remaining", "reset_by", "until")

    def __init__(self) -> None:
        self.limit: int | None = None
        self.remaining: int | None = None
        self.until: datetime | None = None
        """The reset as the service reported it: it names the window."""
        self.reset_by: float | None = None
        """The reset we wait for, a time.monotonic() moment: `until`, but at most LONGEST_WINDOW
        after we heard of it."""
        self.credible = True
        """False when `until` was further ahead than any real window ends (a wrong header)."""
        self.places = Places()
        """Our requests of this operation in flight."""
        self.last: tuple[str | None, str | None, str | None] | None = None
        """The three headers as they came last: the same again changes nothing."""

    @property
    def in_flight(self) -> int:
        return len(self.places)

    def observe(self, headers: Mapping[str, str]) -> None:
        raw = (headers.get(_headers.LIMIT), headers.get(_headers.REMAINING), headers.get(_headers.UNTIL))
        moment = time.monotonic()
        last, self.last = self.last, raw
        if raw[2] is not None and self.reset_by is not None and moment < self.reset_by:
            if raw == last:
                return  # the answer before said the same: nothing to learn
            if last is not None and raw[0] == last[0] and self._same_window(raw):
                return  # only Remaining moved, as it does on most answers (read from `raw` alone)
        limit = _headers.as_int(raw[0])
        if limit is not None and limit >= 0:
            self.limit = limit
        remaining = _headers.as_int(raw[1])
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

    def _same_window(self, raw: tuple[str | None, str | None, str | None]) -> bool:
        """When Limit is as before and Until names the window we know (and we are before its reset):
        what the full reading would do, without parsing again: keep the lower Remaining. False when
        Until names another window (the full reading decides)."""
        if self.until is None or self.remaining is None or _headers.http_date(raw[2] or "") != self.until:
            return False
        remaining = _headers.as_int(raw[1])
        if remaining is not None:
            self.remaining = min(max(0, remaining), self.remaining)
        return True

    def wait(self) -> float | None:
        """Seconds until the window may have room; None when it has room now or nothing is known."""
        reset_by = self.reset_by
        if reset_by is None or self.remaining is None:
            return None
        now = time.monotonic()
        if now >= reset_by or self.remaining - len(self.places) > 0:
            return None
        return reset_by - now + RESET_MARGIN


class Places(set["weakref.ref[Place]"]):
    """The weak references to the places held: of a business, or of one window."""

    __slots__ = ()

    def forget(self, ref: weakref.ref[Place]) -> None:
        """A place's weak reference callback: it was never given back (an interrupted call)."""
        with contextlib.suppress(TypeError):  # (its hash was never taken: it died before it was added)
            self.discard(ref)


class Place:
    """One request's place among `max_in_flight`, held by weak references only: release() frees it,
    and so does its being garbage (a call interrupted where release() could not run)."""

    __slots__ = ("__weakref__", "deadline", "key", "refs")

    def __init__(self, key: tuple[object, str] = (None, "")) -> None:
        self.key = key
        """(business, operation): whose waiters it goes to when it is given back."""
        self.deadline = math.inf
        """The time.monotonic() moment by which the attempt holding it must be done."""
        self.refs: tuple[Places, weakref.ref[Place], Places, weakref.ref[Place]] | None = None

    @classmethod
    def taken(cls, key: tuple[object, str], busy: Places, window: Window) -> Place:
        """A new place of `key`, counted in its business (`busy`) and in its window."""
        place = cls(key)
        mine = weakref.ref(place, busy.forget)
        theirs = weakref.ref(place, window.places.forget)
        busy.add(mine)
        window.places.add(theirs)
        place.refs = (busy, mine, window.places, theirs)
        return place

    def free(self) -> bool:
        """Discard it from its business and its window; False when it was free already."""
        refs = self.refs
        if refs is None:
            return False
        busy, mine, places, theirs = refs
        busy.discard(mine)
        places.discard(theirs)
        self.refs = None  # the weak references go too: no callback when the place does
        return True
