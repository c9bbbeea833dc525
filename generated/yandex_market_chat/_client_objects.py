"""What the client objects share: the sync and async YandexMarketChat (rendered from the spec in
client.py) are ClientObject[httpx.Client] / ClientObject[httpx.AsyncClient]; they and their raw
views are ClientViews over one low-level AuthenticatedClient and the defaults of the arguments
declared with `x-client-default` in the spec."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from typing import Any, ClassVar, Generic, Self, TypedDict, TypeVar, Unpack, get_args, get_origin

import httpx

from ._client import AuthenticatedClient
from ._limits import RateLimiter
from ._request import Validator, check_value
from ._settings import (
    DEFAULT_MAX_RATE_LIMIT_WAIT,
    DEFAULT_MAX_RETRIES,
    DEFAULT_TIMEOUT,
    ENV_API_KEY,
    ENV_BASE_URL,
    ENV_OAUTH_TOKEN,
    check_base_url,
    check_key,
    configure_logging_from_env,
    header_dict,
)
from .errors import InvalidRequestError
from .types import RateLimits

_Http = TypeVar("_Http", httpx.Client, httpx.AsyncClient)


class ClientOptions(TypedDict, Generic[_Http], total=False):
    """Settings of a client object, besides the key and the defaults its operations take."""

    oauth_token: str | None
    """An OAuth token instead of the Api-Key, sent as `Authorization: Bearer <token>` (default:
    YANDEX_MARKET_OAUTH_TOKEN when no Api-Key is given); never logged or shown."""
    base_url: str | None
    """Default: YANDEX_MARKET_BASE_URL, else the production API. Its path may be a proxy's prefix,
    but not the start of the API's own paths (`/v2`): that would be sent twice."""
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


_ViewT = TypeVar("_ViewT", bound="ClientView")


class ClientView:
    """What the sync, async and raw client objects share: the low-level client and the defaults
    of the arguments declared with `x-client-default` in the spec."""

    _DEFAULTS: ClassVar[Mapping[str, tuple[str, type, Validator]]] = {}
    """Python name of an argument with a client-wide default -> (environment variable, type, the
    compiled check of the parameter's schema in the spec)."""
    _CLIENT: ClassVar[type[AuthenticatedClient]] = AuthenticatedClient
    """The low-level client class (the package's, with the spec's server and the version)."""
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

    def _for_call(
        self,
        extra_headers: Mapping[str, str] | None,
        timeout: httpx.Timeout | float | None = None,
        max_retries: int | None = None,
    ) -> AuthenticatedClient:
        """The low-level client for one call: this one, or a copy (sharing the pool and limits)
        with the call's headers, timeout and retries, checked as with_options() checks them
        (None: the client's own)."""
        changes: dict[str, Any] = {"timeout": timeout, "max_retries": max_retries}
        extra = header_dict(extra_headers, "extra_headers")
        if extra:
            changes["headers"] = {**self._client.headers, **extra}
        changes = {name: value for name, value in changes.items() if value is not None}
        return self._client.with_options(**changes) if changes else self._client

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
    def rate_limits(self) -> RateLimits:
        """What the client knows of the service's limits (see AuthenticatedClient.rate_limits)."""
        return self._client.rate_limits

    def __repr__(self) -> str:
        defaults = "".join(f"{name}={value!r}, " for name, value in self._defaults.items())
        return f"{type(self).__name__}({defaults}base_url={self._client.base_url!r})"


def _default(name: str, env: str, kind: type, validate: Validator, value: Any) -> Any:
    """A client-wide default given as `name`, else read from `env`; either way checked against the
    parameter's schema in the spec now, not at the first call."""
    if value is not None:
        check_value(validate, value, name)
        return value
    raw = os.environ.get(env, "").strip()
    if not raw:
        return None
    if kind is int:
        if not re.fullmatch(r"-?[0-9]+", raw):
            raise InvalidRequestError(f"{name} from {env}", f"must be an integer, got {raw!r}")
        value = int(raw)
    else:
        value = raw
    check_value(validate, value, f"{name} from {env}")
    return value


def _credentials(api_key: str | None, oauth_token: str | None) -> tuple[str, dict[str, str]]:
    """(the token, the low-level client's auth settings for it): an Api-Key, or an
    OAuth token sent as `Authorization: Bearer <token>`; explicit arguments before the environment,
    and never both of either."""
    if api_key is not None and oauth_token is not None:
        raise InvalidRequestError("oauth_token", "cannot be given with api_key: pass one of them")
    if api_key is None and oauth_token is None:
        api_key, oauth_token = os.environ.get(ENV_API_KEY) or None, os.environ.get(ENV_OAUTH_TOKEN) or None
        if api_key is not None and oauth_token is not None:
            raise InvalidRequestError(ENV_OAUTH_TOKEN, f"cannot be set with {ENV_API_KEY}: set one of them")
        api_name, oauth_name = ENV_API_KEY, ENV_OAUTH_TOKEN
    else:
        api_name, oauth_name = "api_key", "oauth_token"
    if oauth_token is not None:
        return check_key(oauth_token, oauth_name), {"auth_header_name": "Authorization", "prefix": "Bearer"}
    if not api_key:
        raise InvalidRequestError(
            "api_key", f"is required: pass api_key=... (or oauth_token=...) or set {ENV_API_KEY}"
        )
    return check_key(api_key, api_name), {}


class ClientObject(ClientView, Generic[_Http]):
    """The construction and options the sync and async client objects share."""

    _HTTP: ClassVar[type[httpx.Client] | type[httpx.AsyncClient]] = httpx.Client
    """The kind of httpx client `http_client=` must be: the class's type argument
    (ClientObject[httpx.Client])."""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        for base in cls.__dict__.get("__orig_bases__", ()):
            if get_origin(base) is ClientObject:
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
        key, auth = _credentials(api_key, options.get("oauth_token"))
        base_url = options.get("base_url") or os.environ.get(ENV_BASE_URL) or None
        settings: dict[str, Any] = {
            **auth,
            "timeout": options.get("timeout", DEFAULT_TIMEOUT),
            "max_retries": options.get("max_retries", DEFAULT_MAX_RETRIES),
            "max_rate_limit_wait": options.get("max_rate_limit_wait", DEFAULT_MAX_RATE_LIMIT_WAIT),
            "rate_limiter": options.get("rate_limiter"),
            "integration": options.get("integration"),
            "headers": header_dict(options.get("default_headers"), "default_headers"),
        }
        if base_url is not None:
            settings["base_url"] = check_base_url(
                base_url, "base_url" if options.get("base_url") else ENV_BASE_URL, self._CLIENT.PATHS_START
            )
        self._client = self._CLIENT(token=key, **{k: v for k, v in settings.items() if v is not None})
        http_client = options.get("http_client")
        if http_client is not None and not isinstance(http_client, self._HTTP):
            raise InvalidRequestError(
                "http_client",
                f"of {type(self).__name__} must be an {self._HTTP.__module__.split('.')[0]}."
                f"{self._HTTP.__name__}, not {type(http_client).__name__}",
            )
        if isinstance(http_client, httpx.AsyncClient):
            self._client.set_async_httpx_client(http_client)
        elif http_client is not None:
            self._client.set_httpx_client(http_client)
        self._defaults = {
            name: _default(name, env, kind, validate, defaults.get(name))
            for name, (env, kind, validate) in self._DEFAULTS.items()
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
