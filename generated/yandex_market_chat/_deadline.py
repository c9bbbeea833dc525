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
"""

from __future__ import annotations

import time
from contextvars import ContextVar

import httpx

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


def install(http: httpx.Client | httpx.AsyncClient) -> bool:
    """Put the deadline under the connection pool of `http`'s transport; True when it is there
    (or when the transport is httpx.MockTransport, which has no I/O to bound).

    Only httpx's own HTTPTransport / AsyncHTTPTransport has a pool to put it under (reached
    through private attributes, which httpx has kept since 0.18; on any surprise this returns
    False and the pipeline falls back to checking the deadline between reads). Idempotent.
    """
    transport = getattr(http, "_transport", None)
    if isinstance(transport, httpx.MockTransport):
        return True  # in memory: it answers at once, there is nothing to bound
    pool = getattr(transport, "_pool", None)
    backend = getattr(pool, "_network_backend", None)
    if getattr(backend, "bounded_by_deadline", False):
        return True  # (the common case, found without importing anything)
    if not isinstance(transport, httpx.HTTPTransport | httpx.AsyncHTTPTransport):
        return False
    import httpcore

    from ._deadline_streams import _AsyncBackend, _Backend

    if isinstance(backend, httpcore.NetworkBackend):
        pool._network_backend = _Backend(backend)  # type: ignore[union-attr]
        return True
    if isinstance(backend, httpcore.AsyncNetworkBackend):
        pool._network_backend = _AsyncBackend(backend)  # type: ignore[union-attr]
        return True
    return False
