"""Each method has its own window (the read methods have larger quotas than the write ones): a
spent window holds back only its own method. A bot polling getChatHistory never slows its own
sendMessageToChat, and the reverse — for every operation of the spec against every other. One bad
`Until` header does not poison a window."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from yandex_market_chat import HourlyBudget, InvalidRequestError, RateLimiter, RateLimitError
from yandex_market_chat._limits import PlaceRequest

from .support import BY_NAME, OPERATIONS, MarketSim, Reply, Runner, arguments, http_date, timed

MESSAGE = "send_message_to_chat"


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
    scopes = client.rate_limits["businesses"]

    def remaining(operation: str) -> int | None:
        """What is left of the window of `operation`, kept under business 1 if the operation has
        an x-limit-scope parameter, else under None."""
        scope = 1 if BY_NAME[operation].scope else None
        return scopes[scope]["operations"][operation]["remaining"]

    assert remaining(spent) == 0
    assert all(remaining(other) == 1 for other in OPERATIONS if other != spent)


def test_a_budget_without_a_limit_gives_each_method_its_documented_hourly_limit(
    runner: Runner, sim: MarketSim
) -> None:
    """HourlyBudget() takes each operation's x-hourly-limit (scaled to its period): the read methods
    get their larger budgets, and spending one method's budget leaves the others'."""
    period = 3.6  # a thousandth of an hour: 1,000 an hour -> 1, 5,000 -> 5, 10,000 -> 10
    budget = HourlyBudget(period=period)
    client = runner.client(sim.url, max_rate_limit_wait=0.1, rate_limiter=RateLimiter(budget=budget))

    def call(operation: str) -> object:
        return runner.call(client, operation, **arguments(operation))

    for name in OPERATIONS:
        documented = BY_NAME[name].definition["x-hourly-limit"]
        allowed = max(1, round(documented * period / 3600))
        results = [timed(lambda: call(name))[0] for _ in range(allowed + 1)]  # noqa: B023 (called at once)
        assert not any(isinstance(r, BaseException) for r in results[:allowed]), (name, results)
        assert isinstance(results[-1], RateLimitError), (name, results[-1])
        assert sim.statuses(name) == [200] * allowed, name


def test_a_budget_needs_a_limit_from_somewhere() -> None:
    assert HourlyBudget(5).take(1, "anything") == 0.0
    with pytest.raises(InvalidRequestError) as caught:
        HourlyBudget().take(1, "undocumented")
    assert caught.value.field == "limit" and "undocumented" in str(caught.value)
    assert HourlyBudget().take(1, "documented", limit=1000) == 0.0
    assert "per operation" in repr(HourlyBudget())


# --- one bad header does not poison the window --------------------------------------------------


def window(remaining: int, until: datetime) -> dict[str, str]:
    return {
        "X-RateLimit-Resource-Limit": "5",
        "X-RateLimit-Resource-Remaining": str(remaining),
        "X-RateLimit-Resource-Until": http_date(until.timestamp()),
    }


def test_an_until_a_day_ahead_does_not_hide_the_answers_after_it() -> None:
    limiter = RateLimiter()
    now = datetime.now(UTC)
    limiter.observe(1, MESSAGE, window(4, now + timedelta(days=1)))  # one wrong header
    limiter.observe(1, MESSAGE, window(1, now + timedelta(minutes=30)))
    limiter.observe(1, MESSAGE, window(0, now + timedelta(minutes=30)))
    with pytest.raises(RateLimitError), limiter.slot(PlaceRequest(1, MESSAGE, max_wait=1.0)):
        pass
    state = limiter.snapshot()["businesses"][1]["operations"][MESSAGE]
    assert state["remaining"] == 0


def test_one_bad_header_costs_no_420(runner: Runner, sim: MarketSim) -> None:
    sim.quota = 5
    far = http_date(time.time() + 86400)  # the first answer says the window ends tomorrow
    sim.plan(
        MESSAGE, Reply(headers={"X-RateLimit-Resource-Remaining": "4", "X-RateLimit-Resource-Until": far})
    )
    client = runner.client(sim.url, max_retries=0, max_rate_limit_wait=0.5)
    outcomes: list[Any] = []
    for _ in range(8):
        try:
            outcomes.append(runner.call(client, MESSAGE, **arguments(MESSAGE)))
        except RateLimitError as exc:
            outcomes.append(exc)
    assert sim.statuses() == [200] * 5, "a 420 was spent: the answers after the bad one were ignored"
    assert all(isinstance(outcome, RateLimitError) for outcome in outcomes[5:])


def test_a_late_answer_from_an_earlier_window_is_still_ignored() -> None:
    limiter = RateLimiter()
    now = datetime.now(UTC)
    limiter.observe(1, MESSAGE, window(3, now + timedelta(minutes=40)))
    limiter.observe(1, MESSAGE, window(0, now - timedelta(minutes=20) + timedelta(minutes=40)))  # late
    assert limiter.snapshot()["businesses"][1]["operations"][MESSAGE]["remaining"] == 3
