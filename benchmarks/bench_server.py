"""A loopback stand-in for the chat methods of the Yandex Market Partner API, for the benchmarks.

It answers the three chat operations the way the service does: JSON envelopes
(`{"status":"OK"}`, error bodies with `"status":"ERROR"` and an `errors` list), the
`X-RateLimit-Resource-Limit/-Remaining/-Until` headers on every answer, HTTP/1.1 keep-alive.
With `--quota` and `--parallel` it also enforces a small rate limit and answers 420 when a
request would break it, as the service does.

Run by the benchmarks in a subprocess of their own (so that it does not share the client's
interpreter): `python bench_server.py [options]` binds 127.0.0.1 on a free port and prints
`PORT <n>` on stdout. It stops on SIGTERM, when its stdin closes (the parent went away) or
after `--max-seconds`, whichever comes first.

Besides the API paths it serves `GET /_bench/stats` (JSON counters) and `POST /_bench/reset`.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import os
import signal
import stat
import sys
import time
from collections import Counter
from email.utils import formatdate
from urllib.parse import parse_qs

HOST = "127.0.0.1"
MAX_HEADER_BYTES = 64 * 1024
MAX_BODY_BYTES = 16 * 1024 * 1024
API_PREFIX = "/v2/businesses/"
OPERATIONS = {
    "chats/message": "sendMessageToChat",
    "chats/file/send": "sendFileToChat",
    "chats/new": "createChat",
}
HOURLY_LIMIT = 1000
"""The service's documented limit per method, shown in the headers when no quota is enforced."""


def http_date(moment: float) -> str:
    """An RFC 822 date, as X-RateLimit-Resource-Until carries it."""
    return formatdate(moment, usegmt=True)


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


class Limits:
    """The server's view of the limits: a fixed quota window per (business, operation), aligned
    to multiples of the window length so that the whole-second Until header is exact, and a cap
    on simultaneous requests per business."""

    def __init__(self, quota: int | None, window: float, parallel: int | None, latency: float) -> None:
        self.quota = quota
        self.window = window
        self.parallel = parallel
        self.latency = latency
        self.used: dict[tuple[str, str, float], int] = {}
        self.in_flight: Counter[str] = Counter()
        self.counts: Counter[str] = Counter()
        self.delivered: Counter[str] = Counter()
        self.max_in_flight = 0
        self.first: float | None = None
        self.last: float | None = None

    def reset(self) -> None:
        self.delivered.clear()
        self.used.clear()
        self.in_flight.clear()
        self.counts.clear()
        self.max_in_flight = 0
        self.first = self.last = None

    def window_start(self, now: float) -> float:
        return math.floor(now / self.window) * self.window

    def headers(self, business: str, operation: str, now: float) -> list[tuple[str, str]]:
        if self.quota is None:
            # No quota enforced: the documented hourly limit, reset at the top of the hour.
            until = math.floor(now / 3600) * 3600 + 3600
            return [
                ("X-RateLimit-Resource-Limit", str(HOURLY_LIMIT)),
                ("X-RateLimit-Resource-Remaining", str(HOURLY_LIMIT - 1)),
                ("X-RateLimit-Resource-Until", http_date(until)),
            ]
        start = self.window_start(now)
        used = self.used.get((business, operation, start), 0)
        return [
            ("X-RateLimit-Resource-Limit", str(self.quota)),
            ("X-RateLimit-Resource-Remaining", str(max(0, self.quota - used))),
            ("X-RateLimit-Resource-Until", http_date(start + self.window)),
        ]

    def admit(self, business: str, operation: str, now: float) -> str | None:
        """Take a slot for one request, or say which limit it would break."""
        if self.parallel is not None and self.in_flight[business] >= self.parallel:
            return f"Hit rate limit of {self.parallel} parallel requests for business {business}"
        if self.quota is not None:
            key = (business, operation, self.window_start(now))
            if self.used.get(key, 0) >= self.quota:
                return (
                    f"Hit rate limit of '{self.quota}' requests per '{self.window:g} s' "
                    f"for resource '{operation}'"
                )
            self.used[key] = self.used.get(key, 0) + 1
        self.in_flight[business] += 1
        self.max_in_flight = max(self.max_in_flight, self.in_flight[business])
        return None

    def release(self, business: str) -> None:
        self.in_flight[business] -= 1

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
            "max_in_flight": self.max_in_flight,
            "first": self.first,
            "last": self.last,
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

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
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
            self.bench_endpoint(request.method, path, keep_alive)
            return
        limits = self.limits
        now = time.time()
        limits.first = now if limits.first is None else limits.first
        limits.last = now
        limits.counts["requests"] += 1
        business, _, rest = path[len(API_PREFIX) :].partition("/")
        operation = OPERATIONS.get(rest) if path.startswith(API_PREFIX) and business.isdigit() else None
        if operation is None:
            self.answer(404, error_body("NOT_FOUND", f"no such resource: {path}"), [], keep_alive)
            return
        if request.method != "POST":
            self.answer(405, error_body("METHOD_NOT_ALLOWED", "use POST"), [], keep_alive)
            return
        rate_headers = limits.headers(business, operation, now)
        if not request.headers.get("api-key"):
            body = error_body("UNAUTHORIZED", "Api-Key token is missing")
            self.answer(401, body, rate_headers, keep_alive)
            return
        problem = check_body(operation, request, query)
        if problem is not None:
            self.answer(400, error_body("BAD_REQUEST", problem), rate_headers, keep_alive)
            return
        refusal = limits.admit(business, operation, now)
        if refusal is not None:
            # The headers as they stand after the refusal: Remaining is 0 once the quota is spent.
            rate_headers = limits.headers(business, operation, now)
            self.answer(420, error_body("LIMIT_EXCEEDED", refusal), rate_headers, keep_alive)
            return
        rate_headers = limits.headers(business, operation, now)
        body = b'{"status":"OK","result":{"chatId":2}}' if operation == "createChat" else b'{"status":"OK"}'
        # Only a server with a quota keeps track of messages (the run that counts lost and duplicates).
        message = (
            json.loads(request.body)["message"] if operation == "sendMessageToChat" and limits.quota else None
        )
        if limits.latency > 0:
            self.busy = True
            asyncio.get_running_loop().call_later(
                limits.latency, self.finish, business, message, body, rate_headers, keep_alive
            )
            return
        self.finish(business, message, body, rate_headers, keep_alive)

    def finish(
        self,
        business: str,
        message: str | None,
        body: bytes,
        headers: list[tuple[str, str]],
        keep_alive: bool,
    ) -> None:
        self.limits.release(business)
        if message is not None:
            self.limits.deliver(message)
        self.answer(200, body, headers, keep_alive)
        if self.busy:
            self.busy = False
            self.process()

    def answer(self, status: int, body: bytes, headers: list[tuple[str, str]], keep_alive: bool) -> None:
        self.limits.counts[str(status)] += 1
        self.respond(status, body, headers, keep_alive)

    def bench_endpoint(self, method: str, path: str, keep_alive: bool) -> None:
        if path == "/_bench/stats" and method == "GET":
            self.respond(200, json.dumps(self.limits.stats()).encode(), [], keep_alive)
        elif path == "/_bench/reset" and method == "POST":
            self.limits.reset()
            self.respond(200, b'{"status":"OK"}', [], keep_alive)
        else:
            self.respond(404, error_body("NOT_FOUND", path), [], keep_alive)


def check_body(operation: str, request: Request, query: str) -> str | None:
    """What the service would reject with 400, or None."""
    if operation != "createChat":
        chat_ids = parse_qs(query).get("chatId", [])
        if len(chat_ids) != 1 or not chat_ids[0].isdigit() or int(chat_ids[0]) < 1:
            return "chatId must be a positive integer"
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
    if operation == "sendMessageToChat":
        message = payload.get("message") if isinstance(payload, dict) else None
        if not isinstance(message, str) or not 1 <= len(message) <= 4096:
            return "message must be 1 to 4096 characters"
    return None


async def serve(args: argparse.Namespace) -> None:
    loop = asyncio.get_running_loop()
    limits = Limits(args.quota, args.window, args.parallel, args.latency)
    server = await loop.create_server(lambda: ApiProtocol(limits), HOST, args.port, backlog=256)
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Loopback stand-in for the Yandex Market chat API.")
    parser.add_argument("--port", type=int, default=0, help="0 picks a free port (default)")
    parser.add_argument("--quota", type=int, default=None, help="requests per window per business and method")
    parser.add_argument("--window", type=float, default=2.0, help="quota window in seconds (default 2)")
    parser.add_argument("--parallel", type=int, default=None, help="simultaneous requests per business")
    parser.add_argument("--latency", type=float, default=0.0, help="seconds to hold each admitted request")
    parser.add_argument("--max-seconds", type=float, default=600.0, help="stop by itself after this long")
    asyncio.run(serve(parser.parse_args(argv)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
