"""Yandex Market Partner API — buyer chats: a typed Python client generated from openapi/.

Start with `YandexMarketChat` (or `AsyncYandexMarketChat`); every error derives from
`YandexMarketError`.
"""

from ._limits import HourlyBudget, RateLimiter
from ._receiver import Receiver
from ._sqlite_inbox import SqliteInbox
from ._worker import NotificationBot
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
    "NotificationBot",
    "PermissionDeniedError",
    "RateLimitError",
    "RateLimiter",
    "Receiver",
    "Response",
    "ResponseValidationError",
    "SqliteInbox",
    "SyncPage",
    "Unset",
    "YandexMarketChat",
    "YandexMarketError",
    "__version__",
)
