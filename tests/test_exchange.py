"""One attempt on the wire, against raw loopback servers that write exactly the bytes a test gives:
nothing raw after an answer (broken encodings, nested JSON, absurd dates), bounded answers
(compression bombs, the size cap), `timeout` bounding the whole attempt (a dripping server, the wait
for a place, every connect, read and write) and never unlimited, redirects that loop or cannot be
followed, and failures of the HTTP layer before or after bytes left: each a typed error with the
right `may_have_been_delivered`."""

from __future__ import annotations

import asyncio
import concurrent.futures
import gzip
import inspect
import time
import tracemalloc
import zlib
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from conftest import FAKE_KEY, mock_client
from httpcore._backends.anyio import AnyIOBackend, AnyIOStream
from httpcore._backends.sync import SyncBackend, SyncStream
from loopback import RawServer, Received, response
from loopback_calls import MESSAGE, OK, call, raw_client
from ratelimit.support import MarketSim
from yandex_market_chat import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AsyncYandexMarketChat,
    AuthenticatedClient,
    InternalServerError,
    InvalidRequestError,
    RateLimiter,
    RateLimitError,
    Response,
    ResponseValidationError,
    YandexMarketChat,
    _arguments,
    _exchange,
    _pipeline,
)
from yandex_market_chat._limits import PlaceRequest
from yandex_market_chat._windows import Place
from yandex_market_chat.api.chats import create_chat, send_message_to_chat

# --- nothing raw after an answer -----------------------------------------------------------------

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


# --- bounded answers -----------------------------------------------------------------------------


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


# --- `timeout` bounds the whole attempt ----------------------------------------------------------


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


LEFT = 5.0
"""Seconds of the attempt a LatePlaces limiter leaves a call: far less than its timeout (60 s)."""


class LatePlaces(RateLimiter):
    """Hands a call its place with LEFT seconds of the attempt left, as if the wait for the place
    had taken the rest of the call's timeout."""

    def acquire(self, wanted: PlaceRequest) -> Place:
        place = super().acquire(wanted)
        place.deadline = time.monotonic() + LEFT
        return place

    async def aacquire(self, wanted: PlaceRequest) -> Place:
        return self.acquire(wanted)


SOCKET_CALLS = [
    (SyncBackend, "connect_tcp", "connect"),
    (SyncStream, "read", "read"),
    (SyncStream, "write", "write"),
    (AnyIOBackend, "connect_tcp", "connect"),
    (AnyIOStream, "read", "read"),
    (AnyIOStream, "write", "write"),
]
"""Where httpcore's own backends under httpx's transports (sync; async on asyncio) wait on a socket."""


def test_every_connect_read_and_write_waits_at_most_what_is_left_of_the_attempt(
    mode: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    given: list[tuple[str, float | None]] = []
    for owner, method, phase in SOCKET_CALLS:
        original = getattr(owner, method)

        def recording(*args: Any, _original: Any = original, _phase: str = phase, **kwargs: Any) -> Any:
            timeout = inspect.signature(_original).bind(*args, **kwargs).arguments.get("timeout")
            given.append((_phase, timeout))
            return _original(*args, **kwargs)

        monkeypatch.setattr(owner, method, recording)
    with RawServer(lambda _: response(200, OK, {"Content-Type": "application/json"})) as server:
        call(mode, send_message_to_chat, raw_client(server.url, timeout=60.0, rate_limiter=LatePlaces()))
    assert {phase for phase, _ in given} == {"connect", "read", "write"}
    assert all(timeout is not None and timeout <= LEFT for _, timeout in given), given


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


# --- what httpx would do, with less work ---------------------------------------------------------


def test_a_cookie_an_answer_sets_goes_with_the_next_request(mode: str) -> None:
    # The package's own httpx clients read an answer's cookies only when it sets one: one that does
    # is kept as httpx keeps it, and sent again (by the same httpx client: one per event loop).
    answers = iter([response(200, OK, {"Set-Cookie": "session=abc; Path=/"}), response(200, OK)])
    with RawServer(lambda _: next(answers)) as server:
        client = raw_client(server.url)

        async def twice() -> None:
            for _ in range(2):
                await send_message_to_chat.asyncio_detailed(1, client=client, chat_id=7, body=MESSAGE)

        if mode == "sync":
            for _ in range(2):
                send_message_to_chat.sync_detailed(1, client=client, chat_id=7, body=MESSAGE)
        else:
            asyncio.run(twice())
    assert "cookie" not in server.received[0].headers
    assert server.received[1].headers.get("cookie") == "session=abc"


def test_the_query_is_written_as_httpx_writes_params() -> None:
    url = "http://127.0.0.1:1/v2/businesses/1/chats"
    params = {"on": True, "off": False, "ids": [1, 2], "none": [], "blank": None, "text": "a b&c=d/é", "n": 5}
    assert httpx.URL(_arguments.with_query(url, params)) == httpx.URL(url, params=params)


def test_a_query_value_that_cannot_be_written_is_refused_before_anything_is_sent() -> None:
    # (the operations refuse a lone surrogate in their own checks; this is the last line behind them)
    with pytest.raises(InvalidRequestError) as caught:
        _exchange.build(
            httpx.Client(), {"method": "GET", "url": "http://127.0.0.1:1/x", "params": {"q": "\ud800"}}
        )
    assert caught.value.field == "request" and "nothing was sent" in str(caught.value)
