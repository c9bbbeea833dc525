"""The tooling behind the contract tests: openapi/prism.py and `make record` (contract/record.py).

The live path of `make record` (prism proxy in front of the real API) is exercised offline: a
stub on loopback plays the real API, so what matters is checked without a key or a network —
a live answer that breaks the spec is flagged and not written; real ids and the key never
reach a cassette. Recording twice writes the same bytes, although the multipart boundary on
the wire is random, and the stored body is still the one sent.

These name operations on purpose: the live path is shown on createChat (whose answer carries
another kind of id, a chat id, that must be renamed too), the multipart path on sendFileToChat.
"""

from __future__ import annotations

import json
import socket
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest
import vcr
from conftest import FAKE_KEY
from loopback import serve_in_background
from prism import VIOLATIONS_HEADER, PrismError, serve_prism
from spec_support import FILE_NAME, OPERATIONS, call_kwargs, form_parts, header_param
from vcr.errors import CannotOverwriteExistingCassetteException
from vcr.request import Request
from yandex_market_chat import AuthenticatedClient, File
from yandex_market_chat.api.chats import send_file_to_chat
from yandex_market_chat.models import SendFileToChatRequest

from contract.record import INVALID_KEY, id_names, record, record_pair
from contract.support import (
    CASSETTES,
    RECORDED_BOUNDARY,
    REDACTED,
    WireRequest,
    WireResponse,
    exchange_errors,
    fix_multipart_boundary,
    load_cassette,
    record_config,
    register_matchers,
)
from contract.support import vcr_config as cassette_settings

LIVE_KEY = "fake-live-key-for-the-stub-0000"
FAKE = {
    name.removeprefix("YANDEX_MARKET_").removesuffix("_ID"): fake
    for name, fake in id_names(OPERATIONS).items()
}
"""The examples' fake ids the recorder asks real ones for, by kind (BUSINESS, CHAT, ORDER, ...)."""
REAL = {kind: 5550001 + 1111 * index for index, kind in enumerate(sorted(FAKE))}
"""The stub account's ids, one per kind the spec's examples hold."""
LIVE_ENV = {"YANDEX_MARKET_API_KEY": LIVE_KEY} | {f"YANDEX_MARKET_{k}_ID": str(v) for k, v in REAL.items()}

Answer = Callable[[str, dict[str, str], bytes], tuple[int, dict[str, object]]]


def real_api_answer(chat_id: object) -> Answer:
    """The real API as far as createChat goes: 401 for a wrong key, else the chat."""

    def answer(path: str, headers: dict[str, str], body: bytes) -> tuple[int, dict[str, object]]:
        if headers.get("api-key") != LIVE_KEY:
            return 401, {
                "status": "ERROR",
                "errors": [{"code": "UNAUTHORIZED", "message": "Api-Key token is invalid"}],
            }
        assert path == f"/v2/businesses/{REAL['BUSINESS']}/chats/new"
        assert json.loads(body) == {"context": {"type": "ORDER", "id": REAL["ORDER"]}}
        return 200, {"status": "OK", "result": {"chatId": chat_id}}

    return answer


@pytest.fixture
def stub_api() -> Iterator[Callable[[Answer], str]]:
    """Start a loopback HTTP server answering with the given function; yields a starter."""
    servers: list[ThreadingHTTPServer] = []

    def start(answer: Answer) -> str:
        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                headers = {k.lower(): v for k, v in self.headers.items()}
                status, payload = answer(urlsplit(self.path).path, headers, body)
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.send_header("X-RateLimit-Resource-Limit", "1000")
                self.send_header("X-RateLimit-Resource-Remaining", "997")
                self.send_header("X-RateLimit-Resource-Until", "Thu, 10 Jul 2025 00:42:42 GMT")
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args: object) -> None:
                pass

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        serve_in_background(server)
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def test_live_recording_keeps_what_conforms_without_real_ids_or_key(
    stub_api: Callable[[Answer], str], tmp_path: Path
) -> None:
    upstream = stub_api(real_api_answer(REAL["CHAT"]))
    pairs = [("createChat", 200), ("createChat", 401)]
    assert record(pairs, LIVE_ENV, upstream=upstream, cassettes=tmp_path) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["createChat-200.yaml", "createChat-401.yaml"]
    for path in tmp_path.iterdir():
        text = path.read_text(encoding="utf-8")
        assert LIVE_KEY not in text and INVALID_KEY not in text
        assert all(str(real) not in text for real in REAL.values()), f"{path.name} holds a real id"
        ((interaction),) = load_cassette(path)
        request, response = interaction["request"], interaction["response"]
        assert request["headers"]["Api-Key"] == [REDACTED]
        assert request["uri"].startswith(
            f"https://api.partner.market.yandex.ru/v2/businesses/{FAKE['BUSINESS']}/"
        )
        assert exchange_errors(WireRequest.from_cassette(request), WireResponse.from_cassette(response)) == []
    (created,) = load_cassette(tmp_path / "createChat-200.yaml")
    assert json.loads(created["request"]["body"]) == {"context": {"type": "ORDER", "id": FAKE["ORDER"]}}
    assert json.loads(created["response"]["body"]["string"]) == {
        "status": "OK",
        "result": {"chatId": FAKE["CHAT"]},
    }


def test_live_answer_that_breaks_the_spec_is_flagged_and_not_written(
    stub_api: Callable[[Answer], str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    upstream = stub_api(real_api_answer("not-a-number"))
    assert record([("createChat", 200)], LIVE_ENV, upstream=upstream, cassettes=tmp_path) == 1
    assert list(tmp_path.iterdir()) == []
    err = capsys.readouterr().err
    assert "FAILED createChat-200" in err
    assert "Prism flagged the exchange" in err and "chatId must be integer" in err


def test_live_recording_needs_the_ids(tmp_path: Path) -> None:
    env = {"YANDEX_MARKET_API_KEY": LIVE_KEY}
    assert record([("createChat", 200)], env, upstream="http://127.0.0.1:9", cassettes=tmp_path) == 2


def test_prism_proxy_flags_an_answer_that_breaks_the_spec_and_stops(
    stub_api: Callable[[Answer], str],
) -> None:
    upstream = stub_api(real_api_answer("not-a-number"))
    with serve_prism("proxy", upstream=upstream) as base_url:
        answer = httpx.post(
            f"{base_url}/v2/businesses/{REAL['BUSINESS']}/chats/new",
            json={"context": {"type": "ORDER", "id": REAL["ORDER"]}},
            headers={"Api-Key": LIVE_KEY},
        )
    assert answer.json() == {"status": "OK", "result": {"chatId": "not-a-number"}}
    assert "result.chatId must be integer" in answer.headers[VIOLATIONS_HEADER]
    port = int(base_url.rsplit(":", 1)[1])  # and Prism is stopped on exit
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(("127.0.0.1", port), timeout=2).close()


def test_prism_that_cannot_start_raises_with_its_output(tmp_path: Path) -> None:
    with pytest.raises(PrismError, match="ENOENT") as raised, serve_prism(spec=tmp_path / "missing.yaml"):
        pass
    assert "exited with status" in str(raised.value)


def test_prism_proxy_needs_an_upstream() -> None:
    with pytest.raises(ValueError, match="upstream"), serve_prism("proxy"):
        pass


# --- recording again writes the same bytes ------------------------------------------------------


def test_recording_again_writes_the_committed_bytes(tmp_path: Path) -> None:
    """`make record` with an unchanged spec leaves the cassettes as they are (the committed ones
    were written by another run): sendFileToChat's random wire boundary is stored as
    RECORDED_BOUNDARY."""
    pairs = [("sendFileToChat", 200), ("sendFileToChat", 420), ("createChat", 200)]
    assert record(pairs, {}, cassettes=tmp_path) == 0
    names = sorted(path.name for path in tmp_path.iterdir())
    assert names == ["createChat-200.yaml", "sendFileToChat-200.yaml", "sendFileToChat-420.yaml"]
    for name in names:
        assert (tmp_path / name).read_bytes() == (CASSETTES / name).read_bytes(), f"{name} differs"
    (interaction,) = load_cassette(tmp_path / "sendFileToChat-200.yaml")
    assert interaction["request"]["headers"]["content-type"] == [
        f"multipart/form-data; boundary={RECORDED_BOUNDARY}"
    ]


def mock_api_client(sent: list[httpx.Request]) -> AuthenticatedClient:
    """A client whose requests are answered 200 by a MockTransport that keeps them in `sent`."""

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, json={"status": "OK"})

    client = AuthenticatedClient(token=FAKE_KEY, base_url="http://127.0.0.1:9", max_retries=0)
    return client.set_httpx_client(
        httpx.Client(base_url=client.base_url, transport=httpx.MockTransport(answer))
    )


def test_the_stored_multipart_body_is_the_sent_one_with_the_fixed_boundary(tmp_path: Path) -> None:
    sent: list[httpx.Request] = []
    recorder = vcr.VCR(**record_config("http://127.0.0.1:9"))
    register_matchers(recorder)
    paths = []
    for scratch in (tmp_path / "first", tmp_path / "second"):
        scratch.mkdir()
        paths.append(record_pair(recorder, mock_api_client(sent), "sendFileToChat", 200, scratch, {}))

    # On the wire: a new random boundary per request, never the placeholder.
    boundaries = [header_param(request.headers["Content-Type"], "boundary") for request in sent]
    assert len(set(boundaries)) == 2 and RECORDED_BOUNDARY not in boundaries, boundaries
    # Stored: the same bytes twice, and byte for byte the body sent with only the boundary changed.
    assert paths[0].read_bytes() == paths[1].read_bytes()
    (interaction,) = load_cassette(paths[0])
    stored = WireRequest.from_cassette(interaction["request"])
    wire = sent[0].content
    assert stored.body == wire.replace(f"--{boundaries[0]}".encode(), f"--{RECORDED_BOUNDARY}".encode())
    assert stored.content_type == f"multipart/form-data; boundary={RECORDED_BOUNDARY}"
    assert interaction["request"]["headers"]["content-length"] == [str(len(stored.body))]
    assert form_parts(stored.content_type, stored.body) == form_parts(sent[0].headers["Content-Type"], wire)

    # A replay still compares the file byte for byte: the same file matches, another does not.
    replay = vcr.VCR(**cassette_settings() | {"record_mode": "none"})
    register_matchers(replay)
    client = AuthenticatedClient(token=FAKE_KEY, max_retries=0)
    with replay.use_cassette(str(paths[0])):
        assert send_file_to_chat.sync(client=client, **call_kwargs("sendFileToChat"))
    other = call_kwargs("sendFileToChat")
    other["body"] = SendFileToChatRequest(file=File.from_source(b"another receipt", file_name=FILE_NAME))
    with replay.use_cassette(str(paths[0])), pytest.raises(CannotOverwriteExistingCassetteException):
        send_file_to_chat.sync(client=client, **other)


def multipart_request(content_type: str, body: bytes) -> Request:
    return Request("POST", "https://api.partner.market.yandex.ru/x", body, {"Content-Type": content_type})


PART = b'Content-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\n'


@pytest.mark.parametrize("quoted", [False, True], ids=["bare", "quoted"])
def test_the_boundary_is_rewritten_in_the_header_and_the_body(quoted: bool) -> None:
    content_type = 'multipart/form-data; boundary="b0b0"' if quoted else "multipart/form-data; boundary=b0b0"
    body = b"--b0b0\r\n" + PART + b"--b0b\r\nnot a boundary\r\n--b0b0--\r\n"
    fixed = fix_multipart_boundary(multipart_request(content_type, body))
    assert fixed.headers["Content-Type"] == f"multipart/form-data; boundary={RECORDED_BOUNDARY}"
    assert fixed.body == body.replace(b"--b0b0", f"--{RECORDED_BOUNDARY}".encode())
    assert form_parts(fixed.headers["Content-Type"], fixed.body) == form_parts(content_type, body)


def test_a_part_holding_the_fixed_boundary_is_refused_not_written() -> None:
    body = b"--b0b0\r\n" + PART + f"--{RECORDED_BOUNDARY}--\r\n".encode() + b"\r\n--b0b0--\r\n"
    with pytest.raises(ValueError, match="a part contains"):
        fix_multipart_boundary(multipart_request("multipart/form-data; boundary=b0b0", body))
