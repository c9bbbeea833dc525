"""One exchange on the wire: the request built, sent, its redirects followed, its answer read.

The pipeline (_pipeline.py) decides how often and when; this module does one attempt's sending.
Redirects are followed here (when the httpx client says to), never with the key to another origin,
and never with the body of an operation that is not safe to repeat: such a redirect is not
followed, nor is one past the httpx client's max_redirects; the 3xx is the answer.

The answer is read as a stream, at most MAX_ANSWER_BYTES of it, raw and decoded (gzip and deflate
are the only encodings asked for, and decoded within that bound). An answer that cannot be read (a
broken Content-Encoding, too large) keeps its status and raw bytes, with a note (errors.NOTE)
saying why.
"""

from __future__ import annotations

import time
import zlib
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import httpx

from ._arguments import with_query
from ._deadline import DEADLINE
from ._deadline_streams import BoundedBackend
from ._secrets import drop_credentials
from .errors import NOTE, ClientStateError, InvalidRequestError

if TYPE_CHECKING:
    from ._request import Operation

MAX_ANSWER_BYTES = 4 * 1024 * 1024
"""The most of an answer this client reads, as it arrives and once decoded: the API's answers are a
few hundred bytes, so anything larger (a compressed answer that inflates to gigabytes) is refused
with a typed error instead of filling memory."""


def _too_large() -> str:
    return f"it is larger than {MAX_ANSWER_BYTES} bytes"


# httpx errors raised before the request left this machine: sending again cannot duplicate it.
NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout, httpx.UnsupportedProtocol)


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


_LOWER_LAYERS = frozenset(
    ("httpx", "httpcore", "h11", "h2", "hpack", "idna", "anyio", "sniffio", "ssl", "socket", "selectors")
) | {__name__.partition(".")[0]}
"""The packages under the pipeline (and this one): what they raise while sending is typed here."""


def from_below(exc: BaseException) -> bool:
    """Whether `exc` was raised inside the HTTP stack or this package (the innermost frame of its
    traceback), rather than by code of yours that the stack called."""
    traceback = exc.__traceback__
    if traceback is None:
        return True
    while traceback.tb_next is not None:
        traceback = traceback.tb_next
    module = traceback.tb_frame.f_globals.get("__name__", "")
    return str(module).partition(".")[0] in _LOWER_LAYERS


class _CookiesWhenSet(httpx.Cookies):
    """The cookie jar of an httpx client this package makes: an answer's cookies are read only
    when it sets one. httpx reads every answer through http.cookiejar, building urllib's request
    and response objects for it: about as much work as parsing 40 messages of a chat, for the
    API's answers, which set none (and the jar acts on Set-Cookie alone)."""

    def extract_cookies(self, response: httpx.Response) -> None:
        if "set-cookie" in response.headers:
            super().extract_cookies(response)


def install(http: httpx.Client | httpx.AsyncClient, made_here: bool = False) -> bool:
    """Put the deadline under the connection pool of `http`'s transport; True when it is there
    (or when the transport is httpx.MockTransport, which has no I/O to bound). An httpx client
    `made_here`, by this package, also gets a cookie jar that skips answers setting no cookie.

    Only httpx's own HTTPTransport / AsyncHTTPTransport has a pool to put it under (reached
    through private attributes, which httpx has kept since 0.18; on any surprise this returns
    False and the pipeline falls back to checking the deadline between reads). Idempotent.
    """
    if made_here:
        http._cookies = _CookiesWhenSet(http.cookies)  # (the same jar; httpx keeps it here since 0.18)
    transport = getattr(http, "_transport", None)
    if isinstance(transport, httpx.MockTransport):
        return True  # in memory: it answers at once, there is nothing to bound
    pool = getattr(transport, "_pool", None)
    backend = getattr(pool, "_network_backend", None)
    if getattr(backend, "bounded_by_deadline", False):
        return True  # (the common case, found without importing anything)
    if not isinstance(transport, httpx.HTTPTransport | httpx.AsyncHTTPTransport):
        return False
    import httpcore

    if not isinstance(backend, httpcore.NetworkBackend | httpcore.AsyncNetworkBackend):
        return False
    pool._network_backend = BoundedBackend(backend)  # type: ignore[union-attr]
    return True


def build(http: httpx.Client | httpx.AsyncClient, kwargs: Mapping[str, Any]) -> httpx.Request:
    """The httpx request, built once before any limit is entered (a retry sends it again)."""
    params = kwargs.get("params")
    try:
        if params is not None and not http.params:  # (params of the httpx client's own: httpx merges)
            kwargs = {**kwargs, "url": with_query(kwargs["url"], params), "params": None}
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


@contextmanager
def _while_open(http: httpx.Client | httpx.AsyncClient) -> Iterator[None]:
    """ClientStateError (nothing was sent) for a client closed while this call waited for a place,
    or when httpx refuses to send because it was closed (it checks before sending)."""
    if http.is_closed:
        raise _closed()
    try:
        yield
    except RuntimeError as exc:
        if http.is_closed and "closed" in str(exc):
            raise _closed() from None
        raise


def _origin(url: httpx.URL) -> tuple[str, str, int | None]:
    port = url.port or {"http": 80, "https": 443}.get(url.scheme)
    return url.scheme, url.host, port


def _next_hop(
    http: httpx.Client | httpx.AsyncClient,
    operation: Operation,
    first: httpx.Request,
    response: httpx.Response,
    hops: int,
    auth_header_name: str,
) -> httpx.Request | None:
    """The request a redirect asks for, with only what may go where it points; None (and a note on
    the response) when it is not to be followed."""
    target = response.next_request
    if target is None or not http.follow_redirects:
        return None
    if hops >= http.max_redirects:
        response.extensions[NOTE] = f"redirected more than {http.max_redirects} times: not followed further"
        return None
    if _origin(target.url) != _origin(first.url):
        if not operation.idempotent:
            response.extensions[NOTE] = (
                f"redirected to another origin, {target.url.scheme}://{target.url.netloc.decode()}: not "
                "followed, so neither the key nor the request went there"
            )
            return None
        drop_credentials(target.headers, auth_header_name)
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


class _Body:
    """An answer's body as it arrives, bounded in size and by the attempt's deadline."""

    def __init__(self, response: httpx.Response, deadline: float) -> None:
        self.response, self.deadline = response, deadline
        self.chunks: list[bytes] = []
        self.size = 0
        self.too_large = False

    def take(self, chunk: bytes) -> bool:
        """Keep `chunk`; False (stop reading) once the body is past MAX_ANSWER_BYTES."""
        self.size += len(chunk)
        if self.size > MAX_ANSWER_BYTES:
            self.too_large = True
            return False
        self.chunks.append(chunk)
        if time.monotonic() > self.deadline:
            raise httpx.ReadTimeout(
                "the answer did not arrive within the timeout", request=self.response.request
            )
        return True

    def settle(self) -> None:
        _settle(self.response, self.chunks, self.too_large)


def read_answer(response: httpx.Response, deadline: float) -> None:
    """Read the streamed answer's body, bounded in size and by the attempt's deadline."""
    if _read_already(response):
        response.close()
        return
    body = _Body(response, deadline)
    try:
        for chunk in response.iter_raw():
            if not body.take(chunk):
                break
    finally:
        response.close()
    body.settle()


async def aread_answer(response: httpx.Response, deadline: float) -> None:
    """The async twin of read_answer()."""
    if _read_already(response):
        await response.aclose()
        return
    body = _Body(response, deadline)
    try:
        async for chunk in response.aiter_raw():
            if not body.take(chunk):
                break
    finally:
        await response.aclose()
    body.settle()


def exchange(
    http: httpx.Client, operation: Operation, request: httpx.Request, auth_header_name: str, deadline: float
) -> httpx.Response:
    """Send the request, follow what redirects may be followed, read the answer."""
    _hooked(http)
    with _while_open(http):
        response = http.send(request, stream=True, follow_redirects=False)
    hops = 0
    while (target := _next_hop(http, operation, request, response, hops, auth_header_name)) is not None:
        response.close()
        hops += 1
        response = http.send(target, stream=True, follow_redirects=False)
    read_answer(response, deadline)
    return response


async def aexchange(
    http: httpx.AsyncClient,
    operation: Operation,
    request: httpx.Request,
    auth_header_name: str,
    deadline: float,
) -> httpx.Response:
    """The async twin of exchange()."""
    _hooked(http)
    with _while_open(http):
        response = await http.send(request, stream=True, follow_redirects=False)
    hops = 0
    while (target := _next_hop(http, operation, request, response, hops, auth_header_name)) is not None:
        await response.aclose()
        hops += 1
        response = await http.send(target, stream=True, follow_redirects=False)
    await aread_answer(response, deadline)
    return response
