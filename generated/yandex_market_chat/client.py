"""The low-level client every operation module takes, and the request pipeline they share."""

from __future__ import annotations

import ssl
from collections.abc import Mapping
from typing import Any, Self

import httpx
from attrs import define, evolve, field

from . import _pipeline, _rules
from ._limits import RateLimiter
from .errors import InvalidRequestError

__version__ = "0.1.0"
DEFAULT_BASE_URL = _rules.SERVER_URL
DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=10.0)
"""Finite by default: the service itself gives up on a request after 10 s."""
DEFAULT_MAX_RETRIES = 2
DEFAULT_MAX_RATE_LIMIT_WAIT = 60.0
"""Seconds: a rate-limit wait longer than this raises RateLimitError instead of sleeping."""
USER_AGENT = f"yandex-market-chat/{__version__}"


def _check_token(_instance: object, _attribute: object, value: str) -> None:
    if not isinstance(value, str) or not value:
        raise InvalidRequestError("token", "must be a non-empty string")
    if "\r" in value or "\n" in value:
        raise InvalidRequestError("token", "must not contain CR or LF")


def _check_integration(_instance: object, _attribute: object, value: str | None) -> None:
    if value is not None and (not value or "\r" in value or "\n" in value):
        raise InvalidRequestError("integration", "must be a non-empty '<name>/<version>' without CR or LF")


@define
class _Pool:
    """The httpx clients, shared by every copy made with with_options()."""

    sync: httpx.Client | None = None
    async_: httpx.AsyncClient | None = None


@define(kw_only=True)
class AuthenticatedClient:
    """Configuration and connection pool for the operation modules in `yandex_market_chat.api`.

    `AuthenticatedClient(token="...")` needs nothing else: requests go to the production API with
    the key as `Api-Key: <token>`. For an OAuth token, pass `auth_header_name="Authorization"`
    and `prefix="Bearer"` (or use `AuthenticatedClient.oauth(token)`).
    """

    token: str = field(repr=False, validator=_check_token)
    """The Api-Key (or OAuth token). Never shown in repr, logs or errors."""
    base_url: str = DEFAULT_BASE_URL
    """Where the API is; requests go to base_url + the operation's path."""
    prefix: str = ""
    """Put before the token in the auth header ("Bearer" for OAuth); empty for Api-Key."""
    auth_header_name: str = "Api-Key"
    """The header that carries the token."""
    timeout: httpx.Timeout | float | None = DEFAULT_TIMEOUT
    """Per request; applies to a client set with set_httpx_client() too."""
    max_retries: int = DEFAULT_MAX_RETRIES
    """Retries after a 420/429, a connection that failed before sending, and (idempotent
    operations only) a 5xx or a timeout. 0 turns retries off."""
    max_rate_limit_wait: float = DEFAULT_MAX_RATE_LIMIT_WAIT
    """Longest wait for a rate-limit window, in seconds; longer raises RateLimitError."""
    integration: str | None = field(default=None, validator=_check_integration)
    """Sent as `X-Market-Integration` ("<name>/<version>"): the seller sees it in the API log."""
    headers: dict[str, str] = field(factory=dict)
    """Extra headers for every request."""
    cookies: dict[str, str] = field(factory=dict)
    verify_ssl: str | bool | ssl.SSLContext = True
    follow_redirects: bool = False
    httpx_args: dict[str, Any] = field(factory=dict)
    """More arguments for the httpx.Client / httpx.AsyncClient this client makes."""
    rate_limiter: RateLimiter = field(factory=RateLimiter)
    """Client-side limits (in-flight requests, remaining quota, optional hourly budget)."""
    _pool: _Pool = field(factory=_Pool, init=False, repr=False)

    @classmethod
    def oauth(cls, token: str, **kwargs: Any) -> Self:
        """A client that sends an OAuth token as `Authorization: Bearer <token>`."""
        return cls(token=token, auth_header_name="Authorization", prefix="Bearer", **kwargs)

    def with_options(self, **changes: Any) -> Self:
        """A copy with some settings changed, sharing this one's connection pool and limits."""
        copy = evolve(self, **changes)
        copy._pool = self._pool
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
        value = f"{self.prefix} {self.token}" if self.prefix else self.token
        headers = {"User-Agent": USER_AGENT, **self.headers, self.auth_header_name: value}
        if self.integration:
            headers["X-Market-Integration"] = self.integration
        return headers

    def _request_kwargs(self, kwargs: Mapping[str, Any]) -> dict[str, Any]:
        request = dict(kwargs)
        request["url"] = self.base_url.rstrip("/") + kwargs["url"]
        request["headers"] = {**self._auth_headers(), **kwargs.get("headers", {})}
        request["timeout"] = self.timeout
        return request

    def set_httpx_client(self, client: httpx.Client) -> Self:
        """Use your own httpx.Client. The key, User-Agent, timeout and base URL are still applied."""
        self._pool.sync = client
        return self

    def get_httpx_client(self) -> httpx.Client:
        """The underlying httpx.Client, made on first use."""
        if self._pool.sync is None:
            self._pool.sync = httpx.Client(
                cookies=self.cookies,
                verify=self.verify_ssl,
                follow_redirects=self.follow_redirects,
                **self.httpx_args,
            )
        return self._pool.sync

    def set_async_httpx_client(self, async_client: httpx.AsyncClient) -> Self:
        """Use your own httpx.AsyncClient. The key, User-Agent, timeout and base URL are still applied."""
        self._pool.async_ = async_client
        return self

    def get_async_httpx_client(self) -> httpx.AsyncClient:
        """The underlying httpx.AsyncClient, made on first use."""
        if self._pool.async_ is None:
            self._pool.async_ = httpx.AsyncClient(
                cookies=self.cookies,
                verify=self.verify_ssl,
                follow_redirects=self.follow_redirects,
                **self.httpx_args,
            )
        return self._pool.async_

    def close(self) -> None:
        """Close the connection pool of the sync client."""
        if self._pool.sync is not None:
            self._pool.sync.close()

    async def aclose(self) -> None:
        """Close the connection pool of the async client."""
        if self._pool.async_ is not None:
            await self._pool.async_.aclose()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *args: object) -> None:
        self.close()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *args: object) -> None:
        await self.aclose()

    # Every operation module sends through these two; the pipeline is in _pipeline.py.

    def request(self, operation: str, kwargs: Mapping[str, Any], *, scope: object = None) -> httpx.Response:
        """Send one operation's request, with the retries and limits its spec entry allows."""
        return _pipeline.send(self, operation, self._request_kwargs(kwargs), scope)

    async def arequest(
        self, operation: str, kwargs: Mapping[str, Any], *, scope: object = None
    ) -> httpx.Response:
        """The async twin of request()."""
        return await _pipeline.asend(self, operation, self._request_kwargs(kwargs), scope)


__all__ = ["DEFAULT_BASE_URL", "DEFAULT_TIMEOUT", "AuthenticatedClient"]
