"""Each method has its own window (the read methods have larger quotas than the write ones): a
spent window holds back only its own method. A bot polling getChatHistory never slows its own
sendMessageToChat, and the reverse — for every operation of the spec against every other."""

from __future__ import annotations

import pytest
from yandex_market_chat import RateLimitError

from .support import OPERATIONS, MarketSim, Runner, arguments, timed


@pytest.mark.parametrize("spent", OPERATIONS)
def test_a_spent_window_holds_back_its_own_method_only(runner: Runner, sim: MarketSim, spent: str) -> None:
    sim.quota = 2
    client = runner.client(sim.url, max_rate_limit_wait=30.0)
    for _ in range(2):
        runner.call(client, spent, **arguments(spent))

    def call(operation: str) -> object:
        return runner.call(client, operation, **arguments(operation))

    for other in OPERATIONS:
        if other != spent:
            result, took = timed(lambda: call(other))  # noqa: B023 (called at once)
            assert not isinstance(result, BaseException), (other, result)
            assert took < 5.0, f"{other} waited {took:.1f} s for the window of {spent}"
    assert sim.statuses() == [200] * (1 + len(OPERATIONS)), "every other method went through at once"

    fast = runner.client(sim.url, max_rate_limit_wait=0.5, rate_limiter=client.rate_limiter)
    error, took = timed(lambda: runner.call(fast, spent, **arguments(spent)))
    assert isinstance(error, RateLimitError) and took < 5.0
    assert len(sim.seen) == 1 + len(OPERATIONS), "the spent method was not sent"
    windows = client.rate_limits["businesses"][1]["operations"]
    assert windows[spent]["remaining"] == 0
    assert all(windows[other]["remaining"] == 1 for other in OPERATIONS if other != spent)
