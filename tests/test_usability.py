"""What a newcomer sees: help() that reads well, TypedDicts editors complete, docstrings rendered
from the spec, and errors that name the argument the user typed."""

from __future__ import annotations

import inspect
import os
import pydoc
import re
import typing
import warnings
from collections.abc import Collection, Mapping
from typing import Any

import httpx
import pytest
import yandex_market_chat.typed_dicts as typed_dicts
from conftest import FAKE_KEY
from spec_support import OPERATIONS, ROOT, SPEC, each_operation, flatten, operation_module, resolve
from yandex_market_chat import (
    AsyncYandexMarketChat,
    AuthenticatedClient,
    InvalidRequestError,
    YandexMarketChat,
)
from yandex_market_chat._settings import ENV_LOG, configure_logging_from_env
from yandex_market_chat.models import ChatContextDTO


def methods() -> list[tuple[str, str]]:
    """(operationId, method name) of every operation of the spec."""
    return [(op_id, operation_module(op_id).__name__.rsplit(".", 1)[-1]) for op_id in sorted(OPERATIONS)]


@pytest.fixture
def chat(monkeypatch: pytest.MonkeyPatch) -> YandexMarketChat:
    for name in ("YANDEX_MARKET_API_KEY", "YANDEX_MARKET_BUSINESS_ID", "YANDEX_MARKET_BASE_URL", ENV_LOG):
        monkeypatch.delenv(name, raising=False)
    http = httpx.Client(transport=httpx.MockTransport(lambda r: httpx.Response(200, json={"status": "OK"})))
    return YandexMarketChat(FAKE_KEY, business_id=1, http_client=http)


# --- help() ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("operation_id", "name"), methods())
def test_absent_optional_arguments_read_as_unset(operation_id: str, name: str) -> None:
    for cls in (YandexMarketChat, AsyncYandexMarketChat):
        text = pydoc.render_doc(getattr(cls, name))
        assert "object at 0x" not in text, text
        signature = inspect.signature(getattr(cls, name))
        for parameter in signature.parameters.values():
            if parameter.default is not inspect.Parameter.empty:
                assert repr(parameter.default) in ("UNSET", "None"), (name, parameter)


@pytest.mark.parametrize(("operation_id", "name"), methods())
def test_method_docstrings_carry_what_the_spec_says(operation_id: str, name: str) -> None:
    operation = OPERATIONS[operation_id]
    doc = inspect.getdoc(getattr(YandexMarketChat, name)) or ""
    assert doc.startswith(operation.definition["summary"])
    if operation.definition.get("x-hourly-limit"):
        assert f"{operation.definition['x-hourly-limit']:,} requests per hour" in doc
    signature = inspect.signature(getattr(YandexMarketChat, name))
    for parameter in signature.parameters:
        if parameter != "self":
            assert f"\n    {parameter}: " in doc, (name, parameter)
    if not operation.definition["x-idempotent"]:
        assert "may_have_been_delivered" in doc
    module_doc = inspect.getdoc(operation_module(operation_id).sync) or ""
    assert "Args:" in module_doc and "client: " in module_doc
    for line in module_doc.split("Args:")[1].split("Raises:")[0].strip().splitlines():
        assert not re.fullmatch(r"\s*\w+( \(.*\))?:\s*", line), f"an empty Args entry: {line!r}"


def test_constraints_reach_the_docstrings() -> None:
    message = resolve(SPEC["components"]["schemas"]["SendMessageToChatRequest"])["properties"]["message"]
    doc = inspect.getdoc(YandexMarketChat.send_message_to_chat) or ""
    assert f"{message['maxLength']:,} UTF-16 code units" in doc
    assert "never sent twice" in doc


LIMIT_KEYWORDS = ("minimum", "maximum", "minLength", "maxLength", "minItems", "maxItems", "enum")


def written_limits(schema: Mapping[str, Any]) -> list[tuple[str, Any]]:
    """(keyword, value) of every limit the spec writes for an argument: its schema's own and, for a
    list, its items' (the docstrings say them as "each ...")."""
    schema = flatten(schema)
    found = [(keyword, schema[keyword]) for keyword in LIMIT_KEYWORDS if keyword in schema]
    if schema.get("type") == "array":
        found += written_limits(schema.get("items", {}))
    return found


def args_entries(doc: str, body_fields: Collection[str] = ()) -> dict[str, str]:
    """The entries of a docstring's `Args:` section, whitespace collapsed: name -> text. The body
    fields a module function lists under `body:` (by wire name) are `body.<name>`."""
    assert "\nArgs:\n" in doc, doc
    section = doc.split("\nArgs:\n", 1)[1].split("\n\n", 1)[0]
    entries: dict[str, list[str]] = {}
    top = current = ""
    for line in section.splitlines():
        found = re.match(r"( *)(\w+): (.*)", line)
        if found and len(found[1]) == 4:
            top = current = found[2]
            entries[current] = [found[3]]
        elif found and len(found[1]) == 8 and top == "body" and found[2] in body_fields:
            current = f"body.{found[2]}"
            entries[current] = [found[3]]
        else:
            assert current, f"an Args section that does not start with an entry: {line!r}"
            entries[current].append(line.strip())
    return {name: " ".join(" ".join(words).split()) for name, words in entries.items()}


def limit_problems(where: str, entry: str, limits: list[tuple[str, Any]]) -> list[str]:
    """The limits an argument's docstring entry does not state: a bound by its number (as the
    docstrings write numbers: 4,096), a lower bound of 1 on a length or a list also as "not
    empty", an enum by every value."""
    problems = []
    for keyword, value in limits:
        if keyword == "enum":
            missing = [
                v for v in value if v is not None and not re.search(rf"\b{re.escape(str(v))}\b", entry)
            ]
            if missing:
                problems.append(f"{where}: enum values {missing} not in {entry!r}")
            continue
        number = re.escape(f"{value:,}")
        if re.search(rf"(?<![\d,.]){number}(?![\d,]|\.\d)", entry):
            continue
        if keyword in ("minLength", "minItems") and value == 1 and "not empty" in entry.lower():
            continue
        problems.append(f"{where}: {keyword} {value} not in {entry!r}")
    return problems


@each_operation
def test_every_argument_doc_carries_its_limits(operation_id: str) -> None:
    """Every limit the spec writes for a parameter or a body field is in that argument's entry of
    the client objects' method docstrings and of the module functions' `Args:`."""
    operation = OPERATIONS[operation_id]
    name = operation.name
    module = operation_module(operation_id)
    fields = (operation.body or {"fields": []})["fields"]
    body_schema = operation.body_schema or {}
    arguments = [(p["python"], p["python"], written_limits(p["schema"])) for p in operation.params]
    arguments += [
        (item["python"], f"body.{item['name']}", written_limits(body_schema["properties"][item["name"]]))
        for item in fields
    ]
    problems: list[str] = []
    for cls in (YandexMarketChat, AsyncYandexMarketChat):
        entries = args_entries(inspect.getdoc(getattr(cls, name)) or "")
        for python, _, limits in arguments:
            where = f"{cls.__name__}.{name}({python})"
            assert python in entries, f"{where}: no Args entry"
            problems += limit_problems(where, entries[python], limits)
    for function in ("sync", "sync_detailed", "asyncio", "asyncio_detailed"):
        entries = args_entries(inspect.getdoc(getattr(module, function)) or "", [f["name"] for f in fields])
        for _, key, limits in arguments:
            where = f"{module.__name__}.{function}({key})"
            assert key in entries, f"{where}: no Args entry"
            problems += limit_problems(where, entries[key], limits)
    assert problems == []


def test_structured_arguments_have_typed_dicts() -> None:
    hints = typing.get_type_hints(typed_dicts.ChatContextDTODict, include_extras=True)
    assert set(hints) == {"type", "id"}
    assert typed_dicts.ChatContextDTODict.__required_keys__ == frozenset({"type", "id"})
    annotation = inspect.signature(YandexMarketChat.create_chat).parameters["context"].annotation
    assert "ChatContextDTODict" in str(annotation) and "ChatContextDTO " in str(annotation) + " "


def test_a_dict_and_a_model_send_the_same(chat: YandexMarketChat) -> None:
    sent: list[bytes] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request.read())
        return httpx.Response(200, json={"status": "OK", "result": {"chatId": 1}})

    chat.client.set_httpx_client(httpx.Client(transport=httpx.MockTransport(answer)))
    context: typed_dicts.ChatContextDTODict = {"type": "ORDER", "id": 5}
    chat.create_chat(context=context)
    chat.create_chat(context=ChatContextDTO.from_dict({"type": "ORDER", "id": 5}))
    assert sent[0] == sent[1] == b'{"context":{"type":"ORDER","id":5}}'


# --- errors in the user's words -----------------------------------------------------------------


def test_errors_name_the_python_argument(chat: YandexMarketChat) -> None:
    with pytest.raises(InvalidRequestError) as caught:
        chat.send_message_to_chat(chat_id=0, message="x")
    assert (caught.value.field, caught.value.wire) == ("chat_id", "chatId")
    assert str(caught.value).startswith("chat_id (chatId) must be")
    with pytest.raises(InvalidRequestError) as caught:
        chat.send_message_to_chat(chat_id=1, message="")
    assert caught.value.field == "message"
    with pytest.raises(InvalidRequestError) as caught:
        chat.create_chat(context={"type": "ORDER"})  # type: ignore[arg-type]  # "id" left out on purpose
    assert caught.value.field == "context.id" and "required" in str(caught.value)


@pytest.mark.parametrize("key", ["fake key\n", " fake-key", "fake\tkey", "fake\x00key", "ключ-fake"])
def test_a_bad_key_is_named_api_key_and_never_shown(key: str) -> None:
    with pytest.raises(InvalidRequestError) as caught:
        YandexMarketChat(key, business_id=1)
    assert caught.value.field == "api_key"
    assert key.strip() not in str(caught.value) and key not in repr(caught.value)
    with pytest.raises(InvalidRequestError) as low:
        AuthenticatedClient(token=key)
    assert low.value.field == "token"


@pytest.mark.parametrize(
    "url",
    [
        "127.0.0.1:4010",
        "api.partner.market.yandex.ru",
        "ftp://host",
        "http://",
        "",
        "https://exa mple.com",
        "https://example.com\n",
        " https://example.com",
        "https://example.com/\tx",
        "https://proxy.example/api?chatId=1",  # the path would be appended to the query
        "https://proxy.example/api#top",
        "https://proxy.example/api?",
    ],
)
def test_a_base_url_without_scheme_and_host_is_refused_at_once(
    url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("YANDEX_MARKET_BASE_URL", raising=False)
    if url:
        with pytest.raises(InvalidRequestError) as caught:
            YandexMarketChat(FAKE_KEY, base_url=url)
        assert caught.value.field == "base_url"
    monkeypatch.setenv("YANDEX_MARKET_BASE_URL", url or "localhost")
    with pytest.raises(InvalidRequestError) as caught:
        YandexMarketChat(FAKE_KEY)
    assert caught.value.field == "YANDEX_MARKET_BASE_URL"


def test_an_unknown_log_level_warns_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_LOG, "verbose-for-this-test")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        configure_logging_from_env()
        configure_logging_from_env()
    relevant = [w for w in caught if ENV_LOG in str(w.message)]
    assert len(relevant) == 1 and "debug, info" in str(relevant[0].message)


def test_with_options_names_what_it_takes(chat: YandexMarketChat) -> None:
    with pytest.raises(TypeError) as caught:
        chat.with_options(foo=1)  # type: ignore[call-arg]
    assert "foo" in str(caught.value) and "max_retries" in str(caught.value)
    assert "_Options" not in str(caught.value) and "evolve" not in str(caught.value)


def test_an_unknown_client_option_names_the_options() -> None:
    with pytest.raises(TypeError) as caught:
        YandexMarketChat(FAKE_KEY, business_id=1, timout=3)  # type: ignore[call-arg]
    assert "timout" in str(caught.value) and "timeout" in str(caught.value)


# --- every setting checked where it is given ------------------------------------------------------


def paths_start() -> str:
    """The leading segments every path of the spec shares, up to its first parameter (the spec's
    paths all start /v2/businesses/{businessId})."""
    shared = os.path.commonpath([path.split("{")[0] for path in SPEC["paths"]])
    return "" if shared == "/" else shared


START = paths_start()
FIRST_SEGMENT = "/" + START.strip("/").split("/")[0]


@pytest.mark.skipif(not START, reason="the spec's paths share no leading segment")
@pytest.mark.parametrize(
    ("url", "use"),
    [
        (f"http://host{FIRST_SEGMENT}", "http://host"),
        (f"http://host{FIRST_SEGMENT}/", "http://host"),
        (f"https://proxy.example/api{START}/", "https://proxy.example/api"),
    ],
)
def test_a_base_url_ending_where_the_paths_begin_is_refused_with_the_fix(
    url: str, use: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("YANDEX_MARKET_BASE_URL", raising=False)
    for make in (
        lambda: YandexMarketChat(FAKE_KEY, base_url=url),
        lambda: AsyncYandexMarketChat(FAKE_KEY, base_url=url),
        lambda: AuthenticatedClient(token=FAKE_KEY, base_url=url),
    ):
        with pytest.raises(InvalidRequestError) as caught:
            make()
        assert caught.value.field == "base_url" and repr(use) in str(caught.value)
    monkeypatch.setenv("YANDEX_MARKET_BASE_URL", url)
    with pytest.raises(InvalidRequestError) as caught:
        YandexMarketChat(FAKE_KEY)
    assert caught.value.field == "YANDEX_MARKET_BASE_URL"


def test_a_base_url_with_a_proxy_prefix_keeps_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("YANDEX_MARKET_BUSINESS_ID", raising=False)
    sent: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, json={"status": "OK"})

    http = httpx.Client(transport=httpx.MockTransport(answer))
    chat = YandexMarketChat(FAKE_KEY, business_id=1, base_url="http://host/proxy/", http_client=http)
    chat.send_message_to_chat(chat_id=2, message="hi")
    path = next(
        path
        for path, item in SPEC["paths"].items()
        if item.get("post", {}).get("operationId") == "sendMessageToChat"
    )
    assert str(sent[0].url) == "http://host/proxy" + path.replace("{businessId}", "1") + "?chatId=2"


def test_a_wrong_type_is_invalid_request_error_for_every_kind_of_argument(chat: YandexMarketChat) -> None:
    wrong: list[tuple[str, Any]] = [
        ("business_id", lambda: YandexMarketChat(FAKE_KEY, business_id="111")),  # type: ignore[arg-type]
        ("business_id", lambda: YandexMarketChat(FAKE_KEY, business_id=True)),
        ("timeout", lambda: YandexMarketChat(FAKE_KEY, timeout="5")),  # type: ignore[arg-type]
        ("max_retries", lambda: YandexMarketChat(FAKE_KEY, max_retries="2")),  # type: ignore[arg-type]
        ("max_rate_limit_wait", lambda: chat.with_options(max_rate_limit_wait="1")),  # type: ignore[arg-type]
        ("http_client", lambda: YandexMarketChat(FAKE_KEY, http_client=object())),  # type: ignore[arg-type]
        ("default_headers['X-Shop']", lambda: YandexMarketChat(FAKE_KEY, default_headers={"X-Shop": 1})),  # type: ignore[dict-item]
        ("default_headers", lambda: YandexMarketChat(FAKE_KEY, default_headers=5)),  # type: ignore[arg-type]
        ("rate_limiter", lambda: YandexMarketChat(FAKE_KEY, rate_limiter="shared")),  # type: ignore[arg-type]
        ("integration", lambda: YandexMarketChat(FAKE_KEY, integration=5)),  # type: ignore[arg-type]
        ("extra_headers", lambda: chat.send_message_to_chat(chat_id=2, message="hi", extra_headers=5)),  # type: ignore[arg-type]
        ("chat_id", lambda: chat.send_message_to_chat(chat_id="2", message="hi")),  # type: ignore[arg-type]
        ("message", lambda: chat.send_message_to_chat(chat_id=2, message=42)),  # type: ignore[arg-type]
        ("file", lambda: chat.send_file_to_chat(chat_id=2, file=123)),  # type: ignore[arg-type]
        ("file_name", lambda: chat.send_file_to_chat(chat_id=2, file=b"x", file_name=1)),  # type: ignore[arg-type]
        ("mime_type", lambda: chat.send_file_to_chat(chat_id=2, file=b"x", file_name="a", mime_type=1)),  # type: ignore[arg-type]
    ]
    for field, make in wrong:
        with pytest.raises(InvalidRequestError) as caught:
            make()
        assert caught.value.field == field, str(caught.value)
        assert isinstance(caught.value, TypeError) and isinstance(caught.value, ValueError)


def test_a_whitespace_only_message_is_refused_before_sending(chat: YandexMarketChat) -> None:
    for blank in (" ", "   \n\t", "\u3000"):
        with pytest.raises(InvalidRequestError) as caught:
            chat.send_message_to_chat(chat_id=2, message=blank)
        assert caught.value.field == "message" and "blank" in str(caught.value)
    chat.send_message_to_chat(chat_id=2, message=" hi ")  # (spaces around a word are a message)


def test_the_constants_the_docs_name_are_public() -> None:
    import yandex_market_chat

    expected = {  # the values the docs state
        "MAX_ANSWER_BYTES": 4 * 1024 * 1024,
        "MAX_TIMEOUT": 86_400.0,
        "DEFAULT_MAX_RETRIES": 2,
        "DEFAULT_MAX_RATE_LIMIT_WAIT": 60.0,
        "DEFAULT_MAX_IN_FLIGHT": 4,
        "DEFAULT_TIMEOUT": httpx.Timeout(30.0, connect=10.0),
        "DEFAULT_BASE_URL": SPEC["servers"][0]["url"],
    }
    for name, value in expected.items():
        assert name in yandex_market_chat.__all__ and getattr(yandex_market_chat, name) == value, name
    for page in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        assert "yandex_market_chat._" not in page.read_text(), f"{page.name} points at a private module"
