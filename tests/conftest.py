"""Shared test fixtures: an obviously fake key, clients wired to an httpx.MockTransport, the
simulated service on loopback, the run's Prism mock, and the `mode` every sync/async pair of tests
runs in."""

from __future__ import annotations

import asyncio
import os
import ssl
import sys
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

# spec_support.py holds checks shared by many test modules; rewrite its asserts so that a failing
# check shows the values, as in a test module (before anything imports it).
pytest.register_assert_rewrite("spec_support")

import prism_per_run  # noqa: E402
from ratelimit.support import MarketSim  # noqa: E402
from yandex_market_chat import AuthenticatedClient  # noqa: E402

FAKE_KEY = "fake-api-key-for-tests-0000"
"""Obviously fake: no real key ever appears in a test, fixture or cassette."""

TLS = ssl.create_default_context()
"""For the httpx clients the tests make themselves (the package shares one context per process, but
httpx makes one per client, reading the whole CA bundle: ~50 ms of CPU each); unused on plain HTTP."""

MYPY_CACHE = Path(sys.prefix) / "mypy-cache-tests"
"""mypy's cache for the tests that run `mypy --strict` on code they write: the standard library
and the dependencies are analysed once and kept with the venv (and its pinned mypy); the code
under test is new each time, so it is always checked afresh."""

Handler = Callable[[httpx.Request], httpx.Response]


def mock_client(handler: Handler, **options: object) -> AuthenticatedClient:
    """A client whose sync and async requests are answered by `handler` (no sockets)."""
    client = AuthenticatedClient(token=FAKE_KEY, **options)  # type: ignore[arg-type]
    transport = httpx.MockTransport(handler)
    client.set_httpx_client(httpx.Client(transport=transport))
    client.set_async_httpx_client(httpx.AsyncClient(transport=transport))
    return client


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "long: a test of tens of seconds; run before the others")


@pytest.hookimpl(trylast=True)  # (after -k and -m have deselected: the blocks are of what runs)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests marked `long` go first, dealt out to the workers (the rest keep their order): `--dist
    worksteal` hands each of the N workers one of N consecutive blocks of the list, and a worker
    that runs out takes tests from the end of another's block. Each block starts with its share of
    the long tests, so that every worker starts some early and they share the short tests while
    those run, instead of one worker running all the long tests one after another."""
    workers = int(getattr(config, "workerinput", {}).get("workercount", 1))
    long = [item for item in items if item.get_closest_marker("long")]
    short = [item for item in items if not item.get_closest_marker("long")]
    dealt: list[pytest.Item] = []
    for worker in range(workers):
        block = (len(items) - len(dealt)) // (workers - worker)  # (worksteal's own split)
        mine = long[worker::workers]
        take = max(0, block - len(mine))
        dealt += mine + short[:take]
        short = short[take:]
    items[:] = dealt + short


@pytest.fixture(scope="session")
def prism_url(pytestconfig: pytest.Config) -> str:
    """Prism mock serving the spec under test (`spec_support.SPEC_PATH`) on a loopback port: one
    per test run, shared by the workers and every test that only needs it (tests/prism_per_run.py),
    stopped when the run ends. If Prism cannot start, every test using it errors with Prism's
    output: the suites never run without their independent server."""
    from spec_support import SPEC_PATH

    return prism_per_run.prism_url(pytestconfig, SPEC_PATH)


def pytest_sessionfinish(session: pytest.Session) -> None:
    """The run's Prism mock is stopped by the process that runs the session (xdist's controller,
    or pytest itself without xdist), passed, failed or interrupted: no worker outlives it."""
    if not hasattr(session.config, "workerinput"):
        prism_per_run.stop(session.config)


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch) -> Iterator[pytest.MonkeyPatch]:
    """No YANDEX_MARKET_* variable from the environment the tests run in: the client objects read
    them. Set what a test needs with `env.setenv`."""
    for name in list(os.environ):
        if name.startswith("YANDEX_MARKET_"):
            monkeypatch.delenv(name)
    yield monkeypatch


@pytest.fixture
def sim() -> Iterator[MarketSim]:
    """The simulated service (tests/ratelimit/support.py) on 127.0.0.1, stopped after the test."""
    server = MarketSim()
    server.start()
    yield server
    server.stop()


@pytest.fixture(params=["sync", "async"])
def mode(request: pytest.FixtureRequest) -> str:
    """Every test that takes it runs twice: the sync way and the async way."""
    return str(request.param)


def run(mode: str, sync_call: Callable[[], Any], async_call: Callable[[], Awaitable[Any]]) -> Any:
    """`sync_call()` in sync mode; `async_call()` on a fresh event loop in async mode."""
    if mode == "sync":
        return sync_call()

    async def main() -> Any:
        return await async_call()

    return asyncio.run(main())


def call(mode: str, module: Any, *, detailed: bool = False, **kwargs: Any) -> Any:
    """`module.sync(**kwargs)` or `module.asyncio(**kwargs)` by mode (`*_detailed` with `detailed`)."""
    if detailed:
        return run(mode, lambda: module.sync_detailed(**kwargs), lambda: module.asyncio_detailed(**kwargs))
    return run(mode, lambda: module.sync(**kwargs), lambda: module.asyncio(**kwargs))
