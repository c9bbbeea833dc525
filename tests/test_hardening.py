"""Issue #12, "Hardening": what production traffic and careless callers do to the client. Each test
names its item; the wire is a real loopback server wherever the behaviour is about the wire."""

from __future__ import annotations

import asyncio
import concurrent.futures
import multiprocessing
import pickle
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from conftest import FAKE_KEY
from loopback import RawServer, response
from yandex_market_chat import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AuthenticatedClient,
    AuthenticationError,
    BadRequestError,
    InternalServerError,
    InvalidRequestError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    Response,
    ResponseValidationError,
    YandexMarketError,
    _pipeline,
)
from yandex_market_chat.api.chats import create_chat, send_message_to_chat
from yandex_market_chat.models import (
    ChatContextDTO,
    ChatContextIdentifiableType,
    CreateChatRequest,
    SendMessageToChatRequest,
)

MESSAGE = SendMessageToChatRequest(message="hello")
CREATE = CreateChatRequest(context=ChatContextDTO(type_=ChatContextIdentifiableType.ORDER, id=42))
OK = b'{"status":"OK"}'


@pytest.fixture(params=["sync", "async"])
def mode(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def call(mode: str, module: Any, client: AuthenticatedClient, **kwargs: Any) -> Any:
    """One call of an operation module, the sync or the async way."""
    kwargs.setdefault("body", CREATE if module is create_chat else MESSAGE)
    if module is not create_chat:
        kwargs.setdefault("chat_id", 7)
    if mode == "sync":
        return module.sync(1, client=client, **kwargs)
    return asyncio.run(module.asyncio(1, client=client, **kwargs))


def raw_client(url: str, **options: Any) -> AuthenticatedClient:
    options.setdefault("max_retries", 0)
    return AuthenticatedClient(token=FAKE_KEY, base_url=url, **options)


# --- 2. Nothing raw after an answer --------------------------------------------------------------

ABSURD = {
    "X-RateLimit-Resource-Limit": "1000",
    "X-RateLimit-Resource-Remaining": "0",
    "X-RateLimit-Resource-Until": "Fri, 31 Dec 9999 23:59:59 -2359",
    "Retry-After": "Fri, 31 Dec 99999999999999999999 23:59:59 GMT",
}


def test_2_an_absurd_year_in_the_rate_limit_headers_is_never_raw(mode: str) -> None:
    with (
        RawServer(lambda _: response(420, b'{"status":"ERROR"}', ABSURD)) as server,
        pytest.raises(RateLimitError) as caught,
    ):
        call(mode, send_message_to_chat, raw_client(server.url))
    assert caught.value.status_code == 420 and caught.value.remaining == 0
    detailed: Response[None] = Response(status_code=420, content=b"", headers=ABSURD, parsed=None)
    assert detailed.rate_limit.remaining == 0  # reading reset_at does not raise either
    for headers in (ABSURD, {"Retry-After": "1e308"}, {"X-RateLimit-Resource-Until": ABSURD["Retry-After"]}):
        assert 0 < _pipeline.rate_limit_wait(headers, 0) <= 3600.25


def test_2_a_reset_in_the_year_9999_is_waited_for_an_hour_at_most_not_overflowed() -> None:
    # max_rate_limit_wait=inf means "always wait": today a 420 until 9999 made time.sleep overflow.
    headers = {
        "X-RateLimit-Resource-Remaining": "0",
        "X-RateLimit-Resource-Until": "Fri, 31 Dec 9999 23:59:59 GMT",
    }
    waits = [_pipeline.rate_limit_wait(headers, attempt) for attempt in range(3)]
    assert all(3599 <= wait <= 3600.25 for wait in waits), waits


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
