"""The notification bot: handlers per notification type, run from the inbox, and catch-up.

    bot = NotificationBot(SqliteInbox("inbox.sqlite3"), parse_notification, YandexMarketChat())

    @bot.on("CHAT_MESSAGE_SENT")
    def answer(notification, chat): ...

    app = bot.receiver(name="my-shop").asgi   # the endpoint: records, answers the Market
    bot.run()                                 # the worker: handles what was recorded

A handler runs at least once per event key, and after it returned never again for that key. One
that raises is retried after a backoff (`backoff_seconds * 2**attempt`, capped, with jitter) and,
after `max_attempts` starts, kept as failed with its reason (`inbox.failed()`, `inbox.replay()`,
or the command line: `yandex-market-chat inbox failed|replay`). A worker killed while handling
gives the entry back when its lease ends, so the handler may be started again after it already
did its work: `NotificationBot.retrying` says so, and `NotificationBot.answered_after` checks a
chat for the seller's answer before answering twice.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import inspect
import json
import logging
import random
import threading
import time
from collections.abc import Awaitable, Callable, Iterator, Mapping
from datetime import datetime
from typing import Any, TypeVar

from ._bot_state import BotState, MemoryState, is_state
from ._catch_up import CatchUp, calls_of
from .errors import InboxError, NotificationFormatError
from .inbox import Inbox, InboxEntry, Parser, ReceivedNotification

__all__ = ["BotState", "MemoryState", "NotificationBot"]

_logger = logging.getLogger("yandex_market_chat.bot")

Handler = Callable[[Any, Any], "Awaitable[object] | object"]
"""`handler(notification, chat)`: sync or async; the notification is the parser's typed value."""
_H = TypeVar("_H", bound=Callable[..., Any])

_attempt: contextvars.ContextVar[int] = contextvars.ContextVar("yandex_market_chat_bot_attempt", default=0)


def _reason(exc: BaseException) -> str:
    text = f"{type(exc).__name__}: {exc}"
    return text if len(text) <= 2000 else text[:1997] + "..."


def _json_default(value: object) -> object:
    if isinstance(value, datetime):
        return value.isoformat()
    return str(value)


class NotificationBot:
    """Handlers per notification type over an inbox, a parser and a configured API client.

    Args:
        inbox: the inbox the receiver records into (`SqliteInbox`, `RedisInbox`).
        parser: the same parser the receiver uses (`parse_notification`).
        client: what handlers get as `chat`: a `YandexMarketChat` (sync handlers, `run()`) or an
            `AsyncYandexMarketChat` (async handlers, `run_async()`).
        state: where the bot keeps chat contexts and catch-up cursors; default: the inbox if it
            keeps them (SqliteInbox does), else in memory.
        business_id: the cabinet catch-up reads (default: the client's `business_id`).
        max_attempts: starts of a handler before the entry is kept as failed (at least 1).
        backoff_seconds: the first retry's delay; each later one doubles, up to `max_backoff_seconds`.
        lease_seconds: how long a claimed entry is the worker's; longer than a handler takes.
        fetch_chat_context: on a notification type the spec marks `x-notification-context` (CHAT_CREATED),
            call the operation it marks once per chat and keep its `result` (`context()`).
    """

    def __init__(
        self,
        inbox: Inbox,
        parser: Parser,
        client: Any,
        *,
        state: BotState | None = None,
        business_id: int | None = None,
        max_attempts: int = 8,
        backoff_seconds: float = 5.0,
        max_backoff_seconds: float = 600.0,
        lease_seconds: float = 120.0,
        fetch_chat_context: bool = True,
    ) -> None:
        if isinstance(max_attempts, bool) or not isinstance(max_attempts, int) or max_attempts < 1:
            raise ValueError(f"max_attempts must be an integer of at least 1, not {max_attempts!r}")
        for name, value in (
            ("backoff_seconds", backoff_seconds),
            ("max_backoff_seconds", max_backoff_seconds),
            ("lease_seconds", lease_seconds),
        ):
            if isinstance(value, bool) or not isinstance(value, int | float) or not value >= 0:
                raise ValueError(f"{name} must be a number of seconds, not {value!r}")
        self.inbox = inbox
        self.parser = parser
        self.client = client
        self.state: BotState = state if state is not None else (inbox if is_state(inbox) else MemoryState())  # type: ignore[assignment]
        self._business_id = business_id
        self.max_attempts = max_attempts
        self.backoff_seconds = float(backoff_seconds)
        self.max_backoff_seconds = float(max_backoff_seconds)
        self.lease_seconds = float(lease_seconds)
        self.fetch_chat_context = fetch_chat_context
        self._handlers: dict[str, Callable[..., Any]] = {}
        calls = calls_of(client)
        self._context_calls: Mapping[str, str] = calls.get("context", {})
        """Notification type -> the client's method whose answer is the chat's context."""
        self._catch_up = CatchUp(inbox, parser, self.state, calls.get("catch_up", {}))

    # Registering ------------------------------------------------------------------------------

    def on(self, notification_type: str) -> Callable[[_H], _H]:
        """Register the decorated function (sync or async) as the handler of `notification_type`
        (`"CHAT_MESSAGE_SENT"`, ...; one handler per type)."""
        if not isinstance(notification_type, str) or not notification_type:
            raise TypeError(f"notification_type must be a type's name, not {notification_type!r}")
        if notification_type == "PING":
            raise ValueError("PING is answered by the receiver and never reaches a handler")

        def register(handler: _H) -> _H:
            if not callable(handler):
                raise TypeError(f"a handler must be a function, not {handler!r}")
            if notification_type in self._handlers:
                existing = self._handlers[notification_type]
                raise ValueError(f"{notification_type} has a handler already: {existing!r}")
            self._handlers[notification_type] = handler
            return handler

        return register

    def receiver(self, *, name: str, **options: Any) -> Any:
        """A `Receiver` recording into this bot's inbox with its parser (options as `Receiver`'s)."""
        from ._receiver import Receiver

        return Receiver(self.inbox, self.parser, name=name, **options)

    # What handlers can ask --------------------------------------------------------------------

    @property
    def retrying(self) -> bool:
        """Inside a handler: whether an earlier start of it for this event did not finish (it
        raised, or its worker died) — its answer may be in the chat already."""
        return _attempt.get() > 0

    def context(self, chat_id: int, business_id: int | None = None) -> dict[str, Any] | None:
        """The chat's context kept on CHAT_CREATED (the `result` of the operation the spec marks
        `x-notification-context: CHAT_CREATED`, getChat, as JSON), or None."""
        raw = self.state.load_context(self._business(business_id), chat_id)
        return None if raw is None else dict(json.loads(raw))

    def answered_after(
        self, chat_id: int, message_id: int, business_id: int | None = None, *, text: str | None = None
    ) -> bool:
        """Whether the seller wrote in the chat after `message_id` (`text`: that very text). One
        history read with a sync client; use it when `retrying`, before answering again."""
        business = self._business(business_id)
        for message in self._catch_up.history(self.client, business, chat_id, after=message_id):
            later = str(message.sender) == "PARTNER" and message.message_id > message_id
            if later and (text is None or message.message == text):
                return True
        return False

    def _business(self, given: int | None) -> int:
        business = given if given is not None else self._business_id
        if business is None:
            business = getattr(self.client, "business_id", None)
        if not isinstance(business, int):
            raise ValueError("no business_id: pass it to NotificationBot or set it on the client")
        return business

    # Handling ---------------------------------------------------------------------------------

    def _delay(self, attempts: int) -> float:
        delay = min(self.max_backoff_seconds, self.backoff_seconds * 2.0**attempts)
        return delay * (0.5 + random.random() / 2)

    def _settle_failure(self, entry: InboxEntry, exc: BaseException) -> None:
        reason = _reason(exc)
        if entry.attempts + 1 >= self.max_attempts:
            _logger.error("%s failed %d times, kept as failed: %s", entry.key, entry.attempts + 1, reason)
            self.inbox.give_up(entry, reason)
        else:
            _logger.warning("%s failed (start %d), retried later: %s", entry.key, entry.attempts + 1, reason)
            self.inbox.retry_later(entry, reason, self._delay(entry.attempts))

    def _prepare(self, entry: InboxEntry) -> tuple[ReceivedNotification, Callable[..., Any] | None]:
        return self.parser(entry.body), self._handlers.get(entry.notification_type)

    def _keep_context(self, notification: ReceivedNotification, fetched: Any) -> None:
        result = getattr(fetched, "result", None)
        data = result.to_dict() if result is not None and hasattr(result, "to_dict") else {}
        business, chat_id = _chat_of(notification)
        self.state.save_context(business, chat_id, json.dumps(data, default=_json_default).encode())

    def _context_call(self, notification: ReceivedNotification) -> Callable[..., Any] | None:
        """The client's method to fetch the chat's context with, when this notification asks for one
        (`x-notification-context`) that is not kept yet."""
        name = self._context_calls.get(notification.notification_type)
        if not self.fetch_chat_context or name is None:
            return None
        business, chat_id = _chat_of(notification)
        if self.state.load_context(business, chat_id) is not None:
            return None
        method: Callable[..., Any] = getattr(self.client, name)
        return method

    def _settle(self, entry: InboxEntry, error: Exception | None) -> None:
        if error is None:
            self.inbox.complete(entry)
        elif isinstance(error, NotificationFormatError):  # recorded by another parser version
            self.inbox.give_up(entry, _reason(error))
        else:
            self._settle_failure(entry, error)

    def _run(self, entry: InboxEntry) -> Exception | None:
        try:
            notification, handler = self._prepare(entry)
            fetch = self._context_call(notification)
            if fetch is not None:
                business, chat_id = _chat_of(notification)
                self._keep_context(notification, fetch(chat_id=chat_id, business_id=business))
            result = None if handler is None else handler(notification, self.client)
            if inspect.isawaitable(result):
                asyncio.run(_awaited(result))
        except Exception as exc:
            return exc
        return None

    async def _run_async(self, entry: InboxEntry) -> Exception | None:
        try:
            notification, handler = self._prepare(entry)
            fetch = self._context_call(notification)
            if fetch is not None:
                business, chat_id = _chat_of(notification)
                self._keep_context(notification, await fetch(chat_id=chat_id, business_id=business))
            result = None if handler is None else handler(notification, self.client)
            if inspect.isawaitable(result):
                await result
        except Exception as exc:
            return exc
        return None

    def handle(self, entry: InboxEntry) -> None:
        """Run the handler of one claimed entry (sync client) and settle the entry."""
        token = _attempt.set(entry.attempts)
        try:
            self._settle(entry, self._run(entry))
        finally:
            _attempt.reset(token)

    async def handle_async(self, entry: InboxEntry) -> None:
        """Run the handler of one claimed entry (async client, async or sync handler) and settle it."""
        token = _attempt.set(entry.attempts)
        try:
            error = await self._run_async(entry)
        finally:
            _attempt.reset(token)
        await asyncio.to_thread(self._settle, entry, error)

    def run_once(self) -> bool:
        """Claim and handle one due entry; False when nothing was due."""
        entry = self.inbox.claim(self.lease_seconds)
        if entry is None:
            return False
        self.handle(entry)
        return True

    async def run_once_async(self) -> bool:
        entry = await asyncio.to_thread(self.inbox.claim, self.lease_seconds)
        if entry is None:
            return False
        await self.handle_async(entry)
        return True

    def run(
        self,
        stop: threading.Event | None = None,
        *,
        idle_seconds: float = 0.5,
        catch_up_seconds: float | None = 300.0,
    ) -> None:
        """Handle entries until `stop` is set (forever without one): catch up at start and every
        `catch_up_seconds` (None: never), wait `idle_seconds` when nothing is due."""
        stop = stop or threading.Event()
        for catch_up in _turns(stop.is_set, catch_up_seconds):
            if catch_up:
                self._caught_up()
            elif not self._handled_one():
                stop.wait(idle_seconds)

    def _caught_up(self) -> None:
        try:
            self.catch_up()
        except Exception as exc:  # the API or the inbox is down: try again next time
            _logger.warning("catch-up failed: %s", _reason(exc))

    def _handled_one(self) -> bool:
        try:
            return self.run_once()
        except InboxError as exc:  # the store is down or locked: the lease gives the entry back
            _logger.warning("the inbox failed: %s", exc)
            return False

    async def run_async(
        self,
        stop: asyncio.Event | None = None,
        *,
        idle_seconds: float = 0.5,
        catch_up_seconds: float | None = 300.0,
    ) -> None:
        """`run()` for an `AsyncYandexMarketChat` client."""
        stop = stop or asyncio.Event()
        for catch_up in _turns(stop.is_set, catch_up_seconds):
            if catch_up:
                await self._caught_up_async()
            elif not await self._handled_one_async():
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), idle_seconds)

    async def _handled_one_async(self) -> bool:
        try:
            return await self.run_once_async()
        except InboxError as exc:
            _logger.warning("the inbox failed: %s", exc)
            return False

    async def _caught_up_async(self) -> None:
        try:
            await self.catch_up_async()
        except Exception as exc:
            _logger.warning("catch-up failed: %s", _reason(exc))

    # Catch-up ---------------------------------------------------------------------------------

    def catch_up(self) -> int:
        """Record every buyer message of the chats waiting for the seller that no notification
        brought (the operations the spec marks `x-catch-up`: getChats, then getChatHistory after
        the last one seen); the number new to the inbox. A message a notification recorded already
        has the same key and is not doubled."""
        recorded = self._catch_up.run(self.client, self._business(None))
        if recorded:
            _logger.info("catch-up recorded %d buyer message(s) no notification brought", recorded)
        return recorded

    async def catch_up_async(self) -> int:
        """`catch_up()` for an `AsyncYandexMarketChat` client."""
        return await self._catch_up.run_async(self.client, self._business(None))


def _turns(stopped: Callable[[], bool], catch_up_seconds: float | None) -> Iterator[bool]:
    """The worker's loop, shared by run() and run_async(): each turn is a catch-up (True: at the
    start and every `catch_up_seconds`, None: never) or one entry to handle (False), until `stopped`."""
    next_catch_up = time.monotonic() if catch_up_seconds is not None else None
    while not stopped():
        if next_catch_up is not None and catch_up_seconds is not None and time.monotonic() >= next_catch_up:
            yield True
            next_catch_up = time.monotonic() + catch_up_seconds
        yield False


def _chat_of(notification: Any) -> tuple[int, int]:
    """(business id, chat id) of a chat notification."""
    return int(notification.business_id), int(notification.chat_id)


async def _awaited(value: Awaitable[object]) -> object:
    return await value
