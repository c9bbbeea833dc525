"""The client's connections over its life: one async client on several event loops (and your own
httpx client refused on a second one), parent and child each with their own connections after
fork(), a copy used as a context manager, calls after close() or while it closes: typed errors.
The wire is a real loopback server."""

from __future__ import annotations

import asyncio
import http.server
import json
import os
import ssl
import threading
from pathlib import Path
from typing import Any

import certifi
import httpx
import pytest
from conftest import FAKE_KEY
from loopback import RawServer, response, serve_in_background
from loopback_calls import OK, ActingLimiter, call, raw_client
from ratelimit.support import MarketSim
from yandex_market_chat import (
    AsyncYandexMarketChat,
    AuthenticatedClient,
    ClientStateError,
    YandexMarketChat,
    YandexMarketError,
)
from yandex_market_chat.api.chats import send_message_to_chat
from yandex_market_chat.models import (
    SendMessageToChatRequest,
)

# --- one async client, several event loops -------------------------------------------------------


def test_one_async_client_serves_successive_asyncio_runs(sim: MarketSim) -> None:
    chat = AsyncYandexMarketChat(api_key=FAKE_KEY, business_id=1, base_url=sim.url, max_retries=0)
    for index in range(3):
        asyncio.run(chat.send_message_to_chat(chat_id=7, message=f"run {index}"))
    assert sim.statuses() == [200, 200, 200]
    assert [seen.json["message"] for seen in sim.seen] == ["run 0", "run 1", "run 2"]


def test_one_async_client_serves_threads_with_loops_of_their_own(sim: MarketSim) -> None:
    sim.delay = 0.05
    chat = AsyncYandexMarketChat(api_key=FAKE_KEY, business_id=1, base_url=sim.url, max_retries=0)
    start = threading.Barrier(3)
    outcomes: list[object] = []

    def worker(name: str) -> None:
        async def messages() -> None:
            for index in range(3):
                await chat.send_message_to_chat(chat_id=7, message=f"{name} {index}")

        start.wait()
        try:
            asyncio.run(messages())
            outcomes.append("ok")
        except BaseException as exc:
            outcomes.append(exc)

    threads = [threading.Thread(target=worker, args=(f"thread {n}",)) for n in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert outcomes == ["ok"] * 3
    assert sorted(seen.json["message"] for seen in sim.seen) == sorted(
        f"thread {n} {i}" for n in range(3) for i in range(3)
    )


def test_your_own_async_client_on_another_loop_is_refused_before_sending(sim: MarketSim) -> None:
    own = httpx.AsyncClient()
    chat = AsyncYandexMarketChat(api_key=FAKE_KEY, business_id=1, base_url=sim.url, http_client=own)
    asyncio.run(chat.send_message_to_chat(chat_id=7, message="first"))
    with pytest.raises(ClientStateError) as caught:
        asyncio.run(chat.send_message_to_chat(chat_id=7, message="second"))
    assert isinstance(caught.value, YandexMarketError) and "another event loop" in str(caught.value)
    assert [seen.json["message"] for seen in sim.seen] == ["first"]


def test_a_with_options_copy_used_as_a_context_manager_leaves_the_pool_open(sim: MarketSim) -> None:
    chat = YandexMarketChat(api_key=FAKE_KEY, business_id=1, base_url=sim.url)
    chat.send_message_to_chat(chat_id=7, message="before")
    with chat.with_options(timeout=5) as quick:
        quick.send_message_to_chat(chat_id=7, message="copy")
    chat.send_message_to_chat(chat_id=7, message="after")
    chat.close()
    with pytest.raises(ClientStateError):
        chat.send_message_to_chat(chat_id=7, message="closed")
    assert [seen.json["message"] for seen in sim.seen] == ["before", "copy", "after"]


def test_a_call_after_close_is_a_typed_error(mode: str, sim: MarketSim) -> None:
    client = raw_client(sim.url)
    call(mode, send_message_to_chat, client)
    if mode == "sync":
        client.close()
    else:
        asyncio.run(client.aclose())
    with pytest.raises(ClientStateError) as caught:
        call(mode, send_message_to_chat, client)
    assert isinstance(caught.value, RuntimeError) and "closed" in str(caught.value)
    assert len(sim.seen) == 1


def test_closing_the_client_while_a_call_waits_for_a_place_is_a_client_state_error(mode: str) -> None:
    with RawServer(lambda _: response(200, OK)) as server:
        client = raw_client(server.url)
        client.rate_limiter = ActingLimiter(client.close if mode == "sync" else client.aclose)
        with pytest.raises(ClientStateError) as caught:
            call(mode, send_message_to_chat, client)
        assert server.received == []
    assert "nothing was sent" in str(caught.value)


# --- TLS: one context per process and setting ---------------------------------------------------


def _tls_of(mode: str, client: AuthenticatedClient) -> ssl.SSLContext:
    """The TLS context of the httpx client the package made for `client` (sync, or for this loop)."""

    async def on_a_loop() -> httpx.AsyncClient:
        return client.get_async_httpx_client()

    http = client.get_httpx_client() if mode == "sync" else asyncio.run(on_a_loop())
    transport: Any = http._transport  # (httpx's transport, and httpcore's pool in it)
    context: ssl.SSLContext = transport._pool._ssl_context
    return context


def test_clients_made_in_one_process_share_one_tls_context(mode: str) -> None:
    """(httpx makes one per client, reading the whole CA bundle: about 50 ms of CPU; docs/configuration.md,
    "TLS")"""
    first, second = raw_client("https://127.0.0.1:9"), raw_client("https://127.0.0.1:9", max_retries=1)
    assert _tls_of(mode, first) is _tls_of(mode, second)
    assert len(_tls_of(mode, first).get_ca_certs()) > 1  # (verified against the CA bundle)


def test_ssl_cert_file_is_read_when_a_client_is_made_unless_trust_env_is_off(
    mode: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As httpx reads SSL_CERT_FILE: a client made after it is set trusts that file's CAs only."""
    bundle = Path(certifi.where()).read_text()
    one_ca = tmp_path / "one-ca.pem"
    one_ca.write_text(bundle[: bundle.index("-----END CERTIFICATE-----") + 26])
    monkeypatch.setenv("SSL_CERT_FILE", str(one_ca))
    assert len(_tls_of(mode, raw_client("https://127.0.0.1:9")).get_ca_certs()) == 1
    ignoring = raw_client("https://127.0.0.1:9", httpx_args={"trust_env": False})
    assert len(_tls_of(mode, ignoring).get_ca_certs()) > 1


# --- After fork(): each process its own connections --------------------------------------------


class _Echo(http.server.BaseHTTPRequestHandler):
    """Keep-alive: answers every message with its text and the client's port (the connection)."""

    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.send_response(200)
        self.send_header("X-Echo", json.loads(body)["message"])
        self.send_header("X-Connection", str(self.client_address[1]))
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(OK)))
        self.end_headers()
        self.wfile.write(OK)


FORK_ROUNDS = 5


def _echoes(mode: str, client: AuthenticatedClient, who: str) -> list[tuple[str, str]]:
    """(the text each answer echoes, its connection) for FORK_ROUNDS messages sent one by one."""

    async def rounds() -> list[Any]:
        return [
            await send_message_to_chat.asyncio_detailed(
                1, client=client, chat_id=7, body=SendMessageToChatRequest(message=f"{who} {index}")
            )
            for index in range(FORK_ROUNDS)
        ]

    if mode == "sync":
        answers: list[Any] = [
            send_message_to_chat.sync_detailed(
                1, client=client, chat_id=7, body=SendMessageToChatRequest(message=f"{who} {index}")
            )
            for index in range(FORK_ROUNDS)
        ]
    else:
        answers = asyncio.run(rounds())
    return [(answer.headers["X-Echo"], answer.headers["X-Connection"]) for answer in answers]


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork() on this platform")
@pytest.mark.parametrize("pool", ["ours", "yours"])
def test_after_fork_parent_and_child_each_get_their_own_answers(mode: str, pool: str) -> None:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Echo)
    serve_in_background(server)
    try:
        client = raw_client(f"http://127.0.0.1:{server.server_address[1]}", timeout=5.0)
        if pool == "yours":
            client.set_httpx_client(httpx.Client())
            client.set_async_httpx_client(httpx.AsyncClient())
        [(_, before)] = _echoes(mode, client, "before")[:1]  # a connection kept in the pool
        readable, writable = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: report what it got, and leave without running pytest's exit
            code = 1
            try:
                os.close(readable)
                os.write(writable, json.dumps(_echoes(mode, client, "child")).encode())
                code = 0
            finally:
                os._exit(code)
        os.close(writable)
        # (your httpx.AsyncClient serves the event loop of its first call only, and that loop is
        # gone: in the parent it has done its work; the child, on a loop of its own, may use it)
        parent_sends = not (mode == "async" and pool == "yours")
        try:
            parent = _echoes(mode, client, "parent") if parent_sends else []
        finally:
            with os.fdopen(readable, "rb") as report:
                child = [tuple(pair) for pair in json.loads(report.read() or b"[]")]
            _, status = os.waitpid(pid, 0)
        assert os.waitstatus_to_exitcode(status) == 0
        sent = [f"parent {index}" for index in range(FORK_ROUNDS)] if parent_sends else []
        assert [text for text, _ in parent] == sent
        assert [text for text, _ in child] == [f"child {index}" for index in range(FORK_ROUNDS)]
        assert before not in {connection for _, connection in child}  # the parent's socket stayed its own
    finally:
        server.shutdown()
        server.server_close()
