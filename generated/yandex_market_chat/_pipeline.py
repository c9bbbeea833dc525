"""The request pipeline: client-side limits, typed connection errors, retries, logging.

A call first builds its httpx request, so that everything that can fail before sending (a header
the HTTP layer would refuse, a file it could not read) fails before a place in flight or a unit of
the budget is taken. Then each attempt takes a place from the client's RateLimiter (_limits.py),
which may also raise RateLimitError at once when the service's window or the budget is spent for
longer than `max_rate_limit_wait`.

An attempt is bounded as a whole by the client's `timeout` (its largest part): the wait for a place
in flight, connecting, sending and reading the whole answer share one deadline, which reaches every
socket read and write (_deadline.py), so a server that sends a byte now and then cannot stretch it.
Rate-limit waits (the window, the budget, a 420) are bounded by `max_rate_limit_wait` instead, and
a retry is a new attempt with a deadline of its own.

Each attempt's exchange on the wire (sending, redirects, reading the answer within
MAX_ANSWER_BYTES) is _exchange.py's. An answer that cannot be read (a broken Content-Encoding, too
large) keeps its status and raw bytes and becomes the typed error of its status:
ResponseValidationError for a 2xx.

The pipeline never calls back into the client: the client hands it the httpx client and its
settings (CallSettings, a value) for each call.

What may be sent again, at most `max_retries` times, comes from the spec (`x-idempotent`, rendered
into each endpoint module's `Operation`):
- 420/429: the request was not processed; wait for the window (X-RateLimit-Resource-Until or
  Retry-After, trusted for an hour at most), or back off when the limit hit is the parallel one or
  no usable reset time is given; a wait longer than `max_rate_limit_wait` returns the 420 at once
  (sync() raises RateLimitError with `reset_at`);
- a connection that failed before the request was sent: any operation;
- 5xx and timeouts after sending: idempotent operations only; the others raise, saying the
  request may have been delivered.
A file is rewound before a retry, so the same bytes are sent again.
"""

from __future__ import annotations

import contextlib
import logging
import random
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import httpx

from . import _headers
from ._deadline import DEADLINE
from ._exchange import aexchange, build, exchange, from_below, install, sent
from ._limits import PlaceRequest, RateLimiter
from ._secrets import without_key
from ._windows import LONGEST_WINDOW, Place
from .errors import (
    NOTE,
    APIConnectionError,
    APITimeoutError,
    ResponseValidationError,
    YandexMarketError,
)

if TYPE_CHECKING:
    from ._request import Operation

logger = logging.getLogger("yandex_market_chat")


@dataclass(frozen=True, slots=True)
class CallSettings:
    """The client's settings one call is sent with, handed down as a value: the pipeline never
    reads them back from the client."""

    key: str
    """The key (or OAuth token): taken out of any message that shows it."""
    auth_header_name: str
    """The header that carries the key: never sent to another origin."""
    timeout: httpx.Timeout
    max_retries: int
    max_rate_limit_wait: float
    rate_limiter: RateLimiter


BACKOFF_BASE = 0.5
"""Seconds: the first backoff step; each retry doubles it, up to BACKOFF_CAP."""
BACKOFF_CAP = 8.0
LONGEST_WAIT = LONGEST_WINDOW.total_seconds()
"""A 420's reset is trusted this far ahead at most (the service's windows are hourly)."""


def attempt_seconds(timeout: httpx.Timeout) -> float:
    """How long one attempt may take in all: the largest part of its timeout."""
    return max(timeout.connect or 0.0, timeout.read or 0.0, timeout.write or 0.0, timeout.pool or 0.0)


def backoff(attempt: int) -> float:
    """Exponential backoff with jitter: 0.25-0.5 s, 0.5-1 s, 1-2 s ... at most 8 s."""
    return min(BACKOFF_CAP, BACKOFF_BASE * 2.0**attempt) * (0.5 + random.random() / 2)


def rate_limit_wait(headers: Mapping[str, str], attempt: int) -> float:
    """How long a 420/429 asks us to wait: until the window resets (an hour at most), or a backoff
    when the limit hit is the parallel one (requests remain in the window) or no usable reset time
    is given (none, unreadable or already past)."""
    remaining = _headers.header_int(headers, _headers.REMAINING)
    if remaining is not None and remaining > 0:
        return backoff(attempt)
    reset_at = _headers.reset_at(headers)
    if reset_at is None:
        return backoff(attempt)
    wait = min((reset_at - datetime.now(UTC)).total_seconds(), LONGEST_WAIT)
    return wait + random.random() * 0.25 if wait > 0 else backoff(attempt)


def delay_after_error(
    settings: CallSettings, exc: httpx.TransportError, operation: Operation, attempt: int
) -> float | None:
    """Seconds to wait before sending again after a transport error, or None to give up."""
    if attempt >= settings.max_retries or isinstance(exc, httpx.LocalProtocolError):
        return None  # (the HTTP layer refusing the request would refuse it again)
    if not sent(exc) or operation.idempotent:
        return backoff(attempt)
    return None


def delay_after_response(
    settings: CallSettings, response: httpx.Response, operation: Operation, attempt: int
) -> float | None:
    """Seconds to wait before sending again after this answer, or None to return it."""
    if attempt >= settings.max_retries:
        return None
    status = response.status_code
    if status in (420, 429):
        wait = rate_limit_wait(response.headers, attempt)
        return wait if wait <= settings.max_rate_limit_wait else None
    if status >= 500 and operation.idempotent:
        return backoff(attempt)
    return None


def file_positions(request: Mapping[str, Any]) -> list[tuple[Any, int]]:
    """Where each seekable file payload starts, so that a retry sends the same bytes again."""
    positions = []
    for _name, spec in request.get("files") or []:
        payload = spec[1]
        if hasattr(payload, "seek") and hasattr(payload, "tell"):
            positions.append((payload, payload.tell()))
    return positions


def rewind(positions: list[tuple[Any, int]]) -> None:
    for payload, position in positions:
        payload.seek(position)


def connection_error(
    exc: Exception, operation: Operation, request: httpx.Request, key: str
) -> APIConnectionError:
    may_have_left = sent(exc)
    if isinstance(exc, httpx.LocalProtocolError) and not may_have_left:
        what = "the HTTP layer refused a header name or value"  # (its message would show the value)
    else:
        what = f"{type(exc).__name__}: {exc}"
    text = f"{operation.id}: no answer from {request.url} ({what})"
    if not may_have_left:
        text += "; nothing was sent"
    elif not operation.idempotent:
        text += "; the request was sent, so it may already have been delivered"
        text += ": sending it again could post it twice"
    error_class = APITimeoutError if isinstance(exc, httpx.TimeoutException) else APIConnectionError
    return error_class(
        without_key(text, key),
        method=request.method,
        url=str(request.url),
        may_have_been_delivered=may_have_left and not operation.idempotent,
    )


def log_response(response: httpx.Response, elapsed: float) -> None:
    if logger.isEnabledFor(logging.DEBUG):
        limits = {k: v for k, v in response.headers.items() if k.lower().startswith("x-ratelimit-")}
        logger.debug(
            "%s %s -> %s in %.1f ms %s",
            response.request.method,
            response.request.url,
            response.status_code,
            elapsed * 1000,
            limits,
        )


def log_retry(operation: Operation, reason: str, delay: float, attempt: int) -> None:
    logger.info("retrying %s after %s in %.2f s (retry %d)", operation.id, reason, delay, attempt + 1)


def response_reason(response: httpx.Response, operation: Operation) -> str:
    """Why this answer is retried, for the log; warns when a 5xx is not retried because the
    operation is not safe to repeat."""
    status = response.status_code
    if status >= 500 and not operation.idempotent:
        logger.warning(
            "%s answered %d: not retried, because the request may already have been delivered "
            "and sending it again could post it twice",
            operation.id,
            status,
        )
    if status in (420, 429):
        remaining = response.headers.get(_headers.REMAINING, "?")
        return f"status {status} (rate limit, {remaining} remaining)"
    return f"status {status}"


class Attempts:
    """One operation's request across its attempts: what send() and asend() both decide after
    each attempt (retry or not, how long to wait, what to log, rewinding files)."""

    def __init__(
        self,
        settings: CallSettings,
        operation: Operation,
        request: httpx.Request,
        kwargs: Mapping[str, Any],
        business: object,
    ):
        self.settings, self.operation, self.request = settings, operation, request
        self.business = business
        self.positions = file_positions(kwargs)
        self.attempt = 0
        self.place_request = PlaceRequest(
            business,
            operation.name,
            settings.max_rate_limit_wait,
            attempt_seconds(settings.timeout),
            operation.hourly_limit,
        )
        """What the limiter is asked for a place with, for each attempt."""

    def after_failure(self, exc: Exception) -> float:
        """Seconds to wait before the next attempt after `exc` was raised while sending; raises the
        typed error instead when the request may not be sent again (see unexpected())."""
        if isinstance(exc, httpx.TransportError):
            delay = delay_after_error(self.settings, exc, self.operation, self.attempt)
            if delay is None:
                raise connection_error(exc, self.operation, self.request, self.settings.key) from exc
            self._next(type(exc).__name__, delay)
            return delay
        error = self.unexpected(exc)
        if error is exc:
            raise exc
        raise error from exc

    def unexpected(self, exc: Exception) -> Exception:
        """The typed error for anything else raised while sending, after bytes may have left: your
        file failed to read (OSError), it changed size since the request was built (h11's
        LocalProtocolError), the layers below failed in a way of their own. `exc` itself when it is
        typed already, or when code of yours raised it inside the HTTP layer (a transport or event
        hook of yours, a test double such as vcrpy's): that is yours, and passes unchanged."""
        if isinstance(exc, YandexMarketError) or not (
            isinstance(exc, httpx.HTTPError | RuntimeError | OSError) or from_below(exc)
        ):
            return exc
        text = (
            f"{self.operation.id}: the HTTP layer failed while sending to {self.request.url} "
            f"({type(exc).__name__}: {exc}); the request may have been sent"
        )
        return APIConnectionError(
            without_key(text, self.settings.key),
            method=self.request.method,
            url=str(self.request.url),
            may_have_been_delivered=not self.operation.idempotent,
        )

    def after_response(self, response: httpx.Response, started: float) -> float | None:
        """Seconds to wait before the next attempt, or None: the response is the answer."""
        self.settings.rate_limiter.observe(self.business, self.operation.name, response.headers)
        log_response(response, time.monotonic() - started)
        delay = delay_after_response(self.settings, response, self.operation, self.attempt)
        if delay is not None or response.status_code >= 500:  # (a 5xx may be warned about)
            reason = response_reason(response, self.operation)
            if delay is not None:
                self._next(reason, delay)
        return delay

    def answer(self, response: httpx.Response) -> httpx.Response:
        """The answer, or ResponseValidationError for a 2xx that could not be read."""
        if 200 <= response.status_code <= 299 and NOTE in response.extensions:
            raise ResponseValidationError.from_response(
                f"{self.operation.id}: {response.extensions[NOTE]}",
                response,
                idempotent=self.operation.idempotent,
            )
        return response

    def _next(self, reason: str, delay: float) -> None:
        log_retry(self.operation, reason, delay, self.attempt)
        self.attempt += 1
        rewind(self.positions)

    @contextlib.contextmanager
    def one(self, place: Place) -> Iterator[Outcome]:
        """One attempt in the place taken for it, shared by send() and asend(): its deadline set
        while the caller sends (into the Outcome it is given), the place given back after, and what
        came of it decided: the answer, or the delay before the next attempt (or a typed error)."""
        outcome = Outcome()
        started = time.monotonic()
        token = DEADLINE.set(place.deadline)
        try:
            try:
                yield outcome
            finally:
                DEADLINE.reset(token)
        except Exception as exc:  # (a transport error, or anything else once bytes may have left)
            outcome.delay = self.after_failure(exc)
        else:
            assert outcome.response is not None
            retry_in = self.after_response(outcome.response, started)
            if retry_in is None:
                outcome.answer = self.answer(outcome.response)
            else:
                outcome.delay = retry_in
        finally:
            self.settings.rate_limiter.release(place)


class Outcome:
    """What one attempt came to: the response it got, then the answer or the delay before the next."""

    __slots__ = ("answer", "delay", "response")

    def __init__(self) -> None:
        self.response: httpx.Response | None = None
        self.answer: httpx.Response | None = None
        self.delay = 0.0


def send(
    http: httpx.Client,
    settings: CallSettings,
    operation: Operation,
    kwargs: Mapping[str, Any],
    business: object,
) -> httpx.Response:
    """Send one prepared request with the retries and limits its operation allows."""
    request = build(http, kwargs)
    attempts = Attempts(settings, operation, request, kwargs, business)
    limiter, key_header = settings.rate_limiter, settings.auth_header_name
    while True:
        place = limiter.acquire(attempts.place_request)
        with attempts.one(place) as outcome:
            outcome.response = exchange(http, operation, request, key_header, place.deadline)
        if outcome.answer is not None:
            return outcome.answer
        time.sleep(outcome.delay)


async def asend(
    http: httpx.AsyncClient,
    settings: CallSettings,
    operation: Operation,
    kwargs: Mapping[str, Any],
    business: object,
) -> httpx.Response:
    """The async twin of send()."""
    import asyncio  # here, not at the top: sync-only users do not pay for importing it

    bounded = install(http)  # our deadline is under its pool; else a timer stands in for it
    request = build(http, kwargs)
    attempts = Attempts(settings, operation, request, kwargs, business)
    limiter, key_header = settings.rate_limiter, settings.auth_header_name
    while True:
        place = await limiter.aacquire(attempts.place_request)
        with attempts.one(place) as outcome:
            sending = aexchange(http, operation, request, key_header, place.deadline)
            if bounded:
                outcome.response = await sending
            else:
                loop = asyncio.get_running_loop()
                try:
                    async with asyncio.timeout_at(loop.time() + (place.deadline - time.monotonic())):
                        outcome.response = await sending
                except TimeoutError:
                    raise httpx.ReadTimeout("the attempt used up its timeout", request=request) from None
        if outcome.answer is not None:
            return outcome.answer
        await asyncio.sleep(outcome.delay)
