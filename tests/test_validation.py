"""Bad input gets a typed error naming the argument and the limit, before any network I/O.

The generic tests enumerate every limit of every operation in the spec (tests/spec_support.py
`bounds`: minimum/maximum, the range an int32/int64 format implies, minLength/maxLength,
minItems/maxItems, enum): a value just outside is refused with InvalidRequestError naming the
Python argument and nothing is sent; the value at the limit is sent. The tests after them are
about behaviour of particular kinds of fields (UTF-16 lengths, files, deprecated arguments,
`x-require-one-of`), each enumerated over the fields of that kind.
"""

from __future__ import annotations

import asyncio
import io
import os
import warnings
from pathlib import Path
from typing import Any

import generate
import httpx
import pytest
from codegen.validators import compile_validators
from conftest import FAKE_KEY, call, mock_client
from spec_support import (
    OPERATIONS,
    Bound,
    Call,
    bounds,
    check_request,
    each_operation,
    example_call,
    fresh_spec,
    operations_where,
    smallest,
)
from yandex_market_chat import AsyncYandexMarketChat, File, InvalidRequestError, YandexMarketChat, _request
from yandex_market_chat import types as types_module

BOUNDS = [bound for op in OPERATIONS.values() for bound in bounds(op)]
"""Every limit of every operation's parameters and body fields."""

SURFACES = ["module", "client-object"]


class NoNetwork:
    """A handler that counts the requests reaching it (none may, for an invalid call) and answers
    with the operation's example answer."""

    def __init__(self, answer: Any = None) -> None:
        self.requests: list[httpx.Request] = []
        self.answer = answer

    def __call__(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        return httpx.Response(200, json=self.answer)

    @property
    def calls(self) -> int:
        return len(self.requests)


def send(mode: str, surface: str, the_call: Call, handler: NoNetwork) -> Any:
    """Make the call through the module functions or the client objects."""
    operation = the_call.operation
    handler.answer = operation.example_answer(operation.success_status)
    if surface == "module":
        return call(mode, operation.module, client=mock_client(handler), **the_call.module_kwargs())
    transport = httpx.MockTransport(handler)
    kwargs = the_call.client_kwargs()
    if mode == "sync":
        chat = YandexMarketChat(FAKE_KEY, http_client=httpx.Client(transport=transport))
        return getattr(chat, operation.name)(**kwargs)

    async def main() -> Any:
        chat = AsyncYandexMarketChat(FAKE_KEY, http_client=httpx.AsyncClient(transport=transport))
        return await getattr(chat, operation.name)(**kwargs)

    return asyncio.run(main())


def expect_invalid(mode: str, surface: str, the_call: Call, field: str) -> InvalidRequestError:
    handler = NoNetwork()
    with pytest.raises(InvalidRequestError) as caught:
        send(mode, surface, the_call, handler)
    assert handler.calls == 0, "an invalid request reached the network"
    assert caught.value.field == field
    assert isinstance(caught.value, ValueError)
    return caught.value


def expect_sent(mode: str, surface: str, the_call: Call) -> None:
    handler = NoNetwork()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # (deprecated arguments: tested below)
        send(mode, surface, the_call, handler)
    assert handler.calls == 1
    check_request(handler.requests[0], the_call.wire(), FAKE_KEY)


def limit_in_words(bound: Bound) -> list[str]:
    """What the error message must name, one of: the limit (or the allowed values)."""
    if bound.keyword == "enum":
        return [", ".join(str(value) for value in bound.inside)]
    if bound.keyword == "type":
        return ["integer"]
    limit = bound.inside[0]
    words = [str(len(limit) if isinstance(limit, str | bytes | list) else limit)]
    if bound.keyword in ("minLength", "minItems") and bound.schema[bound.keyword] == 1:
        words.append("empty")  # (the runtime may say "must not be empty" for a minimum of one)
    return words


@pytest.mark.parametrize("surface", SURFACES)
@pytest.mark.parametrize("bound", BOUNDS, ids=[bound.id for bound in BOUNDS])
def test_a_value_just_outside_a_limit_is_refused_before_any_request(
    bound: Bound, surface: str, mode: str, env: pytest.MonkeyPatch
) -> None:
    for value in bound.outside:
        error = expect_invalid(mode, surface, bound.call_with(value), bound.where)
        assert any(words in str(error) for words in limit_in_words(bound)), str(error)


INSIDE = [bound for bound in BOUNDS if bound.inside]


@pytest.mark.parametrize("surface", SURFACES)
@pytest.mark.parametrize("bound", INSIDE, ids=[bound.id for bound in INSIDE])
def test_a_value_at_a_limit_is_sent(bound: Bound, surface: str, mode: str, env: pytest.MonkeyPatch) -> None:
    for value in bound.inside:
        expect_sent(mode, surface, bound.call_with(value))


@each_operation
def test_the_examples_are_valid_and_use_nothing_deprecated(
    operation_id: str, env: pytest.MonkeyPatch
) -> None:
    handler = NoNetwork()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        send("sync", "module", example_call(OPERATIONS[operation_id]), handler)
    assert handler.calls == 1


# --- lengths in UTF-16 code units (`x-length-unit: utf-16`) ---------------------------------------

UTF16 = [b for b in BOUNDS if b.keyword == "maxLength" and b.schema.get("x-length-unit") == "utf-16"]


@pytest.mark.parametrize("bound", UTF16, ids=[bound.id for bound in UTF16])
def test_lengths_count_utf16_code_units(bound: Bound, mode: str) -> None:
    """The service counts as Java does: a letter of the BMP is one unit, an emoji two."""
    most = bound.schema["maxLength"]
    for text, ok in [
        ("я" * most, True),
        ("я" * (most + 1), False),
        ("😀" * (most // 2), True),
        ("😀" * (most // 2 + 1), False),
    ]:
        if ok:
            expect_sent(mode, "module", bound.call_with(text))
        else:
            error = expect_invalid(mode, "module", bound.call_with(text), bound.where)
            assert str(most) in str(error) and "UTF-16" in str(error)


# --- `x-require-one-of` ------------------------------------------------------------------------


@operations_where(lambda op: bool(op.body and op.body["one_of"]))
def test_a_body_needs_one_of_its_alternatives(operation_id: str, mode: str) -> None:
    operation = OPERATIONS[operation_id]
    assert operation.body is not None
    example = example_call(operation)
    wire_names = {f["python"]: f["name"] for f in operation.body["fields"]}
    bare = {
        k: v for k, v in example.body.items() if k not in {wire_names[n] for n in operation.body["one_of"]}
    }
    error = expect_invalid(mode, "module", example.with_body(bare), "body")
    assert all(name in str(error) for name in operation.body["one_of"]), str(error)


# --- deprecated arguments ---------------------------------------------------------------------------


DEPRECATED = [(op.operation_id, name) for op in OPERATIONS.values() for name in op.facts["deprecated_names"]]


@pytest.mark.parametrize(("operation_id", "name"), DEPRECATED)
def test_a_deprecated_argument_works_with_a_warning_at_the_caller(
    operation_id: str, name: str, mode: str
) -> None:
    operation = OPERATIONS[operation_id]
    example = example_call(operation)
    params = {p["python"]: p for p in operation.params}
    if name in params:
        the_call = example.with_params(**{name: smallest(params[name]["schema"])})
    else:
        assert operation.body_schema is not None
        wire = next(f["name"] for f in operation.facts["body"]["fields"] if f["python"] == name)
        value = smallest(operation.body_schema["properties"][wire])
        the_call = example.with_body({**example.body, wire: value})
    handler = NoNetwork(operation.example_answer(operation.success_status))
    client, kwargs = mock_client(handler), the_call.module_kwargs()
    with pytest.warns(DeprecationWarning, match=f"{name} is deprecated") as record:
        if mode == "sync":  # called from here, so that the warning can be seen to point here
            operation.module.sync(client=client, **kwargs)
        else:
            asyncio.run(operation.module.asyncio(client=client, **kwargs))
    assert handler.calls == 1
    if mode == "sync":
        assert record[0].filename == __file__, "the warning should point at the caller"


# --- files: sized before they are read --------------------------------------------------------------

FILE_FIELDS = [(op.operation_id, field) for op in OPERATIONS.values() for field in op.facts["files"]]
each_file_field = pytest.mark.parametrize(("operation_id", "field"), FILE_FIELDS)


def with_file(operation_id: str, field: str, payload: Any) -> Call:
    """The example call of the operation with `payload` (a File's payload) in `field`."""
    example = example_call(OPERATIONS[operation_id])
    return example.with_body({**example.body, field: payload})


def file_call_kwargs(the_call: Call, field: str, payload: Any) -> dict[str, Any]:
    """Module-function kwargs whose file field is a File over `payload` as it is (not copied)."""
    kwargs = the_call.module_kwargs()
    python = next(f["python"] for f in the_call.operation.facts["body"]["fields"] if f["name"] == field)
    setattr(
        kwargs["body"], python, File(payload=payload, file_name="a.bin", mime_type="application/octet-stream")
    )
    return kwargs


def expect_file_refused(mode: str, operation_id: str, field: str, payload: Any) -> InvalidRequestError:
    operation = OPERATIONS[operation_id]
    handler = NoNetwork()
    kwargs = file_call_kwargs(with_file(operation_id, field, b"x"), field, payload)
    with pytest.raises(InvalidRequestError) as caught:
        call(mode, operation.module, client=mock_client(handler), **kwargs)
    assert handler.calls == 0, "an invalid request reached the network"
    python = next(f["python"] for f in operation.facts["body"]["fields"] if f["name"] == field)
    assert caught.value.field == python
    return caught.value


class CountingStream(io.BytesIO):
    reads = 0

    def read(self, size: int | None = -1) -> bytes:
        self.reads += 1
        return super().read(size)


@each_file_field
def test_seekable_stream_over_limit_is_not_read(operation_id: str, field: str, mode: str) -> None:
    _, most = OPERATIONS[operation_id].facts["files"][field]
    stream = CountingStream(b"\0" * (most + 1))
    expect_file_refused(mode, operation_id, field, stream)
    assert stream.reads == 0
    assert stream.tell() == 0


@each_file_field
def test_stream_is_sized_from_its_start_as_httpx_sends_it(operation_id: str, field: str, mode: str) -> None:
    """httpx rewinds a file to 0 before sending it, so the whole file counts, not what is left."""
    _, most = OPERATIONS[operation_id].facts["files"][field]
    stream = io.BytesIO(b"\0" * (most + 1))
    stream.seek(most)
    expect_file_refused(mode, operation_id, field, stream)


@each_file_field
def test_non_seekable_stream_is_rejected_clearly(operation_id: str, field: str, mode: str) -> None:
    read_end, write_end = os.pipe()
    os.write(write_end, b"data")
    os.close(write_end)
    with open(read_end, "rb") as pipe:
        error = expect_file_refused(mode, operation_id, field, pipe)
    assert "seekable" in str(error)


@each_file_field
def test_path_over_limit_is_not_opened(
    operation_id: str, field: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, env: pytest.MonkeyPatch
) -> None:
    """Through File.from_source and through the client objects, which take a path."""
    _, most = OPERATIONS[operation_id].facts["files"][field]
    path = tmp_path / "big.bin"
    with open(path, "wb") as handle:
        handle.truncate(most + 1)

    def no_open(*args: object, **kwargs: object) -> None:
        raise AssertionError("the file was opened")

    monkeypatch.setattr(types_module, "open", no_open, raising=False)
    with pytest.raises(InvalidRequestError) as caught:
        File.from_source(path, max_bytes=most)
    assert caught.value.field == "file"
    python = next(f["python"] for f in OPERATIONS[operation_id].facts["body"]["fields"] if f["name"] == field)
    the_call = with_file(operation_id, field, b"x")
    kwargs = {**the_call.client_kwargs(), python: path}
    handler = NoNetwork()
    chat = YandexMarketChat(FAKE_KEY, http_client=httpx.Client(transport=httpx.MockTransport(handler)))
    with pytest.raises(InvalidRequestError):
        getattr(chat, OPERATIONS[operation_id].name)(**kwargs)
    assert handler.calls == 0


def test_file_from_source_kinds(tmp_path: Path) -> None:
    path = tmp_path / "photo.png"
    path.write_bytes(b"\x89PNG data")
    from_path = File.from_source(path)
    assert (from_path.payload, from_path.file_name, from_path.mime_type) == (
        b"\x89PNG data",
        "photo.png",
        "image/png",
    )
    from_str = File.from_source(str(path), file_name="renamed.jpg")
    assert (from_str.file_name, from_str.mime_type) == ("renamed.jpg", "image/jpeg")
    with open(path, "rb") as handle:
        from_handle = File.from_source(handle)
        assert (from_handle.payload, from_handle.file_name) == (handle, "photo.png")
    from_bytes = File.from_source(b"abc")
    assert (from_bytes.file_name, from_bytes.mime_type) == ("file", "application/octet-stream")
    assert File.from_source(b"abc", mime_type="text/csv").mime_type == "text/csv"
    with pytest.raises(TypeError):
        File.from_source(123)  # type: ignore[arg-type]


# --- the checks follow the spec they were generated from -------------------------------------------

WRITTEN = [
    b for b in BOUNDS if b.written and not b.binary and b.keyword in ("minimum", "maximum", "maxLength")
]


def test_validators_track_a_changed_spec() -> None:
    """Every limit written in the spec, moved in a copy of it, moves the compiled checks: nothing
    is copied by hand. (File sizes are the runtime's, from the facts: not compiled.)"""
    assert WRITTEN, "the spec has no limit to move"
    changed = fresh_spec()
    moved: dict[tuple[str | int, ...], int] = {}
    for bound in WRITTEN:
        node: Any = changed
        for step in bound.pointer[:-1]:
            node = node[step]
        old = node[bound.keyword]
        # Widened, not narrowed: every example stays valid under the moved limits, so the argument
        # a check sets is the only one that can be refused (narrowed, an example at its own limit,
        # such as `page: 1` under `minimum: 1`, would be refused first).
        new = {"minimum": old - 9, "maximum": old + 9, "maxLength": old * 2}[bound.keyword]
        node[bound.keyword] = moved[bound.pointer] = new
    code = compile_validators(changed, generate.read_facts(changed)["operations"])
    compiled: dict[str, Any] = {}
    exec(code.replace("from ._request import", "from yandex_market_chat._request import"), compiled)

    def problem(the_call: Call) -> str | None:
        operation = the_call.operation
        checked = _request.Operation(
            operation.operation_id,
            operation.name,
            idempotent=operation.idempotent,
            validate=compiled[operation.name],
            param_names=operation.facts["param_names"],
            body_names=operation.facts["body_names"],
        )
        arguments = {**the_call.params}
        if the_call.body is not None:
            arguments["body"] = the_call.body
        try:
            _request.check(checked, arguments)
        except InvalidRequestError as error:
            return error.field
        return None

    for bound in WRITTEN:
        new = moved[bound.pointer]
        at, beyond = {
            "minimum": (new, new - 1),
            "maximum": (new, new + 1),
            "maxLength": ("x" * new, "x" * (new + 1)),
        }[bound.keyword]
        assert problem(bound.call_with(at)) is None, bound.id
        assert problem(bound.call_with(beyond)) == bound.where, bound.id
