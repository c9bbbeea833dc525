"""A loopback stand-in for the chat methods of the Yandex Market Partner API, for the benchmarks.

It answers the chat operations the benchmarks use the way the service does: JSON envelopes
(`{"status":"OK"}`, error bodies with `"status":"ERROR"` and an `errors` list), the
`X-RateLimit-Resource-Limit/-Remaining/-Until` headers on every answer, HTTP/1.1 keep-alive.
Besides the three writes (createChat, sendMessageToChat, sendFileToChat) it serves getChats and
getChatHistory from an in-memory store of chats (`Store`), paged as the API pages them
(`result.paging.nextPageToken` until the last page; the cursor in the `pageToken` query
parameter, the filters in the body, sent again with every page). With `--quota` (and
`--quota-for OPERATION=N` per operation) and `--parallel` it also enforces a small rate limit and
answers 420 when a request would break it, as the service does.

The store always holds chat HISTORY_CHAT_ID with HISTORY_MESSAGES messages (a finished chat, for
reading a long history). `POST /_bench/bot?chats=N&messages=M&spread=S&seed=K` adds a scenario
for the polling bot: N chats in which M buyer messages each arrive at moments spread over S
seconds from now; a seller's message `re:<messageId> ...` sent to one of these chats answers that
buyer message, and `/_bench/stats` reports what was answered, missed and answered twice.

Run by the benchmarks in a subprocess of their own (so that it does not share the client's
interpreter): `python bench_server.py [options]` binds 127.0.0.1 on a free port and prints
`PORT <n>` on stdout. It stops on SIGTERM, when its stdin closes (the parent went away) or
after `--max-seconds`, whichever comes first.

Besides the API paths it serves `GET /_bench/stats` (JSON counters), `POST /_bench/reset`,
`POST /_bench/bot` and `POST /_bench/arrivals` (the buyer messages arrived since the last call, for
the notification bot's Market stand-in).
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import json
import os
import random
import re
import signal
import stat
import sys
import time
from collections import Counter
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from market_limits import MarketLimits  # the fake Market's rules, shared with the tests

HOST = "127.0.0.1"
MAX_HEADER_BYTES = 64 * 1024
MAX_BODY_BYTES = 16 * 1024 * 1024
API_PREFIX = "/v2/businesses/"
OPERATIONS = {
    ("POST", "chats/message"): "sendMessageToChat",
    ("POST", "chats/file/send"): "sendFileToChat",
    ("POST", "chats/new"): "createChat",
    ("POST", "chats"): "getChats",
    ("POST", "chats/history"): "getChatHistory",
    ("GET", "chats/message"): "getChatMessage",
}
"""The operations this stand-in serves, by (method, path after /v2/businesses/<id>/)."""


def _spec_facts() -> tuple[dict[str, int], dict[str, tuple[int, int]]]:
    """From the spec: each operation's documented hourly limit (`x-hourly-limit`), and the
    (default, maximum) of the `limit` query parameter of the paged ones."""
    spec = yaml.safe_load(SPEC.read_text(encoding="utf-8"))

    def resolved(node: dict[str, Any]) -> dict[str, Any]:
        while "$ref" in node:
            found: Any = spec
            for step in node["$ref"].removeprefix("#/").split("/"):
                found = found[step]
            node = found
        return node

    hourly: dict[str, int] = {}
    pages: dict[str, tuple[int, int]] = {}
    for item in spec["paths"].values():
        for operation in item.values():
            if not isinstance(operation, dict) or "operationId" not in operation:
                continue
            name = operation["operationId"]
            hourly[name] = operation["x-hourly-limit"]
            for parameter in map(resolved, operation.get("parameters", [])):
                if parameter["name"] == "limit" and "x-paging" in operation:
                    schema = resolved(parameter["schema"])
                    pages[name] = (schema["default"], schema["maximum"])
    return hourly, pages


SPEC = Path(__file__).resolve().parent.parent / "openapi" / "yandex-market-chat.yaml"
HOURLY_LIMITS, PAGE_LIMITS = _spec_facts()
"""The service's documented limits per hour, shown in the headers when no quota is enforced, and
the (default, maximum) of the `limit` query parameter of each paged operation: read from the spec."""
MOSCOW = timezone(timedelta(hours=3))
"""The service writes times with a +03:00 offset."""
HISTORY_CHAT_ID = 3
HISTORY_MESSAGES = 1000
HISTORY_ORDER_ID = 7001
ANSWER = re.compile(r"^re:(\d+)\b")
"""A seller's message that answers a buyer message of the bot scenario starts `re:<messageId>`."""


def error_body(code: str, message: str) -> bytes:
    return json.dumps({"errors": [{"code": code, "message": message}], "status": "ERROR"}).encode()


REASONS = {
    200: "OK",
    400: "Bad Request",
    401: "Unauthorized",
    404: "Not Found",
    405: "Method Not Allowed",
    413: "Payload Too Large",
    420: "Enhance Your Calm",
}


class Limits(MarketLimits):
    """The server's view of the limits, by the fake Market's rules (tests/market_limits.py): a
    fixed quota window per (business, operation), aligned to multiples of the window length so
    that the whole-second Until header is exact, and a cap on simultaneous requests per business
    that a refused request takes no place of. Besides: the latency of admitted requests, and
    the counters `/_bench/stats` reports."""

    def __init__(
        self,
        quota: int | None,
        window: float,
        parallel: int | None,
        latency: float,
        quotas: dict[str, int] | None = None,
    ) -> None:
        super().__init__(
            quota,
            window,
            parallel,
            quotas or {},
            windows="aligned",
            refusals_take_a_place=False,
            hourly=HOURLY_LIMITS,
        )
        self.latency = latency
        self.counts: Counter[str] = Counter()
        self.delivered: Counter[str] = Counter()
        self.first: float | None = None
        self.last: float | None = None

    def reset(self) -> None:
        super().reset()
        self.delivered.clear()
        self.counts.clear()
        self.first = self.last = None

    def rate_headers(self, business: str, operation: str, now: float) -> list[tuple[str, str]]:
        return list(self.headers(business, operation, now).items())

    def deliver(self, message: str) -> None:
        """Count a message answered 200: a second 200 for the same text is a duplicate."""
        self.delivered[message] += 1
        if self.delivered[message] == 1:
            self.counts["delivered"] += 1
        else:
            self.counts["duplicated"] += 1

    def stats(self) -> dict[str, object]:
        return {
            "counts": dict(self.counts),
            "max_in_flight": max(self.peak.values(), default=0),
            "first": self.first,
            "last": self.last,
        }


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


class Request:
    __slots__ = ("body", "headers", "method", "target", "version")

    def __init__(self, method: str, target: str, version: str, headers: dict[str, str], body: bytes) -> None:
        self.method = method
        self.target = target
        self.version = version
        self.headers = headers
        self.body = body


class ApiProtocol(asyncio.Protocol):
    """One HTTP/1.1 connection: requests are answered one at a time, in order (no pipelining)."""

    def __init__(self, limits: Limits, store: Store) -> None:
        self.limits = limits
        self.store = store
        self.buffer = bytearray()
        self.busy = False
        self.transport: asyncio.Transport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport

    def connection_lost(self, exc: Exception | None) -> None:
        self.transport = None

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        self.process()

    def process(self) -> None:
        while not self.busy and self.transport is not None:
            request = self.parse()
            if request is None:
                return
            self.dispatch(request)

    def parse(self) -> Request | None:
        end = self.buffer.find(b"\r\n\r\n")
        if end < 0:
            if len(self.buffer) > MAX_HEADER_BYTES:
                self.fail(400, "header block too large")
            return None
        lines = bytes(self.buffer[:end]).decode("latin-1").split("\r\n")
        try:
            method, target, version = lines[0].split(" ", 2)
        except ValueError:
            self.fail(400, "malformed request line")
            return None
        headers: dict[str, str] = {}
        for line in lines[1:]:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
        start = end + 4
        if "chunked" in headers.get("transfer-encoding", "").lower():
            decoded = self.dechunk(start)
            if decoded is None:
                return None
            body, consumed = decoded
        else:
            length = int(headers.get("content-length", "0") or "0")
            if length > MAX_BODY_BYTES:
                self.fail(413, "body too large")
                return None
            if len(self.buffer) < start + length:
                return None
            body = bytes(self.buffer[start : start + length])
            consumed = start + length
        del self.buffer[:consumed]
        return Request(method, target, version, headers, body)

    def dechunk(self, start: int) -> tuple[bytes, int] | None:
        """A chunked body, if it has arrived whole: (body, bytes consumed from the buffer)."""
        parts: list[bytes] = []
        position = start
        while True:
            line_end = self.buffer.find(b"\r\n", position)
            if line_end < 0:
                return None
            size = int(bytes(self.buffer[position:line_end]).split(b";")[0], 16)
            if size == 0:
                trailer_end = self.buffer.find(b"\r\n\r\n", line_end)
                if trailer_end < 0:
                    return None
                return b"".join(parts), trailer_end + 4
            chunk_start = line_end + 2
            if len(self.buffer) < chunk_start + size + 2:
                return None
            parts.append(bytes(self.buffer[chunk_start : chunk_start + size]))
            position = chunk_start + size + 2

    def fail(self, status: int, message: str) -> None:
        self.respond(status, error_body("BAD_REQUEST", message), [], keep_alive=False)

    def respond(
        self, status: int, body: bytes, headers: list[tuple[str, str]], keep_alive: bool = True
    ) -> None:
        transport = self.transport
        if transport is None:
            return
        head = [f"HTTP/1.1 {status} {REASONS.get(status, 'Unknown')}"]
        head.append("Content-Type: application/json;charset=utf-8")
        head.append(f"Content-Length: {len(body)}")
        head.extend(f"{name}: {value}" for name, value in headers)
        if not keep_alive:
            head.append("Connection: close")
        transport.write(("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + body)
        if not keep_alive:
            transport.close()

    def dispatch(self, request: Request) -> None:
        keep_alive = request.headers.get("connection", "").lower() != "close"
        path, _, query = request.target.partition("?")
        if path.startswith("/_bench/"):
            self.bench_endpoint(request.method, path, query, keep_alive)
            return
        limits = self.limits
        now = time.time()
        limits.first = now if limits.first is None else limits.first
        limits.last = now
        limits.counts["requests"] += 1
        business, _, rest = path[len(API_PREFIX) :].partition("/")
        known = path.startswith(API_PREFIX) and business.isdigit()
        operation = OPERATIONS.get((request.method, rest)) if known else None
        if operation is None:
            if known and any(rest == where for _, where in OPERATIONS):
                self.answer(405, error_body("METHOD_NOT_ALLOWED", "use POST"), [], keep_alive)
            else:
                self.answer(404, error_body("NOT_FOUND", f"no such resource: {path}"), [], keep_alive)
            return
        limits.counts[f"requests:{operation}"] += 1
        rate_headers = limits.rate_headers(business, operation, now)
        if not request.headers.get("api-key"):
            body = error_body("UNAUTHORIZED", "Api-Key token is missing")
            self.answer(401, body, rate_headers, keep_alive)
            return
        arguments = parse_qs(query)
        problem = check_body(operation, request, arguments)
        if problem is not None:
            self.answer(400, error_body("BAD_REQUEST", problem), rate_headers, keep_alive)
            return
        refusal = limits.admit(business, operation, now)
        if refusal is not None:
            # The headers as they stand after the refusal: Remaining is 0 once the quota is spent.
            limits.counts[f"420:{operation}"] += 1
            rate_headers = limits.rate_headers(business, operation, now)
            self.answer(420, error_body("LIMIT_EXCEEDED", refusal), rate_headers, keep_alive)
            return
        rate_headers = limits.rate_headers(business, operation, now)
        self.store.catch_up(now)
        status, body = self.result(operation, request, arguments)
        # Only a server with a quota keeps track of messages (the run that counts lost and duplicates).
        message = (
            json.loads(request.body)["message"] if operation == "sendMessageToChat" and limits.quota else None
        )
        answered = None
        if operation == "sendMessageToChat" and status == 200:
            answered = (int(arguments["chatId"][0]), json.loads(request.body)["message"])
        if limits.latency > 0:
            self.busy = True
            asyncio.get_running_loop().call_later(
                limits.latency,
                self.finish,
                business,
                message,
                answered,
                status,
                body,
                rate_headers,
                keep_alive,
            )
            return
        self.finish(business, message, answered, status, body, rate_headers, keep_alive)

    def result(self, operation: str, request: Request, arguments: dict[str, list[str]]) -> tuple[int, bytes]:
        """The status and body of an admitted request."""
        if operation == "createChat":
            return 200, b'{"status":"OK","result":{"chatId":2}}'
        if operation == "getChatMessage":
            return self.store.message(int(arguments["chatId"][0]), int(arguments["messageId"][0]))
        if operation not in PAGE_LIMITS:
            return 200, b'{"status":"OK"}'
        default, _ = PAGE_LIMITS[operation]
        limit = int(arguments.get("limit", [default])[0])
        tokens = arguments.get("pageToken", [])
        offset = token_offset(tokens[0]) if tokens else 0
        if offset is None:
            return 400, error_body("BAD_REQUEST", "pageToken is not one this server gave")
        payload = json.loads(request.body)
        if operation == "getChats":
            return 200, json.dumps(self.store.list_chats(payload, offset, limit)).encode()
        chat = self.store.chats.get(int(arguments["chatId"][0]))
        if chat is None:
            return 404, error_body("NOT_FOUND", "no such chat")
        return 200, self.store.history(chat, payload.get("messageIdFrom"), offset, limit)

    def finish(
        self,
        business: str,
        message: str | None,
        answered: tuple[int, str] | None,
        status: int,
        body: bytes,
        headers: list[tuple[str, str]],
        keep_alive: bool,
    ) -> None:
        self.limits.release(business)
        if message is not None:
            self.limits.deliver(message)
        if answered is not None:
            self.store.answer(answered[0], answered[1], time.time())
        self.answer(status, body, headers, keep_alive)
        if self.busy:
            self.busy = False
            self.process()

    def answer(self, status: int, body: bytes, headers: list[tuple[str, str]], keep_alive: bool) -> None:
        self.limits.counts[str(status)] += 1
        self.respond(status, body, headers, keep_alive)

    def bench_endpoint(self, method: str, path: str, query: str, keep_alive: bool) -> None:
        if path == "/_bench/stats" and method == "GET":
            stats = {**self.limits.stats(), "store": self.store.stats(time.time())}
            self.respond(200, json.dumps(stats).encode(), [], keep_alive)
        elif path == "/_bench/reset" and method == "POST":
            self.limits.reset()
            self.store.reset()
            self.respond(200, b'{"status":"OK"}', [], keep_alive)
        elif path == "/_bench/arrivals" and method == "POST":
            # The Market's side of a notification bot: the buyer messages that arrived since the last
            # call (not counted as API requests), which the caller then notifies.
            self.store.catch_up(time.time())
            fresh, self.store.unannounced = self.store.unannounced, []
            self.respond(200, json.dumps(fresh).encode(), [], keep_alive)
        elif path == "/_bench/bot" and method == "POST":
            options = {name: values[0] for name, values in parse_qs(query).items()}
            started = self.store.start_bot(
                chats=int(options.get("chats", "4")),
                messages=int(options.get("messages", "10")),
                spread=float(options.get("spread", "5")),
                seed=int(options.get("seed", "1")),
            )
            self.respond(200, json.dumps(started).encode(), [], keep_alive)
        else:
            self.respond(404, error_body("NOT_FOUND", path), [], keep_alive)


def check_body(operation: str, request: Request, arguments: dict[str, list[str]]) -> str | None:
    """What the service would reject with 400, or None."""
    if operation in ("sendMessageToChat", "sendFileToChat", "getChatHistory"):
        chat_ids = arguments.get("chatId", [])
        if len(chat_ids) != 1 or not chat_ids[0].isdigit() or int(chat_ids[0]) < 1:
            return "chatId must be a positive integer"
    if operation in PAGE_LIMITS:
        _, most = PAGE_LIMITS[operation]
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
    content_type = request.headers.get("content-type", "")
    if operation == "sendFileToChat":
        if not content_type.startswith("multipart/form-data"):
            return "expected multipart/form-data"
        head = request.body[:4096]
        if b'name="file"' not in head or len(request.body) < 200:
            return "the multipart body has no part named file"
        return None
    if not content_type.startswith("application/json"):
        return "expected application/json"
    try:
        payload = json.loads(request.body)
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


async def serve(args: argparse.Namespace) -> None:
    loop = asyncio.get_running_loop()
    limits = Limits(args.quota, args.window, args.parallel, args.latency, quotas=dict(args.quota_for))
    store = Store()
    server = await loop.create_server(lambda: ApiProtocol(limits, store), HOST, args.port, backlog=256)
    port = server.sockets[0].getsockname()[1]
    print(f"PORT {port}", flush=True)
    stop = asyncio.Event()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    loop.add_signal_handler(signal.SIGINT, stop.set)
    if stat.S_ISFIFO(os.fstat(0).st_mode):
        # Started with a pipe as stdin: its end means the parent is gone.
        loop.add_reader(0, lambda: stop.set() if not os.read(0, 1024) else None)
    try:
        await asyncio.wait_for(stop.wait(), timeout=args.max_seconds)
    except TimeoutError:
        print("bench_server: --max-seconds reached, stopping", file=sys.stderr)
    server.close()
    await server.wait_closed()


def operation_quota(text: str) -> tuple[str, int]:
    operation, _, number = text.partition("=")
    if operation not in OPERATIONS.values() or not number.isdigit():
        raise argparse.ArgumentTypeError(f"expected OPERATION=N with a known operation, got {text!r}")
    return operation, int(number)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Loopback stand-in for the Yandex Market chat API.")
    parser.add_argument("--port", type=int, default=0, help="0 picks a free port (default)")
    parser.add_argument("--quota", type=int, default=None, help="requests per window per business and method")
    parser.add_argument(
        "--quota-for",
        type=operation_quota,
        action="append",
        default=[],
        metavar="OPERATION=N",
        help="a quota for one operation (e.g. getChats=50), replacing --quota for it",
    )
    parser.add_argument("--window", type=float, default=2.0, help="quota window in seconds (default 2)")
    parser.add_argument("--parallel", type=int, default=None, help="simultaneous requests per business")
    parser.add_argument("--latency", type=float, default=0.0, help="seconds to hold each admitted request")
    parser.add_argument("--max-seconds", type=float, default=600.0, help="stop by itself after this long")
    asyncio.run(serve(parser.parse_args(argv)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
