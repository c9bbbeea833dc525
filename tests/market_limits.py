"""The rate limits of the fake Market (tests/fake_market.py, the one loopback stand-in of the
service that answers 420, run by the tests in their own process and by the benchmarks in a
process of their own). Standard library only: the benchmarks' server imports it and must stay
light.

What it simulates (/work/shared/api-facts.md, "Rate limiting, as the service does it"):
- a quota of requests per window for each (business, method) — the service's per-method resource
  limit, 1,000 an hour, scaled down to seconds here; over it, 420 with "Hit rate limit of 'N'
  requests per 'period' for resource 'R'";
- at most `parallel` requests in flight per business — the separate limit on simultaneous
  requests (4 per business in the current docs); over it, 420 with "Hit rate limit of N parallel
  requests …";
- `X-RateLimit-Resource-Limit/-Remaining/-Until` on every answer, Until the RFC 822 moment the
  window resets (whole seconds).

Where the documentation leaves a choice, each is an option, so that each user picks the reading it
relies on:
- `windows`: when a window starts (the documentation says only that Until is when it resets).
  "aligned" (the benchmarks): windows are fixed on the clock, at multiples of `window` seconds,
  as an hourly limit that resets at the top of the hour — so that a benchmark can compute the
  ideal pace of a client that knows the rules, and start its run just after a boundary.
  "first-request" (the tests): a window starts at the first request after the previous one
  ended and ends on the next whole second after `window` seconds — so that a test's quota
  cannot straddle a boundary it does not know of, whenever the test starts.
- `refusals_take_a_place`: whether a refused request counts as in flight while it is answered
  (the documentation says only that the parallel limit also answers 420). True (the tests):
  every request that reached the server is in flight until its answer is written, 420 or not
  (with the server's `delay`, a 420 takes as long as a 200), the cap is broken when the count
  exceeds `parallel`, and `peak` shows every request the server held at once — a client over
  the cap shows there. False (the benchmarks): only admitted requests hold a place, a refusal
  is answered at once and takes none, and `peak` can never exceed `parallel`.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Hashable, Mapping
from dataclasses import dataclass, field
from email.utils import formatdate
from typing import Literal

WindowMode = Literal["aligned", "first-request"]


def http_date(moment: float) -> str:
    """RFC 822, as X-RateLimit-Resource-Until: `Thu, 10 Jul 2025 00:42:42 GMT`."""
    return formatdate(moment, usegmt=True)


@dataclass
class Window:
    """One (business, method) window: when it ends, how much of its quota is used."""

    end: float = 0.0
    used: int = 0


@dataclass
class MarketLimits:
    """The service's limits as one server enforces them; see the module docstring."""

    quota: int | None = None
    """Requests per window for each (business, method); None: no quota enforced."""
    window: float = 3600.0
    """Seconds."""
    parallel: int | None = None
    """Requests in flight per business; None: no cap."""
    quotas: dict[str, int] = field(default_factory=dict)
    """Per-method quotas that replace `quota` for their method."""
    windows: WindowMode = "aligned"
    refusals_take_a_place: bool = False
    hourly: Mapping[str, int] = field(default_factory=dict)
    """The documented hourly limit of each method, shown in the headers when no quota is enforced."""
    peak: Counter[Hashable] = field(default_factory=Counter)
    """The most requests in flight at once, per business."""
    in_flight: Counter[Hashable] = field(default_factory=Counter)
    _windows: dict[tuple[Hashable, str], Window] = field(default_factory=dict)

    def quota_of(self, operation: str) -> int | None:
        return self.quotas.get(operation, self.quota)

    def current(self, business: Hashable, operation: str, now: float) -> Window:
        """The window of (business, method) that `now` falls in; a new one when the last has ended."""
        window = self._windows.setdefault((business, operation), Window())
        if now >= window.end:
            if self.windows == "aligned":
                window.end = math.floor(now / self.window) * self.window + self.window
            else:
                window.end = math.ceil(now + self.window)
            window.used = 0
        return window

    def hold(self, business: Hashable) -> None:
        """Count one more request in flight for `business`."""
        self.in_flight[business] += 1
        self.peak[business] = max(self.peak[business], self.in_flight[business])

    def release(self, business: Hashable) -> None:
        """One request of `business` is answered: every held one, or (refusals_take_a_place=False)
        every admitted one."""
        self.in_flight[business] -= 1

    def admit(self, business: Hashable, operation: str, now: float) -> str | None:
        """Admit one request (a place in flight, a unit of its window's quota), or refuse it: the
        message of the limit it would break, as the service words it."""
        if self.refusals_take_a_place:
            self.hold(business)
        held = self.in_flight[business] - (1 if self.refusals_take_a_place else 0)
        if self.parallel is not None and held >= self.parallel:
            return f"Hit rate limit of {self.parallel} parallel requests for business {business}"
        window = self.current(business, operation, now)
        quota = self.quota_of(operation)
        if quota is not None:
            if window.used >= quota:
                per = f"'{self.window:g} s'"
                return f"Hit rate limit of '{quota}' requests per {per} for resource '{operation}'"
            window.used += 1
        if not self.refusals_take_a_place:
            self.hold(business)
        return None

    def headers(self, business: Hashable, operation: str, now: float) -> dict[str, str]:
        """The three X-RateLimit-Resource-* headers of an answer at `now`."""
        quota = self.quota_of(operation)
        if quota is None:
            # No quota enforced: the documented hourly limit, reset at the top of the hour (none
            # for an operation that documents none).
            hourly = self.hourly.get(operation)
            if hourly is None:
                return {}
            return {
                "X-RateLimit-Resource-Limit": str(hourly),
                "X-RateLimit-Resource-Remaining": str(hourly - 1),
                "X-RateLimit-Resource-Until": http_date(math.floor(now / 3600) * 3600 + 3600),
            }
        window = self.current(business, operation, now)
        return {
            "X-RateLimit-Resource-Limit": str(quota),
            "X-RateLimit-Resource-Remaining": str(max(0, quota - window.used)),
            "X-RateLimit-Resource-Until": http_date(window.end),
        }

    def reset(self) -> None:
        """Forget every window and count, as a fresh server."""
        self._windows.clear()
        self.in_flight.clear()
        self.peak.clear()
