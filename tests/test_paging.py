"""Auto-paging, for every operation the spec declares paged (`x-paging`), sync and async, against
a loopback server that serves pages: every item once, the same request each page with only the
token changing, the end at a missing paging, a missing token, an empty page or a repeated token,
a 420 in the middle waited out at the same page, a bad page raised after the items before it."""

from __future__ import annotations

import copy
import json
import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import SimpleNamespace
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import httpx
import pytest
from conftest import FAKE_KEY, TLS, run
from loopback import serve_in_background
from spec_support import OPERATIONS, Operation, bounds, example_call, operations_where
from yandex_market_chat import (
    APITimeoutError,
    AsyncYandexMarketChat,
    InvalidRequestError,
    ResponseValidationError,
    YandexMarketChat,
)
from yandex_market_chat.pagination import Paging
from yandex_market_chat.types import UNSET

each_paged_operation = operations_where(lambda op: op.paged)
each_operation_with_a_start = operations_where(lambda op: op.paged and op.paging.after is not None)
Page = tuple[int, Any, dict[str, str]]
"""(status, JSON body, headers) of one answer."""


RUNAWAY = 60
"""Requests after which PageServer answers 400: a listing that does not end fails its test instead
of hanging it."""


class PageServer:
    """Answers the paged operation's path from a script: token (None for the first page) ->
    the answers to give, in turn (the last one again when they run out); a token not in the script
    is answered by `otherwise(token)`."""

    def __init__(self, cursor: str) -> None:
        self.cursor = cursor
        """The query parameter that carries the page token (the operation's `x-paging` cursor)."""
        self.script: dict[str | None, list[Page]] = {}
        self.otherwise: Callable[[str | None], Page] | None = None
        self.seen: list[tuple[dict[str, str], Any]] = []
        """(query, JSON body) of every request, in order."""
        handler = self._handler()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._thread = serve_in_background(self._server)
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def _answer(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = json.loads(self.rfile.read(length)) if length else None
                query = dict(parse_qsl(urlsplit(self.path).query))
                server.seen.append((query, body))
                token = query.get(server.cursor)
                answer: Page
                if len(server.seen) > RUNAWAY:
                    answer = (400, {"status": "ERROR", "errors": [{"code": "RUNAWAY"}]}, {})
                elif token not in server.script and server.otherwise is not None:
                    answer = server.otherwise(token)
                else:
                    answers = server.script[token]
                    answer = answers.pop(0) if len(answers) > 1 else answers[0]
                status, payload, headers = answer
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                for name, value in headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = _answer

            def log_message(self, *args: object) -> None:
                pass

        return Handler

    def tokens(self) -> list[str | None]:
        return [query.get(self.cursor) for query, _ in self.seen]

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()


@pytest.fixture
def server(operation_id: str) -> Iterator[PageServer]:
    made = PageServer(OPERATIONS[operation_id].definition["x-paging"]["cursor"])
    yield made
    made.stop()


class Pages:
    """Answers of one paged operation, shaped like its example answer."""

    def __init__(self, operation: Operation) -> None:
        self.operation = operation
        self.paging = operation.definition["x-paging"]
        self.example = operation.example_answer(operation.success_status)
        self.template = self._at(self.example, self.paging["items"])[0]

    @staticmethod
    def _at(node: Any, dotted: str) -> Any:
        for part in dotted.split("."):
            node = node[part]
        return node

    def item(self, key: int) -> dict[str, Any]:
        made: dict[str, Any] = copy.deepcopy(self.template)
        made[self.paging["item-key"]] = key
        return made

    def answer(self, keys: list[int], token: str | None, *, paging: bool = True) -> Page:
        """An answer with the items of these keys and this next token (`paging=False`: no paging)."""
        body = copy.deepcopy(self.example)
        *parents, last = self.paging["items"].split(".")
        node = body
        for part in parents:
            node = node[part]
        node[last] = [self.item(key) for key in keys]
        *parents, name = self.paging["next"].split(".")
        holder_path, holder_name = parents[:-1], parents[-1]
        node = body
        for part in holder_path:
            node = node[part]
        if not paging:
            node.pop(holder_name, None)
        else:
            node[holder_name] = {} if token is None else {name: token}
        return 200, body, {}

    def five_in_three(self) -> dict[str | None, list[Page]]:
        """A script of three pages: items 1, 2 (token t1), 3, 4 (t2), and 5, the last."""
        return {
            None: [self.answer([1, 2], "t1")],
            "t1": [self.answer([3, 4], "t2")],
            "t2": [self.answer([5], None)],
        }


def call_arguments(operation: Operation, **changes: Any) -> dict[str, Any]:
    """The example call's client-object arguments, without a page token (the first page)."""
    kwargs = example_call(operation).client_kwargs()
    kwargs.pop(operation.paging.cursor, None)
    kwargs.update(changes)
    return kwargs


def key_of(operation: Operation, item: Any) -> Any:
    return getattr(item, str(operation.paging.item_key))


def collect(mode: str, operation: Operation, url: str, **changes: Any) -> list[Any]:
    """Every item the client object's method yields, sync or async."""
    arguments = call_arguments(operation, **changes)

    def sync() -> list[Any]:
        with YandexMarketChat(FAKE_KEY, base_url=url) as chat:
            return list(getattr(chat, operation.name)(**arguments))

    async def asynchronous() -> list[Any]:
        async with AsyncYandexMarketChat(FAKE_KEY, base_url=url) as chat:
            return [item async for item in getattr(chat, operation.name)(**arguments)]

    return list(run(mode, sync, asynchronous))


@each_paged_operation
def test_three_pages_give_every_item_once_resending_the_same_request(
    mode: str, operation_id: str, server: PageServer
) -> None:
    operation = OPERATIONS[operation_id]
    pages = Pages(operation)
    first, second = "t/1+=", "t 2&x=?"  # (each sent back as it came, escaped in the query)
    server.script = {
        None: [pages.answer([1, 2, 3], first)],
        first: [pages.answer([4, 5, 6], second)],
        second: [pages.answer([7, 8], None)],
    }
    items = collect(mode, operation, server.url)
    assert [key_of(operation, item) for item in items] == [1, 2, 3, 4, 5, 6, 7, 8]
    assert server.tokens() == [None, first, second]
    queries = [[(k, v) for k, v in query.items() if k != server.cursor] for query, _ in server.seen]
    bodies = [body for _, body in server.seen]
    assert all(query == queries[0] for query in queries) and all(body == bodies[0] for body in bodies)
    assert bodies[0] == example_call(operation).wire().json
    cursor_at = [list(query).index(server.cursor) for query, _ in server.seen[1:]]
    assert cursor_at == [list(example_call(operation).wire().query).index(server.cursor)] * 2


@each_paged_operation
def test_params_of_your_own_httpx_client_go_with_every_page(
    mode: str, operation_id: str, server: PageServer
) -> None:
    # httpx merges a client's own params into each request's: the pages after the first, whose
    # query is written once and only the cursor again, carry them too.
    operation = OPERATIONS[operation_id]
    server.script = Pages(operation).five_in_three()
    arguments = call_arguments(operation)

    def sync() -> list[Any]:
        with (
            httpx.Client(params={"tenant": "t-1"}, verify=TLS) as http,
            YandexMarketChat(FAKE_KEY, base_url=server.url, http_client=http) as chat,
        ):
            return list(getattr(chat, operation.name)(**arguments))

    async def asynchronous() -> list[Any]:
        async with (
            httpx.AsyncClient(params={"tenant": "t-1"}, verify=TLS) as http,
            AsyncYandexMarketChat(FAKE_KEY, base_url=server.url, http_client=http) as chat,
        ):
            return [item async for item in getattr(chat, operation.name)(**arguments)]

    items = run(mode, sync, asynchronous)
    assert [key_of(operation, item) for item in items] == [1, 2, 3, 4, 5]
    assert server.tokens() == [None, "t1", "t2"]
    assert [query.get("tenant") for query, _ in server.seen] == ["t-1"] * 3
    wire = {k: v for k, v in example_call(operation).wire().query.items() if k != server.cursor}
    assert all(query.items() >= wire.items() for query, _ in server.seen)


def list_argument(operation: Operation) -> str | None:
    """The first argument of the example call given as a list (a caller could change it later)."""
    return next((k for k, v in call_arguments(operation).items() if isinstance(v, list) and len(v) > 1), None)


@operations_where(lambda op: op.paged and list_argument(op) is not None)
def test_the_arguments_are_read_once_a_list_changed_while_paging_changes_no_page(
    mode: str, operation_id: str, server: PageServer
) -> None:
    operation = OPERATIONS[operation_id]
    pages = Pages(operation)
    server.script = pages.five_in_three()
    arguments = call_arguments(operation)
    given = arguments[str(list_argument(operation))]

    def sync() -> list[Any]:
        with YandexMarketChat(FAKE_KEY, base_url=server.url) as chat:
            page = getattr(chat, operation.name)(**arguments)
            given.reverse()  # after the first page: the later ones are still the listing it began
            return list(page)

    async def asynchronous() -> list[Any]:
        async with AsyncYandexMarketChat(FAKE_KEY, base_url=server.url) as chat:
            page = await getattr(chat, operation.name)(**arguments)
            given.reverse()
            return [item async for item in page]

    items = run(mode, sync, asynchronous)
    assert [key_of(operation, item) for item in items] == [1, 2, 3, 4, 5]
    bodies = [body for _, body in server.seen]
    assert len(bodies) == 3 and bodies[1] == bodies[2] == bodies[0] == example_call(operation).wire().json


@each_paged_operation
@pytest.mark.parametrize("end", ["no paging", "no token", "empty page with a token", "the same token again"])
def test_the_end_comes_without_an_endless_loop(
    mode: str, operation_id: str, end: str, server: PageServer
) -> None:
    operation = OPERATIONS[operation_id]
    pages = Pages(operation)
    last = {
        "no paging": pages.answer([4], None, paging=False),
        "no token": pages.answer([4], None),
        "empty page with a token": pages.answer([], "t2"),
        "the same token again": pages.answer([4], "t1"),
    }[end]
    server.script = {None: [pages.answer([1, 2, 3], "t1")], "t1": [last], "t2": [pages.answer([9], None)]}
    items = collect(mode, operation, server.url)
    expected = [1, 2, 3] if end == "empty page with a token" else [1, 2, 3, 4]
    assert [key_of(operation, item) for item in items] == expected
    assert server.tokens() == [None, "t1"]


@each_paged_operation
@pytest.mark.parametrize("stall", ["tokens cycle A, B, A", "a fresh token with the same items"])
def test_paging_that_makes_no_progress_ends(
    mode: str, operation_id: str, stall: str, server: PageServer
) -> None:
    # A token sent before in this listing, or a page with no item not met before, ends it: the
    # loop would otherwise spend the hour's requests yielding nothing, unable even to `break`.
    operation = OPERATIONS[operation_id]
    pages = Pages(operation)
    if stall == "tokens cycle A, B, A":
        server.script = {
            None: [pages.answer([1, 2], "A")],
            "A": [pages.answer([3], "B")],
            "B": [pages.answer([4], "A")],
        }
        expected_tokens: list[str | None] = [None, "A", "B"]
    else:
        server.script = {None: [pages.answer([1, 2], "t1")]}
        server.otherwise = lambda token: pages.answer([2], f"{token}+")
        expected_tokens = [None, "t1"]
    items = collect(mode, operation, server.url)
    assert [key_of(operation, item) for item in items] == (
        [1, 2, 3, 4] if stall.startswith("tokens") else [1, 2]
    )
    assert server.tokens() == expected_tokens


@each_paged_operation
def test_a_420_in_the_middle_waits_and_resumes_at_the_same_page(
    mode: str, operation_id: str, server: PageServer
) -> None:
    operation = OPERATIONS[operation_id]
    pages = Pages(operation)
    until = datetime.now(UTC) + timedelta(seconds=1)
    limited: Page = (
        420,
        {"status": "ERROR", "errors": [{"code": "LIMIT_EXCEEDED", "message": "Hit rate limit"}]},
        {
            "X-RateLimit-Resource-Limit": "10",
            "X-RateLimit-Resource-Remaining": "0",
            "X-RateLimit-Resource-Until": format_datetime(until, usegmt=True),
        },
    )
    server.script = {
        None: [pages.answer([1, 2], "t1")],
        "t1": [limited, pages.answer([3, 4], "t2")],
        "t2": [pages.answer([5], None)],
    }
    items = collect(mode, operation, server.url)
    assert [key_of(operation, item) for item in items] == [1, 2, 3, 4, 5]
    assert server.tokens() == [None, "t1", "t1", "t2"]


@each_paged_operation
def test_an_item_repeated_on_its_page_or_a_later_one_is_yielded_once(
    mode: str, operation_id: str, server: PageServer
) -> None:
    operation = OPERATIONS[operation_id]
    pages = Pages(operation)
    server.script = {None: [pages.answer([1, 2, 2, 3], "t1")], "t1": [pages.answer([3, 4], None)]}
    items = collect(mode, operation, server.url)
    assert [key_of(operation, item) for item in items] == [1, 2, 3, 4]


@each_paged_operation
def test_a_page_that_breaks_the_spec_raises_after_the_items_before_it(
    mode: str, operation_id: str, server: PageServer
) -> None:
    operation = OPERATIONS[operation_id]
    pages = Pages(operation)
    broken = pages.answer([4], None)
    *parents, last = operation.definition["x-paging"]["items"].split(".")
    holder = broken[1]
    for part in parents:
        holder = holder[part]
    del holder[last]  # a required list missing
    server.script = {None: [pages.answer([1, 2], "t1")], "t1": [broken]}
    arguments = call_arguments(operation)
    seen: list[Any] = []

    def sync() -> None:
        with YandexMarketChat(FAKE_KEY, base_url=server.url) as chat:
            for item in getattr(chat, operation.name)(**arguments):
                seen.append(item)

    async def asynchronous() -> None:
        async with AsyncYandexMarketChat(FAKE_KEY, base_url=server.url) as chat:
            async for item in getattr(chat, operation.name)(**arguments):
                seen.append(item)

    with pytest.raises(ResponseValidationError) as caught:
        run(mode, sync, asynchronous)
    assert [key_of(operation, item) for item in seen] == [1, 2]
    assert f"{last!r} is missing" in str(caught.value)


@each_paged_operation
@pytest.mark.parametrize(
    "token", [7, {"token": "t2"}, "t\ud800"], ids=["a number", "an object", "a lone surrogate"]
)
def test_a_next_token_that_breaks_the_spec_is_a_response_validation_error(
    mode: str, operation_id: str, token: Any, server: PageServer
) -> None:
    # The README promises ResponseValidationError for a 2xx that does not fit the spec: an off-spec
    # token must neither end the listing quietly (later pages lost) nor be refused as if the
    # caller had given it (InvalidRequestError naming page_token).
    operation = OPERATIONS[operation_id]
    pages = Pages(operation)
    broken = pages.answer([3], "placeholder")
    *parents, name = operation.definition["x-paging"]["next"].split(".")
    holder = broken[1]
    for part in parents:
        holder = holder[part]
    holder[name] = token
    server.script = {None: [pages.answer([1, 2], "t1")], "t1": [broken], "t2": [pages.answer([4], None)]}
    with pytest.raises(ResponseValidationError) as caught:
        collect(mode, operation, server.url)
    assert operation.definition["x-paging"]["next"] in str(caught.value)
    assert server.tokens() == [None, "t1"]


@each_paged_operation
def test_a_call_s_timeout_and_max_retries_hold_for_every_page(
    mode: str, operation_id: str, server: PageServer
) -> None:
    """`timeout=` and `max_retries=` given to the call reach the later pages: a second page that
    comes only when the test lets it is APITimeoutError after one attempt (with the client's own
    30 s and 2 retries, it would wait for it, then get it)."""
    operation = OPERATIONS[operation_id]
    pages = Pages(operation)
    release = threading.Event()

    def held(_: str | None) -> Page:
        release.wait(10)
        return pages.answer([3], None)

    server.script = {None: [pages.answer([1, 2], "t1")]}
    server.otherwise = held
    try:
        with pytest.raises(APITimeoutError):
            collect(mode, operation, server.url, timeout=0.3, max_retries=0)
    finally:
        release.set()
    assert server.tokens() == [None, "t1"]


@each_paged_operation
def test_page_by_page(mode: str, operation_id: str, server: PageServer) -> None:
    operation = OPERATIONS[operation_id]
    pages = Pages(operation)
    server.script = {None: [pages.answer([1, 2], "t1")], "t1": [pages.answer([3], None)]}
    arguments = call_arguments(operation)

    def sync() -> list[Any]:
        with YandexMarketChat(FAKE_KEY, base_url=server.url) as chat:
            first = getattr(chat, operation.name)(**arguments)
            assert [key_of(operation, item) for item in first.items] == [1, 2]
            assert first.next_page_token == "t1" and first.has_next_page()
            assert type(first.answer).__name__ == operation.success_model
            second = first.get_next_page()
            assert not second.has_next_page() and second.next_page_token is None
            with pytest.raises(LookupError):
                second.get_next_page()
            assert [key_of(operation, item) for item in first] == [1, 2, 3]  # paged again: the same items
            return [[key_of(operation, item) for item in page.items] for page in first.iter_pages()]

    async def asynchronous() -> list[Any]:
        async with AsyncYandexMarketChat(FAKE_KEY, base_url=server.url) as chat:
            first = await getattr(chat, operation.name)(**arguments)
            assert [key_of(operation, item) for item in first.items] == [1, 2]
            assert first.next_page_token == "t1" and first.has_next_page()
            second = await first.get_next_page()
            assert not second.has_next_page()
            with pytest.raises(LookupError):
                await second.get_next_page()
            assert [key_of(operation, item) async for item in first] == [1, 2, 3]
            return [[key_of(operation, item) for item in page.items] async for page in first.iter_pages()]

    assert run(mode, sync, asynchronous) == [[1, 2], [3]]
    assert server.tokens() == [None, "t1", "t1", "t1"]


@each_paged_operation
async def test_async_for_over_an_awaited_page_yields_the_items_of_every_page(
    operation_id: str, server: PageServer
) -> None:
    operation = OPERATIONS[operation_id]
    pages = Pages(operation)
    server.script = pages.five_in_three()
    async with AsyncYandexMarketChat(FAKE_KEY, base_url=server.url) as chat:
        page = await getattr(chat, operation.name)(**call_arguments(operation))
        items = [item async for item in page]
    assert [key_of(operation, item) for item in items] == [1, 2, 3, 4, 5]
    assert server.tokens() == [None, "t1", "t2"]


@each_operation_with_a_start
def test_after_an_item_sends_where_to_start_and_hides_that_item(
    mode: str, operation_id: str, server: PageServer
) -> None:
    operation = OPERATIONS[operation_id]
    after = operation.paging.after
    assert after is not None
    wire_field = operation.definition["x-paging"]["after"]
    pages = Pages(operation)
    server.script = {None: [pages.answer([41, 42, 43], "t1")], "t1": [pages.answer([44], None)]}
    items = collect(mode, operation, server.url, **{after.argument: 41, after.field: UNSET})
    assert [key_of(operation, item) for item in items] == [42, 43, 44]
    assert [body[wire_field] for _, body in server.seen] == [41, 41]
    with pytest.raises(InvalidRequestError) as caught:
        collect(mode, operation, server.url, **{after.argument: 41, after.field: 41})
    assert caught.value.field == after.argument
    assert len(server.seen) == 2, "a bad call must not reach the server"
    for bound in (each for each in bounds(operation) if each.where == after.field):
        for value in bound.outside:  # a bad start is named as the argument the caller gave
            with pytest.raises(InvalidRequestError) as named:
                collect(mode, operation, server.url, **{after.argument: value, after.field: UNSET})
            assert named.value.field == after.argument, named.value
    assert len(server.seen) == 2, "a bad call must not reach the server"


def collect_after(mode: str, operation: Operation, server: PageServer, start: int) -> list[Any]:
    after = operation.paging.after
    assert after is not None
    items = collect(mode, operation, server.url, **{after.argument: start, after.field: UNSET})
    return [key_of(operation, item) for item in items]


@each_operation_with_a_start
def test_after_an_item_yields_only_later_keys_whatever_order_the_pages_come_in(
    mode: str, operation_id: str, server: PageServer
) -> None:
    operation = OPERATIONS[operation_id]
    pages = Pages(operation)
    server.script = {
        None: [pages.answer([45, 40, 41], "t1")],
        "t1": [pages.answer([39, 38], "t2")],  # left empty by the filter: not the end
        "t2": [pages.answer([46, 12], None)],
    }
    assert collect_after(mode, operation, server, 41) == [45, 46]
    assert server.tokens() == [None, "t1", "t2"]


@each_operation_with_a_start
@pytest.mark.parametrize("tokens", ["fresh", "cycling"])
def test_after_an_item_empty_pages_with_a_token_are_followed_but_not_forever(
    mode: str, operation_id: str, tokens: str, server: PageServer
) -> None:
    # A service that leaves out the items up to the start may answer empty pages before the newer
    # ones: the listing goes on past them. But not forever: the README allows 10 empty pages in a
    # row (so at most 11 requests); a token sent before ends the listing at once.
    operation = OPERATIONS[operation_id]
    pages = Pages(operation)
    server.script = {
        None: [pages.answer([], "t1")],
        "t1": [pages.answer([], "t2")],
        "t2": [pages.answer([42, 43], None)],
    }
    assert collect_after(mode, operation, server, 41) == [42, 43]
    server.seen.clear()
    if tokens == "fresh":
        server.script = {}
        server.otherwise = lambda token: pages.answer([], f"{token}+")
        assert collect_after(mode, operation, server, 41) == []
        assert len(server.seen) == 11
    else:
        server.script = {
            None: [pages.answer([], "A")],
            "A": [pages.answer([], "B")],
            "B": [pages.answer([], "A")],
        }
        assert collect_after(mode, operation, server, 41) == []
        assert server.tokens() == [None, "A", "B"]


@pytest.mark.parametrize(
    "keyless", [[1], (1, [2]), None, UNSET], ids=["list", "tuple-holding-a-list", "None", "UNSET"]
)
def test_an_item_whose_key_cannot_be_a_set_member_passes_through_and_is_no_progress(keyless: object) -> None:
    # A page from a server that breaks the spec (an id that is a list, or null) must not raise a raw
    # TypeError from the de-duplication: the items are given as they came. Such an item is nothing
    # new, so a page of nothing else ends the listing, whether or not the page before had repeats.
    paging = Paging(next_token=("next",), items=("items",), item_key="key")
    items = [
        SimpleNamespace(key=keyless),
        SimpleNamespace(key=keyless),
        SimpleNamespace(key=2),
        SimpleNamespace(key=2),
    ]
    _, fresh, _, trail = paging.read(SimpleNamespace(items=items, next="t1"), UNSET, paging.trail_at_start())
    assert fresh == items[:3]
    keyless_only = [SimpleNamespace(key=keyless)]
    _, fresh, token, _ = paging.read(SimpleNamespace(items=keyless_only, next="t2"), "t1", trail)
    assert fresh == keyless_only and token is None
