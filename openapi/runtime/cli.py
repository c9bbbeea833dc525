"""The command line: one subcommand per operation of the spec, over the sync client object.

    yandex-market-chat send-message-to-chat --chat-id 2 --message "Hello"
    python -m yandex_market_chat get-chats --statuses WAITING_FOR_PARTNER --all

The key comes from YANDEX_MARKET_API_KEY (never from the command line, where other users and the
shell history would see it); `--base-url` / YANDEX_MARKET_BASE_URL and the parameters the client
takes from the environment (`x-client-default` in the spec) as for the client. Arguments are the
method's, in kebab case, checked as the method checks them: a list takes several values
(`--statuses NEW FINISHED`), an object a JSON text (`--context '{"type": "ORDER", "id": 1}'`), a
file a path. The answer goes to stdout as JSON (`--all` on a paged operation: every item of every
page, one JSON object per line);
errors go to stderr, and the exit status says what kind: see EXIT_CODES.
"""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, TextIO

from ._client import ENV_API_KEY, ENV_BASE_URL
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
}
"""The exit status of each outcome (argparse's own usage errors are 2, invalid input too)."""

_KINDS: dict[str, Callable[[str], Any]] = {"int": int, "float": float, "str": str, "file": str}


def _json_value(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not JSON: {exc}") from None


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
    return parser


def _to_json(value: Any) -> Any:
    to_dict = getattr(value, "to_dict", None)
    return to_dict() if callable(to_dict) else value


def _print(value: Any, out: TextIO) -> None:
    out.write(json.dumps(_to_json(value), ensure_ascii=False, default=str) + "\n")


def _report(error: BaseException, err: TextIO) -> int:
    err.write(f"error: {type(error).__name__}: {error}\n")
    if getattr(error, "may_have_been_delivered", False):
        err.write("note: the request may already have been delivered; check before sending it again\n")
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
    argv = sys.argv[1:] if argv is None else argv
    if list(argv[:1]) == ["inbox"]:  # the notification inbox, not an operation (see _inbox_cli)
        from ._inbox_cli import run_inbox

        return run_inbox(argv[1:], out, err)
    args = build_parser(operations).parse_args(argv)
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
            if operation["paged"] and args.all:
                items: Iterable[Any] = answer
                for item in items:
                    _print(item, out)
            else:
                _print(getattr(answer, "answer", answer), out)
    except YandexMarketError as error:
        return _report(error, err)
    return EXIT_CODES["ok"]
