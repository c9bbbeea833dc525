"""Issue #12, "Hardening": what production traffic and careless callers do to the client. Each test
names its item; the wire is a real loopback server wherever the behaviour is about the wire."""

from __future__ import annotations

import concurrent.futures
import multiprocessing
import pickle
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from yandex_market_chat import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    InternalServerError,
    InvalidRequestError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    ResponseValidationError,
    YandexMarketError,
)
from yandex_market_chat.models import (
    ChatContextDTO,
    ChatContextIdentifiableType,
    CreateChatRequest,
    SendMessageToChatRequest,
)

MESSAGE = SendMessageToChatRequest(message="hello")
CREATE = CreateChatRequest(context=ChatContextDTO(type_=ChatContextIdentifiableType.ORDER, id=42))
OK = b'{"status":"OK"}'


# --- 10. Errors survive a process boundary -------------------------------------------------------

RESPONSE_HEADERS = {"Content-Type": "application/json", "X-Request-Id": "r-1"}
ERRORS: dict[str, Callable[[], YandexMarketError]] = {
    "YandexMarketError": lambda: YandexMarketError("base"),
    "InvalidRequestError": lambda: InvalidRequestError("chat_id", "must be at least 1, got 0", wire="chatId"),
    "APIStatusError": lambda: APIStatusError(
        status_code=418, body=b"teapot", headers=RESPONSE_HEADERS, method="POST", url="http://x/"
    ),
    "BadRequestError": lambda: BadRequestError(
        status_code=400, body=b'{"errors":[{"code":"BAD"}]}', headers=RESPONSE_HEADERS
    ),
    "AuthenticationError": lambda: AuthenticationError(status_code=401, body=b"{}"),
    "PermissionDeniedError": lambda: PermissionDeniedError(status_code=403),
    "NotFoundError": lambda: NotFoundError(status_code=404),
    "RateLimitError": lambda: RateLimitError(
        status_code=420, headers={"X-RateLimit-Resource-Until": "Thu, 10 Jul 2025 00:42:42 GMT"}
    ),
    "InternalServerError": lambda: InternalServerError(
        status_code=500, body=b"oops", may_have_been_delivered=True
    ),
    "APIConnectionError": lambda: APIConnectionError(
        "dropped", method="POST", url="http://x/", may_have_been_delivered=True
    ),
    "APITimeoutError": lambda: APITimeoutError("slow", may_have_been_delivered=True),
    "ResponseValidationError": lambda: ResponseValidationError("bad body", status_code=200, body=b"<html>"),
}


def fields(error: BaseException) -> dict[str, Any]:
    return {k: (list(v.items()) if isinstance(v, httpx.Headers) else v) for k, v in vars(error).items()}


@pytest.mark.parametrize("make", ERRORS.values(), ids=ERRORS.keys())
def test_10_every_error_pickles_with_its_type_and_fields(make: Callable[[], YandexMarketError]) -> None:
    error = make()
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is type(error)
    assert str(copy) == str(error) and copy.args == error.args
    assert fields(copy) == fields(error)


def raise_server_error() -> None:
    """Run in a worker process: what a call there raises."""
    raise InternalServerError(status_code=500, body=b"oops", may_have_been_delivered=True)


def test_10_a_process_pool_hands_the_parent_the_typed_error() -> None:
    context = multiprocessing.get_context("fork")
    with (
        concurrent.futures.ProcessPoolExecutor(1, mp_context=context) as pool,
        pytest.raises(InternalServerError) as caught,
    ):
        pool.submit(raise_server_error).result(timeout=60)
    assert caught.value.may_have_been_delivered and caught.value.body == b"oops"
