"""The fake Market: the one loopback stand-in of the Yandex Market chat API that answers 420, shared
by the tests and the benchmarks. One request handler (`Market.handle`), one transport
(`Connection`, asyncio HTTP/1.1 with keep-alive), started one of two ways:

- in the test's own process, on a thread with an event loop of its own (`Market.start()`), so
  that a test scripts it and reads what arrived as plain attributes (tests/ratelimit/support.py's
  `MarketSim` is this class with the tests' settings);
- as a process of its own (`python tests/fake_market.py [options]`, the benchmarks'
  `bench_util.LoopbackServer`), so that it costs the measured client no CPU of its interpreter.
  It binds 127.0.0.1 on a free port, prints `PORT <n>` on stdout, and stops on SIGTERM, when
  its stdin closes (the parent went away) or after `--max-seconds`.

It serves every operation of the spec (routed by method and path as the spec writes them; the
business is the operation's `x-limit-scope` parameter), with the rules of
tests/market_limits.py: a quota per window for each (business, method), a cap on requests in
flight per business, 420 over either, the three X-RateLimit-Resource-* headers on every answer;
401 without credentials, 404 and 405 off the spec's paths. An admitted request is answered from
the `Store` when the server has one (the benchmarks: chats, paging, the bot scenario;
tests/market_store.py, which also refuses with 400 what the service would) and with the spec's
example answer otherwise (the tests). A request that holds a place in flight is answered
`delay` seconds later.

Scripting (the tests): `plan(operation, Reply(...), ...)` sets the next answers of an operation (a
status, headers, a slow answer, a dropped connection); `record=True` keeps every request that
arrived in `seen` (`Seen`), `statuses()` and `wait_for_arrivals()` read them. `names` keys the
operations (operationId -> the name used in plans, quotas and `seen`: the tests use the Python
names). Besides the API paths it serves `GET /_bench/stats` (JSON counters), `POST /_bench/reset`,
`POST /_bench/bot` (the bot scenario) and `POST /_bench/arrivals` (the buyer messages arrived
since the last call, for the notification bot's Market stand-in).

Standard library and PyYAML only (the spec is read with it), so that the benchmarks' server stays
light: nothing here imports the package under test.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import signal
import stat
import sys
import threading
import time
from collections import Counter, deque
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from http import HTTPStatus
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs

import yaml
from market_limits import MarketLimits
from market_store import Store, check_body, error_body

if TYPE_CHECKING:
    from spec_support import FormPart

HOST = "127.0.0.1"
MAX_HEADER_BYTES = 64 * 1024
MAX_BODY_BYTES = 16 * 1024 * 1024
SPEC_PATH = Path(
    os.environ.get("SPEC_UNDER_TEST")
    or Path(__file__).resolve().parent.parent / "openapi" / "yandex-market-chat.yaml"
)
"""The spec it serves: ours, or the scratch copy the suites run on (as tests/spec_support.py)."""
REASONS = {status.value: status.phrase for status in HTTPStatus} | {420: "Enhance Your Calm"}
"""Reason phrases. Not http.client's table: with it imported (ssl comes along) every round trip
through the benchmarks' server took about a quarter longer, measured side by side."""


@dataclass(frozen=True)
class Route:
    """One operation of the spec as the server routes and answers it."""

    operation_id: str
    method: str
    path: re.Pattern[str]
    in_path: tuple[str, ...]
    """The names of its path parameters, in the order of the pattern's groups."""
    scope: tuple[str, str] | None
    """(in, name) of its `x-limit-scope` parameter: what requests in flight are counted per."""
    hourly: int | None
    """`x-hourly-limit` (optional in the spec): shown in the headers when no quota is enforced."""
    page: tuple[int, int] | None
    """The (default, maximum) of the `limit` query parameter of a paged operation."""
    example: bytes
    """The example answer of its 2xx status, serialised."""


@cache
def routes() -> tuple[Route, ...]:
    """The spec's operations, read once; literal paths before templated ones (as a router)."""
    spec = yaml.load(
        SPEC_PATH.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    )

    def resolved(node: Any) -> Any:
        while isinstance(node, dict) and "$ref" in node:
            found: Any = spec
            for step in node["$ref"].removeprefix("#/").split("/"):
                found = found[step]
            node = found
        return node

    found = []
    for template, item in spec["paths"].items():
        pieces = re.split(r"\{([^/]+?)\}", template)
        pattern = re.compile("".join(re.escape(p) if i % 2 == 0 else "([^/]+)" for i, p in enumerate(pieces)))
        in_path = tuple(pieces[1::2])
        for method, operation in item.items():
            if not isinstance(operation, dict) or "operationId" not in operation:
                continue
            parameters = [
                resolved(p) for p in [*item.get("parameters", []), *operation.get("parameters", [])]
            ]
            scope = next(((p["in"], p["name"]) for p in parameters if p.get("x-limit-scope")), None)
            page = None
            for parameter in parameters:
                if parameter["name"] == "limit" and "x-paging" in operation:
                    schema = resolved(parameter["schema"])
                    page = (schema["default"], schema["maximum"])
            success = min(code for code in map(str, operation["responses"]) if code.startswith("2"))
            media = resolved(operation["responses"][success]).get("content", {}).get("application/json", {})
            example = json.dumps(media.get("example"), ensure_ascii=False, separators=(",", ":")).encode()
            name = operation["operationId"]
            hourly = operation.get("x-hourly-limit")
            found.append(Route(name, method.upper(), pattern, in_path, scope, hourly, page, example))
    return tuple(sorted(found, key=lambda route: len(route.in_path)))


HOURLY_LIMITS = {route.operation_id: route.hourly for route in routes() if route.hourly is not None}
"""The service's documented limit per hour of each operation (`x-hourly-limit`), by operationId."""


@dataclass
class Reply:
    """A scripted answer for the next request of an operation."""

    status: int | None = None
    """None: answer as the simulated service would (quota, parallel limit)."""
    headers: dict[str, str] | None = None
    """None: the window's X-RateLimit-Resource-* headers; else exactly these."""
    delay: float = 0.0
    """Seconds to wait before answering (longer than the client's timeout: a read timeout);
    0: the server's `delay`."""
    drop: bool = False
    """Close the connection after reading the request, without answering."""


@dataclass
class Seen:
    """One request that reached the server (kept with `record=True`)."""

    operation: str
    business: int
    status: int
    """What the server answered (0: the connection was dropped)."""
    body: bytes
    content_type: str
    arrived: float
    until: str
    """The X-RateLimit-Resource-Until header of the answer ("" when there was none)."""

    @property
    def json(self) -> Any:
        """The JSON body."""
        return json.loads(self.body)

    @property
    def parts(self) -> list[FormPart]:
        """The parts of a multipart body."""
        from spec_support import form_parts  # the tests' parser (imports the package): tests only

        return form_parts(self.content_type, self.body)


def find_route(method: str, path: str, query: str) -> tuple[tuple[Route, int] | int, bool]:
    """`Market.route`'s answer, and whether it depends on the method and path alone."""
    status = 404
    for route in routes():
        found = route.path.fullmatch(path)
        if found is None:
            continue
        if route.method != method:
            status = 405
            continue
        if route.scope is None:
            return (route, 0), True
        where, name = route.scope
        if where == "path":
            value = found.group(route.in_path.index(name) + 1)
        else:
            value = parse_qs(query).get(name, [""])[0]
        return ((route, int(value)) if value.isdigit() else 404), where == "path"
    return status, True


AS_THE_SERVICE = Reply()
"""The answer of a request no plan scripts: the limits decide (never changed)."""


class Request:
    __slots__ = ("body", "headers", "method", "target", "version")

    def __init__(self, method: str, target: str, version: str, headers: dict[str, str], body: bytes) -> None:
        self.method = method
        self.target = target
        self.version = version
        self.headers = headers
        self.body = body


@dataclass(slots=True)
class Answer:
    """What the handler decided for one request; written `delay` seconds later when it holds a place."""

    status: int
    body: bytes
    headers: Mapping[str, str]
    delay: float = 0.0
    business: int | None = None
    """The business whose place in flight it holds until it is answered (None: none)."""
    drop: bool = False
    sent: tuple[int, str] | None = None
    """(chat, text) of a seller's message the store records once it is answered."""
    counted: bool = True
    """An API answer, counted in the stats by status (the /_bench/ paths are not)."""


@dataclass
class Market(MarketLimits):
    """The fake Market; see the module docstring. Its defaults are the benchmarks' (the rules'
    own: windows aligned on the clock, a refusal takes no place), no quota and no cap."""

    delay: float = 0.0
    """Seconds every answer that holds a place in flight takes, so that requests overlap."""
    store: Store | None = None
    """The chats it answers from (the benchmarks); None: the spec's example answers (the tests)."""
    record: bool = False
    """Keep every request in `seen` (the tests; the benchmarks send too many, some of megabytes)."""
    names: Mapping[str, str] = field(default_factory=dict)
    """operationId -> the name plans, quotas, counts and `seen` use; absent: the operationId."""
    seen: list[Seen] = field(default_factory=list)
    counts: Counter[str] = field(default_factory=Counter)
    """What `/_bench/stats` reports: requests (per operation), answers per status, 420s per operation."""
    delivered: Counter[str] = field(default_factory=Counter)
    first: float | None = None
    last: float | None = None
    _script: dict[str, deque[Reply]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _arrived: threading.Condition = field(default_factory=threading.Condition)
    _connections: set[Connection] = field(default_factory=set)
    _routed: dict[tuple[str, str], tuple[Route, int] | int] = field(default_factory=dict)
    _running: tuple[asyncio.AbstractEventLoop, threading.Thread, asyncio.Server] | None = None

    def __post_init__(self) -> None:
        if not self.hourly:
            self.hourly = {self.names.get(name, name): hourly for name, hourly in HOURLY_LIMITS.items()}

    # Scripting and reading, from the test's thread.

    def plan(self, operation: str, *replies: Reply) -> None:
        """Answer the next requests of `operation` with these, in order."""
        with self._lock:
            self._script.setdefault(operation, deque()).extend(replies)

    def wait_for_arrivals(self, count: int, timeout: float = 10.0) -> None:
        """Block until `count` requests have arrived (the event, not a sleep)."""
        with self._arrived:
            arrived = self._arrived.wait_for(lambda: len(self.seen) >= count, timeout)
        assert arrived, f"{len(self.seen)} of {count} requests arrived within {timeout} s"

    def statuses(self, operation: str | None = None) -> list[int]:
        with self._lock:
            return [s.status for s in self.seen if operation in (None, s.operation)]

    # The one request handler.

    def handle(self, request: Request) -> Answer:
        """What to answer a request, decided at once (under the lock a test scripts through)."""
        path, _, query = request.target.partition("?")
        now = time.time()
        with self._lock:
            if path.startswith("/_bench/"):
                return self.control(request.method, path, query, now)
            self.first = now if self.first is None else self.first
            self.last = now
            self.counts["requests"] += 1
            routed = self.route(request.method, path, query)
            if isinstance(routed, int):
                code = "NOT_FOUND" if routed == 404 else "METHOD_NOT_ALLOWED"
                return Answer(routed, error_body(code, f"no {request.method} {path} in the spec"), {})
            route, business = routed
            operation = self.names.get(route.operation_id, route.operation_id)
            self.counts[f"requests:{operation}"] += 1
            arguments = parse_qs(query)
            problem = self.problem(route, request, arguments)
            if problem is not None:
                status, code, message = problem
                return Answer(status, error_body(code, message), self.headers(business, operation, now))
            answer = self.decide(route, operation, business, request, arguments, now)
        if self.record:
            with self._arrived:
                self._arrived.notify_all()
        return answer

    def route(self, method: str, path: str, query: str) -> tuple[Route, int] | int:
        """The operation a request goes to and its business (its `x-limit-scope` value; 0 when it
        has none), or the status of a request off the spec's paths (404, 405). Remembered per
        (method, path) when the query plays no part, so that the benchmarks' server stays as
        cheap as one dictionary look-up."""
        key = (method, path)
        found = self._routed.get(key)
        if found is None:
            found, by_path = find_route(method, path, query)
            if by_path and len(self._routed) < 4096:
                self._routed[key] = found
        return found

    def problem(
        self, route: Route, request: Request, arguments: dict[str, list[str]]
    ) -> tuple[int, str, str] | None:
        """(status, code, message) of a request the service refuses before its limits: no
        credentials; with a store, a request the store cannot read (market_store.check_body)."""
        if not (request.headers.get("api-key") or request.headers.get("authorization")):
            return 401, "UNAUTHORIZED", "Api-Key token is missing"
        if self.store is None:
            return None
        content_type = request.headers.get("content-type", "")
        found = check_body(route.operation_id, content_type, request.body, arguments, route.page)
        return None if found is None else (400, "BAD_REQUEST", found)

    def decide(
        self,
        route: Route,
        operation: str,
        business: int,
        request: Request,
        arguments: dict[str, list[str]],
        now: float,
    ) -> Answer:
        """The limits' answer, or the next scripted one; the body; what is recorded."""
        script = self._script.get(operation)
        reply = script.popleft() if script else AS_THE_SERVICE
        self.current(business, operation, now)  # a scripted answer starts a window too
        refusal = None
        if reply.status is None:
            refusal = self.admit(business, operation, now)
            status = 420 if refusal else 200
            held = refusal is None or self.refusals_take_a_place
        else:
            self.hold(business)
            status, held = reply.status, True
        headers = self.headers(business, operation, now) if reply.headers is None else reply.headers
        sent = None
        if status == 200:
            body = route.example
            if self.store is not None:
                self.store.catch_up(now)
                found = self.store.result(route.operation_id, request.body, arguments, route.page)
                if found is not None:
                    status, body, sent = found
        else:
            self.counts[f"{status}:{operation}"] += 1
            code = "LIMIT_EXCEEDED" if status == 420 else "ERROR"
            body = error_body(code, refusal or f"simulated {status}")
        if self.record:
            until = headers.get("X-RateLimit-Resource-Until", "")
            content_type = request.headers.get("content-type", "")
            status_seen = 0 if reply.drop else status
            self.seen.append(Seen(operation, business, status_seen, request.body, content_type, now, until))
        delay = (reply.delay or self.delay) if held else 0.0
        return Answer(status, body, headers, delay, business if held else None, reply.drop, sent)

    def finish(self, answer: Answer) -> None:
        """An answer is about to be written (or the connection dropped): its place given back
        first (the caller may send again at once), the store told of a message sent."""
        with self._lock:
            if answer.business is not None:
                self.release(answer.business)
            if answer.sent is not None and self.store is not None:
                chat, text = answer.sent
                if self.quota:  # only a server with a quota counts lost and duplicated messages
                    self.deliver(text)
                self.store.answer(chat, text, time.time())
            if answer.counted and not answer.drop:
                self.counts[str(answer.status)] += 1

    def deliver(self, message: str) -> None:
        """Count a message answered 200: a second 200 for the same text is a duplicate."""
        self.delivered[message] += 1
        self.counts["delivered" if self.delivered[message] == 1 else "duplicated"] += 1

    def control(self, method: str, path: str, query: str, now: float) -> Answer:
        """The /_bench/ paths: stats, reset, the bot scenario, the arrivals."""
        store = self.store
        if path == "/_bench/stats" and method == "GET":
            body: Any = self.stats(now)
        elif path == "/_bench/reset" and method == "POST":
            self.reset()
            body = {"status": "OK"}
        elif path == "/_bench/arrivals" and method == "POST" and store is not None:
            # The Market's side of a notification bot: the buyer messages that arrived since the
            # last call (not counted as API requests), which the caller then notifies.
            store.catch_up(now)
            body, store.unannounced = store.unannounced, []
        elif path == "/_bench/bot" and method == "POST" and store is not None:
            options = {name: values[0] for name, values in parse_qs(query).items()}
            body = store.start_bot(
                chats=int(options.get("chats", "4")),
                messages=int(options.get("messages", "10")),
                spread=float(options.get("spread", "5")),
                seed=int(options.get("seed", "1")),
            )
        else:
            return Answer(404, error_body("NOT_FOUND", path), {}, counted=False)
        return Answer(200, json.dumps(body).encode(), {}, counted=False)

    def stats(self, now: float) -> dict[str, object]:
        return {
            "counts": dict(self.counts),
            "max_in_flight": max(self.peak.values(), default=0),
            "first": self.first,
            "last": self.last,
            "store": None if self.store is None else self.store.stats(now),
        }

    def reset(self) -> None:
        """Forget every window, count, request and plan, as a fresh server (the store too)."""
        super().reset()
        self.counts.clear()
        self.delivered.clear()
        self.first = self.last = None
        self.seen.clear()
        self._script.clear()
        if self.store is not None:
            self.store.reset()

    # The two ways to run it.

    async def listen(self, port: int = 0) -> asyncio.Server:
        """Serve on 127.0.0.1 from the running event loop."""
        loop = asyncio.get_running_loop()
        return await loop.create_server(lambda: Connection(self), HOST, port, backlog=256)

    def start(self) -> None:
        """Serve from a thread with an event loop of its own (the tests); `url` is where."""
        loop = asyncio.new_event_loop()
        thread = threading.Thread(target=loop.run_forever, name="fake-market", daemon=True)
        thread.start()
        server = asyncio.run_coroutine_threadsafe(self.listen(), loop).result()
        self._running = (loop, thread, server)

    @property
    def url(self) -> str:
        assert self._running is not None, "start() it first"
        port = self._running[2].sockets[0].getsockname()[1]
        return f"http://{HOST}:{port}"

    def stop(self) -> None:
        """Stop serving: every connection closed, the thread ended."""
        if self._running is None:
            return
        loop, thread, server = self._running
        self._running = None

        async def close() -> None:
            server.close()
            for connection in list(self._connections):
                connection.close()
            await asyncio.sleep(0)  # their connection_lost

        asyncio.run_coroutine_threadsafe(close(), loop).result()
        loop.call_soon_threadsafe(loop.stop)
        thread.join()
        loop.close()


class Connection(asyncio.Protocol):
    """The one transport: one HTTP/1.1 connection, its requests answered one at a time, in order
    (no pipelining), each `Answer` written when its delay is over."""

    def __init__(self, market: Market) -> None:
        self.market = market
        self.buffer = bytearray()
        self.busy = False
        self.transport: asyncio.Transport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport
        self.market._connections.add(self)

    def connection_lost(self, exc: Exception | None) -> None:
        self.transport = None
        self.market._connections.discard(self)

    def close(self) -> None:
        if self.transport is not None:
            self.transport.close()

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
        self.respond(status, error_body("BAD_REQUEST", message), {}, keep_alive=False)

    def respond(self, status: int, body: bytes, headers: Mapping[str, str], keep_alive: bool = True) -> None:
        transport = self.transport
        if transport is None:
            return
        head = [f"HTTP/1.1 {status} {REASONS.get(status, 'Unknown')}"]
        head.append("Content-Type: application/json;charset=utf-8")
        head.append(f"Content-Length: {len(body)}")
        head.extend(f"{name}: {value}" for name, value in headers.items())
        if not keep_alive:
            head.append("Connection: close")
        transport.write(("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + body)
        if not keep_alive:
            transport.close()

    def dispatch(self, request: Request) -> None:
        keep_alive = request.headers.get("connection", "").lower() != "close"
        answer = self.market.handle(request)
        if answer.delay > 0:
            self.busy = True
            asyncio.get_running_loop().call_later(answer.delay, self.finish, answer, keep_alive)
            return
        self.finish(answer, keep_alive)

    def finish(self, answer: Answer, keep_alive: bool) -> None:
        self.market.finish(answer)
        if answer.drop:
            self.buffer.clear()
            self.close()
        else:
            self.respond(answer.status, answer.body, answer.headers, keep_alive)
        if self.busy:
            self.busy = False
            self.process()


async def serve(market: Market, port: int, max_seconds: float) -> None:
    """Serve until SIGTERM, SIGINT, the end of stdin (a pipe: the parent is gone) or `max_seconds`."""
    loop = asyncio.get_running_loop()
    server = await market.listen(port)
    print(f"PORT {server.sockets[0].getsockname()[1]}", flush=True)
    stop = asyncio.Event()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    loop.add_signal_handler(signal.SIGINT, stop.set)
    if stat.S_ISFIFO(os.fstat(0).st_mode):
        loop.add_reader(0, lambda: stop.set() if not os.read(0, 1024) else None)
    try:
        await asyncio.wait_for(stop.wait(), timeout=max_seconds)
    except TimeoutError:
        print("fake_market: --max-seconds reached, stopping", file=sys.stderr)
    server.close()
    await server.wait_closed()


def operation_quota(text: str) -> tuple[str, int]:
    operation, _, number = text.partition("=")
    if operation not in HOURLY_LIMITS or not number.isdigit():
        raise argparse.ArgumentTypeError(
            f"expected OPERATION=N with an operationId of the spec, got {text!r}"
        )
    return operation, int(number)


def main(argv: list[str] | None = None) -> int:
    """The fake Market as a process of its own, with a store (the benchmarks)."""
    parser = argparse.ArgumentParser(description="The fake Market: a loopback stand-in of the chat API.")
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
    parser.add_argument("--delay", type=float, default=0.0, help="seconds to hold each admitted request")
    parser.add_argument("--max-seconds", type=float, default=600.0, help="stop by itself after this long")
    args = parser.parse_args(argv)
    market = Market(
        args.quota, args.window, args.parallel, dict(args.quota_for), delay=args.delay, store=Store()
    )
    asyncio.run(serve(market, args.port, args.max_seconds))
    return 0


if __name__ == "__main__":
    sys.exit(main())
