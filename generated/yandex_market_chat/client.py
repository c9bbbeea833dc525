"""The clients: YandexMarketChat / AsyncYandexMarketChat (one method per operation) and the
low-level AuthenticatedClient that the operation modules in `yandex_market_chat.api` take."""

from __future__ import annotations

import logging
import os
import ssl
import sys
import threading
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Generic, Self, TypedDict, TypeVar, Unpack

import httpx
from attrs import define, evolve, field

from . import _pipeline, _rules
from ._limits import RateLimiter
from .errors import InvalidRequestError
from .types import UNSET, File, FileSource, Response, Unset

if TYPE_CHECKING:
    from .models.api_client_data_error_response import ApiClientDataErrorResponse
    from .models.api_forbidden_error_response import ApiForbiddenErrorResponse
    from .models.api_limit_error_response import ApiLimitErrorResponse
    from .models.api_not_found_error_response import ApiNotFoundErrorResponse
    from .models.api_server_error_response import ApiServerErrorResponse
    from .models.api_unauthorized_error_response import ApiUnauthorizedErrorResponse
    from .models.chat_context_dto import ChatContextDTO
    from .models.create_chat_response import CreateChatResponse
    from .models.empty_api_response import EmptyApiResponse

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


def _check_integration(
    _instance: object, _attribute: object, value: str | None
) -> None:
    if value is not None and (not value or "\r" in value or "\n" in value):
        raise InvalidRequestError(
            "integration", "must be a non-empty '<name>/<version>' without CR or LF"
        )


@define
class _Pool:
    """The httpx clients, shared by every copy made with with_options()."""

    sync: httpx.Client | None = None
    async_: httpx.AsyncClient | None = None
    lock: threading.Lock = field(factory=threading.Lock)
    """Threads making their first call at once build one httpx client, not one each."""


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
    """Client-side limits, shared by with_options() copies: at most 4 requests in flight per
    business, the window the service reports, and an optional budget shared across processes,
    e.g. `RateLimiter(max_in_flight=4, budget=HourlyBudget.sqlite("budget.sqlite", 1000))`
    (`from yandex_market_chat._limits import HourlyBudget, RateLimiter`)."""
    _pool: _Pool = field(factory=_Pool, init=False, repr=False)

    @classmethod
    def oauth(cls, token: str, **kwargs: Any) -> Self:
        """A client that sends an OAuth token as `Authorization: Bearer <token>`."""
        return cls(
            token=token, auth_header_name="Authorization", prefix="Bearer", **kwargs
        )

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
        headers = {
            "User-Agent": USER_AGENT,
            **self.headers,
            self.auth_header_name: value,
        }
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
        with self._pool.lock:
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
        with self._pool.lock:
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

    def request(
        self, operation: str, kwargs: Mapping[str, Any], *, scope: object = None
    ) -> httpx.Response:
        """Send one operation's request, with the retries and limits its spec entry allows."""
        return _pipeline.send(self, operation, self._request_kwargs(kwargs), scope)

    async def arequest(
        self, operation: str, kwargs: Mapping[str, Any], *, scope: object = None
    ) -> httpx.Response:
        """The async twin of request()."""
        return await _pipeline.asend(
            self, operation, self._request_kwargs(kwargs), scope
        )


ENV_API_KEY = "YANDEX_MARKET_API_KEY"
ENV_BUSINESS_ID = "YANDEX_MARKET_BUSINESS_ID"
ENV_BASE_URL = "YANDEX_MARKET_BASE_URL"
ENV_LOG = "YANDEX_MARKET_LOG"


def _as_model(model: Any, value: Any) -> Any:
    """A nested body object given as a plain dict becomes its model; anything else passes through."""
    return model.from_dict(value) if isinstance(value, Mapping) else value


async def _afile(
    source: FileSource, file_name: str | None = None, mime_type: str | None = None
) -> File:
    """File.from_source without blocking the event loop: a path is sized and read in a thread."""
    if isinstance(source, str | os.PathLike):
        import asyncio  # here, not at the top: sync-only users do not pay for importing it

        return await asyncio.to_thread(File.from_source, source, file_name, mime_type)
    return File.from_source(source, file_name, mime_type)


def _configure_logging_from_env() -> None:
    """YANDEX_MARKET_LOG=debug|info sends the package's log to stderr, without code."""
    level = os.environ.get(ENV_LOG, "").strip().upper()
    if level not in ("DEBUG", "INFO"):
        return
    logger = logging.getLogger("yandex_market_chat")
    logger.setLevel(level)
    if not any(getattr(h, "_yandex_market_chat", False) for h in logger.handlers):
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(
            logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s")
        )
        handler._yandex_market_chat = True  # type: ignore[attr-defined]
        logger.addHandler(handler)


def _client_from_settings(
    api_key: str | None,
    base_url: str | None,
    settings: Mapping[str, Any],
) -> AuthenticatedClient:
    _configure_logging_from_env()
    key = api_key if api_key is not None else os.environ.get(ENV_API_KEY)
    if not key:
        raise InvalidRequestError(
            "api_key", f"is required: pass api_key=... or set {ENV_API_KEY}"
        )
    url = base_url or os.environ.get(ENV_BASE_URL) or DEFAULT_BASE_URL
    options = {name: value for name, value in settings.items() if value is not None}
    return AuthenticatedClient(token=key, base_url=url, **options)


def _business_id_from_env(business_id: int | None) -> int | None:
    if business_id is not None:
        return business_id
    raw = os.environ.get(ENV_BUSINESS_ID, "").strip()
    if not raw:
        return None
    if not raw.isdigit():
        raise InvalidRequestError(
            ENV_BUSINESS_ID, f"must be a positive integer, got {raw!r}"
        )
    return int(raw)


_ViewT = TypeVar("_ViewT", bound="_ChatBase")


class _ChatBase:
    """What the sync, async and raw client objects share: the low-level client and the defaults."""

    _client: AuthenticatedClient
    _default_business_id: int | None

    def _business_id(self, value: int | None) -> int:
        if value is None:
            value = self._default_business_id
        if value is None:
            raise InvalidRequestError(
                "business_id",
                f"is required: pass business_id=... to the call or the client, or set {ENV_BUSINESS_ID}",
            )
        return value

    def _for_call(self, extra_headers: Mapping[str, str] | None) -> AuthenticatedClient:
        return (
            self._client.with_headers(extra_headers) if extra_headers else self._client
        )

    def _view(self, cls: type[_ViewT]) -> _ViewT:
        """An object of `cls` over the same low-level client and defaults."""
        view = object.__new__(cls)
        view._client, view._default_business_id = (
            self._client,
            self._default_business_id,
        )
        return view

    @property
    def client(self) -> AuthenticatedClient:
        """The low-level client, for the module functions in `yandex_market_chat.api`."""
        return self._client

    @property
    def business_id(self) -> int | None:
        """The business calls go to when they name none."""
        return self._default_business_id

    @property
    def rate_limits(self) -> dict[str, Any]:
        """What the client knows of the service's limits (see AuthenticatedClient.rate_limits)."""
        return self._client.rate_limits

    def __repr__(self) -> str:
        return f"{type(self).__name__}(business_id={self._default_business_id!r}, base_url={self._client.base_url!r})"


class _Options(TypedDict, total=False):
    timeout: httpx.Timeout | float | None
    max_retries: int
    max_rate_limit_wait: float


_Http = TypeVar("_Http", httpx.Client, httpx.AsyncClient)


class _Chat(_ChatBase, Generic[_Http]):
    """The construction and options the sync and async client objects share."""

    def __init__(
        self,
        api_key: str | None = None,
        *,
        business_id: int | None = None,
        base_url: str | None = None,
        timeout: httpx.Timeout | float | None = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        max_rate_limit_wait: float = DEFAULT_MAX_RATE_LIMIT_WAIT,
        rate_limiter: RateLimiter | None = None,
        integration: str | None = None,
        default_headers: Mapping[str, str] | None = None,
        http_client: _Http | None = None,
    ) -> None:
        self._client = _client_from_settings(
            api_key,
            base_url,
            {
                "timeout": timeout,
                "max_retries": max_retries,
                "max_rate_limit_wait": max_rate_limit_wait,
                "rate_limiter": rate_limiter,
                "integration": integration,
                "headers": dict(default_headers or {}),
            },
        )
        if isinstance(http_client, httpx.AsyncClient):
            self._client.set_async_httpx_client(http_client)
        elif http_client is not None:
            self._client.set_httpx_client(http_client)
        self._default_business_id = _business_id_from_env(business_id)

    def with_options(self, **options: Unpack[_Options]) -> Self:
        """A copy with other `timeout` / `max_retries` / `max_rate_limit_wait`, sharing the pool."""
        copy = self._view(type(self))
        copy._client = self._client.with_options(**options)
        return copy


class YandexMarketChat(_Chat[httpx.Client]):
    """The buyer-chat methods of the Yandex Market Partner API, one method per operation.

    With no arguments it reads YANDEX_MARKET_API_KEY (required), YANDEX_MARKET_BUSINESS_ID and
    YANDEX_MARKET_BASE_URL; explicit arguments win. Use it as a context manager, or call
    close(), to close the connection pool.
    """

    @property
    def with_raw_response(self) -> RawYandexMarketChat:
        """The same methods, returning the Response (status, headers, parsed body) instead."""
        return self._view(RawYandexMarketChat)

    def close(self) -> None:
        """Close the connection pool."""
        self._client.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *args: object) -> None:
        self.close()

    def create_chat(
        self,
        *,
        context: ChatContextDTO | Mapping[str, Any] | Unset = UNSET,
        order_id: int | Unset = UNSET,
        business_id: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> CreateChatResponse:
        """Create a chat with a buyer for an order or a return.

        Returns the parsed 2xx body; raises the errors of `yandex_market_chat.errors`.
        """
        from .api.chats import create_chat as operation
        from .models.chat_context_dto import ChatContextDTO
        from .models.create_chat_request import CreateChatRequest

        body = CreateChatRequest(
            context=_as_model(ChatContextDTO, context),
            order_id=order_id,
        )
        return operation.sync(
            self._business_id(business_id),
            client=self._for_call(extra_headers),
            body=body,
        )

    def send_message_to_chat(
        self,
        *,
        chat_id: int,
        message: str,
        business_id: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> EmptyApiResponse:
        """Send a text message to a chat with a buyer.

        Returns the parsed 2xx body; raises the errors of `yandex_market_chat.errors`.
        """
        from .api.chats import send_message_to_chat as operation
        from .models.send_message_to_chat_request import SendMessageToChatRequest

        body = SendMessageToChatRequest(
            message=message,
        )
        return operation.sync(
            self._business_id(business_id),
            client=self._for_call(extra_headers),
            body=body,
            chat_id=chat_id,
        )

    def send_file_to_chat(
        self,
        *,
        chat_id: int,
        file: FileSource,
        file_name: str | None = None,
        mime_type: str | None = None,
        business_id: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> EmptyApiResponse:
        """Send a file to a chat with a buyer.

        Returns the parsed 2xx body; raises the errors of `yandex_market_chat.errors`.
        `file` is a path, bytes or a binary file object; `file_name` defaults to its
        name and `mime_type` is guessed from the name.
        """
        from .api.chats import send_file_to_chat as operation
        from .models.send_file_to_chat_request import SendFileToChatRequest

        body = SendFileToChatRequest(
            file=File.from_source(file, file_name, mime_type),
        )
        return operation.sync(
            self._business_id(business_id),
            client=self._for_call(extra_headers),
            body=body,
            chat_id=chat_id,
        )


class RawYandexMarketChat(_ChatBase):
    """`YandexMarketChat.with_raw_response`: each method returns the Response."""

    def create_chat(
        self,
        *,
        context: ChatContextDTO | Mapping[str, Any] | Unset = UNSET,
        order_id: int | Unset = UNSET,
        business_id: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Response[
        ApiClientDataErrorResponse
        | ApiForbiddenErrorResponse
        | ApiLimitErrorResponse
        | ApiNotFoundErrorResponse
        | ApiServerErrorResponse
        | ApiUnauthorizedErrorResponse
        | CreateChatResponse
    ]:
        """Create a chat with a buyer for an order or a return.

        Returns the Response: status, headers (`.rate_limit` parsed) and, for 2xx, `parsed`.
        """
        from .api.chats import create_chat as operation
        from .models.chat_context_dto import ChatContextDTO
        from .models.create_chat_request import CreateChatRequest

        body = CreateChatRequest(
            context=_as_model(ChatContextDTO, context),
            order_id=order_id,
        )
        return operation.sync_detailed(
            self._business_id(business_id),
            client=self._for_call(extra_headers),
            body=body,
        )

    def send_message_to_chat(
        self,
        *,
        chat_id: int,
        message: str,
        business_id: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Response[
        ApiClientDataErrorResponse
        | ApiForbiddenErrorResponse
        | ApiLimitErrorResponse
        | ApiNotFoundErrorResponse
        | ApiServerErrorResponse
        | ApiUnauthorizedErrorResponse
        | EmptyApiResponse
    ]:
        """Send a text message to a chat with a buyer.

        Returns the Response: status, headers (`.rate_limit` parsed) and, for 2xx, `parsed`.
        """
        from .api.chats import send_message_to_chat as operation
        from .models.send_message_to_chat_request import SendMessageToChatRequest

        body = SendMessageToChatRequest(
            message=message,
        )
        return operation.sync_detailed(
            self._business_id(business_id),
            client=self._for_call(extra_headers),
            body=body,
            chat_id=chat_id,
        )

    def send_file_to_chat(
        self,
        *,
        chat_id: int,
        file: FileSource,
        file_name: str | None = None,
        mime_type: str | None = None,
        business_id: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Response[
        ApiClientDataErrorResponse
        | ApiForbiddenErrorResponse
        | ApiLimitErrorResponse
        | ApiNotFoundErrorResponse
        | ApiServerErrorResponse
        | ApiUnauthorizedErrorResponse
        | EmptyApiResponse
    ]:
        """Send a file to a chat with a buyer.

        Returns the Response: status, headers (`.rate_limit` parsed) and, for 2xx, `parsed`.
        `file` is a path, bytes or a binary file object; `file_name` defaults to its
        name and `mime_type` is guessed from the name.
        """
        from .api.chats import send_file_to_chat as operation
        from .models.send_file_to_chat_request import SendFileToChatRequest

        body = SendFileToChatRequest(
            file=File.from_source(file, file_name, mime_type),
        )
        return operation.sync_detailed(
            self._business_id(business_id),
            client=self._for_call(extra_headers),
            body=body,
            chat_id=chat_id,
        )


class AsyncYandexMarketChat(_Chat[httpx.AsyncClient]):
    """The async twin of YandexMarketChat: the same methods, awaited."""

    @property
    def with_raw_response(self) -> AsyncRawYandexMarketChat:
        """The same methods, returning the Response (status, headers, parsed body) instead."""
        return self._view(AsyncRawYandexMarketChat)

    async def close(self) -> None:
        """Close the connection pool."""
        await self._client.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *args: object) -> None:
        await self.close()

    async def create_chat(
        self,
        *,
        context: ChatContextDTO | Mapping[str, Any] | Unset = UNSET,
        order_id: int | Unset = UNSET,
        business_id: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> CreateChatResponse:
        """Create a chat with a buyer for an order or a return.

        Returns the parsed 2xx body; raises the errors of `yandex_market_chat.errors`.
        """
        from .api.chats import create_chat as operation
        from .models.chat_context_dto import ChatContextDTO
        from .models.create_chat_request import CreateChatRequest

        body = CreateChatRequest(
            context=_as_model(ChatContextDTO, context),
            order_id=order_id,
        )
        return await operation.asyncio(
            self._business_id(business_id),
            client=self._for_call(extra_headers),
            body=body,
        )

    async def send_message_to_chat(
        self,
        *,
        chat_id: int,
        message: str,
        business_id: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> EmptyApiResponse:
        """Send a text message to a chat with a buyer.

        Returns the parsed 2xx body; raises the errors of `yandex_market_chat.errors`.
        """
        from .api.chats import send_message_to_chat as operation
        from .models.send_message_to_chat_request import SendMessageToChatRequest

        body = SendMessageToChatRequest(
            message=message,
        )
        return await operation.asyncio(
            self._business_id(business_id),
            client=self._for_call(extra_headers),
            body=body,
            chat_id=chat_id,
        )

    async def send_file_to_chat(
        self,
        *,
        chat_id: int,
        file: FileSource,
        file_name: str | None = None,
        mime_type: str | None = None,
        business_id: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> EmptyApiResponse:
        """Send a file to a chat with a buyer.

        Returns the parsed 2xx body; raises the errors of `yandex_market_chat.errors`.
        `file` is a path, bytes or a binary file object; `file_name` defaults to its
        name and `mime_type` is guessed from the name.
        """
        from .api.chats import send_file_to_chat as operation
        from .models.send_file_to_chat_request import SendFileToChatRequest

        body = SendFileToChatRequest(
            file=await _afile(file, file_name, mime_type),
        )
        return await operation.asyncio(
            self._business_id(business_id),
            client=self._for_call(extra_headers),
            body=body,
            chat_id=chat_id,
        )


class AsyncRawYandexMarketChat(_ChatBase):
    """`AsyncYandexMarketChat.with_raw_response`: each method returns the Response."""

    async def create_chat(
        self,
        *,
        context: ChatContextDTO | Mapping[str, Any] | Unset = UNSET,
        order_id: int | Unset = UNSET,
        business_id: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Response[
        ApiClientDataErrorResponse
        | ApiForbiddenErrorResponse
        | ApiLimitErrorResponse
        | ApiNotFoundErrorResponse
        | ApiServerErrorResponse
        | ApiUnauthorizedErrorResponse
        | CreateChatResponse
    ]:
        """Create a chat with a buyer for an order or a return.

        Returns the Response: status, headers (`.rate_limit` parsed) and, for 2xx, `parsed`.
        """
        from .api.chats import create_chat as operation
        from .models.chat_context_dto import ChatContextDTO
        from .models.create_chat_request import CreateChatRequest

        body = CreateChatRequest(
            context=_as_model(ChatContextDTO, context),
            order_id=order_id,
        )
        return await operation.asyncio_detailed(
            self._business_id(business_id),
            client=self._for_call(extra_headers),
            body=body,
        )

    async def send_message_to_chat(
        self,
        *,
        chat_id: int,
        message: str,
        business_id: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Response[
        ApiClientDataErrorResponse
        | ApiForbiddenErrorResponse
        | ApiLimitErrorResponse
        | ApiNotFoundErrorResponse
        | ApiServerErrorResponse
        | ApiUnauthorizedErrorResponse
        | EmptyApiResponse
    ]:
        """Send a text message to a chat with a buyer.

        Returns the Response: status, headers (`.rate_limit` parsed) and, for 2xx, `parsed`.
        """
        from .api.chats import send_message_to_chat as operation
        from .models.send_message_to_chat_request import SendMessageToChatRequest

        body = SendMessageToChatRequest(
            message=message,
        )
        return await operation.asyncio_detailed(
            self._business_id(business_id),
            client=self._for_call(extra_headers),
            body=body,
            chat_id=chat_id,
        )

    async def send_file_to_chat(
        self,
        *,
        chat_id: int,
        file: FileSource,
        file_name: str | None = None,
        mime_type: str | None = None,
        business_id: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Response[
        ApiClientDataErrorResponse
        | ApiForbiddenErrorResponse
        | ApiLimitErrorResponse
        | ApiNotFoundErrorResponse
        | ApiServerErrorResponse
        | ApiUnauthorizedErrorResponse
        | EmptyApiResponse
    ]:
        """Send a file to a chat with a buyer.

        Returns the Response: status, headers (`.rate_limit` parsed) and, for 2xx, `parsed`.
        `file` is a path, bytes or a binary file object; `file_name` defaults to its
        name and `mime_type` is guessed from the name.
        """
        from .api.chats import send_file_to_chat as operation
        from .models.send_file_to_chat_request import SendFileToChatRequest

        body = SendFileToChatRequest(
            file=await _afile(file, file_name, mime_type),
        )
        return await operation.asyncio_detailed(
            self._business_id(business_id),
            client=self._for_call(extra_headers),
            body=body,
            chat_id=chat_id,
        )


__all__ = [
    "DEFAULT_BASE_URL",
    "DEFAULT_TIMEOUT",
    "AsyncRawYandexMarketChat",
    "AsyncYandexMarketChat",
    "AuthenticatedClient",
    "RawYandexMarketChat",
    "YandexMarketChat",
]
