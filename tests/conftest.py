"""Shared test helpers: an obviously fake key and clients wired to an httpx.MockTransport."""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest
from yandex_market_chat import AuthenticatedClient

FAKE_KEY = "fake-api-key-for-tests-0000"
"""Obviously fake: no real key ever appears in a test, fixture or cassette."""

Handler = Callable[[httpx.Request], httpx.Response]


def mock_client(handler: Handler, **options: object) -> AuthenticatedClient:
    """A client whose sync and async requests are answered by `handler` (no sockets)."""
    client = AuthenticatedClient(token=FAKE_KEY, **options)  # type: ignore[arg-type]
    transport = httpx.MockTransport(handler)
    client.set_httpx_client(httpx.Client(transport=transport))
    client.set_async_httpx_client(httpx.AsyncClient(transport=transport))
    return client


@pytest.fixture
def fake_key() -> str:
    return FAKE_KEY
