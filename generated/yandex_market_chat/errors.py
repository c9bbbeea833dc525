"""Every exception this package raises. Catch `YandexMarketError` to catch them all."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any, NamedTuple

import httpx

from . import _headers
from ._secrets import hidden, preview, sent_secrets

__all__ = [
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "BudgetStoreError",
    "ClientStateError",
    "ErrorDetail",
    "InboxError",
    "InternalServerError",
    "InvalidRequestError",
    "NotFoundError",
    "NotificationFormatError",
    "PermissionDeniedError",
    "RateLimitError",
    "ResponseValidationError",
    "YandexMarketError",
]


class YandexMarketError(Exception):
    """Base of every error raised by yandex_market_chat.

    Every one pickles with its type and fields (a ProcessPoolExecutor hands it to the parent as it
    was): it is rebuilt from its attributes, not by calling __init__ again.
    """

    def __reduce__(self) -> tuple[Any, ...]:
        return _rebuild, (type(self), self.args, dict(self.__dict__))


def _rebuild(cls: type[YandexMarketError], args: tuple[Any, ...], state: dict[str, Any]) -> YandexMarketError:
    """Unpickle an error of this package: the same class, message and fields, __init__ not called."""
    error = cls.__new__(cls)
    error.args = args
    error.__dict__.update(state)
    return error


class InvalidRequestError(YandexMarketError, ValueError, TypeError):
    """An argument, a setting or a call argument is wrong: its type or its value breaks the API's
    spec or what the client can send. Raised before any network I/O, the one exception for a wrong
    argument of any kind (it is also a ValueError and a TypeError, so either `except` catches it).

    `field` names the Python argument (`chat_id`, `context.type`); `wire` the name the API uses
    for it (`chatId`, `body.context.type`) when that differs.
    """

    def __init__(self, field: str, problem: str, *, wire: str | None = None) -> None:
        self.field = field
        self.problem = problem
        self.wire = wire if wire != field else None
        where = f"{field} ({self.wire})" if self.wire else field
        super().__init__(f"{where} {problem}")


class ErrorDetail(NamedTuple):
    """One entry of the `errors` list of an error body (`ApiErrorDTO`)."""

    code: str
    message: str | None = None


def _error_details(body: object) -> list[ErrorDetail]:
    errors = body.get("errors") if isinstance(body, Mapping) else None
    if not isinstance(errors, list):
        return []
    return [
        ErrorDetail(
            code=str(item["code"]),
            message=item.get("message") if isinstance(item.get("message"), str) else None,
        )
        for item in errors
        if isinstance(item, Mapping) and "code" in item
    ]


def _parse_json(body: bytes) -> Any:
    try:
        return json.loads(body) if body else None
    except (ValueError, RecursionError):
        return None


NOTE = "yandex_market_chat.note"
"""The key of httpx.Response.extensions under which the pipeline says what was wrong with an answer
besides its status (its body could not be read, a redirect was not followed)."""


def _secrets(response: httpx.Response) -> tuple[str, ...]:
    """The secrets the request of `response` carried (none for a Response made by hand)."""
    try:
        return sent_secrets(response.request.headers)
    except RuntimeError:  # a Response made by hand, without its request
        return ()


class APIStatusError(YandexMarketError):
    """The service answered with a non-2xx status."""

    def __init__(
        self,
        *,
        status_code: int,
        body: bytes = b"",
        headers: Mapping[str, str] | None = None,
        method: str = "",
        url: str = "",
        message: str | None = None,
        may_have_been_delivered: bool = False,
        secrets: tuple[str, ...] = (),
    ) -> None:
        self.status_code = status_code
        self.body = body
        self.may_have_been_delivered = may_have_been_delivered
        """True for a 5xx answer to a non-idempotent operation: it may have taken effect."""
        self.headers: httpx.Headers = httpx.Headers(headers or {})
        self.method = method
        self.url = url
        self.json: Any = _parse_json(body)
        self.errors: list[ErrorDetail] = _error_details(self.json)
        details = "; ".join(f"{e.code}: {e.message}" if e.message else e.code for e in self.errors)
        if not details and body and self.json is None:
            details = f"non-JSON body ({len(body)} bytes): {preview(body, secrets)!r}"
        text = message or f"{status_code} from {method} {url}".rstrip()
        super().__init__(hidden(f"{text}: {details}" if details else text, secrets))

    @property
    def request_id(self) -> str | None:
        """The service's request id, when the answer carries one."""
        value: str | None = self.headers.get("X-Request-Id") or self.headers.get("X-Market-Request-Id")
        return value

    @classmethod
    def from_response(cls, response: httpx.Response, *, idempotent: bool = True) -> APIStatusError:
        """The exception class for the response's status, built from it.

        For a 5xx answer to an operation that is not idempotent, the message says the request
        may already have taken effect.
        """
        status = response.status_code
        error_class: type[APIStatusError] = _STATUS_CLASSES.get(status, APIStatusError)
        if 500 <= status <= 599:  # (a status past 599 is no HTTP family: the base class)
            error_class = InternalServerError
        request = response.request
        maybe = status >= 500 and not idempotent
        text = f"{status} from {request.method} {request.url}"
        note = response.extensions.get(NOTE)
        if note:
            text += f" ({note})"
        if maybe:
            text += " (the request may already have been delivered: sending it again could post it twice)"
        return error_class(
            status_code=status,
            body=response.content,
            headers=response.headers,
            method=request.method,
            url=str(request.url),
            message=text,
            may_have_been_delivered=maybe,
            secrets=_secrets(response),
        )


class BadRequestError(APIStatusError):
    """400: the request data is wrong."""


class AuthenticationError(APIStatusError):
    """401: no credentials, or invalid ones."""


class PermissionDeniedError(APIStatusError):
    """403: the credentials lack access to the resource or the scope of the method."""


class NotFoundError(APIStatusError):
    """404: no such business, chat or order."""


class RateLimitError(APIStatusError):
    """420 (or 429): a rate limit was hit, or would be hit, and the wait is longer than allowed.

    `reset_at` is when the window resets (from X-RateLimit-Resource-Until or Retry-After);
    `limit` and `remaining` come from X-RateLimit-Resource-Limit / -Remaining.
    """

    def __init__(self, *, reset_at: datetime | None = None, **kwargs: Any) -> None:
        kwargs.setdefault("status_code", 420)
        super().__init__(**kwargs)
        self.reset_at = reset_at or _headers.reset_at(self.headers)
        self.limit = _headers.header_int(self.headers, _headers.LIMIT)
        self.remaining = _headers.header_int(self.headers, _headers.REMAINING)
        if self.reset_at is not None:
            self.args = (f"{self.args[0]} (the window resets at {_utc(self.reset_at)})", *self.args[1:])


def _utc(moment: datetime) -> str:
    """A moment as `2025-07-10 00:42:42 UTC` (as given when it cannot be moved to UTC)."""
    try:
        return (moment.astimezone(UTC) if moment.tzinfo else moment).strftime("%Y-%m-%d %H:%M:%S UTC")
    except (OverflowError, ValueError):
        return moment.isoformat()


class InternalServerError(APIStatusError):
    """5xx (500 to 599): an error on the Market's side. A status outside 100-599 (999) is an
    APIStatusError itself."""


_STATUS_CLASSES: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    420: RateLimitError,
    429: RateLimitError,
}


class APIConnectionError(YandexMarketError):
    """No answer came: the connection was refused, reset or dropped.

    `may_have_been_delivered` is True when the request of an operation that is not safe to repeat
    (one that posts something) may have reached the service (it was sent, and the answer was
    lost): it may already be in the chat, so sending it again could post it twice.
    """

    def __init__(
        self, message: str, *, method: str = "", url: str = "", may_have_been_delivered: bool = False
    ) -> None:
        self.method = method
        self.url = url
        self.may_have_been_delivered = may_have_been_delivered
        super().__init__(message)


class APITimeoutError(APIConnectionError):
    """The request timed out."""


class ResponseValidationError(YandexMarketError):
    """A 2xx answer whose body does not fit the spec (not JSON, empty, a required field missing) or
    cannot be read at all (a broken Content-Encoding, larger than MAX_ANSWER_BYTES).

    `body` is what arrived (undecoded when it could not be decoded). `may_have_been_delivered` is
    True for an operation that is not safe to repeat: the service answered 2xx, so it most likely
    took effect, and sending it again could post it twice.
    """

    def __init__(
        self,
        message: str,
        *,
        status_code: int,
        body: bytes,
        headers: Mapping[str, str] | None = None,
        may_have_been_delivered: bool = False,
        secrets: tuple[str, ...] = (),
    ) -> None:
        self.status_code = status_code
        self.body = body
        self.headers = httpx.Headers(headers or {})
        self.may_have_been_delivered = may_have_been_delivered
        shown = preview(body, secrets)
        super().__init__(hidden(f"{message} (status {status_code}, {len(body)} bytes: {shown!r})", secrets))

    @classmethod
    def from_response(
        cls, message: str, response: httpx.Response, *, idempotent: bool
    ) -> ResponseValidationError:
        """The error for a 2xx `response` that cannot be taken as the answer. The service answered
        2xx: an operation that is not safe to repeat most likely took effect."""
        return cls(
            message,
            status_code=response.status_code,
            body=response.content,
            headers=response.headers,
            may_have_been_delivered=not idempotent,
            secrets=_secrets(response),
        )


class ClientStateError(YandexMarketError, RuntimeError):
    """The client cannot send now, and nothing was sent: it was closed, or your own
    httpx.AsyncClient (`http_client=`) is used on another event loop than the one it was first used
    on (its connections belong to that loop). Also a RuntimeError, as httpx's own error was."""


class BudgetStoreError(YandexMarketError):
    """The shared HourlyBudget's store (a SQLite file, Redis) failed or did not answer in time.

    Raised when the budget is made, where the fault can be seen then (a missing directory, a
    corrupt file, Redis unreachable), and otherwise by the call that needed the store, within that
    call's timeout. Nothing was sent."""


class NotificationFormatError(YandexMarketError, ValueError):
    """A notification the Market sent (or something posing as one) does not fit the notification
    spec: not JSON, not an object, a required field missing, a field of the wrong type or out of
    its range. `field` names the payload's field as the Market spells it (`messageId`, `createdAt`;
    empty for the body as a whole). The receiver answers it with 400 `WRONG_EVENT_FORMAT`, the one
    answer the Market does not retry."""

    def __init__(self, field: str, problem: str) -> None:
        self.field = field
        self.problem = problem
        super().__init__(f"{field} {problem}" if field else problem)


class InboxError(YandexMarketError):
    """The notification inbox (a SQLite file, Redis) failed or did not answer in time: the
    notification was not recorded. The receiver answers 500, so the Market sends it again."""
