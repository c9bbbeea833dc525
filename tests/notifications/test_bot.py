"""Issue #21 items 4-6 from the worker's side: handlers per type (sync and async) answering through
the real client against the fake chat API, once per event; retries, failed entries and replay from
the command line; CHAT_CREATED's context fetched once; catch-up through the same de-duplication."""

from __future__ import annotations

import json
import logging
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import Any, ClassVar

import pytest
from yandex_market_chat import AsyncYandexMarketChat, NotificationBot, SqliteInbox, YandexMarketChat
from yandex_market_chat.inbox import Parser
from yandex_market_chat.models import ChatMessageDTO, ChatMessageSenderType

from .conftest import wait_until
from .support import BUSINESS, FAKE_KEY, FakeMarket, notification


def client(market: FakeMarket) -> YandexMarketChat:
    return YandexMarketChat(api_key=FAKE_KEY, base_url=market.url, business_id=BUSINESS, max_retries=0)


def async_client(market: FakeMarket) -> AsyncYandexMarketChat:
    return AsyncYandexMarketChat(api_key=FAKE_KEY, base_url=market.url, business_id=BUSINESS, max_retries=0)


def record(inbox: SqliteInbox, parser: Parser, body: bytes) -> bool:
    """What the receiver does with a notification."""
    parsed = parser(body)
    return inbox.record(parsed.event_key, parsed.notification_type, body)


def answering_bot(inbox: SqliteInbox, parser: Parser, chat: Any, **options: Any) -> NotificationBot:
    bot = NotificationBot(inbox, parser, chat, backoff_seconds=0, **options)

    @bot.on("CHAT_MESSAGE_SENT")
    def answer(n: Any, chat: YandexMarketChat) -> None:
        message = chat.get_chat_message(chat_id=n.chat_id, message_id=n.message_id).result
        if isinstance(message, ChatMessageDTO) and message.sender == ChatMessageSenderType.CUSTOMER:
            chat.send_message_to_chat(chat_id=n.chat_id, message=f"answer to {n.message_id}")

    return bot


def drain(bot: NotificationBot) -> None:
    while bot.run_once():
        pass


def test_a_repeated_notification_is_answered_once(
    inbox: SqliteInbox, parser: Parser, market: FakeMarket
) -> None:
    message = market.buyer_writes(11)
    with client(market) as chat:
        bot = answering_bot(inbox, parser, chat)
        body = notification("CHAT_MESSAGE_SENT", chat_id=11, message_id=message)
        assert record(inbox, parser, body) is True
        drain(bot)
        assert record(inbox, parser, body) is False  # the Market sends it again after the answer
        drain(bot)
    assert market.answers == {message: 1}


def test_the_bots_own_message_is_not_answered(inbox: SqliteInbox, parser: Parser, market: FakeMarket) -> None:
    """CHAT_MESSAGE_SENT comes for every message, the seller's own too (the handler checks the sender)."""
    message = market.buyer_writes(11)
    with client(market) as chat:
        bot = answering_bot(inbox, parser, chat)
        record(inbox, parser, notification("CHAT_MESSAGE_SENT", chat_id=11, message_id=message))
        drain(bot)
        own = market.chats[11].messages[-1]["messageId"]
        record(inbox, parser, notification("CHAT_MESSAGE_SENT", chat_id=11, message_id=own))
        drain(bot)
    assert market.calls["sendMessageToChat"] == 1


async def test_an_async_handler_with_the_async_client(
    inbox: SqliteInbox, parser: Parser, market: FakeMarket
) -> None:
    message = market.buyer_writes(12)
    async with async_client(market) as chat:
        bot = NotificationBot(inbox, parser, chat)

        @bot.on("CHAT_MESSAGE_SENT")
        async def answer(n: Any, chat: AsyncYandexMarketChat) -> None:
            await chat.get_chat_message(chat_id=n.chat_id, message_id=n.message_id)
            await chat.send_message_to_chat(chat_id=n.chat_id, message=f"answer to {n.message_id}")

        record(inbox, parser, notification("CHAT_MESSAGE_SENT", chat_id=12, message_id=message))
        assert await bot.run_once_async() is True
        assert await bot.run_once_async() is False
    assert market.answers == {message: 1}


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "yandex_market_chat", "inbox", *args],
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_a_failing_handler_is_retried_then_kept_failed_and_replayed_from_the_command_line(
    inbox_path: Path, inbox: SqliteInbox, parser: Parser, market: FakeMarket, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    starts: list[int] = []
    broken = True
    with client(market) as chat:
        bot = NotificationBot(inbox, parser, chat, max_attempts=3, backoff_seconds=0)

        @bot.on("CHAT_ARBITRAGE_STARTED")
        def handler(n: Any, chat: YandexMarketChat) -> None:
            starts.append(n.chat_id)
            if broken:
                chat.get_chat(chat_id=999)  # no such chat: the API's 404, raised

        record(inbox, parser, notification("CHAT_ARBITRAGE_STARTED", chat_id=11))
        drain(bot)
        assert len(starts) == 3
        listed = run_cli("failed", "--sqlite", str(inbox_path))
        assert listed.returncode == 0, listed.stderr
        [failed] = [json.loads(line) for line in listed.stdout.splitlines()]
        assert failed["notification_type"] == "CHAT_ARBITRAGE_STARTED" and failed["attempts"] == 3
        assert failed["reason"].startswith("NotFoundError")
        assert run_cli("replay", "--sqlite", str(inbox_path), "no-such-key").returncode == 1
        replayed = run_cli("replay", "--sqlite", str(inbox_path), failed["key"])
        assert replayed.returncode == 0, replayed.stderr
        broken = False
        drain(bot)
        assert len(starts) == 4 and inbox.failed() == []
    assert FAKE_KEY not in caplog.text and FAKE_KEY not in listed.stdout


def test_chat_created_fetches_the_context_once(
    inbox: SqliteInbox, parser: Parser, market: FakeMarket
) -> None:
    market.buyer_writes(11)
    seen: list[dict[str, Any] | None] = []
    with client(market) as chat:
        bot = NotificationBot(inbox, parser, chat, backoff_seconds=0)

        @bot.on("CHAT_CREATED")
        def created(n: Any, chat: YandexMarketChat) -> None:
            seen.append(bot.context(n.chat_id))
            if len(seen) == 1:
                raise RuntimeError("the first start fails after the context was kept")

        record(inbox, parser, notification("CHAT_CREATED", chat_id=11))
        drain(bot)
    assert market.calls["getChat"] == 1
    assert len(seen) == 2 and seen[0] == seen[1]
    assert seen[0] is not None and seen[0]["chatId"] == 11 and seen[0]["context"]["orderId"] == 110


def test_catch_up_finds_what_no_notification_brought_and_doubles_nothing(
    inbox: SqliteInbox, parser: Parser, market: FakeMarket
) -> None:
    notified = market.buyer_writes(11)
    missed = market.buyer_writes(12, "")  # a sticker: no notification is sent for it
    with client(market) as chat:
        bot = answering_bot(inbox, parser, chat)
        record(inbox, parser, notification("CHAT_MESSAGE_SENT", chat_id=11, message_id=notified))
        assert bot.catch_up() == 1  # only the one no notification brought is new
        drain(bot)
        later = market.buyer_writes(12)
        assert bot.catch_up() == 1
        record(inbox, parser, notification("CHAT_MESSAGE_SENT", chat_id=12, message_id=later))  # arrives late
        drain(bot)
        assert bot.catch_up() == 0
    assert market.answers == {notified: 1, missed: 1, later: 1}


def test_catch_up_leaves_messages_the_seller_answered_before(
    inbox: SqliteInbox, parser: Parser, market: FakeMarket
) -> None:
    old = market.buyer_writes(11)
    with client(market) as chat:
        chat.send_message_to_chat(chat_id=11, message="answered by a person")
        new = market.buyer_writes(11)
        bot = answering_bot(inbox, parser, chat)
        bot.catch_up()
        drain(bot)
    assert market.answers == {new: 1} and old not in market.answers


class Relabelled(YandexMarketChat):
    """The client of a spec whose marked operations (`x-notification-context`, `x-catch-up`) have
    other names: the methods the old names would reach refuse to be called."""

    _NOTIFICATION_CALLS: ClassVar[Mapping[str, Mapping[str, str]]] = {
        "context": {"CHAT_CREATED": "read_chat"},
        "catch_up": {"chats": "list_chats", "history": "read_history"},
    }
    read_chat = YandexMarketChat.get_chat
    list_chats = YandexMarketChat.get_chats
    read_history = YandexMarketChat.get_chat_history

    def get_chat(self, *args: Any, **kwargs: Any) -> Any:
        raise AssertionError("the bot named getChat itself")

    def get_chats(self, *args: Any, **kwargs: Any) -> Any:
        raise AssertionError("the bot named getChats itself")

    def get_chat_history(self, *args: Any, **kwargs: Any) -> Any:
        raise AssertionError("the bot named getChatHistory itself")


def test_the_bot_calls_the_operations_the_spec_marks_whatever_their_names(
    inbox: SqliteInbox, parser: Parser, market: FakeMarket
) -> None:
    missed = market.buyer_writes(12)
    with Relabelled(api_key=FAKE_KEY, base_url=market.url, business_id=BUSINESS, max_retries=0) as chat:
        bot = NotificationBot(inbox, parser, chat, backoff_seconds=0)
        record(inbox, parser, notification("CHAT_CREATED", chat_id=12))
        drain(bot)
        assert bot.catch_up() == 1
        assert bot.answered_after(12, missed) is False
    context = bot.context(12)
    assert context is not None and context["chatId"] == 12
    assert (
        market.calls["getChat"] == 1 and market.calls["getChats"] == 1 and market.calls["getChatHistory"] == 2
    )


def test_bad_registrations_are_refused(inbox: SqliteInbox, parser: Parser, market: FakeMarket) -> None:
    with client(market) as chat:
        bot = NotificationBot(inbox, parser, chat)
        bot.on("CHAT_CREATED")(lambda n, c: None)
        with pytest.raises(ValueError, match="has a handler already"):
            bot.on("CHAT_CREATED")(lambda n, c: None)
        with pytest.raises(ValueError, match="PING"):
            bot.on("PING")
        with pytest.raises(TypeError):
            bot.on(5)  # type: ignore[arg-type]
        for options in ({"max_attempts": 0}, {"backoff_seconds": -1}, {"lease_seconds": float("nan")}):
            with pytest.raises(ValueError):
                NotificationBot(inbox, parser, chat, **options)


def test_the_worker_outlives_a_locked_inbox(
    inbox_path: Path, parser: Parser, market: FakeMarket, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="yandex_market_chat.bot")
    message = market.buyer_writes(11)
    with SqliteInbox(inbox_path, timeout=0.05) as inbox, client(market) as chat:
        record(inbox, parser, notification("CHAT_MESSAGE_SENT", chat_id=11, message_id=message))
        bot = answering_bot(inbox, parser, chat)
        blocker = sqlite3.connect(inbox_path, isolation_level=None)
        blocker.execute("BEGIN EXCLUSIVE")
        stop = threading.Event()
        worker = threading.Thread(
            target=bot.run, args=(stop,), kwargs={"idle_seconds": 0.01, "catch_up_seconds": None}
        )
        worker.start()
        try:
            wait_until(lambda: "the inbox failed" in caplog.text, "the worker met the locked inbox")
            blocker.execute("ROLLBACK")
            wait_until(lambda: market.answers[message] == 1, "the worker answered once the lock was gone")
        finally:
            stop.set()
            worker.join(30)
            blocker.close()
    assert market.answers == {message: 1}


async def test_catch_up_with_the_async_client(inbox: SqliteInbox, parser: Parser, market: FakeMarket) -> None:
    missed = market.buyer_writes(12)
    async with async_client(market) as chat:
        bot = NotificationBot(inbox, parser, chat)

        @bot.on("CHAT_MESSAGE_SENT")
        async def answer(n: Any, chat: AsyncYandexMarketChat) -> None:
            await chat.send_message_to_chat(chat_id=n.chat_id, message=f"answer to {n.message_id}")

        assert await bot.catch_up_async() == 1
        assert await bot.catch_up_async() == 0
        while await bot.run_once_async():
            pass
    assert market.answers == {missed: 1}


def test_the_key_reaches_neither_a_failed_entry_nor_the_log(
    inbox: SqliteInbox, parser: Parser, caplog: pytest.LogCaptureFixture
) -> None:
    """A handler whose call fails against an API that echoes the key in its error body: the reason
    kept with the failed entry, and what the worker logs, hold no part of the key."""
    from loopback import RawServer, response

    def echo_the_key(request: Any) -> Any:
        key = request.headers.get("api-key", "")
        return response(
            500, json.dumps({"status": "ERROR", "errors": [{"code": key, "message": key}]}).encode()
        )

    with RawServer(echo_the_key) as server:
        chat = YandexMarketChat(api_key=FAKE_KEY, base_url=server.url, business_id=BUSINESS, max_retries=0)
        bot = NotificationBot(inbox, parser, chat, backoff_seconds=0, max_attempts=1)

        @bot.on("CHAT_MESSAGE_SENT")
        def answer(n: Any, chat: YandexMarketChat) -> None:
            chat.send_message_to_chat(chat_id=n.chat_id, message="hello")

        record(inbox, parser, notification("CHAT_MESSAGE_SENT", chat_id=11, message_id=5))
        with caplog.at_level(logging.DEBUG):
            drain(bot)
        chat.close()
    (failed,) = inbox.failed()
    assert "500" in failed.reason
    assert FAKE_KEY not in failed.reason and FAKE_KEY[:12] not in failed.reason
    assert FAKE_KEY[:12] not in caplog.text
