"""YandexMarketChat / AsyncYandexMarketChat: one object, a method per operation, config from the env."""

from __future__ import annotations

import asyncio
import json
import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import yandex_market_chat
from conftest import FAKE_KEY
from yandex_market_chat import (
    AsyncYandexMarketChat,
    InvalidRequestError,
    NotFoundError,
    YandexMarketChat,
)
from yandex_market_chat.client import AsyncRawYandexMarketChat, RawYandexMarketChat
from yandex_market_chat.models import (
    ChatContextDTO,
    ChatContextIdentifiableType,
    CreateChatResponse,
    EmptyApiResponse,
)

RATE = {
    "X-RateLimit-Resource-Limit": "1000",
    "X-RateLimit-Resource-Remaining": "998",
    "X-RateLimit-Resource-Until": "Thu, 10 Jul 2025 00:42:42 GMT",
}


class Api:
    """A fake API behind httpx.MockTransport that records what it got."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        if request.url.params.get("chatId") == "404":
            return httpx.Response(404, json={"status": "ERROR", "errors": [{"code": "NOT_FOUND"}]})
        if request.url.path.endswith("/chats/new"):
            return httpx.Response(200, json={"status": "OK", "result": {"chatId": 31}}, headers=RATE)
        return httpx.Response(200, json={"status": "OK"}, headers=RATE)

    @property
    def last(self) -> httpx.Request:
        return self.requests[-1]

    def sync_client(self) -> httpx.Client:
        return httpx.Client(transport=httpx.MockTransport(self))

    def async_client(self) -> httpx.AsyncClient:
        return httpx.AsyncClient(transport=httpx.MockTransport(self))


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch) -> Iterator[pytest.MonkeyPatch]:
    for name in (
        "YANDEX_MARKET_API_KEY",
        "YANDEX_MARKET_BUSINESS_ID",
        "YANDEX_MARKET_BASE_URL",
        "YANDEX_MARKET_LOG",
    ):
        monkeypatch.delenv(name, raising=False)
    yield monkeypatch


def test_exported_from_the_package() -> None:
    assert yandex_market_chat.YandexMarketChat is YandexMarketChat
    assert yandex_market_chat.AsyncYandexMarketChat is AsyncYandexMarketChat


def test_whole_program_from_the_environment(env: pytest.MonkeyPatch) -> None:
    api = Api()
    env.setenv("YANDEX_MARKET_API_KEY", FAKE_KEY)
    env.setenv("YANDEX_MARKET_BUSINESS_ID", "1")
    chat = YandexMarketChat(http_client=api.sync_client())
    assert isinstance(chat.send_message_to_chat(chat_id=2, message="hi"), EmptyApiResponse)
    assert api.last.url == "https://api.partner.market.yandex.ru/v2/businesses/1/chats/message?chatId=2"
    assert api.last.headers["Api-Key"] == FAKE_KEY
    assert json.loads(api.last.content) == {"message": "hi"}


def test_explicit_arguments_win_over_the_environment(env: pytest.MonkeyPatch) -> None:
    api = Api()
    env.setenv("YANDEX_MARKET_API_KEY", "fake-env-key")
    env.setenv("YANDEX_MARKET_BUSINESS_ID", "1")
    env.setenv("YANDEX_MARKET_BASE_URL", "http://env.invalid")
    chat = YandexMarketChat(
        "fake-arg-key", business_id=5, base_url="http://arg.invalid", http_client=api.sync_client()
    )
    chat.send_message_to_chat(chat_id=2, message="hi")
    assert str(api.last.url).startswith("http://arg.invalid/v2/businesses/5/")
    assert api.last.headers["Api-Key"] == "fake-arg-key"
    env_chat = YandexMarketChat(http_client=api.sync_client())
    env_chat.send_message_to_chat(chat_id=2, message="hi", business_id=9)
    assert str(api.last.url).startswith("http://env.invalid/v2/businesses/9/")
    assert api.last.headers["Api-Key"] == "fake-env-key"


def test_missing_key_is_a_clear_error(env: pytest.MonkeyPatch) -> None:
    with pytest.raises(InvalidRequestError, match="YANDEX_MARKET_API_KEY"):
        YandexMarketChat()
    with pytest.raises(InvalidRequestError, match="YANDEX_MARKET_API_KEY"):
        AsyncYandexMarketChat()


def test_missing_business_id_is_a_clear_error(env: pytest.MonkeyPatch) -> None:
    api = Api()
    chat = YandexMarketChat(FAKE_KEY, http_client=api.sync_client())
    with pytest.raises(InvalidRequestError, match="YANDEX_MARKET_BUSINESS_ID"):
        chat.send_message_to_chat(chat_id=2, message="hi")
    env.setenv("YANDEX_MARKET_BUSINESS_ID", "not-a-number")
    with pytest.raises(InvalidRequestError, match="YANDEX_MARKET_BUSINESS_ID"):
        YandexMarketChat(FAKE_KEY)
    assert api.requests == []


def test_all_operations_sync(env: pytest.MonkeyPatch, tmp_path: Path) -> None:
    api = Api()
    chat = YandexMarketChat(FAKE_KEY, business_id=3, http_client=api.sync_client())
    created = chat.create_chat(context={"type": "ORDER", "id": 77})
    assert isinstance(created, CreateChatResponse) and created.result and created.result.chat_id == 31
    assert json.loads(api.last.content) == {"context": {"type": "ORDER", "id": 77}}
    chat.create_chat(context=ChatContextDTO(type_=ChatContextIdentifiableType.RETURN, id=8))
    assert json.loads(api.last.content) == {"context": {"type": "RETURN", "id": 8}}
    path = tmp_path / "label.pdf"
    path.write_bytes(b"%PDF-1.4 fake")
    chat.send_file_to_chat(chat_id=31, file=path)
    assert b'filename="label.pdf"' in api.last.content and b"application/pdf" in api.last.content
    chat.send_file_to_chat(chat_id=31, file=b"raw", file_name="a.txt", mime_type="text/x-custom")
    assert b'filename="a.txt"' in api.last.content and b"text/x-custom" in api.last.content
    with open(path, "rb") as handle:
        chat.send_file_to_chat(chat_id=31, file=handle)
    assert b"%PDF-1.4 fake" in api.last.content
    with pytest.raises(NotFoundError):
        chat.send_message_to_chat(chat_id=404, message="hi")
    with pytest.raises(InvalidRequestError):
        chat.create_chat(context={"type": "DIRECT", "id": 1})  # type: ignore[arg-type]  # outside the Literal on purpose


def test_all_operations_async(
    env: pytest.MonkeyPatch, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    api = Api()
    path = tmp_path / "label.pdf"
    path.write_bytes(b"%PDF-1.4 fake")
    threaded: list[Any] = []
    real_to_thread = asyncio.to_thread

    async def spy_to_thread(func: Any, /, *args: Any, **kwargs: Any) -> Any:
        threaded.append(func)
        return await real_to_thread(func, *args, **kwargs)

    monkeypatch.setattr(asyncio, "to_thread", spy_to_thread)

    async def main() -> None:
        async with AsyncYandexMarketChat(FAKE_KEY, business_id=3, http_client=api.async_client()) as chat:
            created = await chat.create_chat(context={"type": "ORDER", "id": 77})
            assert created.result and created.result.chat_id == 31
            await chat.send_message_to_chat(chat_id=31, message="hi")
            assert json.loads(api.last.content) == {"message": "hi"}
            await chat.send_file_to_chat(chat_id=31, file=path)
            assert b'filename="label.pdf"' in api.last.content
            with pytest.raises(NotFoundError):
                await chat.send_message_to_chat(chat_id=404, message="hi")

    asyncio.run(main())
    assert threaded, "the async client read a file path on the event loop"


def test_with_options_shares_the_pool(env: pytest.MonkeyPatch) -> None:
    api = Api()
    http = api.sync_client()
    chat = YandexMarketChat(FAKE_KEY, business_id=3, http_client=http, max_retries=2)
    fast = chat.with_options(timeout=1.5, max_retries=0)
    assert fast.client.max_retries == 0 and chat.client.max_retries == 2
    assert fast.client.get_httpx_client() is chat.client.get_httpx_client() is http
    fast.send_message_to_chat(chat_id=2, message="hi")
    assert api.last.extensions["timeout"]["read"] == 1.5
    chat.send_message_to_chat(chat_id=2, message="hi")
    assert api.last.extensions["timeout"]["read"] == 30.0


def test_extra_headers_per_call(env: pytest.MonkeyPatch) -> None:
    api = Api()
    chat = YandexMarketChat(FAKE_KEY, business_id=3, http_client=api.sync_client())
    chat.send_message_to_chat(chat_id=2, message="hi", extra_headers={"X-Trace": "t-1"})
    assert api.last.headers["X-Trace"] == "t-1"
    chat.send_message_to_chat(chat_id=2, message="hi")
    assert "x-trace" not in api.last.headers


def test_raw_response_sync_and_async(env: pytest.MonkeyPatch) -> None:
    api = Api()
    chat = YandexMarketChat(FAKE_KEY, business_id=3, http_client=api.sync_client())
    raw = chat.with_raw_response
    assert isinstance(raw, RawYandexMarketChat)
    response = raw.send_message_to_chat(chat_id=2, message="hi")
    assert response.status_code == 200
    assert isinstance(response.parsed, EmptyApiResponse)
    assert response.rate_limit.limit == 1000 and response.rate_limit.remaining == 998
    assert response.rate_limit.reset_at is not None and response.rate_limit.reset_at.year == 2025
    not_found = raw.send_message_to_chat(chat_id=404, message="hi")
    assert not_found.status_code == 404

    async def main() -> None:
        async_chat = AsyncYandexMarketChat(FAKE_KEY, business_id=3, http_client=api.async_client())
        assert isinstance(async_chat.with_raw_response, AsyncRawYandexMarketChat)
        async_response = await async_chat.with_raw_response.create_chat(context={"type": "ORDER", "id": 1})
        assert async_response.status_code == 200 and async_response.rate_limit.remaining == 998

    asyncio.run(main())


def test_default_headers_user_agent_and_integration(env: pytest.MonkeyPatch) -> None:
    api = Api()
    chat = YandexMarketChat(FAKE_KEY, business_id=3, http_client=api.sync_client(), integration="my-crm/2.1")
    chat.send_message_to_chat(chat_id=2, message="hi")
    assert api.last.headers["User-Agent"] == f"yandex-market-chat/{yandex_market_chat.__version__}"
    assert api.last.headers["X-Market-Integration"] == "my-crm/2.1"
    plain = YandexMarketChat(FAKE_KEY, business_id=3, http_client=api.sync_client())
    plain.send_message_to_chat(chat_id=2, message="hi")
    assert "x-market-integration" not in api.last.headers
    with pytest.raises(InvalidRequestError):
        YandexMarketChat(FAKE_KEY, integration="bad\r\nX-Evil: 1")


def test_context_managers_close_the_pool(env: pytest.MonkeyPatch) -> None:
    api = Api()
    http = api.sync_client()
    with YandexMarketChat(FAKE_KEY, business_id=3, http_client=http) as chat:
        chat.send_message_to_chat(chat_id=2, message="hi")
    assert http.is_closed
    ahttp = api.async_client()

    async def main() -> None:
        async with AsyncYandexMarketChat(FAKE_KEY, business_id=3, http_client=ahttp) as achat:
            await achat.send_message_to_chat(chat_id=2, message="hi")

    asyncio.run(main())
    assert ahttp.is_closed


def test_debug_log_shows_the_call_but_never_the_key(
    env: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="yandex_market_chat")
    api = Api()
    chat = YandexMarketChat(FAKE_KEY, business_id=3, http_client=api.sync_client())
    chat.send_message_to_chat(chat_id=2, message="hi")
    lines = [r.getMessage() for r in caplog.records if r.name == "yandex_market_chat"]
    assert any(
        "POST https://api.partner.market.yandex.ru/v2/businesses/3/chats/message?chatId=2 -> 200" in line
        and " ms " in line
        and "x-ratelimit-resource-remaining" in line
        for line in lines
    ), lines
    assert all(FAKE_KEY not in line for line in lines)


def test_log_switched_on_by_environment_variable() -> None:
    program = (
        "import httpx\n"
        "from yandex_market_chat import YandexMarketChat\n"
        "h = lambda r: httpx.Response(200, json={'status': 'OK'})\n"
        "c = YandexMarketChat(business_id=1, http_client=httpx.Client(transport=httpx.MockTransport(h)))\n"
        "c.send_message_to_chat(chat_id=2, message='hi')\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("YANDEX_MARKET_")}
    env |= {"YANDEX_MARKET_API_KEY": FAKE_KEY, "YANDEX_MARKET_LOG": "debug"}
    result = subprocess.run(
        [sys.executable, "-c", program], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert "yandex_market_chat DEBUG POST" in result.stderr
    assert FAKE_KEY not in result.stderr
    env.pop("YANDEX_MARKET_LOG")
    quiet = subprocess.run(
        [sys.executable, "-c", program], env=env, capture_output=True, text=True, timeout=60
    )
    assert quiet.returncode == 0 and quiet.stderr == ""


def test_methods_have_docstrings_from_the_spec() -> None:
    assert YandexMarketChat.send_message_to_chat.__doc__
    assert YandexMarketChat.send_message_to_chat.__doc__.startswith(
        "Send a text message to a chat with a buyer."
    )
    assert AsyncYandexMarketChat.create_chat.__doc__
    assert AsyncYandexMarketChat.create_chat.__doc__.startswith("Create a chat with a buyer")


def test_limits_are_exported() -> None:
    from yandex_market_chat import HourlyBudget, RateLimiter
    from yandex_market_chat._limits import HourlyBudget as Budget
    from yandex_market_chat._limits import RateLimiter as Limiter

    assert (HourlyBudget, RateLimiter) == (Budget, Limiter)


def test_threads_making_their_first_call_share_one_httpx_client() -> None:
    import threading

    from yandex_market_chat import AuthenticatedClient

    client = AuthenticatedClient(token=FAKE_KEY)
    barrier = threading.Barrier(8)
    seen: list[httpx.Client] = []

    def first_call() -> None:
        barrier.wait()
        seen.append(client.get_httpx_client())

    threads = [threading.Thread(target=first_call) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(seen) == 8 and all(c is seen[0] for c in seen)
    client.close()
