"""Every failure becomes a typed error users can act on; no answer crashes the client."""

from __future__ import annotations

import asyncio
import logging
import socket
import threading
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
import yandex_market_chat
from conftest import FAKE_KEY, mock_client
from yandex_market_chat import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AuthenticatedClient,
    AuthenticationError,
    BadRequestError,
    File,
    InternalServerError,
    InvalidRequestError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    ResponseValidationError,
    YandexMarketError,
)
from yandex_market_chat.api.chats import create_chat, send_file_to_chat, send_message_to_chat
from yandex_market_chat.models import (
    ApiResponseStatusType,
    ChatContextDTO,
    ChatContextIdentifiableType,
    CreateChatRequest,
    SendFileToChatRequest,
    SendMessageToChatRequest,
)

MESSAGE = SendMessageToChatRequest(message="hi")
CREATE = CreateChatRequest(context=ChatContextDTO(type_=ChatContextIdentifiableType.ORDER, id=5))


@pytest.fixture(params=["sync", "async"])
def mode(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def answer(
    status: int, content: bytes, headers: dict[str, str] | None = None
) -> Callable[[httpx.Request], httpx.Response]:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            status, content=content, headers=headers or {"Content-Type": "application/json"}
        )

    return handler


def send_message(mode: str, client: AuthenticatedClient) -> Any:
    if mode == "sync":
        return send_message_to_chat.sync(1, client=client, body=MESSAGE, chat_id=2)
    return asyncio.run(send_message_to_chat.asyncio(1, client=client, body=MESSAGE, chat_id=2))


def send_file(mode: str, client: AuthenticatedClient) -> Any:
    body = SendFileToChatRequest(file=File.from_source(b"receipt", file_name="receipt.txt"))
    if mode == "sync":
        return send_file_to_chat.sync(1, client=client, body=body, chat_id=2)
    return asyncio.run(send_file_to_chat.asyncio(1, client=client, body=body, chat_id=2))


def create(mode: str, client: AuthenticatedClient) -> Any:
    if mode == "sync":
        return create_chat.sync(1, client=client, body=CREATE)
    return asyncio.run(create_chat.asyncio(1, client=client, body=CREATE))


ERROR_BODY = b'{"errors":[{"code":"UNAUTHORIZED","message":"Api-Key token is invalid"}],"status":"ERROR"}'


@pytest.mark.parametrize(
    ("status", "error_class"),
    [
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
    ],
)
def test_status_maps_to_error_class(mode: str, status: int, error_class: type[APIStatusError]) -> None:
    client = mock_client(answer(status, ERROR_BODY), max_retries=0)
    with pytest.raises(error_class) as caught:
        send_message(mode, client)
    error = caught.value
    assert type(error) is error_class
    assert isinstance(error, YandexMarketError)
    assert error.status_code == status
    assert [(e.code, e.message) for e in error.errors] == [("UNAUTHORIZED", "Api-Key token is invalid")]
    assert error.body == ERROR_BODY
    assert error.method == "POST"
    assert error.url == "https://api.partner.market.yandex.ru/v2/businesses/1/chats/message?chatId=2"
    assert error.headers["content-type"] == "application/json"
    text = str(error)
    assert str(status) in text and "UNAUTHORIZED" in text and "Api-Key token is invalid" in text


def test_rate_limit_error_carries_the_window(mode: str) -> None:
    headers = {
        "X-RateLimit-Resource-Limit": "1000",
        "X-RateLimit-Resource-Remaining": "0",
        "X-RateLimit-Resource-Until": "Thu, 10 Jul 2025 00:42:42 GMT",
    }
    client = mock_client(answer(420, ERROR_BODY, headers), max_retries=0)
    with pytest.raises(RateLimitError) as caught:
        send_message(mode, client)
    assert caught.value.limit == 1000
    assert caught.value.remaining == 0
    assert caught.value.reset_at is not None
    assert caught.value.reset_at.isoformat() == "2025-07-10T00:42:42+00:00"


def test_retry_after_gives_reset_at_for_429() -> None:
    client = mock_client(answer(429, b"", {"Retry-After": "120"}), max_retries=0)
    with pytest.raises(RateLimitError) as caught:
        send_message("sync", client)
    assert caught.value.reset_at is not None
    assert caught.value.errors == []


def test_html_502_page_is_a_server_error(mode: str) -> None:
    page = b"<html><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>"
    client = mock_client(answer(502, page, {"Content-Type": "text/html"}), max_retries=0)
    with pytest.raises(InternalServerError) as caught:
        send_message(mode, client)
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


def test_empty_200_body_in_detailed_raises_validation_error() -> None:
    client = mock_client(answer(200, b""))
    with pytest.raises(ResponseValidationError):
        send_message_to_chat.sync_detailed(1, client=client, body=MESSAGE, chat_id=2)


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


def test_status_warn_200_on_send_message(mode: str) -> None:
    client = mock_client(answer(200, b'{"status": "WARN"}'))
    assert send_message(mode, client).status.value == "WARN"


def test_sync_detailed_keeps_status_and_parsed_for_2xx() -> None:
    client = mock_client(answer(200, b'{"status": "OK", "result": {"chatId": 3}}'))
    response = create_chat.sync_detailed(1, client=client, body=CREATE)
    assert response.status_code == 200 and isinstance(response.status_code, int)
    assert response.parsed is not None and response.parsed.result.chat_id == 3  # type: ignore[union-attr]


def test_detailed_non_json_error_has_no_parsed() -> None:
    client = mock_client(answer(500, b"<html>oops</html>"), max_retries=0)
    response = create_chat.sync_detailed(1, client=client, body=CREATE)
    assert response.status_code == 500
    assert response.parsed is None


# Connection failures


def raising(exc: Exception) -> Callable[[httpx.Request], httpx.Response]:
    def handler(request: httpx.Request) -> httpx.Response:
        raise exc

    return handler


POSTING = pytest.mark.parametrize("post", [send_message, send_file], ids=["message", "file"])


@POSTING
def test_dropped_connection_on_posting_says_it_may_be_delivered(mode: str, post: Callable[..., Any]) -> None:
    cause = httpx.RemoteProtocolError("Server disconnected without sending a response.")
    client = mock_client(raising(cause), max_retries=0)
    with pytest.raises(APIConnectionError) as caught:
        post(mode, client)
    assert type(caught.value) is APIConnectionError
    assert caught.value.__cause__ is cause
    assert caught.value.may_have_been_delivered
    assert "may already have been delivered" in str(caught.value)


@POSTING
def test_read_timeout_is_api_timeout_error(mode: str, post: Callable[..., Any]) -> None:
    cause = httpx.ReadTimeout("timed out")
    client = mock_client(raising(cause), max_retries=0)
    with pytest.raises(APITimeoutError) as caught:
        post(mode, client)
    assert isinstance(caught.value, APIConnectionError)
    assert caught.value.__cause__ is cause
    assert "may already have been delivered" in str(caught.value)


def test_refused_connection_was_not_delivered(mode: str) -> None:
    client = mock_client(raising(httpx.ConnectError("Connection refused")), max_retries=0)
    with pytest.raises(APIConnectionError) as caught:
        send_message(mode, client)
    assert not caught.value.may_have_been_delivered
    assert "delivered" not in str(caught.value)


def test_create_chat_timeout_does_not_warn_of_duplicates() -> None:
    client = mock_client(raising(httpx.ReadTimeout("timed out")), max_retries=0)
    with pytest.raises(APITimeoutError) as caught:
        create("sync", client)
    assert "delivered" not in str(caught.value)


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


def test_real_dropped_connection_over_loopback(dropping_server: str, mode: str) -> None:
    client = AuthenticatedClient(token=FAKE_KEY, base_url=dropping_server, max_retries=0)
    with pytest.raises(APIConnectionError) as caught:
        send_message(mode, client)
    assert isinstance(caught.value.__cause__, httpx.TransportError)
    assert caught.value.may_have_been_delivered


# The key stays secret


SECRET = "fake-secret-key-do-not-log-1234"


def test_key_never_in_repr_errors_or_logs(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    client = mock_client(answer(401, ERROR_BODY), max_retries=0)
    client = client.with_options(token=SECRET)
    assert SECRET not in repr(client)
    chat = yandex_market_chat.YandexMarketChat(api_key=SECRET, business_id=1)
    assert SECRET not in repr(chat)
    with pytest.raises(AuthenticationError) as caught:
        send_message("sync", client)
    assert SECRET not in str(caught.value) and SECRET not in repr(caught.value)
    assert SECRET.encode() not in caught.value.body
    with pytest.raises(APIConnectionError) as conn_error:
        send_message(
            "sync",
            mock_client(raising(httpx.ConnectError("refused")), max_retries=0).with_options(token=SECRET),
        )
    assert SECRET not in str(conn_error.value)
    assert caplog.records, "debug logging produced no lines"
    assert all(SECRET not in record.getMessage() for record in caplog.records)


@pytest.mark.parametrize("bad_key", ["abc\r\nX-Evil: 1", "abc\n", "\rabc", ""])
def test_key_with_cr_or_lf_is_rejected(bad_key: str) -> None:
    with pytest.raises(InvalidRequestError) as caught:
        AuthenticatedClient(token=bad_key)
    assert caught.value.field == "token"
    assert bad_key.strip() == "" or bad_key.strip() not in str(caught.value)


@POSTING
def test_5xx_on_posting_warns_it_may_have_been_delivered(mode: str, post: Callable[..., Any]) -> None:
    client = mock_client(answer(500, ERROR_BODY), max_retries=0)
    with pytest.raises(InternalServerError) as caught:
        post(mode, client)
    assert caught.value.may_have_been_delivered
    assert "may already have been delivered" in str(caught.value)
    assert "UNAUTHORIZED" in str(caught.value)


def test_5xx_on_create_chat_does_not_warn_of_duplicates(mode: str) -> None:
    client = mock_client(answer(500, ERROR_BODY), max_retries=0)
    with pytest.raises(InternalServerError) as caught:
        create(mode, client)
    assert not caught.value.may_have_been_delivered
    assert "delivered" not in str(caught.value)


@pytest.mark.parametrize("retry_after", ["inf", "1e308", "-5", "soon", "Thu, 10 Jul 2025 00:42:42 GMT"])
def test_odd_retry_after_never_crashes(retry_after: str) -> None:
    client = mock_client(answer(429, b"", {"Retry-After": retry_after}), max_retries=0)
    with pytest.raises(RateLimitError):
        send_message("sync", client)
