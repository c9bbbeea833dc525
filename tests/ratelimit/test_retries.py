"""Retries against the simulated service: what is sent again, after what, how long it waits, what
is logged. Every test runs twice (the `runner` fixture): through sync() and through asyncio().

What may be sent again depends on the operation: the tests parametrized by operation cover every
operation of the spec, expecting what its `x-idempotent` declares. The rules that hold for every
operation alike (waiting for a rate-limit window, the retry budget, Retry-After) run on the
spec's first operation, FIRST; SECOND, another one, shows that limits are kept per operation."""

from __future__ import annotations

import io
import logging
import math
import os
import re
import time
from email.utils import parsedate_to_datetime
from functools import partial
from pathlib import Path
from typing import Any, BinaryIO

import httpx
import pytest
from conftest import TLS
from spec_support import check_answer
from yandex_market_chat import (
    APIConnectionError,
    APITimeoutError,
    File,
    InternalServerError,
    RateLimitError,
    _pipeline,
)
from yandex_market_chat._pipeline import rate_limit_wait

from .support import BY_NAME, FAKE_KEY, OPERATIONS, MarketSim, Reply, Runner, arguments, http_date, timed

FIRST, SECOND = OPERATIONS[:2]
FILE_OPERATIONS = [name for name, op in BY_NAME.items() if op.files]


def answered(operation: str, result: object) -> bool:
    """`result` is the operation's success model carrying the simulated answer (its example)."""
    op = BY_NAME[operation]
    check_answer(op, op.success_status, result, op.example_answer(op.success_status))
    return True


def until_in(seconds: int) -> tuple[int, str]:
    """A reset `seconds` after the next whole second, and its X-RateLimit-Resource-Until value."""
    moment = math.ceil(time.time()) + seconds
    return moment, http_date(moment)


def window(remaining: int, until: str) -> dict[str, str]:
    return {
        "X-RateLimit-Resource-Limit": "1000",
        "X-RateLimit-Resource-Remaining": str(remaining),
        "X-RateLimit-Resource-Until": until,
    }


def retry_waits(caplog: pytest.LogCaptureFixture) -> list[tuple[str, float]]:
    """(message, seconds) of each INFO record announcing a retry."""
    found = []
    for record in caplog.records:
        match = re.fullmatch(r"retrying .* in (\d+\.\d\d) s \(retry \d\)", record.getMessage())
        if record.name == "yandex_market_chat" and record.levelno == logging.INFO and match:
            found.append((record.getMessage(), float(match[1])))
    return found


def test_a_420_waits_for_the_reset_then_sends_again(
    runner: Runner, sim: MarketSim, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="yandex_market_chat")
    reset, until = until_in(1)
    sim.plan(FIRST, Reply(420, window(0, until)))
    client = runner.client(sim.url)

    assert answered(FIRST, runner.call(client, FIRST, **arguments(FIRST)))

    assert sim.statuses() == [420, 200]
    assert sim.seen[1].arrived >= reset, "sent again before the window reset"
    [(message, wait)] = retry_waits(caplog)
    assert f"{BY_NAME[FIRST].operation_id} after status 420 (rate limit, 0 remaining)" in message
    assert 0 < wait <= 3
    assert not [r for r in caplog.records if FAKE_KEY in r.getMessage()], "the key reached a log"


def test_a_wait_beyond_the_cap_raises_at_once_with_reset_at(runner: Runner, sim: MarketSim) -> None:
    _, until = until_in(3600)
    sim.plan(FIRST, Reply(420, window(0, until)), Reply(420, window(0, until)))
    client = runner.client(sim.url, max_rate_limit_wait=5.0)

    # The 420 itself: *_detailed() returns it, sync()/asyncio() raise it; neither sleeps an hour.
    response, took = timed(lambda: runner.call(client, FIRST, detailed=True, **arguments(FIRST)))
    assert response.status_code == 420 and took < 5.0
    fresh = runner.client(sim.url, max_rate_limit_wait=5.0)
    error, took = timed(lambda: runner.call(fresh, FIRST, **arguments(FIRST)))
    assert isinstance(error, RateLimitError) and took < 5.0
    assert error.reset_at == parsedate_to_datetime(until)
    assert sim.statuses() == [420, 420]

    # Once the client knows the window is spent, it raises before sending anything.
    for detailed in (True, False):
        error, took = timed(partial(runner.call, client, FIRST, detailed=detailed, **arguments(FIRST)))
        assert isinstance(error, RateLimitError) and took < 5.0
        assert error.reset_at is not None
        assert abs((error.reset_at - parsedate_to_datetime(until)).total_seconds()) < 5
        assert "nothing was sent" in str(error)
    assert sim.statuses() == [420, 420]

    # Only that operation of that business is held back.
    assert answered(SECOND, runner.call(client, SECOND, **arguments(SECOND)))
    assert answered(FIRST, runner.call(client, FIRST, **arguments(FIRST, business=2)))
    assert sim.statuses() == [420, 420, 200, 200]


def test_max_retries_per_client_and_per_call(runner: Runner, sim: MarketSim) -> None:
    # A 420 with requests remaining in the window: the parallel limit, retried after a backoff.
    parallel_limit = Reply(420, {"X-RateLimit-Resource-Remaining": "5"})
    sim.plan(FIRST, parallel_limit, parallel_limit)
    client = runner.client(sim.url)
    args = arguments(FIRST)

    with pytest.raises(RateLimitError):
        runner.call(client.with_options(max_retries=0), FIRST, **args)
    assert sim.statuses() == [420]
    assert answered(FIRST, runner.call(client, FIRST, **args))  # on by default
    assert sim.statuses() == [420, 420, 200]
    sim.plan(FIRST, parallel_limit)
    with pytest.raises(RateLimitError):
        runner.call(runner.client(sim.url, max_retries=0), FIRST, **args)
    assert sim.statuses() == [420, 420, 200, 420]


def test_retries_give_up_after_max_retries(runner: Runner, sim: MarketSim) -> None:
    sim.plan(FIRST, *[Reply(420, {"X-RateLimit-Resource-Remaining": "5"})] * 3)
    client = runner.client(sim.url, max_retries=1)
    with pytest.raises(RateLimitError):
        runner.call(client, FIRST, **arguments(FIRST))
    assert sim.statuses() == [420, 420]


def test_a_429_honours_retry_after(runner: Runner, sim: MarketSim) -> None:
    sim.plan(FIRST, Reply(429, {"Retry-After": "1"}))
    client = runner.client(sim.url)
    assert answered(FIRST, runner.call(client, FIRST, **arguments(FIRST)))
    assert sim.statuses() == [429, 200]
    assert sim.seen[1].arrived - sim.seen[0].arrived >= 0.99


UNUSABLE = {
    "malformed Until, negative Remaining": {
        "X-RateLimit-Resource-Until": "soon-ish",
        "X-RateLimit-Resource-Remaining": "-3",
    },
    "Until in the past": {"X-RateLimit-Resource-Until": http_date(0), "X-RateLimit-Resource-Remaining": "0"},
    "Retry-After: soon": {"Retry-After": "soon"},
    "Retry-After: inf": {"Retry-After": "inf", "X-RateLimit-Resource-Remaining": "0"},
}


@pytest.mark.parametrize("headers", UNUSABLE.values(), ids=UNUSABLE.keys())
def test_unusable_rate_limit_headers_fall_back_to_backoff(
    runner: Runner, sim: MarketSim, headers: dict[str, str], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="yandex_market_chat")
    sim.plan(FIRST, Reply(420, headers))
    client = runner.client(sim.url)
    assert answered(FIRST, runner.call(client, FIRST, **arguments(FIRST)))
    assert sim.statuses() == [420, 200]
    [(_, wait)] = retry_waits(caplog)
    assert 0 < wait <= _pipeline.BACKOFF_BASE  # the first backoff step


def test_backoff_doubles_with_jitter_and_never_exceeds_8_seconds(monkeypatch: pytest.MonkeyPatch) -> None:
    """The README's steps in real seconds: 0.25-0.5, 0.5-1, 1-2 ... at most 8, each drawn anew."""
    monkeypatch.undo()  # (this directory's fast_backoff: the real steps, not a tenth of them)
    for attempt in range(20):
        highest = min(8.0, 0.5 * 2**attempt)
        waits = [_pipeline.backoff(attempt) for _ in range(2000)]
        assert all(highest / 2 <= wait <= highest <= 8.0 for wait in waits), (attempt, min(waits), max(waits))
        assert min(waits) < highest * 0.6 and max(waits) > highest * 0.9, (attempt, min(waits), max(waits))


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"X-RateLimit-Resource-Until": "Thu, 99 Jul 2025 00:42:42 GMT"},
        {"X-RateLimit-Resource-Until": "", "X-RateLimit-Resource-Remaining": ""},
        {"X-RateLimit-Resource-Remaining": "many"},
        {"X-RateLimit-Resource-Remaining": "-1", "Retry-After": "-5"},
        {"Retry-After": "nan"},
        {"Retry-After": "1e308"},
        {"Retry-After": "-inf"},
        {"Retry-After": "Thu, 10 Jul 2025 00:42:42 GMT"},
    ],
)
def test_a_rate_limit_wait_is_never_negative_or_endless(headers: dict[str, str]) -> None:
    for attempt in range(8):
        wait = rate_limit_wait(headers, attempt)
        assert math.isfinite(wait) and 0 < wait <= _pipeline.BACKOFF_CAP


class RefuseFirst(httpx.HTTPTransport):
    """Refuses the first connection, as a server that is not up yet would."""

    refused = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if not self.refused:
            self.refused += 1
            raise httpx.ConnectError("connection refused (simulated)", request=request)
        return super().handle_request(request)


class AsyncRefuseFirst(httpx.AsyncHTTPTransport):
    refused = 0

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if not self.refused:
            self.refused += 1
            raise httpx.ConnectError("connection refused (simulated)", request=request)
        return await super().handle_async_request(request)


@pytest.mark.parametrize("operation", OPERATIONS)
def test_a_420_is_retried_for_every_operation(runner: Runner, sim: MarketSim, operation: str) -> None:
    """The request was not processed: safe to send again, whatever the operation."""
    sim.plan(operation, Reply(420, {"X-RateLimit-Resource-Remaining": "5"}))
    client = runner.client(sim.url)
    assert answered(operation, runner.call(client, operation, **arguments(operation)))
    assert sim.statuses() == [420, 200]


@pytest.mark.parametrize("operation", OPERATIONS)
def test_a_connection_that_failed_before_sending_is_retried_for_every_operation(
    runner: Runner, sim: MarketSim, operation: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="yandex_market_chat")
    client = runner.client(sim.url)
    client.set_httpx_client(httpx.Client(transport=RefuseFirst(verify=TLS)))
    client.set_async_httpx_client(httpx.AsyncClient(transport=AsyncRefuseFirst(verify=TLS)))
    runner.call(client, operation, **arguments(operation))
    assert sim.statuses() == [200]
    [(message, _)] = retry_waits(caplog)
    assert "after ConnectError" in message


@pytest.mark.parametrize("operation", OPERATIONS)
def test_a_server_error_is_retried_only_when_idempotent(
    runner: Runner, sim: MarketSim, operation: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="yandex_market_chat")
    sim.plan(operation, Reply(500))
    client = runner.client(sim.url)
    if BY_NAME[operation].idempotent:
        assert answered(operation, runner.call(client, operation, **arguments(operation)))
        assert sim.statuses() == [500, 200]
        return
    with pytest.raises(InternalServerError):
        runner.call(client, operation, **arguments(operation))
    assert sim.statuses() == [500]
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert any("not retried" in w and "may already have been delivered" in w for w in warnings), warnings


@pytest.mark.parametrize("operation", OPERATIONS)
def test_a_read_timeout_is_retried_only_when_idempotent(
    runner: Runner, sim: MarketSim, operation: str
) -> None:
    sim.plan(operation, Reply(delay=1.2))
    client = runner.client(sim.url, timeout=httpx.Timeout(0.5))
    if BY_NAME[operation].idempotent:
        assert answered(operation, runner.call(client, operation, **arguments(operation)))
        assert len(sim.seen) == 2
        return
    with pytest.raises(APITimeoutError) as caught:
        runner.call(client, operation, **arguments(operation))
    assert caught.value.may_have_been_delivered
    assert "may already have been delivered" in str(caught.value)
    assert len(sim.seen) == 1


@pytest.mark.parametrize("operation", OPERATIONS)
def test_a_lost_answer_is_retried_only_when_idempotent(
    runner: Runner, sim: MarketSim, operation: str
) -> None:
    sim.plan(operation, Reply(drop=True))
    client = runner.client(sim.url)
    if BY_NAME[operation].idempotent:
        assert answered(operation, runner.call(client, operation, **arguments(operation)))
        assert sim.statuses() == [0, 200]
        return
    with pytest.raises(APIConnectionError) as caught:
        runner.call(client, operation, **arguments(operation))
    assert caught.value.may_have_been_delivered
    assert sim.statuses() == [0]


CONTENT = bytes(range(256)) * 4 + b"\r\n--+++\r\nContent-Disposition: form-data\r\n\r\n" + os.urandom(4096)


@pytest.mark.parametrize("operation", FILE_OPERATIONS)
@pytest.mark.parametrize("source", ["bytes", "buffer", "disk"])
def test_a_file_is_resent_byte_identical(
    runner: Runner, sim: MarketSim, operation: str, source: str, tmp_path: Path
) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(CONTENT)
    with path.open("rb") as handle:
        payloads: dict[str, BinaryIO | bytes] = {
            "bytes": CONTENT,
            "buffer": io.BytesIO(CONTENT),
            "disk": handle,
        }
        payload = payloads[source]
        file = File(payload=payload, file_name="scan.pdf", mime_type="application/pdf")
        sim.plan(operation, *[Reply(420, {"X-RateLimit-Resource-Remaining": "3"})] * 2)
        client = runner.client(sim.url)
        spec_operation = BY_NAME[operation]
        fields: dict[str, Any] = {
            spec_operation.body_names.get(name, name): file for name in spec_operation.files
        }
        runner.call(client, operation, **arguments(operation, **fields))
    assert sim.statuses() == [420, 420, 200]
    for seen in sim.seen:
        assert [part.content for part in seen.parts if part.filename] == [CONTENT] * len(fields)
