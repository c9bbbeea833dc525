"""The polling bot: answer every buyer message once, under the service's quotas scaled to seconds.

The fake Market (tests/fake_market.py) enforces per-operation quotas in aligned WINDOW-second windows,
in the proportions of the real hourly limits (getChats 5,000, getChatHistory 10,000,
sendMessageToChat 1,000 per hour, here QUOTAS per WINDOW seconds), PARALLEL requests in flight per
business and LATENCY seconds per request, and answers 420 over any of them. Its bot scenario opens
CHATS chats in which MESSAGES buyer messages each arrive at random moments over SPREAD seconds:
more messages than the send quota lets through as they come, so the client has to hold its sends.

The bot is what the API's guide describes, with the client's defaults (limits and retries on):
1. `get_chats(statuses=["WAITING_FOR_PARTNER"])`, iterating every page;
2. for each such chat, `get_chat_history(chat_id=..., after_message_id=<last message seen>)`;
3. `send_message_to_chat` for each new buyer message (`re:<messageId> ...`, so the server can
   tell which message it answers), then read the history again (a buyer may have written while
   it answered: the chat then no longer waits for the seller, but its history shows it) until no
   new buyer message comes;
4. when a round found nothing, sleep POLL_INTERVAL seconds.
It stops once every scheduled message has arrived and a round finds nothing to answer (or after
DEADLINE seconds). The server counts: 420s per operation, messages never answered (missed),
messages answered more than once, and when each answer came.

Pace: the time the last answer came, against the ideal: the last moment a sender that knew the
arrivals and the rules in advance could have answered the last message (answers not before their
message, at most the send quota per window, PARALLEL at a time, LATENCY each).
"""

from __future__ import annotations

import asyncio
import heapq
import json
import math
import statistics
import tempfile
import threading
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
from bench_util import FAKE_KEY, HOURLY_LIMITS, LoopbackServer
from yandex_market_chat import AsyncYandexMarketChat, YandexMarketChat

BUSINESS = 1
WINDOW = 2.0
QUOTAS = {
    name: HOURLY_LIMITS[name] // 100
    for name in ("getChats", "getChatHistory", "getChatMessage", "sendMessageToChat")
}
"""Per WINDOW seconds, for the operations the bots use: the spec's hourly limits (5,000 / 10,000 /
1,000 / 1,000) in the same proportions."""
NOTIFY_EVERY = 0.005
"""How often the notified run's Market stand-in asks the server for new buyer messages."""
PARALLEL = 4
LATENCY = 0.02
CHATS = 6
MESSAGES = 8
SPREAD = 5.0
"""Seconds over which the buyer messages arrive: 48 messages in 5 s, against 5 sends a second."""
POLL_INTERVAL = 0.1
DEADLINE = 60.0
SEED = 20261130
CUSTOMER = "CUSTOMER"


def server_options() -> tuple[str, ...]:
    options = ["--quota", "1000", "--window", str(WINDOW), "--parallel", str(PARALLEL)]
    options += ["--delay", str(LATENCY)]
    for operation, quota in QUOTAS.items():
        options += ["--quota-for", f"{operation}={quota}"]
    return tuple(options)


@dataclass
class BotResult:
    label: str
    scheduled: int
    answered: int
    missed: int
    twice: int
    stray: int
    limited: dict[str, int]
    requests: dict[str, int]
    last_answer: float
    """Seconds from the scenario's start to the last answer."""
    ideal: float
    delay_median: float
    delay_p99: float
    delay_max: float
    rounds: int

    @property
    def pace(self) -> float:
        return self.ideal / self.last_answer if self.last_answer > 0 else 0.0

    @property
    def limited_total(self) -> int:
        return sum(self.limited.values())


def ideal_last_answer(arrivals: list[float], start: float) -> float:
    """The earliest moment (from `start`) by which every message could have been answered."""
    quota = QUOTAS["sendMessageToChat"]
    free_at = [start] * PARALLEL
    used: dict[float, int] = {}
    end = start
    for arrival in sorted(arrivals):
        at = max(heapq.heappop(free_at), arrival)
        while True:
            window_start = math.floor(at / WINDOW) * WINDOW
            if used.get(window_start, 0) < quota:
                break
            at = window_start + WINDOW
        used[window_start] = used.get(window_start, 0) + 1
        heapq.heappush(free_at, at + LATENCY)
        end = max(end, at + LATENCY)
    return end - start


def start_scenario(server: LoopbackServer) -> dict[str, Any]:
    server.reset()
    query = f"chats={CHATS}&messages={MESSAGES}&spread={SPREAD}&seed={SEED}"
    return server._call("POST", f"/_bench/bot?{query}")


def finish(label: str, server: LoopbackServer, started: dict[str, Any], rounds: int) -> BotResult:
    stats = server.stats()
    store, counts = stats["store"], stats["counts"]
    start = float(started["started"])
    delays = store["answer_delays"] or [0.0]
    arrivals = [start + float(offset) for offset in store["arrival_offsets"]]
    return BotResult(
        label=label,
        scheduled=int(store["scheduled"]),
        answered=int(store["answered"]),
        missed=int(store["scheduled"]) - int(store["answered"]),
        twice=int(store["answered_twice"]),
        stray=int(store["stray_answers"]),
        limited={
            name.split(":", 1)[1]: int(value) for name, value in counts.items() if name.startswith("420:")
        },
        requests={
            name.split(":", 1)[1]: int(value)
            for name, value in counts.items()
            if name.startswith("requests:")
        },
        last_answer=(store["last_answer"] or start) - start,
        ideal=ideal_last_answer(arrivals, start),
        delay_median=statistics.median(delays),
        delay_p99=sorted(delays)[min(len(delays) - 1, int(0.99 * len(delays)))],
        delay_max=max(delays),
        rounds=rounds,
    )


def reply(message_id: int) -> str:
    return f"re:{message_id} thank you, your parcel is on its way"


def run_sync(server: LoopbackServer) -> BotResult:
    """The bot on YandexMarketChat."""
    chat = YandexMarketChat(api_key=FAKE_KEY, business_id=BUSINESS, base_url=server.base_url)
    seen: dict[int, int] = {}
    """Chat id -> the newest message id the bot has read in it."""
    rounds = 0
    started = start_scenario(server)
    ends = float(started["started"]) + SPREAD
    deadline = time.time() + DEADLINE
    try:
        while time.time() < deadline:
            rounds += 1
            round_started = time.time()
            answered = 0
            for info in chat.get_chats(statuses=["WAITING_FOR_PARTNER"]):
                while True:  # read again after answering: a buyer may have written meanwhile
                    after = seen.get(info.chat_id)
                    if after is None:
                        messages = list(chat.get_chat_history(chat_id=info.chat_id))
                    else:
                        messages = list(chat.get_chat_history(chat_id=info.chat_id, after_message_id=after))
                    if not messages:
                        break
                    seen[info.chat_id] = max(message.message_id for message in messages)
                    new = [message for message in messages if message.sender == CUSTOMER]
                    for message in new:
                        chat.send_message_to_chat(chat_id=info.chat_id, message=reply(message.message_id))
                    answered += len(new)
                    if not new:
                        break
            if answered == 0:
                if round_started > ends:
                    break  # every message had arrived before this round began, and none was new
                time.sleep(POLL_INTERVAL)
    finally:
        chat.close()
    return finish("sync: YandexMarketChat", server, started, rounds)


async def run_async(server: LoopbackServer) -> BotResult:
    """The same bot on AsyncYandexMarketChat."""
    chat = AsyncYandexMarketChat(api_key=FAKE_KEY, business_id=BUSINESS, base_url=server.base_url)
    seen: dict[int, int] = {}
    rounds = 0
    started = await asyncio.to_thread(start_scenario, server)
    ends = float(started["started"]) + SPREAD
    deadline = time.time() + DEADLINE
    try:
        while time.time() < deadline:
            rounds += 1
            round_started = time.time()
            answered = 0
            async for info in chat.get_chats(statuses=["WAITING_FOR_PARTNER"]):
                while True:
                    after = seen.get(info.chat_id)
                    if after is None:
                        pager = chat.get_chat_history(chat_id=info.chat_id)
                    else:
                        pager = chat.get_chat_history(chat_id=info.chat_id, after_message_id=after)
                    messages = [message async for message in pager]
                    if not messages:
                        break
                    seen[info.chat_id] = max(message.message_id for message in messages)
                    new = [message for message in messages if message.sender == CUSTOMER]
                    for message in new:
                        await chat.send_message_to_chat(
                            chat_id=info.chat_id, message=reply(message.message_id)
                        )
                    answered += len(new)
                    if not new:
                        break
            if answered == 0:
                if round_started > ends:
                    break
                await asyncio.sleep(POLL_INTERVAL)
    finally:
        await chat.close()
    return await asyncio.to_thread(finish, "async: AsyncYandexMarketChat", server, started, rounds)


def run_notified(server: LoopbackServer) -> BotResult:
    """The same scenario answered from notifications, as examples/notification_bot.py does: a
    stand-in of the Market posts CHAT_MESSAGE_SENT to the receiver (bench_receiver's, under uvicorn,
    recording in a SqliteInbox) as each buyer message arrives; a NotificationBot on YandexMarketChat
    reads the message (getChatMessage) and answers it. No catch-up: every message is notified."""
    from bench_receiver import Server as ReceiverServer
    from yandex_market_chat import NotificationBot, SqliteInbox
    from yandex_market_chat.models import ChatMessageDTO
    from yandex_market_chat.notifications import ChatMessageSentNotification, parse_notification

    chat = YandexMarketChat(api_key=FAKE_KEY, business_id=BUSINESS, base_url=server.base_url)
    with tempfile.TemporaryDirectory() as scratch:
        inbox_path = str(Path(scratch) / "inbox.sqlite3")
        receiver = ReceiverServer("ours", inbox_path)
        bot = NotificationBot(SqliteInbox(inbox_path), parse_notification, chat, fetch_chat_context=False)

        @bot.on("CHAT_MESSAGE_SENT")
        def answer(notification: ChatMessageSentNotification, chat: YandexMarketChat) -> None:
            chat_id, message_id = notification.chat_id, notification.message_id
            found = chat.get_chat_message(chat_id=chat_id, message_id=message_id).result
            if isinstance(found, ChatMessageDTO) and found.sender == CUSTOMER:
                chat.send_message_to_chat(chat_id=chat_id, message=reply(message_id))

        stop = threading.Event()
        worker = threading.Thread(
            target=bot.run, args=(stop,), kwargs={"idle_seconds": 0.005, "catch_up_seconds": None}
        )
        started = start_scenario(server)
        worker.start()
        deadline = time.time() + DEADLINE
        notified = 0
        try:
            with httpx.Client(timeout=10) as market:
                while time.time() < deadline:
                    for chat_id, message_id in arrivals(server):
                        body = {
                            "notificationType": "CHAT_MESSAGE_SENT",
                            "chatId": chat_id,
                            "messageId": str(message_id),
                            "businessId": BUSINESS,
                            "sentAt": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                        }
                        posted = market.post(receiver.url, json=body)
                        assert posted.status_code == 200, posted.text
                        notified += 1
                    if notified >= CHATS * MESSAGES and server.stats()["store"]["answered"] >= notified:
                        break
                    time.sleep(NOTIFY_EVERY)
        finally:
            stop.set()
            worker.join(30)
            receiver.stop()
            chat.close()
    return finish("notified: Receiver + NotificationBot", server, started, 0)


def arrivals(server: LoopbackServer) -> list[tuple[int, int]]:
    """The buyer messages that arrived since the last call: (chat id, message id)."""
    request = urllib.request.Request(server.base_url + "/_bench/arrivals", method="POST", data=b"")
    with urllib.request.urlopen(request, timeout=5) as answer:
        return [(int(chat_id), int(message_id)) for chat_id, message_id in json.load(answer)]


def bot_runs() -> list[BotResult]:
    """The polling bot, sync then async, then the notified bot, each against a fresh scenario on one
    quota-enforcing server."""
    with LoopbackServer(*server_options()) as server:
        return [run_sync(server), asyncio.run(run_async(server)), run_notified(server)]
