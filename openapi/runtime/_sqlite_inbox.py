"""The embedded inbox: one SQLite file, for receivers and workers on one machine.

Each entry is one row keyed by its event key (so a repeat is a no-op), written in WAL mode with
`synchronous=FULL` before `record()` returns: a notification the receiver acknowledged survives a
crash of the process and of the machine. Claims are leases (`due_at` moves to the end of the
lease), so a worker killed while handling gives the entry back when its lease ends; the attempt
counter is the fence — a worker whose lease ran out and whose entry was claimed again cannot
complete or fail it any more. Several processes may share the file: every write is one
`BEGIN IMMEDIATE` transaction, and a lock held by another process is waited for up to `timeout`.

Besides the inbox, the file keeps what the bot remembers (`BotState`): each chat's context from
getChat (fetched once, on CHAT_CREATED) and catch-up's cursor per chat.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, Self, TypeVar

from .errors import InboxError
from .inbox import FailedEntry, InboxEntry

__all__ = ["SqliteInbox"]

_T = TypeVar("_T")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS inbox (
    key TEXT PRIMARY KEY,
    notification_type TEXT NOT NULL,
    body BLOB NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('pending', 'done', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    due_at REAL NOT NULL,
    received_at REAL NOT NULL,
    reason TEXT,
    failed_at REAL
);
CREATE INDEX IF NOT EXISTS inbox_due ON inbox (state, due_at);
CREATE TABLE IF NOT EXISTS chat_context (
    business INTEGER NOT NULL,
    chat INTEGER NOT NULL,
    context BLOB NOT NULL,
    PRIMARY KEY (business, chat)
);
CREATE TABLE IF NOT EXISTS catch_up (
    business INTEGER NOT NULL,
    chat INTEGER NOT NULL,
    last_seen INTEGER NOT NULL,
    PRIMARY KEY (business, chat)
);
"""


class SqliteInbox:
    """An `Inbox` in one SQLite file (created if missing), shared by the processes of one machine.

    Args:
        path: the file. Keep it on a local disk (SQLite's locks do not hold on network shares).
        timeout: seconds to wait for another process's write lock before `InboxError`; keep it
            well under the Market's 10 s.
        clock: seconds since the epoch (tests move it).
    """

    def __init__(
        self, path: str | os.PathLike[str], *, timeout: float = 5.0, clock: Callable[[], float] = time.time
    ) -> None:
        self.path = Path(path)
        self._clock = clock
        self._lock = threading.Lock()
        try:
            self._db = sqlite3.connect(
                self.path, timeout=timeout, isolation_level=None, check_same_thread=False
            )
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=FULL")
            self._db.executescript(_SCHEMA)
        except sqlite3.Error as exc:
            raise InboxError(f"cannot open the SQLite inbox {self.path}: {exc}") from exc

    def _write(self, work: Callable[[sqlite3.Connection], _T]) -> _T:
        """Run `work` in one write transaction; any SQLite failure is an InboxError."""
        with self._lock:
            try:
                self._db.execute("BEGIN IMMEDIATE")
                try:
                    result = work(self._db)
                except BaseException:
                    self._db.execute("ROLLBACK")
                    raise
                self._db.execute("COMMIT")
                return result
            except sqlite3.Error as exc:
                raise InboxError(f"the SQLite inbox {self.path} failed: {exc}") from exc

    def _read(self, sql: str, parameters: tuple[object, ...] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            try:
                return list(self._db.execute(sql, parameters))
            except sqlite3.Error as exc:
                raise InboxError(f"the SQLite inbox {self.path} failed: {exc}") from exc

    # Inbox ------------------------------------------------------------------------------------

    def record(self, key: str, notification_type: str, body: bytes) -> bool:
        now = self._clock()
        cursor = self._write(
            lambda db: db.execute(
                "INSERT OR IGNORE INTO inbox (key, notification_type, body, state, due_at, received_at)"
                " VALUES (?, ?, ?, 'pending', ?, ?)",
                (key, notification_type, bytes(body), now, now),
            )
        )
        return cursor.rowcount == 1

    def claim(self, lease_seconds: float) -> InboxEntry | None:
        now = self._clock()

        def work(db: sqlite3.Connection) -> InboxEntry | None:
            row = db.execute(
                "SELECT key, notification_type, body, attempts, received_at FROM inbox"
                " WHERE state = 'pending' AND due_at <= ? ORDER BY due_at, received_at LIMIT 1",
                (now,),
            ).fetchone()
            if row is None:
                return None
            db.execute(
                "UPDATE inbox SET due_at = ?, attempts = attempts + 1 WHERE key = ?",
                (now + lease_seconds, row[0]),
            )
            return InboxEntry(
                key=row[0], notification_type=row[1], body=bytes(row[2]), attempts=row[3], received_at=row[4]
            )

        return self._write(work)

    def _settle(self, entry: InboxEntry, sql: str, parameters: tuple[object, ...]) -> None:
        # Only the holder of the latest claim (attempts moved by exactly that claim) may settle it.
        self._write(
            lambda db: db.execute(
                sql + " WHERE key = ? AND state = 'pending' AND attempts = ?",
                (*parameters, entry.key, entry.attempts + 1),
            )
        )

    def complete(self, entry: InboxEntry) -> None:
        self._settle(entry, "UPDATE inbox SET state = 'done', reason = NULL", ())

    def retry_later(self, entry: InboxEntry, reason: str, delay: float) -> None:
        self._settle(entry, "UPDATE inbox SET due_at = ?, reason = ?", (self._clock() + delay, reason))

    def give_up(self, entry: InboxEntry, reason: str) -> None:
        now = self._clock()
        self._settle(entry, "UPDATE inbox SET state = 'failed', reason = ?, failed_at = ?", (reason, now))

    def failed(self) -> list[FailedEntry]:
        rows = self._read(
            "SELECT key, notification_type, attempts, reason, failed_at FROM inbox"
            " WHERE state = 'failed' ORDER BY failed_at, key"
        )
        return [
            FailedEntry(
                key=key, notification_type=kind, attempts=attempts, reason=reason or "", failed_at=when
            )
            for key, kind, attempts, reason, when in rows
        ]

    def replay(self, key: str) -> bool:
        cursor = self._write(
            lambda db: db.execute(
                "UPDATE inbox SET state = 'pending', attempts = 0, due_at = ?, failed_at = NULL"
                " WHERE key = ? AND state = 'failed'",
                (self._clock(), key),
            )
        )
        return cursor.rowcount == 1

    def close(self) -> None:
        with self._lock:
            self._db.close()

    # BotState ---------------------------------------------------------------------------------

    def load_context(self, business: int, chat: int) -> bytes | None:
        """The chat's context kept on CHAT_CREATED (JSON of getChat's result), or None."""
        rows = self._read(
            "SELECT context FROM chat_context WHERE business = ? AND chat = ?", (business, chat)
        )
        return bytes(rows[0][0]) if rows else None

    def save_context(self, business: int, chat: int, context: bytes) -> None:
        """Keep the chat's context (the first one kept stays)."""
        self._write(
            lambda db: db.execute(
                "INSERT OR IGNORE INTO chat_context (business, chat, context) VALUES (?, ?, ?)",
                (business, chat, bytes(context)),
            )
        )

    def catch_up_cursor(self, business: int, chat: int) -> int | None:
        """The id of the newest buyer message catch-up recorded in this chat, or None."""
        rows = self._read("SELECT last_seen FROM catch_up WHERE business = ? AND chat = ?", (business, chat))
        return int(rows[0][0]) if rows else None

    def advance_catch_up(self, business: int, chat: int, seen: int) -> None:
        """Move the chat's cursor forward to the message id `seen` (never back)."""
        self._write(
            lambda db: db.execute(
                "INSERT INTO catch_up (business, chat, last_seen) VALUES (?, ?, ?)"
                " ON CONFLICT (business, chat) DO UPDATE SET last_seen = max(last_seen, excluded.last_seen)",
                (business, chat, seen),
            )
        )

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *args: object) -> None:
        self.close()
