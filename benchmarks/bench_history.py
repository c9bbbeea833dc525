"""Reading a long chat history: the client's page iterator vs bare httpx paging by hand.

The loopback server holds a finished chat of HISTORY_MESSAGES messages (tests/market_store.py). Every
contender reads all of it, PAGE_LIMIT messages a page, over its own keep-alive connection:
- bare httpx (the floor) pages by hand the way the API's paging asks: POST
  /v2/businesses/1/chats/history?chatId=3&limit=100 with the body `{}`, then the same request with
  `pageToken=<result.paging.nextPageToken>` added, until an answer has no next token; each answer's
  status is checked and its JSON parsed, and every field of every message that the iterator gives
  (messageId, createdAt, sender, message, payload with its name, size and url) is read;
- ours iterates `get_chat_history(chat_id=3, limit=100)` of YandexMarketChat (`for`) or
  AsyncYandexMarketChat (`async for`) and reads the same fields of each ChatMessageDTO. On top of
  the floor's work it checks each request against the spec, goes through the rate limiter,
  parses each message into a model (createdAt into an aware datetime, sender into an enum) and
  de-duplicates messages by messageId across pages.
Rounds alternate the contenders as in bench_calls; the ratio is the median of the per-round ratios.
"""

from __future__ import annotations

from typing import Any

import httpx
from bench_calls import AsyncCall, Result, SyncCall, run_async, run_sync
from bench_util import BUSINESS_ID, FAKE_KEY, HISTORY_CHAT_ID, HISTORY_MESSAGES
from yandex_market_chat import AsyncYandexMarketChat, YandexMarketChat

PAGE_LIMIT = 100
"""The largest page getChatHistory allows: what a reader of a whole history asks for."""
HISTORY_PATH = f"/v2/businesses/{BUSINESS_ID}/chats/history"

SYNC_FLOOR = "httpx.Client, paging by hand (floor)"
SYNC_OURS = "yandex_market_chat: YandexMarketChat iterator"
ASYNC_FLOOR = "httpx.AsyncClient, paging by hand (floor)"
ASYNC_OURS = "yandex_market_chat: AsyncYandexMarketChat async for"


def read_json_message(message: dict[str, Any]) -> int:
    """What the bare contender does with each message: read every field the iterator gives. One
    call per message, as read_model_message is for ours: both sides do the same work around it."""
    fields: list[Any] = [
        message["messageId"],
        message["createdAt"],
        message["sender"],
        message.get("message"),
    ]
    for item in message.get("payload") or ():
        fields += (item["name"], item["size"], item["url"])
    return len(fields) > 0


def read_model_message(message: Any) -> int:
    """The same, for one of our ChatMessageDTO."""
    fields: list[Any] = [message.message_id, message.created_at, message.sender, message.message]
    for item in message.payload or ():
        fields += (item.name, item.size, item.url)
    return len(fields) > 0


def next_token(answer: dict[str, Any]) -> str | None:
    paging = answer["result"].get("paging") or {}
    token = paging.get("nextPageToken")
    return token if isinstance(token, str) and token else None


def checked(count: int) -> int:
    if count != HISTORY_MESSAGES:
        raise RuntimeError(f"read {count} messages, expected {HISTORY_MESSAGES}")
    return count


def history_sync(base_url: str, rounds: int) -> list[Result]:
    url = base_url + HISTORY_PATH
    bare = httpx.Client(headers={"Api-Key": FAKE_KEY})
    chat = YandexMarketChat(api_key=FAKE_KEY, business_id=BUSINESS_ID, base_url=base_url, max_retries=0)

    def bare_read() -> object:
        params: dict[str, Any] = {"chatId": HISTORY_CHAT_ID, "limit": PAGE_LIMIT}
        count = 0
        while True:
            response = bare.post(url, params=params, json={})
            response.raise_for_status()
            answer = response.json()
            for message in answer["result"]["messages"]:
                count += read_json_message(message)
            token = next_token(answer)
            if token is None:
                return checked(count)
            params = {**params, "pageToken": token}

    def our_read() -> object:
        count = 0
        for message in chat.get_chat_history(chat_id=HISTORY_CHAT_ID, limit=PAGE_LIMIT):
            count += read_model_message(message)
        return checked(count)

    contenders: dict[str, SyncCall] = {SYNC_FLOOR: bare_read, SYNC_OURS: our_read}
    try:
        return run_sync(contenders, rounds, 1)
    finally:
        bare.close()
        chat.close()


async def history_async(base_url: str, rounds: int) -> list[Result]:
    url = base_url + HISTORY_PATH
    bare = httpx.AsyncClient(headers={"Api-Key": FAKE_KEY})
    chat = AsyncYandexMarketChat(api_key=FAKE_KEY, business_id=BUSINESS_ID, base_url=base_url, max_retries=0)

    async def bare_read() -> object:
        params: dict[str, Any] = {"chatId": HISTORY_CHAT_ID, "limit": PAGE_LIMIT}
        count = 0
        while True:
            response = await bare.post(url, params=params, json={})
            response.raise_for_status()
            answer = response.json()
            for message in answer["result"]["messages"]:
                count += read_json_message(message)
            token = next_token(answer)
            if token is None:
                return checked(count)
            params = {**params, "pageToken": token}

    async def our_read() -> object:
        count = 0
        async for message in chat.get_chat_history(chat_id=HISTORY_CHAT_ID, limit=PAGE_LIMIT):
            count += read_model_message(message)
        return checked(count)

    contenders: dict[str, AsyncCall] = {ASYNC_FLOOR: bare_read, ASYNC_OURS: our_read}
    try:
        return await run_async(contenders, rounds, 1, concurrency=1)
    finally:
        await bare.aclose()
        await chat.close()


def main(argv: list[str] | None = None) -> int:
    """Row 7 alone (`.venv/bin/python benchmarks/bench_history.py [--rounds N]`), to measure a
    change to parsing without the whole table."""
    import argparse
    import asyncio

    from bench_util import LoopbackServer

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("--rounds", type=int, default=30, help="rounds of each (default: %(default)s)")
    rounds: int = parser.parse_args(argv).rounds
    with LoopbackServer() as server:
        for mode, results in (
            ("sync", history_sync(server.base_url, rounds)),
            ("async", asyncio.run(history_async(server.base_url, rounds))),
        ):
            for result in results:
                low, high = result.spread
                print(
                    f"{mode:5} {result.name:45} {result.per_call * 1e3:8.2f} ms"
                    f"  {result.ratio:.2f}x ({low:.2f}-{high:.2f})"
                )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
