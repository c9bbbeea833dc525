"""The receiving end of the Market's notifications: one framework-free core and two faces over it.

`Receiver.answer(method, path, headers, peer, body)` decides the whole answer; `Receiver.asgi`
(uvicorn, any ASGI server, mounted inside FastAPI or Starlette) and `Receiver.wsgi` (Flask,
Django, any WSGI server) only move bytes in and out. What the core answers, in the order it
checks:

| request | answer |
|---|---|
| a path other than `path` (default `/notification`) | 404 |
| a method other than POST | 405 (`Allow: POST`) |
| a peer outside `allowed_networks` (default: the Market's published ranges) | 403 |
| a `Content-Length` over `max_body_bytes` (default 64 KiB), or a body that grows past it | 413 |
| a content type other than `application/json`, a body that breaks the spec | 400 `WRONG_EVENT_FORMAT` |
| `PING` | 200 at once: nothing is recorded, nothing waits |
| any other notification, once `inbox.record()` returned (a repeat too) | 200 |
| `inbox.record()` failed | 500 `UNKNOWN`: the Market sends it again |

Every answer is `application/json`; the 200 is `{"version", "name", "time"}`, every error
`{"error": {"type", "message"}}`. The work (handlers) happens after the answer, from the inbox.
"""

from __future__ import annotations

import asyncio
import ipaddress
import json
import logging
from collections.abc import Awaitable, Callable, Iterable, Mapping, MutableMapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from .errors import NotificationFormatError
from .inbox import Inbox, Parser, ReceivedNotification

__all__ = [
    "DEFAULT_PATH",
    "MARKET_NETWORKS",
    "MAX_BODY_BYTES",
    "Answer",
    "AsgiApp",
    "Receiver",
    "WsgiApp",
]

DEFAULT_PATH = "/notification"
"""The Market POSTs to `<the URL registered in the seller cabinet>/notification`."""

MARKET_NETWORKS = ("5.45.207.0/25", "141.8.142.0/25", "5.255.253.0/25")
"""The addresses the Market sends notifications from (its published ranges)."""

MAX_BODY_BYTES = 64 * 1024
"""The largest body accepted (a chat notification is about 200 bytes); larger ones get 413."""

_logger = logging.getLogger("yandex_market_chat.receiver")

Scope = MutableMapping[str, Any]
"""An ASGI connection scope; `Receive` and `Send` are the ASGI callables."""
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]

_Network = ipaddress.IPv4Network | ipaddress.IPv6Network
_Address = ipaddress.IPv4Address | ipaddress.IPv6Address


@dataclass(frozen=True, slots=True)
class Answer:
    """What to send back: a status, a JSON body, and extra headers (405's `Allow`)."""

    status: int
    body: bytes
    headers: tuple[tuple[str, str], ...] = ()

    def header_list(self) -> list[tuple[str, str]]:
        """Every header of the answer, `Content-Type` and `Content-Length` first."""
        return [
            ("content-type", "application/json"),
            ("content-length", str(len(self.body))),
            *self.headers,
        ]


def _error(status: int, kind: str, message: str, headers: tuple[tuple[str, str], ...] = ()) -> Answer:
    body = json.dumps({"error": {"type": kind, "message": message}}, ensure_ascii=False)
    return Answer(status, body.encode(), headers)


def _networks(values: Iterable[str], what: str) -> tuple[_Network, ...]:
    if isinstance(values, str):
        raise TypeError(f"{what} takes a list of networks, not one string: [{values!r}]")
    networks = []
    for value in values:
        try:
            networks.append(ipaddress.ip_network(value, strict=False))
        except ValueError as exc:
            raise ValueError(f"{what}: {value!r} is not an IP network ({exc})") from None
    return tuple(networks)


def _address(text: str) -> _Address | None:
    text = text.strip()
    if text.startswith("[") and "]" in text:  # "[::1]:443" as some proxies write it
        text = text[1 : text.index("]")]
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    return address


def _is_json(content_type: str) -> bool:
    return content_type.split(";", 1)[0].strip().lower() == "application/json"


class Receiver:
    """Answers the Market's notification requests: PING at once, the rest once recorded in `inbox`.

    Args:
        inbox: where notifications are recorded before the 200 (`SqliteInbox`, `RedisInbox`, ...).
        parser: turns a body into a notification (`yandex_market_chat.notifications.parse_notification`).
        name: the integration's name in the 200 answer (1 to 100 characters).
        version: the integration's version in the 200 answer (1 to 100 characters).
        path: the path the Market posts to, relative to where the app is mounted.
        allowed_networks: the peers accepted; None accepts any (only behind something that checks).
        trusted_proxies: the proxies (addresses or networks) whose `X-Forwarded-For` is believed:
            the client is the last address in it that is not itself a trusted proxy.
        max_body_bytes: bodies larger than this get 413.
    """

    def __init__(
        self,
        inbox: Inbox,
        parser: Parser,
        *,
        name: str,
        version: str = "1.0.0",
        path: str = DEFAULT_PATH,
        allowed_networks: Iterable[str] | None = MARKET_NETWORKS,
        trusted_proxies: Iterable[str] = (),
        max_body_bytes: int = MAX_BODY_BYTES,
    ) -> None:
        for field, value in (("name", name), ("version", version)):
            if not isinstance(value, str) or not 1 <= len(value) <= 100:
                raise ValueError(f"{field} must be a string of 1 to 100 characters (the Market checks it)")
        if not path.startswith("/"):
            raise ValueError(f"path must start with '/': {path!r}")
        if isinstance(max_body_bytes, bool) or not isinstance(max_body_bytes, int) or max_body_bytes < 1:
            raise ValueError(f"max_body_bytes must be a positive integer, not {max_body_bytes!r}")
        self.inbox = inbox
        self.parser = parser
        self.name = name
        self.version = version
        self.path = path
        self.max_body_bytes = max_body_bytes
        self._allowed = None if allowed_networks is None else _networks(allowed_networks, "allowed_networks")
        self._trusted = _networks(trusted_proxies, "trusted_proxies")
        # One thread records for the ASGI face: the inbox serialises writes anyway, and fewer
        # threads contending for the interpreter keep the event loop (and PING) quick.
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="yandex-market-chat-receiver")
        self.asgi = AsgiApp(self)
        """The ASGI application: `uvicorn module:receiver.asgi`, or `app.mount("/market", receiver.asgi)`."""
        self.wsgi = WsgiApp(self)
        """The WSGI application, for any WSGI server; in Flask:
        `app.wsgi_app = DispatcherMiddleware(app.wsgi_app, {"/market": receiver.wsgi})`."""

    # The core ---------------------------------------------------------------------------------

    def check_head(
        self, method: str, path: str, headers: Mapping[str, str], peer: str | None
    ) -> Answer | None:
        """The answer decided before the body is read (404, 405, 403, 413, 400 for the content
        type), or None: read the body (at most `max_body_bytes`) and call `answer_body`.
        `headers` have lower-case names."""
        if path != self.path:
            return _error(404, "UNKNOWN", f"no such path; notifications are posted to {self.path}")
        if method.upper() != "POST":
            return _error(405, "UNKNOWN", "notifications are posted with POST", (("allow", "POST"),))
        if not self.allowed(peer, headers.get("x-forwarded-for")):
            _logger.warning("notification refused: source %s is not an allowed address", peer)
            return _error(403, "UNKNOWN", "this address may not send notifications")
        length = headers.get("content-length")
        if length is not None:
            if not length.strip().isdigit():
                return _error(400, "WRONG_EVENT_FORMAT", "Content-Length is not a number")
            if int(length) > self.max_body_bytes:
                return self.too_large()
        if not _is_json(headers.get("content-type", "")):
            return _error(400, "WRONG_EVENT_FORMAT", "the body must be application/json")
        return None

    def too_large(self) -> Answer:
        """413: the body is over `max_body_bytes`."""
        return _error(413, "UNKNOWN", f"the body is over {self.max_body_bytes} bytes")

    def parse(self, body: bytes) -> Answer | ReceivedNotification:
        """The notification in a body that passed `check_head`, or the answer when there is
        nothing to record: 413, 400, 500 for a parser bug, 200 for PING. Never waits on the inbox."""
        if len(body) > self.max_body_bytes:
            return self.too_large()
        try:
            notification = self.parser(body)
        except NotificationFormatError as exc:
            return _error(400, "WRONG_EVENT_FORMAT", str(exc))
        except (ValueError, RecursionError) as exc:  # a parser that let a decoding error through
            return _error(400, "WRONG_EVENT_FORMAT", f"the body is not a notification ({type(exc).__name__})")
        except Exception as exc:  # a parser bug: not the Market's fault, so let it send again
            _logger.error("the parser failed: %s", type(exc).__name__)
            return _error(500, "UNKNOWN", "the notification could not be read; send it again")
        return self.ok() if notification.notification_type == "PING" else notification

    def record(self, notification: ReceivedNotification, body: bytes) -> Answer:
        """Record a parsed notification; 200 once the inbox has it (a repeat too), else 500."""
        try:
            new = self.inbox.record(notification.event_key, notification.notification_type, body)
        except Exception as exc:  # nothing is acknowledged that was not stored
            _logger.error("notification %s not recorded: %s", notification.event_key, type(exc).__name__)
            return _error(500, "UNKNOWN", "the notification could not be recorded; send it again")
        _logger.info("notification %s %s", notification.event_key, "recorded" if new else "repeated")
        return self.ok()

    def answer_body(self, body: bytes) -> Answer:
        """The answer for a body that passed `check_head`: parse, answer PING, record the rest."""
        parsed = self.parse(body)
        return parsed if isinstance(parsed, Answer) else self.record(parsed, body)

    def answer(
        self, method: str, path: str, headers: Mapping[str, str], peer: str | None, body: bytes
    ) -> Answer:
        """The whole answer for one request (headers with lower-case names)."""
        return self.check_head(method, path, headers, peer) or self.answer_body(body)

    def ok(self) -> Answer:
        """200 with the integration's version, name and the time processing started (UTC)."""
        now = datetime.now(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")
        body = json.dumps({"version": self.version, "name": self.name, "time": now}, ensure_ascii=False)
        return Answer(200, body.encode())

    def allowed(self, peer: str | None, forwarded_for: str | None = None) -> bool:
        """Whether a request from `peer` (with that `X-Forwarded-For`) may send notifications."""
        if self._allowed is None:
            return True
        client = _address(peer) if peer else None
        if client is not None and forwarded_for and self._trusts(client):
            hops = [hop for hop in forwarded_for.split(",") if hop.strip()]
            for hop in reversed(hops):
                client = _address(hop)
                if client is None or not self._trusts(client):
                    break
        return client is not None and any(client in network for network in self._allowed)

    def _trusts(self, address: _Address) -> bool:
        return any(address in network for network in self._trusted)

    # The faces --------------------------------------------------------------------------------

    async def _asgi(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            while True:
                message = await receive()
                if message["type"] == "lifespan.startup":
                    await send({"type": "lifespan.startup.complete"})
                elif message["type"] == "lifespan.shutdown":
                    await send({"type": "lifespan.shutdown.complete"})
                    return
        if scope["type"] != "http":
            return
        path = scope["path"]
        root = scope.get("root_path", "")
        if root and path.startswith(root):
            path = path[len(root) :] or "/"
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        forwarded = [v.decode("latin-1") for k, v in scope["headers"] if k.lower() == b"x-forwarded-for"]
        if len(forwarded) > 1:
            headers["x-forwarded-for"] = ",".join(forwarded)
        client = scope.get("client")
        answer = self.check_head(scope["method"], path, headers, client[0] if client else None)
        if answer is None:
            chunks: list[bytes] = []
            size = 0
            more = True
            while more:
                message = await receive()
                if message["type"] == "http.disconnect":
                    return
                chunk = message.get("body", b"")
                size += len(chunk)
                if size > self.max_body_bytes:
                    answer = self.too_large()
                    break
                chunks.append(chunk)
                more = message.get("more_body", False)
            if answer is None:
                body = b"".join(chunks)
                parsed = self.parse(body)  # on the loop: PING never queues behind the store
                if isinstance(parsed, Answer):
                    answer = parsed
                else:  # the store may wait on a lock or the disk: off the event loop
                    loop = asyncio.get_running_loop()
                    answer = await loop.run_in_executor(self._writer, self.record, parsed, body)
        await send(
            {
                "type": "http.response.start",
                "status": answer.status,
                "headers": [(k.encode("latin-1"), v.encode("latin-1")) for k, v in answer.header_list()],
            }
        )
        await send({"type": "http.response.body", "body": answer.body})

    def _wsgi(self, environ: Mapping[str, Any], start_response: Callable[..., Any]) -> list[bytes]:
        headers = {
            key[5:].replace("_", "-").lower(): str(value)
            for key, value in environ.items()
            if key.startswith("HTTP_")
        }
        for key in ("CONTENT_TYPE", "CONTENT_LENGTH"):
            if environ.get(key):
                headers[key.replace("_", "-").lower()] = str(environ[key])
        path = environ.get("PATH_INFO") or "/"
        method = environ.get("REQUEST_METHOD", "GET")
        answer = self.check_head(method, path, headers, environ.get("REMOTE_ADDR"))
        if answer is None:
            length = int(headers.get("content-length", "0") or 0)
            body = environ["wsgi.input"].read(length) if length else b""
            answer = self.answer_body(body)
        reason = _REASONS.get(answer.status, "")
        start_response(f"{answer.status} {reason}", answer.header_list())
        return [answer.body]


class AsgiApp:
    """A receiver's ASGI 3 face (an object, so that servers detect the interface)."""

    def __init__(self, receiver: Receiver) -> None:
        self.receiver = receiver

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self.receiver._asgi(scope, receive, send)


class WsgiApp:
    """A receiver's WSGI face."""

    def __init__(self, receiver: Receiver) -> None:
        self.receiver = receiver

    def __call__(self, environ: Mapping[str, Any], start_response: Callable[..., Any]) -> list[bytes]:
        return self.receiver._wsgi(environ, start_response)


_REASONS = {
    200: "OK",
    400: "Bad Request",
    403: "Forbidden",
    404: "Not Found",
    405: "Method Not Allowed",
    413: "Payload Too Large",
    500: "Internal Server Error",
}
