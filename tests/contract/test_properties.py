"""Property tests over everything the spec allows, through httpx.MockTransport (no sockets).

Requests: for any spec-valid input (schemathesis draws the path, query and body from the
spec), the request the client emits conforms to the spec (openapi-core) and carries the input
unchanged — sync and async.

Responses: for any spec-valid body and rate-limit headers (hypothesis strategies derived here
from the spec's response schemas) at any documented status, the client returns the documented
model or raises the status's exception — never anything else.

The number of examples comes from the hypothesis profile chosen in conftest.py.
"""

from __future__ import annotations

import asyncio
import json
import string
import warnings
from collections.abc import Callable, Mapping
from datetime import UTC
from functools import cache
from typing import Any

import httpx
import schemathesis
from conftest import FAKE_KEY
from hypothesis import assume, given
from hypothesis import strategies as st
from yandex_market_chat import APIStatusError, AuthenticatedClient, File
from yandex_market_chat._request import utf16_length
from yandex_market_chat.models import (
    CreateChatRequest,
    CreateChatResponse,
    SendFileToChatRequest,
    SendMessageToChatRequest,
)

from contract.conftest import PROFILE
from contract.support import (
    OPERATIONS,
    SPEC,
    SPEC_PATH,
    FormPart,
    Operation,
    WireRequest,
    WireResponse,
    body_meaning,
    call_kwargs,
    check_detailed,
    check_error,
    check_success,
    each_pair,
    request_errors,
    resolve,
    response_errors,
    type_problems,
)

INT64 = (-(2**63), 2**63 - 1)
INT32 = (-(2**31), 2**31 - 1)


# --- strategies from the spec's schemas ---------------------------------------------------------


def flatten(schema: Mapping[str, Any]) -> dict[str, Any]:
    """One schema with the `allOf` parts merged in (properties and required lists united)."""
    schema = resolve(schema)
    if "allOf" not in schema:
        return schema
    merged: dict[str, Any] = {k: v for k, v in schema.items() if k != "allOf"}
    for part in schema["allOf"]:
        part = flatten(part)
        for key, value in part.items():
            if key == "properties":
                merged.setdefault("properties", {}).update(value)
            elif key == "required":
                merged["required"] = sorted({*merged.get("required", []), *value})
            else:
                merged.setdefault(key, value)
    return merged


JSON_SCALARS = (
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text()
)
ANY_JSON = st.recursive(
    JSON_SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=6,
)


def from_schema(schema: Mapping[str, Any]) -> st.SearchStrategy[Any]:
    """Values valid for an OpenAPI 3.0 schema, for the keywords this spec uses.

    Objects get their required properties, any of their optional ones, and sometimes
    properties the schema does not name (allowed: no schema forbids additionalProperties), so
    that a client which chokes on a field the service adds later is caught.
    """
    schema = flatten(schema)
    if "enum" in schema:
        base: st.SearchStrategy[Any] = st.sampled_from(schema["enum"])
    elif schema.get("type") == "integer":
        low, high = INT32 if schema.get("format") == "int32" else INT64
        base = st.integers(schema.get("minimum", low), schema.get("maximum", high))
    elif schema.get("type") == "string":
        base = st.text(min_size=schema.get("minLength", 0), max_size=min(schema.get("maxLength", 40), 40))
    elif schema.get("type") == "boolean":
        base = st.booleans()
    elif schema.get("type") == "array":
        base = st.lists(from_schema(schema["items"]), min_size=schema.get("minItems", 0), max_size=4)
    elif schema.get("type") == "object" or "properties" in schema:
        base = objects(schema)
    else:
        raise NotImplementedError(f"no strategy for schema {schema!r}: extend from_schema()")
    return st.none() | base if schema.get("nullable") else base


def objects(schema: Mapping[str, Any]) -> st.SearchStrategy[dict[str, Any]]:
    properties: dict[str, Any] = schema.get("properties", {})
    required = set(schema.get("required", []))
    named = st.fixed_dictionaries(
        {name: from_schema(sub) for name, sub in properties.items() if name in required},
        optional={name: from_schema(sub) for name, sub in properties.items() if name not in required},
    )
    extra_names = st.text(min_size=1, max_size=8).filter(lambda name: name not in properties)
    extra = st.dictionaries(extra_names, ANY_JSON, max_size=2)
    return st.builds(lambda known, more: {**more, **known}, named, extra)


HEADER_TEXT = st.text(alphabet=string.ascii_letters + string.digits + " ,:'-+", max_size=40)


def header_values(schema: Mapping[str, Any]) -> st.SearchStrategy[str]:
    """What a header of this schema can carry on the wire (a header is text; no CR/LF)."""
    schema = resolve(schema)
    if schema.get("type") == "integer":
        return from_schema(schema).map(str)
    dates = st.datetimes(timezones=st.just(UTC)).map(
        lambda moment: moment.strftime("%a, %d %b %Y %H:%M:%S GMT")
    )
    return dates | HEADER_TEXT


def response_headers(operation: Operation, status: int) -> st.SearchStrategy[dict[str, str]]:
    documented = operation.response(status).get("headers", {})
    return st.fixed_dictionaries(
        {}, optional={name: header_values(resolve(header)["schema"]) for name, header in documented.items()}
    )


# --- requests -----------------------------------------------------------------------------------


@cache
def case_strategy(operation_id: str) -> st.SearchStrategy[Any]:
    """schemathesis: spec-valid path parameters, query and body for the operation."""
    schema = schemathesis.openapi.from_path(str(SPEC_PATH))
    operation = OPERATIONS[operation_id]
    return schema[operation.path][operation.method.upper()].as_strategy()


def ok_handler(operation: Operation, seen: list[httpx.Request]) -> Callable[[httpx.Request], httpx.Response]:
    example = operation.media(200)["example"]

    def handle(request: httpx.Request) -> httpx.Response:
        request.read()
        seen.append(request)
        return httpx.Response(200, json=example)

    return handle


def send_both_ways(operation: Operation, kwargs: Callable[[], dict[str, Any]]) -> list[httpx.Request]:
    """Call the operation with sync() and asyncio(); the requests the transport received."""
    seen: list[httpx.Request] = []
    transport = httpx.MockTransport(ok_handler(operation, seen))
    client = AuthenticatedClient(token=FAKE_KEY, max_retries=0)
    client.set_httpx_client(httpx.Client(transport=transport))
    client.set_async_httpx_client(httpx.AsyncClient(transport=transport))
    operation.module.sync(client=client, **kwargs())
    asyncio.run(operation.module.asyncio(client=client, **kwargs()))
    assert len(seen) == 2
    return seen


def check_emitted(operation: Operation, request: httpx.Request, case: Any) -> WireRequest:
    """The request conforms to the spec and carries the drawn parameters unchanged."""
    wire = WireRequest.from_httpx(request)
    assert request_errors(wire) == []
    expected_path = operation.path.format(**case.path_parameters)
    assert request.url.path == expected_path
    assert dict(request.url.params) == {name: str(value) for name, value in (case.query or {}).items()}
    assert request.headers["Api-Key"] == FAKE_KEY
    return wire


@PROFILE
@given(case=case_strategy("createChat"))
def test_create_chat_emits_what_it_is_given(case: Any) -> None:
    operation = OPERATIONS["createChat"]
    body: dict[str, Any] = case.body
    # The spec lists no required property; the client requires one of the two (api-facts).
    assume(body.get("context") is not None or body.get("orderId") is not None)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        seen = send_both_ways(
            operation,
            lambda: {
                "business_id": case.path_parameters["businessId"],
                "body": CreateChatRequest.from_dict(body),
            },
        )
    deprecations = [
        w for w in caught if issubclass(w.category, DeprecationWarning) and "order_id" in str(w.message)
    ]
    assert bool(deprecations) == ("orderId" in body), "orderId (deprecated) warns, and only orderId"
    for request in seen:
        wire = check_emitted(operation, request, case)
        assert json.loads(wire.body) == body


@PROFILE
@given(case=case_strategy("sendMessageToChat"))
def test_send_message_emits_what_it_is_given(case: Any) -> None:
    operation = OPERATIONS["sendMessageToChat"]
    body: dict[str, Any] = case.body
    # The spec counts the 4,096 in UTF-16 units (x-length-unit), which JSON Schema cannot say.
    limit = resolve(SPEC["components"]["schemas"]["SendMessageToChatRequest"])["properties"]["message"][
        "maxLength"
    ]
    assume(utf16_length(body["message"]) <= limit)
    seen = send_both_ways(
        operation,
        lambda: {
            "business_id": case.path_parameters["businessId"],
            "chat_id": case.query["chatId"],
            "body": SendMessageToChatRequest.from_dict(body),
        },
    )
    for request in seen:
        wire = check_emitted(operation, request, case)
        assert json.loads(wire.body) == body


FILE_NAMES = st.text(alphabet=string.ascii_letters + string.digits + "._- абвгд", min_size=1, max_size=30)


@PROFILE
@given(case=case_strategy("sendFileToChat"), file_name=FILE_NAMES)
def test_send_file_emits_what_it_is_given(case: Any, file_name: str) -> None:
    operation = OPERATIONS["sendFileToChat"]
    content: bytes = case.body["file"].data
    # The client refuses an empty file before sending it (the spec sets no minimum).
    assume(len(content) >= 1)
    seen = send_both_ways(
        operation,
        lambda: {
            "business_id": case.path_parameters["businessId"],
            "chat_id": case.query["chatId"],
            "body": SendFileToChatRequest(file=File.from_source(content, file_name=file_name)),
        },
    )
    for request in seen:
        wire = check_emitted(operation, request, case)
        parts = body_meaning(wire.content_type, wire.body)
        assert isinstance(parts, list)
        assert [(p.name, p.filename, p.content) for p in parts] == [("file", file_name, content)]
        assert isinstance(parts[0], FormPart) and parts[0].content_type


# --- responses ----------------------------------------------------------------------------------


def answering(status: int, body: Any, headers: Mapping[str, str]) -> AuthenticatedClient:
    """A fresh client (fresh client-side limits) whose every request gets this one answer."""
    transport = httpx.MockTransport(lambda _: httpx.Response(status, json=body, headers=headers))
    client = AuthenticatedClient(token=FAKE_KEY, max_retries=0)
    client.set_httpx_client(httpx.Client(transport=transport))
    client.set_async_httpx_client(httpx.AsyncClient(transport=transport))
    return client


@each_pair
def test_any_documented_response_gives_the_documented_outcome(operation_id: str, status: int) -> None:
    """Each call gets its own client: what one answer's rate-limit headers do to the *next*
    request (the client-side limits) is not this property."""
    operation = OPERATIONS[operation_id]

    @PROFILE
    @given(body=from_schema(operation.media(status)["schema"]), headers=response_headers(operation, status))
    def check(body: Any, headers: dict[str, str]) -> None:
        # The drawn answer is itself spec-valid (a check of the strategies above).
        target = httpx.Request(
            "POST", "https://x" + operation.path.format(businessId=1), params={"chatId": 1}
        )
        answer = httpx.Response(status, json=body, headers=headers)
        assert response_errors(WireRequest.from_httpx(target), WireResponse.from_httpx(answer)) == []

        async def run_async() -> object:
            client = answering(status, body, headers)
            return await operation.module.asyncio(client=client, **call_kwargs(operation_id))

        def run_sync() -> object:
            client = answering(status, body, headers)
            return operation.module.sync(client=client, **call_kwargs(operation_id))

        for run in (run_sync, lambda: asyncio.run(run_async())):
            try:
                outcome = run()
            except APIStatusError as error:
                assert status >= 400, f"{status} raised {error!r}"
                check_error(operation, status, error, body, headers)
            else:
                assert 200 <= status < 300, f"{status} returned {outcome!r}"
                check_success(operation, status, outcome, body)
        client = answering(status, body, headers)
        detailed = operation.module.sync_detailed(client=client, **call_kwargs(operation_id))
        check_detailed(operation, status, detailed, body)

    check()


def test_type_check_of_parsed_models_catches_a_stale_client() -> None:
    """Control for check_model(): a body that round-trips but puts a string where the generated
    model declares an integer (what a client generated from an older spec does) is caught."""
    stale = CreateChatResponse.from_dict({"status": "OK", "result": {"chatId": "92837461"}})
    assert stale.to_dict() == {"status": "OK", "result": {"chatId": "92837461"}}
    assert type_problems(stale, CreateChatResponse, "CreateChatResponse") == [
        "CreateChatResponse.result.chat_id: '92837461' is a str, not int"
    ]
    fine = CreateChatResponse.from_dict({"status": "OK", "result": {"chatId": 92837461}})
    assert type_problems(fine, CreateChatResponse, "CreateChatResponse") == []
