"""Fixtures: the simulated service on loopback, sync/async runners, and a real redis-server."""

from __future__ import annotations

import socket
import subprocess
import time
from collections.abc import Iterator

import pytest
import redis
from yandex_market_chat import _pipeline

from .support import Runner, pinned_redis_server


@pytest.fixture(autouse=True)
def fast_backoff(monkeypatch: pytest.MonkeyPatch) -> None:
    """Backoff scaled down tenfold, like the simulated quota: the same steps, 25-50 ms first."""
    monkeypatch.setattr(_pipeline, "BACKOFF_BASE", _pipeline.BACKOFF_BASE / 10)
    monkeypatch.setattr(_pipeline, "BACKOFF_CAP", _pipeline.BACKOFF_CAP / 10)


@pytest.fixture(params=["sync", "async"])
def runner(request: pytest.FixtureRequest) -> Iterator[Runner]:
    """Every test that takes it runs twice: through sync() and through asyncio()."""
    made = Runner(request.param)
    yield made
    made.close()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture(scope="session")
def redis_url() -> Iterator[str]:
    """A real redis-server on a free loopback port, without persistence; never a mock, never a skip."""
    binary = pinned_redis_server()
    port = free_port()
    process = subprocess.Popen(
        [str(binary), "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"redis://127.0.0.1:{port}/0"
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                with redis.Redis.from_url(url) as probe:
                    probe.ping()
                break
            except redis.ConnectionError:
                assert process.poll() is None, "redis-server exited at start"
                assert time.monotonic() < deadline, "redis-server did not answer within 20 s"
                time.sleep(0.05)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)
