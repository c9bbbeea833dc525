"""Per-call cost of sendMessageToChat: yandex_market_chat vs bare httpx vs ya-market-api.

Each contender keeps its own connection pool (keep-alive) and sends the same request: POST
/v2/businesses/1/chats/message?chatId=2 with `{"message": ...}` and an Api-Key header, then reads
the JSON answer. The contenders run in rounds; in each round every contender sends one batch
of calls, in an order that rotates from round to round, so that a slow patch of the machine hits
them all alike. The result per contender is the median time per call over the rounds and the
median over the rounds of its time divided by bare httpx's time in the same round.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any

import httpx
from bench_util import BUSINESS_ID, CHAT_ID, FAKE_KEY, MESSAGE, OK_BODY, median, quartiles
from yandex_market_chat import AsyncYandexMarketChat, AuthenticatedClient, YandexMarketChat
from yandex_market_chat.api.chats import send_message_to_chat
from yandex_market_chat.models.send_message_to_chat_request import SendMessageToChatRequest

SyncCall = Callable[[], object]
AsyncCall = Callable[[], Awaitable[object]]
MESSAGE_PATH = f"/v2/businesses/{BUSINESS_ID}/chats/message"


@dataclass
class Result:
    name: str
    per_call: float
    """Median seconds per call over the rounds."""
    ratio: float
    """Median over the rounds of (this contender's time / the first contender's time)."""
    spread: tuple[float, float]
    """The quartiles of those per-round ratios: how much the machine's noise moved them."""


def summarize(names: Sequence[str], per_round: list[dict[str, float]]) -> list[Result]:
    floor = names[0]
    results = []
    for name in names:
        ratios = [round_[name] / round_[floor] for round_ in per_round]
        results.append(
            Result(name, median([round_[name] for round_ in per_round]), median(ratios), quartiles(ratios))
        )
    return results


def run_sync(contenders: dict[str, SyncCall], rounds: int, batch: int) -> list[Result]:
    """Time `batch` sequential calls per contender per round; the first contender is the floor."""
    names = list(contenders)
    for call in contenders.values():  # warm up: connections, caches, lazy imports
        for _ in range(max(10, batch // 10)):
            call()
    per_round: list[dict[str, float]] = []
    for index in range(rounds):
        timings: dict[str, float] = {}
        shift = index % len(names)
        for name in names[shift:] + names[:shift]:
            call = contenders[name]
            started = time.perf_counter()
            for _ in range(batch):
                call()
            timings[name] = (time.perf_counter() - started) / batch
        per_round.append(timings)
    return summarize(names, per_round)


async def run_async(
    contenders: dict[str, AsyncCall], rounds: int, batch: int, concurrency: int
) -> list[Result]:
    """Like run_sync, with each batch spread over `concurrency` tasks that call one after another."""
    names = list(contenders)
    each = batch // concurrency

    async def worker(call: AsyncCall) -> None:
        for _ in range(each):
            await call()

    async def one_batch(call: AsyncCall) -> float:
        started = time.perf_counter()
        await asyncio.gather(*(worker(call) for _ in range(concurrency)))
        return (time.perf_counter() - started) / (each * concurrency)

    for call in contenders.values():
        await one_batch(call)
    per_round: list[dict[str, float]] = []
    for index in range(rounds):
        timings: dict[str, float] = {}
        shift = index % len(names)
        for name in names[shift:] + names[:shift]:
            timings[name] = await one_batch(contenders[name])
        per_round.append(timings)
    return summarize(names, per_round)


def check(response: httpx.Response) -> None:
    """What a careful user of bare httpx does with the answer: check the status, parse the JSON."""
    response.raise_for_status()
    if response.json()["status"] != "OK":
        raise RuntimeError(f"unexpected answer {response.text!r}")


def body() -> SendMessageToChatRequest:
    return SendMessageToChatRequest(message=MESSAGE)


# --- over the loopback server -------------------------------------------------------------------


def try_ya_market_api(base_url: str) -> SyncCall | None:
    """ya-market-api's own call for sendMessageToChat, pointed at the loopback server (None when
    it is not installed: it comes with the `bench` extra)."""
    try:
        from ya_market_api.chat.dataclass import ChatMessageCreateTextRequest
        from ya_market_api.sync_api import SyncAPI
    except ImportError:
        return None
    api: Any = SyncAPI.build(FAKE_KEY, base_url=base_url, business_id=BUSINESS_ID)

    def call() -> object:
        return api.chat.create_chat_message_text(
            ChatMessageCreateTextRequest(chat_id=CHAT_ID, message=MESSAGE)
        )

    return call


def sync_calls(
    base_url: str,
    transport: httpx.BaseTransport | None,
    floor: str,
    rounds: int,
    batch: int,
    others: dict[str, SyncCall] | None = None,
) -> list[Result]:
    """Bare httpx (the floor, named `floor`), our module function and our client object, plus
    `others`, all sending through `transport` (None: real sockets)."""
    url = base_url + MESSAGE_PATH
    bare = httpx.Client(transport=transport, headers={"Api-Key": FAKE_KEY})
    low = AuthenticatedClient(token=FAKE_KEY, base_url=base_url, max_retries=0)
    low.set_httpx_client(httpx.Client(transport=transport))
    chat = YandexMarketChat(
        api_key=FAKE_KEY,
        business_id=BUSINESS_ID,
        base_url=base_url,
        max_retries=0,
        http_client=httpx.Client(transport=transport),
    )

    def bare_call() -> object:
        response = bare.post(url, params={"chatId": CHAT_ID}, json={"message": MESSAGE})
        check(response)
        return response

    def module_call() -> object:
        return send_message_to_chat.sync(BUSINESS_ID, client=low, body=body(), chat_id=CHAT_ID)

    def object_call() -> object:
        return chat.send_message_to_chat(chat_id=CHAT_ID, message=MESSAGE)

    contenders: dict[str, SyncCall] = {
        floor: bare_call,
        "yandex_market_chat: send_message_to_chat.sync()": module_call,
        "yandex_market_chat: YandexMarketChat": object_call,
        **(others or {}),
    }
    try:
        return run_sync(contenders, rounds, batch)
    finally:
        bare.close()
        low.close()
        chat.close()


async def async_calls(
    base_url: str,
    transport: httpx.AsyncBaseTransport | None,
    floor: str,
    rounds: int,
    batch: int,
    concurrency: int,
) -> list[Result]:
    """The async twin of sync_calls, each batch spread over `concurrency` tasks."""
    url = base_url + MESSAGE_PATH
    bare = httpx.AsyncClient(transport=transport, headers={"Api-Key": FAKE_KEY})
    low = AuthenticatedClient(token=FAKE_KEY, base_url=base_url, max_retries=0)
    low.set_async_httpx_client(httpx.AsyncClient(transport=transport))
    chat = AsyncYandexMarketChat(
        api_key=FAKE_KEY,
        business_id=BUSINESS_ID,
        base_url=base_url,
        max_retries=0,
        http_client=httpx.AsyncClient(transport=transport),
    )

    async def bare_call() -> object:
        response = await bare.post(url, params={"chatId": CHAT_ID}, json={"message": MESSAGE})
        check(response)
        return response

    async def module_call() -> object:
        return await send_message_to_chat.asyncio(BUSINESS_ID, client=low, body=body(), chat_id=CHAT_ID)

    async def object_call() -> object:
        return await chat.send_message_to_chat(chat_id=CHAT_ID, message=MESSAGE)

    contenders: dict[str, AsyncCall] = {
        floor: bare_call,
        "yandex_market_chat: send_message_to_chat.asyncio()": module_call,
        "yandex_market_chat: AsyncYandexMarketChat": object_call,
    }
    try:
        return await run_async(contenders, rounds, batch, concurrency)
    finally:
        await bare.aclose()
        await low.aclose()
        await chat.close()


def loopback_sync(base_url: str, rounds: int, batch: int) -> tuple[list[Result], bool]:
    """Sync calls over loopback; the bool says whether ya-market-api took part."""
    other = try_ya_market_api(base_url)
    others = {"ya-market-api 3.0.0 (requests)": other} if other is not None else {}
    return sync_calls(base_url, None, "httpx.Client (floor)", rounds, batch, others), other is not None


async def loopback_async(base_url: str, rounds: int, batch: int, concurrency: int) -> list[Result]:
    return await async_calls(base_url, None, "httpx.AsyncClient (floor)", rounds, batch, concurrency)


# --- in process: httpx.MockTransport, no socket ---------------------------------------------------

RATE_HEADERS = {
    "Content-Type": "application/json;charset=utf-8",
    "X-RateLimit-Resource-Limit": "1000",
    "X-RateLimit-Resource-Remaining": "999",
    "X-RateLimit-Resource-Until": "Thu, 10 Jul 2025 01:00:00 GMT",
}


def answer(request: httpx.Request) -> httpx.Response:
    """The MockTransport handler: the API's 200 answer to every request."""
    return httpx.Response(200, content=OK_BODY, headers=RATE_HEADERS)


def in_process_sync(rounds: int, batch: int) -> list[Result]:
    transport = httpx.MockTransport(answer)
    return sync_calls("http://api.invalid", transport, "httpx.Client + MockTransport (floor)", rounds, batch)


async def in_process_async(rounds: int, batch: int) -> list[Result]:
    transport = httpx.MockTransport(answer)
    floor = "httpx.AsyncClient + MockTransport (floor)"
    return await async_calls("http://api.invalid", transport, floor, rounds, batch, concurrency=1)
