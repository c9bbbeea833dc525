"""The httpx clients one AuthenticatedClient (and its with_options() copies) sends through: one
sync client, one async client per event loop, none of the parent's connections after fork()."""

from __future__ import annotations

import contextlib
import functools
import os
import ssl
import threading
import weakref
from collections.abc import Mapping
from typing import Any

import httpx

ACCEPT_ENCODING = "gzip, deflate"
"""The encodings asked for: those the pipeline decodes within MAX_ANSWER_BYTES (_pipeline._decode)."""


def running_loop() -> object:
    """The running event loop, or None outside one."""
    import asyncio  # here, not at the top: sync-only users do not pay for importing it

    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None


def close_on(loop: Any, client: httpx.AsyncClient) -> None:
    """Close an async client on its own event loop (running in another thread), without waiting."""
    import asyncio

    with contextlib.suppress(RuntimeError):  # the loop closed meanwhile; its connections went with it
        asyncio.run_coroutine_threadsafe(client.aclose(), loop)


TLSSetting = str | bool | ssl.SSLContext
"""httpx's `verify`: True (the CA bundle), False (no verification), a CA file or folder, a context."""


def tls_setting(verify: TLSSetting, httpx_args: Mapping[str, Any]) -> TLSSetting:
    """What an httpx client the package makes is given as `verify`: for True, False or a CA path,
    one TLS context per process and setting, shared by every client (httpx makes a new one per
    client, reading the whole CA bundle: about 50 ms of CPU each). Built as httpx builds it:
    SSL_CERT_FILE / SSL_CERT_DIR are read each time a client is made, unless httpx_args say
    trust_env=False. Your own SSLContext, or a `transport` or `cert` in httpx_args, is passed on."""
    if isinstance(verify, ssl.SSLContext) or "transport" in httpx_args or "cert" in httpx_args:
        return verify
    if verify is True and httpx_args.get("trust_env", True):
        environ = os.environ
        return _tls_context(verify, environ.get("SSL_CERT_FILE") or None, environ.get("SSL_CERT_DIR") or None)
    return _tls_context(verify, None, None)


@functools.lru_cache(maxsize=16)
def _tls_context(verify: str | bool, cert_file: str | None, cert_dir: str | None) -> ssl.SSLContext:
    """(what httpx reads from the environment is in the cache's key)"""
    return httpx.create_ssl_context(verify=verify, trust_env=bool(cert_file or cert_dir))


def asks_more(http: httpx.Client | httpx.AsyncClient) -> bool:
    """Whether an httpx client of yours asks for encodings besides ACCEPT_ENCODING's."""
    return bool(http.headers.get("Accept-Encoding", ACCEPT_ENCODING) != ACCEPT_ENCODING)


def _forget_connections(http: httpx.Client | httpx.AsyncClient) -> None:
    """In a forked child: the pooled connections of your own httpx client, forgotten without being
    closed (they are the parent's sockets: the child must neither use them nor say goodbye on them),
    so that the child opens its own. Through httpcore's pool, as _deadline.install reaches it."""
    for transport in (getattr(http, "_transport", None), *getattr(http, "_mounts", {}).values()):
        pool = getattr(transport, "_pool", None)
        if isinstance(getattr(pool, "_connections", None), list):
            pool._connections = []  # type: ignore[union-attr]
            pool._requests = []  # type: ignore[union-attr]
            lock = getattr(pool, "_optional_thread_lock", None)
            if lock is not None:
                pool._optional_thread_lock = type(lock)()  # type: ignore[union-attr]


class Pool:
    """The httpx clients, shared by every copy made with with_options()."""

    def __init__(self) -> None:
        self.sync: httpx.Client | None = None
        self.sync_ours = False
        """Whether `sync` was made here (else it is yours, set_httpx_client)."""
        self.sync_closed = False
        self.user_async: httpx.AsyncClient | None = None
        """Your own httpx.AsyncClient (set_async_httpx_client): used on one event loop only."""
        self.user_async_loop: object = None
        """The event loop your httpx.AsyncClient was first used on through this client."""
        self.loops: dict[object, httpx.AsyncClient] = {}
        """Our own httpx.AsyncClient per event loop: its connections belong to the loop that opened them."""
        self.last: tuple[object, httpx.AsyncClient] | None = None
        """The (loop, client) of the latest call: the common case, found without the lock."""
        self.async_closed = False
        self.ask_encodings = False
        """Whether a request must say Accept-Encoding itself: your own httpx client may ask for
        encodings (br, zstd) that the pipeline does not decode within its bound; ours never do."""
        self.lock = threading.Lock()
        """Threads making their first call at once build one httpx client, not one each."""
        _POOLS.add(self)

    def adopt(self, client: httpx.Client | httpx.AsyncClient) -> None:
        """Use your own httpx client from now on (set_httpx_client / set_async_httpx_client): not
        closed by us, and asked for no encoding the pipeline cannot decode within its bound."""
        with self.lock:
            if isinstance(client, httpx.AsyncClient):
                self.user_async, self.user_async_loop, self.async_closed = client, None, False
            else:
                self.sync, self.sync_ours, self.sync_closed = client, False, False
            self.ask_encodings = self.ask_encodings or asks_more(client)

    def start_afresh(self) -> None:
        """In a forked child: nothing of the parent's connections. Its sockets are shared with the
        parent, and two processes reading one socket get each other's answers; our own httpx
        clients are replaced on first use, yours keep their settings but forget their connections."""
        self.lock = threading.Lock()
        if self.sync is not None:
            if self.sync_ours:
                self.sync = None
            else:
                _forget_connections(self.sync)
        if self.user_async is not None:
            _forget_connections(self.user_async)
            self.user_async_loop = None
        self.loops = {}
        self.last = None


_POOLS: weakref.WeakSet[Pool] = weakref.WeakSet()
"""Every pool alive, for the at-fork hook."""


def _after_fork_in_child() -> None:
    for pool in list(_POOLS):
        pool.start_afresh()


if hasattr(os, "register_at_fork"):  # (not on Windows, which has no fork)
    os.register_at_fork(after_in_child=_after_fork_in_child)
