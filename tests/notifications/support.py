"""What the notification tests run against: the parser, a fake of the chat API with state, servers.

- PARSER: the one place the tests take their parser from (the package's `parse_notification`).
- FakeMarket: the chat API on 127.0.0.1 with chats and messages that change as the bot answers
  (getChats, getChat, getChatHistory, getChatMessage, sendMessageToChat): it counts every answer,
  so a test can say "each buyer message answered exactly once".
- notification(): the body the Market sends for an event, written from the documented payloads.
"""

from __future__ import annotations

import json
import threading
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

from loopback import serve_in_background
from yandex_market_chat.inbox import Parser
from yandex_market_chat.notifications import parse_notification

FAKE_KEY = "fake-api-key-for-notification-tests-0000"
"""Obviously fake; it must never show up in an answer of the receiver or in a log record."""
BUSINESS = 7
"""The cabinet of every test."""

_DATES = {
    "CHAT_CREATED": "createdAt",
    "CHAT_MESSAGE_SENT": "sentAt",
    "CHAT_ARBITRAGE_STARTED": "startedAt",
    "CHAT_ARBITRAGE_FINISHED": "finishedAt",
}
"""Each chat notification's date field (the documented payloads)."""

PARSER: Parser = parse_notification
"""The parser every notification test uses: the one place to change it."""


def notification(kind: str, chat_id: int = 11, message_id: int = 101, business_id: int = BUSINESS) -> bytes:
    """A well-formed body of `kind` as the Market sends it (the documented payloads)."""
    if kind == "PING":
        return json.dumps({"notificationType": "PING", "time": "2025-01-01T00:00:00Z"}).encode()
    payload: dict[str, Any] = {"notificationType": kind, "chatId": chat_id, "businessId": business_id}
    payload[_DATES.get(kind, "time")] = "2025-01-01T00:00:00.213Z"
    if kind == "CHAT_MESSAGE_SENT":
        payload["messageId"] = str(message_id)
    return json.dumps(payload).encode()


@dataclass
class Chat:
    chat_id: int
    status: str = "WAITING_FOR_PARTNER"
    messages: list[dict[str, Any]] = field(default_factory=list)


class FakeMarket:
    """The chat API with state, on 127.0.0.1 (see the module's docstring)."""

    def __init__(self) -> None:
        self.chats: dict[int, Chat] = {}
        self.answers: Counter[int] = Counter()
        """message id a bot answer names ('answer to <id>') -> how many times it was posted."""
        self.calls: Counter[str] = Counter()
        self._lock = threading.Lock()
        self._next_id = 1000
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    def buyer_writes(self, chat_id: int, text: str = "Where is my order?") -> int:
        """A buyer message in a chat (the chat waits for the seller); its id."""
        with self._lock:
            self._next_id += 1
            chat = self.chats.setdefault(chat_id, Chat(chat_id))
            chat.status = "WAITING_FOR_PARTNER"
            chat.messages.append(self._message(self._next_id, "CUSTOMER", text))
            return self._next_id

    @staticmethod
    def _message(message_id: int, sender: str, text: str) -> dict[str, Any]:
        now = datetime.now(UTC).isoformat()
        return {"messageId": message_id, "createdAt": now, "sender": sender, "message": text}

    @property
    def url(self) -> str:
        assert self._server is not None
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def start(self) -> None:
        market = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                market._serve(self)

            def do_POST(self) -> None:
                market._serve(self)

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = serve_in_background(self._server)

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    def _chat_info(self, chat: Chat) -> dict[str, Any]:
        return {
            "chatId": chat.chat_id,
            "context": {"type": "ORDER", "orderId": chat.chat_id * 10},
            "type": "CHAT",
            "status": chat.status,
            "createdAt": "2025-01-01T00:00:00+03:00",
            "updatedAt": "2025-01-01T00:00:00+03:00",
        }

    def _serve(self, request: BaseHTTPRequestHandler) -> None:
        url = urlsplit(request.path)
        query = {k: v[0] for k, v in parse_qs(url.query).items()}
        length = int(request.headers.get("Content-Length") or 0)
        body = json.loads(request.rfile.read(length) or b"{}") if length else {}
        with self._lock:
            status, answer = self._answer(request.command, url.path, query, body)
        data = json.dumps(answer).encode()
        request.send_response(status)
        request.send_header("Content-Type", "application/json")
        request.send_header("Content-Length", str(len(data)))
        request.end_headers()
        request.wfile.write(data)

    def _answer(
        self, method: str, path: str, query: dict[str, str], body: dict[str, Any]
    ) -> tuple[int, dict[str, Any]]:
        tail = path.split(f"/v2/businesses/{BUSINESS}/", 1)[-1]
        chat = self.chats.get(int(query.get("chatId", 0)))
        if (method, tail) == ("POST", "chats"):
            self.calls["getChats"] += 1
            wanted = body.get("statuses") or [c.status for c in self.chats.values()]
            chats = [self._chat_info(c) for c in self.chats.values() if c.status in wanted]
            return 200, {"status": "OK", "result": {"chats": chats}}
        if chat is None:
            return 404, {"status": "ERROR", "errors": [{"code": "NOT_FOUND", "message": "no such chat"}]}
        if (method, tail) == ("GET", "chat"):
            self.calls["getChat"] += 1
            return 200, {"status": "OK", "result": self._chat_info(chat)}
        if (method, tail) == ("POST", "chats/history"):
            self.calls["getChatHistory"] += 1
            start = body.get("messageIdFrom", 0)
            messages = [m for m in chat.messages if m["messageId"] >= start]
            context = self._chat_info(chat)["context"]
            return 200, {"status": "OK", "result": {"context": context, "messages": messages}}
        if (method, tail) == ("GET", "chats/message"):
            self.calls["getChatMessage"] += 1
            found = [m for m in chat.messages if m["messageId"] == int(query["messageId"])]
            if not found:
                return 404, {
                    "status": "ERROR",
                    "errors": [{"code": "NOT_FOUND", "message": "no such message"}],
                }
            return 200, {"status": "OK", "result": found[0]}
        if (method, tail) == ("POST", "chats/message"):
            self.calls["sendMessageToChat"] += 1
            text = str(body["message"])
            if text.startswith("answer to "):
                self.answers[int(text.removeprefix("answer to "))] += 1
            self._next_id += 1
            chat.messages.append(self._message(self._next_id, "PARTNER", text))
            chat.status = "WAITING_FOR_CUSTOMER"
            return 200, {"status": "OK"}
        return 404, {
            "status": "ERROR",
            "errors": [{"code": "NOT_FOUND", "message": f"no route {method} {path}"}],
        }

    def buyer_messages(self) -> list[int]:
        with self._lock:
            return [
                m["messageId"] for c in self.chats.values() for m in c.messages if m["sender"] == "CUSTOMER"
            ]
