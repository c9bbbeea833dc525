"""Issue #21 item 3 and its bad input: what the receiver answers, row by row, over real HTTP through
uvicorn (the ASGI face) and wsgiref (the WSGI face) — every test runs on both (`serve`).

The expected answers are the Market's contract (api-facts-read.md, "What the partner must answer"),
written here as literals.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from conftest import TLS
from yandex_market_chat import Receiver, SqliteInbox
from yandex_market_chat.inbox import Parser

from .conftest import Serve, wait_until
from .support import FAKE_KEY, notification

LOOPBACK = ["127.0.0.0/8"]
"""Tests send from 127.0.0.1, which is not one of the Market's ranges: allowed explicitly."""
JSON = {"Content-Type": "application/json"}


def post(
    url: str, body: bytes, headers: dict[str, str] | None = None, path: str = "/notification"
) -> httpx.Response:
    return httpx.post(
        url + path, content=body, headers=JSON if headers is None else headers, timeout=30, verify=TLS
    )


def assert_error(answer: httpx.Response, status: int, kind: str) -> dict[str, Any]:
    assert answer.status_code == status, answer.text
    assert answer.headers["content-type"] == "application/json"
    error = answer.json()["error"]
    assert error["type"] == kind and isinstance(error["message"], str) and error["message"]
    assert FAKE_KEY not in answer.text
    return dict(error)


def assert_ok(answer: httpx.Response, name: str = "test-shop") -> None:
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"] == "application/json"
    body = answer.json()
    assert set(body) == {"version", "name", "time"}
    assert body["name"] == name and 1 <= len(body["version"]) <= 100
    assert datetime.fromisoformat(body["time"].replace("Z", "+00:00")).tzinfo is not None


def receiver(inbox: SqliteInbox, parser: Parser, **options: Any) -> Receiver:
    options.setdefault("allowed_networks", LOOPBACK)
    return Receiver(inbox, parser, name="test-shop", **options)


def test_ping_is_answered_and_not_recorded(serve: Serve, inbox: SqliteInbox, parser: Parser) -> None:
    url = serve(receiver(inbox, parser))
    assert_ok(post(url, notification("PING")))
    assert inbox.claim(60) is None


def test_a_notification_is_recorded_before_the_200_and_a_repeat_is_200_once_kept(
    serve: Serve, inbox_path: Path, inbox: SqliteInbox, parser: Parser
) -> None:
    url = serve(receiver(inbox, parser))
    body = notification("CHAT_MESSAGE_SENT", chat_id=11, message_id=101)
    assert_ok(post(url, body))
    assert_ok(post(url, body))
    # A second connection to the file, as a worker process has: the entry is there, once.
    with SqliteInbox(inbox_path) as worker:
        entry = worker.claim(60)
        assert entry is not None and entry.body == body
        assert entry.key == "CHAT_MESSAGE_SENT:7:11:101" and entry.notification_type == "CHAT_MESSAGE_SENT"
        assert worker.claim(60) is None


def changed(kind: str, **fields: Any) -> bytes:
    """A well-formed body of `kind` with `fields` replaced (None: left out)."""
    payload = json.loads(notification(kind)) | fields
    return json.dumps({k: v for k, v in payload.items() if v is not None}).encode()


BAD_BODIES: dict[str, bytes] = {
    "not JSON": b'{"notificationType": "CHAT_CREATED",',
    "not an object": b'["CHAT_CREATED"]',
    "invalid UTF-8": b'{"notificationType": "PING\xff\xfe"}',
    "notificationType a number": changed("CHAT_CREATED", notificationType=5),
    "notificationType missing": changed("CHAT_CREATED", notificationType=None),
    "chatId missing": changed("CHAT_CREATED", chatId=None),
    "chatId a string": changed("CHAT_CREATED", chatId="1"),
    "businessId zero": changed("CHAT_CREATED", businessId=0),
    "messageId with spaces": changed("CHAT_MESSAGE_SENT", messageId=" 12 "),
    "messageId with a sign": changed("CHAT_MESSAGE_SENT", messageId="-12"),
    "a date past year 9999": changed("CHAT_CREATED", createdAt="10000-01-01T00:00:00Z"),
    "deeply nested": b'{"notificationType": "CHAT_CREATED", "chatId": ' + b"[" * 30000 + b"]" * 30000 + b"}",
}


@pytest.mark.parametrize("case", list(BAD_BODIES))
def test_a_body_that_breaks_the_spec_is_400_wrong_event_format(
    serve: Serve, inbox: SqliteInbox, parser: Parser, case: str
) -> None:
    url = serve(receiver(inbox, parser))
    assert_error(post(url, BAD_BODIES[case]), 400, "WRONG_EVENT_FORMAT")
    assert inbox.claim(60) is None


def test_the_400_names_the_field(serve: Serve, inbox: SqliteInbox, parser: Parser) -> None:
    url = serve(receiver(inbox, parser))
    error = assert_error(post(url, BAD_BODIES["messageId with a sign"]), 400, "WRONG_EVENT_FORMAT")
    assert "messageId" in error["message"]


@pytest.mark.parametrize("content_type", [None, "text/plain", "application/x-www-form-urlencoded"])
def test_a_content_type_other_than_json_is_400(
    serve: Serve, inbox: SqliteInbox, parser: Parser, content_type: str | None
) -> None:
    url = serve(receiver(inbox, parser))
    headers = {} if content_type is None else {"Content-Type": content_type}
    assert_error(post(url, notification("CHAT_CREATED"), headers), 400, "WRONG_EVENT_FORMAT")
    assert inbox.claim(60) is None


def test_json_with_a_charset_is_json(serve: Serve, inbox: SqliteInbox, parser: Parser) -> None:
    url = serve(receiver(inbox, parser))
    assert_ok(post(url, notification("CHAT_CREATED"), {"Content-Type": "application/json; charset=utf-8"}))


def test_a_failure_to_record_is_500_and_the_repeat_is_recorded(
    serve: Serve, inbox_path: Path, parser: Parser
) -> None:
    """Another process holds the file's write lock past the inbox's timeout: a real SQLite failure."""
    with SqliteInbox(inbox_path, timeout=0.05) as inbox:
        url = serve(receiver(inbox, parser))
        body = notification("CHAT_CREATED")
        blocker = sqlite3.connect(inbox_path, isolation_level=None)
        blocker.execute("BEGIN EXCLUSIVE")
        assert_error(post(url, body), 500, "UNKNOWN")
        blocker.execute("ROLLBACK")
        blocker.close()
        assert inbox.claim(60) is None  # nothing acknowledged, nothing stored
        assert_ok(post(url, body))  # the Market's retry
        assert inbox.claim(60) is not None


class WatchedInbox(SqliteInbox):
    """The real SQLite inbox, telling the test when a record() has started."""

    def __init__(self, path: Path, **options: Any) -> None:
        super().__init__(path, **options)
        self.recording = threading.Event()

    def record(self, key: str, notification_type: str, body: bytes) -> bool:
        self.recording.set()
        return super().record(key, notification_type, body)


def test_ping_is_answered_while_a_notification_waits_for_the_store(
    serve: Serve, inbox_path: Path, parser: Parser
) -> None:
    with WatchedInbox(inbox_path, timeout=30) as inbox:
        url = serve(receiver(inbox, parser))
        blocker = sqlite3.connect(inbox_path, isolation_level=None)
        blocker.execute("BEGIN EXCLUSIVE")
        answers: list[httpx.Response] = []
        waiting = threading.Thread(target=lambda: answers.append(post(url, notification("CHAT_CREATED"))))
        waiting.start()
        try:
            wait_until(inbox.recording.is_set, "the notification is waiting for the store")
            assert_ok(post(url, notification("PING")))
            assert not answers, "the notification was answered before it could be recorded"
        finally:
            blocker.execute("ROLLBACK")
            blocker.close()
            waiting.join(30)
        assert_ok(answers[0])


@pytest.mark.parametrize(
    ("allowed", "trusted", "forwarded", "status"),
    [
        (None, [], None, 403),  # the default: the Market's ranges only, and 127.0.0.1 is not one
        (None, [], "5.45.207.10", 403),  # a forwarded-for header from an untrusted peer is ignored
        (None, ["127.0.0.1"], "5.45.207.10", 200),  # ...and believed from a trusted proxy
        (None, ["127.0.0.1"], "141.8.142.1, 10.0.0.2", 403),  # the hop next to the proxy decides
        (None, ["127.0.0.1", "10.0.0.0/8"], "5.255.253.127, 10.0.0.2", 200),  # trusted hops skipped
        (None, ["127.0.0.1"], "5.45.207.128", 403),  # just outside 5.45.207.0/25
        (None, ["127.0.0.1"], "not-an-address", 403),
        (["127.0.0.0/8"], [], None, 200),  # ranges are configurable
    ],
)
def test_the_source_address_is_checked(
    serve: Serve,
    inbox: SqliteInbox,
    parser: Parser,
    allowed: list[str] | None,
    trusted: list[str],
    forwarded: str | None,
    status: int,
) -> None:
    options: dict[str, Any] = {"trusted_proxies": trusted}
    if allowed is not None:
        options["allowed_networks"] = allowed
    url = serve(Receiver(inbox, parser, name="test-shop", **options))
    headers = dict(JSON) | ({"X-Forwarded-For": forwarded} if forwarded else {})
    for kind in ("PING", "CHAT_CREATED"):
        answer = post(url, notification(kind), headers)
        if status == 200:
            assert_ok(answer)
        else:
            assert_error(answer, 403, "UNKNOWN")
    assert (inbox.claim(60) is not None) == (status == 200)


def test_a_body_over_the_bound_is_413(serve: Serve, inbox: SqliteInbox, parser: Parser) -> None:
    url = serve(receiver(inbox, parser, max_body_bytes=1000))
    body = notification("CHAT_CREATED")
    padded = body[:-1] + b', "pad": "' + b"x" * (1000 - len(body) - 11) + b'"}'
    assert len(padded) == 1000
    assert_ok(post(url, padded))
    assert_error(post(url, padded[:-2] + b'x"}'), 413, "UNKNOWN")


def test_the_default_bound_is_64_kib(serve: Serve, inbox: SqliteInbox, parser: Parser) -> None:
    url = serve(receiver(inbox, parser))
    assert_error(post(url, b" " * (64 * 1024 + 1)), 413, "UNKNOWN")
    assert_error(post(url, b" " * (64 * 1024)), 400, "WRONG_EVENT_FORMAT")


def test_another_path_is_404_another_method_405(serve: Serve, inbox: SqliteInbox, parser: Parser) -> None:
    url = serve(receiver(inbox, parser))
    assert_error(post(url, notification("PING"), path="/"), 404, "UNKNOWN")
    assert_error(post(url, notification("PING"), path="/notification/"), 404, "UNKNOWN")
    for method in ("GET", "PUT", "DELETE"):
        answer = httpx.request(method, url + "/notification", timeout=30, verify=TLS)
        assert_error(answer, 405, "UNKNOWN")
        assert answer.headers["allow"] == "POST"


def test_the_path_is_configurable(serve: Serve, inbox: SqliteInbox, parser: Parser) -> None:
    url = serve(receiver(inbox, parser, path="/market/hook"))
    assert_ok(post(url, notification("PING"), path="/market/hook"))
    assert_error(post(url, notification("PING")), 404, "UNKNOWN")


def test_an_unknown_type_is_recorded_not_refused(serve: Serve, inbox: SqliteInbox, parser: Parser) -> None:
    url = serve(receiver(inbox, parser))
    body = json.dumps({"notificationType": "ORDER_CREATED", "orderId": 5}).encode()
    assert_ok(post(url, body))
    entry = inbox.claim(60)
    assert entry is not None and entry.notification_type == "ORDER_CREATED"


@pytest.mark.parametrize(
    "options",
    [
        {"name": ""},
        {"name": "x" * 101},
        {"version": ""},
        {"path": "notification"},
        {"max_body_bytes": 0},
        {"allowed_networks": "5.45.207.0/25"},
        {"allowed_networks": ["5.45.207.0/33"]},
        {"trusted_proxies": ["proxy.local"]},
    ],
)
def test_bad_options_are_refused_when_the_receiver_is_made(
    inbox: SqliteInbox, parser: Parser, options: dict[str, Any]
) -> None:
    options.setdefault("name", "test-shop")
    with pytest.raises((ValueError, TypeError)):
        Receiver(inbox, parser, **options)


def test_a_duplicate_delivered_to_two_receivers_at_once_is_kept_once(
    serve: Serve, inbox_path: Path, parser: Parser
) -> None:
    with SqliteInbox(inbox_path) as first, SqliteInbox(inbox_path) as second:
        urls = [serve(receiver(first, parser)), serve(receiver(second, parser))]
        body = notification("CHAT_MESSAGE_SENT", chat_id=11, message_id=101)
        answers: list[httpx.Response] = []
        senders = [
            threading.Thread(target=lambda url=url: answers.extend(post(url, body) for _ in range(10)))
            for url in urls
        ]
        for sender in senders:
            sender.start()
        for sender in senders:
            sender.join(60)
        assert len(answers) == 20
        for answer in answers:
            assert_ok(answer)
        assert first.claim(60) is not None
        assert first.claim(60) is None and second.claim(60) is None


def test_the_receivers_defaults_are_the_specs() -> None:
    """The runtime cannot import the rendered module: its defaults are checked against it here."""
    from yandex_market_chat import _receiver
    from yandex_market_chat.notifications import NOTIFICATION_PATH, SOURCE_NETWORKS

    assert tuple(SOURCE_NETWORKS) == _receiver.MARKET_NETWORKS
    assert _receiver.DEFAULT_PATH == NOTIFICATION_PATH
