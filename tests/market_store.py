"""The chats of the fake Market (tests/fake_market.py), for the runs that read and answer them.

The server holds a `Store` when it runs for the benchmarks: chat HISTORY_CHAT_ID with
HISTORY_MESSAGES messages (a finished chat, for reading a long history), getChats and
getChatHistory paged as the API pages them (`result.paging.nextPageToken` until the last page; the
cursor in the `pageToken` query parameter, the filters in the body, sent again with every page),
getChatMessage, createChat, and the polling bot's scenario (`start_bot`): N chats in which M buyer
messages each arrive at moments spread over S seconds; a seller's message `re:<messageId> ...`
answers that buyer message, and `stats` reports what was answered, missed and answered twice.
`check_body` is what the service would refuse with 400 in the requests the store reads.

Without a store (the tests) the server answers every operation with its spec example instead.
Standard library only, like the rest of the fake Market.
"""

from __future__ import annotations

import base64
import json
import random
import re
import time
from collections import Counter
from datetime import datetime, timedelta, timezone
from typing import Any

MOSCOW = timezone(timedelta(hours=3))
"""The service writes times with a +03:00 offset."""
HISTORY_CHAT_ID = 3
HISTORY_MESSAGES = 1000
HISTORY_ORDER_ID = 7001
ANSWER = re.compile(r"^re:(\d+)\b")
"""A seller's message that answers a buyer message of the bot scenario starts `re:<messageId>`."""


def error_body(code: str, message: str) -> bytes:
    return json.dumps({"errors": [{"code": code, "message": message}], "status": "ERROR"}).encode()


def moscow_time(moment: float) -> str:
    """A time as the service writes it: ISO 8601 with the +03:00 offset, whole seconds."""
    return datetime.fromtimestamp(int(moment), MOSCOW).isoformat()


def page_token(offset: int) -> str:
    """An opaque cursor, as the service's are (base64 of where the next page starts)."""
    return base64.urlsafe_b64encode(f"offset:{offset}".encode()).decode().rstrip("=")


def token_offset(token: str) -> int | None:
    try:
        text = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode()
    except (ValueError, UnicodeDecodeError):
        return None
    kind, _, number = text.partition(":")
    return int(number) if kind == "offset" and number.isdigit() else None


class Chat:
    """One chat of the store: its messages (ChatMessageDTO dicts, oldest first) and what it is about."""

    def __init__(self, chat_id: int, order_id: int, created: float) -> None:
        self.chat_id = chat_id
        self.order_id = order_id
        self.created = created
        self.messages: list[dict[str, Any]] = []
        self.finished = False

    @property
    def status(self) -> str:
        """WAITING_FOR_PARTNER while the last message is the buyer's, as the service shows it."""
        if self.finished:
            return "FINISHED"
        if self.messages and self.messages[-1]["sender"] == "CUSTOMER":
            return "WAITING_FOR_PARTNER"
        return "WAITING_FOR_CUSTOMER"

    def context(self) -> dict[str, Any]:
        return {
            "type": "ORDER",
            "orderId": self.order_id,
            "campaignId": 21000001,
            "customer": {"name": "Buyer", "publicId": f"buyer-{self.order_id}"},
        }

    def info(self) -> dict[str, Any]:
        """The chat as getChats lists it (GetChatInfoDTO)."""
        updated = self.messages[-1]["createdAt"] if self.messages else moscow_time(self.created)
        return {
            "chatId": self.chat_id,
            "context": self.context(),
            "type": "CHAT",
            "status": self.status,
            "createdAt": moscow_time(self.created),
            "updatedAt": updated,
        }


class Store:
    """The chats the server knows, and the polling bot's scenario: buyer messages that arrive at
    set moments (made real when a request or the stats look at the store)."""

    def __init__(self) -> None:
        self.chats: dict[int, Chat] = {}
        self.next_message_id = 1
        self.pages: dict[tuple[int, int, int, int], bytes] = {}
        """Serialised pages of chats that do not change (the long history), by (chat, from,
        offset, limit): so that the server's own cost stays small next to the clients'."""
        self.reset()

    def reset(self) -> None:
        self.chats.clear()
        self.pages.clear()
        self.next_message_id = 1
        self.arrivals: list[tuple[float, int, str]] = []
        """The scenario's buyer messages still to come: (moment, chat id, text), soonest last."""
        self.scheduled = 0
        self.schedule: list[float] = []
        """When each buyer message of the scenario arrives, in seconds from its start."""
        self.arrived: dict[int, float] = {}
        """Buyer message id of the scenario -> when it arrived."""
        self.unannounced: list[tuple[int, int]] = []
        """(chat id, message id) of arrived buyer messages no `/_bench/arrivals` has told of yet."""
        self.answers: Counter[int] = Counter()
        self.answered_at: dict[int, float] = {}
        self.stray_answers = 0
        self.add_history_chat()

    def add_message(self, chat: Chat, sender: str, text: str, moment: float) -> int:
        message_id = self.next_message_id
        self.next_message_id += 1
        message: dict[str, Any] = {
            "messageId": message_id,
            "createdAt": moscow_time(moment),
            "sender": sender,
            "message": text,
        }
        chat.messages.append(message)
        return message_id

    def add_history_chat(self) -> None:
        """A finished chat with a long history: buyer and seller taking turns, a file now and then."""
        start = 1_750_000_000.0
        chat = Chat(HISTORY_CHAT_ID, HISTORY_ORDER_ID, start)
        for index in range(HISTORY_MESSAGES):
            sender = "CUSTOMER" if index % 2 == 0 else "PARTNER"
            text = (
                f"Message {index + 1}: is order {HISTORY_ORDER_ID} on its way? Tell me when it arrives."
                if sender == "CUSTOMER"
                else f"Message {index + 1}: yes, it was shipped today and arrives within three days."
            )
            self.add_message(chat, sender, text, start + 60 * index)
            if index % 25 == 24:
                number = index // 25
                chat.messages[-1]["payload"] = [
                    {
                        "name": f"photo-{number}.jpg",
                        "size": 48_213 + number,
                        "url": f"https://files.example.invalid/chat/{HISTORY_CHAT_ID}/photo-{number}.jpg",
                    }
                ]
        chat.finished = True
        self.chats[chat.chat_id] = chat

    def start_bot(self, chats: int, messages: int, spread: float, seed: int) -> dict[str, Any]:
        """The polling bot's scenario: `chats` new chats, `messages` buyer messages in each, arriving
        at random moments within `spread` seconds from now (the first of each chat at once)."""
        now = time.time()
        pick = random.Random(seed)
        arrivals = []
        first_id = max(self.chats) + 1
        for number in range(chats):
            chat = Chat(first_id + number, 9001 + number, now)
            self.chats[chat.chat_id] = chat
            moments = [0.0, *sorted(pick.uniform(0, spread) for _ in range(messages - 1))]
            for index, offset in enumerate(moments):
                text = f"Question {index + 1} about order {chat.order_id}: where is my parcel?"
                arrivals.append((now + offset, chat.chat_id, text))
        arrivals.sort(reverse=True)
        self.arrivals = arrivals
        self.schedule = sorted(moment - now for moment, _, _ in arrivals)
        self.scheduled = len(arrivals)
        return {"scheduled": self.scheduled, "first_chat": first_id, "chats": chats, "started": now}

    def catch_up(self, now: float) -> None:
        """Make real the buyer messages whose moment has come."""
        while self.arrivals and self.arrivals[-1][0] <= now:
            moment, chat_id, text = self.arrivals.pop()
            message_id = self.add_message(self.chats[chat_id], "CUSTOMER", text, moment)
            self.arrived[message_id] = moment
            self.unannounced.append((chat_id, message_id))

    def answer(self, chat_id: int, text: str, now: float) -> None:
        """A seller's message: stored in its chat; `re:<id>` counts as the answer to that message."""
        chat = self.chats.get(chat_id)
        if chat is None or chat.finished:
            return  # rows 1 and 5 send to a chat the store does not keep
        self.add_message(chat, "PARTNER", text, now)
        match = ANSWER.match(text)
        answered = int(match.group(1)) if match else None
        if answered is None or answered not in self.arrived:
            self.stray_answers += 1
            return
        self.answers[answered] += 1
        self.answered_at.setdefault(answered, now)

    def list_chats(self, body: dict[str, Any], offset: int, limit: int) -> dict[str, Any]:
        statuses = body.get("statuses")
        chats = [chat for _, chat in sorted(self.chats.items()) if not statuses or chat.status in statuses]
        page = chats[offset : offset + limit]
        result: dict[str, Any] = {"chats": [chat.info() for chat in page]}
        if offset + limit < len(chats):
            result["paging"] = {"nextPageToken": page_token(offset + limit)}
        return {"status": "OK", "result": result}

    def message(self, chat_id: int, message_id: int) -> tuple[int, bytes]:
        """getChatMessage: one message of a chat."""
        chat = self.chats.get(chat_id)
        found = [m for m in chat.messages if m["messageId"] == message_id] if chat is not None else []
        if not found:
            return 404, error_body("NOT_FOUND", "no such message")
        return 200, json.dumps({"status": "OK", "result": found[0]}, ensure_ascii=False).encode()

    def history(self, chat: Chat, message_id_from: int | None, offset: int, limit: int) -> bytes:
        """A page of a chat's messages, oldest first; from `message_id_from` on (inclusive, as
        third-party code observed the service)."""
        key = (chat.chat_id, message_id_from or 0, offset, limit)
        if chat.finished and key in self.pages:
            return self.pages[key]
        messages = chat.messages
        if message_id_from is not None:
            messages = [message for message in messages if message["messageId"] >= message_id_from]
        page = messages[offset : offset + limit]
        result: dict[str, Any] = {"orderId": chat.order_id, "context": chat.context(), "messages": page}
        if offset + limit < len(messages):
            result["paging"] = {"nextPageToken": page_token(offset + limit)}
        body = json.dumps({"status": "OK", "result": result}, ensure_ascii=False).encode()
        if chat.finished:
            self.pages[key] = body
        return body

    def stats(self, now: float) -> dict[str, Any]:
        self.catch_up(now)
        delays = sorted(
            self.answered_at[message_id] - moment
            for message_id, moment in self.arrived.items()
            if message_id in self.answered_at
        )
        return {
            "scheduled": self.scheduled,
            "arrived": len(self.arrived),
            "answered": sum(1 for message_id in self.arrived if self.answers[message_id] >= 1),
            "answered_twice": sum(1 for message_id in self.arrived if self.answers[message_id] >= 2),
            "stray_answers": self.stray_answers,
            "first_arrival": min(self.arrived.values(), default=None),
            "last_arrival": max(self.arrived.values(), default=None),
            "last_answer": max(self.answered_at.values(), default=None),
            "answer_delays": delays,
            "arrival_offsets": self.schedule,
        }

    def result(
        self, operation: str, body: bytes, arguments: dict[str, list[str]], page: tuple[int, int] | None
    ) -> tuple[int, bytes, tuple[int, str] | None] | None:
        """An admitted request's status and body, and the (chat, text) of a seller's message sent;
        None for an operation the store does not keep (the server answers its spec example).
        `page`: the (default, maximum) of the operation's `limit`, for a paged one."""
        if operation == "createChat":
            return 200, b'{"status":"OK","result":{"chatId":2}}', None
        if operation == "getChatMessage":
            return *self.message(int(arguments["chatId"][0]), int(arguments["messageId"][0])), None
        if operation == "sendMessageToChat":
            return 200, b'{"status":"OK"}', (int(arguments["chatId"][0]), json.loads(body)["message"])
        if page is None or operation not in ("getChats", "getChatHistory"):
            return None
        limit = int(arguments.get("limit", [page[0]])[0])
        tokens = arguments.get("pageToken", [])
        offset = token_offset(tokens[0]) if tokens else 0
        if offset is None:
            return 400, error_body("BAD_REQUEST", "pageToken is not one this server gave"), None
        payload = json.loads(body)
        if operation == "getChats":
            return 200, json.dumps(self.list_chats(payload, offset, limit)).encode(), None
        chat = self.chats.get(int(arguments["chatId"][0]))
        if chat is None:
            return 404, error_body("NOT_FOUND", "no such chat"), None
        return 200, self.history(chat, payload.get("messageIdFrom"), offset, limit), None


def check_body(
    operation: str,
    content_type: str,
    body: bytes,
    arguments: dict[str, list[str]],
    page: tuple[int, int] | None,
) -> str | None:
    """What the service would reject with 400 in a request the store reads, or None. `page`: the
    (default, maximum) of the operation's `limit`, for a paged one."""
    if operation in ("sendMessageToChat", "sendFileToChat", "getChatHistory"):
        chat_ids = arguments.get("chatId", [])
        if len(chat_ids) != 1 or not chat_ids[0].isdigit() or int(chat_ids[0]) < 1:
            return "chatId must be a positive integer"
    if page is not None:
        _, most = page
        limits = arguments.get("limit", [])
        if limits and (len(limits) != 1 or not limits[0].isdigit() or not 1 <= int(limits[0]) <= most):
            return f"limit must be 1 to {most}"
        if len(arguments.get("pageToken", [])) > 1:
            return "one pageToken at most"
    if operation == "getChatMessage":
        ids = [arguments.get(name, []) for name in ("chatId", "messageId")]
        if any(len(found) != 1 or not found[0].isdigit() or int(found[0]) < 1 for found in ids):
            return "chatId and messageId must be positive integers"
        return None
    if operation == "sendFileToChat":
        if not content_type.startswith("multipart/form-data"):
            return "expected multipart/form-data"
        head = body[:4096]
        if b'name="file"' not in head or len(body) < 200:
            return "the multipart body has no part named file"
        return None
    if not content_type.startswith("application/json"):
        return "expected application/json"
    try:
        payload = json.loads(body)
    except ValueError:
        return "the body is not JSON"
    if not isinstance(payload, dict):
        return "the body must be a JSON object"
    if operation == "sendMessageToChat":
        message = payload.get("message")
        if not isinstance(message, str) or not 1 <= len(message) <= 4096:
            return "message must be 1 to 4096 characters"
    if operation == "getChatHistory":
        start = payload.get("messageIdFrom")
        if start is not None and (not isinstance(start, int) or start < 1):
            return "messageIdFrom must be a positive integer"
    if operation == "getChats":
        for name in ("statuses", "types", "contextTypes", "contexts", "orderIds"):
            value = payload.get(name)
            if value is not None and (not isinstance(value, list) or not value):
                return f"{name} must be a non-empty list"
    return None
