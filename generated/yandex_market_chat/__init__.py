"""Yandex Market Partner API — buyer chats: a typed Python client generated from openapi/.

Start with `YandexMarketChat` (or `AsyncYandexMarketChat`); every error derives from
`YandexMarketError`.
"""

import importlib
from typing import TYPE_CHECKING

from ._budget import HourlyBudget
from ._exchange import MAX_ANSWER_BYTES
from ._limits import DEFAULT_MAX_IN_FLIGHT, RateLimiter
from ._settings import (
    DEFAULT_MAX_RATE_LIMIT_WAIT,
    DEFAULT_MAX_RETRIES,
    DEFAULT_TIMEOUT,
    MAX_TIMEOUT,
)
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
    from ._receiver import Receiver
    from ._redis_inbox import RedisInbox
    from ._sqlite_inbox import SqliteInbox
    from ._worker import NotificationBot

__all__ = (
    "DEFAULT_BASE_URL",
    "DEFAULT_MAX_IN_FLIGHT",
    "DEFAULT_MAX_RATE_LIMIT_WAIT",
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_TIMEOUT",
    "MAX_ANSWER_BYTES",
    "MAX_TIMEOUT",
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
    "NotificationBot",
    "PermissionDeniedError",
    "RateLimitError",
    "RateLimiter",
    "Receiver",
    "RedisInbox",
    "Response",
    "ResponseValidationError",
    "SqliteInbox",
    "SyncPage",
    "Unset",
    "YandexMarketChat",
    "YandexMarketError",
    "__version__",
)


_NOTIFICATION_SIDE = {
    "NotificationBot": "._worker",
    "Receiver": "._receiver",
    "RedisInbox": "._redis_inbox",
    "SqliteInbox": "._sqlite_inbox",
}
"""The notification side's exports, imported when first used."""


def __getattr__(name: str) -> object:
    # The notification side is imported when first used: a client that never receives a
    # notification does not pay for it at import.
    if name in _NOTIFICATION_SIDE:
        module = importlib.import_module(_NOTIFICATION_SIDE[name], __name__)
        return getattr(module, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
