"""The notification bot's catch-up: the buyer messages no notification brought (the Market gave up
on the endpoint, the endpoint was down), found by reading the chats waiting for the seller and their
history, and recorded into the inbox under the key a notification of the same message would have,
so that nothing is doubled.

It calls the client's methods the spec marks `x-catch-up: chats` and `x-catch-up: history`
(the client objects carry their names: `_NOTIFICATION_CALLS`, rendered from the spec), never an
operation by its name.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, datetime
from typing import Any

from ._bot_state import BotState
from .inbox import Inbox, Parser
from .types import UNSET

WAITING_FOR_SELLER = "WAITING_FOR_PARTNER"
"""The status of a chat whose buyer waits for the seller's answer."""


def calls_of(client: Any) -> Mapping[str, Mapping[str, str]]:
    """The methods of `client` the bot calls, by what for (`context`, `catch_up`): what the spec
    marks, as the package's client objects carry it; none for any other client."""
    calls = getattr(type(client), "_NOTIFICATION_CALLS", None)
    return calls if isinstance(calls, Mapping) else {}


class CatchUp:
    """Catch-up over one inbox, parser and state; `calls`: the catch-up methods by role."""

    def __init__(self, inbox: Inbox, parser: Parser, state: BotState, calls: Mapping[str, str]) -> None:
        self.inbox = inbox
        self.parser = parser
        self.state = state
        self.calls = calls

    def method(self, client: Any, role: str) -> Callable[..., Any]:
        name = self.calls.get(role)
        if name is None:
            raise ValueError(
                f"the spec marks no operation `x-catch-up: {role}`: catch-up needs one "
                "(and a client object of this package)"
            )
        method: Callable[..., Any] = getattr(client, name)
        return method

    def waiting_chats(self, client: Any, business: int) -> Any:
        """The chats waiting for the seller: an iterator of pages' items (sync or async)."""
        return self.method(client, "chats")(statuses=[WAITING_FOR_SELLER], business_id=business)

    def history(self, client: Any, business: int, chat_id: int, after: int | None = None) -> Any:
        """A chat's messages after `after` (default: the catch-up cursor); sync or async pages."""
        if after is None:
            after = self.state.catch_up_cursor(business, chat_id)
        return self.method(client, "history")(
            chat_id=chat_id, business_id=business, after_message_id=UNSET if after is None else after
        )

    def pending(self, business: int, chat_id: int, messages: Iterable[Any]) -> list[Any]:
        """The buyer messages of a chat's history that no notification may have brought: after
        the cursor, and after the seller's last message (older ones were answered)."""
        cursor = self.state.catch_up_cursor(business, chat_id) or 0
        listed = sorted(messages, key=lambda m: m.message_id)
        seller = [m.message_id for m in listed if str(m.sender) == "PARTNER"]
        floor = max(cursor, max(seller, default=0))
        return [m for m in listed if str(m.sender) == "CUSTOMER" and m.message_id > floor]

    def record(self, business: int, chat_id: int, message: Any) -> bool:
        """Record one buyer message as the notification of it would be; True if it is new."""
        sent_at = message.created_at if isinstance(message.created_at, datetime) else datetime.now(UTC)
        body = json.dumps(
            {
                "notificationType": "CHAT_MESSAGE_SENT",
                "businessId": business,
                "chatId": chat_id,
                "messageId": str(message.message_id),
                "sentAt": sent_at.isoformat(),
            }
        ).encode()
        notification = self.parser(body)  # the key as a notification of this message would have it
        new = self.inbox.record(notification.event_key, notification.notification_type, body)
        self.state.advance_catch_up(business, chat_id, message.message_id)
        return new

    def run(self, client: Any, business: int) -> int:
        """Catch up with a sync client; the number of messages new to the inbox."""
        recorded = 0
        for chat in self.waiting_chats(client, business):
            history = self.history(client, business, chat.chat_id)
            for message in self.pending(business, chat.chat_id, history):
                recorded += self.record(business, chat.chat_id, message)
        return recorded

    async def run_async(self, client: Any, business: int) -> int:
        """run() with an async client (the inbox's calls in a thread)."""
        recorded = 0
        async for chat in self.waiting_chats(client, business):
            history = [message async for message in self.history(client, business, chat.chat_id)]
            for message in self.pending(business, chat.chat_id, history):
                recorded += await asyncio.to_thread(self.record, business, chat.chat_id, message)
        return recorded
