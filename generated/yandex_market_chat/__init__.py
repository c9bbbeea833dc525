"""Yandex Market Partner API — buyer chats: a typed Python client generated from openapi/.

Start with `YandexMarketChat` (or `AsyncYandexMarketChat`); every error derives from
`YandexMarketError`.
"""

from typing import TYPE_CHECKING

from ._budget import HourlyBudget
from ._limits import RateLimiter
from .client import (
    DEFAULT_BASE_URL,
    AsyncYandexMarketChat,
    AuthenticatedClient,
    YandexMarketChat,
    __version__,
)
from .errors import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    BudgetStoreError,
    ClientStateError,
    ErrorDetail,
    InternalServerError,
    InvalidRequestError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    ResponseValidationError,
    YandexMarketError,
)
from .pagination import AsyncPage, AsyncPager, SyncPage
from .types import UNSET, File, Response, Unset

if TYPE_CHECKING:
    from ._redis_inbox import RedisInbox

__all__ = (
    "DEFAULT_BASE_URL",
    "UNSET",
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncPage",
    "AsyncPager",
    "AsyncYandexMarketChat",
    "AuthenticatedClient",
    "AuthenticationError",
    "BadRequestError",
    "BudgetStoreError",
    "ClientStateError",
    "ErrorDetail",
    "File",
    "HourlyBudget",
    "InternalServerError",
    "InvalidRequestError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "RateLimiter",
    "RedisInbox",
    "Response",
    "ResponseValidationError",
    "SyncPage",
    "Unset",
    "YandexMarketChat",
    "YandexMarketError",
    "__version__",
)


def __getattr__(name: str) -> object:
    # The notification side is imported when first used: a client that never receives a
    # notification does not pay for it at import.
    if name == "RedisInbox":
        from ._redis_inbox import RedisInbox

        return RedisInbox
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
