"""Every failure becomes a typed error users can act on; no answer crashes the client."""

from __future__ import annotations

import asyncio
import concurrent.futures
import json
import logging
import multiprocessing
import pickle
import socket
import threading
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
import yandex_market_chat
from conftest import FAKE_KEY, call, mock_client, run
from spec_support import OPERATIONS, each_operation, example_call, flatten, operations_where
from yandex_market_chat import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AuthenticatedClient,
    AuthenticationError,
    BadRequestError,
    BudgetStoreError,
    ClientStateError,
    InternalServerError,
    InvalidRequestError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    ResponseValidationError,
    YandexMarketError,
)
from yandex_market_chat.api.chats import create_chat
from yandex_market_chat.models import (
    ApiResponseStatusType,
    ChatContextDTO,
    ChatContextIdentifiableType,
    CreateChatRequest,
)

CREATE = CreateChatRequest(context=ChatContextDTO(type_=ChatContextIdentifiableType.ORDER, id=5))


def answer(
    status: int, content: bytes, headers: dict[str, str] | None = None
) -> Callable[[httpx.Request], httpx.Response]:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            status, content=content, headers=headers or {"Content-Type": "application/json"}
        )

    return handler


def send(mode: str, client: AuthenticatedClient, operation_id: str) -> Any:
    """The operation's example call (tests/spec_support.py)."""
    operation = OPERATIONS[operation_id]
    return call(mode, operation.module, client=client, **example_call(operation).module_kwargs())


def create(mode: str, client: AuthenticatedClient) -> Any:
    """createChat, named on purpose: its answer has a required field inside an optional object
    (`result.chatId`), which the bad-body tests below break."""
    if mode == "sync":
        return create_chat.sync(1, client=client, body=CREATE)
    return asyncio.run(create_chat.asyncio(1, client=client, body=CREATE))


ERROR_BODY = b'{"errors":[{"code":"UNAUTHORIZED","message":"Api-Key token is invalid"}],"status":"ERROR"}'


STATUS_TABLE = [
    (400, BadRequestError),
    (401, AuthenticationError),
    (403, PermissionDeniedError),
    (404, NotFoundError),
    (420, RateLimitError),
    (429, RateLimitError),
    (500, InternalServerError),
    (503, InternalServerError),
    (418, APIStatusError),
    (499, APIStatusError),
    (520, InternalServerError),
    (999, APIStatusError),
]
"""The README's table of statuses and their exceptions, with the statuses around its edges."""
ANY_OPERATION = next(iter(OPERATIONS))


def check_status_error(error: APIStatusError, status: int, operation_id: str) -> None:
    """What every error of a status carries: its status, the parsed errors, the raw body, the
    request it answers (as the spec's example describes it), its headers, all said in str()."""
    assert isinstance(error, YandexMarketError)
    assert error.status_code == status
    assert [(e.code, e.message) for e in error.errors] == [("UNAUTHORIZED", "Api-Key token is invalid")]
    assert error.body == ERROR_BODY
    wire = example_call(OPERATIONS[operation_id]).wire()
    assert error.method == wire.method
    assert error.url == wire.url
    assert error.headers["content-type"] == "application/json"
    text = str(error)
    assert str(status) in text and "UNAUTHORIZED" in text and "Api-Key token is invalid" in text


@pytest.mark.parametrize(("status", "error_class"), STATUS_TABLE)
def test_status_maps_to_error_class(status: int, error_class: type[APIStatusError]) -> None:
    client = mock_client(answer(status, ERROR_BODY), max_retries=0)
    with pytest.raises(error_class) as caught:
        send("sync", client, ANY_OPERATION)
    assert type(caught.value) is error_class
    check_status_error(caught.value, status, ANY_OPERATION)


@each_operation
def test_every_operation_raises_the_typed_error_of_a_status(operation_id: str) -> None:
    client = mock_client(answer(404, ERROR_BODY), max_retries=0)
    with pytest.raises(NotFoundError) as caught:
        send("sync", client, operation_id)
    check_status_error(caught.value, 404, operation_id)


@pytest.mark.parametrize("surface", ["module", "client-object"])
def test_every_surface_and_mode_raises_the_typed_error(surface: str, mode: str) -> None:
    handler = answer(404, ERROR_BODY)
    operation = OPERATIONS[ANY_OPERATION]
    with pytest.raises(NotFoundError) as caught:
        if surface == "module":
            send(mode, mock_client(handler, max_retries=0), ANY_OPERATION)
        else:
            kwargs = example_call(operation).client_kwargs()
            run(
                mode,
                lambda: getattr(chat(handler), operation.name)(**kwargs),
                lambda: getattr(async_chat(handler), operation.name)(**kwargs),
            )
    check_status_error(caught.value, 404, ANY_OPERATION)


def chat(handler: Callable[[httpx.Request], httpx.Response]) -> yandex_market_chat.YandexMarketChat:
    transport = httpx.MockTransport(handler)
    return yandex_market_chat.YandexMarketChat(
        FAKE_KEY, http_client=httpx.Client(transport=transport), max_retries=0
    )


def async_chat(
    handler: Callable[[httpx.Request], httpx.Response],
) -> yandex_market_chat.AsyncYandexMarketChat:
    transport = httpx.MockTransport(handler)
    return yandex_market_chat.AsyncYandexMarketChat(
        FAKE_KEY, http_client=httpx.AsyncClient(transport=transport), max_retries=0
    )


# --- errors survive a process boundary ----------------------------------------------------------

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
    "ResponseValidationError": lambda: ResponseValidationError(
        "bad body", status_code=200, body=b"<html>", may_have_been_delivered=True
    ),
    "ClientStateError": lambda: ClientStateError("closed"),
    "BudgetStoreError": lambda: BudgetStoreError("redis is down"),
}


def fields(error: BaseException) -> dict[str, Any]:
    return {k: (list(v.items()) if isinstance(v, httpx.Headers) else v) for k, v in vars(error).items()}


@pytest.mark.parametrize("make", ERRORS.values(), ids=ERRORS.keys())
def test_every_error_pickles_with_its_type_and_fields(make: Callable[[], YandexMarketError]) -> None:
    error = make()
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is type(error)
    assert str(copy) == str(error) and copy.args == error.args
    assert fields(copy) == fields(error)


def raise_server_error() -> None:
    """Run in a worker process: what a call there raises."""
    raise InternalServerError(status_code=500, body=b"oops", may_have_been_delivered=True)


def test_a_process_pool_hands_the_parent_the_typed_error() -> None:
    context = multiprocessing.get_context("fork")
    with (
        concurrent.futures.ProcessPoolExecutor(1, mp_context=context) as pool,
        pytest.raises(InternalServerError) as caught,
    ):
        pool.submit(raise_server_error).result(timeout=60)
    assert caught.value.may_have_been_delivered and caught.value.body == b"oops"


def test_rate_limit_error_carries_the_window() -> None:
    headers = {
        "X-RateLimit-Resource-Limit": "1000",
        "X-RateLimit-Resource-Remaining": "0",
        "X-RateLimit-Resource-Until": "Thu, 10 Jul 2025 00:42:42 GMT",
    }
    client = mock_client(answer(420, ERROR_BODY, headers), max_retries=0)
    with pytest.raises(RateLimitError) as caught:
        send("sync", client, ANY_OPERATION)
    assert caught.value.limit == 1000
    assert caught.value.remaining == 0
    assert caught.value.reset_at is not None
    assert caught.value.reset_at.isoformat() == "2025-07-10T00:42:42+00:00"


def test_retry_after_gives_reset_at_for_429() -> None:
    client = mock_client(answer(429, b"", {"Retry-After": "120"}), max_retries=0)
    with pytest.raises(RateLimitError) as caught:
        send("sync", client, ANY_OPERATION)
    assert caught.value.reset_at is not None
    assert caught.value.errors == []


def test_html_502_page_is_a_server_error() -> None:
    page = b"<html><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>"
    client = mock_client(answer(502, page, {"Content-Type": "text/html"}), max_retries=0)
    with pytest.raises(InternalServerError) as caught:
        send("sync", client, ANY_OPERATION)
    assert caught.value.errors == []
    assert caught.value.body == page
    assert "502 Bad Gateway" in str(caught.value)


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"not json",
        b"[]",
        b'{"result": {"chatId": 5}}',
        b'{"status": "OK", "result": {}}',
        b'{"status": 5}',
    ],
    ids=["empty", "not-json", "list", "no-status", "no-chatId", "status-not-string"],
)
def test_bad_2xx_body_is_response_validation_error(mode: str, content: bytes) -> None:
    client = mock_client(answer(200, content))
    with pytest.raises(ResponseValidationError) as caught:
        create(mode, client)
    assert caught.value.body == content
    assert caught.value.status_code == 200


@operations_where(lambda op: op.media(op.success_status)["schema"] is not None)
def test_empty_200_body_in_detailed_raises_validation_error(operation_id: str) -> None:
    operation = OPERATIONS[operation_id]
    client = mock_client(answer(200, b""))
    with pytest.raises(ResponseValidationError):
        operation.module.sync_detailed(client=client, **example_call(operation).module_kwargs())


def test_unknown_enum_value_and_extra_fields_are_kept(mode: str) -> None:
    body = b'{"status": "WARN", "result": {"chatId": 9, "context": {"type": "DIRECT"}}, "traceId": "abc"}'
    client = mock_client(answer(200, body))
    result = create(mode, client)
    assert result.status == "WARN"
    assert str(result.status) == "WARN"
    assert isinstance(result.status, ApiResponseStatusType)
    assert result.additional_properties == {"traceId": "abc"}
    assert result.result.chat_id == 9
    assert result.result.additional_properties == {"context": {"type": "DIRECT"}}


def has_status_enum(operation_id: str) -> bool:
    """Its success answer has a `status` enum (the API's standard wrapper)."""
    operation = OPERATIONS[operation_id]
    schema = flatten(operation.media(operation.success_status)["schema"] or {})
    return "enum" in flatten(schema.get("properties", {}).get("status", {}))


@operations_where(lambda op: has_status_enum(op.operation_id))
def test_an_unknown_status_value_in_a_success_answer_is_kept(operation_id: str, mode: str) -> None:
    operation = OPERATIONS[operation_id]
    body = {**operation.example_answer(operation.success_status), "status": "WARN"}
    client = mock_client(answer(200, json.dumps(body).encode()))
    assert send(mode, client, operation_id).status.value == "WARN"


@each_operation
def test_detailed_non_json_error_has_no_parsed(operation_id: str) -> None:
    operation = OPERATIONS[operation_id]
    client = mock_client(answer(500, b"<html>oops</html>"), max_retries=0)
    response = operation.module.sync_detailed(client=client, **example_call(operation).module_kwargs())
    assert response.status_code == 500
    assert response.parsed is None


# Connection failures


def raising(exc: Exception) -> Callable[[httpx.Request], httpx.Response]:
    def handler(request: httpx.Request) -> httpx.Response:
        raise exc

    return handler


NOT_IDEMPOTENT = operations_where(lambda op: not op.idempotent)
"""Operations whose x-idempotent is false: after a lost answer they may have taken effect."""
IDEMPOTENT = operations_where(lambda op: op.idempotent)


@NOT_IDEMPOTENT
def test_dropped_connection_on_posting_says_it_may_be_delivered(mode: str, operation_id: str) -> None:
    cause = httpx.RemoteProtocolError("Server disconnected without sending a response.")
    client = mock_client(raising(cause), max_retries=0)
    with pytest.raises(APIConnectionError) as caught:
        send(mode, client, operation_id)
    assert type(caught.value) is APIConnectionError
    assert caught.value.__cause__ is cause
    assert caught.value.may_have_been_delivered
    assert "may already have been delivered" in str(caught.value)


@NOT_IDEMPOTENT
def test_read_timeout_is_api_timeout_error(mode: str, operation_id: str) -> None:
    cause = httpx.ReadTimeout("timed out")
    client = mock_client(raising(cause), max_retries=0)
    with pytest.raises(APITimeoutError) as caught:
        send(mode, client, operation_id)
    assert isinstance(caught.value, APIConnectionError)
    assert caught.value.__cause__ is cause
    assert "may already have been delivered" in str(caught.value)


def test_refused_connection_was_not_delivered(mode: str) -> None:
    client = mock_client(raising(httpx.ConnectError("Connection refused")), max_retries=0)
    with pytest.raises(APIConnectionError) as caught:
        send(mode, client, ANY_OPERATION)
    assert not caught.value.may_have_been_delivered
    assert "delivered" not in str(caught.value)


@IDEMPOTENT
def test_idempotent_timeout_does_not_warn_of_duplicates(operation_id: str) -> None:
    client = mock_client(raising(httpx.ReadTimeout("timed out")), max_retries=0)
    with pytest.raises(APITimeoutError) as caught:
        send("sync", client, operation_id)
    assert "delivered" not in str(caught.value)
    assert not caught.value.may_have_been_delivered  # reading (or creating the chat) twice is harmless


@pytest.fixture
def dropping_server() -> Iterator[str]:
    """A loopback server that reads a request and closes the connection without answering."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    listener.settimeout(0.1)
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with conn:
                conn.recv(65536)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    stop.set()
    listener.close()
    thread.join(timeout=5)


@NOT_IDEMPOTENT
def test_real_dropped_connection_over_loopback(dropping_server: str, mode: str, operation_id: str) -> None:
    client = AuthenticatedClient(token=FAKE_KEY, base_url=dropping_server, max_retries=0)
    with pytest.raises(APIConnectionError) as caught:
        send(mode, client, operation_id)
    assert isinstance(caught.value.__cause__, httpx.TransportError)
    assert caught.value.may_have_been_delivered


# The key stays secret


SECRET = "fake-secret-key-do-not-log-1234"


def test_key_never_in_repr_errors_or_logs(caplog: pytest.LogCaptureFixture) -> None:
    operation_id = ANY_OPERATION
    caplog.set_level(logging.DEBUG)
    client = mock_client(answer(401, ERROR_BODY), max_retries=0)
    client = client.with_options(token=SECRET)
    assert SECRET not in repr(client)
    chat = yandex_market_chat.YandexMarketChat(api_key=SECRET, business_id=1)
    assert SECRET not in repr(chat)
    with pytest.raises(AuthenticationError) as caught:
        send("sync", client, operation_id)
    assert SECRET not in str(caught.value) and SECRET not in repr(caught.value)
    assert SECRET.encode() not in caught.value.body
    with pytest.raises(APIConnectionError) as conn_error:
        send(
            "sync",
            mock_client(raising(httpx.ConnectError("refused")), max_retries=0).with_options(token=SECRET),
            operation_id,
        )
    assert SECRET not in str(conn_error.value)
    assert caplog.records, "debug logging produced no lines"
    assert all(SECRET not in record.getMessage() for record in caplog.records)


@pytest.mark.parametrize("status", [502, 200], ids=["APIStatusError", "ResponseValidationError"])
@pytest.mark.parametrize("before_the_cut", [6, len(SECRET) // 2, len(SECRET) - 1])
def test_a_key_echoed_across_the_preview_cut_shows_no_part_of_it(status: int, before_the_cut: int) -> None:
    # An error shows the first 200 bytes of a body that is not JSON: a page echoing the key where
    # it straddles that cut must not keep the key's first part.
    body = b"<" + b"x" * (200 - 1 - before_the_cut) + SECRET.encode() + b"> the rest"
    client = mock_client(answer(status, body, {"Content-Type": "text/html"}), max_retries=0)
    with pytest.raises((APIStatusError, ResponseValidationError)) as caught:
        send("sync", client.with_options(token=SECRET), next(iter(OPERATIONS)))  # any operation
    text = str(caught.value)
    assert "<xxx" in text, "the preview is shown"
    assert not any(SECRET[:n] in text for n in range(6, len(SECRET) + 1)), text


@pytest.mark.parametrize("bad_key", ["abc\r\nX-Evil: 1", "abc\n", "\rabc", ""])
def test_key_with_cr_or_lf_is_rejected(bad_key: str) -> None:
    with pytest.raises(InvalidRequestError) as caught:
        AuthenticatedClient(token=bad_key)
    assert caught.value.field == "token"
    assert bad_key.strip() == "" or bad_key.strip() not in str(caught.value)


@NOT_IDEMPOTENT
def test_5xx_on_posting_warns_it_may_have_been_delivered(mode: str, operation_id: str) -> None:
    client = mock_client(answer(500, ERROR_BODY), max_retries=0)
    with pytest.raises(InternalServerError) as caught:
        send(mode, client, operation_id)
    assert caught.value.may_have_been_delivered
    assert "may already have been delivered" in str(caught.value)
    assert "UNAUTHORIZED" in str(caught.value)


@IDEMPOTENT
def test_5xx_on_an_idempotent_operation_does_not_warn_of_duplicates(mode: str, operation_id: str) -> None:
    client = mock_client(answer(500, ERROR_BODY), max_retries=0)
    with pytest.raises(InternalServerError) as caught:
        send(mode, client, operation_id)
    assert not caught.value.may_have_been_delivered
    assert "delivered" not in str(caught.value)


@pytest.mark.parametrize("retry_after", ["inf", "1e308", "-5", "soon", "Thu, 10 Jul 2025 00:42:42 GMT"])
def test_odd_retry_after_never_crashes(retry_after: str) -> None:
    client = mock_client(answer(429, b"", {"Retry-After": retry_after}), max_retries=0)
    with pytest.raises(RateLimitError):
        send("sync", client, ANY_OPERATION)


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_the_rate_limit_error_says_when_the_window_resets(mode: str) -> None:
    headers = {"X-RateLimit-Resource-Until": "Thu, 10 Jul 2025 00:42:42 GMT"}
    client = mock_client(answer(420, ERROR_BODY, headers), max_retries=0)
    with pytest.raises(RateLimitError) as caught:
        send(mode, client, ANY_OPERATION)
    assert "resets at 2025-07-10 00:42:42 UTC" in str(caught.value)
    without = mock_client(answer(420, ERROR_BODY), max_retries=0)
    with pytest.raises(RateLimitError) as caught:
        send(mode, without, ANY_OPERATION)
    assert "resets" not in str(caught.value)


@pytest.mark.parametrize("header", ["X-RateLimit-Resource-Until", "Retry-After"])
def test_an_unreadable_rate_limit_date_is_logged_once_and_read_as_missing(
    header: str, caplog: pytest.LogCaptureFixture
) -> None:
    from yandex_market_chat import _headers

    _headers._warned.discard(header)  # (once per process: this test starts from "not yet")
    client = mock_client(answer(420, ERROR_BODY, {header: "2025-07-10T00:42:42Z"}), max_retries=0)
    with caplog.at_level(logging.WARNING, logger="yandex_market_chat"):
        for _ in range(3):
            with pytest.raises(RateLimitError) as caught:
                send("sync", client, ANY_OPERATION)
            assert caught.value.reset_at is None  # the documented default: as if it were missing
    warned = [r for r in caplog.records if r.levelno == logging.WARNING and header in r.getMessage()]
    assert len(warned) == 1, [r.getMessage() for r in caplog.records]
    assert "2025-07-10T00:42:42Z" in warned[0].getMessage() and FAKE_KEY not in caplog.text
