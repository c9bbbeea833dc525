"""Issue #12, "Hardening": what production traffic and careless callers do to the client. Each test
names its item; the wire is a real loopback server wherever the behaviour is about the wire.

The limiter's and the budget's own items (5, 9, 11, 12) are in tests/ratelimit/test_hardening_limits.py.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import gc
import gzip
import http.server
import io
import json
import linecache
import multiprocessing
import os
import pickle
import sys
import threading
import time
import tracemalloc
import zlib
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import Any

import httpx
import pytest
import yandex_market_chat
from conftest import FAKE_KEY, mock_client, run
from conftest import call as call_module
from loopback import RawServer, Received, response
from ratelimit.support import MarketSim
from yandex_market_chat import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AsyncYandexMarketChat,
    AuthenticatedClient,
    AuthenticationError,
    BadRequestError,
    BudgetStoreError,
    ClientStateError,
    File,
    HourlyBudget,
    InternalServerError,
    InvalidRequestError,
    NotFoundError,
    PermissionDeniedError,
    RateLimiter,
    RateLimitError,
    Response,
    ResponseValidationError,
    YandexMarketChat,
    YandexMarketError,
    _exchange,
    _pipeline,
)
from yandex_market_chat.api.chats import create_chat, send_file_to_chat, send_message_to_chat
from yandex_market_chat.models import (
    ChatContextDTO,
    ChatContextIdentifiableType,
    CreateChatRequest,
    SendFileToChatRequest,
    SendMessageToChatRequest,
)

MESSAGE = SendMessageToChatRequest(message="hello")
CREATE = CreateChatRequest(context=ChatContextDTO(type_=ChatContextIdentifiableType.ORDER, id=42))
OK = b'{"status":"OK"}'


def call(mode: str, module: Any, client: AuthenticatedClient, **kwargs: Any) -> Any:
    """One call of an operation module, the sync or the async way."""
    kwargs.setdefault("body", CREATE if module is create_chat else MESSAGE)
    if module is not create_chat:
        kwargs.setdefault("chat_id", 7)
    return call_module(mode, module, business_id=1, client=client, **kwargs)


def raw_client(url: str, **options: Any) -> AuthenticatedClient:
    options.setdefault("max_retries", 0)
    return AuthenticatedClient(token=FAKE_KEY, base_url=url, **options)


# --- 1. One async client, several event loops ----------------------------------------------------


def test_one_async_client_serves_successive_asyncio_runs(sim: MarketSim) -> None:
    chat = AsyncYandexMarketChat(api_key=FAKE_KEY, business_id=1, base_url=sim.url, max_retries=0)
    for index in range(3):
        asyncio.run(chat.send_message_to_chat(chat_id=7, message=f"run {index}"))
    assert sim.statuses() == [200, 200, 200]
    assert [seen.json["message"] for seen in sim.seen] == ["run 0", "run 1", "run 2"]


def test_one_async_client_serves_threads_with_loops_of_their_own(sim: MarketSim) -> None:
    sim.delay = 0.05
    chat = AsyncYandexMarketChat(api_key=FAKE_KEY, business_id=1, base_url=sim.url, max_retries=0)
    start = threading.Barrier(3)
    outcomes: list[object] = []

    def worker(name: str) -> None:
        async def messages() -> None:
            for index in range(3):
                await chat.send_message_to_chat(chat_id=7, message=f"{name} {index}")

        start.wait()
        try:
            asyncio.run(messages())
            outcomes.append("ok")
        except BaseException as exc:
            outcomes.append(exc)

    threads = [threading.Thread(target=worker, args=(f"thread {n}",)) for n in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert outcomes == ["ok"] * 3
    assert sorted(seen.json["message"] for seen in sim.seen) == sorted(
        f"thread {n} {i}" for n in range(3) for i in range(3)
    )


def test_your_own_async_client_on_another_loop_is_refused_before_sending(sim: MarketSim) -> None:
    own = httpx.AsyncClient()
    chat = AsyncYandexMarketChat(api_key=FAKE_KEY, business_id=1, base_url=sim.url, http_client=own)
    asyncio.run(chat.send_message_to_chat(chat_id=7, message="first"))
    with pytest.raises(ClientStateError) as caught:
        asyncio.run(chat.send_message_to_chat(chat_id=7, message="second"))
    assert isinstance(caught.value, YandexMarketError) and "another event loop" in str(caught.value)
    assert [seen.json["message"] for seen in sim.seen] == ["first"]


# --- 2. Nothing raw after an answer --------------------------------------------------------------

BOGUS_GZIP = b"this is not gzip at all"


@pytest.mark.parametrize("module", [send_message_to_chat, create_chat])
def test_a_2xx_with_a_broken_content_encoding_is_a_response_validation_error(mode: str, module: Any) -> None:
    delivered = not module._OPERATION.idempotent  # (the spec's x-idempotent: one of each kind here)
    with (
        RawServer(lambda _: response(200, BOGUS_GZIP, {"Content-Encoding": "gzip"})) as server,
        pytest.raises(ResponseValidationError) as caught,
    ):
        call(mode, module, raw_client(server.url))
    error = caught.value
    assert error.status_code == 200 and error.body == BOGUS_GZIP
    assert error.may_have_been_delivered is delivered
    assert "gzip" in str(error)


def test_a_5xx_with_a_broken_content_encoding_keeps_its_status_and_body(mode: str) -> None:
    with (
        RawServer(lambda _: response(500, BOGUS_GZIP, {"Content-Encoding": "gzip"})) as server,
        pytest.raises(InternalServerError) as caught,
    ):
        call(mode, send_message_to_chat, raw_client(server.url))
    assert caught.value.status_code == 500 and caught.value.body == BOGUS_GZIP
    assert caught.value.may_have_been_delivered
    assert "could not be read" in str(caught.value)


def test_deeply_nested_json_is_a_typed_error_that_says_it_may_have_been_delivered(mode: str) -> None:
    nested = b'{"status":"OK","x":' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    with (
        RawServer(lambda _: response(200, nested, {"Content-Type": "application/json"})) as server,
        pytest.raises(ResponseValidationError) as caught,
    ):
        call(mode, send_message_to_chat, raw_client(server.url))
    assert caught.value.status_code == 200 and caught.value.body == nested
    assert caught.value.may_have_been_delivered


ABSURD = {
    "X-RateLimit-Resource-Limit": "1000",
    "X-RateLimit-Resource-Remaining": "0",
    "X-RateLimit-Resource-Until": "Fri, 31 Dec 9999 23:59:59 -2359",
    "Retry-After": "Fri, 31 Dec 99999999999999999999 23:59:59 GMT",
}


def test_an_absurd_year_in_the_rate_limit_headers_is_never_raw(mode: str) -> None:
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


def test_a_reset_in_the_year_9999_is_waited_for_an_hour_at_most_not_overflowed() -> None:
    # max_rate_limit_wait=inf means "always wait": today a 420 until 9999 made time.sleep overflow.
    headers = {
        "X-RateLimit-Resource-Remaining": "0",
        "X-RateLimit-Resource-Until": "Fri, 31 Dec 9999 23:59:59 GMT",
    }
    waits = [_pipeline.rate_limit_wait(headers, attempt) for attempt in range(3)]
    assert all(3599 <= wait <= 3600.25 for wait in waits), waits


# --- 3. The key stays secret whatever it looks like ---------------------------------------------

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


# --- 4. No key to another host -------------------------------------------------------------------


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


# --- 6. `timeout` bounds the whole attempt --------------------------------------------------------


def drip(head: bytes, body: bytes, pause: float = 0.5) -> Callable[[Received], list[bytes | float]]:
    """Send `head` at once, then `body` one byte every `pause` seconds."""

    def answer(_: Received) -> list[bytes | float]:
        pieces: list[bytes | float] = [head]
        for byte in body:
            pieces += [pause, bytes([byte])]
        return pieces

    return answer


SLOW_BODY = b'{"status":"OK","padding":"' + b"x" * 20 + b'"}'


@pytest.mark.parametrize("part", ["body", "headers"])
def test_a_server_dripping_bytes_cannot_stretch_a_call_past_its_timeout(mode: str, part: str) -> None:
    whole = response(200, SLOW_BODY, {"Content-Type": "application/json"})
    head, _, body = whole.partition(b"\r\n\r\n")
    answer = drip(head + b"\r\n\r\n", body) if part == "body" else drip(b"", whole)
    with RawServer(answer) as server:
        started = time.monotonic()
        with pytest.raises(APITimeoutError) as caught:
            call(mode, send_message_to_chat, raw_client(server.url, timeout=1.0))
        took = time.monotonic() - started
    assert took < 5.0, f"took {took:.1f} s with timeout=1"  # it used to take 15 s and succeed
    assert caught.value.may_have_been_delivered  # the request was sent; its answer never finished


def test_the_wait_for_a_place_in_flight_counts_against_the_timeout(mode: str, sim: MarketSim) -> None:
    sim.delay = 3.0
    client = raw_client(sim.url)
    background = concurrent.futures.ThreadPoolExecutor(4)
    held = [
        background.submit(send_message_to_chat.sync, 1, client=client, chat_id=7, body=MESSAGE)
        for _ in range(4)
    ]
    try:
        sim.wait_for_arrivals(4)  # four places taken, for three seconds
        started = time.monotonic()
        with pytest.raises(APITimeoutError) as caught:
            call(mode, send_message_to_chat, client.with_options(timeout=0.5))
        took = time.monotonic() - started
    finally:
        background.shutdown()
    assert took < 2.5, f"waited {took:.1f} s for a place with timeout=0.5"
    assert not caught.value.may_have_been_delivered and "nothing was sent" in str(caught.value)
    assert len(sim.seen) == 4
    assert all(isinstance(future.result(), object) for future in held)


@pytest.mark.parametrize("timeout", [None, httpx.Timeout(None), httpx.Timeout(5.0, read=None)])
def test_a_timeout_is_never_unlimited(timeout: httpx.Timeout | None) -> None:
    for client in (
        AuthenticatedClient(token=FAKE_KEY, timeout=timeout),
        AuthenticatedClient(token=FAKE_KEY).with_options(timeout=timeout),
        YandexMarketChat(api_key=FAKE_KEY, timeout=timeout).client,
    ):
        parts = (client.timeout.connect, client.timeout.read, client.timeout.write, client.timeout.pool)
        assert all(part is not None and 0 < part < float("inf") for part in parts), parts
    for bad in (0, -1.0, float("inf"), float("nan")):
        with pytest.raises(InvalidRequestError):
            AuthenticatedClient(token=FAKE_KEY, timeout=bad)


@pytest.mark.parametrize("seconds", [1e10, 86_400.5])
def test_a_timeout_longer_than_a_day_is_refused_by_name_before_any_call(seconds: float) -> None:
    # The socket layer takes no timeout past time_t (OverflowError at the first call): the README
    # bounds a timeout at a day, refused where it is given.
    makers: list[Callable[[], object]] = [
        lambda: AuthenticatedClient(token=FAKE_KEY, timeout=seconds),
        lambda: AuthenticatedClient(token=FAKE_KEY).with_options(timeout=seconds),
        lambda: YandexMarketChat(api_key=FAKE_KEY, timeout=httpx.Timeout(5.0, read=seconds)),
        lambda: AsyncYandexMarketChat(api_key=FAKE_KEY).with_options(timeout=seconds),
    ]
    for make in makers:
        with pytest.raises(InvalidRequestError) as caught:
            make()
        assert caught.value.field == "timeout"
    assert YandexMarketChat(api_key=FAKE_KEY, timeout=86_400).client.timeout.read == 86_400


# --- 7. All checks before any cost ---------------------------------------------------------------


def test_a_refused_call_takes_neither_a_place_nor_a_budget_unit(sim: MarketSim, tmp_path: Path) -> None:
    text_file = tmp_path / "note.txt"
    text_file.write_text("hello")
    budget = HourlyBudget(2)
    chat = YandexMarketChat(
        api_key=FAKE_KEY, business_id=1, base_url=sim.url, rate_limiter=RateLimiter(budget=budget)
    )
    with (
        text_file.open("r") as handle,
        pytest.raises(InvalidRequestError, match="binary mode"),
    ):  # a text-mode file
        chat.send_file_to_chat(chat_id=7, file=handle)  # type: ignore[arg-type]
    refused: list[Callable[[], object]] = [
        lambda: chat.send_message_to_chat(chat_id=7, message="half a character: \ud800"),
        lambda: chat.send_file_to_chat(chat_id=7, file=b"%PDF", file_name="scan\udc00.pdf"),
        lambda: chat.send_file_to_chat(chat_id=7, file=b"%PDF", mime_type="application/pdf\r\nX-Evil: 1"),
        lambda: chat.send_message_to_chat(chat_id=7, message="hi", extra_headers={"X-Note": "ключ"}),
        lambda: chat.send_message_to_chat(chat_id=7, message="hi", extra_headers={"X-Note": "a\r\nb"}),
    ]
    for attempt in refused:
        with pytest.raises(InvalidRequestError):
            attempt()
    with pytest.raises(InvalidRequestError):
        chat.send_file_to_chat(chat_id=7, file=io.StringIO("text"))  # type: ignore[arg-type]
    assert sim.seen == []
    chat.send_message_to_chat(chat_id=7, message="one")
    chat.send_message_to_chat(chat_id=7, message="two")  # the budget of 2 is whole
    assert sim.statuses() == [200, 200]
    assert chat.rate_limits["businesses"][1]["in_flight"] == 0


# --- 8. mime_type and file_name cannot inject multipart headers ----------------------------------


def test_a_mime_type_with_cr_lf_is_refused_by_name(mode: str) -> None:
    with RawServer(lambda _: response(200, OK)) as server:
        chat_class = YandexMarketChat if mode == "sync" else AsyncYandexMarketChat
        chat = chat_class(api_key=FAKE_KEY, business_id=1, base_url=server.url)
        injected = 'text/plain\r\nContent-Disposition: form-data; name="evil"'
        for file_name, mime_type, argument in (
            ("a.txt", injected, "mime_type"),
            ("a.txt", 'text/plain"; x="', "mime_type"),
            ("a.txt\r\nContent-Type: text/html", None, "file_name"),
        ):
            with pytest.raises(InvalidRequestError) as caught:
                sent = chat.send_file_to_chat(chat_id=7, file=b"x", file_name=file_name, mime_type=mime_type)
                if asyncio.iscoroutine(sent):
                    asyncio.run(sent)
            assert caught.value.field == argument
        # Through the module function, with a File made by hand, the same.
        client = raw_client(server.url)
        body = SendFileToChatRequest(file=File(payload=b"x", file_name="a.txt", mime_type=injected))
        with pytest.raises(InvalidRequestError) as caught:
            call(mode, send_file_to_chat, client, body=body)
        assert caught.value.field == "mime_type"
        assert server.received == []


def test_quotes_in_a_file_name_are_escaped_not_a_new_parameter() -> None:
    with RawServer(lambda _: response(200, OK)) as server:
        chat = YandexMarketChat(api_key=FAKE_KEY, business_id=1, base_url=server.url)
        chat.send_file_to_chat(chat_id=7, file=b"x", file_name='a"; name="evil.pdf')
    [request] = server.received
    head = request.body.split(b"\r\n\r\n", 1)[0]
    assert head.count(b"Content-Disposition") == 1
    assert head.count(b' name="') == 1 and b'name="evil' not in head
    assert b'filename="a%22; name=%22evil.pdf"' in head


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


# --- 13. Bounded answers ---------------------------------------------------------------------------


def gzip_bomb(size: int = 64 * 1024 * 1024) -> bytes:
    """Valid JSON of `size` bytes, gzipped to a few tens of kilobytes."""
    packer = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)
    parts = [packer.compress(b'{"status":"OK","padding":"')]
    block = b"a" * (1024 * 1024)
    parts += [packer.compress(block) for _ in range(size // len(block))]
    parts += [packer.compress(b'"}'), packer.flush()]
    return b"".join(parts)


@pytest.fixture(scope="module")
def bomb() -> bytes:
    return gzip_bomb()


def test_an_answer_that_inflates_past_the_cap_is_refused_without_filling_memory(
    mode: str, bomb: bytes
) -> None:
    assert len(bomb) < 1024 * 1024 and _exchange.MAX_ANSWER_BYTES < 64 * 1024 * 1024
    with RawServer(lambda _: response(200, bomb, {"Content-Encoding": "gzip"})) as server:
        client = raw_client(server.url)
        tracemalloc.start()
        try:
            with pytest.raises(ResponseValidationError) as caught:
                call(mode, send_message_to_chat, client)
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    assert "inflates past" in str(caught.value) and caught.value.may_have_been_delivered
    assert peak < 32 * 1024 * 1024, f"peak {peak / 1e6:.0f} MB for a 64 MB bomb"


def test_a_small_compressed_answer_still_reads(mode: str) -> None:
    body = gzip.compress(b'{"status":"OK","result":{"chatId":5}}')
    with RawServer(lambda _: response(200, body, {"Content-Encoding": "gzip"})) as server:
        assert call(mode, create_chat, raw_client(server.url)).result.chat_id == 5
        assert server.received[0].headers["accept-encoding"] == "gzip, deflate"


def test_an_answer_larger_than_the_cap_is_refused(mode: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_exchange, "MAX_ANSWER_BYTES", 1000)
    with (
        RawServer(lambda _: response(500, b"x" * 5000)) as server,
        pytest.raises(InternalServerError) as caught,
    ):
        call(mode, create_chat, raw_client(server.url))
    assert "larger than 1000 bytes" in str(caught.value) and len(caught.value.body) <= 1000


@pytest.mark.parametrize(("status", "error"), [(200, ResponseValidationError), (500, InternalServerError)])
def test_an_answer_an_in_memory_transport_read_already_is_held_to_the_same_cap(
    mode: str, monkeypatch: pytest.MonkeyPatch, status: int, error: type[Exception]
) -> None:
    monkeypatch.setattr(_exchange, "MAX_ANSWER_BYTES", 1000)
    body = b'{"status":"OK"' + b" " * 5000 + b"}"
    client = mock_client(lambda _: httpx.Response(status, content=body), max_retries=0)
    with pytest.raises(error) as caught:
        call(mode, send_message_to_chat, client)
    assert "larger than 1000 bytes" in str(caught.value)


# --- 14. Clear errors for the remaining raw ones -------------------------------------------------


def test_bad_create_chat_contexts_are_invalid_request_errors() -> None:
    chat = YandexMarketChat(api_key=FAKE_KEY, business_id=1, base_url="http://127.0.0.1:9")
    with pytest.raises(InvalidRequestError) as caught:
        chat.create_chat(context={"type": "ORDER"})  # type: ignore[arg-type]
    assert caught.value.field == "context.id"
    with pytest.raises(InvalidRequestError) as caught:
        chat.create_chat(context={"type": 1, "id": 5})  # type: ignore[arg-type]
    assert caught.value.field == "context.type"


def test_a_file_path_that_is_missing_or_a_directory_is_an_invalid_request(mode: str, tmp_path: Path) -> None:
    chat_class = YandexMarketChat if mode == "sync" else AsyncYandexMarketChat
    chat = chat_class(api_key=FAKE_KEY, business_id=1, base_url="http://127.0.0.1:9")
    for path in (tmp_path / "missing.pdf", tmp_path, str(tmp_path / "missing.pdf")):
        with pytest.raises(InvalidRequestError) as caught:
            sent = chat.send_file_to_chat(chat_id=7, file=path)
            if asyncio.iscoroutine(sent):
                asyncio.run(sent)
        assert caught.value.field == "file"


def test_a_closed_file_or_one_that_fails_to_read_is_refused_before_anything_is_sent(
    mode: str, tmp_path: Path
) -> None:
    closed = (tmp_path / "scan.pdf").open("wb+")
    closed.close()
    with RawServer(lambda _: response(200, OK)) as server:
        chat_class = YandexMarketChat if mode == "sync" else AsyncYandexMarketChat
        chat = chat_class(api_key=FAKE_KEY, business_id=1, base_url=server.url, max_retries=0)

        def send(file: Any) -> Any:
            sent = chat.send_file_to_chat(chat_id=7, file=file, file_name="scan.pdf")
            return asyncio.run(sent) if asyncio.iscoroutine(sent) else sent

        with pytest.raises(InvalidRequestError, match="closed") as refused:
            send(closed)
        assert refused.value.field == "file"

        class Failing(io.BytesIO):
            def read(self, size: int | None = -1) -> bytes:
                raise OSError("the disk went away")

        # A file object is read before the request is sent (within its size limit), by the client
        # objects and the module functions alike: a read that fails is refused, nothing went out.
        with pytest.raises(InvalidRequestError, match="the disk went away") as unread:
            send(Failing(b"%PDF-1.7"))
        assert unread.value.field == "file"
        body = SendFileToChatRequest(file=File(payload=Failing(b"%PDF-1.7"), file_name="scan.pdf"))
        with pytest.raises(InvalidRequestError, match="the disk went away"):
            call(mode, send_file_to_chat, raw_client(server.url), body=body)
        assert server.received == []


def test_a_business_id_that_is_not_ascii_digits_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("YANDEX_MARKET_BUSINESS_ID", "²")
    with pytest.raises(InvalidRequestError, match="business_id"):
        YandexMarketChat(api_key=FAKE_KEY)


def test_bad_limiter_settings_are_invalid_request_errors(tmp_path: Path) -> None:
    # "Apart from this hierarchy the client raises only TypeError": these were bare ValueErrors.
    for make in (
        lambda: RateLimiter(max_in_flight=0),
        lambda: HourlyBudget(0),
        lambda: HourlyBudget(10, period=0),
        lambda: HourlyBudget(10, period=float("inf")),
        lambda: HourlyBudget.sqlite(tmp_path / "b.sqlite", 10, store_timeout=0),
    ):
        with pytest.raises(InvalidRequestError):
            make()


def test_a_with_options_copy_used_as_a_context_manager_leaves_the_pool_open(sim: MarketSim) -> None:
    chat = YandexMarketChat(api_key=FAKE_KEY, business_id=1, base_url=sim.url)
    chat.send_message_to_chat(chat_id=7, message="before")
    with chat.with_options(timeout=5) as quick:
        quick.send_message_to_chat(chat_id=7, message="copy")
    chat.send_message_to_chat(chat_id=7, message="after")
    chat.close()
    with pytest.raises(ClientStateError):
        chat.send_message_to_chat(chat_id=7, message="closed")
    assert [seen.json["message"] for seen in sim.seen] == ["before", "copy", "after"]


def test_a_call_after_close_is_a_typed_error(mode: str, sim: MarketSim) -> None:
    client = raw_client(sim.url)
    call(mode, send_message_to_chat, client)
    if mode == "sync":
        client.close()
    else:
        asyncio.run(client.aclose())
    with pytest.raises(ClientStateError) as caught:
        call(mode, send_message_to_chat, client)
    assert isinstance(caught.value, RuntimeError) and "closed" in str(caught.value)
    assert len(sim.seen) == 1


def test_a_redirect_loop_is_a_typed_error(mode: str) -> None:
    with (
        RawServer(lambda request: response(307, b"", {"Location": request.target})) as server,
        pytest.raises(APIStatusError) as caught,
    ):
        call(mode, create_chat, raw_client(server.url, follow_redirects=True))
    assert caught.value.status_code == 307 and "redirected more than 20 times" in str(caught.value)
    assert len(server.received) == 21


def test_a_request_the_http_layer_refused_is_not_reported_as_maybe_delivered(mode: str) -> None:
    # Your own httpx client with a header h11 refuses: nothing leaves the machine.
    with RawServer(lambda _: response(200, OK)) as server:
        client = raw_client(server.url, max_retries=2)
        client.set_httpx_client(httpx.Client(headers={"X-Broken": "a\nb"}))
        client.set_async_httpx_client(httpx.AsyncClient(headers={"X-Broken": "a\nb"}))
        with pytest.raises(APIConnectionError) as caught:
            call(mode, send_message_to_chat, client)
        assert not caught.value.may_have_been_delivered and "nothing was sent" in str(caught.value)
        assert server.received == []


# --- After fork(): each process its own connections --------------------------------------------


class _Echo(http.server.BaseHTTPRequestHandler):
    """Keep-alive: answers every message with its text and the client's port (the connection)."""

    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.send_response(200)
        self.send_header("X-Echo", json.loads(body)["message"])
        self.send_header("X-Connection", str(self.client_address[1]))
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(OK)))
        self.end_headers()
        self.wfile.write(OK)


FORK_ROUNDS = 5


def _echoes(mode: str, client: AuthenticatedClient, who: str) -> list[tuple[str, str]]:
    """(the text each answer echoes, its connection) for FORK_ROUNDS messages sent one by one."""

    async def rounds() -> list[Any]:
        return [
            await send_message_to_chat.asyncio_detailed(
                1, client=client, chat_id=7, body=SendMessageToChatRequest(message=f"{who} {index}")
            )
            for index in range(FORK_ROUNDS)
        ]

    if mode == "sync":
        answers: list[Any] = [
            send_message_to_chat.sync_detailed(
                1, client=client, chat_id=7, body=SendMessageToChatRequest(message=f"{who} {index}")
            )
            for index in range(FORK_ROUNDS)
        ]
    else:
        answers = asyncio.run(rounds())
    return [(answer.headers["X-Echo"], answer.headers["X-Connection"]) for answer in answers]


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork() on this platform")
@pytest.mark.parametrize("pool", ["ours", "yours"])
def test_after_fork_parent_and_child_each_get_their_own_answers(mode: str, pool: str) -> None:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Echo)
    threading.Thread(target=server.serve_forever, args=(0.01,), daemon=True).start()
    try:
        client = raw_client(f"http://127.0.0.1:{server.server_address[1]}", timeout=5.0)
        if pool == "yours":
            client.set_httpx_client(httpx.Client())
            client.set_async_httpx_client(httpx.AsyncClient())
        [(_, before)] = _echoes(mode, client, "before")[:1]  # a connection kept in the pool
        readable, writable = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: report what it got, and leave without running pytest's exit
            code = 1
            try:
                os.close(readable)
                os.write(writable, json.dumps(_echoes(mode, client, "child")).encode())
                code = 0
            finally:
                os._exit(code)
        os.close(writable)
        # (your httpx.AsyncClient serves the event loop of its first call only, and that loop is
        # gone: in the parent it has done its work; the child, on a loop of its own, may use it)
        parent_sends = not (mode == "async" and pool == "yours")
        try:
            parent = _echoes(mode, client, "parent") if parent_sends else []
        finally:
            with os.fdopen(readable, "rb") as report:
                child = [tuple(pair) for pair in json.loads(report.read() or b"[]")]
            _, status = os.waitpid(pid, 0)
        assert os.waitstatus_to_exitcode(status) == 0
        sent = [f"parent {index}" for index in range(FORK_ROUNDS)] if parent_sends else []
        assert [text for text, _ in parent] == sent
        assert [text for text, _ in child] == [f"child {index}" for index in range(FORK_ROUNDS)]
        assert before not in {connection for _, connection in child}  # the parent's socket stayed its own
    finally:
        server.shutdown()
        server.server_close()


# --- Whatever fails once bytes may have left is a typed error ----------------------------------


class _ActingLimiter(RateLimiter):
    """A limiter that does something to the call (`act`) just as it hands the call its place: what
    may happen while a call waits for one."""

    def __init__(self, act: Callable[[], object]) -> None:
        super().__init__()
        self.act = act

    def acquire(self, *args: Any, **kwargs: Any) -> Any:
        place = super().acquire(*args, **kwargs)
        self.act()
        return place

    async def aacquire(self, *args: Any, **kwargs: Any) -> Any:
        place = await super().aacquire(*args, **kwargs)
        done = self.act()
        if asyncio.iscoroutine(done):
            await done
        return place


@pytest.mark.parametrize("change", [b"appended while the call waited", None])
def test_a_file_that_changes_while_the_call_waits_is_sent_as_it_was_checked(
    mode: str, change: bytes | None, tmp_path: Path
) -> None:
    """The file is read (within its limit) when the call is built: what goes out is what was
    checked, whatever happens to the file while the call waits for a place."""
    path = tmp_path / "log.txt"
    checked = b"a log line\n" * 100
    path.write_bytes(checked)

    def change_the_file() -> None:
        if change is None:
            os.truncate(path, 10)
        else:
            with path.open("ab") as log:
                log.write(change)

    with RawServer(lambda _: response(200, OK)) as server, path.open("rb") as file:
        client = raw_client(server.url, rate_limiter=_ActingLimiter(change_the_file))
        body = SendFileToChatRequest(file=File(payload=file, file_name="log.txt"))
        call(mode, send_file_to_chat, client, body=body)
    (sent,) = server.received
    assert checked in sent.body and (change is None or change not in sent.body)


def test_an_error_of_the_http_layer_after_bytes_left_is_a_typed_error(mode: str) -> None:
    """h11 refusing a body longer than its declared length (here declared shorter by a request hook
    of the caller's own client) is raised while the request is on the wire: a typed error that says
    the message may have been delivered, not a raw h11 LocalProtocolError."""

    def shorten(request: httpx.Request) -> None:
        request.headers["Content-Length"] = "5"

    async def ashorten(request: httpx.Request) -> None:
        shorten(request)

    with RawServer(lambda _: response(200, OK)) as server:
        if mode == "sync":
            own: httpx.Client | httpx.AsyncClient = httpx.Client(event_hooks={"request": [shorten]})
        else:
            own = httpx.AsyncClient(event_hooks={"request": [ashorten]})
        client = raw_client(server.url)
        if mode == "sync":
            client.set_httpx_client(own)  # type: ignore[arg-type]
        else:
            client.set_async_httpx_client(own)  # type: ignore[arg-type]
        with pytest.raises(APIConnectionError) as caught:
            call(mode, send_message_to_chat, client)
    assert caught.value.may_have_been_delivered  # sendMessageToChat is not safe to repeat


@pytest.mark.parametrize("location", ["javascript:alert(1)", "mailto:a@b", "http://xn--/"])
@pytest.mark.parametrize("follow", [False, True])
def test_a_redirect_whose_location_cannot_be_followed_is_the_answer(
    mode: str, location: str, follow: bool
) -> None:
    with RawServer(lambda _: response(302, b"", {"Location": location})) as server:
        with pytest.raises(APIStatusError) as caught:
            call(mode, send_message_to_chat, raw_client(server.url, follow_redirects=follow))
        assert len(server.received) == 1
    assert caught.value.status_code == 302 and "cannot be followed" in str(caught.value)
    assert not caught.value.may_have_been_delivered  # a 3xx is an answer, as any other 3xx


def test_closing_the_client_while_a_call_waits_for_a_place_is_a_client_state_error(mode: str) -> None:
    with RawServer(lambda _: response(200, OK)) as server:
        client = raw_client(server.url)
        client.rate_limiter = _ActingLimiter(client.close if mode == "sync" else client.aclose)
        with pytest.raises(ClientStateError) as caught:
            call(mode, send_message_to_chat, client)
        assert server.received == []
    assert "nothing was sent" in str(caught.value)


# --- 5, the interrupts, for the whole of a sync call (the limiter on its own: test_hardening_limits)


class _Tracer:
    """Raises KeyboardInterrupt at the n-th line this package runs, as a signal handler would.

    One place a signal cannot strike is skipped: the line event sys.settrace reports when a `with`
    block is left, just before its __exit__ is called. (CPython checks for signals after a call
    returns, not in those few instructions: a real signal is seen inside the block, where `with`
    still runs __exit__, or after it.) Every other line of the package is a place to strike."""

    def __init__(self, at: int) -> None:
        self.at = at
        self.lines = 0
        self.package = os.path.dirname(yandex_market_chat.__file__)

    def __call__(self, frame: FrameType, event: str, arg: object) -> Any:
        if not frame.f_code.co_filename.startswith(self.package):
            return None
        seen: set[int] = set()

        def local(frame: FrameType, event: str, arg: object) -> Any:
            if event == "line":
                line = frame.f_lineno
                source = linecache.getline(frame.f_code.co_filename, line).strip()
                leaving_a_with = source.startswith(("with ", "async with ")) and line in seen
                seen.add(line)
                if not leaving_a_with:
                    self.lines += 1
                    if self.lines == self.at:
                        raise KeyboardInterrupt
            return local

        return local


def _in_flight(limiter: RateLimiter) -> list[int]:
    counts = []
    for business in limiter.snapshot()["businesses"].values():
        counts += [business["in_flight"], *(op["in_flight"] for op in business["operations"].values())]
    return counts


def _clean(limiter: RateLimiter) -> None:
    """No lock held, no place taken, no one left waiting: once the interrupted call is gone (its
    frames may sit in a reference cycle with the exception until the garbage collector runs)."""
    assert limiter._lock.acquire(blocking=False), "the limiter's lock is still held"
    limiter._lock.release()
    if any(_in_flight(limiter)):
        gc.collect()
    assert not any(_in_flight(limiter)), limiter.snapshot()


def test_an_interrupt_at_any_line_of_a_sync_call_leaves_the_limits_clean() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=OK, headers={"X-RateLimit-Resource-Remaining": "5"})

    client = mock_client(handler, max_retries=0, rate_limiter=RateLimiter(budget=HourlyBudget(10_000)))
    limiter = client.rate_limiter
    at = 0
    while True:
        at += 1
        tracer = _Tracer(at)
        sys.settrace(tracer)
        try:
            send_message_to_chat.sync(1, client=client, chat_id=7, body=MESSAGE)
        except KeyboardInterrupt:
            pass
        finally:
            sys.settrace(None)
        _clean(limiter)
        if tracer.lines < at:
            break  # the call ran to its end without reaching line `at`: every line was tried
    assert at > 100  # (the tracer did see the call)
    finished = threading.Event()

    def after() -> None:
        send_message_to_chat.sync(1, client=client, chat_id=7, body=MESSAGE)
        finished.set()

    threading.Thread(target=after, daemon=True).start()
    assert finished.wait(10), "a call after the interrupts blocked"


@pytest.mark.parametrize("shape", ["holds itself", "nested 100,000 deep"])
def test_an_argument_that_holds_itself_or_nests_too_deeply_is_refused_by_name(mode: str, shape: str) -> None:
    # createChat, named (so not in test_validation.py, which the renamed spec runs): its `context`
    # is the one object argument a caller builds by hand.
    if shape == "holds itself":
        context: dict[str, Any] = {"type": "ORDER", "id": 5}
        context["self"] = context
    else:
        context = {"type": "ORDER", "id": 5}
        node = context
        for _ in range(100_000):
            node["next"] = {}
            node = node["next"]
    sent: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, json={"status": "OK"})

    def sync() -> None:
        chat = YandexMarketChat(
            FAKE_KEY, business_id=1, http_client=httpx.Client(transport=httpx.MockTransport(handler))
        )
        chat.create_chat(context=context)  # type: ignore[arg-type]

    async def asynchronous() -> None:
        http = httpx.AsyncClient(transport=httpx.MockTransport(handler))
        async with AsyncYandexMarketChat(FAKE_KEY, business_id=1, http_client=http) as chat:
            await chat.create_chat(context=context)  # type: ignore[arg-type]

    with pytest.raises(InvalidRequestError) as caught:
        run(mode, sync, asynchronous)
    assert caught.value.field == "context"
    assert sent == []
