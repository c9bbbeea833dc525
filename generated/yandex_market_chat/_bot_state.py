"""What the notification bot remembers besides the inbox, per (business, chat): the chat's context
(kept once, from the operation the spec marks `x-notification-context`) and the catch-up cursor (the
last buyer message catch-up recorded). `SqliteInbox` keeps both in its file; `MemoryState` in the
process.
"""

from __future__ import annotations

import threading
from typing import Protocol

__all__ = ["BotState", "MemoryState", "is_state"]


class BotState(Protocol):
    """What the bot remembers besides the inbox, per (business, chat). `SqliteInbox` keeps it in its
    file; `MemoryState` in the process (fine for one process that may forget it on restart)."""

    def load_context(self, business: int, chat: int) -> bytes | None: ...

    def save_context(self, business: int, chat: int, context: bytes) -> None: ...

    def catch_up_cursor(self, business: int, chat: int) -> int | None: ...

    def advance_catch_up(self, business: int, chat: int, seen: int) -> None: ...


class MemoryState:
    """`BotState` in a dict: for inboxes that keep none (it is lost when the process ends)."""

    def __init__(self) -> None:
        self._contexts: dict[tuple[int, int], bytes] = {}
        self._cursors: dict[tuple[int, int], int] = {}
        self._lock = threading.Lock()

    def load_context(self, business: int, chat: int) -> bytes | None:
        return self._contexts.get((business, chat))

    def save_context(self, business: int, chat: int, context: bytes) -> None:
        with self._lock:
            self._contexts.setdefault((business, chat), context)

    def catch_up_cursor(self, business: int, chat: int) -> int | None:
        return self._cursors.get((business, chat))

    def advance_catch_up(self, business: int, chat: int, seen: int) -> None:
        with self._lock:
            self._cursors[business, chat] = max(self._cursors.get((business, chat), seen), seen)


def is_state(value: object) -> bool:
    """Whether `value` keeps the bot's state (an inbox that does, such as SqliteInbox)."""
    return all(
        callable(getattr(value, name, None))
        for name in ("load_context", "save_context", "catch_up_cursor", "advance_catch_up")
    )
