"""Bad arguments of the hand-named operations, refused by name before any cost (no place in flight,
no budget unit, no byte sent): text where bytes belong, multipart header injection through a
mime type or file name, createChat contexts, missing or closed files, a business id, limiter
settings, arguments that hold themselves; a file is sent as it was checked. (The limits the spec
writes, for every operation: tests/test_validation.py.)"""

from __future__ import annotations

import asyncio
import io
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from conftest import FAKE_KEY, run
from loopback import RawServer, response
from loopback_calls import OK, ActingLimiter, call, raw_client
from ratelimit.support import MarketSim
from yandex_market_chat import (
    AsyncYandexMarketChat,
    File,
    HourlyBudget,
    InvalidRequestError,
    RateLimiter,
    YandexMarketChat,
)
from yandex_market_chat.api.chats import send_file_to_chat
from yandex_market_chat.models import (
    SendFileToChatRequest,
)

# --- all checks before any cost ------------------------------------------------------------------


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


# --- mime_type and file_name cannot inject multipart headers -------------------------------------


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


# --- clear errors for the remaining raw ones -----------------------------------------------------


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
        client = raw_client(server.url, rate_limiter=ActingLimiter(change_the_file))
        body = SendFileToChatRequest(file=File(payload=file, file_name="log.txt"))
        call(mode, send_file_to_chat, client, body=body)
    (sent,) = server.received
    assert checked in sent.body and (change is None or change not in sent.body)


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
