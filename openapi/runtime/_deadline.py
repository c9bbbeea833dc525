"""One deadline for a whole attempt, down to every socket read and write.

httpx's timeouts bound each read on its own: a server that sends one byte every half second keeps
a call with `timeout=1` alive for as long as it likes. The pipeline sets `DEADLINE` (a
time.monotonic() moment) for the attempt it sends; the network backend below, put under the
connection pools this package uses, gives every connect, TLS handshake, read and write at most
what is left of it, and raises httpcore's own timeout (ConnectTimeout, ReadTimeout, WriteTimeout)
once nothing is left, so httpx reports it as the timeout it is and the pipeline knows whether the
request can have left the machine.

Outside a call of this package (DEADLINE unset) the streams behave exactly as httpcore's own, so
putting it under a user's own httpx client changes nothing for the user's other requests.

The bounded stream and backend (one class each for httpcore's sync and async modes) are in
_deadline_streams.py; _exchange.install puts the backend under a pool. Both import this module,
never the other way round.
"""

from __future__ import annotations

import time
from contextvars import ContextVar

DEADLINE: ContextVar[float | None] = ContextVar("yandex_market_chat_deadline", default=None)
"""The time.monotonic() moment by which the current attempt must be done; None outside a call."""


def bounded(timeout: float | None, phase: str) -> float | None:
    """`timeout` cut to what is left of the attempt; raises httpcore's timeout of the phase
    ("connect", "read", "write") when nothing is."""
    deadline = DEADLINE.get()
    if deadline is None:
        return timeout
    left = deadline - time.monotonic()
    if left <= 0:
        import httpcore

        error = {"connect": httpcore.ConnectTimeout, "write": httpcore.WriteTimeout}.get(
            phase, httpcore.ReadTimeout
        )
        raise error("the attempt used up its timeout")
    return left if timeout is None or left < timeout else timeout
