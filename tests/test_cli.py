"""The command line: a subcommand per operation of the spec, the method's checks, JSON out,
typed exit statuses; the library does not import it."""

from __future__ import annotations

import argparse
import importlib
import io
import json
import os
import socket
import subprocess
import sys
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
import yandex_market_chat
import yandex_market_chat.__main__
from conftest import FAKE_KEY
from ratelimit.support import MarketSim
from spec_support import (
    FILE_NAME,
    Call,
    check_request,
    example_call,
    flatten,
    json_differences,
    operation_module,
    operations_where,
)
from spec_support import OPERATIONS as SPEC_OPERATIONS
from spec_support import _items as distinct_items
from test_paging import Pages
from yandex_market_chat import YandexMarketChat
from yandex_market_chat._spec import OPERATIONS
from yandex_market_chat.cli import EXIT_CODES, build_parser, run

ROOT = Path(__file__).resolve().parent.parent

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


def cli_client(
    handler: Callable[[httpx.Request], httpx.Response], seen: list[httpx.Request] | None = None
) -> Callable[..., YandexMarketChat]:
    """What the command line makes its client with: one answering through `handler`, noting each
    request in `seen`."""

    def record(request: httpx.Request) -> httpx.Response:
        request.read()
        if seen is not None:
            seen.append(request)
        return handler(request)

    def make(**options: Any) -> YandexMarketChat:
        return YandexMarketChat(http_client=httpx.Client(transport=httpx.MockTransport(record)), **options)

    return make


def cli(
    handler: Callable[[httpx.Request], httpx.Response], *argv: str
) -> tuple[int, str, str, list[httpx.Request]]:
    seen: list[httpx.Request] = []
    out, err = io.StringIO(), io.StringIO()
    code = run(OPERATIONS, cli_client(handler, seen), list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue(), seen


def test_every_operation_of_the_spec_is_a_subcommand() -> None:
    parser = build_parser(OPERATIONS)
    (commands,) = (a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    modules = [operation_module(op_id).__name__.rsplit(".", 1)[-1] for op_id in SPEC_OPERATIONS]
    tools = {"notify"}  # the Market stand-in (tests/notifications/test_standin.py), not an operation
    assert set(commands.choices) - tools == {module.replace("_", "-") for module in modules}


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


PROMISED_EXIT_CODES = {
    "ok": 0,
    "error": 1,
    "invalid input": 2,
    "API error": 3,
    "rate limit": 4,
    "connection": 5,
    "answer does not fit the spec": 6,
    "answered, but the answer could not be written": 7,
}
"""The exit statuses the README promises, written out: the tests below that compare with
EXIT_CODES would still pass if the table itself gave every failure the same number."""


def test_exit_codes_are_distinct() -> None:
    assert EXIT_CODES == PROMISED_EXIT_CODES
    assert len(set(EXIT_CODES.values())) == len(EXIT_CODES), "two outcomes share an exit status"
    readme = " ".join((ROOT / "docs" / "cli.md").read_text(encoding="utf-8").split())  # (linked from README)
    assert (
        "exit status per kind: 2 invalid input, 3 API error, 4 rate limit, 5 connection, "
        "6 an answer that does not fit the spec, 7 answered but the answer could not be written "
        "(stdout full or closed: the call went through, do not repeat it), 1 anything else"
    ) in readme
    description = " ".join((build_parser(OPERATIONS).description or "").split())
    for what, code in PROMISED_EXIT_CODES.items():
        assert f"{code} {what}" in description


@pytest.mark.parametrize(
    ("argv", "status", "headers", "code"),
    [
        (["send-message-to-chat", "--chat-id", "0", "--message", "x"], None, {}, "invalid input"),
        (["send-message-to-chat", "--chat-id", "2", "--message", ""], None, {}, "invalid input"),
        (["send-message-to-chat", "--chat-id", "2", "--message", "x"], 404, {}, "API error"),
        (["send-message-to-chat", "--chat-id", "2", "--message", "x"], 420, RATE, "rate limit"),
        (["create-chat", "--context", '{"type": "ORDER", "id": 1}'], 200, {}, "answer does not fit the spec"),
        (
            ["--timeout", "1e10", "send-message-to-chat", "--chat-id", "2", "--message", "x"],
            None,
            {},
            "invalid input",
        ),
    ],
    ids=["out-of-range", "empty", "404", "420", "bad-answer", "timeout-past-a-day"],
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


def test_json_nested_too_deeply_is_a_usage_error(env: None) -> None:
    code, out, err, seen = cli(lambda r: httpx.Response(200), "create-chat", "--context", '{"a": ' * 100_000)
    assert code == EXIT_CODES["invalid input"] and (out, seen) == ("", [])
    assert "nested too deeply" in err


def test_characters_the_console_cannot_show_are_escaped_not_a_crash(env: None) -> None:
    # PYTHONIOENCODING=cp1251 (a Russian Windows console): no emoji there. The answer is still
    # JSON of the same value; an error's text is escaped on stderr.
    operation = next(op for op in SPEC_OPERATIONS.values() if op.name == "get_chat_message")
    message = operation.example_answer(operation.success_status)
    message["result"]["message"] = "Спасибо 😀"  # (the message of the answer: the field that holds text)
    out = io.TextIOWrapper(io.BytesIO(), encoding="cp1251")
    err = io.TextIOWrapper(io.BytesIO(), encoding="cp1251")
    make = cli_client(lambda r: httpx.Response(200, json=message))
    argv = ["get-chat-message", "--chat-id", "2", "--message-id", "5"]
    assert run(OPERATIONS, make, argv, out=out, err=err) == EXIT_CODES["ok"]
    out.seek(0)
    assert json.loads(out.read()) == message
    failing = cli_client(lambda r: httpx.Response(404, json={"status": "ERROR", "errors": [{"code": "😀"}]}))
    assert run(OPERATIONS, failing, argv, out=out, err=err) == EXIT_CODES["API error"]
    err.seek(0)
    assert "\\U0001f600" in err.read()


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


# --- every argument of every operation, from the spec's examples ----------------------------------


def subcommand(name: str) -> argparse.ArgumentParser:
    """The subcommand of the operation with Python name `name`."""
    parser = build_parser(OPERATIONS)
    (commands,) = (a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    found: argparse.ArgumentParser = commands.choices[name.replace("_", "-")]
    return found


def option_words(value: Any) -> list[str]:
    """How the command line takes a value: a list as several words after one option, an object
    as JSON text, anything else as its text."""
    items = value if isinstance(value, list) else [value]
    return [json.dumps(item) if isinstance(item, dict | list) else str(item) for item in items]


def command_line(call: Call, folder: Path) -> list[str]:
    """`call` as a command line: every parameter and body field as its `--kebab-option`; a file
    written to `folder` under FILE_NAME and given as its path."""
    operation = call.operation
    fields = {item["name"]: item for item in (operation.body or {"fields": []})["fields"]}
    argv = [operation.name.replace("_", "-")]
    values = [(python, value, False) for python, value in call.params.items()]
    values += [
        (fields[name]["python"], value, bool(fields[name]["file"]))
        for name, value in (call.body or {}).items()
    ]
    for python, value, is_file in values:
        option = "--" + python.replace("_", "-")
        if is_file:
            path = folder / FILE_NAME
            path.write_bytes(value)
            argv += [option, str(path)]
        elif isinstance(value, bool):
            argv.append(option if value else "--no-" + option[2:])
        else:
            argv += [option, *option_words(value)]
    return argv


def list_cases() -> list[tuple[str, str | None]]:
    """(operationId, None) for the example call of every operation, and (operationId, field) for
    every list field of its body that the example leaves out (sent with two items if it can)."""
    cases: list[tuple[str, str | None]] = []
    for operation in SPEC_OPERATIONS.values():
        cases.append((operation.operation_id, None))
        given = example_call(operation).body or {}
        for name, schema in (operation.body_schema or {}).get("properties", {}).items():
            if name not in given and flatten(schema).get("type") == "array":
                cases.append((operation.operation_id, name))
    return cases


@pytest.mark.parametrize(
    ("operation_id", "list_field"),
    list_cases(),
    ids=[f"{op}+{field}" if field else op for op, field in list_cases()],
)
@pytest.mark.filterwarnings("ignore:.* is deprecated:DeprecationWarning")  # (the deprecated list fields)
def test_every_parameter_is_an_option(
    env: None, tmp_path: Path, operation_id: str, list_field: str | None
) -> None:
    """The command line sends what the method sends for the same arguments: the spec's example
    call, typed as options, puts the example's request on the wire."""
    operation = SPEC_OPERATIONS[operation_id]
    options = {option for action in subcommand(operation.name)._actions for option in action.option_strings}
    names = [p["python"] for p in operation.params]
    names += [item["python"] for item in (operation.body or {"fields": []})["fields"]]
    assert {"--" + name.replace("_", "-") for name in names} <= options
    call = example_call(operation)
    if list_field is not None:
        schema = flatten((operation.body_schema or {})["properties"][list_field])
        items = distinct_items(schema, 2) or distinct_items(schema, max(schema.get("minItems", 1), 1))
        assert items, f"cannot make a value for {list_field}"
        call = call.with_body({**call.body, list_field: items})
    status = operation.success_status
    answer = operation.example_answer(status)
    code, out, err, seen = cli(lambda r: httpx.Response(status, json=answer), *command_line(call, tmp_path))
    assert (code, err) == (0, "")
    (request,) = seen
    check_request(request, call.wire(), FAKE_KEY)
    if answer is None:  # (an answer without a body prints JSON null)
        assert json.loads(out) is None
        return
    schema_ref = {"$ref": f"#/components/schemas/{operation.schema_name(status)}"}
    assert json_differences(schema_ref, json.loads(out), answer, "stdout") == []


# --- the installed command ------------------------------------------------------------------------


def shell_environment(**values: str) -> dict[str, str]:
    """The environment for the command in a subprocess: no YANDEX_MARKET_* variable but `values`,
    and the package this test imported first on the path (not another checkout's)."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith("YANDEX_MARKET_")}
    package_root = str(Path(yandex_market_chat.__file__).resolve().parent.parent)
    environment["PYTHONPATH"] = os.pathsep.join(filter(None, [package_root, os.environ.get("PYTHONPATH")]))
    return environment | values


def closed_port_url() -> str:
    """A loopback URL nothing listens on (connections are refused)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def test_the_console_script_is_the_module_main() -> None:
    """`yandex-market-chat` (pyproject's entry point) and `python -m yandex_market_chat` run the same
    main, so the subprocess tests below run what the console script runs."""
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    module, _, attribute = scripts["yandex-market-chat"].partition(":")
    assert getattr(importlib.import_module(module), attribute) is yandex_market_chat.__main__.main


@pytest.mark.parametrize("command", [[sys.executable, "-m", "yandex_market_chat"], ["yandex-market-chat"]])
def test_the_console_script_sends_to_the_server(command: list[str], sim: MarketSim) -> None:
    if command[0] == "yandex-market-chat":
        command = [os.path.join(os.path.dirname(sys.executable), "yandex-market-chat")]
    environment = shell_environment(
        YANDEX_MARKET_API_KEY=FAKE_KEY, YANDEX_MARKET_BUSINESS_ID="4242", YANDEX_MARKET_BASE_URL=sim.url
    )
    operation = next(op for op in SPEC_OPERATIONS.values() if op.name == "send_message_to_chat")

    def shell(*argv: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([*command, *argv], env=environment, capture_output=True, text=True, timeout=60)

    sent = shell("send-message-to-chat", "--chat-id", "2", "--message", "Hello from the shell")
    assert sent.returncode == EXIT_CODES["ok"], sent.stderr
    assert json.loads(sent.stdout) == operation.example_answer(operation.success_status)
    (seen,) = sim.seen
    assert (seen.operation, seen.business, seen.status) == ("send_message_to_chat", 4242, 200)
    assert seen.json == {"message": "Hello from the shell"}

    # --base-url wins over YANDEX_MARKET_BASE_URL (here a port nothing listens on).
    environment["YANDEX_MARKET_BASE_URL"] = closed_port_url()
    refused = shell("--max-retries", "0", "send-message-to-chat", "--chat-id", "2", "--message", "lost")
    assert refused.returncode == EXIT_CODES["connection"], refused.stderr
    assert len(sim.seen) == 1
    over = shell("--base-url", sim.url, "send-message-to-chat", "--chat-id", "2", "--message", "Over")
    assert over.returncode == EXIT_CODES["ok"], over.stderr
    assert json.loads(over.stdout) == operation.example_answer(operation.success_status)
    assert [s.json for s in sim.seen] == [{"message": "Hello from the shell"}, {"message": "Over"}]


def in_the_shell(sim: MarketSim, *argv: str, **how: Any) -> subprocess.CompletedProcess[str]:
    """`python -m yandex_market_chat *argv` against `sim`, with a key and business 4242."""
    environment = shell_environment(
        YANDEX_MARKET_API_KEY=FAKE_KEY, YANDEX_MARKET_BUSINESS_ID="4242", YANDEX_MARKET_BASE_URL=sim.url
    )
    command = [sys.executable, "-m", "yandex_market_chat", *argv]
    return subprocess.run(command, env=environment, text=True, timeout=60, **how)


def test_a_full_stdout_after_a_message_was_posted_says_it_was_delivered(sim: MarketSim) -> None:
    # `> /dev/full`: the message is in the chat; the status must not read as a plain failure that a
    # wrapper retries (posting it twice), and no traceback.
    with open("/dev/full", "w") as full:
        done = in_the_shell(
            sim,
            "send-message-to-chat",
            "--chat-id",
            "2",
            "--message",
            "hi",
            stdout=full,
            stderr=subprocess.PIPE,
        )
    assert done.returncode == EXIT_CODES["answered, but the answer could not be written"], done.stderr
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr
    assert "delivered" in done.stderr and "do not send it again" in done.stderr
    assert [seen.status for seen in sim.seen] == [200]


@operations_where(lambda op: op.paged)
def test_all_into_a_closed_pipe_ends_quietly_without_fetching_more(operation_id: str, sim: MarketSim) -> None:
    # `--all | head -1` once head has gone: the reader left, which is no error worth a traceback.
    operation = SPEC_OPERATIONS[operation_id]
    environment = shell_environment(
        YANDEX_MARKET_API_KEY=FAKE_KEY, YANDEX_MARKET_BUSINESS_ID="4242", YANDEX_MARKET_BASE_URL=sim.url
    )
    command = operation.name.replace("_", "-")
    argv = [sys.executable, "-m", "yandex_market_chat", command, *required_options(operation_id), "--all"]
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        done = subprocess.run(
            argv, env=environment, stdout=write_end, stderr=subprocess.PIPE, text=True, timeout=60
        )
    finally:
        os.close(write_end)
    assert done.returncode == EXIT_CODES["answered, but the answer could not be written"], done.stderr
    assert done.stderr == ""
    assert len(sim.seen) == 1, "pages were fetched for a reader that had gone"


# --- the shell's ways: stdin, global options anywhere, --version, bare, errors by option name ------


def test_echo_into_message_dash_sends_the_text(sim: MarketSim) -> None:
    # `echo hi | yandex-market-chat send-message-to-chat --chat-id 1 --message -` sends "hi", not "-".
    argv = ["send-message-to-chat", "--chat-id", "1", "--message", "-"]
    done = in_the_shell(sim, *argv, input="hi\n", capture_output=True)
    assert done.returncode == EXIT_CODES["ok"], done.stderr
    assert [seen.json for seen in sim.seen] == [{"message": "hi"}]


def test_a_file_from_stdin_takes_its_name_and_type_from_options(env: None) -> None:
    seen: list[httpx.Request] = []
    argv = [
        "send-file-to-chat",
        "--chat-id",
        "2",
        "--file",
        "-",
        "--file-name",
        "r.txt",
        "--mime-type",
        "text/plain",
    ]
    out, err = io.StringIO(), io.StringIO()
    make = cli_client(lambda r: httpx.Response(200, json={"status": "OK"}), seen)
    code = run(OPERATIONS, make, argv, out=out, err=err, stdin=io.BytesIO(b"Total: 1 990 RUB\n"))
    assert (code, err.getvalue()) == (0, "")
    (request,) = seen
    assert b'filename="r.txt"' in request.content and b"Content-Type: text/plain" in request.content
    assert b"Total: 1 990 RUB\n" in request.content, "a file's bytes are sent as they are"
    nameless = run(OPERATIONS, make, argv[:6], out=out, err=err, stdin=io.BytesIO(b"x"))
    assert nameless == EXIT_CODES["invalid input"] and "--file-name" in err.getvalue() and len(seen) == 1


def test_the_help_of_a_file_speaks_of_paths_and_stdin() -> None:
    shown = subcommand("send_file_to_chat").format_help()
    assert (
        "a path, or - for stdin" in " ".join(shown.split()).lower() and "bytes or a binary file" not in shown
    )
    assert "--file-name" in shown and "--mime-type" in shown


@pytest.mark.parametrize("where", ["before", "after"])
def test_global_options_go_before_or_after_the_subcommand(env: None, where: str) -> None:
    failing = lambda r: httpx.Response(500, json={"status": "ERROR", "errors": [{"code": "INTERNAL_ERROR"}]})  # noqa: E731
    command = ["get-chat", "--chat-id", "2"]
    options = ["--max-retries", "0", "--json-errors"]
    argv = options + command if where == "before" else command + options
    code, _, err, seen = cli(failing, *argv)
    assert code == EXIT_CODES["API error"] and len(seen) == 1, "--max-retries 0 was not taken"
    assert json.loads(err)["error"]["status_code"] == 500, "--json-errors was not taken"


def test_version_and_bare_help() -> None:
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(SystemExit) as caught:
        run(OPERATIONS, YandexMarketChat, ["--version"], out=out, err=err, version="9.8.7")
    assert caught.value.code == 0
    version = subprocess.run(
        [sys.executable, "-m", "yandex_market_chat", "--version"], capture_output=True, text=True, timeout=60
    )
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    promised = pyproject.get("version") or yandex_market_chat.__version__
    assert (version.returncode, version.stdout) == (0, f"yandex-market-chat {promised}\n")
    assert run(OPERATIONS, YandexMarketChat, [], out=out, err=err) == EXIT_CODES["ok"]
    assert "send-message-to-chat" in out.getvalue() and err.getvalue() == ""


@pytest.mark.parametrize(
    ("environment", "argv", "named", "python"),
    [
        (
            {"YANDEX_MARKET_BUSINESS_ID": "7"},
            ["get-chat", "--chat-id", "2"],
            "YANDEX_MARKET_API_KEY",
            "api_key",
        ),
        ({"YANDEX_MARKET_API_KEY": FAKE_KEY}, ["get-chat", "--chat-id", "2"], "--business-id", "business_id"),
        (
            {"YANDEX_MARKET_API_KEY": FAKE_KEY, "YANDEX_MARKET_BUSINESS_ID": "7"},
            ["get-chat", "--chat-id", "0"],
            "--chat-id",
            "chat_id",
        ),
        (
            {"YANDEX_MARKET_API_KEY": FAKE_KEY, "YANDEX_MARKET_BUSINESS_ID": "7"},
            ["--timeout", "-1", "get-chat", "--chat-id", "2"],
            "--timeout",
            "timeout",
        ),
    ],
    ids=["key", "business-id", "chat-id", "timeout"],
)
def test_errors_name_options_and_environment_variables_not_python(
    monkeypatch: pytest.MonkeyPatch, environment: dict[str, str], argv: list[str], named: str, python: str
) -> None:
    for name in ("YANDEX_MARKET_API_KEY", "YANDEX_MARKET_BUSINESS_ID", "YANDEX_MARKET_BASE_URL"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    code, out, err, seen = cli(lambda r: httpx.Response(200), *argv)
    assert (code, out, seen) == (EXIT_CODES["invalid input"], "", [])
    assert err.startswith(f"error: InvalidRequestError: {named} "), err
    assert f"{python}=" not in err and f"{python} (" not in err and "pass " not in err
    code, _, err, _ = cli(lambda r: httpx.Response(200), "--json-errors", *argv)
    (line,) = err.splitlines()
    error = json.loads(line)["error"]
    assert (error["type"], error["exit_status"]) == ("InvalidRequestError", EXIT_CODES["invalid input"])
    assert error["option"].startswith(named) and error["detail"].startswith(named)
    assert error["may_have_been_delivered"] is False


def test_json_errors_cover_usage_errors_too(env: None) -> None:
    code, out, err, seen = cli(lambda r: httpx.Response(200), "--json-errors", "get-chat")
    assert (code, out, seen) == (EXIT_CODES["invalid input"], "", [])
    (line,) = err.splitlines()
    error = json.loads(line)["error"]
    assert error["type"] == "UsageError" and "--chat-id" in error["detail"]
