"""The command line: one subcommand per operation of the spec, over the sync client object.

    yandex-market-chat send-message-to-chat --chat-id 2 --message "Hello"
    python -m yandex_market_chat get-chats --statuses WAITING_FOR_PARTNER --all

The key comes from YANDEX_MARKET_API_KEY (never from the command line, where other users and the
shell history would see it); `--base-url` / YANDEX_MARKET_BASE_URL and the parameters the client
takes from the environment (`x-client-default` in the spec) as for the client. Arguments are the
method's, in kebab case, checked as the method checks them: a list takes several values
(`--statuses NEW FINISHED`), an object a JSON text (`--context '{"type": "ORDER", "id": 1}'`), a
file a path (`--file-name`, `--mime-type` name it). `-` for a text or a file reads it from stdin
(`echo hi | yandex-market-chat send-message-to-chat --chat-id 1 --message -`; a text loses its
trailing newlines, as `$(...)` does; one option per command can read stdin). Global options
(`--base-url`, `--timeout`, `--max-retries`, `--json-errors`) go before or after the subcommand;
`--version`; run bare, it prints its help (exit status 0). The answer goes to stdout as JSON
(`--all` on a paged operation: every item of every page, one JSON object per line; a character the
console's encoding lacks is escaped in the JSON); errors go to stderr as text, naming options and
environment variables (`--chat-id`, YANDEX_MARKET_API_KEY), or as one JSON object per error with
`--json-errors`; the exit status says what kind: see EXIT_CODES. No outcome is a traceback: a
stdout that fails after the call (full, closed) is exit status 7, the call having gone through.

`notify URL` is the Market stand-in (see _market_standin): it sends a notification to your
endpoint as the Market would.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import textwrap
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, BinaryIO, NoReturn, TextIO

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

STDIN = "-"
"""The value of a text or file option that reads it from stdin."""

_FILE_OPTIONS = {
    "file_name": "the name the buyer sees (default: the path's name; required with `-`)",
    "mime_type": "the MIME type sent with the file (default: guessed from the name)",
}
"""The options of a command that sends a file: the method's keyword arguments that describe it."""

_GLOBAL_OPTIONS = {"base_url": "--base-url", "timeout": "--timeout", "max_retries": "--max-retries"}


class _UsageError(Exception):
    """A command line argparse refuses (exit status 2), raised instead of exiting so that `run`
    reports it as it reports every other error (as JSON with --json-errors)."""

    def __init__(self, message: str, usage: str = "") -> None:
        super().__init__(message)
        self.usage = usage


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _UsageError(f"{self.prog}: {message}", self.format_usage())


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
    parser.add_argument(_option(argument["name"]), **options)
    if kind == "file":
        for name, text in _FILE_OPTIONS.items():
            parser.add_argument(_option(name), dest=name, default=None, help=text)


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


class _Errors:
    """Where errors go: stderr, as text (`error: ...`, `note: ...`) or, with --json-errors, as one
    JSON object per error: {"error": {"type", "detail" (the text), "exit_status", "option"?, "status_code"?,
    "may_have_been_delivered", "delivered"}}."""

    def __init__(self, err: TextIO, as_json: bool) -> None:
        self.err, self.as_json = err, as_json

    def report(self, kind: str, message: str, status: int, notes: Sequence[str] = (), **facts: Any) -> int:
        if self.as_json:
            record = {"type": kind, "detail": message, "exit_status": status, **facts}
            _say(self.err, json.dumps({"error": record}, ensure_ascii=False) + "\n")
        else:
            _say(
                self.err,
                f"error: {message}\n" if kind in ("UsageError", "OSError") else f"error: {kind}: {message}\n",
            )
            for note in notes:
                _say(self.err, f"note: {note}\n")
        return status


def _unwritten(error: OSError, operation: Mapping[str, Any], out: TextIO, errors: _Errors) -> int:
    """stdout failed after the service answered: say so (unless the reader just left, `| head`),
    and that a request that is not safe to repeat was delivered."""
    if out is sys.stdout:  # the interpreter flushes stdout again at exit: let that go nowhere
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, out.fileno())
            os.close(devnull)
        except (OSError, ValueError):
            pass
    status = EXIT_CODES["answered, but the answer could not be written"]
    delivered = not operation["idempotent"]
    notes = ["the request was delivered (the service answered it); do not send it again"] if delivered else []
    if isinstance(error, BrokenPipeError):  # the reader left (`| head`): nothing to say but the note
        for note in notes:
            _say(errors.err, f"note: {note}\n")
        return status
    message = f"the answer could not be written to stdout: {error}"
    return errors.report("OSError", message, status, notes, may_have_been_delivered=True, delivered=delivered)


def _where(field: str, operation: Mapping[str, Any] | None) -> str:
    """An argument's name as the shell knows it: its option (and environment variable), or the
    environment variable of the key."""
    if field == "api_key":
        return ENV_API_KEY
    head = re.split(r"[.\[]", field, maxsplit=1)[0]  # `context.type`, `statuses[0]`: the argument
    rest = field[len(head) :]
    if head in _GLOBAL_OPTIONS:
        option = _GLOBAL_OPTIONS[head] + (f" (or {ENV_BASE_URL})" if head == "base_url" else "")
        return option + rest
    for argument in (operation or {}).get("arguments", []):
        if argument["name"] == head:
            env = argument["client_default"]
            return _option(head) + (f" (or {env})" if env else "") + (f": {rest.lstrip('.')}" if rest else "")
    if head in _FILE_OPTIONS:
        return _option(head) + rest
    return field


def _shell_problem(problem: str) -> str:
    """The problem without the Python advice ("pass business_id=... to the call ..."): the name
    in front of it says where the value comes from."""
    return re.sub(r"^is required: pass .*$", "is required", problem)


def _report(error: BaseException, operation: Mapping[str, Any] | None, errors: _Errors) -> int:
    delivered = bool(getattr(error, "may_have_been_delivered", False))
    notes = (
        ["the request may already have been delivered; check before sending it again"] if delivered else []
    )
    facts: dict[str, Any] = {"may_have_been_delivered": delivered}
    message = str(error)
    if isinstance(error, InvalidRequestError):
        where = _where(error.field, operation)
        facts["option"] = where
        problem = _shell_problem(error.problem)
        if error.field == "api_key" and problem == "is required":
            problem = "is not set: the key is read from the environment only"
        message = f"{where} {problem}"
        status = EXIT_CODES["invalid input"]
    elif isinstance(error, RateLimitError):
        status = EXIT_CODES["rate limit"]
    elif isinstance(error, APIStatusError):
        status = EXIT_CODES["API error"]
    elif isinstance(error, APIConnectionError):
        status = EXIT_CODES["connection"]
    elif isinstance(error, ResponseValidationError):
        status = EXIT_CODES["answer does not fit the spec"]
    else:
        status = EXIT_CODES["error"]
    if isinstance(error, APIStatusError):
        facts["status_code"] = error.status_code
    return errors.report(type(error).__name__, message, status, notes, **facts)


def _read_stdin(
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
        raise _UsageError(
            f"only one option can read stdin (-), got {', '.join(_option(a['name']) for a in readers)}"
        )
    (argument,) = readers
    source = stdin if stdin is not None else sys.stdin.buffer
    try:
        data = source.read()
    except (OSError, ValueError) as exc:
        raise InvalidRequestError(argument["name"], f"cannot be read from stdin: {exc}") from None
    if argument["kind"] == "file":
        if not call.get("file_name"):
            raise _UsageError(
                f"{_option(argument['name'])} - needs {_option('file_name')} (stdin has no name)"
            )
        call[argument["name"]] = data
        return
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise InvalidRequestError(argument["name"], "from stdin must be UTF-8 text") from None
    call[argument["name"]] = text.rstrip("\r\n")


def run(
    operations: Mapping[str, Mapping[str, Any]],
    client_class: Callable[..., Any],
    argv: Sequence[str] | None = None,
    out: TextIO | None = None,
    err: TextIO | None = None,
    *,
    notifications: _market_standin.Payloads | None = None,
    version: str | None = None,
    stdin: BinaryIO | None = None,
) -> int:
    """Parse `argv`, call the operation on a `client_class` client, print the answer; the exit status.
    `notifications`: the notification types' fields, for `notify` (without them there is no `notify`);
    `version`: what `--version` prints; `stdin`: what `-` reads (default: sys.stdin's bytes)."""
    out, err = out or sys.stdout, err or sys.stderr
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["inbox"]:  # the notification inbox, not an operation (see _inbox_cli)
        from ._inbox_cli import run_inbox

        return run_inbox(argv[1:], out, err)
    parser = build_parser(operations, notifications=notifications, version=version)
    if not argv:  # run bare: what it can do, not a usage error
        parser.print_help(out)
        return EXIT_CODES["ok"]
    flags = argv[: argv.index("--")] if "--" in argv else argv  # (known before parsing: usage errors too)
    errors = _Errors(err, "--json-errors" in flags)
    operation: Mapping[str, Any] | None = None
    try:
        args = parser.parse_args(argv)
        if args.command == "notify":
            return _market_standin.run_command(args, out, err)
        operation = operations[args.operation]
        given = {a["name"]: getattr(args, a["name"]) for a in operation["arguments"]}
        if any(a["kind"] == "file" for a in operation["arguments"]):
            given |= {name: getattr(args, name) for name in _FILE_OPTIONS}
        call = {name: value for name, value in given.items() if value is not None}
        _read_stdin(args, operation, call, stdin)
        options = {
            key: value
            for key, value in {
                "base_url": args.base_url,
                "timeout": args.timeout,
                "max_retries": args.max_retries,
            }.items()
            if value is not None
        }
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
                return _unwritten(error, operation, out, errors)
    except _UsageError as error:
        if not errors.as_json:
            _say(err, error.usage)
        return errors.report("UsageError", str(error), EXIT_CODES["invalid input"])
    except YandexMarketError as error:
        return _report(error, operation, errors)
    return EXIT_CODES["ok"]
