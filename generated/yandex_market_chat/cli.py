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

import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, BinaryIO, TextIO

from . import _market_standin
from ._cli_args import EXIT_CODES, FILE_OPTIONS, STDIN, UsageError, build_parser, read_stdin
from ._cli_output import Errors, print_json, report, say, unwritten
from .errors import YandexMarketError

__all__ = ["EXIT_CODES", "STDIN", "build_parser", "run"]


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
    errors = Errors(err, "--json-errors" in flags)
    operation: Mapping[str, Any] | None = None
    try:
        args = parser.parse_args(argv)
        if args.command == "notify":
            return _market_standin.run_command(args, out, err)
        operation = operations[args.operation]
        given = {a["name"]: getattr(args, a["name"]) for a in operation["arguments"]}
        if any(a["kind"] == "file" for a in operation["arguments"]):
            given |= {name: getattr(args, name) for name in FILE_OPTIONS}
        call = {name: value for name, value in given.items() if value is not None}
        read_stdin(args, operation, call, stdin)
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
                        print_json(item, out)
                else:
                    print_json(getattr(answer, "answer", answer), out)
            except OSError as error:
                return unwritten(error, operation, out, errors)
    except UsageError as error:
        if not errors.as_json:
            say(err, error.usage)
        return errors.report("UsageError", str(error), EXIT_CODES["invalid input"])
    except YandexMarketError as error:
        return report(error, operation, errors)
    return EXIT_CODES["ok"]
