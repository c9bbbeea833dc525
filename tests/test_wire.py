"""What each operation puts on the wire and what it parses, through the module functions."""

from __future__ import annotations

import asyncio
import email.parser
import email.policy
import json
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from conftest import FAKE_KEY, mock_client
from yandex_market_chat import AuthenticatedClient, File, RateLimitError
from yandex_market_chat.api.chats import create_chat, send_file_to_chat, send_message_to_chat
from yandex_market_chat.models import (
    ApiLimitErrorResponse,
    ChatContextDTO,
    ChatContextIdentifiableType,
    CreateChatRequest,
    CreateChatResponse,
    EmptyApiResponse,
    SendFileToChatRequest,
    SendMessageToChatRequest,
)

OK = {"status": "OK"}
RATE_HEADERS = {
    "X-RateLimit-Resource-Limit": "1000",
    "X-RateLimit-Resource-Remaining": "0",
    "X-RateLimit-Resource-Until": "Thu, 10 Jul 2025 00:42:42 GMT",
}


class Recorder:
    """An httpx handler that records requests and answers with a fixed response."""

    def __init__(self, status: int = 200, body: Any = OK, headers: dict[str, str] | None = None) -> None:
        self.status, self.body, self.headers = status, body, headers or {}
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        return httpx.Response(self.status, json=self.body, headers=self.headers)

    @property
    def only(self) -> httpx.Request:
        assert len(self.requests) == 1, self.requests
        return self.requests[0]


def run(mode: str, sync_call: Callable[[], Any], async_call: Callable[[], Any]) -> Any:
    return sync_call() if mode == "sync" else asyncio.run(async_call())


@pytest.fixture(params=["sync", "async"])
def mode(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def multipart_parts(request: httpx.Request) -> list[Any]:
    raw = b"Content-Type: " + request.headers["content-type"].encode() + b"\r\n\r\n" + request.content
    message: Any = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(raw)
    return list(message.iter_parts())


def test_create_chat_wire_and_result(mode: str) -> None:
    recorder = Recorder(body={"status": "OK", "result": {"chatId": 92837461}})
    client = mock_client(recorder)
    body = CreateChatRequest(context=ChatContextDTO(type_=ChatContextIdentifiableType.ORDER, id=48523210))
    result = run(
        mode,
        lambda: create_chat.sync(111, client=client, body=body),
        lambda: create_chat.asyncio(111, client=client, body=body),
    )
    assert isinstance(result, CreateChatResponse)
    assert result.result and result.result.chat_id == 92837461
    request = recorder.only
    assert request.method == "POST"
    assert str(request.url) == "https://api.partner.market.yandex.ru/v2/businesses/111/chats/new"
    assert request.headers["Api-Key"] == FAKE_KEY
    assert "authorization" not in request.headers
    assert request.headers["content-type"] == "application/json"
    assert json.loads(request.content) == {"context": {"type": "ORDER", "id": 48523210}}


def test_send_message_wire(mode: str) -> None:
    recorder = Recorder()
    client = mock_client(recorder)
    body = SendMessageToChatRequest(message="Привет! Your order is on its way.")
    result = run(
        mode,
        lambda: send_message_to_chat.sync(7, client=client, body=body, chat_id=42),
        lambda: send_message_to_chat.asyncio(7, client=client, body=body, chat_id=42),
    )
    assert isinstance(result, EmptyApiResponse)
    request = recorder.only
    assert request.method == "POST"
    assert request.url.path == "/v2/businesses/7/chats/message"
    assert dict(request.url.params) == {"chatId": "42"}
    assert request.headers["Api-Key"] == FAKE_KEY
    assert json.loads(request.content) == {"message": "Привет! Your order is on its way."}


def test_send_file_wire(mode: str) -> None:
    recorder = Recorder()
    client = mock_client(recorder)
    data = bytes(range(256)) * 4
    body = SendFileToChatRequest(file=File.from_source(data, file_name="receipt.pdf"))
    result = run(
        mode,
        lambda: send_file_to_chat.sync(7, client=client, body=body, chat_id=42),
        lambda: send_file_to_chat.asyncio(7, client=client, body=body, chat_id=42),
    )
    assert isinstance(result, EmptyApiResponse)
    request = recorder.only
    assert request.url.path == "/v2/businesses/7/chats/file/send"
    assert dict(request.url.params) == {"chatId": "42"}
    assert request.headers["content-type"].startswith("multipart/form-data; boundary=")
    (part,) = multipart_parts(request)
    assert part.get_param("name", header="content-disposition") == "file"
    assert part.get_filename() == "receipt.pdf"
    assert part.get_content_type() == "application/pdf"
    assert part.get_payload(decode=True) == data


@pytest.mark.parametrize(
    ("status", "model_name"),
    [
        (400, "ApiClientDataErrorResponse"),
        (401, "ApiUnauthorizedErrorResponse"),
        (403, "ApiForbiddenErrorResponse"),
        (404, "ApiNotFoundErrorResponse"),
        (420, "ApiLimitErrorResponse"),
        (500, "ApiServerErrorResponse"),
    ],
)
def test_documented_error_statuses_parse_in_detailed(mode: str, status: int, model_name: str) -> None:
    error = {"status": "ERROR", "errors": [{"code": "SOME_CODE", "message": "what went wrong"}]}
    recorder = Recorder(status, error, RATE_HEADERS)
    client = mock_client(recorder, max_retries=0)
    body = SendMessageToChatRequest(message="hi")
    response = run(
        mode,
        lambda: send_message_to_chat.sync_detailed(1, client=client, body=body, chat_id=2),
        lambda: send_message_to_chat.asyncio_detailed(1, client=client, body=body, chat_id=2),
    )
    assert response.status_code == status
    assert type(response.parsed).__name__ == model_name
    parsed: Any = response.parsed
    assert parsed.errors[0].code == "SOME_CODE"


def test_420_is_parsed_not_a_crash(mode: str) -> None:
    error = {"status": "ERROR", "errors": [{"code": "LIMIT", "message": "Hit rate limit of '1000' requests"}]}
    client = mock_client(Recorder(420, error, RATE_HEADERS), max_retries=0)
    body = SendMessageToChatRequest(message="hi")
    response = run(
        mode,
        lambda: send_message_to_chat.sync_detailed(1, client=client, body=body, chat_id=2),
        lambda: send_message_to_chat.asyncio_detailed(1, client=client, body=body, chat_id=2),
    )
    assert response.status_code == 420
    assert isinstance(response.parsed, ApiLimitErrorResponse)
    assert response.rate_limit.remaining == 0
    with pytest.raises(RateLimitError) as caught:
        run(
            mode,
            lambda: send_message_to_chat.sync(1, client=client, body=body, chat_id=2),
            lambda: send_message_to_chat.asyncio(1, client=client, body=body, chat_id=2),
        )
    assert caught.value.status_code == 420
    assert caught.value.reset_at is not None and caught.value.reset_at.year == 2025


def test_defaults_fit_the_real_api() -> None:
    client = AuthenticatedClient(token=FAKE_KEY)
    assert client.base_url == "https://api.partner.market.yandex.ru"
    assert client.auth_header_name == "Api-Key" and client.prefix == ""
    timeout = httpx.Timeout(client.timeout)
    assert all(
        t is not None and 0 < t <= 60 for t in (timeout.connect, timeout.read, timeout.write, timeout.pool)
    )


def test_oauth_token_by_choice() -> None:
    recorder = Recorder()
    client = AuthenticatedClient.oauth("fake-oauth-token")
    client.set_httpx_client(httpx.Client(transport=httpx.MockTransport(recorder)))
    send_message_to_chat.sync(1, client=client, body=SendMessageToChatRequest(message="hi"), chat_id=2)
    assert recorder.only.headers["Authorization"] == "Bearer fake-oauth-token"
    assert "api-key" not in recorder.only.headers


def test_own_httpx_client_keeps_auth_and_timeout() -> None:
    """Stock set_httpx_client() drops the auth header; ours applies it per request."""
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json=OK)

    client = AuthenticatedClient(token=FAKE_KEY, timeout=7.0)
    client.set_httpx_client(httpx.Client(transport=httpx.MockTransport(handler), timeout=None))
    send_message_to_chat.sync(1, client=client, body=SendMessageToChatRequest(message="hi"), chat_id=2)
    assert seen[0].headers["Api-Key"] == FAKE_KEY
    assert seen[0].extensions["timeout"] == {"connect": 7.0, "read": 7.0, "write": 7.0, "pool": 7.0}
