"""The command line: a subcommand per operation of the spec, the method's checks, JSON out,
typed exit statuses; the library does not import it."""

from __future__ import annotations

import argparse
import io
import json
import os
import subprocess
import sys
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from conftest import FAKE_KEY
from spec_support import OPERATIONS as SPEC_OPERATIONS
from spec_support import example_call, flatten, json_differences, operation_module, operations_where
from test_paging import Pages
from yandex_market_chat import YandexMarketChat
from yandex_market_chat._spec import OPERATIONS
from yandex_market_chat.cli import EXIT_CODES, build_parser, run

RATE = {
    "X-RateLimit-Resource-Limit": "1000",
    "X-RateLimit-Resource-Remaining": "0",
    "X-RateLimit-Resource-Until": "Thu, 10 Jul 2025 00:42:42 GMT",
}


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("YANDEX_MARKET_API_KEY", FAKE_KEY)
    monkeypatch.setenv("YANDEX_MARKET_BUSINESS_ID", "7")
    monkeypatch.delenv("YANDEX_MARKET_BASE_URL", raising=False)


def cli(
    handler: Callable[[httpx.Request], httpx.Response], *argv: str
) -> tuple[int, str, str, list[httpx.Request]]:
    seen: list[httpx.Request] = []

    def record(request: httpx.Request) -> httpx.Response:
        request.read()
        seen.append(request)
        return handler(request)

    def make(**options: Any) -> YandexMarketChat:
        return YandexMarketChat(http_client=httpx.Client(transport=httpx.MockTransport(record)), **options)

    out, err = io.StringIO(), io.StringIO()
    code = run(OPERATIONS, make, list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue(), seen


def test_every_operation_of_the_spec_is_a_subcommand() -> None:
    parser = build_parser(OPERATIONS)
    (commands,) = (a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    modules = [operation_module(op_id).__name__.rsplit(".", 1)[-1] for op_id in SPEC_OPERATIONS]
    assert set(commands.choices) == {module.replace("_", "-") for module in modules}


def test_send_a_message(env: None) -> None:
    code, out, err, seen = cli(
        lambda r: httpx.Response(200, json={"status": "OK"}),
        "send-message-to-chat",
        "--chat-id",
        "2",
        "--message",
        "Hello from cron",
    )
    assert (code, err) == (0, "")
    assert json.loads(out) == {"status": "OK"}
    (request,) = seen
    assert request.url.path == "/v2/businesses/7/chats/message" and request.url.params["chatId"] == "2"
    assert request.headers["Api-Key"] == FAKE_KEY
    assert json.loads(request.content) == {"message": "Hello from cron"}


def test_objects_are_json_and_business_id_is_an_option(env: None) -> None:
    code, out, _, seen = cli(
        lambda r: httpx.Response(200, json={"status": "OK", "result": {"chatId": 5}}),
        "create-chat",
        "--business-id",
        "9",
        "--context",
        '{"type": "ORDER", "id": 48523210}',
    )
    assert code == 0 and json.loads(out)["result"] == {"chatId": 5}
    assert seen[0].url.path == "/v2/businesses/9/chats/new"
    assert json.loads(seen[0].content) == {"context": {"type": "ORDER", "id": 48523210}}


def test_a_file_is_a_path(env: None, tmp_path: Any) -> None:
    path = tmp_path / "receipt.txt"
    path.write_bytes(b"Total: 1 990 RUB\n")
    code, _, _, seen = cli(
        lambda r: httpx.Response(200, json={"status": "OK"}),
        "send-file-to-chat",
        "--chat-id",
        "2",
        "--file",
        str(path),
    )
    assert code == 0
    assert b'filename="receipt.txt"' in seen[0].content and b"Total: 1 990 RUB" in seen[0].content


@pytest.mark.parametrize(
    ("argv", "status", "headers", "code"),
    [
        (["send-message-to-chat", "--chat-id", "0", "--message", "x"], None, {}, "invalid input"),
        (["send-message-to-chat", "--chat-id", "2", "--message", ""], None, {}, "invalid input"),
        (["send-message-to-chat", "--chat-id", "2", "--message", "x"], 404, {}, "API error"),
        (["send-message-to-chat", "--chat-id", "2", "--message", "x"], 420, RATE, "rate limit"),
        (["create-chat", "--context", '{"type": "ORDER", "id": 1}'], 200, {}, "answer does not fit the spec"),
    ],
    ids=["out-of-range", "empty", "404", "420", "bad-answer"],
)
def test_each_failure_has_its_exit_status(
    env: None, argv: list[str], status: int | None, headers: dict[str, str], code: str
) -> None:
    body: Any = {"status": "ERROR", "errors": [{"code": "X", "message": "what went wrong"}]}
    if status == 200:
        body = ["not", "an", "object"]
    got, out, err, seen = cli(lambda r: httpx.Response(status or 200, json=body, headers=headers), *argv)
    assert got == EXIT_CODES[code], err
    assert out == "" and err.startswith("error: ")
    assert (seen == []) == (status is None), "invalid input must not reach the network"


def test_a_5xx_to_a_message_says_it_may_have_been_delivered(env: None) -> None:
    code, _, err, seen = cli(
        lambda r: httpx.Response(500, json={"status": "ERROR", "errors": [{"code": "INTERNAL_ERROR"}]}),
        "--max-retries",
        "0",
        "send-message-to-chat",
        "--chat-id",
        "2",
        "--message",
        "x",
    )
    assert code == EXIT_CODES["API error"] and len(seen) == 1
    assert "may already have been delivered" in err


def test_connection_failure_exit_status(env: None) -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    code, _, err, _ = cli(
        refuse, "--max-retries", "0", "send-message-to-chat", "--chat-id", "2", "--message", "x"
    )
    assert code == EXIT_CODES["connection"] and "APIConnectionError" in err


def required_options(operation_id: str) -> list[str]:
    """The options a command cannot go without (the environment gives the business id), with the
    values of the spec's example call."""
    operation = SPEC_OPERATIONS[operation_id]
    values = example_call(operation).client_kwargs()
    argv: list[str] = []
    for argument in OPERATIONS[operation.name]["arguments"]:
        if not argument["required"] or argument["client_default"]:
            continue
        if argument["kind"] not in ("int", "float", "str", "json"):
            raise NotImplementedError(f"{operation_id}: an option of kind {argument['kind']}")
        given = values[argument["name"]]
        given = given if argument["multiple"] else [given]
        text = json.dumps if argument["kind"] == "json" else str
        argv += ["--" + argument["name"].replace("_", "-"), *(text(value) for value in given)]
    return argv


@operations_where(lambda op: op.paged)
def test_all_prints_every_item_of_every_page_one_json_object_per_line(env: None, operation_id: str) -> None:
    operation = SPEC_OPERATIONS[operation_id]
    pages = Pages(operation)
    answers = {None: pages.answer([1, 2], "t1"), "t1": pages.answer([3], None)}

    def serve(request: httpx.Request) -> httpx.Response:
        status, body, headers = answers[request.url.params.get("pageToken")]
        return httpx.Response(status, json=body, headers=headers)

    command = operation.name.replace("_", "-")
    code, out, err, seen = cli(serve, command, *required_options(operation_id), "--all")
    assert (code, err) == (0, "")
    lines = [json.loads(line) for line in out.splitlines()]
    assert all(isinstance(line, dict) for line in lines), out
    listed = operation.media(operation.success_status)["schema"]
    for step in operation.definition["x-paging"]["items"].split("."):
        listed = flatten(listed)["properties"][step]
    assert json_differences(listed, lines, [pages.item(key) for key in (1, 2, 3)], "items") == []
    assert [request.url.params.get("pageToken") for request in seen] == [None, "t1"]


UNFORESEEN = """
import sys
import httpx
from yandex_market_chat import BudgetStoreError
from yandex_market_chat.__main__ import main

def fail(self, request):
    raise {error}

httpx.HTTPTransport.handle_request = fail
sys.argv = ["yandex-market-chat", "send-message-to-chat", "--chat-id", "2", "--message", "x"]
main()
"""


@pytest.mark.parametrize(
    ("error", "shown"),
    [
        ('BudgetStoreError("the budget store failed")', "error: BudgetStoreError: the budget store failed"),
        ('LookupError("something unforeseen")', "LookupError: something unforeseen"),
    ],
    ids=["a library error of no other kind", "not the library's"],
)
def test_anything_else_exits_with_status_1(error: str, shown: str) -> None:
    environment = {name: value for name, value in os.environ.items() if not name.startswith("YANDEX_MARKET_")}
    environment |= {"YANDEX_MARKET_API_KEY": FAKE_KEY, "YANDEX_MARKET_BUSINESS_ID": "7"}
    done = subprocess.run(
        [sys.executable, "-c", UNFORESEEN.format(error=error)],
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == EXIT_CODES["error"] == 1, done.stderr
    assert done.stdout == "" and shown in done.stderr


def test_missing_key_is_invalid_input(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("YANDEX_MARKET_API_KEY", raising=False)
    code, _, err, seen = cli(
        lambda r: httpx.Response(200), "send-message-to-chat", "--chat-id", "2", "--message", "x"
    )
    assert code == EXIT_CODES["invalid input"] and "YANDEX_MARKET_API_KEY" in err and seen == []


def test_the_key_is_not_an_option() -> None:
    parser = build_parser(OPERATIONS)
    assert not any("key" in option for action in parser._actions for option in action.option_strings)


@pytest.mark.parametrize("command", [[sys.executable, "-m", "yandex_market_chat"], ["yandex-market-chat"]])
def test_help_from_the_shell(command: list[str]) -> None:
    if command[0] == "yandex-market-chat":
        command = [os.path.join(os.path.dirname(sys.executable), "yandex-market-chat")]
    shown = subprocess.run([*command, "--help"], capture_output=True, text=True, timeout=60)
    assert shown.returncode == 0, shown.stderr
    for name in OPERATIONS:
        assert name.replace("_", "-") in shown.stdout
    one = subprocess.run(
        [*command, "send-message-to-chat", "--help"], capture_output=True, text=True, timeout=60
    )
    assert one.returncode == 0 and "--chat-id" in one.stdout and "4,096" in one.stdout


def test_importing_the_library_does_not_import_the_command_line() -> None:
    program = (
        "import sys, yandex_market_chat\n"
        "print('argparse' in sys.modules, 'yandex_market_chat.cli' in sys.modules)"
    )
    shown = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=60)
    assert shown.stdout.split() == ["False", "False"], shown.stderr
