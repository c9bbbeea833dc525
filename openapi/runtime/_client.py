"""The low-level AuthenticatedClient and what the client objects share.

`AuthenticatedClient` is the configuration and connection pool the module functions in
`yandex_market_chat.api` take; the client objects of `yandex_market_chat.client`
(YandexMarketChat, AsyncYandexMarketChat, rendered from the spec) are built on `Chat` here.
"""

from __future__ import annotations

import contextlib
import inspect
import logging
import os
import re
import ssl
import sys
import threading
import warnings
import weakref
from collections.abc import Mapping
from typing import (
    TYPE_CHECKING,
    Any,
    ClassVar,
    Generic,
    Self,
    TypedDict,
    TypeVar,
    Unpack,
    get_args,
    get_origin,
)
from urllib.parse import urlsplit

import httpx

from . import _pipeline
from ._exchange import install
from ._limits import RateLimiter
from ._secrets import masked_headers
from .errors import ClientStateError, InvalidRequestError

if TYPE_CHECKING:
    from ._request import Operation

DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=10.0)
"""Finite by default: the service itself gives up on a request after 10 s."""
MAX_TIMEOUT = 86_400.0
"""The longest timeout (each part) taken: a day. A longer one is refused by name (the socket layer
would fail on it with OverflowError only once the call is made)."""
ACCEPT_ENCODING = "gzip, deflate"
"""The encodings asked for: those the pipeline decodes within MAX_ANSWER_BYTES (_pipeline._decode)."""
DEFAULT_MAX_RETRIES = 2
DEFAULT_MAX_RATE_LIMIT_WAIT = 60.0
"""Seconds: a rate-limit wait longer than this raises RateLimitError instead of sleeping."""

ENV_API_KEY = "YANDEX_MARKET_API_KEY"
ENV_BASE_URL = "YANDEX_MARKET_BASE_URL"
ENV_LOG = "YANDEX_MARKET_LOG"
LOG_LEVELS = ("DEBUG", "INFO")

logger = logging.getLogger("yandex_market_chat")


def check_key(value: object, name: str) -> str:
    """The key as given, or InvalidRequestError naming `name` (never showing the key): it must be
    non-empty printable ASCII without surrounding whitespace, as an HTTP header value."""
    if not isinstance(value, str) or not value:
        raise InvalidRequestError(name, "must be a non-empty string")
    if value != value.strip():
        raise InvalidRequestError(name, "must not start or end with whitespace")
    if not value.isascii() or not value.isprintable():
        raise InvalidRequestError(name, "must be printable ASCII (no control characters, no CR or LF)")
    return value


def _check_integration(value: str | None) -> None:
    if value is not None and not check_header_value(value, "integration"):
        raise InvalidRequestError("integration", "must be a non-empty '<name>/<version>' in printable ASCII")


_HEADER_NAME = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")
"""An HTTP header name (a token, RFC 9110)."""


def check_header_value(value: object, name: str) -> str:
    """A header value this client can send: a str of printable ASCII (spaces inside allowed), else
    InvalidRequestError naming `name`, never showing the value (it may be a key). The HTTP layer
    would refuse it only while sending, after a place and a budget unit were taken."""
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str, not {type(value).__name__}")
    if not value.isascii() or not value.isprintable():
        raise InvalidRequestError(
            name, "must be printable ASCII (no CR, LF, tab or other control characters)"
        )
    if value != value.strip():
        raise InvalidRequestError(name, "must not start or end with a space")
    return value


def check_headers(headers: Mapping[str, str], name: str) -> None:
    """Every header of `headers` a valid name with a value check_header_value() accepts."""
    for header, value in headers.items():
        if not isinstance(header, str) or not _HEADER_NAME.fullmatch(header):
            raise InvalidRequestError(name, f"has a header name that is not a valid HTTP token: {header!r}")
        check_header_value(value, f"{name}[{header!r}]")


def _check_header_name(value: str, name: str) -> None:
    if not isinstance(value, str) or not _HEADER_NAME.fullmatch(value):
        raise InvalidRequestError(name, "must be a valid HTTP header name")


def merge_headers(
    headers: dict[str, str], more: Mapping[str, str], *, replace: bool = True
) -> dict[str, str]:
    """`headers` with those of `more` added, names compared without regard to case (as HTTP does):
    a header already there is replaced (kept, with replace=False), so none is ever sent twice."""
    if not more:
        return headers
    names = {name.lower(): name for name in headers}
    for name, value in more.items():
        there = names.get(name.lower())
        if there is not None:
            if not replace:
                continue
            del headers[there]
        headers[name] = value
        names[name.lower()] = name
    return headers


def to_timeout(value: httpx.Timeout | float | None) -> httpx.Timeout:
    """The timeout as an httpx.Timeout with every part finite: None, or a part left None, takes
    the default's (never unlimited); a part that is not a positive finite number is refused."""
    if value is None:
        return DEFAULT_TIMEOUT
    if isinstance(value, bool) or not isinstance(value, httpx.Timeout | int | float):
        raise TypeError(f"timeout must be seconds or an httpx.Timeout, not {type(value).__name__}")
    timeout = value if isinstance(value, httpx.Timeout) else httpx.Timeout(float(value))
    parts = {}
    for part in ("connect", "read", "write", "pool"):
        seconds = getattr(timeout, part)
        if seconds is None:
            seconds = getattr(DEFAULT_TIMEOUT, part)
        if not 0 < seconds <= MAX_TIMEOUT:
            raise InvalidRequestError(
                "timeout", f"must be a positive number of seconds, at most {MAX_TIMEOUT:g}, got {seconds!r}"
            )
        parts[part] = seconds
    if isinstance(value, httpx.Timeout) and all(getattr(value, k) == v for k, v in parts.items()):
        return value
    return httpx.Timeout(**parts)


def _check_max_retries(value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"max_retries must be an int, not {type(value).__name__}")
    if value < 0:
        raise InvalidRequestError("max_retries", f"must be 0 or more, got {value}")


def _check_max_wait(value: float) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"max_rate_limit_wait must be seconds, not {type(value).__name__}")
    if not value >= 0:
        raise InvalidRequestError("max_rate_limit_wait", f"must be 0 or more seconds, got {value!r}")


def check_base_url(value: object, name: str = "base_url") -> str:
    """An http(s) URL with a host, no query or fragment and no whitespace or control characters, or
    InvalidRequestError naming `name`."""
    if isinstance(value, str) and (not value.isprintable() or any(char.isspace() for char in value)):
        raise InvalidRequestError(name, f"must not contain whitespace or control characters, got {value!r}")
    parts = urlsplit(value) if isinstance(value, str) else None
    if parts is None or parts.scheme not in ("http", "https") or not parts.hostname:
        raise InvalidRequestError(name, f"must be an http:// or https:// URL with a host, got {value!r}")
    if "?" in str(value) or "#" in str(value):  # the path is appended: it would land in the query
        raise InvalidRequestError(name, f"must not have a query or a fragment (? or #), got {value!r}")
    return str(value)


def _running_loop() -> object:
    """The running event loop, or None outside one."""
    import asyncio  # here, not at the top: sync-only users do not pay for importing it

    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None


def _close_on(loop: Any, client: httpx.AsyncClient) -> None:
    """Close an async client on its own event loop (running in another thread), without waiting."""
    import asyncio

    with contextlib.suppress(RuntimeError):  # the loop closed meanwhile; its connections went with it
        asyncio.run_coroutine_threadsafe(client.aclose(), loop)


def _asks_more(http: httpx.Client | httpx.AsyncClient) -> bool:
    """Whether an httpx client of yours asks for encodings besides ACCEPT_ENCODING's."""
    return bool(http.headers.get("Accept-Encoding", ACCEPT_ENCODING) != ACCEPT_ENCODING)


def _forget_connections(http: httpx.Client | httpx.AsyncClient) -> None:
    """In a forked child: the pooled connections of your own httpx client, forgotten without being
    closed (they are the parent's sockets: the child must neither use them nor say goodbye on them),
    so that the child opens its own. Through httpcore's pool, as _deadline.install reaches it."""
    for transport in (getattr(http, "_transport", None), *getattr(http, "_mounts", {}).values()):
        pool = getattr(transport, "_pool", None)
        if isinstance(getattr(pool, "_connections", None), list):
            pool._connections = []  # type: ignore[union-attr]
            pool._requests = []  # type: ignore[union-attr]
            lock = getattr(pool, "_optional_thread_lock", None)
            if lock is not None:
                pool._optional_thread_lock = type(lock)()  # type: ignore[union-attr]


class _Pool:
    """The httpx clients, shared by every copy made with with_options()."""

    def __init__(self) -> None:
        self.sync: httpx.Client | None = None
        self.sync_ours = False
        """Whether `sync` was made here (else it is yours, set_httpx_client)."""
        self.sync_closed = False
        self.user_async: httpx.AsyncClient | None = None
        """Your own httpx.AsyncClient (set_async_httpx_client): used on one event loop only."""
        self.user_async_loop: object = None
        """The event loop your httpx.AsyncClient was first used on through this client."""
        self.loops: dict[object, httpx.AsyncClient] = {}
        """Our own httpx.AsyncClient per event loop: its connections belong to the loop that opened them."""
        self.last: tuple[object, httpx.AsyncClient] | None = None
        """The (loop, client) of the latest call: the common case, found without the lock."""
        self.async_closed = False
        self.ask_encodings = False
        """Whether a request must say Accept-Encoding itself: your own httpx client may ask for
        encodings (br, zstd) that the pipeline does not decode within its bound; ours never do."""
        self.tls: ssl.SSLContext | None = None
        """One TLS context for every per-loop client (making one takes tens of milliseconds)."""
        self.lock = threading.Lock()
        """Threads making their first call at once build one httpx client, not one each."""
        _POOLS.add(self)

    def start_afresh(self) -> None:
        """In a forked child: nothing of the parent's connections. Its sockets are shared with the
        parent, and two processes reading one socket get each other's answers; our own httpx
        clients are replaced on first use, yours keep their settings but forget their connections."""
        self.lock = threading.Lock()
        if self.sync is not None:
            if self.sync_ours:
                self.sync = None
            else:
                _forget_connections(self.sync)
        if self.user_async is not None:
            _forget_connections(self.user_async)
            self.user_async_loop = None
        self.loops = {}
        self.last = None


_POOLS: weakref.WeakSet[_Pool] = weakref.WeakSet()
"""Every pool alive, for the at-fork hook."""


def _after_fork_in_child() -> None:
    for pool in list(_POOLS):
        pool.start_afresh()


if hasattr(os, "register_at_fork"):  # (not on Windows, which has no fork)
    os.register_at_fork(after_in_child=_after_fork_in_child)


_UNGIVEN: Any = object()
"""A setting not given: its default applies."""


class AuthenticatedClient:
    """Configuration and connection pool for the operation modules in `yandex_market_chat.api`.

    `AuthenticatedClient(token="...")` needs nothing else: requests go to the production API with
    the key as `Api-Key: <token>`. For an OAuth token, pass `auth_header_name="Authorization"`
    and `prefix="Bearer"` (or use `AuthenticatedClient.oauth(token)`). It reads no environment
    variables: pass `base_url=` to send elsewhere.

    Settings (keyword arguments; each checked when it is set, with_options() included):
    token: the Api-Key (or OAuth token), never shown in repr, logs or errors; base_url: where
    the API is (requests go to base_url + the path); prefix: put before the token ("Bearer" for
    OAuth); auth_header_name: the header that carries the token; timeout: each attempt as a whole
    (waiting for a place in flight, connecting, sending and reading the whole answer), never
    unlimited (None means the default), also for a client set with set_httpx_client(); max_retries:
    retries after a 420/429, a connection that failed before sending, and (idempotent operations
    only) a 5xx or a timeout, 0 turns them off; max_rate_limit_wait: longest wait for a rate-limit
    window in seconds; integration: sent as X-Market-Integration ("<name>/<version>"); headers:
    extra headers for every request; cookies, verify_ssl, follow_redirects, httpx_args: for the
    httpx clients this client makes; rate_limiter: client-side limits, shared by with_options()
    copies; user_agent: sent as User-Agent.
    """

    BASE_URL: ClassVar[str | None] = None
    """The default base_url (the package's AuthenticatedClient: the spec's server)."""
    USER_AGENT: ClassVar[str] = "yandex-market-chat"
    """The default user_agent (the package's AuthenticatedClient: yandex-market-chat/<version>)."""
    _SETTINGS: ClassVar[tuple[str, ...]]
    """The names of the settings: __init__'s keyword arguments (set below the class)."""

    def __init__(
        self,
        *,
        token: str,
        base_url: str = _UNGIVEN,
        prefix: str = "",
        auth_header_name: str = "Api-Key",
        timeout: httpx.Timeout | float | None = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        max_rate_limit_wait: float = DEFAULT_MAX_RATE_LIMIT_WAIT,
        integration: str | None = None,
        headers: Mapping[str, str] | None = None,
        cookies: Mapping[str, str] | None = None,
        verify_ssl: str | bool | ssl.SSLContext = True,
        follow_redirects: bool = False,
        httpx_args: Mapping[str, Any] | None = None,
        rate_limiter: RateLimiter | None = None,
        user_agent: str = _UNGIVEN,
    ) -> None:
        if base_url is _UNGIVEN:
            if self.BASE_URL is None:
                raise InvalidRequestError("base_url", "is required")
            base_url = self.BASE_URL
        self._set(
            token=token,
            base_url=base_url,
            prefix=prefix,
            auth_header_name=auth_header_name,
            timeout=timeout,
            max_retries=max_retries,
            max_rate_limit_wait=max_rate_limit_wait,
            integration=integration,
            headers=dict(headers or {}),
            cookies=dict(cookies or {}),
            verify_ssl=verify_ssl,
            follow_redirects=follow_redirects,
            httpx_args=dict(httpx_args or {}),
            rate_limiter=rate_limiter if rate_limiter is not None else RateLimiter(),
            user_agent=self.USER_AGENT if user_agent is _UNGIVEN else user_agent,
        )
        self._pool = _Pool()
        self._owns_pool = True
        """False for a with_options() copy: closing a copy leaves the pool its original still uses."""

    def _set(self, **settings: Any) -> None:
        """Check and set settings (the checks name the argument and never show a header's value)."""
        for name, value in settings.items():
            if name == "token":
                check_key(value, "token")
            elif name == "base_url":
                check_base_url(value)
            elif name == "prefix":
                check_header_value(value, "prefix")
            elif name == "auth_header_name":
                _check_header_name(value, name)
            elif name == "timeout":
                value = to_timeout(value)
            elif name == "max_retries":
                _check_max_retries(value)
            elif name == "max_rate_limit_wait":
                _check_max_wait(value)
            elif name == "integration":
                _check_integration(value)
            elif name == "headers":
                check_headers(value, "headers")
            elif name == "user_agent":
                check_header_value(value, "user_agent")
            setattr(self, name, value)

    token: str
    """The Api-Key (or OAuth token). Never shown in repr, logs or errors."""
    base_url: str
    prefix: str
    auth_header_name: str
    timeout: httpx.Timeout
    max_retries: int
    max_rate_limit_wait: float
    integration: str | None
    headers: dict[str, str]
    cookies: dict[str, str]
    verify_ssl: str | bool | ssl.SSLContext
    follow_redirects: bool
    httpx_args: dict[str, Any]
    rate_limiter: RateLimiter
    user_agent: str

    def __repr__(self) -> str:
        shown = []
        for name in self._SETTINGS:
            if name == "token":
                continue
            value = getattr(self, name)
            shown.append(f"{name}={masked_headers(value) if name == 'headers' else repr(value)}")
        return f"{type(self).__name__}({', '.join(shown)})"

    @classmethod
    def oauth(cls, token: str, **kwargs: Any) -> Self:
        """A client that sends an OAuth token as `Authorization: Bearer <token>`."""
        return cls(token=token, auth_header_name="Authorization", prefix="Bearer", **kwargs)

    def with_options(self, **changes: Any) -> Self:
        """A copy with some settings changed, sharing this one's connection pool and limits.
        Closing the copy (or leaving it as a context manager) does not close that pool."""
        unknown = sorted(set(changes) - set(self._SETTINGS))
        if unknown:
            raise TypeError(
                f"with_options() got an unknown setting {unknown[0]!r}; it takes: {', '.join(self._SETTINGS)}"
            )
        copy = object.__new__(type(self))
        copy.__dict__.update(self.__dict__)
        copy._set(**changes)
        copy._pool = self._pool
        copy._owns_pool = False
        return copy

    def with_headers(self, headers: Mapping[str, str]) -> Self:
        """A copy that adds these headers to every request (the pool is shared)."""
        return self.with_options(headers={**self.headers, **headers})

    def with_timeout(self, timeout: httpx.Timeout | float | None) -> Self:
        """A copy with another timeout (the pool is shared)."""
        return self.with_options(timeout=timeout)

    @property
    def rate_limits(self) -> dict[str, Any]:
        """What the client knows of the limits: per (business, operation) remaining and reset."""
        return self.rate_limiter.snapshot()

    def _auth_headers(self) -> dict[str, str]:
        """The headers every request of this client carries: the User-Agent (unless `headers` set
        one), `headers`, the key, and X-Market-Integration."""
        value = f"{self.prefix} {self.token}" if self.prefix else self.token
        headers = merge_headers({"User-Agent": self.user_agent}, self.headers)
        merge_headers(headers, {self.auth_header_name: value})
        if self._pool.ask_encodings:
            merge_headers(headers, {"Accept-Encoding": ACCEPT_ENCODING}, replace=False)
        if self.integration:
            merge_headers(headers, {"X-Market-Integration": self.integration})
        return headers

    def _request_kwargs(self, kwargs: Mapping[str, Any]) -> dict[str, Any]:
        request = dict(kwargs)
        request["url"] = self.base_url.rstrip("/") + kwargs["url"]
        request["headers"] = merge_headers(self._auth_headers(), kwargs.get("headers", {}))
        request["timeout"] = self.timeout
        return request

    def set_httpx_client(self, client: httpx.Client) -> Self:
        """Use your own httpx.Client. The key, User-Agent, timeout and base URL are still applied."""
        with self._pool.lock:
            self._pool.sync = client
            self._pool.sync_ours = False
            self._pool.sync_closed = False
            self._pool.ask_encodings = self._pool.ask_encodings or _asks_more(client)
        install(client)
        return self

    def get_httpx_client(self) -> httpx.Client:
        """The underlying httpx.Client, made on first use. ClientStateError once it is closed."""
        pool = self._pool
        client = pool.sync
        if client is None:
            with pool.lock:
                if pool.sync is None and not pool.sync_closed:
                    pool.sync = httpx.Client(
                        cookies=self.cookies,
                        verify=self.verify_ssl,
                        follow_redirects=self.follow_redirects,
                        **{"headers": {"Accept-Encoding": ACCEPT_ENCODING}, **self.httpx_args},
                    )
                    install(pool.sync)
                    pool.sync_ours = True
                client = pool.sync
        if client is None or client.is_closed:
            raise ClientStateError("the client is closed: make a new one to send again (nothing was sent)")
        return client

    def set_async_httpx_client(self, async_client: httpx.AsyncClient) -> Self:
        """Use your own httpx.AsyncClient. The key, User-Agent, timeout and base URL are still
        applied. On httpx's own transport it is used on the event loop of its first call only: a
        call from another loop raises ClientStateError before sending (its connections belong to
        the first loop)."""
        with self._pool.lock:
            self._pool.user_async = async_client
            self._pool.user_async_loop = None
            self._pool.async_closed = False
            self._pool.ask_encodings = self._pool.ask_encodings or _asks_more(async_client)
        install(async_client)
        return self

    def get_async_httpx_client(self) -> httpx.AsyncClient:
        """The httpx.AsyncClient for the running event loop: one per loop, made on its first use
        there (an httpx.AsyncClient's connections belong to the loop that opened them), so one
        client serves successive asyncio.run() calls and threads with loops of their own."""
        pool = self._pool
        if pool.async_closed:
            raise ClientStateError("the client is closed: make a new one to send again (nothing was sent)")
        loop = _running_loop()
        last = pool.last
        if last is not None and last[0] is loop and pool.user_async is None:
            return last[1]
        with pool.lock:
            user = pool.user_async
            if user is not None:
                if user.is_closed:
                    raise ClientStateError("your httpx.AsyncClient is closed (nothing was sent)")
                if loop is not None and isinstance(
                    getattr(user, "_transport", None), httpx.AsyncHTTPTransport
                ):
                    # (httpx's own transport keeps connections, which belong to the loop that opened
                    # them; an in-memory transport such as httpx.MockTransport keeps none)
                    if pool.user_async_loop is None:
                        pool.user_async_loop = loop
                    elif pool.user_async_loop is not loop:
                        raise ClientStateError(
                            "your httpx.AsyncClient (http_client=) was first used on another event loop, "
                            "and its connections belong to that loop: nothing was sent. Use one event loop, "
                            "or let the client make its own pool (one per loop)"
                        )
                return user
            client = pool.loops.get(loop)
            if client is None or client.is_closed:
                for other in [key for key in pool.loops if key is not None and key.is_closed()]:  # type: ignore[attr-defined]
                    del pool.loops[other]  # (their connections died with their loop)
                client = pool.loops[loop] = httpx.AsyncClient(
                    cookies=self.cookies,
                    verify=self._tls(),
                    follow_redirects=self.follow_redirects,
                    **{"headers": {"Accept-Encoding": ACCEPT_ENCODING}, **self.httpx_args},
                )
                install(client)
            pool.last = (loop, client)
            return client

    def _tls(self) -> ssl.SSLContext | str | bool:
        """Under the pool's lock: the TLS setting for a new per-loop client, made once."""
        if isinstance(self.verify_ssl, ssl.SSLContext) or "transport" in self.httpx_args:
            return self.verify_ssl
        if self._pool.tls is None:
            self._pool.tls = httpx.create_ssl_context(verify=self.verify_ssl)
        return self._pool.tls

    def close(self) -> None:
        """Close the connection pool of the sync client; later sync calls raise ClientStateError.
        A with_options() copy closes nothing (leaving one used as a context manager included):
        the pool is its original's."""
        if not self._owns_pool:
            return
        pool = self._pool
        with pool.lock:
            pool.sync_closed = True
            client = pool.sync
        if client is not None:
            client.close()

    async def aclose(self) -> None:
        """Close the async connection pools (the running loop's, and those of loops that are gone);
        later async calls raise ClientStateError. A with_options() copy closes nothing."""
        if not self._owns_pool:
            return
        pool = self._pool
        loop = _running_loop()
        with pool.lock:
            pool.async_closed = True
            clients = [pool.user_async] if pool.user_async is not None else []
            for key, client in pool.loops.items():
                if key is loop or key is None:  # (one made outside any loop has no connections yet)
                    clients.append(client)
                elif key is not None and not key.is_closed():  # type: ignore[attr-defined]
                    _close_on(key, client)  # another thread's loop: close it there
            pool.loops.clear()
            pool.last = None
        for client in clients:
            await client.aclose()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *args: object) -> None:
        self.close()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *args: object) -> None:
        await self.aclose()

    # Every operation module sends through these two; the pipeline is in _pipeline.py. It gets the
    # httpx client and the settings as values and never calls back into this object.

    def _call_settings(self) -> _pipeline.CallSettings:
        return _pipeline.CallSettings(
            key=self.token,
            auth_header_name=self.auth_header_name,
            timeout=self.timeout,
            max_retries=self.max_retries,
            max_rate_limit_wait=self.max_rate_limit_wait,
            rate_limiter=self.rate_limiter,
        )

    def request(
        self, operation: Operation, kwargs: Mapping[str, Any], *, business_id: object = None
    ) -> httpx.Response:
        """Send one operation's request (for business `business_id`, when it has one), with the
        retries and limits its spec entry allows."""
        request = self._request_kwargs(kwargs)
        http = self.get_httpx_client()
        return _pipeline.send(http, self._call_settings(), operation, request, business_id)

    async def arequest(
        self, operation: Operation, kwargs: Mapping[str, Any], *, business_id: object = None
    ) -> httpx.Response:
        """The async twin of request()."""
        request = self._request_kwargs(kwargs)
        http = self.get_async_httpx_client()
        return await _pipeline.asend(http, self._call_settings(), operation, request, business_id)


# --- what the client objects share --------------------------------------------------------------


AuthenticatedClient._SETTINGS = tuple(inspect.signature(AuthenticatedClient.__init__).parameters)[1:]


def configure_logging_from_env() -> None:
    """YANDEX_MARKET_LOG=debug|info sends the package's log to stderr, without code; any other
    value is reported once with a warning."""
    raw = os.environ.get(ENV_LOG, "").strip()
    level = raw.upper()
    if not raw:
        return
    if level not in LOG_LEVELS:
        if raw not in _warned_log_values:
            _warned_log_values.add(raw)
            warnings.warn(
                f"{ENV_LOG}={raw!r} is not one of {', '.join(v.lower() for v in LOG_LEVELS)}: ignored",
                RuntimeWarning,
                stacklevel=4,
            )
        return
    logger.setLevel(level)
    if not any(getattr(h, "_yandex_market_chat", False) for h in logger.handlers):
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
        handler._yandex_market_chat = True  # type: ignore[attr-defined]
        logger.addHandler(handler)


_warned_log_values: set[str] = set()

_Http = TypeVar("_Http", httpx.Client, httpx.AsyncClient)


class ClientOptions(TypedDict, Generic[_Http], total=False):
    """Settings of a client object, besides the key and the defaults its operations take."""

    base_url: str | None
    """Default: YANDEX_MARKET_BASE_URL, else the production API."""
    timeout: httpx.Timeout | float | None
    """Each attempt as a whole: the wait for a place in flight, connecting, sending and reading the
    whole answer (default 30 s, connect 10 s; never unlimited). A retry is a new attempt."""
    max_retries: int
    """How often a call may be sent again when that is safe (default 2; 0 turns retries off)."""
    max_rate_limit_wait: float
    """Longest wait for a rate-limit window, in seconds (default 60); longer raises RateLimitError."""
    rate_limiter: RateLimiter | None
    """Client-side limits (default: a RateLimiter of its own)."""
    integration: str | None
    """Sent as X-Market-Integration: <name>/<version>; the seller sees it in the API log."""
    default_headers: Mapping[str, str] | None
    """Extra headers for every request."""
    http_client: _Http | None
    """Your own httpx client; the key, timeout and base URL are still applied."""


class CallOptions(TypedDict, total=False):
    """What with_options() changes for a copy of a client object."""

    timeout: httpx.Timeout | float | None
    max_retries: int
    max_rate_limit_wait: float


_ViewT = TypeVar("_ViewT", bound="ChatBase")


class ChatBase:
    """What the sync, async and raw client objects share: the low-level client and the defaults
    of the arguments declared with `x-client-default` in the spec."""

    _DEFAULTS: ClassVar[Mapping[str, tuple[str, type]]] = {}
    _CLIENT: ClassVar[type[AuthenticatedClient]] = AuthenticatedClient
    """The low-level client class (the package's, with the spec's server and the version)."""
    """Python name of an argument with a client-wide default -> (environment variable, type)."""
    _client: AuthenticatedClient
    _defaults: dict[str, Any]

    def _default(self, name: str, value: Any) -> Any:
        """An argument given to the call, else the client's default; required either way."""
        if value is not None:
            return value
        value = self._defaults.get(name)
        if value is None:
            env = self._DEFAULTS[name][0]
            raise InvalidRequestError(
                name, f"is required: pass {name}=... to the call or to the client, or set {env}"
            )
        return value

    def _for_call(self, extra_headers: Mapping[str, str] | None) -> AuthenticatedClient:
        return self._client.with_headers(extra_headers) if extra_headers else self._client

    def _view(self, cls: type[_ViewT]) -> _ViewT:
        """An object of `cls` over the same low-level client and defaults."""
        view = object.__new__(cls)
        view._client, view._defaults = self._client, self._defaults
        return view

    @property
    def client(self) -> AuthenticatedClient:
        """The low-level client, for the module functions in `yandex_market_chat.api`."""
        return self._client

    @property
    def rate_limits(self) -> dict[str, Any]:
        """What the client knows of the service's limits (see AuthenticatedClient.rate_limits)."""
        return self._client.rate_limits

    def __repr__(self) -> str:
        defaults = "".join(f"{name}={value!r}, " for name, value in self._defaults.items())
        return f"{type(self).__name__}({defaults}base_url={self._client.base_url!r})"


def _default_from_env(name: str, env: str, kind: type, value: Any) -> Any:
    if value is not None:
        return value
    raw = os.environ.get(env, "").strip()
    if not raw:
        return None
    if kind is int:
        if not (raw.isascii() and raw.isdigit()):
            raise InvalidRequestError(name, f"from {env} must be a positive integer, got {raw!r}")
        return int(raw)
    return raw


class Chat(ChatBase, Generic[_Http]):
    """The construction and options the sync and async client objects share."""

    _HTTP: ClassVar[type[httpx.Client] | type[httpx.AsyncClient]] = httpx.Client
    """The kind of httpx client `http_client=` must be: the class's type argument (Chat[httpx.Client])."""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        for base in cls.__dict__.get("__orig_bases__", ()):
            if get_origin(base) is Chat:
                cls._HTTP = get_args(base)[0]

    def __init__(
        self,
        api_key: str | None = None,
        *,
        defaults: Mapping[str, Any],
        **options: Unpack[ClientOptions[_Http]],
    ) -> None:
        configure_logging_from_env()
        unknown = sorted(set(options) - set(ClientOptions.__annotations__))
        if unknown:
            raise TypeError(
                f"unknown option {unknown[0]!r}; the options are: {', '.join(ClientOptions.__annotations__)}"
            )
        key = api_key if api_key is not None else os.environ.get(ENV_API_KEY)
        if not key:
            raise InvalidRequestError("api_key", f"is required: pass api_key=... or set {ENV_API_KEY}")
        check_key(key, "api_key")
        base_url = options.get("base_url") or os.environ.get(ENV_BASE_URL) or None
        settings: dict[str, Any] = {
            "timeout": options.get("timeout", DEFAULT_TIMEOUT),
            "max_retries": options.get("max_retries", DEFAULT_MAX_RETRIES),
            "max_rate_limit_wait": options.get("max_rate_limit_wait", DEFAULT_MAX_RATE_LIMIT_WAIT),
            "rate_limiter": options.get("rate_limiter"),
            "integration": options.get("integration"),
            "headers": dict(options.get("default_headers") or {}),
        }
        if base_url is not None:
            settings["base_url"] = check_base_url(
                base_url, "base_url" if options.get("base_url") else ENV_BASE_URL
            )
        self._client = self._CLIENT(token=key, **{k: v for k, v in settings.items() if v is not None})
        http_client = options.get("http_client")
        if http_client is not None and not isinstance(http_client, self._HTTP):
            raise TypeError(
                f"http_client of {type(self).__name__} must be an {self._HTTP.__module__.split('.')[0]}."
                f"{self._HTTP.__name__}, not {type(http_client).__name__}"
            )
        if isinstance(http_client, httpx.AsyncClient):
            self._client.set_async_httpx_client(http_client)
        elif http_client is not None:
            self._client.set_httpx_client(http_client)
        self._defaults = {
            name: _default_from_env(name, env, kind, defaults.get(name))
            for name, (env, kind) in self._DEFAULTS.items()
        }

    def with_options(self, **options: Unpack[CallOptions]) -> Self:
        """A copy with other `timeout` / `max_retries` / `max_rate_limit_wait`, sharing the pool."""
        unknown = sorted(set(options) - set(CallOptions.__annotations__))
        if unknown:
            raise TypeError(
                f"with_options() got an unknown option {unknown[0]!r}; "
                f"it takes: {', '.join(CallOptions.__annotations__)}"
            )
        copy = self._view(type(self))
        copy._client = self._client.with_options(**options)
        return copy
