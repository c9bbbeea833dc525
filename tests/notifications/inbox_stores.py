"""The inbox implementations the conformance suite (test_inbox.py) runs against, in one place.

A store is named by its kind and a `where` string, so that a child process can open the same
store as the test (the concurrency tests run two processes on one inbox). Adding an
implementation is one entry in KINDS and one branch in `open_inbox`; the `where` of a fresh,
empty store comes from `test_inbox.store`.
"""

from __future__ import annotations

from yandex_market_chat.inbox import Inbox

KINDS = ("redis",)
"""Every Inbox implementation the package ships."""


def open_inbox(kind: str, where: str) -> Inbox:
    """A new handle on the store `where` of `kind` (for Redis: "<url> <prefix>")."""
    if kind == "redis":
        from yandex_market_chat import RedisInbox

        url, prefix = where.split(" ", 1)
        return RedisInbox(url, prefix=prefix, timeout=5.0)
    raise AssertionError(f"no inbox of kind {kind!r}")
