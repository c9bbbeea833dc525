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

The answer is read here, as a stream, at most MAX_ANSWER_BYTES of it, raw and decoded (gzip and
deflate are the only encodings asked for, and decoded within that bound). An answer that cannot be
read (a broken Content-Encoding, too large) keeps its status and raw bytes and becomes the typed
error of its status: ResponseValidationError for a 2xx.

Redirects are followed here (when the httpx client says to), never with the key to another origin,
and never with the body of an operation that is not safe to repeat: such a redirect is not
followed, nor is one past the client's max_redirects; the 3xx is the answer.

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

import logging
import random
import time
import zlib
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import httpx

from . import _headers
from ._deadline import DEADLINE, install
from ._limits import LONGEST_WINDOW
from ._secrets import drop_credentials, without_key
from .errors import (
    NOTE,
    APIConnectionError,
    APITimeoutError,
    ClientStateError,
    InvalidRequestError,
    ResponseValidationError,
    YandexMarketError,
)

if TYPE_CHECKING:
    from ._client import AuthenticatedClient
    from ._request import Operation

logger = logging.getLogger("yandex_market_chat")

# httpx errors raised before the request left this machine: sending again cannot duplicate it.
NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout, httpx.UnsupportedProtocol)

MAX_ANSWER_BYTES = 4 * 1024 * 1024
"""The most of an answer this client reads, as it arrives and once decoded: the API's answers are a
few hundred bytes, so anything larger (a compressed answer that inflates to gigabytes) is refused
with a typed error instead of filling memory."""


def _too_large() -> str:
    return f"it is larger than {MAX_ANSWER_BYTES} bytes"


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
    client: AuthenticatedClient, exc: httpx.TransportError, operation: Operation, attempt: int
) -> float | None:
    """Seconds to wait before sending again after a transport error, or None to give up."""
    if attempt >= client.max_retries or isinstance(exc, httpx.LocalProtocolError):
        return None  # (the HTTP layer refusing the request would refuse it again)
    if not sent(exc) or operation.idempotent:
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


def sent(exc: Exception) -> bool:
    """False when the request provably did not leave this machine: the connection failed, or the
    HTTP layer refused the request's headers before writing any of it."""
    if isinstance(exc, NOT_SENT):
        return False
    if isinstance(exc, httpx.LocalProtocolError):
        return not _refused_headers(exc)
    return True


def _refused_headers(exc: BaseException) -> bool:
    """Whether httpcore raised this while building the request's headers (h11 refusing a name or
    value), before it wrote a byte: its traceback passes through _send_request_headers and never
    reaches _send_event. Only looked at for a LocalProtocolError, on the error path."""
    cause = exc.__cause__ or exc.__context__
    traceback = cause.__traceback__ if cause is not None else exc.__traceback__
    functions = set()
    while traceback is not None:
        functions.add(traceback.tb_frame.f_code.co_name)
        traceback = traceback.tb_next
    return "_send_request_headers" in functions and "_send_event" not in functions


def connection_error(
    exc: Exception, operation: Operation, request: httpx.Request, client: AuthenticatedClient
) -> APIConnectionError:
    went = sent(exc)
    if isinstance(exc, httpx.LocalProtocolError) and not went:
        what = "the HTTP layer refused a header name or value"  # (its message would show the value)
    else:
        what = f"{type(exc).__name__}: {exc}"
    text = f"{operation.id}: no answer from {request.url} ({what})"
    if not went:
        text += "; nothing was sent"
    elif not operation.idempotent:
        text += "; the request was sent, so it may already have been delivered"
        text += ": sending it again could post it twice"
    error_class = APITimeoutError if isinstance(exc, httpx.TimeoutException) else APIConnectionError
    return error_class(
        without_key(text, client.token),
        method=request.method,
        url=str(request.url),
        may_have_been_delivered=went and not operation.idempotent,
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


# --- building the request, reading the answer ---------------------------------------------------


def build(http: httpx.Client | httpx.AsyncClient, kwargs: Mapping[str, Any]) -> httpx.Request:
    """The httpx request, built once before any limit is entered (a retry sends it again)."""
    try:
        return http.build_request(**kwargs)
    except (ValueError, UnicodeError, httpx.InvalidURL) as exc:
        # (never the exception's text: it may show a header value, and a header may hold the key)
        raise InvalidRequestError(
            "request", f"cannot be built ({type(exc).__name__}): nothing was sent"
        ) from None


REDIRECTS = frozenset((301, 302, 303, 307, 308))
"""The statuses httpx follows (and builds a next request for) when they carry a Location."""


def keep_unfollowable_redirect(response: httpx.Response) -> None:
    """An httpx response hook: a redirect whose Location httpx cannot turn into a request
    (`javascript:alert(1)`, `mailto:a@b`, `http://xn--/`) is kept as the answer, with a note, instead
    of httpx raising InvalidURL or IDNAError from send() after the request was sent. It checks what
    httpx's own redirect URL does (parse; an absolute URL without a host takes the request's; a
    relative one is joined), and acts only inside a call of this package (your own requests on your
    own client are left as httpx has them)."""
    if response.status_code not in REDIRECTS or DEADLINE.get() is None:
        return
    location = response.headers.get("Location")
    if location is None:
        return
    try:
        url = httpx.URL(location)
        if url.scheme and not url.host:
            url = url.copy_with(host=response.request.url.host)
        if url.is_relative_url:
            response.request.url.join(url)
    except Exception as exc:  # InvalidURL, idna's IDNAError (a UnicodeError), whatever the parser raises
        del response.headers["Location"]
        response.extensions[NOTE] = (
            f"its Location cannot be followed ({type(exc).__name__}): the redirect is the answer"
        )


async def akeep_unfollowable_redirect(response: httpx.Response) -> None:
    """keep_unfollowable_redirect() for an httpx.AsyncClient (which awaits its hooks)."""
    keep_unfollowable_redirect(response)


def _hooked(http: httpx.Client | httpx.AsyncClient) -> None:
    """Put keep_unfollowable_redirect among the response hooks of `http` (once)."""
    hooks = http.event_hooks["response"]
    hook = akeep_unfollowable_redirect if isinstance(http, httpx.AsyncClient) else keep_unfollowable_redirect
    if hook not in hooks:
        hooks.append(hook)


def _closed() -> ClientStateError:
    return ClientStateError(
        "the client was closed before this request was sent: make a new one to send again (nothing was sent)"
    )


def _was_closed(http: httpx.Client | httpx.AsyncClient, exc: RuntimeError) -> bool:
    """Whether httpx refused to send because the client was closed (it checks before sending)."""
    return http.is_closed and "closed" in str(exc)


_LOWER_LAYERS = frozenset(
    ("httpx", "httpcore", "h11", "h2", "hpack", "idna", "anyio", "sniffio", "ssl", "socket", "selectors")
) | {__name__.partition(".")[0]}
"""The packages under the pipeline (and this one): what they raise while sending is typed here."""


def _from_below(exc: BaseException) -> bool:
    """Whether `exc` was raised inside the HTTP stack or this package (the innermost frame of its
    traceback), rather than by code of yours that the stack called."""
    traceback = exc.__traceback__
    if traceback is None:
        return True
    while traceback.tb_next is not None:
        traceback = traceback.tb_next
    module = traceback.tb_frame.f_globals.get("__name__", "")
    return str(module).partition(".")[0] in _LOWER_LAYERS


def _origin(url: httpx.URL) -> tuple[str, str, int | None]:
    port = url.port or {"http": 80, "https": 443}.get(url.scheme)
    return url.scheme, url.host, port


def _next_hop(
    client: AuthenticatedClient,
    operation: Operation,
    first: httpx.Request,
    response: httpx.Response,
    hops: int,
    most: int,
) -> httpx.Request | None:
    """The request a redirect asks for, with only what may go where it points; None (and a note on
    the response) when it is not to be followed."""
    target = response.next_request
    if target is None:
        return None
    if hops >= most:
        response.extensions[NOTE] = f"redirected more than {most} times: not followed further"
        return None
    if _origin(target.url) != _origin(first.url):
        if not operation.idempotent:
            response.extensions[NOTE] = (
                f"redirected to another origin, {target.url.scheme}://{target.url.netloc.decode()}: not "
                "followed, so neither the key nor the request went there"
            )
            return None
        drop_credentials(target.headers, client.auth_header_name)
    return target


def _decode(raw: bytes, coding: str) -> tuple[bytes, str | None]:
    """The body under its Content-Encoding, inflated to at most MAX_ANSWER_BYTES; (raw, the problem)
    when it cannot be."""
    data = raw
    for name in reversed(coding.lower().split(",")):
        name = name.strip()
        if name in ("", "identity"):
            continue
        forms: tuple[int, ...]
        if name in ("gzip", "x-gzip"):
            forms = (zlib.MAX_WBITS | 16,)
        elif name == "deflate":
            forms = (zlib.MAX_WBITS, -zlib.MAX_WBITS)  # zlib-wrapped as the RFC says, or raw as some send
        else:
            return raw, f"its Content-Encoding {name!r} is not one this client asks for"
        problem = ""
        for wbits in forms:
            inflater = zlib.decompressobj(wbits)
            try:
                out = inflater.decompress(data, MAX_ANSWER_BYTES + 1)
                if len(out) <= MAX_ANSWER_BYTES and not inflater.unconsumed_tail:
                    out += inflater.flush()
            except zlib.error as exc:
                problem = f"it is not valid {name} data ({exc})"
                continue
            if len(out) > MAX_ANSWER_BYTES or inflater.unconsumed_tail:
                return raw, f"it inflates past {MAX_ANSWER_BYTES} bytes"
            if not inflater.eof:
                return raw, f"its {name} data is cut short"
            data = out
            break
        else:
            return raw, problem
    return data, None


def _settle(response: httpx.Response, chunks: list[bytes], too_large: bool) -> None:
    """Give the response the body read: decoded, or the raw bytes and a note saying why not."""
    raw = chunks[0] if len(chunks) == 1 else b"".join(chunks)
    problem = _too_large() if too_large else None
    coding = response.headers.get("content-encoding")
    content = raw
    if coding and raw and problem is None:
        content, problem = _decode(raw, coding)
    if problem is not None:
        response.extensions[NOTE] = f"the answer could not be read: {problem}"
    # httpx keeps a read body here (Response.read() sets it); the public way would decode it again.
    response._content = content


def _read_already(response: httpx.Response) -> bool:
    """Whether an in-memory transport (httpx.MockTransport) read the body already; such a body is
    held to the same bound."""
    if not response.is_stream_consumed:
        return False
    if len(response.content) > MAX_ANSWER_BYTES:
        response.extensions[NOTE] = f"the answer could not be read: {_too_large()}"
    return True


def read_answer(response: httpx.Response, deadline: float) -> None:
    """Read the streamed answer's body, bounded in size and by the attempt's deadline."""
    if _read_already(response):
        response.close()
        return
    chunks: list[bytes] = []
    size = 0
    too_large = False
    try:
        for chunk in response.iter_raw():
            size += len(chunk)
            if size > MAX_ANSWER_BYTES:
                too_large = True
                break
            chunks.append(chunk)
            if time.monotonic() > deadline:
                raise httpx.ReadTimeout(
                    "the answer did not arrive within the timeout", request=response.request
                )
    finally:
        response.close()
    _settle(response, chunks, too_large)


async def aread_answer(response: httpx.Response, deadline: float) -> None:
    """The async twin of read_answer()."""
    if _read_already(response):
        await response.aclose()
        return
    chunks: list[bytes] = []
    size = 0
    too_large = False
    try:
        async for chunk in response.aiter_raw():
            size += len(chunk)
            if size > MAX_ANSWER_BYTES:
                too_large = True
                break
            chunks.append(chunk)
            if time.monotonic() > deadline:
                raise httpx.ReadTimeout(
                    "the answer did not arrive within the timeout", request=response.request
                )
    finally:
        await response.aclose()
    _settle(response, chunks, too_large)


def exchange(
    client: AuthenticatedClient,
    http: httpx.Client,
    operation: Operation,
    request: httpx.Request,
    deadline: float,
) -> httpx.Response:
    """Send the request, follow what redirects may be followed, read the answer."""
    _hooked(http)
    if http.is_closed:  # (closed while this call waited for a place)
        raise _closed()
    try:
        response = http.send(request, stream=True, follow_redirects=False)
    except RuntimeError as exc:
        if _was_closed(http, exc):
            raise _closed() from None
        raise
    if response.next_request is not None and http.follow_redirects:
        hops = 0
        while True:
            target = _next_hop(client, operation, request, response, hops, http.max_redirects)
            if target is None:
                break
            response.close()
            hops += 1
            response = http.send(target, stream=True, follow_redirects=False)
    read_answer(response, deadline)
    return response


async def aexchange(
    client: AuthenticatedClient,
    http: httpx.AsyncClient,
    operation: Operation,
    request: httpx.Request,
    deadline: float,
) -> httpx.Response:
    """The async twin of exchange()."""
    _hooked(http)
    if http.is_closed:  # (closed while this call waited for a place)
        raise _closed()
    try:
        response = await http.send(request, stream=True, follow_redirects=False)
    except RuntimeError as exc:
        if _was_closed(http, exc):
            raise _closed() from None
        raise
    if response.next_request is not None and http.follow_redirects:
        hops = 0
        while True:
            target = _next_hop(client, operation, request, response, hops, http.max_redirects)
            if target is None:
                break
            await response.aclose()
            hops += 1
            response = await http.send(target, stream=True, follow_redirects=False)
    await aread_answer(response, deadline)
    return response


class Attempts:
    """One operation's request across its attempts: what send() and asend() both decide after
    each attempt (retry or not, how long to wait, what to log, rewinding files)."""

    def __init__(
        self,
        client: AuthenticatedClient,
        operation: Operation,
        request: httpx.Request,
        kwargs: Mapping[str, Any],
        scope: object,
    ):
        self.client, self.operation, self.request, self.scope = client, operation, request, scope
        self.positions = file_positions(kwargs)
        self.attempt = 0

    def after_error(self, exc: httpx.TransportError) -> float:
        """Seconds to wait before the next attempt; raises the typed connection error instead when
        the request may not be sent again."""
        delay = delay_after_error(self.client, exc, self.operation, self.attempt)
        if delay is None:
            raise connection_error(exc, self.operation, self.request, self.client) from exc
        self._next(type(exc).__name__, delay)
        return delay

    def unexpected(self, exc: Exception) -> Exception:
        """The typed error for anything else raised while sending, after bytes may have left: your
        file failed to read (OSError), it changed size since the request was built (h11's
        LocalProtocolError), the layers below failed in a way of their own. `exc` itself when it is
        typed already, or when code of yours raised it inside the HTTP layer (a transport or event
        hook of yours, a test double such as vcrpy's): that is yours, and passes unchanged."""
        if isinstance(exc, YandexMarketError) or not (
            isinstance(exc, httpx.HTTPError | RuntimeError | OSError) or _from_below(exc)
        ):
            return exc
        text = (
            f"{self.operation.id}: the HTTP layer failed while sending to {self.request.url} "
            f"({type(exc).__name__}: {exc}); the request may have been sent"
        )
        return APIConnectionError(
            without_key(text, self.client.token),
            method=self.request.method,
            url=str(self.request.url),
            may_have_been_delivered=not self.operation.idempotent,
        )

    def after_response(self, response: httpx.Response, started: float) -> float | None:
        """Seconds to wait before the next attempt, or None: the response is the answer."""
        self.client.rate_limiter.observe(self.scope, self.operation.name, response.headers)
        log_response(response, time.monotonic() - started)
        delay = delay_after_response(self.client, response, self.operation, self.attempt)
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


def send(
    client: AuthenticatedClient, operation: Operation, kwargs: Mapping[str, Any], scope: object
) -> httpx.Response:
    """Send one prepared request with the retries and limits its operation allows."""
    http = client.get_httpx_client()
    request = build(http, kwargs)
    attempts = Attempts(client, operation, request, kwargs, scope)
    limiter = client.rate_limiter
    seconds = attempt_seconds(client.timeout)
    while True:
        place = limiter.acquire(
            scope, operation.name, client.max_rate_limit_wait, seconds, operation.hourly_limit
        )
        try:
            started = time.monotonic()
            token = DEADLINE.set(place.deadline)
            try:
                response = exchange(client, http, operation, request, place.deadline)
            finally:
                DEADLINE.reset(token)
        except httpx.TransportError as exc:
            delay = attempts.after_error(exc)
        except Exception as exc:  # anything else, once bytes may have left (see unexpected())
            error = attempts.unexpected(exc)
            if error is exc:
                raise
            raise error from exc
        else:
            retry_in = attempts.after_response(response, started)
            if retry_in is None:
                return attempts.answer(response)
            delay = retry_in
        finally:
            limiter.release(place)
        time.sleep(delay)


async def asend(
    client: AuthenticatedClient, operation: Operation, kwargs: Mapping[str, Any], scope: object
) -> httpx.Response:
    """The async twin of send()."""
    import asyncio  # here, not at the top: sync-only users do not pay for importing it

    http = client.get_async_httpx_client()
    request = build(http, kwargs)
    attempts = Attempts(client, operation, request, kwargs, scope)
    limiter = client.rate_limiter
    seconds = attempt_seconds(client.timeout)
    bounded = install(http)  # our deadline is under its pool; else a timer stands in for it
    while True:
        place = await limiter.aacquire(
            scope, operation.name, client.max_rate_limit_wait, seconds, operation.hourly_limit
        )
        try:
            started = time.monotonic()
            token = DEADLINE.set(place.deadline)
            try:
                if bounded:
                    response = await aexchange(client, http, operation, request, place.deadline)
                else:
                    loop = asyncio.get_running_loop()
                    try:
                        async with asyncio.timeout_at(loop.time() + (place.deadline - time.monotonic())):
                            response = await aexchange(client, http, operation, request, place.deadline)
                    except TimeoutError:
                        raise httpx.ReadTimeout("the attempt used up its timeout", request=request) from None
            finally:
                DEADLINE.reset(token)
        except httpx.TransportError as exc:
            delay = attempts.after_error(exc)
        except Exception as exc:  # anything else, once bytes may have left (see unexpected())
            error = attempts.unexpected(exc)
            if error is exc:
                raise
            raise error from exc
        else:
            retry_in = attempts.after_response(response, started)
            if retry_in is None:
                return attempts.answer(response)
            delay = retry_in
        finally:
            limiter.release(place)
        await asyncio.sleep(delay)
