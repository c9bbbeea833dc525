"""Bad input gets a typed error naming the field and the limit, before any network I/O."""

from __future__ import annotations

import asyncio
import io
import os
import warnings
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml
from conftest import mock_client
from yandex_market_chat import File, InvalidRequestError
from yandex_market_chat import types as types_module
from yandex_market_chat.api.chats import create_chat, send_file_to_chat, send_message_to_chat
from yandex_market_chat.models import (
    ChatContextDTO,
    ChatContextIdentifiableType,
    CreateChatRequest,
    SendFileToChatRequest,
    SendMessageToChatRequest,
)

SPEC = yaml.safe_load((Path(__file__).parent.parent / "openapi" / "yandex-market-chat.yaml").read_text())
SCHEMAS = SPEC["components"]["schemas"]
MAX_FILE_BYTES: int = SCHEMAS["SendFileToChatRequest"]["properties"]["file"]["maxLength"]
"""The spec's limit (binary maxLength counts bytes)."""


class NoNetwork:
    """A handler that fails the test if any request reaches it."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.calls += 1
        return httpx.Response(200, json={"status": "OK", "result": {"chatId": 1}})


@pytest.fixture(params=["sync", "async"])
def mode(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def send(mode: str, module: Any, *args: Any, **kwargs: Any) -> Any:
    if mode == "sync":
        return module.sync(*args, **kwargs)
    return asyncio.run(module.asyncio(*args, **kwargs))


def expect_invalid(mode: str, field: str, module: Any, *args: Any, **kwargs: Any) -> InvalidRequestError:
    handler = NoNetwork()
    client = mock_client(handler)
    with pytest.raises(InvalidRequestError) as caught:
        send(mode, module, *args, client=client, **kwargs)
    assert handler.calls == 0, "an invalid request reached the network"
    assert caught.value.field == field
    assert isinstance(caught.value, ValueError)
    return caught.value


@pytest.mark.parametrize("bad", [0, -1, 2**63, True, "5", 1.0])
def test_ids_out_of_range_or_wrong_type(mode: str, bad: Any) -> None:
    body = SendMessageToChatRequest(message="hi")
    expect_invalid(mode, "business_id", send_message_to_chat, bad, body=body, chat_id=1)
    expect_invalid(mode, "chat_id", send_message_to_chat, 1, body=body, chat_id=bad)
    context = ChatContextDTO(type_=ChatContextIdentifiableType.ORDER, id=bad)
    expect_invalid(mode, "context.id", create_chat, 1, body=CreateChatRequest(context=context))


def test_largest_id_is_accepted(mode: str) -> None:
    handler = NoNetwork()
    client = mock_client(handler)
    send(
        mode,
        send_message_to_chat,
        2**63 - 1,
        client=client,
        body=SendMessageToChatRequest(message="x"),
        chat_id=2**63 - 1,
    )
    assert handler.calls == 1


@pytest.mark.parametrize(
    ("message", "ok"),
    [
        ("", False),
        ("x", True),
        ("x" * 4096, True),
        ("x" * 4097, False),
        ("я" * 4096, True),
        ("я" * 4097, False),
        ("😀" * 2048, True),
        ("😀" * 2049, False),
    ],
    ids=["0", "1", "4096", "4097", "4096-cyrillic", "4097-cyrillic", "2048-emoji", "2049-emoji"],
)
def test_message_length_in_utf16_units(mode: str, message: str, ok: bool) -> None:
    body = SendMessageToChatRequest(message=message)
    if ok:
        handler = NoNetwork()
        send(mode, send_message_to_chat, 1, client=mock_client(handler), body=body, chat_id=2)
        assert handler.calls == 1
    else:
        error = expect_invalid(mode, "message", send_message_to_chat, 1, body=body, chat_id=2)
        assert "4096" in str(error)


def test_context_type_outside_order_return_is_rejected(mode: str) -> None:
    context = ChatContextDTO(type_=ChatContextIdentifiableType("DIRECT"), id=5)
    error = expect_invalid(mode, "context.type", create_chat, 1, body=CreateChatRequest(context=context))
    assert "ORDER, RETURN" in str(error)


def test_create_chat_needs_context_or_order_id(mode: str) -> None:
    error = expect_invalid(mode, "body", create_chat, 1, body=CreateChatRequest())
    assert "context" in str(error) and "order_id" in str(error)


def test_order_id_works_with_a_deprecation_warning(mode: str) -> None:
    handler = NoNetwork()
    with pytest.warns(DeprecationWarning, match="context") as record:
        send(mode, create_chat, 1, client=mock_client(handler), body=CreateChatRequest(order_id=77))
    assert handler.calls == 1
    if mode == "sync":
        assert record[0].filename == __file__, "the warning should point at the caller"


def test_context_does_not_warn() -> None:
    handler = NoNetwork()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        context = ChatContextDTO(type_=ChatContextIdentifiableType.RETURN, id=5)
        create_chat.sync(1, client=mock_client(handler), body=CreateChatRequest(context=context))
    assert handler.calls == 1


# Files


def file_body(source: Any) -> SendFileToChatRequest:
    return SendFileToChatRequest(
        file=File(payload=source, file_name="a.bin", mime_type="application/octet-stream")
    )


def test_file_limit_plus_one_byte_sends_nothing(mode: str) -> None:
    body = file_body(b"\0" * (MAX_FILE_BYTES + 1))
    error = expect_invalid(mode, "file", send_file_to_chat, 1, body=body, chat_id=2)
    assert str(MAX_FILE_BYTES) in str(error)


def test_file_at_the_limit_is_sent(mode: str) -> None:
    handler = NoNetwork()
    send(
        mode,
        send_file_to_chat,
        1,
        client=mock_client(handler),
        body=file_body(b"\0" * MAX_FILE_BYTES),
        chat_id=2,
    )
    assert handler.calls == 1


def test_empty_file_is_rejected(mode: str) -> None:
    expect_invalid(mode, "file", send_file_to_chat, 1, body=file_body(b""), chat_id=2)


class CountingStream(io.BytesIO):
    reads = 0

    def read(self, size: int | None = -1) -> bytes:
        self.reads += 1
        return super().read(size)


def test_seekable_stream_over_limit_is_not_read(mode: str) -> None:
    stream = CountingStream(b"\0" * (MAX_FILE_BYTES + 1))
    expect_invalid(mode, "file", send_file_to_chat, 1, body=file_body(stream), chat_id=2)
    assert stream.reads == 0
    assert stream.tell() == 0


def test_path_over_limit_is_not_opened(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "big.bin"
    with open(path, "wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)

    def no_open(*args: object, **kwargs: object) -> None:
        raise AssertionError("the file was opened")

    monkeypatch.setattr(types_module, "open", no_open, raising=False)
    with pytest.raises(InvalidRequestError) as caught:
        File.from_source(path, max_bytes=MAX_FILE_BYTES)
    assert caught.value.field == "file"


def test_non_seekable_stream_is_rejected_clearly(mode: str) -> None:
    read_end, write_end = os.pipe()
    os.write(write_end, b"data")
    os.close(write_end)
    with open(read_end, "rb") as pipe:
        error = expect_invalid(mode, "file", send_file_to_chat, 1, body=file_body(pipe), chat_id=2)
    assert "seekable" in str(error)


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


# The checks follow the spec they were generated from


def test_validators_track_a_changed_spec() -> None:
    """A constraint changed in the spec changes the compiled checks: nothing is copied by hand."""
    import generate
    from codegen.validators import compile_validators
    from yandex_market_chat import _request

    changed = yaml.safe_load(yaml.safe_dump(SPEC))
    changed["components"]["schemas"]["SendMessageToChatRequest"]["properties"]["message"]["maxLength"] = 100
    changed["components"]["parameters"]["chatId"]["schema"]["minimum"] = 10
    code = compile_validators(changed, generate.read_facts(changed)["operations"])
    compiled: dict[str, Any] = {}
    exec(code.replace("from ._request import", "from yandex_market_chat._request import"), compiled)
    operation = _request.Operation("x", "x", idempotent=True, validate=compiled["send_message_to_chat"])

    def problem(chat_id: int, message: str) -> str | None:
        try:
            _request.check(operation, {"business_id": 1, "chat_id": chat_id, "body": {"message": message}})
        except InvalidRequestError as error:
            return error.field
        return None

    assert problem(10, "x" * 100) is None
    assert problem(9, "x") == "chat_id"
    assert problem(10, "x" * 101) == "message"


def test_stream_is_sized_from_its_start_as_httpx_sends_it(mode: str) -> None:
    """httpx rewinds a file to 0 before sending it, so the whole file counts, not what is left."""
    stream = io.BytesIO(b"\0" * (MAX_FILE_BYTES + 1))
    stream.seek(MAX_FILE_BYTES)
    expect_invalid(mode, "file", send_file_to_chat, 1, body=file_body(stream), chat_id=2)
