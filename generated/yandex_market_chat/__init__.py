"""A client library for accessing Yandex Market Partner API — buyer chats"""

from ._limits import HourlyBudget, RateLimiter
from ._rules import MAX_FILE_BYTES, MAX_MESSAGE_LENGTH
from .client import (
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
    ErrorDetail,
    InternalServerError,
    InvalidRequestError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    ResponseValidationError,
    YandexMarketError,
)
from .types import File

__all__ = (
    "MAX_FILE_BYTES",
    "MAX_MESSAGE_LENGTH",
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncYandexMarketChat",
    "AuthenticatedClient",
    "AuthenticationError",
    "BadRequestError",
    "ErrorDetail",
    "File",
    "HourlyBudget",
    "InternalServerError",
    "InvalidRequestError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "RateLimiter",
    "ResponseValidationError",
    "YandexMarketChat",
    "YandexMarketError",
    "__version__",
)
