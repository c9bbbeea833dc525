"""`yandex-market-chat inbox ...`: see and replay the notifications whose handler kept failing.

    yandex-market-chat inbox failed --sqlite inbox.sqlite3
    yandex-market-chat inbox replay --sqlite inbox.sqlite3 CHAT_MESSAGE_SENT:1:2:3
    yandex-market-chat inbox failed --redis redis://localhost:6379/0 [--prefix PREFIX]

`failed` prints one JSON object per failed entry (key, type, attempts, reason, when), oldest
first; `replay` makes one due again (a running worker handles it with a fresh attempt count)
and exits 1 when no failed entry has that key.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import TextIO

from ._sqlite_inbox import SqliteInbox
from .errors import InboxError
from .inbox import Inbox


def _open(args: argparse.Namespace) -> Inbox:
    if args.sqlite is not None:
        return SqliteInbox(args.sqlite)
    from ._redis_inbox import DEFAULT_PREFIX, RedisInbox

    return RedisInbox(args.redis, prefix=args.prefix or DEFAULT_PREFIX)


def run_inbox(argv: Sequence[str], out: TextIO, err: TextIO, prog: str = "yandex-market-chat inbox") -> int:
    """Run an `inbox` subcommand; the exit status (0 done, 1 nothing to replay or a store error)."""
    parser = argparse.ArgumentParser(prog=prog, description="The notification inbox's failed entries.")
    commands = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    for action, text in (
        ("failed", "list the entries kept as failed, oldest first, one JSON object per line"),
        ("replay", "make a failed entry due again"),
    ):
        sub = commands.add_parser(action, help=text, description=text)
        store = sub.add_mutually_exclusive_group(required=True)
        store.add_argument("--sqlite", metavar="PATH", help="the SqliteInbox file")
        store.add_argument("--redis", metavar="URL", help="the RedisInbox's server (redis://host:port/db)")
        sub.add_argument("--prefix", help="the RedisInbox's prefix (default: the RedisInbox default)")
        if action == "replay":
            sub.add_argument("key", help="the entry's event key, as `failed` prints it")
    args = parser.parse_args(list(argv))
    if args.prefix is not None and args.redis is None:
        parser.error("--prefix goes with --redis")
    try:
        inbox = _open(args)
    except InboxError as error:
        err.write(f"error: {error}\n")
        return 1
    try:
        return _act(args, inbox, out, err)
    except InboxError as error:
        err.write(f"error: {error}\n")
        return 1
    finally:
        inbox.close()


def _act(args: argparse.Namespace, inbox: Inbox, out: TextIO, err: TextIO) -> int:
    if args.action == "failed":
        for entry in inbox.failed():
            when = datetime.fromtimestamp(entry.failed_at, UTC).isoformat()
            record = {
                "key": entry.key,
                "notification_type": entry.notification_type,
                "attempts": entry.attempts,
                "reason": entry.reason,
                "failed_at": when,
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        return 0
    if inbox.replay(args.key):
        out.write(f"replayed {args.key}\n")
        return 0
    err.write(f"error: no failed entry has the key {args.key}\n")
    return 1
