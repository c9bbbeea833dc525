"""What the parts of the notification side agree on: the parsed notification as the receiver, the
inbox and the worker see it, and the inbox every store (SQLite, Redis, your own) implements.

The rule these shapes serve: **acknowledge only what is durably recorded, do the work after the
answer.** The receiver parses a request into a `ReceivedNotification`, calls `Inbox.record` and
answers 200 only when that returned; workers `claim` entries, run the handlers, and `complete`,
`retry_later` or `give_up` them. `event_key` is the event's identity: the Market repeating a
notification, or catch-up finding the same buyer message through the REST API, gives the same key,
and `record` keeps one entry per key, so a handler runs once per event (at least once, and once
after success).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

__all__ = ["FailedEntry", "Inbox", "InboxEntry", "Parser", "ReceivedNotification"]


class ReceivedNotification(Protocol):
    """A notification after parsing: its type as the Market wrote it (an unknown type too) and the
    identity it is de-duplicated by (which fields form it is declared per type in the spec)."""

    @property
    def notification_type(self) -> str: ...

    @property
    def event_key(self) -> str: ...


Parser = Callable[[bytes], ReceivedNotification]
"""Turns the bytes of a request body into a notification; raises `NotificationFormatError`."""


@dataclass(frozen=True, slots=True)
class InboxEntry:
    """One recorded notification, as a worker claims it."""

    key: str
    """The event key (`ReceivedNotification.event_key`)."""
    notification_type: str
    body: bytes
    """The request body exactly as received; the worker parses it again."""
    attempts: int
    """How many times a handler has been started for it before this claim."""
    received_at: float
    """When it was recorded, in seconds since the epoch."""


@dataclass(frozen=True, slots=True)
class FailedEntry:
    """An entry whose handler kept failing past the bound: kept with its last reason, replayable."""

    key: str
    notification_type: str
    attempts: int
    reason: str
    failed_at: float


class Inbox(Protocol):
    """A durable store of notifications with one entry per event key.

    Every method may raise `InboxError` when the store fails; none loses a recorded entry.
    """

    def record(self, key: str, notification_type: str, body: bytes) -> bool:
        """Store the entry durably before returning. False: an entry with this key exists already
        (pending, being handled, done or failed), nothing was stored."""
        ...

    def claim(self, lease_seconds: float) -> InboxEntry | None:
        """The next entry that is due, leased to the caller for `lease_seconds`: no other worker
        gets it until the lease ends (a worker that crashed gives it back that way). None: nothing
        is due now."""
        ...

    def complete(self, entry: InboxEntry) -> None:
        """The handler succeeded: never hand this key out again."""
        ...

    def retry_later(self, entry: InboxEntry, reason: str, delay: float) -> None:
        """The handler failed: hand the entry out again after `delay` seconds."""
        ...

    def give_up(self, entry: InboxEntry, reason: str) -> None:
        """The handler failed too often: keep the entry as failed, with its reason."""
        ...

    def failed(self) -> list[FailedEntry]:
        """The entries kept as failed, oldest first."""
        ...

    def replay(self, key: str) -> bool:
        """Make a failed entry due again (False: no failed entry has this key)."""
        ...

    def close(self) -> None: ...
