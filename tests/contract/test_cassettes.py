"""Recorded exchanges (tests/cassettes/): checked against the spec, then replayed through the client.

What the cassettes are: `make record` without a key records every (operation, status) the spec
documents from Prism mock, which answers with the spec's own examples. Checking them against the
spec therefore shows that the spec agrees with itself (its examples fit its schemas, its
statuses and headers are all documented) and that the client's requests pass openapi-core; it
is not evidence of what the real service sends (see tests/cassettes/README.md for any cassette
recorded from the real API).

A cassette is evidence of anything only if it is itself checked: every interaction is validated
with openapi-core (and the validator is shown to reject mutated ones), the set covers every
(operation, status) pair the spec documents, and no cassette holds a credential. Replays run
with --record-mode=none and --block-network (pyproject addopts), sync and async.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

import httpx
import pytest
import vcr
from conftest import FAKE_KEY
from spec_support import (
    API_SERVER,
    OPERATIONS,
    PAIRS,
    call_kwargs,
    each_operation,
    each_pair,
    example_call,
    flatten,
    operation_for,
    operations_where,
    pair_id,
)
from vcr.errors import CannotOverwriteExistingCassetteException
from yandex_market_chat import AuthenticatedClient

from contract.support import (
    AUTH_HEADERS,
    ERROR_CLASSES,
    RATE_LIMIT_HEADERS,
    REDACTED,
    WireRequest,
    WireResponse,
    cassette_files,
    cassette_path,
    check_detailed,
    check_success,
    exchange_errors,
    iter_interactions,
    load_cassette,
    record_config,
    register_matchers,
    request_errors,
    response_errors,
)
from contract.support import vcr_config as cassette_settings


def recorded(operation_id: str, status: int) -> tuple[WireRequest, WireResponse]:
    path = cassette_path(operation_id, status)
    assert path.exists(), f"no cassette for {pair_id(operation_id, status)}: run `make record`"
    interactions = load_cassette(path)
    assert len(interactions) == 1, f"{path.name}: expected one interaction, found {len(interactions)}"
    return (
        WireRequest.from_cassette(interactions[0]["request"]),
        WireResponse.from_cassette(interactions[0]["response"]),
    )


# --- the cassette set ---------------------------------------------------------------------------


DOCUMENTED_ERRORS = [400, 401, 403, 404, 420, 500]
"""api-facts: the service documents its success status (200 for every chat operation) and these
error statuses for every operation (operations of other areas add more, such as 423)."""


@each_operation
def test_operation_documents_the_statuses_of_every_chat_operation(operation_id: str) -> None:
    operation = OPERATIONS[operation_id]
    assert 200 <= operation.success_status < 300
    assert set(operation.statuses) >= {operation.success_status, *DOCUMENTED_ERRORS}
    assert all(status >= 400 for status in set(operation.statuses) - {operation.success_status})


def test_every_error_status_has_its_exception() -> None:
    """An error status the spec documents without an entry in ERROR_CLASSES would leave the
    Prism tests (test_prism_server.py) without an expected exception."""
    documented = {status for _, status in PAIRS if status >= 400}
    assert sorted(documented - set(ERROR_CLASSES)) == []


def test_cassettes_cover_exactly_the_documented_pairs() -> None:
    """Derived from the spec: a new operation or status without a cassette fails here, and so
    does a cassette for a pair the spec no longer documents."""
    found = {}
    for path in cassette_files():
        (interaction,) = load_cassette(path)
        operation = operation_for(interaction["request"]["method"], interaction["request"]["uri"])
        pair = (operation.operation_id, interaction["response"]["status"]["code"])
        assert path.name == f"{pair_id(*pair)}.yaml", f"{path.name} holds {pair_id(*pair)}"
        found[pair] = path
    documented = set(PAIRS)
    assert sorted(documented - set(found)) == [], "documented pairs without a cassette (run `make record`)"
    assert sorted(set(found) - documented) == [], "cassettes for pairs the spec does not document"


OUR_CASSETTES = Path(__file__).resolve().parent.parent / "cassettes"
"""The committed cassettes and their README (whichever spec the suite runs on)."""


def test_the_readme_states_the_rule_not_a_count() -> None:
    """The README says how cassettes are named and that there is one per documented pair (which
    test_cassettes_cover_exactly_the_documented_pairs holds true), and no count of them: a count
    went stale with every operation added, and a spec change must need no other edit."""
    text = " ".join((OUR_CASSETTES / "README.md").read_text(encoding="utf-8").split())
    assert "named `<operationId>-<status>.yaml`" in text
    counts = re.findall(r"\b\d+ (?:cassettes|operations)\b|\| all \d+ \|", text)
    assert counts == [], counts


@each_pair
def test_recorded_exchange_conforms_to_the_spec(operation_id: str, status: int) -> None:
    request, response = recorded(operation_id, status)
    assert exchange_errors(request, response) == []


@each_pair
def test_recorded_response_has_the_shape_the_spec_promises(operation_id: str, status: int) -> None:
    """The promises the spec makes beyond its schemas (the rate-limit headers on every answer,
    `"status": "ERROR"` in error bodies, where the published reference pages show "OK"). From
    Prism mock this checks the spec's examples keep them; from the real API, that it does."""
    _, response = recorded(operation_id, status)
    assert [name for name in RATE_LIMIT_HEADERS if name not in response.headers] == []
    assert response.headers["X-RateLimit-Resource-Limit"].isdigit()
    body = response.json()
    if status >= 400:
        assert body["status"] == "ERROR"
        assert body["errors"] and all(isinstance(error["code"], str) for error in body["errors"])
    elif "status" in flatten(OPERATIONS[operation_id].media(status)["schema"] or {}).get("properties", {}):
        assert body["status"] == "OK"  # (an answer without the ApiResponse wrapper has no status)


def test_every_interaction_in_every_cassette_conforms_to_the_spec() -> None:
    """Every interaction of every file, including any a test above does not name."""
    checked = 0
    for path, interaction in iter_interactions():
        request = WireRequest.from_cassette(interaction["request"])
        response = WireResponse.from_cassette(interaction["response"])
        assert exchange_errors(request, response) == [], path.name
        checked += 1
    assert checked >= len(PAIRS)


def test_no_cassette_holds_a_credential() -> None:
    auth_names = {name.lower() for name in AUTH_HEADERS}
    for path, interaction in iter_interactions():
        headers = interaction["request"]["headers"]
        sent = {name: values for name, values in headers.items() if name.lower() in auth_names}
        assert sent, f"{path.name}: the request carries no Api-Key or Authorization header"
        for name, values in sent.items():
            assert values == [REDACTED], f"{path.name}: {name} is {values!r}, not {REDACTED}"
    for path in cassette_files():
        text = path.read_text(encoding="utf-8")
        assert FAKE_KEY not in text
        assert "Bearer " not in text, f"{path.name} holds a Bearer token"


@pytest.mark.parametrize(
    "make_client",
    [
        pytest.param(lambda: AuthenticatedClient(token=FAKE_KEY), id="Api-Key"),
        pytest.param(lambda: AuthenticatedClient.oauth(FAKE_KEY), id="Authorization"),
    ],
)
def test_recorder_writes_credentials_as_redacted(
    make_client: Callable[[], AuthenticatedClient], tmp_path: Path
) -> None:
    """The recording settings themselves, not just today's files: the key never reaches disk."""
    client = make_client()
    client.set_httpx_client(
        httpx.Client(transport=httpx.MockTransport(lambda _: httpx.Response(200, json={})))
    )
    recorder = vcr.VCR(**record_config(API_SERVER))
    register_matchers(recorder)
    path = tmp_path / "recorded.yaml"
    with recorder.use_cassette(str(path), record_mode="all"):
        client.get_httpx_client().post(API_SERVER + "/v2/x", headers=client._auth_headers())
    (interaction,) = load_cassette(path)
    sent = {k.lower(): v for k, v in interaction["request"]["headers"].items()}
    assert sent[client.auth_header_name.lower()] == [REDACTED]
    assert FAKE_KEY not in path.read_text(encoding="utf-8")


# --- the validator rejects what breaks the spec (negative controls) -----------------------------


def _mutated_response(
    operation_id: str, status: int, change: Callable[[dict[str, Any], dict[str, list[str]]], int | None]
) -> tuple[WireRequest, WireResponse]:
    request, response = recorded(operation_id, status)
    body = response.json()
    headers: dict[str, list[str]] = {}
    for name, value in response.header_pairs:
        headers.setdefault(name, []).append(value)
    new_status = change(body, headers) or status
    pairs = [(name, value) for name, values in headers.items() for value in values]
    return request, WireResponse(new_status, pairs, json.dumps(body).encode())


# Negative controls name operations on purpose: each breaks one rule of that operation's schema.
RESPONSE_MUTATIONS: dict[
    str, tuple[str, int, Callable[[dict[str, Any], dict[str, list[str]]], int | None]]
] = {
    "chatId-as-string": ("createChat", 200, lambda b, h: b["result"].update(chatId="92837461")),
    "chatId-zero": ("createChat", 200, lambda b, h: b["result"].update(chatId=0)),
    "chatId-missing": ("createChat", 200, lambda b, h: b["result"].clear()),
    "status-not-in-enum": ("sendMessageToChat", 200, lambda b, h: b.update(status="DONE")),
    "status-missing": ("sendFileToChat", 200, lambda b, h: b.clear()),
    "error-code-missing": ("sendMessageToChat", 404, lambda b, h: b["errors"][0].pop("code")),
    "errors-empty-list": ("createChat", 420, lambda b, h: b.update(errors=[])),
    "errors-not-a-list": ("createChat", 400, lambda b, h: b.update(errors={"code": "BAD_REQUEST"})),
    "limit-header-not-a-number": (
        "sendFileToChat",
        420,
        lambda b, h: h.update({"x-ratelimit-resource-limit": ["lots"]}),
    ),
    "undocumented-status": ("createChat", 200, lambda b, h: 418),
}


@pytest.mark.parametrize("mutation", sorted(RESPONSE_MUTATIONS))
def test_validator_rejects_a_mutated_response(mutation: str) -> None:
    operation_id, status, change = RESPONSE_MUTATIONS[mutation]
    request, original = recorded(operation_id, status)
    assert response_errors(request, original) == []
    request, mutated = _mutated_response(operation_id, status, change)
    assert request_errors(request) == []
    assert response_errors(request, mutated) != []


def _chat_id_in_body(request: WireRequest) -> WireRequest:
    url, _, query = request.url.partition("?")
    body = {**json.loads(request.body), **{name: int(value) for name, value in parse_qsl(query)}}
    return replace(request, url=url, body=json.dumps(body).encode())


def _without_auth(request: WireRequest) -> WireRequest:
    names = {name.lower() for name in AUTH_HEADERS}
    return replace(request, header_pairs=[(k, v) for k, v in request.header_pairs if k.lower() not in names])


def _in_business(business: str) -> Callable[[WireRequest], WireRequest]:
    def change(request: WireRequest) -> WireRequest:
        return replace(request, url=re.sub(r"/businesses/[^/]+/", f"/businesses/{business}/", request.url))

    return change


def _with_body(body: bytes) -> Callable[[WireRequest], WireRequest]:
    return lambda request: replace(request, body=body)


def _file_field_renamed(request: WireRequest) -> WireRequest:
    return replace(request, body=request.body.replace(b'name="file"', b'name="document"'))


REQUEST_MUTATIONS: dict[str, tuple[str, Callable[[WireRequest], WireRequest]]] = {
    "chatId-in-body-not-query": ("sendMessageToChat", _chat_id_in_body),
    "no-credentials": ("createChat", _without_auth),
    "businessId-not-a-number": ("createChat", _in_business("abc")),
    "businessId-zero": ("sendMessageToChat", _in_business("0")),
    "message-empty": ("sendMessageToChat", _with_body(b'{"message": ""}')),
    "context-type-DIRECT": ("createChat", _with_body(b'{"context": {"type": "DIRECT", "id": 48523210}}')),
    "file-part-missing": ("sendFileToChat", _file_field_renamed),
}


@pytest.mark.parametrize("mutation", sorted(REQUEST_MUTATIONS))
def test_validator_rejects_a_mutated_request(mutation: str) -> None:
    operation_id, change = REQUEST_MUTATIONS[mutation]
    request, _ = recorded(operation_id, 200)
    assert request_errors(request) == []
    assert request_errors(change(request)) != []


# --- replays through the client -----------------------------------------------------------------


SUCCESSES = [(operation.operation_id, operation.success_status) for operation in OPERATIONS.values()]
each_success = pytest.mark.parametrize(
    ("operation_id", "status"), SUCCESSES, ids=[pair_id(*pair) for pair in SUCCESSES]
)
"""Each operation's success cassette. The cassettes of the other statuses hold Prism's answers,
the spec's examples: what each gives through the client is test_wire's and test_prism_server's
(every documented status) and test_errors' (every status's exception); what a replay adds is
that the request the client makes is the recorded one (the matchers compare it whole)."""


@pytest.mark.vcr
@each_success
def test_replay_sync(operation_id: str, status: int, vcr: Any) -> None:
    operation = OPERATIONS[operation_id]
    _, response = recorded(operation_id, status)
    client = AuthenticatedClient(token=FAKE_KEY, max_retries=0)
    result = operation.module.sync(client=client, **call_kwargs(operation_id))
    check_success(operation, status, result, response.json())
    detailed = operation.module.sync_detailed(client=client, **call_kwargs(operation_id))
    check_detailed(operation, status, detailed, response.json())
    assert vcr.play_count == 2


@pytest.mark.vcr
@each_success
async def test_replay_async(operation_id: str, status: int, vcr: Any) -> None:
    operation = OPERATIONS[operation_id]
    _, response = recorded(operation_id, status)
    client = AuthenticatedClient(token=FAKE_KEY, max_retries=0)
    result = await operation.module.asyncio(client=client, **call_kwargs(operation_id))
    check_success(operation, status, result, response.json())
    detailed = await operation.module.asyncio_detailed(client=client, **call_kwargs(operation_id))
    check_detailed(operation, status, detailed, response.json())
    assert vcr.play_count == 2


@operations_where(lambda op: op.body is not None)
def test_replay_refuses_a_request_the_cassette_does_not_hold(operation_id: str) -> None:
    """The matchers compare the body: another body is not answered from the cassette."""
    replay = vcr.VCR(**cassette_settings() | {"record_mode": "none"})
    register_matchers(replay)
    operation = OPERATIONS[operation_id]
    cassette = str(cassette_path(operation_id, operation.success_status))
    client = AuthenticatedClient(token=FAKE_KEY, max_retries=0)
    example = example_call(operation)
    assert operation.body is not None
    if operation.body["kind"] == "json":
        other = example.with_body({**example.body, "noteNotInTheCassette": "another body"})
    else:
        other = example.with_body({**example.body, **{name: b"another file" for name in operation.files}})
    with replay.use_cassette(cassette), pytest.raises(CannotOverwriteExistingCassetteException):
        operation.module.sync(client=client, **other.module_kwargs())
    with replay.use_cassette(cassette):
        answered = operation.module.sync_detailed(client=client, **example.module_kwargs())
        assert answered.status_code == operation.success_status
