"""What each operation puts on the wire and what it parses.

Every operation of the spec, sync and async, through the module functions and the client objects:
called with the spec's own examples (tests/spec_support.py), it sends exactly the request they
describe and parses the example answer of each documented status into the documented model. A
new operation in the spec is covered here with no edit.
"""

from __future__ import annotations

import asyncio
import json
import mimetypes
from typing import Any

import httpx
import pytest
from conftest import FAKE_KEY, call, mock_client
from spec_support import (
    API_SERVER,
    FILE_NAME,
    OPERATIONS,
    Operation,
    check_answer,
    check_request,
    each_operation,
    each_pair,
    example_call,
    form_parts,
    header_param,
    operations_where,
)
from yandex_market_chat import (
    AsyncYandexMarketChat,
    AuthenticatedClient,
    RateLimitError,
    YandexMarketChat,
    _arguments,
    _pipeline,
)
from yandex_market_chat._arguments import encode_json


class Recorder:
    """An httpx handler that records requests and answers with a fixed response."""

    def __init__(self, status: int, body: Any, headers: dict[str, str] | None = None) -> None:
        self.status, self.body, self.headers = status, body, headers or {}
        self.requests: list[httpx.Request] = []

    @classmethod
    def example(cls, operation: Operation, status: int) -> Recorder:
        """Answers with the spec's example of `status`: body and headers."""
        return cls(status, operation.example_answer(status), operation.example_headers(status))

    def __call__(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        return httpx.Response(self.status, json=self.body, headers=self.headers)

    @property
    def only(self) -> httpx.Request:
        assert len(self.requests) == 1, self.requests
        return self.requests[0]


def call_client_object(mode: str, operation: Operation, recorder: Recorder) -> Any:
    """The operation's method on YandexMarketChat / AsyncYandexMarketChat with the example's
    arguments; for a paged operation, the first page's answer."""
    kwargs = example_call(operation).client_kwargs()
    transport = httpx.MockTransport(recorder)
    if mode == "sync":
        with YandexMarketChat(FAKE_KEY, http_client=httpx.Client(transport=transport)) as chat:
            result = getattr(chat, operation.name)(**kwargs)
        return result.answer if operation.paged else result

    async def main() -> Any:
        http = httpx.AsyncClient(transport=transport)
        async with AsyncYandexMarketChat(FAKE_KEY, http_client=http) as chat:
            result = await getattr(chat, operation.name)(**kwargs)
        return result.answer if operation.paged else result

    return asyncio.run(main())


@each_operation
@pytest.mark.parametrize("surface", ["module", "client-object"])
def test_the_request_is_the_spec_example_and_the_answer_its_model(
    operation_id: str, surface: str, mode: str, env: pytest.MonkeyPatch
) -> None:
    operation = OPERATIONS[operation_id]
    status = operation.success_status
    recorder = Recorder.example(operation, status)
    if surface == "module":
        client = mock_client(recorder)
        kwargs = example_call(operation).module_kwargs()
        result = call(mode, operation.module, client=client, **kwargs)
    else:
        result = call_client_object(mode, operation, recorder)
    check_request(recorder.only, example_call(operation).wire(), FAKE_KEY)
    check_answer(operation, status, result, operation.example_answer(status))


@each_pair
def test_every_documented_status_parses_into_its_model(operation_id: str, status: int) -> None:
    """*_detailed() returns every documented answer parsed into the documented model (an error's
    model too), with the raw body and the status as an int. (Sync: the async path hands the
    answer to the same parsing, as test_the_request_is_the_spec_example_and_the_answer_its_model
    shows in both modes.)"""
    operation = OPERATIONS[operation_id]
    recorder = Recorder.example(operation, status)
    client = mock_client(recorder, max_retries=0)
    kwargs = example_call(operation).module_kwargs()
    response = call("sync", operation.module, detailed=True, client=client, **kwargs)
    assert response.status_code == status and type(response.status_code) is int
    example = operation.example_answer(status)
    assert (json.loads(response.content) if example is not None else response.content) == (example or b"")
    check_answer(operation, status, response.parsed, operation.example_answer(status))


@operations_where(lambda op: 420 in op.statuses)
def test_420_is_parsed_not_a_crash(operation_id: str, mode: str) -> None:
    """The API's rate-limit status is no HTTPStatus member: the stock client crashes on it."""
    operation = OPERATIONS[operation_id]
    headers = {**operation.example_headers(420), "X-RateLimit-Resource-Remaining": "0"}
    client = mock_client(Recorder(420, operation.example_answer(420), headers), max_retries=0)
    kwargs = example_call(operation).module_kwargs()
    response = call(mode, operation.module, detailed=True, client=client, **kwargs)
    assert response.status_code == 420
    assert isinstance(response.parsed, operation.model(420))
    assert response.rate_limit.remaining == 0
    with pytest.raises(RateLimitError) as caught:
        call(mode, operation.module, client=client, **kwargs)
    assert caught.value.status_code == 420
    assert caught.value.reset_at is not None and caught.value.reset_at.year == 2025


# --- multipart bodies: behaviour of every operation with a file field ---------------------------

FORGED = (
    bytes(range(256)) * 4
    + b'\r\n--+++\r\nContent-Disposition: form-data; name="evil"\r\n\r\ninjected\r\n--+++--\r\n'
)
"""File bytes that would forge a part under the stock generator's fixed boundary `+++`, after
every byte value once."""


@operations_where(lambda op: bool(op.files))
def test_multipart_boundary_is_random_and_file_bytes_cannot_forge_a_part(
    operation_id: str, mode: str
) -> None:
    operation = OPERATIONS[operation_id]
    recorder = Recorder.example(operation, operation.success_status)
    client = mock_client(recorder)
    example = example_call(operation)
    forging = example.with_body({**example.body, **{name: FORGED for name in operation.files}})
    for _ in range(2):
        call(mode, operation.module, client=client, **forging.module_kwargs())
    boundaries = [header_param(request.headers["content-type"], "boundary") for request in recorder.requests]
    assert len(set(boundaries)) == 2 and "+++" not in boundaries, boundaries
    for request in recorder.requests:
        parts = form_parts(request.headers["content-type"], request.content)
        assert [part.sent for part in parts] == forging.wire().parts
        assert all(part.content_type == mimetypes.guess_type(FILE_NAME)[0] for part in parts if part.filename)


# --- the client's defaults, on every operation ---------------------------------------------------


def test_defaults_fit_the_real_api() -> None:
    client = AuthenticatedClient(token=FAKE_KEY)
    assert client.base_url == API_SERVER
    assert client.auth_header_name == "Api-Key" and client.prefix == ""
    timeout = httpx.Timeout(client.timeout)
    assert all(
        t is not None and 0 < t <= 60 for t in (timeout.connect, timeout.read, timeout.write, timeout.pool)
    )


@each_operation
def test_oauth_token_by_choice(operation_id: str) -> None:
    operation = OPERATIONS[operation_id]
    recorder = Recorder.example(operation, operation.success_status)
    client = AuthenticatedClient.oauth("fake-oauth-token")
    client.set_httpx_client(httpx.Client(transport=httpx.MockTransport(recorder)))
    operation.module.sync(client=client, **example_call(operation).module_kwargs())
    assert recorder.only.headers["Authorization"] == "Bearer fake-oauth-token"
    assert "api-key" not in recorder.only.headers


@each_operation
def test_own_httpx_client_keeps_auth_and_timeout(operation_id: str) -> None:
    """Stock set_httpx_client() drops the auth header; ours applies it per request."""
    operation = OPERATIONS[operation_id]
    recorder = Recorder.example(operation, operation.success_status)
    client = AuthenticatedClient(token=FAKE_KEY, timeout=7.0)
    client.set_httpx_client(httpx.Client(transport=httpx.MockTransport(recorder), timeout=None))
    operation.module.sync(client=client, **example_call(operation).module_kwargs())
    assert recorder.only.headers["Api-Key"] == FAKE_KEY
    assert recorder.only.extensions["timeout"] == {"connect": 7.0, "read": 7.0, "write": 7.0, "pool": 7.0}


def test_json_bodies_are_compact_utf8() -> None:
    """Text outside ASCII goes out as UTF-8, not as \\u escapes (what a JSON body is made with)."""
    assert encode_json({"message": "Привет 😀", "id": 1}) == '{"message":"Привет 😀","id":1}'.encode()


# --- a JSON body is serialised once per call ------------------------------------------------------


class Sequenced:
    """An httpx handler that gives its answers in turn (the last one again once they run out) and
    records the requests."""

    def __init__(self, *answers: tuple[int, Any, dict[str, str]]) -> None:
        self.answers = list(answers)
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        status, body, headers = self.answers[min(len(self.requests), len(self.answers)) - 1]
        return httpx.Response(status, json=body, headers=headers)


@operations_where(lambda op: bool(op.body and op.body["kind"] == "json"))
@pytest.mark.parametrize("surface", ["module", "client-object"])
def test_a_json_body_is_serialised_once_per_call(
    operation_id: str, surface: str, mode: str, monkeypatch: pytest.MonkeyPatch, env: pytest.MonkeyPatch
) -> None:
    """The runtime's encode_json runs once per call, also when the call is sent twice (a 420 that
    asks to retry, then the answer): the bytes on the wire, every attempt, are the ones it made
    (not a second encoding by httpx, by a check or by the retry)."""
    operation = OPERATIONS[operation_id]
    encoded: list[bytes] = []

    def spy(data: Any) -> bytes:
        result = encode_json(data)
        encoded.append(result)
        return result

    monkeypatch.setattr(_arguments, "encode_json", spy)
    monkeypatch.setattr(_pipeline, "backoff", lambda attempt: 0.0)  # (no wait before the retry)
    status = operation.success_status
    busy = operation.example_headers(420) if 420 in operation.statuses else {}
    busy = {**busy, "X-RateLimit-Resource-Remaining": "5"}  # (the parallel limit: retried at once)
    handler = Sequenced(
        (420, operation.example_answer(420) if 420 in operation.statuses else {}, busy),
        (status, operation.example_answer(status), operation.example_headers(status)),
    )
    example = example_call(operation)
    if surface == "module":
        call(mode, operation.module, client=mock_client(handler), **example.module_kwargs())
    else:
        transport = httpx.MockTransport(handler)
        kwargs = example.client_kwargs()
        if mode == "sync":
            with YandexMarketChat(FAKE_KEY, http_client=httpx.Client(transport=transport)) as chat:
                getattr(chat, operation.name)(**kwargs)
        else:

            async def main() -> None:
                http = httpx.AsyncClient(transport=transport)
                async with AsyncYandexMarketChat(FAKE_KEY, http_client=http) as chat:
                    await getattr(chat, operation.name)(**kwargs)

            asyncio.run(main())
    assert len(handler.requests) == 2, "the 420 was not retried"
    assert len(encoded) == 1, f"the body was encoded {len(encoded)} times for one call"
    assert [request.content for request in handler.requests] == encoded * 2
    assert json.loads(encoded[0]) == example.wire().json
