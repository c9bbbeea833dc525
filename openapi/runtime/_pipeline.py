"""The request pipeline: client-side limits, typed connection errors, retries, logging.

Every attempt waits for a place from the client's RateLimiter (_limits.py), which may also raise
RateLimitError at once when the service's window or the budget is spent for longer than
`max_rate_limit_wait`. What may be sent again, at most `max_retries` times, comes from the spec
(`x-idempotent`, rendered into each endpoint module's `Operation`):
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

import logging
import random
import time
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import httpx

from . import _headers
from ._limits import LONGEST_WINDOW
from .errors import APIConnectionError, APITimeoutError

if TYPE_CHECKING:
    from ._client import AuthenticatedClient
    from ._request import Operation

logger = logging.getLogger("yandex_market_chat")

# httpx errors raised before the request left this machine: sending again cannot duplicate it.
NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout, httpx.UnsupportedProtocol)


BACKOFF_BASE = 0.5
"""Seconds: the first backoff step; each retry doubles it, up to BACKOFF_CAP."""
BACKOFF_CAP = 8.0
LONGEST_WAIT = LONGEST_WINDOW.total_seconds()
"""A 420's reset is trusted this far ahead at most (the service's windows are hourly)."""


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
    client: AuthenticatedClient, exc: httpx.TransportError, operation: Operation, attempt: int
) -> float | None:
    """Seconds to wait before sending again after a transport error, or None to give up."""
    if attempt >= client.max_retries:
        return None
    if isinstance(exc, NOT_SENT) or operation.idempotent:
        return backoff(attempt)
    return None


def delay_after_response(
    client: AuthenticatedClient, response: httpx.Response, operation: Operation, attempt: int
) -> float | None:
    """Seconds to wait before sending again after this answer, or None to return it."""
    if attempt >= client.max_retries:
        return None
    status = response.status_code
    if status in (420, 429):
        wait = rate_limit_wait(response.headers, attempt)
        return wait if wait <= client.max_rate_limit_wait else None
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
    exc: httpx.TransportError, operation: Operation, request: Mapping[str, Any]
) -> APIConnectionError:
    sent = not isinstance(exc, NOT_SENT)
    text = f"{operation.id}: no answer from {request['url']} ({type(exc).__name__}: {exc})"
    if sent and not operation.idempotent:
        text += "; the request was sent, so it may already have been delivered"
        text += ": sending it again could post it twice"
    error_class = APITimeoutError if isinstance(exc, httpx.TimeoutException) else APIConnectionError
    return error_class(text, method=request["method"], url=str(request["url"]), may_have_been_delivered=sent)


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
        self, client: AuthenticatedClient, operation: Operation, request: dict[str, Any], scope: object
    ):
        self.client, self.operation, self.request, self.scope = client, operation, request, scope
        self.positions = file_positions(request)
        self.attempt = 0

    def after_error(self, exc: httpx.TransportError) -> float:
        """Seconds to wait before the next attempt; raises the typed connection error instead when
        the request may not be sent again."""
        delay = delay_after_error(self.client, exc, self.operation, self.attempt)
        if delay is None:
            raise connection_error(exc, self.operation, self.request) from exc
        self._next(type(exc).__name__, delay)
        return delay

    def after_response(self, response: httpx.Response, started: float) -> float | None:
        """Seconds to wait before the next attempt, or None: the response is the answer."""
        self.client.rate_limiter.observe(self.scope, self.operation.name, response.headers)
        log_response(response, time.monotonic() - started)
        delay = delay_after_response(self.client, response, self.operation, self.attempt)
        reason = response_reason(response, self.operation)
        if delay is not None:
            self._next(reason, delay)
        return delay

    def _next(self, reason: str, delay: float) -> None:
        log_retry(self.operation, reason, delay, self.attempt)
        self.attempt += 1
        rewind(self.positions)


def send(
    client: AuthenticatedClient, operation: Operation, request: dict[str, Any], scope: object
) -> httpx.Response:
    """Send one prepared request with the retries and limits its operation allows."""
    attempts = Attempts(client, operation, request, scope)
    http = client.get_httpx_client()
    while True:
        with client.rate_limiter.slot(scope, operation.name, client.max_rate_limit_wait):
            started = time.monotonic()
            try:
                response = http.request(**request)
            except httpx.TransportError as exc:
                delay = attempts.after_error(exc)
            else:
                retry_in = attempts.after_response(response, started)
                if retry_in is None:
                    return response
                delay = retry_in
        time.sleep(delay)


async def asend(
    client: AuthenticatedClient, operation: Operation, request: dict[str, Any], scope: object
) -> httpx.Response:
    """The async twin of send()."""
    import asyncio  # here, not at the top: sync-only users do not pay for importing it

    attempts = Attempts(client, operation, request, scope)
    http = client.get_async_httpx_client()
    while True:
        async with client.rate_limiter.aslot(scope, operation.name, client.max_rate_limit_wait):
            started = time.monotonic()
            try:
                response = await http.request(**request)
            except httpx.TransportError as exc:
                delay = attempts.after_error(exc)
            else:
                retry_in = attempts.after_response(response, started)
                if retry_in is None:
                    return response
                delay = retry_in
        await asyncio.sleep(delay)
