"""The low-level AuthenticatedClient: the configuration and connection pool the module functions
in `yandex_market_chat.api` take. It sends through the pipeline (_pipeline.py), handing it the httpx
client and its settings as values. The client objects (YandexMarketChat, AsyncYandexMarketChat)
are built on it in _client_objects.py.
"""

from __future__ import annotations

import inspect
import ssl
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Self

import httpx

from . import _pipeline
from ._exchange import install
from ._limits import RateLimiter
from ._pool import ACCEPT_ENCODING, Pool, close_on, running_loop, tls_setting
from ._secrets import masked_headers
from ._settings import (
    DEFAULT_MAX_RATE_LIMIT_WAIT,
    DEFAULT_MAX_RETRIES,
    DEFAULT_TIMEOUT,
    check_base_url,
    check_header_name,
    check_header_value,
    check_headers,
    check_integration,
    check_key,
    check_max_retries,
    check_max_wait,
    header_dict,
    merge_headers,
    to_timeout,
)
from .errors import ClientStateError, InvalidRequestError

if TYPE_CHECKING:
    from ._request import Operation
    from .types import RateLimits


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
    PATHS_START: ClassVar[str] = ""
    """What every path of the API starts with (the package's: `/v2/businesses`): a base_url ending
    in a leading part of it (`/v2`) is refused, since every path would repeat it."""
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
            headers=header_dict(headers, "headers"),
            cookies=dict(cookies or {}),
            verify_ssl=verify_ssl,
            follow_redirects=follow_redirects,
            httpx_args=dict(httpx_args or {}),
            rate_limiter=rate_limiter if rate_limiter is not None else RateLimiter(),
            user_agent=self.USER_AGENT if user_agent is _UNGIVEN else user_agent,
        )
        self._pool = Pool()
        self._owns_pool = True
        """False for a with_options() copy: closing a copy leaves the pool its original still uses."""

    def _set(self, **settings: Any) -> None:
        """Check and set settings (the checks name the argument and never show a header's value)."""
        for name, value in settings.items():
            if name == "token":
                check_key(value, "token")
            elif name == "base_url":
                check_base_url(value, "base_url", self.PATHS_START)
            elif name == "prefix":
                check_header_value(value, "prefix")
            elif name == "auth_header_name":
                check_header_name(value, name)
            elif name == "timeout":
                value = to_timeout(value)
            elif name == "max_retries":
                check_max_retries(value)
            elif name == "max_rate_limit_wait":
                check_max_wait(value)
            elif name == "integration":
                check_integration(value)
            elif name == "headers":
                check_headers(value, "headers")
            elif name == "rate_limiter" and not isinstance(value, RateLimiter):
                raise InvalidRequestError(name, f"must be a RateLimiter, not {type(value).__name__}")
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
    def rate_limits(self) -> RateLimits:
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
        self._pool.adopt(client)
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
                        verify=tls_setting(self.verify_ssl, self.httpx_args),
                        follow_redirects=self.follow_redirects,
                        **{"headers": {"Accept-Encoding": ACCEPT_ENCODING}, **self.httpx_args},
                    )
                    install(pool.sync, made_here=True)
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
        self._pool.adopt(async_client)
        install(async_client)
        return self

    def get_async_httpx_client(self) -> httpx.AsyncClient:
        """The httpx.AsyncClient for the running event loop: one per loop, made on its first use
        there (an httpx.AsyncClient's connections belong to the loop that opened them), so one
        client serves successive asyncio.run() calls and threads with loops of their own."""
        pool = self._pool
        if pool.async_closed:
            raise ClientStateError("the client is closed: make a new one to send again (nothing was sent)")
        loop = running_loop()
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
                    verify=tls_setting(self.verify_ssl, self.httpx_args),
                    follow_redirects=self.follow_redirects,
                    **{"headers": {"Accept-Encoding": ACCEPT_ENCODING}, **self.httpx_args},
                )
                install(client, made_here=True)
            pool.last = (loop, client)
            return client

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
        loop = running_loop()
        with pool.lock:
            pool.async_closed = True
            clients = [pool.user_async] if pool.user_async is not None else []
            for key, client in pool.loops.items():
                if key is loop or key is None:  # (one made outside any loop has no connections yet)
                    clients.append(client)
                elif key is not None and not key.is_closed():  # type: ignore[attr-defined]
                    close_on(key, client)  # another thread's loop: close it there
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
        """The settings as a value, made again only when one of them changed (a frozen dataclass
        costs more to make than this comparison, on every call)."""
        values = (
            self.token,
            self.auth_header_name,
            self.timeout,
            self.max_retries,
            self.max_rate_limit_wait,
            self.rate_limiter,
        )
        made = self.__dict__.get("_made_settings")
        if made is None or made[0] != values:
            made = (values, _pipeline.CallSettings(*values))
            self.__dict__["_made_settings"] = made
        return made[1]

    def request(
        self, operation: Operation, kwargs: Mapping[str, Any], *, business: object = None
    ) -> httpx.Response:
        """Send one operation's request (for the business its `x-` scope names, when it has one), with the
        retries and limits its spec entry allows."""
        request = self._request_kwargs(kwargs)
        http = self.get_httpx_client()
        return _pipeline.send(http, self._call_settings(), operation, request, business)

    async def arequest(
        self, operation: Operation, kwargs: Mapping[str, Any], *, business: object = None
    ) -> httpx.Response:
        """The async twin of request()."""
        request = self._request_kwargs(kwargs)
        http = self.get_async_httpx_client()
        return await _pipeline.asend(http, self._call_settings(), operation, request, business)


AuthenticatedClient._SETTINGS = tuple(inspect.signature(AuthenticatedClient.__init__).parameters)[1:]
