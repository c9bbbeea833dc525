"""The command line: one subcommand per operation of the spec, over the sync client object.

    yandex-market-chat send-message-to-chat --chat-id 2 --message "Hello"
    python -m yandex_market_chat get-chats --statuses WAITING_FOR_PARTNER --all

The key comes from YANDEX_MARKET_API_KEY (never from the command line, where other users and the
shell history would see it); `--base-url` / YANDEX_MARKET_BASE_URL and the parameters the client
takes from the environment (`x-client-default` in the spec) as for the client. Arguments are the
method's, in kebab case, checked as the method checks them: a list takes several values
(`--statuses NEW FINISHED`), an object a JSON text (`--context '{"type": "ORDER", "id": 1}'`), a
file a path. The answer goes to stdout as JSON (`--all` on a paged operation: every item of every
page, one JSON object per line; a character the console's encoding lacks is escaped in the JSON);
errors go to stderr, and the exit status says what kind: see EXIT_CODES. No outcome is a
traceback: a stdout that fails after the call (full, closed) is exit status 7, the call having gone
through.

`notify URL` is the Market stand-in (see _market_standin): it sends a notification to your
endpoint as the Market would.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import textwrap
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, TextIO

from . import _market_standin
from ._settings import ENV_API_KEY, ENV_BASE_URL
from .errors import (
    APIConnectionError,
    APIStatusError,
    InvalidRequestError,
    RateLimitError,
    ResponseValidationError,
    YandexMarketError,
)

EXIT_CODES = {
    "ok": 0,
    "error": 1,
    "invalid input": 2,
    "API error": 3,
    "rate limit": 4,
    "connection": 5,
    "answer does not fit the spec": 6,
    "answered, but the answer could not be written": 7,
}
"""The exit status of each outcome (argparse's own usage errors are 2, invalid input too). 7: the
call went through (a message was delivered) but stdout failed (full, closed by `| head`): a
wrapper must not send it again."""

_KINDS: dict[str, Callable[[str], Any]] = {"int": int, "float": float, "str": str, "file": str}


def _json_value(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not JSON: {exc}") from None
    except RecursionError:
        raise argparse.ArgumentTypeError("nested too deeply") from None


def _paragraphs(text: str) -> str:
    return "\n\n".join(textwrap.fill(paragraph, 88) for paragraph in text.split("\n\n"))


def _option(name: str) -> str:
    return "--" + name.replace("_", "-")


def _command(name: str) -> str:
    return name.replace("_", "-")


def _add_argument(parser: argparse.ArgumentParser, argument: Mapping[str, Any]) -> None:
    kind = argument["kind"]
    help_text = argument["help"].replace("%", "%%")
    if argument["client_default"]:
        help_text += f" Default: {argument['client_default']} from the environment."
    options: dict[str, Any] = {"dest": argument["name"], "help": help_text, "default": None}
    if kind == "bool" and not argument["multiple"]:
        options["action"] = argparse.BooleanOptionalAction
    else:
        options["type"] = _json_value if kind == "json" else _KINDS.get(kind, str)
        if argument["choices"]:
            options["choices"] = argument["choices"]
        if argument["multiple"]:
            options["nargs"] = "+"
        options["metavar"] = {"json": "JSON", "file": "PATH"}.get(kind, argument["name"].upper())
        if argument["choices"]:
            options["metavar"] = "{" + ",".join(argument["choices"]) + "}"
    options["required"] = bool(argument["required"])
    parser.add_argument(_option(argument["name"]), **options)


def build_parser(
    operations: Mapping[str, Mapping[str, Any]], prog: str = "yandex-market-chat"
) -> argparse.ArgumentParser:
    """The parser: global options, then one subcommand per operation."""
    environment = sorted(
        {a["client_default"] for op in operations.values() for a in op["arguments"] if a["client_default"]}
    )
    parser = argparse.ArgumentParser(
        prog=prog,
        description=(
            f"Call the Yandex Market chat API from the shell. The key is read from {ENV_API_KEY}; "
            + "".join(f"{name} and " for name in environment)
            + f"{ENV_BASE_URL} are read too. "
            "The answer is printed as JSON on stdout; errors go to stderr. Exit status: "
            + ", ".join(f"{code} {what}" for what, code in EXIT_CODES.items())
            + "."
        ),
    )
    parser.add_argument("--base-url", help=f"where the API is (default: {ENV_BASE_URL}, else production)")
    parser.add_argument("--timeout", type=float, help="seconds per request (default 30)")
    parser.add_argument("--max-retries", type=int, help="retries of what is safe to send again (default 2)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name, operation in operations.items():
        sub = commands.add_parser(
            _command(name),
            help=operation["summary"],
            description=_paragraphs(f"{operation['summary']}\n\n{operation['description']}"),
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        for argument in operation["arguments"]:
            _add_argument(sub, argument)
        if operation["paged"]:
            sub.add_argument(
                "--all",
                action="store_true",
                help="print every item of every page, one JSON object per line (default: the first page)",
            )
        sub.set_defaults(operation=name)
    _market_standin.add_command(commands)  # `notify`: the Market stand-in
    return parser


def _to_json(value: Any) -> Any:
    to_dict = getattr(value, "to_dict", None)
    return to_dict() if callable(to_dict) else value


def _print(value: Any, out: TextIO) -> None:
    """One JSON text and a newline, flushed (a failing stdout is found at once, not at exit). Where
    the stream's encoding cannot hold a character (an emoji on a cp1251 console), the JSON escapes
    it (`\\ud83d\\ude00`): the same value, still valid JSON."""
    data = _to_json(value)
    text = json.dumps(data, ensure_ascii=False, default=str)
    try:
        text.encode(getattr(out, "encoding", None) or "utf-8")
    except (UnicodeEncodeError, LookupError):
        text = json.dumps(data, ensure_ascii=True, default=str)
    out.write(text + "\n")
    out.flush()


def _say(err: TextIO, text: str) -> None:
    """A line to stderr that cannot fail: characters its encoding lacks are escaped, and a stderr
    that is gone is given up on."""
    encoding = getattr(err, "encoding", None) or "utf-8"
    try:
        try:
            text.encode(encoding)
        except (UnicodeEncodeError, LookupError):
            text = text.encode("ascii", "backslashreplace").decode("ascii")
        err.write(text)
        err.flush()
    except (OSError, ValueError):
        pass


def _unwritten(error: OSError, operation: Mapping[str, Any], out: TextIO, err: TextIO) -> int:
    """stdout failed after the service answered: say so (unless the reader just left, `| head`),
    and that a request that is not safe to repeat was delivered."""
    if out is sys.stdout:  # the interpreter flushes stdout again at exit: let that go nowhere
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, out.fileno())
            os.close(devnull)
        except (OSError, ValueError):
            pass
    if not isinstance(error, BrokenPipeError):
        _say(err, f"error: the answer could not be written to stdout: {error}\n")
    if not operation["idempotent"]:
        _say(err, "note: the request was delivered (the service answered it); do not send it again\n")
    return EXIT_CODES["answered, but the answer could not be written"]


def _report(error: BaseException, err: TextIO) -> int:
    _say(err, f"error: {type(error).__name__}: {error}\n")
    if getattr(error, "may_have_been_delivered", False):
        _say(err, "note: the request may already have been delivered; check before sending it again\n")
    if isinstance(error, InvalidRequestError):
        return EXIT_CODES["invalid input"]
    if isinstance(error, RateLimitError):
        return EXIT_CODES["rate limit"]
    if isinstance(error, APIStatusError):
        return EXIT_CODES["API error"]
    if isinstance(error, APIConnectionError):
        return EXIT_CODES["connection"]
    if isinstance(error, ResponseValidationError):
        return EXIT_CODES["answer does not fit the spec"]
    return EXIT_CODES["error"]


def run(
    operations: Mapping[str, Mapping[str, Any]],
    client_class: Callable[..., Any],
    argv: Sequence[str] | None = None,
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> int:
    """Parse `argv`, call the operation on a `client_class` client, print the answer; the exit status."""
    out, err = out or sys.stdout, err or sys.stderr
    args = build_parser(operations).parse_args(argv)
    if args.command == "notify":
        return _market_standin.run_command(args, out, err)
    operation = operations[args.operation]
    given = {a["name"]: getattr(args, a["name"]) for a in operation["arguments"]}
    call = {name: value for name, value in given.items() if value is not None}
    options = {
        key: value
        for key, value in {
            "base_url": args.base_url,
            "timeout": args.timeout,
            "max_retries": args.max_retries,
        }.items()
        if value is not None
    }
    try:
        with client_class(**options) as client:
            answer = getattr(client, args.operation)(**call)
            try:
                if operation["paged"] and args.all:
                    items: Iterable[Any] = answer
                    for item in items:  # (a failing stdout stops the paging: no page is fetched for nothing)
                        _print(item, out)
                else:
                    _print(getattr(answer, "answer", answer), out)
            except OSError as error:
                return _unwritten(error, operation, out, err)
    except YandexMarketError as error:
        return _report(error, err)
    return EXIT_CODES["ok"]
