"""The Market stand-in (`yandex-market-chat notify`): it sends as the Market does, repeats on the
Market's schedule (scaled down), and judges the endpoint's answers as the Market would. Against
raw loopback servers; the schedule is asserted as computed, never by the wall clock."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from loopback import RawServer, Received, response
from yandex_market_chat import YandexMarketChat
from yandex_market_chat._market_standin import Attempt, retry_offsets, send_notification
from yandex_market_chat._spec import OPERATIONS
from yandex_market_chat.cli import run
from yandex_market_chat.notifications import PAYLOAD_FIELDS

MESSAGE_BODY = b'{"notificationType":"CHAT_MESSAGE_SENT","chatId":1,"messageId":"2","businessId":3}'
JSON = {"Content-Type": "application/json"}
PING_ANSWER = {"version": "1.0.0", "name": "my bot", "time": "2025-01-16T10:09:49.759084017Z"}

MARKET_SCHEDULE = [(60, 3600, 60), (3600 + 900, 86400, 900), (86400 + 3600, 14 * 86400, 3600)]
"""The docs: every minute for the first hour, every 15 minutes for the first day, then hourly;
nothing after 14 days. (first retry, last retry, step) in seconds after the first delivery."""


@contextmanager
def scripted(*answers: bytes) -> Iterator[RawServer]:
    """A loopback server giving these answers in turn (the last one from then on)."""
    given = list(answers)

    def answer(_: Received) -> bytes:
        return given.pop(0) if len(given) > 1 else given[0]

    with RawServer(answer) as server:
        yield server


def test_the_retry_schedule_is_the_markets_scaled() -> None:
    expected = [float(at) for first, last, step in MARKET_SCHEDULE for at in range(first, last + 1, step)]
    assert retry_offsets() == expected
    assert retry_offsets(0.001) == pytest.approx([at / 1000 for at in expected])


def test_an_endpoint_that_fails_gets_the_same_request_again_on_schedule_until_it_answers_200() -> None:
    failures = [
        response(500, b'{"error":{"type":"UNKNOWN"}}', JSON),
        response(302, headers={"Location": "/elsewhere"}),  # not followed
        response(200, b"OK", {"Content-Type": "text/plain"}),  # UNSUPPORTED_MEDIA_TYPE
    ]
    with scripted(*failures, response(200, b"{}", JSON)) as server:
        seen: list[Attempt] = []
        attempts = send_notification(server.url, MESSAGE_BODY, scale=0.001, report=seen.append)
        received = list(server.received)
    assert seen == attempts
    assert [a.at for a in attempts] == pytest.approx([0.0, 0.06, 0.12, 0.18])  # the first 3 retries
    assert [(a.number, a.status, a.accepted) for a in attempts] == [
        (1, 500, False),
        (2, 302, False),
        (3, 200, False),
        (4, 200, True),
    ]
    assert "application/json" in attempts[2].problem and attempts[3].problem == ""
    assert len(received) == 4
    for request in received:  # what the Market sends: the body, its type, no credentials
        assert (request.method, request.target, request.body) == ("POST", "/notification", MESSAGE_BODY)
        assert request.headers["content-type"] == "application/json"
        assert not {"authorization", "api-key", "cookie"} & set(request.headers)


def test_a_400_is_never_sent_again() -> None:
    with scripted(response(400, b'{"error":{"type":"WRONG_EVENT_FORMAT"}}', JSON)) as server:
        attempts = send_notification(server.url + "/", MESSAGE_BODY, scale=0.001)
        assert len(server.received) == 1
    assert [(a.status, a.accepted) for a in attempts] == [(400, False)]


@pytest.mark.parametrize(
    ("answer", "accepted"),
    [
        (
            response(
                200, json.dumps(PING_ANSWER).encode(), {"Content-Type": "application/json; charset=utf-8"}
            ),
            True,
        ),
        (response(200, json.dumps({**PING_ANSWER, "version": None}).encode(), JSON), False),
        (
            response(
                200, json.dumps({k: v for k, v in PING_ANSWER.items() if k != "version"}).encode(), JSON
            ),
            False,
        ),
        (response(200, json.dumps({**PING_ANSWER, "name": "x" * 101}).encode(), JSON), False),
        (response(200, json.dumps({**PING_ANSWER, "time": "yesterday"}).encode(), JSON), False),
        (response(200, json.dumps(PING_ANSWER).encode(), {"Content-Type": "text/plain"}), False),
        (response(200, b"version=1", JSON), False),
        (response(500, json.dumps(PING_ANSWER).encode(), JSON), False),
    ],
    ids=["fits", "version-null", "no-version", "long-name", "bad-time", "text-plain", "not-json", "500"],
)
def test_a_ping_is_accepted_only_with_version_name_and_time_as_json_and_sent_once(
    answer: bytes, accepted: bool
) -> None:
    body = b'{"notificationType":"PING","time":"2025-01-01T00:00:00Z"}'
    with scripted(answer) as server:
        attempts = send_notification(server.url, body, scale=0.001)
    assert [a.accepted for a in attempts] == [accepted]
    assert bool(attempts[0].problem) is not accepted


def notify(*argv: str) -> tuple[int, list[dict[str, object]], str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(
        OPERATIONS, YandexMarketChat, ["notify", *argv], out=out, err=err, notifications=PAYLOAD_FIELDS
    )
    return code, [json.loads(line) for line in out.getvalue().splitlines()], err.getvalue()


def test_notify_builds_the_payload_from_options_and_exits_0_when_the_endpoint_answers_as_expected() -> None:
    with scripted(response(200, b"{}", JSON)) as server:
        code, lines, _ = notify(
            server.url,
            "--type",
            "CHAT_MESSAGE_SENT",
            "--chat-id",
            "1",
            "--message-id",
            "2",
            "--business-id",
            "3",
        )
        sent = json.loads(server.received[0].body)
    assert code == 0
    assert [(line["number"], line["status"], line["accepted"]) for line in lines] == [(1, 200, True)]
    stamp = sent.pop("sentAt")
    assert sent == {"notificationType": "CHAT_MESSAGE_SENT", "chatId": 1, "messageId": "2", "businessId": 3}
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", stamp)


def test_notify_sends_a_body_as_given_and_exits_1_when_the_endpoint_refuses_it() -> None:
    with scripted(response(400, b'{"error":{"type":"WRONG_EVENT_FORMAT"}}', JSON)) as server:
        code, lines, _ = notify(server.url, "--body", '{"notificationType": "CHAT_CREATED"')
        assert server.received[0].body == b'{"notificationType": "CHAT_CREATED"'
    assert (code, [line["status"] for line in lines]) == (1, [400])


@pytest.mark.parametrize(
    "options",
    [
        ["--type", "CHAT_MESSAGE_SENT", "--chat-id", "1", "--message-id", "2"],  # no --business-id
        ["--type", "CHAT_CREATED", "--chat-id", "one", "--business-id", "3"],
        ["--type", "CHAT_CREATED", "--chat-id", "1", "--business-id", "3", "--message-id", "2"],
        ["--type", "PING", "--time", "now"],
    ],
    ids=["missing", "not-an-integer", "not-its-field", "not-a-date-time"],
)
def test_notify_refuses_an_incomplete_or_wrong_payload_before_sending(options: list[str]) -> None:
    with scripted(response(200, b"{}", JSON)) as server:
        code, lines, err = notify(server.url, *options)
        assert server.received == []
    assert (code, lines) == (2, [])
    assert re.match(r"error: .*--[a-z]", err)  # names the option
