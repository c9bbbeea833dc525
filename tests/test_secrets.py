"""The key stays secret: a bad key is refused when the client is made without showing it; nothing
about it reaches the wire, an error, a repr or a log; an answer echoing it keeps it out of the
error; a redirect to another origin never carries it."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from conftest import FAKE_KEY
from loopback import RawServer, Received, response
from loopback_calls import CREATE, OK, call, raw_client
from yandex_market_chat import (
    APIStatusError,
    AsyncYandexMarketChat,
    AuthenticatedClient,
    InvalidRequestError,
    ResponseValidationError,
    YandexMarketChat,
    YandexMarketError,
)
from yandex_market_chat.api.chats import create_chat, send_message_to_chat

# --- the key stays secret whatever it looks like -------------------------------------------------

BAD_KEYS = {
    "leading space": " fake-api-key-0000",
    "trailing space": "fake-api-key-0000 ",
    "trailing newline": "fake-api-key-0000\n",
    "tab": "fake-api\tkey-0000",
    "NUL": "fake-api\x00key-0000",
    "escape": "fake-api\x1bkey-0000",
    "DEL": "fake-api\x7fkey-0000",
    "CRLF": "fake-api\r\nX-Evil: 1",
    "non-ASCII": "fake-api-ключ-0000",
    "no-break space": "fake-api\u00a0key-0000",
    "NEL": "fake-api\x85key-0000",
}


def _paths(key: str, monkeypatch: pytest.MonkeyPatch) -> dict[str, Callable[[], object]]:
    good = AuthenticatedClient(token=FAKE_KEY)

    def from_env() -> object:
        monkeypatch.setenv("YANDEX_MARKET_API_KEY", key)
        return YandexMarketChat()

    paths: dict[str, Callable[[], object]] = {
        "AuthenticatedClient(token=)": lambda: AuthenticatedClient(token=key),
        "AuthenticatedClient.oauth": lambda: AuthenticatedClient.oauth(key),
        "YandexMarketChat(api_key=)": lambda: YandexMarketChat(api_key=key),
        "AsyncYandexMarketChat(api_key=)": lambda: AsyncYandexMarketChat(api_key=key),
        "with_options(token=)": lambda: good.with_options(token=key),
        "prefix": lambda: AuthenticatedClient(token=FAKE_KEY, prefix=key),
        "default_headers": lambda: YandexMarketChat(api_key=FAKE_KEY, default_headers={"Api-Key": key}),
    }
    if "\x00" not in key:  # (an environment variable cannot hold NUL)
        paths["YANDEX_MARKET_API_KEY"] = from_env
    return paths


@pytest.mark.parametrize("key", BAD_KEYS.values(), ids=BAD_KEYS.keys())
def test_a_bad_key_is_refused_when_the_client_is_made_without_showing_it(
    key: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    for path, make in _paths(key, monkeypatch).items():
        with pytest.raises(InvalidRequestError) as caught:
            make()
        shown = str(caught.value) + repr(caught.value) + repr(caught.value.args)
        assert key not in shown and key.strip() not in shown, path


def test_nothing_about_the_key_reaches_the_wire_an_error_or_a_retry(mode: str) -> None:
    with RawServer(lambda _: response(200, OK)) as server:
        # The HTTP layer itself would refuse these (a CR/LF, a space in a header name) only once a
        # place and a budget unit were taken, and then called it "may have been delivered".
        for options in (
            {"prefix": "Bearer\n"},
            {"auth_header_name": "Api Key"},
            {"headers": {"X-Note": "a\r\nApi-Key: " + FAKE_KEY}},
            {"user_agent": "agent\r\n"},
        ):
            with pytest.raises(InvalidRequestError) as caught:
                raw_client(server.url, **options)
            assert FAKE_KEY not in str(caught.value)
        chat = YandexMarketChat(api_key=FAKE_KEY, business_id=1, base_url=server.url)
        with pytest.raises(InvalidRequestError) as refused:
            chat.send_message_to_chat(chat_id=7, message="hi", extra_headers={"X-Note": FAKE_KEY + "\n"})
        assert FAKE_KEY not in str(refused.value)
        assert server.received == []


def test_the_key_never_appears_in_a_repr_even_given_as_a_header() -> None:
    client = AuthenticatedClient(token=FAKE_KEY, headers={"Authorization": f"Bearer {FAKE_KEY}"})
    chat = YandexMarketChat(api_key=FAKE_KEY, default_headers={"Api-Key": FAKE_KEY})
    for shown in (repr(client), repr(chat), repr(chat.client), repr(client.with_options(timeout=3))):
        assert FAKE_KEY not in shown, shown


@pytest.mark.parametrize(
    ("status", "body"),
    [
        (400, f'{{"status":"ERROR","errors":[{{"code":"BAD","message":"Api-Key {FAKE_KEY} is bad"}}]}}'),
        (502, f"<html>proxy: your headers were Api-Key: {FAKE_KEY}</html>"),
        (200, f"echo: {FAKE_KEY}"),
    ],
)
@pytest.mark.parametrize("oauth", [False, True])
def test_an_answer_that_echoes_the_key_does_not_put_it_in_the_error(
    mode: str, status: int, body: str, oauth: bool
) -> None:
    with RawServer(lambda _: response(status, body.encode())) as server:
        client = raw_client(server.url)
        if oauth:
            client = AuthenticatedClient.oauth(FAKE_KEY, base_url=server.url, max_retries=0)
        with pytest.raises(YandexMarketError) as caught:
            call(mode, send_message_to_chat, client)
    assert isinstance(caught.value, APIStatusError | ResponseValidationError)
    assert FAKE_KEY not in str(caught.value) and FAKE_KEY not in repr(caught.value)
    assert FAKE_KEY.encode() in caught.value.body  # (the body itself is kept as it came)


# --- no key to another host ----------------------------------------------------------------------


def redirect_to(target: str, status: int = 307) -> Callable[[Received], bytes]:
    def answer(request: Received) -> bytes:
        return response(status, b"", {"Location": target + request.target})

    return answer


@pytest.mark.parametrize("how", ["follow_redirects=True", "your own httpx client"])
def test_a_redirect_to_another_origin_never_carries_the_key_or_a_message(mode: str, how: str) -> None:
    with (
        RawServer(lambda _: response(200, b'{"status":"OK","result":{"chatId":9}}')) as other,
        RawServer(redirect_to(other.url)) as api,
    ):
        assert api.url != other.url  # another port: another origin

        def client() -> AuthenticatedClient:
            if how == "follow_redirects=True":
                return raw_client(api.url, follow_redirects=True)
            own = raw_client(api.url)  # (an httpx.AsyncClient of yours serves one event loop)
            own.set_httpx_client(httpx.Client(follow_redirects=True))
            return own.set_async_httpx_client(httpx.AsyncClient(follow_redirects=True))

        # The message is not sent to the other origin at all: the 307 is the answer.
        with pytest.raises(APIStatusError) as caught:
            call(mode, send_message_to_chat, client())
        assert caught.value.status_code == 307
        assert "another origin" in str(caught.value)
        assert other.received == []

        # createChat is safe to repeat: followed, but without the key.
        assert call(mode, create_chat, client()).result.chat_id == 9
        [arrived] = other.received
        assert "api-key" not in arrived.headers and "authorization" not in arrived.headers
        assert FAKE_KEY.encode() not in arrived.body
        assert all(FAKE_KEY not in value for value in arrived.headers.values())
        assert api.received[-1].headers["api-key"] == FAKE_KEY


def test_an_oauth_token_does_not_go_to_another_origin_either() -> None:
    with (
        RawServer(lambda _: response(200, b'{"status":"OK","result":{"chatId":9}}')) as other,
        RawServer(redirect_to(other.url, 308)) as api,
    ):
        client = AuthenticatedClient.oauth(FAKE_KEY, base_url=api.url, follow_redirects=True, max_retries=0)
        answer: Any = create_chat.sync(1, client=client, body=CREATE)
        assert answer.result.chat_id == 9
    assert all(FAKE_KEY not in value for value in other.received[0].headers.values())


def test_a_redirect_within_the_origin_is_followed_with_the_key(mode: str) -> None:
    def answer(request: Received) -> bytes:
        if request.target.startswith("/moved"):
            return response(200, OK)
        return response(307, b"", {"Location": "/moved" + request.target})

    with RawServer(answer) as api:
        call(mode, send_message_to_chat, raw_client(api.url, follow_redirects=True))
    assert [r.headers["api-key"] for r in api.received] == [FAKE_KEY, FAKE_KEY]
    assert json.loads(api.received[1].body) == {"message": "hello"}
