"""Thousands of async calls waiting for a place: how the in-flight cap hands places on.

WAITERS calls of sendMessageToChat are started at once against the loopback server, which answers
at once; at most 4 are in flight (the service's limit), so all the others wait for a place. The
floor is bare httpx with an asyncio.Semaphore(4), which wakes one waiter per release. Ours is an
AsyncYandexMarketChat with its defaults (a RateLimiter of max_in_flight=4). Rounds alternate the
order of the two; the ratio is the median over the rounds of ours / the floor's in the same round.
A call that fails (an APITimeoutError waiting for a place, say) is counted, not hidden.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass

import httpx
from bench_util import BUSINESS_ID, CHAT_ID, FAKE_KEY, MESSAGE, median, quartiles
from yandex_market_chat import AsyncYandexMarketChat, YandexMarketError, _line

WAITERS = 2000
FLOOR = "httpx.AsyncClient + asyncio.Semaphore(4) (floor)"
OURS = "yandex_market_chat: AsyncYandexMarketChat"


@dataclass
class WaitersRun:
    floor_seconds: float
    """Median seconds for the whole batch, the floor."""
    ours_seconds: float
    ratio: float
    spread: tuple[float, float]
    failed: int
    """Calls of ours that raised, over every round."""
    wakes_per_call: float
    """Waiting tasks woken per call of ours (one round, counted apart from the timed ones)."""


async def _floor_batch(base_url: str, calls: int) -> float:
    url = base_url + f"/v2/businesses/{BUSINESS_ID}/chats/message"
    limit = asyncio.Semaphore(4)
    async with httpx.AsyncClient(headers={"Api-Key": FAKE_KEY}) as bare:

        async def one() -> None:
            async with limit:
                response = await bare.post(url, params={"chatId": CHAT_ID}, json={"message": MESSAGE})
            response.raise_for_status()
            response.json()

        started = time.perf_counter()
        await asyncio.gather(*(one() for _ in range(calls)))
        return time.perf_counter() - started


async def _our_batch(base_url: str, calls: int) -> tuple[float, int]:
    chat = AsyncYandexMarketChat(api_key=FAKE_KEY, business_id=BUSINESS_ID, base_url=base_url, max_retries=0)
    try:
        started = time.perf_counter()
        outcomes = await asyncio.gather(
            *(chat.send_message_to_chat(chat_id=CHAT_ID, message=MESSAGE) for _ in range(calls)),
            return_exceptions=True,
        )
        seconds = time.perf_counter() - started
    finally:
        await chat.close()
    errors = [outcome for outcome in outcomes if isinstance(outcome, BaseException)]
    for error in errors:
        if not isinstance(error, YandexMarketError):
            raise error
    return seconds, len(errors)


async def _count_wakes(base_url: str, calls: int) -> int:
    """One untimed batch of ours with the limiter's wake-ups counted."""
    wakes = 0
    real = _line.wake

    def counting(waiter: asyncio.Future[None]) -> None:
        nonlocal wakes
        wakes += 1
        real(waiter)

    _line.wake = counting
    try:
        await _our_batch(base_url, calls)
    finally:
        _line.wake = real
    return wakes


async def waiter_runs(base_url: str, rounds: int, calls: int = WAITERS) -> WaitersRun:
    await _floor_batch(base_url, 50)  # warm up: lazy imports, the server's first connections
    await _our_batch(base_url, 50)
    floors, ours, ratios = [], [], []
    failed = 0
    for index in range(rounds):
        if index % 2 == 0:
            floor = await _floor_batch(base_url, calls)
            mine, lost = await _our_batch(base_url, calls)
        else:
            mine, lost = await _our_batch(base_url, calls)
            floor = await _floor_batch(base_url, calls)
        floors.append(floor)
        ours.append(mine)
        ratios.append(mine / floor)
        failed += lost
    wakes = await _count_wakes(base_url, calls)
    return WaitersRun(median(floors), median(ours), median(ratios), quartiles(ratios), failed, wakes / calls)
