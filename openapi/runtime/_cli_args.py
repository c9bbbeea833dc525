"""The command line's arguments: the exit statuses it promises, the parser built from the
operations as data (global options, one subcommand per operation, each argument an option in kebab
case) and the one `-` that reads stdin. What is printed, and which status each outcome gets, is
_cli_output.py's; cli.py runs the two.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import textwrap
from collections.abc import Callable, Mapping
from typing import Any, BinaryIO, NoReturn

from . import _market_standin
from ._settings import ENV_API_KEY, ENV_BASE_URL
from .errors import InvalidRequestError

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

STDIN = "-"
"""The value of a text or file option that reads it from stdin."""

FILE_OPTIONS = {
    "file_name": "the name the buyer sees (default: the path's name; required with `-`)",
    "mime_type": "the MIME type sent with the file (default: guessed from the name)",
}
"""The options of a command that sends a file: the method's keyword arguments that describe it."""

GLOBAL_OPTIONS = {"base_url": "--base-url", "timeout": "--timeout", "max_retries": "--max-retries"}


class UsageError(Exception):
    """A command line argparse refuses (exit status 2), raised instead of exiting so that `run`
    reports it as it reports every other error (as JSON with --json-errors)."""

    def __init__(self, message: str, usage: str = "") -> None:
        super().__init__(message)
        self.usage = usage


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{self.prog}: {message}", self.format_usage())


def _json_value(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not JSON: {exc}") from None
    except RecursionError:
        raise argparse.ArgumentTypeError("nested too deeply") from None


def _paragraphs(text: str) -> str:
    return "\n\n".join(textwrap.fill(paragraph, 88) for paragraph in text.split("\n\n"))


def option(name: str) -> str:
    return "--" + name.replace("_", "-")


def _command(name: str) -> str:
    return name.replace("_", "-")


def _add_argument(parser: argparse.ArgumentParser, argument: Mapping[str, Any]) -> None:
    kind = argument["kind"]
    help_text = argument["help"]
    if kind == "file":  # the method's own words ("a path, bytes or a binary file") are not the shell's
        help_text = re.sub(r"\(A path, bytes or a binary file; ", "(A path, or - for stdin; ", help_text)
    elif kind == "str" and not argument["choices"]:
        help_text += " (- reads it from stdin.)"
    help_text = help_text.replace("%", "%%")
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
    parser.add_argument(option(argument["name"]), **options)
    if kind == "file":
        for name, text in FILE_OPTIONS.items():
            parser.add_argument(option(name), dest=name, default=None, help=text)


def _global_options(parser: argparse.ArgumentParser, default: Any) -> None:
    """The options of the client and of the output, on the parser and on every subcommand: given
    before or after the subcommand (a subcommand's `default` is SUPPRESS, so it does not overwrite
    what was given before it)."""
    parser.add_argument(
        "--base-url", default=default, help=f"where the API is (default: {ENV_BASE_URL}, else production)"
    )
    parser.add_argument("--timeout", type=float, default=default, help="seconds per request (default 30)")
    parser.add_argument(
        "--max-retries", type=int, default=default, help="retries of what is safe to send again (default 2)"
    )
    parser.add_argument(
        "--json-errors",
        action="store_true",
        default=default if default is argparse.SUPPRESS else False,
        help="errors as one JSON object per line on stderr (default: text)",
    )


def build_parser(
    operations: Mapping[str, Mapping[str, Any]],
    prog: str = "yandex-market-chat",
    notifications: _market_standin.Payloads | None = None,
    version: str | None = None,
) -> argparse.ArgumentParser:
    """The parser: global options, then one subcommand per operation (global options also after it)."""
    environment = sorted(
        {a["client_default"] for op in operations.values() for a in op["arguments"] if a["client_default"]}
    )
    parser = _Parser(
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
    _global_options(parser, None)
    if version is not None:
        parser.add_argument("--version", action="version", version=f"{prog} {version}")
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
        _global_options(sub, argparse.SUPPRESS)
        if operation["paged"]:
            sub.add_argument(
                "--all",
                action="store_true",
                help="print every item of every page, one JSON object per line (default: the first page)",
            )
        sub.set_defaults(operation=name)
    if notifications is not None:  # `notify`: the Market stand-in, over the notification spec's types
        _market_standin.add_command(commands, notifications)
    return parser


def read_stdin(
    args: argparse.Namespace, operation: Mapping[str, Any], call: dict[str, Any], stdin: BinaryIO | None
) -> None:
    """Replace the one `-` among the text and file options by what stdin holds."""
    readers = [
        a
        for a in operation["arguments"]
        if a["kind"] in ("str", "file") and not a["choices"] and call.get(a["name"]) == STDIN
    ]
    if not readers:
        return
    if len(readers) > 1:
        raise UsageError(
            f"only one option can read stdin (-), got {', '.join(option(a['name']) for a in readers)}"
        )
    (argument,) = readers
    source = stdin if stdin is not None else sys.stdin.buffer
    try:
        data = source.read()
    except (OSError, ValueError) as exc:
        raise InvalidRequestError(argument["name"], f"cannot be read from stdin: {exc}") from None
    if argument["kind"] == "file":
        if not call.get("file_name"):
            raise UsageError(f"{option(argument['name'])} - needs {option('file_name')} (stdin has no name)")
        call[argument["name"]] = data
        return
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise InvalidRequestError(argument["name"], "from stdin must be UTF-8 text") from None
    call[argument["name"]] = text.rstrip("\r\n")
