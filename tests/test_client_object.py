"""YandexMarketChat / AsyncYandexMarketChat: one object, a method per operation, config from the env.

Every operation of the spec goes through both client objects with its example's arguments
(tests/spec_support.py); the behaviour of the object itself (environment, options, raw responses,
headers, logging) is shown on the spec's first operation, FIRST — it is the same for all.
"""

from __future__ import annotations

import asyncio
import io
import json
import logging
import os
import re
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any, cast

import httpx
import pytest
import yandex_market_chat
from conftest import FAKE_KEY, MYPY_CACHE, call, mock_client, run
from loopback import RawServer, Received, response
from spec_support import (
    OPERATIONS,
    Operation,
    check_example_answer,
    check_request,
    each_operation,
    example_call,
    flatten,
    form_parts,
    model_class,
    operation_for,
    operations_where,
    resolve,
)
from yandex_market_chat import (
    DEFAULT_BASE_URL,
    APIStatusError,
    APITimeoutError,
    AsyncYandexMarketChat,
    AuthenticatedClient,
    File,
    InvalidRequestError,
    NotFoundError,
    YandexMarketChat,
    _pipeline,
)
from yandex_market_chat.client import AsyncRawYandexMarketChat, RawYandexMarketChat

FIRST = next(iter(OPERATIONS.values()))


class Api:
    """A fake API behind httpx.MockTransport: answers each request with the example answer of the
    operation it goes to (at `status`), and records what it got."""

    def __init__(self, status: int = 200) -> None:
        self.status = status
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        operation = operation_for(request.method, str(request.url))
        status = self.status if self.status in operation.statuses else operation.success_status
        return httpx.Response(
            status, json=operation.example_answer(status), headers=operation.example_headers(status)
        )

    @property
    def last(self) -> httpx.Request:
        return self.requests[-1]

    def sync_client(self) -> httpx.Client:
        return httpx.Client(transport=httpx.MockTransport(self))

    def async_client(self) -> httpx.AsyncClient:
        return httpx.AsyncClient(transport=httpx.MockTransport(self))


def method_call(chat: Any, operation: Operation, kwargs: dict[str, Any]) -> Any:
    """The operation's method on a client object; a paged one's first page answer."""
    result = getattr(chat, operation.name)(**kwargs)
    return result.answer if operation.paged else result


async def amethod_call(chat: Any, operation: Operation, kwargs: dict[str, Any]) -> Any:
    result = await getattr(chat, operation.name)(**kwargs)
    return result.answer if operation.paged else result


def defaulted(operation: Operation) -> dict[str, str]:
    """Python name -> environment variable of the parameters the client objects default."""
    return {p["python"]: p["client_default"] for p in operation.params if p["client_default"]}


# --- every operation ----------------------------------------------------------------------------


@each_operation
def test_every_operation_sync(operation_id: str, env: pytest.MonkeyPatch) -> None:
    operation = OPERATIONS[operation_id]
    call = example_call(operation)
    api = Api()
    with YandexMarketChat(FAKE_KEY, http_client=api.sync_client()) as chat:
        result = method_call(chat, operation, call.client_kwargs())
        check_request(api.last, call.wire(), FAKE_KEY)
        check_example_answer(operation, result)
        if 404 in operation.statuses:
            api.status = 404
            with pytest.raises(NotFoundError):
                method_call(chat, operation, call.client_kwargs())


@each_operation
def test_every_operation_async(operation_id: str, env: pytest.MonkeyPatch) -> None:
    operation = OPERATIONS[operation_id]
    call = example_call(operation)
    api = Api()

    async def main() -> None:
        async with AsyncYandexMarketChat(FAKE_KEY, http_client=api.async_client()) as chat:
            result = await amethod_call(chat, operation, call.client_kwargs())
            check_request(api.last, call.wire(), FAKE_KEY)
            check_example_answer(operation, result)
            if 404 in operation.statuses:
                api.status = 404
                with pytest.raises(NotFoundError):
                    await amethod_call(chat, operation, call.client_kwargs())

    asyncio.run(main())


@each_operation
def test_every_operation_raw_response(operation_id: str, env: pytest.MonkeyPatch) -> None:
    """`with_raw_response` has every method; it returns the Response, for any status."""
    operation = OPERATIONS[operation_id]
    call = example_call(operation)
    api = Api()
    chat = YandexMarketChat(FAKE_KEY, http_client=api.sync_client())
    raw = chat.with_raw_response
    assert isinstance(raw, RawYandexMarketChat)
    response = getattr(raw, operation.name)(**call.client_kwargs())
    assert response.status_code == operation.success_status
    check_example_answer(operation, response.parsed)
    headers = operation.example_headers(operation.success_status)
    if "X-RateLimit-Resource-Limit" in headers:
        assert response.rate_limit.limit == int(headers["X-RateLimit-Resource-Limit"])
        assert response.rate_limit.remaining == int(headers["X-RateLimit-Resource-Remaining"])
        assert response.rate_limit.reset_at is not None and response.rate_limit.reset_at.year == 2025
    if 404 in operation.statuses:
        api.status = 404
        assert getattr(raw, operation.name)(**call.client_kwargs()).status_code == 404

    async def main() -> None:
        async_chat = AsyncYandexMarketChat(FAKE_KEY, http_client=Api().async_client())
        async_raw = async_chat.with_raw_response
        assert isinstance(async_raw, AsyncRawYandexMarketChat)
        async_response = await getattr(async_raw, operation.name)(**call.client_kwargs())
        assert async_response.status_code == operation.success_status
        assert async_response.rate_limit == response.rate_limit

    asyncio.run(main())


@each_operation
def test_every_method_has_its_docstring_from_the_spec(operation_id: str) -> None:
    """The async and raw views too (YandexMarketChat's docstrings: tests/test_usability.py)."""
    operation = OPERATIONS[operation_id]
    summary = str(operation.definition["summary"]).strip()
    for cls in (AsyncYandexMarketChat, RawYandexMarketChat, AsyncRawYandexMarketChat):
        doc = getattr(cls, operation.name).__doc__
        assert doc and doc.startswith(summary), (cls.__name__, doc)


@operations_where(lambda op: bool(defaulted(op)))
def test_whole_program_from_the_environment(operation_id: str, env: pytest.MonkeyPatch) -> None:
    """The parameters the client objects default (`x-client-default`) come from the environment."""
    operation = OPERATIONS[operation_id]
    call = example_call(operation)
    api = Api()
    env.setenv("YANDEX_MARKET_API_KEY", FAKE_KEY)
    kwargs = call.client_kwargs()
    for python, variable in defaulted(operation).items():
        env.setenv(variable, str(kwargs.pop(python)))
    chat = YandexMarketChat(http_client=api.sync_client())
    result = method_call(chat, operation, kwargs)
    check_request(api.last, call.wire(), FAKE_KEY)
    check_example_answer(operation, result)


@operations_where(lambda op: bool(defaulted(op)))
def test_missing_default_is_a_clear_error(operation_id: str, env: pytest.MonkeyPatch) -> None:
    operation = OPERATIONS[operation_id]
    api = Api()
    chat = YandexMarketChat(FAKE_KEY, http_client=api.sync_client())
    for python, variable in defaulted(operation).items():
        kwargs = example_call(operation).client_kwargs()
        del kwargs[python]
        with pytest.raises(InvalidRequestError, match=variable):
            method_call(chat, operation, kwargs)
        env.setenv(variable, "not-a-number")
        with pytest.raises(InvalidRequestError, match=variable):
            YandexMarketChat(FAKE_KEY)
        env.delenv(variable)
    assert api.requests == []


# --- arguments of particular kinds ----------------------------------------------------------------


def nested_models(operation: Operation) -> dict[str, type[Any]]:
    """Top-level body fields (Python names) whose value is an object of a named schema."""
    if operation.body is None or operation.body["kind"] != "json":
        return {}
    schema = operation.body_schema or {}
    found = {}
    for item in operation.body["fields"]:
        node = schema.get("properties", {}).get(item["name"], {})
        ref = str(node.get("$ref", ""))
        if ref.startswith("#/components/schemas/") and "properties" in flatten(node):
            found[item["python"]] = model_class(ref.rsplit("/", 1)[-1])
    return found


@operations_where(lambda op: any(field in example_call(op).client_kwargs() for field in nested_models(op)))
def test_a_nested_object_is_a_model_or_a_dict(operation_id: str, env: pytest.MonkeyPatch) -> None:
    operation = OPERATIONS[operation_id]
    call = example_call(operation)
    api = Api()
    chat = YandexMarketChat(FAKE_KEY, http_client=api.sync_client())
    kwargs = call.client_kwargs()
    for python, model in nested_models(operation).items():
        if python in kwargs:
            kwargs[python] = model.from_dict(kwargs[python])
    method_call(chat, operation, kwargs)
    check_request(api.last, call.wire(), FAKE_KEY)


def single_file_field(operation: Operation) -> str | None:
    """The Python name of the operation's one file field (the client objects then take
    file_name= and mime_type=)."""
    files = [item["python"] for item in (operation.body or {"fields": []})["fields"] if item["file"]]
    return files[0] if len(files) == 1 else None


@operations_where(lambda op: single_file_field(op) is not None)
def test_a_file_is_a_path_bytes_or_a_binary_file(
    operation_id: str, env: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    operation = OPERATIONS[operation_id]
    field = single_file_field(operation)
    assert field is not None
    api = Api()
    chat = YandexMarketChat(FAKE_KEY, http_client=api.sync_client())
    path = tmp_path / "label.pdf"
    path.write_bytes(b"%PDF-1.4 fake")

    def sent(**file: Any) -> tuple[str | None, str | None, bytes]:
        kwargs = {**example_call(operation).client_kwargs(), "file_name": None, **file}
        method_call(chat, operation, kwargs)
        (part,) = [p for p in form_parts(api.last.headers["content-type"], api.last.content) if p.filename]
        return part.filename, part.content_type, part.content

    assert sent(**{field: path}) == ("label.pdf", "application/pdf", b"%PDF-1.4 fake")
    assert sent(**{field: str(path)}) == ("label.pdf", "application/pdf", b"%PDF-1.4 fake")
    assert sent(**{field: b"raw", "file_name": "a.txt", "mime_type": "text/x-custom"}) == (
        "a.txt",
        "text/x-custom",
        b"raw",
    )
    with open(path, "rb") as handle:
        assert sent(**{field: handle}) == ("label.pdf", "application/pdf", b"%PDF-1.4 fake")


@operations_where(lambda op: single_file_field(op) is not None)
def test_the_async_client_reads_a_path_off_the_event_loop(
    operation_id: str, env: pytest.MonkeyPatch, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    operation = OPERATIONS[operation_id]
    field = single_file_field(operation)
    assert field is not None
    api = Api()
    path = tmp_path / "label.pdf"
    path.write_bytes(b"%PDF-1.4 fake")
    threaded: list[Any] = []
    real_to_thread = asyncio.to_thread

    async def spy_to_thread(func: Any, /, *args: Any, **kwargs: Any) -> Any:
        threaded.append(func)
        return await real_to_thread(func, *args, **kwargs)

    monkeypatch.setattr(asyncio, "to_thread", spy_to_thread)

    async def main() -> None:
        async with AsyncYandexMarketChat(FAKE_KEY, http_client=api.async_client()) as chat:
            kwargs = {**example_call(operation).client_kwargs(), field: path, "file_name": None}
            await amethod_call(chat, operation, kwargs)
            assert b'filename="label.pdf"' in api.last.content

    asyncio.run(main())
    assert threaded, "the async client read a file path on the event loop"


# --- the client object itself (the same for every operation; shown on FIRST) ------------------------


def first(chat: Any, **extra: Any) -> Any:
    """FIRST's example call through a client object."""
    return method_call(chat, FIRST, {**example_call(FIRST).client_kwargs(), **extra})


def test_explicit_arguments_win_over_the_environment(env: pytest.MonkeyPatch) -> None:
    """The client's arguments win over the environment, and a call's over the client's."""
    api = Api()
    defaults = defaulted(FIRST)
    env.setenv("YANDEX_MARKET_API_KEY", "fake-env-key")
    env.setenv("YANDEX_MARKET_BASE_URL", "http://env.invalid")
    for variable in defaults.values():
        env.setenv(variable, "1")
    kwargs = {k: v for k, v in example_call(FIRST).client_kwargs().items() if k not in defaults}

    def path_with(value: int) -> str:
        return example_call(FIRST).with_params(**dict.fromkeys(defaults, value)).wire().path

    chat = YandexMarketChat(
        "fake-arg-key",
        base_url="http://arg.invalid",
        http_client=api.sync_client(),
        **cast(dict[str, Any], dict.fromkeys(defaults, 5)),
    )
    method_call(chat, FIRST, kwargs)
    assert str(api.last.url).startswith("http://arg.invalid/")
    assert api.last.headers["Api-Key"] == "fake-arg-key"
    assert api.last.url.path == path_with(5)
    env_chat = YandexMarketChat(http_client=api.sync_client())
    method_call(env_chat, FIRST, kwargs)
    assert str(api.last.url).startswith("http://env.invalid/")
    assert api.last.headers["Api-Key"] == "fake-env-key"
    assert api.last.url.path == path_with(1)
    method_call(env_chat, FIRST, {**kwargs, **dict.fromkeys(defaults, 9)})
    assert api.last.url.path == path_with(9)


def test_missing_key_is_a_clear_error(env: pytest.MonkeyPatch) -> None:
    with pytest.raises(InvalidRequestError, match="YANDEX_MARKET_API_KEY"):
        YandexMarketChat()
    with pytest.raises(InvalidRequestError, match="YANDEX_MARKET_API_KEY"):
        AsyncYandexMarketChat()


def test_with_options_shares_the_pool(env: pytest.MonkeyPatch) -> None:
    api = Api()
    http = api.sync_client()
    chat = YandexMarketChat(FAKE_KEY, http_client=http, max_retries=2)
    fast = chat.with_options(timeout=1.5, max_retries=0)
    assert fast.client.max_retries == 0 and chat.client.max_retries == 2
    assert fast.client.get_httpx_client() is chat.client.get_httpx_client() is http
    first(fast)
    assert api.last.extensions["timeout"]["read"] == 1.5
    first(chat)
    assert api.last.extensions["timeout"]["read"] == 30.0


def test_extra_headers_per_call(env: pytest.MonkeyPatch) -> None:
    api = Api()
    chat = YandexMarketChat(FAKE_KEY, http_client=api.sync_client())
    first(chat, extra_headers={"X-Trace": "t-1"})
    assert api.last.headers["X-Trace"] == "t-1"
    first(chat)
    assert "x-trace" not in api.last.headers


# --- per-call options: timeout, max_retries, typed answers --------------------------------------


def calls(
    mode: str,
    operation: Operation,
    extras: list[dict[str, Any]],
    *,
    raw: bool = False,
    api: Api | None = None,
    **options: Any,
) -> list[Any]:
    """The operation's example call through one client object made with `options` (on `api`'s
    transport when given), once per dict of extra arguments, in turn, through its raw view with
    `raw`: what each call returned or raised."""
    kwargs = example_call(operation).client_kwargs()
    got: list[Any] = []

    def made(cls: Any, http: Any) -> Any:
        return cls(FAKE_KEY, **options, **({"http_client": http} if api is not None else {}))

    def method(chat: Any) -> Any:
        return getattr(chat.with_raw_response if raw else chat, operation.name)

    def sync() -> list[Any]:
        with made(YandexMarketChat, api and api.sync_client()) as chat:
            for extra in extras:
                try:
                    got.append(method(chat)(**kwargs, **extra))
                except Exception as error:
                    got.append(error)
        return got

    async def asynchronous() -> list[Any]:
        async with made(AsyncYandexMarketChat, api and api.async_client()) as chat:
            for extra in extras:
                try:
                    got.append(await method(chat)(**kwargs, **extra))
                except Exception as error:
                    got.append(error)
        return got

    return list(run(mode, sync, asynchronous))


@pytest.mark.parametrize("raw", [False, True], ids=["object", "raw"])
def test_a_call_s_timeout_bounds_that_call_only(mode: str, raw: bool, env: pytest.MonkeyPatch) -> None:
    """A loopback server that answers only once the test lets it (when the second request has
    arrived): the call with timeout=0.3 gives up with APITimeoutError, the next call on the same
    client (the client's 30 s) gets the answer."""
    release = threading.Event()
    body = json.dumps(FIRST.example_answer(FIRST.success_status)).encode()

    def answer(_: Received) -> bytes:
        release.wait(10)
        return response(FIRST.success_status, body, {"Content-Type": "application/json"})

    def release_at_the_second_request() -> None:
        try:
            server.wait_for(2)
        finally:
            release.set()

    with RawServer(answer) as server:
        threading.Thread(target=release_at_the_second_request, daemon=True).start()
        got = calls(mode, FIRST, [{"timeout": 0.3}, {}], raw=raw, base_url=server.url, max_retries=0)
    assert isinstance(got[0], APITimeoutError), got
    assert not isinstance(got[1], BaseException), got
    assert len(server.received) == 2


@each_operation
def test_a_call_s_max_retries_replaces_the_client_s_where_the_spec_allows_retries(
    operation_id: str, mode: str, env: pytest.MonkeyPatch
) -> None:
    """Every request answered 500: max_retries=1 on a client with max_retries=0 sends the call twice
    when the spec declares it `x-idempotent: true`, once otherwise (whatever max_retries says);
    max_retries=0 on a client with max_retries=2 sends it once."""
    operation = OPERATIONS[operation_id]
    env.setattr(_pipeline, "BACKOFF_BASE", 0.01)  # (the backoff's length is not what this shows)
    api = Api(status=500)
    calls(mode, operation, [{"max_retries": 1}], api=api, max_retries=0)
    assert len(api.requests) == (2 if operation.definition["x-idempotent"] else 1)
    api.requests.clear()
    calls(mode, operation, [{"max_retries": 0}], api=api, max_retries=2)
    assert len(api.requests) == 1


def test_a_setting_assigned_after_a_call_is_what_the_next_call_uses(env: pytest.MonkeyPatch) -> None:
    """The low-level client's settings are read at every call (they are kept between calls only while
    unchanged): max_retries assigned after a call decides how often the next one is sent."""
    operation = next(op for op in OPERATIONS.values() if op.definition["x-idempotent"])
    env.setattr(_pipeline, "BACKOFF_BASE", 0.01)
    api = Api(status=500)
    with YandexMarketChat(FAKE_KEY, max_retries=0, http_client=api.sync_client()) as chat:
        sent = []
        for retries in (0, 1):
            chat.client.max_retries = retries
            with pytest.raises(APIStatusError):
                getattr(chat, operation.name)(**example_call(operation).client_kwargs())
            sent.append(len(api.requests))
    assert sent == [1, 3]


BAD_OPTIONS: list[tuple[dict[str, Any], type[Exception]]] = [
    ({"timeout": 0}, InvalidRequestError),
    ({"timeout": -1.5}, InvalidRequestError),
    ({"timeout": float("nan")}, InvalidRequestError),
    ({"timeout": httpx.Timeout(5.0, read=86_401.0)}, InvalidRequestError),
    ({"timeout": "5"}, InvalidRequestError),
    ({"max_retries": -1}, InvalidRequestError),
    ({"max_retries": 1.5}, InvalidRequestError),
    ({"max_retries": True}, InvalidRequestError),
]


@pytest.mark.parametrize("raw", [False, True], ids=["object", "raw"])
@pytest.mark.parametrize(("bad", "expected"), BAD_OPTIONS, ids=[repr(bad) for bad, _ in BAD_OPTIONS])
def test_a_bad_per_call_option_is_the_constructor_s_error_before_sending(
    mode: str, raw: bool, bad: dict[str, Any], expected: type[Exception], env: pytest.MonkeyPatch
) -> None:
    api = Api()
    with pytest.raises(expected) as at_construction:
        YandexMarketChat(FAKE_KEY, **bad)
    (got,) = calls(mode, FIRST, [bad], raw=raw, api=api)
    assert type(got) is expected and str(got) == str(at_construction.value)
    assert api.requests == []


# The types a user's mypy sees: expression -> the type mypy --strict reveals for it, on client
# objects `chat` (YandexMarketChat), `raw` and `araw` (its sync and async raw views).
RATE_LIMIT_TYPES = {
    'chat.rate_limits["max_in_flight"]': "int",
    'chat.rate_limits["businesses"][1]["in_flight"]': "int",
    'chat.rate_limits["businesses"][1]["operations"]["m"]["limit"]': "int | None",
    'chat.rate_limits["businesses"][1]["operations"]["m"]["remaining"]': "int | None",
    'chat.rate_limits["businesses"][1]["operations"]["m"]["reset_at"]': "datetime.datetime | None",
    'chat.rate_limits["businesses"][1]["operations"]["m"]["in_flight"]': "int",
}


def raw_answer_expressions(operation: Operation) -> list[str]:
    return [f"answer_of(raw.{operation.name}).parsed", f"awaited(araw.{operation.name}).parsed"]


@pytest.fixture(scope="module")
def revealed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """What mypy --strict reveals for each expression of RATE_LIMIT_TYPES and for the raw views'
    answers of every operation (one run)."""
    expressions = [*RATE_LIMIT_TYPES]
    for operation in OPERATIONS.values():
        expressions += raw_answer_expressions(operation)
    lines = [
        "from collections.abc import Awaitable, Callable",
        "from typing import TypeVar",
        "from yandex_market_chat import YandexMarketChat",
        "from yandex_market_chat.client import AsyncRawYandexMarketChat, RawYandexMarketChat",
        'R = TypeVar("R")',
        "def answer_of(method: Callable[..., R]) -> R: raise NotImplementedError",
        "def awaited(method: Callable[..., Awaitable[R]]) -> R: raise NotImplementedError",
        "def check(",
        "    chat: YandexMarketChat, raw: RawYandexMarketChat, araw: AsyncRawYandexMarketChat",
        ") -> None:",
    ]
    first_line = len(lines) + 1
    lines += [f"    reveal_type({expression})" for expression in expressions]
    path = tmp_path_factory.mktemp("typed") / "typed.py"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    checked = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(MYPY_CACHE), path.name],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=path.parent,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    found = dict(re.findall(r'^typed\.py:(\d+): note: Revealed type is "(.*)"$', checked.stdout, re.M))
    return {expression: found.get(str(first_line + i), "?") for i, expression in enumerate(expressions)}


@each_operation
def test_a_raw_answer_is_typed_with_the_operation_s_model(
    operation_id: str, revealed: dict[str, str]
) -> None:
    """`with_raw_response.<method>(...).parsed` is the spec's 2xx model (None for another status),
    sync and async, for mypy."""
    operation = OPERATIONS[operation_id]
    model = operation.model(operation.success_status)
    expected = "None" if model is type(None) else f"{model.__module__}.{model.__qualname__} | None"
    for expression in raw_answer_expressions(operation):
        assert revealed[expression] == expected, expression


def test_rate_limits_are_typed(revealed: dict[str, str]) -> None:
    assert {expression: revealed[expression] for expression in RATE_LIMIT_TYPES} == RATE_LIMIT_TYPES


def test_default_headers_user_agent_and_integration(env: pytest.MonkeyPatch) -> None:
    api = Api()
    chat = YandexMarketChat(FAKE_KEY, http_client=api.sync_client(), integration="my-crm/2.1")
    first(chat)
    assert api.last.headers["User-Agent"] == f"yandex-market-chat/{yandex_market_chat.__version__}"
    assert api.last.headers["X-Market-Integration"] == "my-crm/2.1"
    plain = YandexMarketChat(FAKE_KEY, http_client=api.sync_client())
    first(plain)
    assert "x-market-integration" not in api.last.headers
    for bad in ("bad\r\nX-Evil: 1", " my-crm/2.1", "my-crm/2.1 ", ""):
        with pytest.raises(InvalidRequestError):
            YandexMarketChat(FAKE_KEY, integration=bad)


def test_a_header_is_never_sent_twice_whatever_the_case_of_its_name(env: pytest.MonkeyPatch) -> None:
    api = Api()
    chat = YandexMarketChat(
        FAKE_KEY,
        http_client=api.sync_client(),
        default_headers={"user-agent": "mine/1", "api-key": "not-the-key", "X-Note": "a"},
    )
    first(chat, extra_headers={"x-note": "b"})
    sent = [(name.lower(), value) for name, value in api.last.headers.multi_items()]
    names = [name for name, _ in sent]
    assert len(names) == len(set(names)), sent
    assert ("user-agent", "mine/1") in sent and ("x-note", "b") in sent
    assert ("api-key", FAKE_KEY) in sent  # the key is the client's, whatever default_headers say


def test_an_http_client_of_the_other_kind_is_refused(env: pytest.MonkeyPatch) -> None:
    api = Api()
    with pytest.raises(TypeError, match=r"must be an httpx\.Client,"):
        YandexMarketChat(FAKE_KEY, http_client=api.async_client())  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"must be an httpx\.AsyncClient,"):
        AsyncYandexMarketChat(FAKE_KEY, http_client=api.sync_client())  # type: ignore[arg-type]


def test_context_managers_close_the_pool(env: pytest.MonkeyPatch) -> None:
    api = Api()
    http = api.sync_client()
    with YandexMarketChat(FAKE_KEY, http_client=http) as chat:
        first(chat)
    assert http.is_closed
    ahttp = api.async_client()

    async def main() -> None:
        async with AsyncYandexMarketChat(FAKE_KEY, http_client=ahttp) as achat:
            await amethod_call(achat, FIRST, example_call(FIRST).client_kwargs())

    asyncio.run(main())
    assert ahttp.is_closed


def test_debug_log_shows_the_call_but_never_the_key(
    env: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="yandex_market_chat")
    api = Api()
    chat = YandexMarketChat(FAKE_KEY, http_client=api.sync_client())
    first(chat)
    wire = example_call(FIRST).wire()
    lines = [r.getMessage() for r in caplog.records if r.name == "yandex_market_chat"]
    assert any(
        f"{wire.method} {wire.url} -> {FIRST.success_status}" in line
        and " ms " in line
        and "x-ratelimit-resource-remaining" in line
        for line in lines
    ), lines
    assert all(FAKE_KEY not in line for line in lines)


def test_log_switched_on_by_environment_variable() -> None:
    kwargs = example_call(FIRST).client_kwargs()
    answer = FIRST.example_answer(FIRST.success_status)
    program = (
        "import httpx\n"
        "from yandex_market_chat import YandexMarketChat\n"
        f"h = lambda r: httpx.Response({FIRST.success_status}, json={answer!r})\n"
        "c = YandexMarketChat(http_client=httpx.Client(transport=httpx.MockTransport(h)))\n"
        f"c.{FIRST.name}(**{kwargs!r})\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("YANDEX_MARKET_")}
    env |= {"YANDEX_MARKET_API_KEY": FAKE_KEY, "YANDEX_MARKET_LOG": "debug"}
    result = subprocess.run(
        [sys.executable, "-c", program], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert f"yandex_market_chat DEBUG {FIRST.method.upper()}" in result.stderr
    assert FAKE_KEY not in result.stderr
    env.pop("YANDEX_MARKET_LOG")
    quiet = subprocess.run(
        [sys.executable, "-c", program], env=env, capture_output=True, text=True, timeout=60
    )
    assert quiet.returncode == 0 and quiet.stderr == ""


def test_the_module_functions_read_no_environment_variable(mode: str, env: pytest.MonkeyPatch) -> None:
    """AuthenticatedClient and the operation modules: production unless base_url says otherwise,
    the key given and no other, and no log handler, whatever YANDEX_MARKET_* says."""
    env.setenv("YANDEX_MARKET_BASE_URL", "http://env.invalid")
    env.setenv("YANDEX_MARKET_API_KEY", "fake-env-key")
    env.setenv("YANDEX_MARKET_LOG", "debug")
    for variable in defaulted(FIRST).values():
        env.setenv(variable, "1")
    package_logger = logging.getLogger("yandex_market_chat")
    env.setattr(package_logger, "handlers", [])
    env.setattr(package_logger, "level", logging.NOTSET)
    assert AuthenticatedClient(token=FAKE_KEY).base_url == DEFAULT_BASE_URL
    api = Api()
    client = mock_client(api)
    the_call = example_call(FIRST)
    call(mode, FIRST.module, client=client, **the_call.module_kwargs())
    assert str(api.last.url).startswith(DEFAULT_BASE_URL + "/")
    assert api.last.url.path == the_call.wire().path
    assert api.last.headers["Api-Key"] == FAKE_KEY
    assert package_logger.handlers == [] and package_logger.level == logging.NOTSET


def test_limits_are_exported() -> None:
    from yandex_market_chat import HourlyBudget, RateLimiter
    from yandex_market_chat._budget import HourlyBudget as Budget
    from yandex_market_chat._limits import RateLimiter as Limiter

    assert (HourlyBudget, RateLimiter) == (Budget, Limiter)
    from yandex_market_chat import _budget, _limits

    homes = {"HourlyBudget": "yandex_market_chat._budget", "RateLimiter": "yandex_market_chat._limits"}
    for name, module in (("HourlyBudget", _budget), ("RateLimiter", _limits)):
        assert name in yandex_market_chat.__all__, f"{name} is not in yandex_market_chat.__all__"
        runtime_class = getattr(module, name)
        assert isinstance(runtime_class, type) and runtime_class.__module__ == homes[name]
        assert getattr(yandex_market_chat, name) is runtime_class
    star: dict[str, Any] = {}
    exec("from yandex_market_chat import *", star)
    assert star["HourlyBudget"] is _budget.HourlyBudget and star["RateLimiter"] is _limits.RateLimiter


def test_threads_making_their_first_call_share_one_httpx_client() -> None:
    client = AuthenticatedClient(token=FAKE_KEY)
    barrier = threading.Barrier(8)
    seen: list[httpx.Client] = []

    def first_call() -> None:
        barrier.wait()
        seen.append(client.get_httpx_client())

    threads = [threading.Thread(target=first_call) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(seen) == 8 and all(c is seen[0] for c in seen)
    client.close()


# --- settings checked when the client is made ---------------------------------------------------


def client_defaults() -> dict[str, tuple[str, dict[str, Any]]]:
    """Python name -> (environment variable, schema in the spec) of every parameter the client
    objects take once (`x-client-default`)."""
    found: dict[str, tuple[str, dict[str, Any]]] = {}
    for operation in OPERATIONS.values():
        for param in operation.params:
            if param["client_default"]:
                found[param["python"]] = (param["client_default"], resolve(param["schema"]))
    return found


def outside(schema: dict[str, Any]) -> list[Any]:
    """Values the schema refuses: another type (a bool is no integer), each bound passed."""
    kind = schema.get("type")
    values: list[Any] = [True, str(schema.get("example", 1))] if kind in ("integer", "number") else [1]
    values += [schema["minimum"] - 1] if "minimum" in schema else []
    values += [schema["maximum"] + 1] if "maximum" in schema else []
    values += ["x" * (schema["minLength"] - 1)] if schema.get("minLength") else []
    return values


@pytest.mark.parametrize("client_class", [YandexMarketChat, AsyncYandexMarketChat])
def test_a_client_wide_default_outside_its_schema_is_refused_when_the_client_is_made(
    client_class: type[YandexMarketChat] | type[AsyncYandexMarketChat], env: pytest.MonkeyPatch
) -> None:
    assert client_defaults(), "the spec declares no x-client-default parameter"
    for name, (variable, schema) in client_defaults().items():
        for value in outside(schema):
            with pytest.raises(InvalidRequestError) as caught:
                client_class(FAKE_KEY, **{name: value})
            assert caught.value.field == name, value
        if schema.get("type") in ("integer", "number"):
            texts = ["abc"] + [str(v) for v in outside(schema) if type(v) in (int, float)]
        else:
            texts = [v for v in outside(schema) if isinstance(v, str) and v.strip()]
        for text in texts:
            env.setenv(variable, text)
            with pytest.raises(InvalidRequestError) as caught:
                client_class(FAKE_KEY)
            assert caught.value.field == f"{name} from {variable}", text
        env.delenv(variable)


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_an_oauth_token_goes_out_as_a_bearer_token_and_is_never_shown(
    mode: str, env: pytest.MonkeyPatch
) -> None:
    api = Api()
    token = "fake-oauth-token"
    kwargs = example_call(FIRST).client_kwargs()
    if mode == "sync":
        chat: Any = YandexMarketChat(oauth_token=token, http_client=api.sync_client())
        method_call(chat, FIRST, kwargs)
    else:
        chat = AsyncYandexMarketChat(oauth_token=token, http_client=api.async_client())
        asyncio.run(amethod_call(chat, FIRST, kwargs))
    assert api.last.headers["Authorization"] == f"Bearer {token}"
    assert "Api-Key" not in api.last.headers
    assert token not in repr(chat) and token not in repr(chat.client)
    env.setenv("YANDEX_MARKET_OAUTH_TOKEN", "fake-env-oauth-token")
    method_call(YandexMarketChat(http_client=api.sync_client()), FIRST, kwargs)
    assert api.last.headers["Authorization"] == "Bearer fake-env-oauth-token"
    with pytest.raises(InvalidRequestError) as caught:
        YandexMarketChat(FAKE_KEY, oauth_token=token)
    assert caught.value.field == "oauth_token"
    env.setenv("YANDEX_MARKET_API_KEY", FAKE_KEY)
    with pytest.raises(InvalidRequestError) as caught:
        YandexMarketChat()
    assert caught.value.field == "YANDEX_MARKET_OAUTH_TOKEN" and "YANDEX_MARKET_API_KEY" in str(caught.value)


@operations_where(lambda op: single_file_field(op) is not None)
@pytest.mark.parametrize("mode", ["sync", "async"])
def test_a_file_without_a_name_is_refused_before_sending(
    operation_id: str, mode: str, env: pytest.MonkeyPatch
) -> None:
    operation = OPERATIONS[operation_id]
    field = single_file_field(operation)
    assert field is not None
    api = Api()
    for nameless in (b"%PDF-1.4 fake", io.BytesIO(b"%PDF-1.4 fake")):
        kwargs = {**example_call(operation).client_kwargs(), "file_name": None, field: nameless}
        with pytest.raises(InvalidRequestError) as caught:
            if mode == "sync":
                method_call(YandexMarketChat(FAKE_KEY, http_client=api.sync_client()), operation, kwargs)
            else:
                chat = AsyncYandexMarketChat(FAKE_KEY, http_client=api.async_client())
                asyncio.run(amethod_call(chat, operation, kwargs))
        assert caught.value.field == "file_name"
    module_kwargs = example_call(operation).module_kwargs()
    body = module_kwargs["body"]
    setattr(body, field, File(payload=b"%PDF-1.4 fake"))
    with pytest.raises(InvalidRequestError) as caught:
        call(mode, operation.module, client=mock_client(api), **module_kwargs)
    assert caught.value.field == f"{field}.file_name"
    assert api.requests == []
