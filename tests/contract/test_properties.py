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
import copy
import json
import string
import warnings
from collections.abc import Callable, Mapping
from datetime import UTC, date, datetime, timedelta, timezone
from functools import cache
from typing import Any

import attrs
import httpx
import pytest
import schemathesis
from conftest import FAKE_KEY
from hypothesis import assume, given
from hypothesis import strategies as st
from openapi_schema_validator import OAS30Validator
from schemathesis.core import NOT_SET
from spec_support import (
    OPERATIONS,
    SPEC_PATH,
    Operation,
    call_kwargs,
    each_operation,
    each_pair,
    example_call,
    flatten,
    form_parts,
    json_differences,
    model_class,
    param_definition,
    resolve,
    type_problems,
)
from yandex_market_chat import APIStatusError, AuthenticatedClient, File
from yandex_market_chat._request import utf16_length
from yandex_market_chat.models import ApiResponseStatusType, CreateChatResponse
from yandex_market_chat.types import Unset

from contract.conftest import PROFILE
from contract.support import (
    WireRequest,
    WireResponse,
    check_detailed,
    check_error,
    check_success,
    request_errors,
    response_errors,
)

INT64 = (-(2**63), 2**63 - 1)
INT32 = (-(2**31), 2**31 - 1)
MOSCOW = timezone(timedelta(hours=3))


# --- strategies from the spec's schemas ---------------------------------------------------------


def date_times() -> st.SearchStrategy[str]:
    """RFC 3339 date-times as a server writes them: `Z` or an offset, with or without fractions."""
    moments = st.datetimes(
        min_value=datetime(2000, 1, 1),
        max_value=datetime(2100, 1, 1),
        timezones=st.sampled_from([UTC, MOSCOW]),
    )
    return moments.flatmap(lambda m: st.sampled_from([m.isoformat(), m.isoformat().replace("+00:00", "Z")]))


JSON_SCALARS = (
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text()
)
ANY_JSON = st.recursive(
    JSON_SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=6,
)


ANNOTATIONS = {"description", "example", "title", "deprecated", "readOnly", "writeOnly", "externalDocs"}
"""Keywords that say nothing about which values are valid."""
HONOURED = {
    "type",
    "format",
    "enum",
    "nullable",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "minLength",
    "maxLength",
    "pattern",
    "minItems",
    "maxItems",
    "uniqueItems",
    "items",
    "properties",
    "required",
    "additionalProperties",
}
"""Keywords from_schema() draws values for. Any other keyword (or format) of a schema fails the
test that meets it, by name: a strategy that ignores a keyword draws values the spec forbids, and
the property then blames the client for them (issue #18: `uniqueItems`)."""
FORMATS = {"int32", "int64", "float", "double", "date-time", "date"}
CHECKED_FORMATS = set(OAS30Validator.FORMAT_CHECKER.checkers)
"""Formats a validator checks: a strategy must honour them. Any other format (the published API's
`date-dd-MM-yyyy-HH-mm-ss`) is an annotation in OpenAPI 3.0, checked by no one: values are drawn
by type."""


def _unique_key(value: Any) -> str:
    return json.dumps(value, sort_keys=True)


NESTING = 4
"""How deep drawn objects go before they leave out their optional properties: a schema that refers
to itself (the published API's RegionDTO has a parent and children) ends there."""


def from_schema(schema: Mapping[str, Any], depth: int = 0) -> st.SearchStrategy[Any]:
    """Values valid for an OpenAPI 3.0 schema: every keyword in HONOURED is honoured, any other
    one raises NotImplementedError naming it.

    Objects get their required properties, any of their optional ones, and sometimes
    properties the schema does not name (allowed: no schema forbids additionalProperties), so
    that a client which chokes on a field the service adds later is caught.
    """
    schema = flatten(schema)
    unknown = sorted(key for key in schema if key not in HONOURED | ANNOTATIONS and not key.startswith("x-"))
    if unknown:
        raise NotImplementedError(f"no strategy honours {unknown} of {schema!r}: extend from_schema()")
    if schema.get("format") not in (None, *FORMATS) and schema["format"] in CHECKED_FORMATS:
        raise NotImplementedError(f"no strategy for format {schema['format']!r}: extend from_schema()")
    if "enum" in schema:
        base: st.SearchStrategy[Any] = st.sampled_from(schema["enum"])
    elif schema.get("type") == "integer":
        low, high = INT32 if schema.get("format") == "int32" else INT64
        low, high = schema.get("minimum", low), schema.get("maximum", high)
        low += 1 if schema.get("exclusiveMinimum") is True else 0
        high -= 1 if schema.get("exclusiveMaximum") is True else 0
        base = st.integers(low, high)
    elif schema.get("type") == "number":
        base = st.floats(
            schema.get("minimum"),
            schema.get("maximum"),
            exclude_min=schema.get("exclusiveMinimum") is True,
            exclude_max=schema.get("exclusiveMaximum") is True,
            allow_nan=False,
            allow_infinity=False,
        )
    elif schema.get("type") == "string" and schema.get("format") == "date-time":
        base = date_times()
    elif schema.get("type") == "string" and schema.get("format") == "date":
        base = st.dates(date(2000, 1, 1), date(2100, 1, 1)).map(date.isoformat)
    elif schema.get("type") == "string":
        base = strings(schema)
    elif schema.get("type") == "boolean":
        base = st.booleans()
    elif schema.get("type") == "array":
        items = from_schema(schema["items"], depth + 1)
        fewest, cap = schema.get("minItems", 0), schema.get("maxItems")
        most = fewest + 4 if cap is None else min(cap, fewest + 4)
        unique = _unique_key if schema.get("uniqueItems") else None
        base = st.lists(items, min_size=fewest, max_size=most, unique_by=unique)
    elif schema.get("type") == "object" or "properties" in schema:
        base = objects(schema, depth)
    else:
        raise NotImplementedError(f"no strategy for schema {schema!r}: extend from_schema()")
    return st.none() | base if schema.get("nullable") else base


def strings(schema: Mapping[str, Any]) -> st.SearchStrategy[str]:
    """Strings within the length limits (UTF-16 code units with `x-length-unit: utf-16`) that match
    the pattern, if any."""
    fewest, most = schema.get("minLength", 0), schema.get("maxLength")
    length = utf16_length if schema.get("x-length-unit") == "utf-16" else len
    if "pattern" in schema:
        drawn = st.from_regex(schema["pattern"])  # (a search, as JSON Schema's pattern is)
    else:
        drawn = st.text(min_size=fewest, max_size=min(most if most is not None else 40, 40))
    return drawn.filter(lambda text: fewest <= length(text) and (most is None or length(text) <= most))


def objects(schema: Mapping[str, Any], depth: int = 0) -> st.SearchStrategy[dict[str, Any]]:
    properties: dict[str, Any] = schema.get("properties", {})
    required = set(schema.get("required", []))
    named = st.fixed_dictionaries(
        {name: from_schema(sub, depth + 1) for name, sub in properties.items() if name in required},
        optional={
            name: from_schema(sub, depth + 1)
            for name, sub in properties.items()
            if name not in required and depth < NESTING
        },
    )
    more = schema.get("additionalProperties", True)
    if more is False:
        return named
    extra_names = st.text(min_size=1, max_size=8).filter(lambda name: name not in properties)
    extra = st.dictionaries(
        extra_names, ANY_JSON if more is True else from_schema(more, depth + 1), max_size=2
    )
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


STRATEGY_CONTROLS: list[dict[str, Any]] = [
    {
        "type": "array",
        "uniqueItems": True,
        "minItems": 2,
        "items": {"type": "string", "enum": ["A", "B", "C"]},
    },
    {"type": "array", "uniqueItems": True, "items": {"type": "integer", "minimum": 0, "maximum": 3}},
    {"type": "string", "pattern": "^[A-Z]{2}-[0-9]{1,3}$"},
    {"type": "string", "pattern": "[0-9]", "minLength": 2, "maxLength": 5},
    {"type": "string", "format": "date-time"},
    {"type": "string", "format": "date", "nullable": True},
    {"type": "integer", "format": "int32", "minimum": 0, "exclusiveMinimum": True},
    {
        "type": "object",
        "additionalProperties": False,
        "required": ["a"],
        "properties": {"a": {"type": "boolean"}},
    },
]
"""Literal schemas with each keyword the strategies honour (what a schema of the published API
uses), checked by an independent validator below."""


@pytest.mark.parametrize("schema", STRATEGY_CONTROLS, ids=lambda schema: json.dumps(schema)[:60])
def test_the_strategies_draw_only_what_the_schema_allows(schema: dict[str, Any]) -> None:
    """Every value drawn for a schema is valid for it (openapi-schema-validator, with formats)."""
    validator = OAS30Validator(schema, format_checker=OAS30Validator.FORMAT_CHECKER)

    @PROFILE
    @given(value=from_schema(schema))
    def check(value: Any) -> None:
        assert list(validator.iter_errors(value)) == []

    check()


def test_a_keyword_the_strategies_do_not_honour_is_named() -> None:
    cases: list[tuple[dict[str, Any], str]] = [
        ({"type": "string", "multipleOf": 2}, "multipleOf"),
        ({"type": "string", "format": "uuid"}, "uuid"),
    ]
    for schema, named in cases:
        with pytest.raises(NotImplementedError, match=named):
            from_schema(schema)


# --- requests -----------------------------------------------------------------------------------


@cache
def case_strategy(operation_id: str) -> st.SearchStrategy[Any]:
    """schemathesis: spec-valid path parameters, query and body for the operation."""
    schema = schemathesis.openapi.from_path(str(SPEC_PATH))
    operation = OPERATIONS[operation_id]
    return schema[operation.path][operation.method.upper()].as_strategy()


def ok_handler(operation: Operation, seen: list[httpx.Request]) -> Callable[[httpx.Request], httpx.Response]:
    example = operation.example_answer(operation.success_status)

    def handle(request: httpx.Request) -> httpx.Response:
        request.read()
        seen.append(request)
        return httpx.Response(operation.success_status, json=example)

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
    assert request.url.params == httpx.QueryParams(case.query or {})
    assert request.headers["Api-Key"] == FAKE_KEY
    return wire


def utf16_too_long(schema: Mapping[str, Any], value: Any) -> bool:
    """Whether a string somewhere in `value` is longer than its `x-length-unit: utf-16` maxLength
    allows: JSON Schema (and so schemathesis) counts code points, the spec counts UTF-16 units."""
    schema = flatten(schema)
    if isinstance(value, str):
        most = schema.get("maxLength")
        return schema.get("x-length-unit") == "utf-16" and most is not None and utf16_length(value) > most
    if isinstance(value, dict):
        properties = schema.get("properties", {})
        return any(utf16_too_long(properties[key], item) for key, item in value.items() if key in properties)
    if isinstance(value, list):
        return any(utf16_too_long(schema.get("items", {}), item) for item in value)
    return False


def argument(schema: Mapping[str, Any], value: Any) -> Any:
    """A parameter value as schemathesis serialized it, back as the argument the client takes: an
    `explode: false` list arrives as one comma-joined string."""
    schema = flatten(schema)
    if schema.get("type") != "array" or not isinstance(value, str):
        return value
    kind = flatten(schema.get("items", {})).get("type")
    converters: dict[str, Callable[[str], Any]] = {
        "integer": int,
        "number": float,
        "boolean": lambda text: text == "true",
    }
    convert = converters.get(str(kind), str)
    return [convert(item) for item in str(value).split(",")] if value else []


def sent_empty(definition: Mapping[str, Any], value: Any) -> bool:
    """Whether a query value would go on the wire empty (`name=`): OpenAPI allows that only with
    `allowEmptyValue: true`, and the client refuses it otherwise (schemathesis honours only an
    explicit `allowEmptyValue: false`)."""
    if definition.get("in") != "query" or definition.get("allowEmptyValue"):
        return False
    if isinstance(value, list):
        return "" in value or (not value and definition.get("explode", True) is False)
    return bool(value == "")


FILE_NAMES = st.text(alphabet=string.ascii_letters + string.digits + "._- абвгд", min_size=1, max_size=30)


@each_operation
def test_the_request_carries_what_it_is_given(operation_id: str) -> None:
    """For any spec-valid input, the request conforms to the spec and carries the input
    unchanged, sync and async; a deprecated argument warns, and only a deprecated one."""
    operation = OPERATIONS[operation_id]
    params = {p["name"]: p["python"] for p in operation.params}
    schemas = {p["name"]: p["schema"] for p in operation.params}
    body_facts = operation.body or {"kind": None, "fields": [], "one_of": []}
    wire_names = {f["python"]: f["name"] for f in body_facts["fields"]}
    deprecated = set(operation.deprecated_names)

    @PROFILE
    @given(case=case_strategy(operation_id), file_name=FILE_NAMES)
    def check(case: Any, file_name: str) -> None:
        given_args = {
            params[name]: argument(schemas[name], value)
            for name, value in {**case.path_parameters, **(case.query or {})}.items()
        }
        assume(
            not any(
                sent_empty(param_definition(operation, name), given_args[params[name]])
                for name in case.query or {}
            )
        )
        # (schemathesis leaves an optional body out as NOT_SET: the call then sends none)
        body: Any = case.body if operation.body is not None and case.body is not NOT_SET else None
        if body_facts["kind"] == "json":
            # The client needs one of x-require-one-of's fields, and counts x-length-unit: utf-16
            # lengths in UTF-16 units; JSON Schema can say neither.
            alternatives = [wire_names[name] for name in body_facts["one_of"]]
            assume(
                body is None or not alternatives or any(body.get(name) is not None for name in alternatives)
            )
            assume(operation.body_schema is None or not utf16_too_long(operation.body_schema, body))
        sent_parts: list[tuple[str | None, str | None, bytes]] = []
        if body_facts["kind"] == "multipart":
            fields = {}
            for item in body_facts["fields"]:
                if item["name"] not in body:
                    continue
                value = body[item["name"]]
                if item["file"]:
                    content: bytes = value.data
                    # The client refuses a file outside its size limits before sending it.
                    low, high = item["file"]["min"], item["file"]["max"]
                    assume(low <= len(content) and (high is None or len(content) <= high))
                    fields[item["python"]] = File.from_source(content, file_name=file_name)
                    sent_parts.append((item["name"], file_name, content))
                else:
                    fields[item["python"]] = value
                    sent_parts.append((item["name"], None, str(value).encode()))

            def kwargs() -> dict[str, Any]:
                return {**given_args, "body": model_class(body_facts["schema"])(**fields)}
        else:

            def kwargs() -> dict[str, Any]:
                return {**given_args, **({"body": copy.deepcopy(body)} if body is not None else {})}

        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            seen = send_both_ways(operation, kwargs)
        warned = {
            str(w.message).split(" is deprecated", 1)[0]
            for w in caught
            if issubclass(w.category, DeprecationWarning) and " is deprecated" in str(w.message)
        }
        given_names = set(given_args) | {
            python
            for python, wire in wire_names.items()
            if isinstance(body, dict) and body.get(wire) is not None
        }
        assert warned == deprecated & given_names, "a deprecated argument warns, and only a deprecated one"
        for request in seen:
            wire = check_emitted(operation, request, case)
            if body is None:
                assert wire.body == b""
            elif body_facts["kind"] == "json":
                assert json.loads(wire.body) == body
            elif body_facts["kind"] == "multipart":
                parts = form_parts(wire.content_type, wire.body)
                assert [part.sent for part in parts] == sent_parts
                assert all(part.content_type for part in parts if part.filename)
            else:
                assert wire.body == b""

    check()


# --- responses ----------------------------------------------------------------------------------


def answering(status: int, body: Any, headers: Mapping[str, str]) -> AuthenticatedClient:
    """A fresh client (fresh client-side limits) whose every request gets this one answer."""

    def answer(_: httpx.Request) -> httpx.Response:
        if body is None:  # (an answer without a body, such as a 204)
            return httpx.Response(status, headers=headers)
        return httpx.Response(status, json=body, headers=headers)

    transport = httpx.MockTransport(answer)
    client = AuthenticatedClient(token=FAKE_KEY, max_retries=0)
    client.set_httpx_client(httpx.Client(transport=transport))
    client.set_async_httpx_client(httpx.AsyncClient(transport=transport))
    return client


@each_pair
def test_any_documented_response_gives_the_documented_outcome(operation_id: str, status: int) -> None:
    """Each call gets its own client: what one answer's rate-limit headers do to the *next*
    request (the client-side limits) is not this property."""
    operation = OPERATIONS[operation_id]
    schema = operation.media(status)["schema"]
    bodies = st.none() if schema is None else from_schema(schema)  # (None: an answer without a body)

    @PROFILE
    @given(body=bodies, headers=response_headers(operation, status))
    def check(body: Any, headers: dict[str, str]) -> None:
        # The drawn answer is itself spec-valid (a check of the strategies above).
        sent = example_call(operation).wire()
        target = httpx.Request(sent.method, sent.url)
        answer = httpx.Response(status, headers=headers, **({} if body is None else {"json": body}))
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


@attrs.define
class Message:
    """A model of the shapes the read operations answer with (dates, open enums, nullable)."""

    sent_at: datetime
    day: date | Unset
    status: ApiResponseStatusType
    note: None | str | Unset


@attrs.define
class History:
    messages: list[Message]


def test_type_check_handles_dates_open_enums_lists_of_models_and_nullable() -> None:
    """Control for type_problems() on what the read operations will answer with."""
    good = Message(datetime(2025, 7, 10, tzinfo=UTC), date(2025, 7, 10), ApiResponseStatusType("NEW"), None)
    assert str(good.status) == "NEW", "an unknown enum value is kept as a pseudo-member"
    assert type_problems(History([good]), History, "History") == []
    stale = Message("2025-07-10T00:00:00Z", datetime(2025, 7, 10), "OK", 5)  # type: ignore[arg-type]
    assert type_problems(History([stale]), History, "History") == [
        "History.messages[0].sent_at: '2025-07-10T00:00:00Z' is a str, not datetime",
        "History.messages[0].day: datetime.datetime(2025, 7, 10, 0, 0) is a datetime, not a date",
        "History.messages[0].status: 'OK' is a str, not ApiResponseStatusType",
        "History.messages[0].note: 5 is not None | str | yandex_market_chat.types.Unset",
    ]
    assert type_problems(History([{"sentAt": "x"}]), History, "History") != []  # type: ignore[list-item]


def test_body_comparison_reads_date_times_as_instants() -> None:
    """Control for check_model(): a date-time that comes back `+00:00` for `Z` (or in another
    offset) is the same instant; another instant, or other text, is a difference."""
    schema = {"type": "object", "properties": {"at": {"type": "string", "format": "date-time"}}}
    same = [({"at": "2025-07-10T00:42:42+00:00"}, {"at": "2025-07-10T00:42:42Z"})]
    same.append(({"at": "2025-07-10T03:42:42+03:00"}, {"at": "2025-07-10T00:42:42Z"}))
    for got, want in same:
        assert json_differences(schema, got, want, "x") == []
    assert json_differences(schema, {"at": "2025-07-10T00:42:43Z"}, {"at": "2025-07-10T00:42:42Z"}, "x")
    assert json_differences({"type": "string"}, "2025-07-10T00:42:42+00:00", "2025-07-10T00:42:42Z", "x")
    assert json_differences({}, {"n": True}, {"n": 1}, "x")


def test_body_comparison_reads_an_optional_null_as_absent() -> None:
    """Control for check_model(): an answer model reads an optional nullable member sent as `null`
    as None and writes it back left out, which is no difference; a `null` where the schema does not
    allow it, or a required member left out, still is."""
    schema = {
        "type": "object",
        "required": ["kept"],
        "properties": {
            "files": {"type": "array", "nullable": True, "items": {"type": "string"}},
            "text": {"type": "string"},
            "kept": {"type": "array", "nullable": True, "items": {"type": "string"}},
        },
    }
    assert json_differences(schema, {"kept": None}, {"kept": None, "files": None}, "x") == []
    assert json_differences(schema, {"kept": None}, {"kept": None, "text": None}, "x")
    assert json_differences(schema, {}, {"kept": None}, "x")


def test_a_format_no_validator_knows_is_an_annotation() -> None:
    """The published API's `format: date-dd-MM-yyyy-HH-mm-ss` is checked by no validator (nor by the
    client): values are drawn by type, not refused as a keyword the strategies do not honour."""

    @given(from_schema({"type": "string", "format": "date-dd-MM-yyyy-HH-mm-ss", "maxLength": 5}))
    def check(value: Any) -> None:
        assert isinstance(value, str) and len(value) <= 5

    check()
