"""Bad input gets a typed error naming the argument and the limit, before any network I/O.

The generic tests enumerate every limit of every operation in the spec (tests/spec_support.py
`bounds`: minimum/maximum, the range an int32/int64 format implies, minLength/maxLength,
minItems/maxItems, enum), one test per distinct limit on every operation that holds it: a value
just outside is refused with InvalidRequestError naming the Python argument and nothing is sent;
the value at the limit is sent. A small matrix shows that every surface (module functions, client
objects, command line) and mode (sync, async) reaches that same check. The tests after them are
about behaviour of particular kinds of fields (UTF-16 lengths, files, deprecated arguments,
`x-require-one-of`), each enumerated over the fields of that kind.
"""

from __future__ import annotations

import asyncio
import copy
import datetime as dt
import io
import os
import sys
import tracemalloc
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import generate
import httpx
import pytest
from codegen import contract
from codegen.validators import compile_validators
from conftest import FAKE_KEY, call, mock_client, run
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
    param_example,
    smallest,
)
from test_cli import PROMISED_EXIT_CODES, cli, command_line
from yandex_market_chat import (
    AsyncYandexMarketChat,
    File,
    InvalidRequestError,
    YandexMarketChat,
    _arguments,
    _request,
)
from yandex_market_chat.types import UNSET

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
    if bound.keyword in ("minimum", "maximum") and bound.keyword in bound.schema:
        words.append(str(bound.schema[bound.keyword]))  # (an exclusive bound names the one written)
    if bound.keyword in ("minLength", "minItems") and bound.schema[bound.keyword] == 1:
        words.append("empty")  # (the runtime may say "must not be empty" for a minimum of one)
    return words


LIMITS: dict[tuple[str | int, ...], list[Bound]] = {}
"""Every distinct limit of the spec (where its keyword is written, or the int32/int64 format that
implies it) -> its bounds, one per operation whose arguments hold it (a shared parameter such as
businessId holds the same limit in every operation)."""
for _bound in BOUNDS:
    LIMITS.setdefault(_bound.pointer, []).append(_bound)


def limit_id(pointer: tuple[str | int, ...]) -> str:
    """`businessId.minimum`, `ChatContextDTO.id.maximum`: the limit's place in the spec."""
    skip = {"components", "parameters", "schemas", "schema", "properties"}
    return ".".join(str(step) for step in pointer if step not in skip)


@pytest.mark.parametrize("limit", LIMITS.values(), ids=[limit_id(pointer) for pointer in LIMITS])
def test_a_value_just_outside_a_limit_is_refused_before_any_request_and_the_limit_is_sent(
    limit: list[Bound], env: pytest.MonkeyPatch
) -> None:
    """One test per limit, on every operation that holds it, through the module functions (that
    every surface and mode reaches the same check: test_every_surface_and_mode_reaches_the_check)."""
    for bound in limit:
        for value in bound.outside:
            error = expect_invalid("sync", "module", bound.call_with(value), bound.where)
            assert any(words in str(error) for words in limit_in_words(bound)), (bound.id, str(error))
        for value in bound.inside:
            expect_sent("sync", "module", bound.call_with(value))


def cli_send(the_call: Call, folder: Path) -> tuple[int, str, list[httpx.Request]]:
    """`the_call` typed on the command line (its exit status, stderr, the requests sent)."""
    operation = the_call.operation
    code, _, err, seen = cli(
        lambda request: httpx.Response(
            operation.success_status, json=operation.example_answer(operation.success_status)
        ),
        *command_line(the_call, folder),
    )
    return code, err, seen


MATRIX = [
    next(b for b in BOUNDS if b.inside and b.param is not None and not b.steps),
    next(
        b
        for b in BOUNDS
        if b.inside
        and b.param is None
        and len(b.steps) == 1
        and not b.binary
        and not b.schema.get("deprecated")
        and not isinstance(b.outside[0], list)  # (no words after an option is argparse's own usage error)
    ),
]
"""A parameter's limit and a body field's (not deprecated), the first of each in the spec."""


@pytest.mark.parametrize("bound", MATRIX, ids=["parameter", "body-field"])
@pytest.mark.parametrize(
    ("surface", "mode"),
    [*((surface, mode) for surface in SURFACES for mode in ("sync", "async")), ("command-line", "sync")],
)
def test_every_surface_and_mode_reaches_the_check(
    bound: Bound, surface: str, mode: str, env: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The module functions and the client objects, sync and async, and the command line refuse
    a value just outside a limit naming what the user typed, with nothing sent; the limit is sent."""
    outside, inside = bound.call_with(bound.outside[0]), bound.call_with(bound.inside[0])
    if surface != "command-line":
        expect_invalid(mode, surface, outside, bound.where)
        expect_sent(mode, surface, inside)
        return
    env.setenv("YANDEX_MARKET_API_KEY", FAKE_KEY)
    code, err, seen = cli_send(outside, tmp_path)
    option = "--" + bound.where.replace("_", "-")
    assert (code, seen) == (PROMISED_EXIT_CODES["invalid input"], []), err
    assert err.startswith(f"error: InvalidRequestError: {option} "), err
    code, err, seen = cli_send(inside, tmp_path)
    assert (code, err, len(seen)) == (0, "", 1)
    check_request(seen[0], inside.wire(), FAKE_KEY)


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
    wire_names = {f["python"]: f["name"] for f in operation.body_fields}
    bare = {
        k: v for k, v in example.body.items() if k not in {wire_names[n] for n in operation.body["one_of"]}
    }
    error = expect_invalid(mode, "module", example.with_body(bare), "body")
    assert all(name in str(error) for name in operation.body["one_of"]), str(error)


# --- deprecated arguments ---------------------------------------------------------------------------


DEPRECATED = [(op.operation_id, name) for op in OPERATIONS.values() for name in op.deprecated_names]


@pytest.mark.parametrize(("operation_id", "name"), DEPRECATED)
def test_a_deprecated_argument_works_with_a_warning_at_the_caller(
    operation_id: str, name: str, mode: str
) -> None:
    operation = OPERATIONS[operation_id]
    example = example_call(operation)
    params = {p["python"]: p for p in operation.params}
    if name in params:
        the_call = example.with_params(**{name: param_example(operation, params[name])})
    else:
        assert operation.body_schema is not None
        wire = next(f["name"] for f in operation.body_fields if f["python"] == name)
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

FILE_FIELDS = [(op.operation_id, field) for op in OPERATIONS.values() for field in op.files]
each_file_field = pytest.mark.parametrize(("operation_id", "field"), FILE_FIELDS)


def with_file(operation_id: str, field: str, payload: Any) -> Call:
    """The example call of the operation with `payload` (a File's payload) in `field`."""
    example = example_call(OPERATIONS[operation_id])
    return example.with_body({**example.body, field: payload})


def file_call_kwargs(the_call: Call, field: str, payload: Any) -> dict[str, Any]:
    """Module-function kwargs whose file field is a File over `payload` as it is (not copied)."""
    kwargs = the_call.module_kwargs()
    python = next(f["python"] for f in the_call.operation.body_fields if f["name"] == field)
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
    python = next(f["python"] for f in operation.body_fields if f["name"] == field)
    assert caught.value.field == python
    return caught.value


class CountingStream(io.BytesIO):
    reads = 0

    def read(self, size: int | None = -1) -> bytes:
        self.reads += 1
        return super().read(size)


@each_file_field
def test_seekable_stream_over_limit_is_not_read(operation_id: str, field: str, mode: str) -> None:
    _, most = OPERATIONS[operation_id].files[field]
    stream = CountingStream(b"\0" * (most + 1))
    expect_file_refused(mode, operation_id, field, stream)
    assert stream.reads == 0
    assert stream.tell() == 0


@each_file_field
def test_stream_is_sized_from_its_start_as_httpx_sends_it(operation_id: str, field: str, mode: str) -> None:
    """httpx rewinds a file to 0 before sending it, so the whole file counts, not what is left."""
    _, most = OPERATIONS[operation_id].files[field]
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


class OpenedPaths:
    """The files the interpreter opens while `watching()`, however they are opened: open(),
    io.open, os.open, pathlib and FileIO all raise the "open" audit event (PEP 578), whichever
    module calls them. (Patching one module's `open` sees only the opens made through that name.)
    The hook stays installed for the session (audit hooks cannot be removed) and only records
    while a test watches."""

    def __init__(self) -> None:
        self.paths: list[str] | None = None
        sys.addaudithook(self._hook)

    def _hook(self, event: str, args: tuple[Any, ...]) -> None:
        if event == "open" and self.paths is not None and isinstance(args[0], str | bytes | os.PathLike):
            self.paths.append(os.path.realpath(os.fsdecode(args[0])))

    @contextmanager
    def watching(self) -> Iterator[list[str]]:
        self.paths = []
        try:
            yield self.paths
        finally:
            self.paths = None


OPENED = OpenedPaths()


@each_file_field
def test_path_over_limit_is_not_opened(
    operation_id: str, field: str, tmp_path: Path, env: pytest.MonkeyPatch
) -> None:
    """Through File.from_source and through the client objects (sync and async), which take a
    path: the file is sized from its metadata and refused without being opened (not read whole,
    then sized)."""
    _, most = OPERATIONS[operation_id].files[field]
    path = tmp_path / "big.bin"
    with open(path, "wb") as handle:
        handle.truncate(most + 1)
    big = os.path.realpath(path)
    with OPENED.watching() as opened:
        open(path, "rb").close()  # (the watch sees an open of this path)
    assert opened == [big]
    python = next(f["python"] for f in OPERATIONS[operation_id].body_fields if f["name"] == field)
    the_call = with_file(operation_id, field, b"x")
    kwargs = {**the_call.client_kwargs(), python: path}
    handler = NoNetwork()
    chat = YandexMarketChat(FAKE_KEY, http_client=httpx.Client(transport=httpx.MockTransport(handler)))
    method = getattr(chat, OPERATIONS[operation_id].name)

    async def call_async() -> None:
        http = httpx.AsyncClient(transport=httpx.MockTransport(handler))
        async with AsyncYandexMarketChat(FAKE_KEY, http_client=http) as async_chat:
            await getattr(async_chat, OPERATIONS[operation_id].name)(**kwargs)

    with OPENED.watching() as opened:
        with pytest.raises(InvalidRequestError) as caught:
            File.from_source(path, max_bytes=most)
        assert caught.value.field == "file"
        assert f"at most {most} bytes" in str(caught.value)
        with pytest.raises(InvalidRequestError) as caught:
            method(**kwargs)
        assert caught.value.field == python
        assert f"at most {most} bytes" in str(caught.value)
        with pytest.raises(InvalidRequestError) as caught:
            asyncio.run(call_async())
        assert caught.value.field == python
    assert big not in opened, "a file over the limit was opened (it must be sized before it is read)"
    assert handler.calls == 0


class GrowOnOpen:
    """Makes a file grow to `size` bytes the moment it is opened (the "open" audit event comes just
    before the open): a file larger than its stat() said, as a log being written, procfs or FUSE
    give. (The hook stays installed for the session and acts only while a target is set.)"""

    def __init__(self) -> None:
        self.target: str | None = None
        self.size = 0
        sys.addaudithook(self._hook)

    def _hook(self, event: str, args: tuple[Any, ...]) -> None:
        path = args[0] if event == "open" and self.target is not None else None
        if isinstance(path, str | bytes | os.PathLike) and os.path.realpath(os.fsdecode(path)) == self.target:
            target, self.target = self.target, None
            os.truncate(target, self.size)


GROW = GrowOnOpen()


@each_file_field
def test_a_path_that_grows_after_it_is_sized_is_read_no_further_than_the_limit(
    operation_id: str, field: str, tmp_path: Path
) -> None:
    _, most = OPERATIONS[operation_id].files[field]
    path = tmp_path / "growing.log"
    path.write_bytes(b"x")  # 1 byte when sized; 64 MiB (sparse) once opened
    GROW.target, GROW.size = os.path.realpath(path), 64 * 2**20
    tracemalloc.start()
    try:
        with pytest.raises(InvalidRequestError) as caught:
            File.from_source(path, max_bytes=most)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
        GROW.target = None
    assert caught.value.field == "file" and f"at most {most} bytes" in str(caught.value)
    assert peak < 2 * most, f"{peak} bytes allocated to refuse a file over {most}: it was read whole"


class SaysItIsSmall(io.BytesIO):
    """A file whose end is reported at 1 byte, whatever it holds: what a FUSE file system or a file
    still being written can tell a reader that seeks to the end."""

    def seek(self, offset: int, whence: int = os.SEEK_SET) -> int:
        position = super().seek(offset, whence)
        return min(position, 1) if whence == os.SEEK_END else position


@each_file_field
def test_a_file_object_larger_than_it_says_is_refused_before_sending(
    operation_id: str, field: str, mode: str
) -> None:
    # The module functions send the File's file object: it is read before the request (at most one
    # byte past the limit), so the bytes sent are the bytes checked.
    _, most = OPERATIONS[operation_id].files[field]
    error = expect_file_refused(mode, operation_id, field, SaysItIsSmall(b"\0" * (most + 1)))
    assert f"at most {most} bytes" in str(error)


@each_file_field
def test_a_file_object_whose_end_cannot_be_found_is_read_within_the_limit_or_refused_by_name(
    operation_id: str, field: str, mode: str
) -> None:
    # A procfs file says it is seekable, but its end is wrong (0) or cannot be found (EINVAL). The client
    # objects read it (at most one byte past the limit) and send what they read; a File built by
    # hand for the module functions, which send the file object itself, is refused by name.
    operation = OPERATIONS[operation_id]
    with open("/proc/self/cmdline", "rb") as probe:
        expected = probe.read()
    python = next(f["python"] for f in operation.body_fields if f["name"] == field)
    handler = NoNetwork(operation.example_answer(operation.success_status))

    def sync() -> None:
        with open("/proc/self/cmdline", "rb") as procfs:
            chat = YandexMarketChat(
                FAKE_KEY, http_client=httpx.Client(transport=httpx.MockTransport(handler))
            )
            getattr(chat, operation.name)(
                **{**with_file(operation_id, field, b"x").client_kwargs(), python: procfs}
            )

    async def asynchronous() -> None:
        with open("/proc/self/cmdline", "rb") as procfs:
            http = httpx.AsyncClient(transport=httpx.MockTransport(handler))
            async with AsyncYandexMarketChat(FAKE_KEY, http_client=http) as chat:
                kwargs = {**with_file(operation_id, field, b"x").client_kwargs(), python: procfs}
                await getattr(chat, operation.name)(**kwargs)

    run(mode, sync, asynchronous)
    assert handler.calls == 1 and expected in handler.requests[0].content
    with open("/proc/self/status", "rb") as procfs:  # (seeking to its end fails; cmdline's says 0)
        error = expect_file_refused(mode, operation_id, field, procfs)
    assert "end can be found" in str(error)


@each_file_field
def test_a_memoryview_is_sized_in_bytes_before_it_is_copied(operation_id: str, field: str, mode: str) -> None:
    _, most = OPERATIONS[operation_id].files[field]
    view = memoryview(bytearray(most + 4 - most % 4)).cast("I")  # len() counts 4-byte items
    assert len(view) <= most < view.nbytes
    expect_file_refused(mode, operation_id, field, view)  # module functions: File(payload=view)
    tracemalloc.start()
    try:
        with pytest.raises(InvalidRequestError) as caught:
            File.from_source(view, max_bytes=most)  # what the client objects call
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert f"at most {most} bytes" in str(caught.value)
    assert peak < most // 2, f"{peak} bytes allocated to refuse it: it was copied first"


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
    from_bytes = File.from_source(b"abc", file_name="data.bin")
    assert (from_bytes.file_name, from_bytes.mime_type) == ("data.bin", "application/octet-stream")
    assert File.from_source(b"abc", file_name="data", mime_type="text/csv").mime_type == "text/csv"


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
    code = compile_validators(changed, generate.read_facts(changed).operations)
    compiled: dict[str, Any] = {}
    exec(code.replace("from ._request import", "from yandex_market_chat._request import"), compiled)

    def problem(the_call: Call) -> str | None:
        operation = the_call.operation
        checked = _request.Operation(
            operation.operation_id,
            operation.name,
            idempotent=operation.idempotent,
            validate=compiled[operation.name],
            param_names=operation.param_names,
            body_names=operation.body_names,
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
        unit = bound.inside[0][:1] if bound.keyword == "maxLength" else ""  # (one that fits a pattern)
        step_in = 1 if bound.schema.get(f"exclusive{bound.keyword.capitalize()}") is True else 0
        at, beyond = {
            "minimum": (new + step_in, new - 1 + step_in),
            "maximum": (new - step_in, new + 1 - step_in),
            "maxLength": (unit * new, unit * (new + 1)),
        }[bound.keyword]
        assert problem(bound.call_with(at)) is None, bound.id
        assert problem(bound.call_with(beyond)) == bound.where, bound.id


# --- every OpenAPI keyword the client checks, on an operation the package has never seen ----------

KEYWORD_OPERATION: dict[str, Any] = {
    "post": {
        "operationId": "probeEveryKeyword",
        "tags": ["probes"],
        "summary": "A made-up operation using every keyword the client checks.",
        "x-idempotent": True,
        "parameters": [
            {
                "name": "probeCode",
                "in": "query",
                "required": True,
                "schema": {"type": "string", "pattern": "^[A-Z]{3}$"},
            },
            {
                "name": "openRatio",
                "in": "query",
                "schema": {
                    "type": "number",
                    "format": "float",
                    "minimum": 0,
                    "maximum": 1,
                    "exclusiveMinimum": True,
                    "exclusiveMaximum": True,
                },
            },
            {
                "name": "weightKg",
                "in": "query",
                "schema": {"type": "number", "format": "double", "minimum": 0.5, "maximum": 10.5},
            },
            # int32 with no maximum written: the format's range is the limit.
            {
                "name": "pageCount",
                "in": "query",
                "schema": {"type": "integer", "format": "int32", "minimum": 1},
            },
            {"name": "isDraft", "in": "query", "schema": {"type": "boolean"}},
            {"name": "fromDate", "in": "query", "schema": {"type": "string", "format": "date"}},
            {"name": "updatedSince", "in": "query", "schema": {"type": "string", "format": "date-time"}},
        ],
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ProbeRequest"}}},
        },
        "responses": {"200": {"$ref": "#/components/responses/Sent"}},
    }
}
KEYWORD_SCHEMAS: dict[str, Any] = {
    "ProbeLevel": {
        "type": "object",
        "required": ["levelNo"],
        "properties": {"levelNo": {"type": "integer", "format": "int64", "minimum": 0, "maximum": 5}},
    },
    "ProbeRole": {"type": "string", "enum": ["ADMIN", "GUEST"]},
    "ProbeOwner": {
        "type": "object",
        "required": ["ownerId"],
        "properties": {
            "ownerId": {"type": "integer", "format": "int64", "minimum": 1},
            "ownerRole": {"$ref": "#/components/schemas/ProbeRole"},
        },
    },
    # The body: allOf of a $ref (its required levelNo) and an object of its own.
    "ProbeRequest": {
        "allOf": [
            {"$ref": "#/components/schemas/ProbeLevel"},
            {
                "type": "object",
                "required": ["tagList"],
                "properties": {
                    "tagList": {
                        "type": "array",
                        "minItems": 1,
                        "maxItems": 3,
                        "uniqueItems": True,
                        "items": {"type": "string", "minLength": 1},
                    },
                    "ownerInfo": {"allOf": [{"$ref": "#/components/schemas/ProbeOwner"}]},
                    "deputyInfo": {"nullable": True, "allOf": [{"$ref": "#/components/schemas/ProbeOwner"}]},
                    "shareOfTotal": {"type": "number", "minimum": 0, "exclusiveMinimum": True},
                    "shortNote": {"type": "string", "nullable": True, "maxLength": 5},
                    "shapeKind": {"type": "string", "enum": ["ROUND", "SQUARE"]},
                },
            },
        ]
    },
}
KEYWORD_VALID: dict[str, Any] = {"probe_code": "ABC", "body": {"levelNo": 0, "tagList": ["a"]}}
"""The smallest valid call: the required parameter and the body's required fields."""

UTC3 = dt.timezone(dt.timedelta(hours=3))
# (argument: a parameter's Python name or `body.<wire name>`, value, the field InvalidRequestError
# names (None: accepted), words its message must hold)
KEYWORD_CASES: list[tuple[str, Any, str | None, str]] = [
    # pattern
    ("probe_code", "ABC", None, ""),
    ("probe_code", "AB1", "probe_code", "must match '^[A-Z]{3}$'"),
    ("probe_code", "ABCD", "probe_code", "must match"),
    # exclusiveMinimum / exclusiveMaximum, OpenAPI 3.0's boolean form, on a float
    ("open_ratio", 0, "open_ratio", "greater than 0"),
    ("open_ratio", 0.0, "open_ratio", "greater than 0"),
    ("open_ratio", 1e-6, None, ""),
    ("open_ratio", 1 - 1e-6, None, ""),
    ("open_ratio", 1, "open_ratio", "less than 1"),
    ("open_ratio", 1.0, "open_ratio", "less than 1"),
    # minimum / maximum on a double
    ("weight_kg", 0.49, "weight_kg", "between 0.5 and 10.5"),
    ("weight_kg", 0.5, None, ""),
    ("weight_kg", 10.5, None, ""),
    ("weight_kg", 10.51, "weight_kg", "between 0.5 and 10.5"),
    ("weight_kg", 5, None, ""),
    ("weight_kg", True, "weight_kg", "a number"),
    # int32 with only a minimum: the format's maximum applies
    ("page_count", 0, "page_count", "between 1 and 2147483647"),
    ("page_count", 1, None, ""),
    ("page_count", 2**31 - 1, None, ""),
    ("page_count", 2**31, "page_count", "2147483647"),
    ("page_count", True, "page_count", "an integer"),
    ("page_count", 2.0, "page_count", "an integer"),
    ("page_count", None, "page_count", "an integer"),
    # boolean
    ("is_draft", True, None, ""),
    ("is_draft", False, None, ""),
    ("is_draft", 1, "is_draft", "a bool"),
    ("is_draft", "true", "is_draft", "a bool"),
    # date and date-time (the runtime sends date/datetime objects as ISO 8601)
    ("from_date", "2025-07-10", None, ""),
    ("from_date", dt.date(2025, 7, 10), None, ""),
    ("from_date", "2025-7-10", "from_date", "date (ISO 8601)"),
    ("from_date", "2025-13-10", "from_date", "date (ISO 8601)"),
    ("from_date", "2025-07-10T00:00:00Z", "from_date", "date (ISO 8601)"),
    ("updated_since", "2025-07-10T12:00:00Z", None, ""),
    ("updated_since", "2025-07-10T12:00:00+03:00", None, ""),
    ("updated_since", dt.datetime(2025, 7, 10, 12, tzinfo=UTC3), None, ""),
    ("updated_since", "2025-07-10T12:00:00", "updated_since", "date-time (ISO 8601)"),
    ("updated_since", "2025-07-10", "updated_since", "date-time (ISO 8601)"),
    # a property of the body's allOf $ref part
    ("body.levelNo", -1, "level_no", "between 0 and 5"),
    ("body.levelNo", 0, None, ""),
    ("body.levelNo", 5, None, ""),
    ("body.levelNo", 6, "level_no", "between 0 and 5"),
    # minItems / maxItems / uniqueItems, and the items' own minLength
    ("body.tagList", [], "tag_list", "must not be empty"),
    ("body.tagList", ["a"], None, ""),
    ("body.tagList", ["a", "b", "c"], None, ""),
    ("body.tagList", ["a", "b", "c", "d"], "tag_list", "at most 3 items"),
    ("body.tagList", ["a", "a"], "tag_list", "must not repeat"),
    ("body.tagList", [""], "tag_list[0]", "must not be empty"),
    # allOf of a $ref: its required field, its bounds and its enum, named by their path
    ("body.ownerInfo", {"ownerId": 1, "ownerRole": "GUEST"}, None, ""),
    ("body.ownerInfo", {}, "owner_info.ownerId", "is required"),
    ("body.ownerInfo", {"ownerId": 0}, "owner_info.ownerId", "between 1 and"),
    ("body.ownerInfo", {"ownerId": 1, "ownerRole": "ROOT"}, "owner_info.ownerRole", "ADMIN, GUEST"),
    ("body.ownerInfo", None, "owner_info", "an object"),
    # nullable allOf of a $ref: None is a value; what it refers to is still checked (named by the
    # argument only: see test_a_nullable_reference_names_the_nested_field)
    ("body.deputyInfo", None, None, ""),
    ("body.deputyInfo", {"ownerId": 1}, None, ""),
    ("body.deputyInfo", {}, "deputy_info.*", ""),
    ("body.deputyInfo", {"ownerId": 0}, "deputy_info.*", ""),
    ("body.deputyInfo", {"ownerId": 1, "ownerRole": "ROOT"}, "deputy_info.*", ""),
    # exclusiveMinimum alone
    ("body.shareOfTotal", 0, "share_of_total", "greater than 0"),
    ("body.shareOfTotal", 1e-6, None, ""),
    # nullable string with a maxLength
    ("body.shortNote", None, None, ""),
    ("body.shortNote", "12345", None, ""),
    ("body.shortNote", "123456", "short_note", "0 to 5 characters"),
    # enum (not nullable: None is refused)
    ("body.shapeKind", "ROUND", None, ""),
    ("body.shapeKind", "SQUARE", None, ""),
    ("body.shapeKind", "TRIANGLE", "shape_kind", "ROUND, SQUARE"),
    ("body.shapeKind", None, "shape_kind", "a string"),
]


def compiled_operations(spec: dict[str, Any]) -> dict[str, _request.Operation]:
    """The runtime's Operation of every operation of `spec`, with the checks `make generate` would
    compile from it (Python name -> Operation)."""
    facts = generate.read_facts(spec).operations
    code = compile_validators(spec, facts)
    compiled: dict[str, Any] = {}
    exec(code.replace("from ._request import", "from yandex_market_chat._request import"), compiled)
    return {
        name: _request.Operation(
            entry.id,
            name,
            idempotent=entry.idempotent,
            validate=compiled[name],
            param_names=entry.param_names,
            body_names=entry.body_names,
        )
        for name, entry in facts.items()
    }


def refusal(operation: _request.Operation, values: dict[str, Any]) -> InvalidRequestError | None:
    """What the runtime says of a call's arguments (as an endpoint module hands them over: UNSET
    left out, dates as ISO 8601) before any I/O; None when it accepts them."""
    try:
        _request.check(operation, _arguments.arguments(values))
    except InvalidRequestError as error:
        return error
    return None


def keyword_operation() -> tuple[contract.Operation, _request.Operation]:
    """The facts of the made-up operation, in a copy of the spec it is added to, and its Operation
    with the checks compiled from that copy."""
    spec = fresh_spec()
    spec["paths"]["/v2/probes"] = KEYWORD_OPERATION
    spec["components"]["schemas"].update(KEYWORD_SCHEMAS)
    operations = generate.read_facts(spec).operations
    (facts,) = (entry for entry in operations.values() if entry.id == "probeEveryKeyword")
    return facts, compiled_operations(spec)[facts.name]


def test_every_openapi_keyword_is_checked() -> None:
    """pattern, boolean exclusiveMinimum/exclusiveMaximum, float/double bounds, the range an int32
    implies, boolean, date, date-time, minItems/maxItems/uniqueItems, allOf of a $ref, nullable,
    nested required and enum, in a copy of the spec: a value just outside each limit is refused
    naming the Python argument, one just inside is accepted, an optional argument not given is
    not checked."""
    facts, operation = keyword_operation()
    assert refusal(operation, copy.deepcopy(KEYWORD_VALID)) is None

    problems = []
    for argument, value, field, words in KEYWORD_CASES:
        values = copy.deepcopy(KEYWORD_VALID)
        if argument.startswith("body."):
            values["body"][argument.removeprefix("body.")] = value
        else:
            values[argument] = value
        error = refusal(operation, values)
        case = f"{argument}={value!r}"
        if field is None:
            if error is not None:
                problems.append(f"{case}: refused ({error}), should be accepted")
        elif error is None:
            problems.append(f"{case}: accepted, should be refused naming {field}")
        elif field.endswith(".*"):
            head = error.field.split(".")[0].split("[")[0]
            if head != field.removesuffix(".*"):
                problems.append(f"{case}: names {error.field!r}, not the argument {field.removesuffix('.*')}")
        elif error.field != field or words not in str(error):
            problems.append(f"{case}: {error.field!r} {str(error)!r}, expected {field!r} and {words!r}")
    assert problems == []

    # Required: each named by its Python name.
    body = KEYWORD_VALID["body"]
    for values, field in [
        ({"body": body}, "probe_code"),
        ({"probe_code": "ABC"}, "body"),
        ({"probe_code": "ABC", "body": {"tagList": ["a"]}}, "level_no"),
        ({"probe_code": "ABC", "body": {"levelNo": 0}}, "tag_list"),
    ]:
        error = refusal(operation, values)
        assert error is not None and error.field == field and "is required" in str(error), (values, error)

    # An optional parameter not given (UNSET, as the endpoint modules default it) is not checked,
    # though None, a value given, would be refused.
    params = [p.python for p in facts.params if not p.required]
    assert params, "the made-up operation has no optional parameter"
    assert refusal(operation, {**copy.deepcopy(KEYWORD_VALID), **dict.fromkeys(params, UNSET)}) is None
    refused = [p for p in params if refusal(operation, {**copy.deepcopy(KEYWORD_VALID), p: None})]
    assert refused == params


def test_a_nullable_reference_names_the_nested_field() -> None:
    _, operation = keyword_operation()
    for value, field, words in [
        ({}, "deputy_info.ownerId", "is required"),
        ({"ownerId": 0}, "deputy_info.ownerId", "between 1 and"),
        ({"ownerId": 1, "ownerRole": "ROOT"}, "deputy_info.ownerRole", "ADMIN, GUEST"),
    ]:
        values = copy.deepcopy(KEYWORD_VALID)
        values["body"]["deputyInfo"] = value
        error = refusal(operation, values)
        assert error is not None and error.field == field and words in str(error), (value, error)
