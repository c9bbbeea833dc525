"""Pages of the operations that page (declared with `x-paging` in the spec).

A paged method of YandexMarketChat returns the first page, a `SyncPage`; iterating it yields the
items of that page and of every later one, fetched as the loop needs them. The same request is
sent for every page, only the cursor (the page token) changing; each page goes through the same
limits and retries as any call. Items are de-duplicated across pages by the operation's `item-key`.

Paging always ends. There is no next page when the answer has no next token, when the token is one
already sent in this listing (A -> B -> A ends at the second A), or when the page brings no item
not met on an earlier page (by item key; an empty page too, even with a token: a fresh token
every time with the same items ends after the first repeat).

An operation that declares `after` takes an `after_<item-key>` argument N: the listing starts at
that item (the service's own parameter), and only items whose key is greater than N are yielded,
whatever order the pages come in. Items at or below N still count as progress (they are new), so a
page left empty by that filter does not end the listing; and since a service may leave out the
items at or below N itself, up to `EMPTY_PAGES_AFTER` empty pages in a row with fresh tokens are
followed too before the listing ends.

AsyncYandexMarketChat returns an `AsyncPager`: `await` it for the first page (an `AsyncPage`),
or `async for` over it for the items of every page.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Generator, Hashable, Iterator, Sequence
from contextlib import contextmanager
from itertools import chain, islice
from operator import attrgetter
from typing import Any, Generic, TypeVar

from ._arguments import Query, with_cursor
from ._request import Operation, check_cursor
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
    paths), what identifies an item (for de-duplication across pages), and the key of the item a
    listing starts after (`after_key`: only greater keys are yielded). (A plain class: a NamedTuple
    costs more to import.)"""

    __slots__ = ("after_field", "after_key", "item_key", "items", "next_token")

    def __init__(
        self,
        next_token: Sequence[str],
        items: Sequence[str],
        item_key: str | None = None,
        after_key: object = UNSET,
        after_field: tuple[str, str] | None = None,
    ) -> None:
        self.next_token, self.items, self.item_key, self.after_key = next_token, items, item_key, after_key
        self.after_field = after_field
        """(body field, argument) of an operation that declares `after`: the field `after_key` was sent in."""

    @contextmanager
    def errors_name_the_argument(self) -> Iterator[None]:
        """An InvalidRequestError about the field `after_key` was sent in names the argument the caller
        gave (`after_message_id`, not `message_id_from`)."""
        try:
            yield
        except InvalidRequestError as error:
            if (
                self.after_field is None
                or isinstance(self.after_key, Unset)
                or error.field != self.after_field[0]
            ):
                raise
            raise InvalidRequestError(self.after_field[1], error.problem, wire=error.wire) from None

    def items_of(self, answer: object) -> list[Any]:
        items = walk(answer, self.items)
        return list(items) if items else []

    def trail_at_start(self) -> _Trail:
        """What a listing has met before its first page: the start item, when one was given."""
        return _Trail(frozenset(), {} if isinstance(self.after_key, Unset) else {self.after_key: None}, 0)

    def _after_start(self, key: object | None) -> bool:
        """Whether an item with this key comes after the start item (always, with no start item).
        A key that cannot be compared with it does not."""
        if isinstance(self.after_key, Unset):
            return True
        try:
            return key is not None and bool(key > self.after_key)  # type: ignore[operator]
        except TypeError:
            return False

    def _new_one_by_one(self, items: list[Any], met: dict[object, None]) -> list[Any]:
        """The items to yield of a page, adding their keys to `met`: an item whose key was met
        before (on an earlier page, or earlier on this one) is not; nor is one at or below the start."""
        new_items: list[Any] = []
        name, everything = self.item_key, isinstance(self.after_key, Unset)
        for item in items:
            key = None if name is None else getattr(item, name, None)
            if type(key) is not int and type(key) is not str:  # the keys the spec declares, checked fast
                key = _set_member(key)
            if key is not None:
                if key in met:
                    continue
                met[key] = None
            if everything or self._after_start(key):
                new_items.append(item)
        return new_items

    def read(
        self, answer: object, sent: str | Unset, before: _Trail
    ) -> tuple[list[Any], list[Any], str | None, _Trail]:
        """One page: (its items as sent, the items to yield, the next token or None, the trail after
        it). The next token is None when the answer has none, when it was sent before in this
        listing, or when the page brought no item not met before (see the module's docstring)."""
        items = self.items_of(answer)
        met = before.keys_to_extend()
        known = len(met)
        everything = isinstance(self.after_key, Unset)
        if everything and _add_if_all_new(items, self.item_key, met):
            new_items = list(items)  # the common page: every item new, found in C rather than item by item
        else:
            new_items = self._new_one_by_one(items, met)
        progress = len(met) > known if self.item_key is not None else bool(items)
        stalled = 0 if progress else before.stalled + 1
        patient = not items and not isinstance(self.after_key, Unset) and stalled <= EMPTY_PAGES_AFTER
        tokens = before.tokens | {sent} if isinstance(sent, str) else before.tokens
        token = walk(answer, self.next_token)
        if not isinstance(token, str) or not token or token in tokens or not (progress or patient):
            token = None
        return items, new_items, token, _Trail(tokens, met, stalled)


def _add_if_all_new(items: list[Any], name: str | None, met: dict[object, None]) -> bool:
    """Add the items' keys to `met` and say True when every item has one that can be a set member
    (not None, not UNSET), none repeats and none was met before: then each item is new, as the loop
    of Paging.read would find one by one. Otherwise leave `met` as it was and say False."""
    if name is None or not items:
        return False
    known = len(met)
    try:
        met.update(dict.fromkeys(map(attrgetter(name), items)))
    except (AttributeError, TypeError):  # an item without the key; a key that cannot be hashed
        return False
    if len(met) == known + len(items) and None not in met and UNSET not in met:
        return True
    for key in list(islice(met, known, None)):  # the keys just added (a dict keeps its order)
        del met[key]
    return False


def _set_member(key: object) -> object | None:
    """An item's key when it can be a set member; None when it has none that can (missing, UNSET,
    unhashable: an answer that breaks the spec; such an item is passed through, and is no progress)."""
    if key is None or isinstance(key, Unset) or not isinstance(key, Hashable):
        return None
    try:
        hash(key)
    except TypeError:  # a tuple holding a list
        return None
    return key


EMPTY_PAGES_AFTER = 10
"""With an `after_<item-key>` start: how many empty pages in a row (each with a token not sent
before) are followed before the listing ends. A service that leaves out the items at or below the
start may answer empty pages before the ones that hold the newer items; without a start, one empty
page ends the listing."""


class _Trail:
    """What a listing has met up to one page: the tokens sent, the item keys met, and how many pages
    in a row brought nothing new. Each page keeps its own, so paging again from an earlier page
    (`iter_pages()` twice) sees what that page saw.

    The keys are not copied from page to page (that made reading a long listing quadratic): the
    pages of one listing share a dict of the keys in the order they were met, and a trail is its first
    `size` entries. The first page read after this one appends to that dict; any other (paging again
    from an earlier page, in any thread) reads on a copy of those entries."""

    __slots__ = ("_keys", "_unclaimed", "size", "stalled", "tokens")

    def __init__(self, tokens: frozenset[str], keys: dict[object, None], stalled: int) -> None:
        self.tokens = tokens
        self._keys, self.size = keys, len(keys)
        self._unclaimed = [True]
        """Emptied (list.pop, atomic) by the one page that may append to `_keys`."""
        self.stalled = stalled

    def keys_to_extend(self) -> dict[object, None]:
        """The keys met up to here, for the next page to add its own to."""
        try:
            self._unclaimed.pop()
        except IndexError:
            while True:
                try:
                    return dict(islice(self._keys.items(), self.size))
                except RuntimeError:  # the page that claimed it appended meanwhile (another thread)
                    continue
        return self._keys


class Requests:
    """The requests of one listing's pages (what the endpoint module's `_get_kwargs` builds): every
    argument checked and encoded once, for the first page; each later page's request is the same
    with only the cursor changed (in its place in the query), the cursor checked alone
    (`_request.check_cursor`). What the caller passed is read once: changing it later changes
    no page."""

    __slots__ = ("_build", "_made", "_operation")

    def __init__(self, operation: Operation, build: Callable[[str | Unset], dict[str, Any]]) -> None:
        self._operation, self._build = operation, build
        self._made: tuple[dict[str, Any], Callable[[str], Query]] | None = None
        """The first page's request, and its query as a function of the cursor (`with_cursor`)."""

    def at(self, token: str | Unset) -> dict[str, Any]:
        """The request of the page at `token` (the first call: of the first page)."""
        made, cursor = self._made, self._operation.cursor
        if made is None or cursor is None or not isinstance(token, str):
            kwargs = self._build(token)
            if made is None and cursor is not None:
                params = _with_place(kwargs["params"], cursor[1], cursor[3])
                self._made = (kwargs, with_cursor(params, cursor[1]))
            return kwargs
        check_cursor(self._operation, token)
        return {**made[0], "params": made[1](token)}


def _with_place(params: dict[str, Any], name: str, following: tuple[str, ...]) -> dict[str, Any]:
    """`params` with `name` where the request would have it: before the first of the parameters
    `following` it (a query parameter's place is the spec's order)."""
    if name in params:
        return params
    placed: dict[str, Any] = {}
    for key, value in params.items():
        if name not in placed and key in following:
            placed[name] = None
        placed[key] = value
    placed.setdefault(name, None)
    return placed


class _Page(Generic[ItemT, PageT]):
    """What a sync and an async page share: the answer, its items and the next token."""

    _fetch: Any
    """Fetches the page at a token (a coroutine function for an AsyncPage)."""

    def __init__(
        self, fetch: Any, sent: str | Unset, answer: PageT, paging: Paging, trail: _Trail | None = None
    ) -> None:
        self._fetch, self._paging = fetch, paging
        self.answer: PageT = answer
        """The parsed answer of this page."""
        items, new_items, token, self._trail = paging.read(answer, sent, trail or paging.trail_at_start())
        self.items: list[ItemT] = items
        """The items of this page, as the answer has them (iterate the page for the items of
        every page, de-duplicated)."""
        self._new_items: list[ItemT] = new_items
        self.next_page_token: str | None = token
        """The token of the next page; None on the last page (see the module's docstring for
        when paging ends)."""

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

    _fetch: Callable[[str | Unset], PageT]

    @classmethod
    def first(
        cls, fetch: Callable[[str | Unset], PageT], token: str | Unset, paging: Paging
    ) -> SyncPage[ItemT, PageT]:
        """Fetch the first page (at `token`, or the very first when it is UNSET)."""
        with paging.errors_name_the_argument():
            answer = fetch(token)
        return cls(fetch, token, answer, paging)

    def get_next_page(self) -> SyncPage[ItemT, PageT]:
        """Fetch the next page; LookupError when there is none (check has_next_page())."""
        token = self._next_token()
        return SyncPage(self._fetch, token, self._fetch(token), self._paging, self._trail)

    def iter_pages(self) -> Iterator[SyncPage[ItemT, PageT]]:
        """This page and every later one, each fetched when the loop gets to it."""
        page = self
        yield page
        while page.has_next_page():
            page = page.get_next_page()
            yield page

    def __iter__(self) -> Iterator[ItemT]:
        return chain.from_iterable(page._new_items for page in self.iter_pages())


class AsyncPage(_Page[ItemT, PageT]):
    """The async twin of SyncPage: `async for` yields the items of this page and the later ones."""

    _fetch: Callable[[str | Unset], Awaitable[PageT]]

    async def get_next_page(self) -> AsyncPage[ItemT, PageT]:
        """Fetch the next page; LookupError when there is none (check has_next_page())."""
        token = self._next_token()
        return AsyncPage(self._fetch, token, await self._fetch(token), self._paging, self._trail)

    async def iter_pages(self) -> AsyncIterator[AsyncPage[ItemT, PageT]]:
        page = self
        yield page
        while page.has_next_page():
            page = await page.get_next_page()
            yield page

    def __aiter__(self) -> AsyncIterator[ItemT]:
        return _items(self)


class AsyncPager(Generic[ItemT, PageT]):
    """What a paged method of AsyncYandexMarketChat returns: `await` it for the first page, or
    `async for` over it for the items of every page."""

    def __init__(
        self, fetch: Callable[[str | Unset], Awaitable[PageT]], token: str | Unset, paging: Paging
    ) -> None:
        self._fetch, self._token, self._paging = fetch, token, paging

    async def first_page(self) -> AsyncPage[ItemT, PageT]:
        with self._paging.errors_name_the_argument():
            answer = await self._fetch(self._token)
        return AsyncPage(self._fetch, self._token, answer, self._paging)

    def __await__(self) -> Generator[Any, None, AsyncPage[ItemT, PageT]]:
        return self.first_page().__await__()

    async def iter_pages(self) -> AsyncIterator[AsyncPage[ItemT, PageT]]:
        page = await self.first_page()
        async for each in page.iter_pages():
            yield each

    def __aiter__(self) -> AsyncIterator[ItemT]:
        return _items(self.first_page)


async def _items(
    first: AsyncPage[ItemT, Any] | Callable[[], Awaitable[AsyncPage[ItemT, Any]]],
) -> AsyncIterator[ItemT]:
    """The items of the first page (or of the one `first()` fetches when the loop starts) and of
    every later one, fetched as the loop gets to them: one async generator between the caller and
    the items (each generator stacked under another costs every item one more resumption)."""
    page = first if isinstance(first, AsyncPage) else await first()
    while True:
        for item in page._new_items:
            yield item
        if page.next_page_token is None:
            return
        page = await page.get_next_page()
