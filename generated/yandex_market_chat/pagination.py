"""Pages of the operations that page (declared with `x-paging` in the spec).

A paged method of YandexMarketChat returns the first page, a `SyncPage`; iterating it yields the
items of that page and of every later one, fetched as the loop needs them. The same request is
sent for every page, only the cursor (the page token) changing; each page goes through the same
limits and retries as any call. Iteration ends when an answer has no next token, when the token
is the one just sent, or when a page is empty (even if it carries a token: no endless loop).
Items are de-duplicated across pages by the operation's `item-key`; an operation that declares
`after` takes an `after_<item-key>` argument: the listing starts at that item (the service's own
parameter) and the item itself is left out, whether or not the service sends it back.

AsyncYandexMarketChat returns an `AsyncPager`: `await` it for the first page (an `AsyncPage`),
or `async for` over it for the items of every page.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Generator, Hashable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, Generic, TypeVar

from .errors import InvalidRequestError
from .types import UNSET, Unset

ItemT = TypeVar("ItemT")
PageT = TypeVar("PageT")


def walk(answer: object, path: Sequence[str]) -> Any:
    """The value at an attribute path of a parsed answer; None where a step is missing or UNSET."""
    value: Any = answer
    for name in path:
        if value is None or isinstance(value, Unset):
            return None
        value = getattr(value, name, None)
    return None if isinstance(value, Unset) else value


def start_after(after: Any, given: Any, after_name: str, field_name: str) -> Any:
    """The value of the body field that starts a listing: `after` when given (then `given`, the
    field itself, must not be), else `given`."""
    if isinstance(after, Unset):
        return given
    if not isinstance(given, Unset):
        raise InvalidRequestError(after_name, f"and {field_name} cannot both be given")
    return after


class Paging:
    """How one paged call pages: where the next token and the items are in a parsed answer (attribute
    paths), what identifies an item (for de-duplication across pages), and an item key to leave out
    (the item a listing starts after). (A plain class: a NamedTuple costs more to import.)"""

    __slots__ = ("hide", "item_key", "items", "next_token", "start")

    def __init__(
        self,
        next_token: Sequence[str],
        items: Sequence[str],
        item_key: str | None = None,
        hide: object = UNSET,
        start: tuple[str, str] | None = None,
    ) -> None:
        self.next_token, self.items, self.item_key, self.hide = next_token, items, item_key, hide
        self.start = start
        """(body field, argument) of an operation that declares `after`: the field `hide` was sent in."""

    @contextmanager
    def naming(self) -> Iterator[None]:
        """An InvalidRequestError about the field `hide` was sent in names the argument the caller
        gave (`after_message_id`, not `message_id_from`)."""
        try:
            yield
        except InvalidRequestError as error:
            if self.start is None or isinstance(self.hide, Unset) or error.field != self.start[0]:
                raise
            raise InvalidRequestError(self.start[1], error.problem, wire=error.wire) from None

    def items_of(self, answer: object) -> list[Any]:
        items = walk(answer, self.items)
        return list(items) if items else []

    def next_of(self, answer: object, items: list[Any], sent: str | Unset) -> str | None:
        """The next page's token: None when there is none, the page is empty or the token is the one
        just sent (no endless loop)."""
        token = walk(answer, self.next_token)
        if not isinstance(token, str) or not token or not items or token == sent:
            return None
        return token

    def seen_at_start(self) -> set[object]:
        return set() if isinstance(self.hide, Unset) else {self.hide}

    def fresh(self, items: list[ItemT], seen: set[object]) -> Iterator[ItemT]:
        """Items not met on an earlier page (by item key), noting them as met. (An item whose key
        is missing or cannot be a set member is passed through.)"""
        if self.item_key is None:
            yield from items
            return
        for item in items:
            key = getattr(item, self.item_key, None)
            if isinstance(key, Hashable) and key is not None and not isinstance(key, Unset):
                if key in seen:
                    continue
                seen.add(key)
            yield item


class _Page(Generic[ItemT, PageT]):
    """What a sync and an async page share: the answer, its items and the next token."""

    def __init__(self, sent: str | Unset, answer: PageT, paging: Paging) -> None:
        self._paging = paging
        self.answer: PageT = answer
        """The parsed answer of this page."""
        self.items: list[ItemT] = paging.items_of(answer)
        """The items of this page, as the answer has them (iterate the page for the items of
        every page, de-duplicated)."""
        self.next_page_token: str | None = paging.next_of(answer, self.items, sent)
        """The token of the next page; None on the last page."""

    def has_next_page(self) -> bool:
        return self.next_page_token is not None

    def _next_token(self) -> str:
        if self.next_page_token is None:
            raise LookupError("there is no next page: check has_next_page() first")
        return self.next_page_token

    def __repr__(self) -> str:
        return f"{type(self).__name__}(items={len(self.items)}, next_page_token={self.next_page_token!r})"


class SyncPage(_Page[ItemT, PageT]):
    """One page of a paged operation. Iterating it yields the items of this page and of every
    later one (fetched lazily); `items` is this page's alone, `answer` the parsed answer."""

    def __init__(
        self, fetch: Callable[[str | Unset], PageT], sent: str | Unset, answer: PageT, paging: Paging
    ) -> None:
        super().__init__(sent, answer, paging)
        self._fetch = fetch

    @classmethod
    def first(
        cls, fetch: Callable[[str | Unset], PageT], token: str | Unset, paging: Paging
    ) -> SyncPage[ItemT, PageT]:
        """Fetch the first page (at `token`, or the very first when it is UNSET)."""
        with paging.naming():
            answer = fetch(token)
        return cls(fetch, token, answer, paging)

    def get_next_page(self) -> SyncPage[ItemT, PageT]:
        """Fetch the next page; LookupError when there is none (check has_next_page())."""
        token = self._next_token()
        return SyncPage(self._fetch, token, self._fetch(token), self._paging)

    def iter_pages(self) -> Iterator[SyncPage[ItemT, PageT]]:
        """This page and every later one, each fetched when the loop gets to it."""
        page = self
        yield page
        while page.has_next_page():
            page = page.get_next_page()
            yield page

    def __iter__(self) -> Iterator[ItemT]:
        seen = self._paging.seen_at_start()
        for page in self.iter_pages():
            yield from self._paging.fresh(page.items, seen)


class AsyncPage(_Page[ItemT, PageT]):
    """The async twin of SyncPage: `async for` yields the items of this page and the later ones."""

    def __init__(
        self,
        fetch: Callable[[str | Unset], Awaitable[PageT]],
        sent: str | Unset,
        answer: PageT,
        paging: Paging,
    ) -> None:
        super().__init__(sent, answer, paging)
        self._fetch = fetch

    async def get_next_page(self) -> AsyncPage[ItemT, PageT]:
        """Fetch the next page; LookupError when there is none (check has_next_page())."""
        token = self._next_token()
        return AsyncPage(self._fetch, token, await self._fetch(token), self._paging)

    async def iter_pages(self) -> AsyncIterator[AsyncPage[ItemT, PageT]]:
        page = self
        yield page
        while page.has_next_page():
            page = await page.get_next_page()
            yield page

    async def __aiter__(self) -> AsyncIterator[ItemT]:
        seen = self._paging.seen_at_start()
        async for page in self.iter_pages():
            for item in self._paging.fresh(page.items, seen):
                yield item


class AsyncPager(Generic[ItemT, PageT]):
    """What a paged method of AsyncYandexMarketChat returns: `await` it for the first page, or
    `async for` over it for the items of every page."""

    def __init__(
        self, fetch: Callable[[str | Unset], Awaitable[PageT]], token: str | Unset, paging: Paging
    ) -> None:
        self._fetch, self._token, self._paging = fetch, token, paging

    async def first_page(self) -> AsyncPage[ItemT, PageT]:
        with self._paging.naming():
            answer = await self._fetch(self._token)
        return AsyncPage(self._fetch, self._token, answer, self._paging)

    def __await__(self) -> Generator[Any, None, AsyncPage[ItemT, PageT]]:
        return self.first_page().__await__()

    async def iter_pages(self) -> AsyncIterator[AsyncPage[ItemT, PageT]]:
        page = await self.first_page()
        async for each in page.iter_pages():
            yield each

    async def __aiter__(self) -> AsyncIterator[ItemT]:
        page = await self.first_page()
        async for item in page:
            yield item
