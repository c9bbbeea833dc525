"""The client objects: YandexMarketChat and AsyncYandexMarketChat (one method per operation of the
spec) and their raw-response views; AuthenticatedClient for the module functions.

Written by `make generate` from openapi/ (render/client.py.jinja); do not edit.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, ClassVar, Literal, Unpack

import httpx

from . import _answers, _client, _validators
from ._arguments import fields as _fields
from ._client_objects import ClientObject, ClientOptions, ClientView
from ._request import Validator
from ._settings import DEFAULT_TIMEOUT
from .pagination import AsyncPager, Paging, SyncPage
from .pagination import Requests as _Requests
from .pagination import start_after as _start_after
from .types import UNSET, File, FileSource, Response, Unset
from .types import afile as _afile

if TYPE_CHECKING:
    from .models.chat_context_dto import ChatContextDTO
    from .models.chat_context_type import ChatContextType
    from .models.chat_message_dto import ChatMessageDTO
    from .models.chat_status_type import ChatStatusType
    from .models.chat_type import ChatType
    from .models.create_chat_response import CreateChatResponse
    from .models.empty_api_response import EmptyApiResponse
    from .models.get_chat_history_response import GetChatHistoryResponse
    from .models.get_chat_info_dto import GetChatInfoDTO
    from .models.get_chat_message_response import GetChatMessageResponse
    from .models.get_chat_response import GetChatResponse
    from .models.get_chats_response import GetChatsResponse
    from .typed_dicts import (
        ChatContextDTODict,
    )

__version__ = "0.1.0"
DEFAULT_BASE_URL = "https://api.partner.market.yandex.ru"
"""The API's server (the spec's first `servers` entry)."""
USER_AGENT = f"yandex-market-chat/{__version__}"


class AuthenticatedClient(_client.AuthenticatedClient):
    __doc__ = _client.AuthenticatedClient.__doc__
    BASE_URL = DEFAULT_BASE_URL
    USER_AGENT = USER_AGENT
    PATHS_START = "/v2/businesses"


_NOTIFICATION_CALLS: dict[str, dict[str, str]] = {
    "catch_up": {"chats": "get_chats", "history": "get_chat_history"},
    "context": {"CHAT_CREATED": "get_chat"},
}
"""The methods the notification bot calls (`x-notification-context`, `x-catch-up` in the spec)."""

_DEFAULTS: dict[str, tuple[str, type, Validator]] = {
    "business_id": (
        "YANDEX_MARKET_BUSINESS_ID",
        int,
        _validators.client_default_business_id,
    ),
}


class YandexMarketChat(ClientObject[httpx.Client]):
    """Yandex Market Partner API — buyer chats: one method per operation of the spec.

    With no arguments it reads YANDEX_MARKET_API_KEY (required), YANDEX_MARKET_BUSINESS_ID and
    YANDEX_MARKET_BASE_URL; explicit arguments win. Use it as a context manager, or call close(), to
    close the connection pool.

    Args:
        api_key: The Api-Key (default: YANDEX_MARKET_API_KEY). Sent as `Api-Key: <key>`, never logged.
        oauth_token: An OAuth token instead of the Api-Key (default: YANDEX_MARKET_OAUTH_TOKEN when no
            key is given). Sent as `Authorization: Bearer <token>`, never logged.
        business_id: Used by every call that does not pass its own (default: YANDEX_MARKET_BUSINESS_ID).
        base_url: Where the API is (default: YANDEX_MARKET_BASE_URL, else https://api.partner.market.yandex.ru).
            A proxy's path prefix is kept; a path ending where the API's paths begin
            (/v2/businesses, or a leading part of it) is refused: it would be sent twice.
        timeout: Each attempt as a whole, waiting for a place in flight included (default 30 s,
            connect 10 s; never unlimited). A retry is a new attempt.
        max_retries: Retries of what is safe to send again (default 2; 0 turns them off).
        max_rate_limit_wait: Longest wait for a rate-limit window in seconds (default 60);
            a longer one raises RateLimitError.
        rate_limiter: A RateLimiter to share between clients (default: one of its own).
        integration: Sent as X-Market-Integration: <name>/<version>; the seller sees it.
        default_headers: Extra headers for every request.
        http_client: Your own httpx client; the key, timeout and base URL are still applied.

    """

    _DEFAULTS: ClassVar[Mapping[str, tuple[str, type, Validator]]] = _DEFAULTS
    _CLIENT: ClassVar[type[_client.AuthenticatedClient]] = AuthenticatedClient
    _NOTIFICATION_CALLS: ClassVar[Mapping[str, Mapping[str, str]]] = _NOTIFICATION_CALLS

    def __init__(
        self,
        api_key: str | None = None,
        *,
        business_id: int | None = None,
        **options: Unpack[ClientOptions[httpx.Client]],
    ) -> None:
        super().__init__(
            api_key,
            defaults={
                "business_id": business_id,
            },
            **options,
        )

    @property
    def business_id(self) -> int | None:
        """The business_id calls use when they pass none."""
        value: int | None = self._defaults["business_id"]
        return value

    @property
    def with_raw_response(self) -> RawYandexMarketChat:
        """The same methods, returning the Response (status, headers, parsed body) instead."""
        return self._view(RawYandexMarketChat)

    def close(self) -> None:
        """Close the connection pool."""
        self._client.close()

    def __enter__(self) -> YandexMarketChat:
        return self

    def __exit__(self, *args: object) -> None:
        self.close()

    def create_chat(
        self,
        *,
        context: ChatContextDTO | ChatContextDTODict | Unset = UNSET,
        order_id: int | Unset = UNSET,
        business_id: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        timeout: httpx.Timeout | float | None = None,
        max_retries: int | None = None,
    ) -> CreateChatResponse:
        """Create a chat with a buyer for an order or a return.

        Creates a chat with the buyer of an order or of a return, or returns the chat that already
        exists for that context: calling it twice is safe. Return chats exist only for FBY, FBS and
        Express stores.

        Needs a token with the `communication` or `all-methods` scope. Limit: 1,000 requests per hour.

        Give at least one of: context, order_id.

        Args:
            context: The order or the return the chat is about. Optional: not sent when left out.
            order_id: The order id. Deprecated — use `context` with type `ORDER`. (At least 1.)
                Optional: not sent when left out.
            business_id: The business (cabinet) id. Find it with `GET v2/campaigns`. (At least 1.)
                Default: the client's business_id (YANDEX_MARKET_BUSINESS_ID).
            extra_headers: Headers added to this request only.
            timeout: This call's timeout (as the client's `timeout`; None: the client's).
            max_retries: This call's retries (as the client's `max_retries`; None: the client's).

        Returns:
            CreateChatResponse: the parsed 200 answer.

        Raises:
            InvalidRequestError: An argument breaks the spec (raised before any request).
            APIStatusError: A non-2xx answer: BadRequestError (400), AuthenticationError (401),
                PermissionDeniedError (403), NotFoundError (404), RateLimitError (420),
                InternalServerError (5xx).
            APIConnectionError: No answer came (APITimeoutError when it timed out).
        """
        from .api.chats import create_chat as _op

        body = _fields(
            {
                "context": context,
                "orderId": order_id,
            },
            required=True,
        )
        client = self._for_call(extra_headers, timeout, max_retries)
        return _op.sync(
            self._default("business_id", business_id),
            client=client,
            body=body,
        )

    def get_chats(
        self,
        *,
        page_token: str | Unset = UNSET,
        limit: int | Unset = UNSET,
        order_ids: Sequence[int] | None | Unset = UNSET,
        contexts: Sequence[ChatContextDTO | ChatContextDTODict] | None | Unset = UNSET,
        context_types: Sequence[ChatContextType | Literal["ORDER", "RETURN", "DIRECT"]]
        | None
        | Unset = UNSET,
        types: Sequence[ChatType | Literal["CHAT", "ARBITRAGE"]] | None | Unset = UNSET,
        statuses: Sequence[
            ChatStatusType
            | Literal[
                "NEW",
                "WAITING_FOR_CUSTOMER",
                "WAITING_FOR_PARTNER",
                "WAITING_FOR_ARBITER",
                "WAITING_FOR_MARKET",
                "FINISHED",
            ]
        ]
        | None
        | Unset = UNSET,
        business_id: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        timeout: httpx.Timeout | float | None = None,
        max_retries: int | None = None,
    ) -> SyncPage[GetChatInfoDTO, GetChatsResponse]:
        """List the chats with buyers.

        Returns the chats with buyers, a page at a time, filtered by the body: pass `{"statuses":
        ["WAITING_FOR_PARTNER"]}` for the chats that wait for the seller's answer, `contexts` to find
        the chat of an order or a return. Every filter is a list of at least one item: leave out a
        filter you do not need — an empty list is refused (the client never sends `[]`). `{}` returns
        all chats.

        Paging: the cursor is the query parameter `pageToken`; the filters stay in the body, sent
        unchanged with every page. The order of the chats is not documented.

        Needs a token with the `communication`, `all-methods` or `all-methods:read-only` scope. Limit:
        5,000 requests per hour (each page is one request).

        Returns the first page; iterating it yields every GetChatInfoDTO of this and the later pages,
        fetched as needed (`page_token` changes, nothing else). `.iter_pages()` goes page by page.

        Args:
            page_token: The page to return: the `nextPageToken` of the previous answer. Leave it out for
                the first page. (Not empty.) Optional: not sent when left out.
            limit: How many chats a page holds. (1 to 20; default 10.) Optional: not sent when left out.
            order_ids: Market order ids. Deprecated — use `contexts`. (Not empty: leave it out rather
                than pass []; no repeats; each at least 1.) Optional: not sent when left out.
            contexts: The orders or returns whose chats to return. (Not empty: leave it out rather than
                pass []; no repeats.) Optional: not sent when left out.
            context_types: What the chats are about. (Not empty: leave it out rather than pass []; no
                repeats; each one of ORDER, RETURN, DIRECT.) Optional: not sent when left out.
            types: The types of the chats. (Not empty: leave it out rather than pass []; no repeats;
                each one of CHAT, ARBITRAGE.) Optional: not sent when left out.
            statuses: The statuses of the chats. (Not empty: leave it out rather than pass []; no
                repeats; each one of NEW, WAITING_FOR_CUSTOMER, WAITING_FOR_PARTNER, WAITING_FOR_ARBITER,
                WAITING_FOR_MARKET, FINISHED.) Optional: not sent when left out.
            business_id: The business (cabinet) id. Find it with `GET v2/campaigns`. (At least 1.)
                Default: the client's business_id (YANDEX_MARKET_BUSINESS_ID).
            extra_headers: Headers added to this request only.
            timeout: This call's timeout, every page's request (as the client's `timeout`; None: the client's).
            max_retries: This call's retries (as the client's `max_retries`; None: the client's).

        Returns:
            SyncPage[GetChatInfoDTO, GetChatsResponse]: the first page of GetChatsResponse answers.

        Raises:
            InvalidRequestError: An argument breaks the spec (raised before any request).
            APIStatusError: A non-2xx answer: BadRequestError (400), AuthenticationError (401),
                PermissionDeniedError (403), NotFoundError (404), RateLimitError (420),
                InternalServerError (5xx).
            APIConnectionError: No answer came (APITimeoutError when it timed out).
        """
        from .api.chats import get_chats as _op

        body = _fields(
            {
                "orderIds": order_ids,
                "contexts": contexts,
                "contextTypes": context_types,
                "types": types,
                "statuses": statuses,
            },
            required=True,
        )
        client = self._for_call(extra_headers, timeout, max_retries)
        business_id = self._default("business_id", business_id)
        requests = _Requests(
            _op._OPERATION,
            lambda page_token: _op._get_kwargs(
                business_id,
                body=body,
                page_token=page_token,
                limit=limit,
            ),
        )

        def fetch(page_token: str | Unset) -> GetChatsResponse:
            return _op.sync_page(requests.at(page_token), business_id, client=client)

        return SyncPage.first(
            fetch,
            page_token,
            Paging(
                next_token=(
                    "result",
                    "paging",
                    "next_page_token",
                ),
                items=(
                    "result",
                    "chats",
                ),
                item_key="chat_id",
            ),
        )

    def get_chat(
        self,
        *,
        chat_id: int,
        business_id: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        timeout: httpx.Timeout | float | None = None,
        max_retries: int | None = None,
    ) -> GetChatResponse:
        """Get one chat by its id.

        Returns a chat with a buyer by its id: what it is about (order, return, or a `DIRECT` chat the
        buyer started about a product, which has no order or return id), its type, status and times. The
        path is `/chat` (singular), unlike the list.

        Needs a token with the `communication`, `all-methods` or `all-methods:read-only` scope. Limit:
        1,000 requests per hour.

        Args:
            chat_id: The chat id. (At least 1.)
            business_id: The business (cabinet) id. Find it with `GET v2/campaigns`. (At least 1.)
                Default: the client's business_id (YANDEX_MARKET_BUSINESS_ID).
            extra_headers: Headers added to this request only.
            timeout: This call's timeout (as the client's `timeout`; None: the client's).
            max_retries: This call's retries (as the client's `max_retries`; None: the client's).

        Returns:
            GetChatResponse: the parsed 200 answer.

        Raises:
            InvalidRequestError: An argument breaks the spec (raised before any request).
            APIStatusError: A non-2xx answer: BadRequestError (400), AuthenticationError (401),
                PermissionDeniedError (403), NotFoundError (404), RateLimitError (420),
                InternalServerError (5xx).
            APIConnectionError: No answer came (APITimeoutError when it timed out).
        """
        from .api.chats import get_chat as _op

        client = self._for_call(extra_headers, timeout, max_retries)
        return _op.sync(
            self._default("business_id", business_id),
            client=client,
            chat_id=chat_id,
        )

    def get_chat_history(
        self,
        *,
        chat_id: int,
        page_token: str | Unset = UNSET,
        limit: int | Unset = UNSET,
        message_id_from: int | Unset = UNSET,
        after_message_id: int | Unset = UNSET,
        business_id: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        timeout: httpx.Timeout | float | None = None,
        max_retries: int | None = None,
    ) -> SyncPage[ChatMessageDTO, GetChatHistoryResponse]:
        """Read the messages of a chat.

        Returns the messages of a chat, a page at a time. `messageIdFrom` in the body asks for the
        messages starting from that message id; the documentation does not say whether that message
        itself is included, in which order messages come, or how `messageIdFrom` combines with
        `pageToken` — this client's `after_message_id` argument sends `messageIdFrom`, yields only the
        messages whose `messageId` is greater, and de-duplicates messages by `messageId` across pages.

        Paging: the cursor is the query parameter `pageToken`; `chatId` and the body are sent unchanged
        with every page.

        Needs a token with the `communication`, `all-methods` or `all-methods:read-only` scope. Limit:
        10,000 requests per hour (each page is one request).

        Returns the first page; iterating it yields every ChatMessageDTO of this and the later pages,
        fetched as needed (`page_token` changes, nothing else). `.iter_pages()` goes page by page.

        Args:
            chat_id: The chat id. (At least 1.)
            page_token: The page to return: the `nextPageToken` of the previous answer. Leave it out for
                the first page. (Not empty.) Optional: not sent when left out.
            limit: How many messages a page holds. (1 to 100; default 50.) Optional: not sent when left
                out.
            message_id_from: Return the messages starting from this message id. Whether that message
                itself is returned is not documented. (At least 1.) Optional: not sent when left out.
            after_message_id: Start after the item whose messageId this is: sends it as `messageIdFrom`,
                and only items whose messageId is greater are yielded (whether the service includes that
                item, and in which order, is not documented).
            business_id: The business (cabinet) id. Find it with `GET v2/campaigns`. (At least 1.)
                Default: the client's business_id (YANDEX_MARKET_BUSINESS_ID).
            extra_headers: Headers added to this request only.
            timeout: This call's timeout, every page's request (as the client's `timeout`; None: the client's).
            max_retries: This call's retries (as the client's `max_retries`; None: the client's).

        Returns:
            SyncPage[ChatMessageDTO, GetChatHistoryResponse]: the first page of GetChatHistoryResponse answers.

        Raises:
            InvalidRequestError: An argument breaks the spec (raised before any request).
            APIStatusError: A non-2xx answer: BadRequestError (400), AuthenticationError (401),
                PermissionDeniedError (403), NotFoundError (404), RateLimitError (420),
                InternalServerError (5xx).
            APIConnectionError: No answer came (APITimeoutError when it timed out).
        """
        from .api.chats import get_chat_history as _op

        message_id_from = _start_after(
            after_message_id, message_id_from, "after_message_id", "message_id_from"
        )
        body = _fields(
            {
                "messageIdFrom": message_id_from,
            },
            required=True,
        )
        client = self._for_call(extra_headers, timeout, max_retries)
        business_id = self._default("business_id", business_id)
        requests = _Requests(
            _op._OPERATION,
            lambda page_token: _op._get_kwargs(
                business_id,
                body=body,
                chat_id=chat_id,
                page_token=page_token,
                limit=limit,
            ),
        )

        def fetch(page_token: str | Unset) -> GetChatHistoryResponse:
            return _op.sync_page(requests.at(page_token), business_id, client=client)

        return SyncPage.first(
            fetch,
            page_token,
            Paging(
                next_token=(
                    "result",
                    "paging",
                    "next_page_token",
                ),
                items=(
                    "result",
                    "messages",
                ),
                item_key="message_id",
                after_key=after_message_id,
                after_field=("message_id_from", "after_message_id"),
            ),
        )

    def get_chat_message(
        self,
        *,
        chat_id: int,
        message_id: int,
        business_id: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        timeout: httpx.Timeout | float | None = None,
        max_retries: int | None = None,
    ) -> GetChatMessageResponse:
        """Get one message of a chat by its id.

        Returns one message of a chat: its text or files, who sent it and when. Use it on a
        `CHAT_MESSAGE_SENT` notification, which carries the chat id and the message id (as a string
        there: pass it as an integer here). The path is shared with sendMessageToChat (POST).

        Needs a token with the `communication`, `all-methods` or `all-methods:read-only` scope. Limit:
        1,000 requests per hour.

        Args:
            chat_id: The chat id. (At least 1.)
            message_id: The message id. (At least 1.)
            business_id: The business (cabinet) id. Find it with `GET v2/campaigns`. (At least 1.)
                Default: the client's business_id (YANDEX_MARKET_BUSINESS_ID).
            extra_headers: Headers added to this request only.
            timeout: This call's timeout (as the client's `timeout`; None: the client's).
            max_retries: This call's retries (as the client's `max_retries`; None: the client's).

        Returns:
            GetChatMessageResponse: the parsed 200 answer.

        Raises:
            InvalidRequestError: An argument breaks the spec (raised before any request).
            APIStatusError: A non-2xx answer: BadRequestError (400), AuthenticationError (401),
                PermissionDeniedError (403), NotFoundError (404), RateLimitError (420),
                InternalServerError (5xx).
            APIConnectionError: No answer came (APITimeoutError when it timed out).
        """
        from .api.chats import get_chat_message as _op

        client = self._for_call(extra_headers, timeout, max_retries)
        return _op.sync(
            self._default("business_id", business_id),
            client=client,
            chat_id=chat_id,
            message_id=message_id,
        )

    def send_message_to_chat(
        self,
        *,
        chat_id: int,
        message: str,
        business_id: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        timeout: httpx.Timeout | float | None = None,
        max_retries: int | None = None,
    ) -> EmptyApiResponse:
        """Send a text message to a chat with a buyer.

        Posts a message to a chat with a buyer. The API has no idempotency key: after a server error or
        a read timeout the message may already be in the chat, and sending it again can post it twice.

        Needs a token with the `communication` or `all-methods` scope. Limit: 1,000 requests per hour.

        Args:
            chat_id: The chat id. (At least 1.)
            message: The text of the message: 1 to 4,096 characters, not all of them whitespace. The
                service counts characters as Java does, in UTF-16 code units: a character outside the Basic
                Multilingual Plane (most emoji) counts as two. (1 to 4,096 UTF-16 code units; matching
                '\\\\S'.)
            business_id: The business (cabinet) id. Find it with `GET v2/campaigns`. (At least 1.)
                Default: the client's business_id (YANDEX_MARKET_BUSINESS_ID).
            extra_headers: Headers added to this request only.
            timeout: This call's timeout (as the client's `timeout`; None: the client's).
            max_retries: This call's retries (as the client's `max_retries`; None: the client's).

        Returns:
            EmptyApiResponse: the parsed 200 answer.

        Raises:
            InvalidRequestError: An argument breaks the spec (raised before any request).
            APIStatusError: A non-2xx answer: BadRequestError (400), AuthenticationError (401),
                PermissionDeniedError (403), NotFoundError (404), RateLimitError (420),
                InternalServerError (5xx).
            APIConnectionError: No answer came (APITimeoutError when it timed out).
                `may_have_been_delivered` tells whether it may have taken effect: this operation is
                never sent twice, so check before calling again.
        """
        from .api.chats import send_message_to_chat as _op

        body = _fields(
            {
                "message": message,
            },
            required=True,
        )
        client = self._for_call(extra_headers, timeout, max_retries)
        return _op.sync(
            self._default("business_id", business_id),
            client=client,
            body=body,
            chat_id=chat_id,
        )

    def send_file_to_chat(
        self,
        *,
        chat_id: int,
        file: FileSource,
        file_name: str | None = None,
        mime_type: str | None = None,
        business_id: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        timeout: httpx.Timeout | float | None = None,
        max_retries: int | None = None,
    ) -> EmptyApiResponse:
        """Send a file to a chat with a buyer.

        Posts a file (at most 5 MB) to a chat with a buyer. The API has no idempotency key: after a
        server error or a read timeout the file may already be in the chat, and sending it again can
        post it twice.

        Needs a token with the `communication` or `all-methods` scope. Limit: 1,000 requests per hour.

        Args:
            chat_id: The chat id. (At least 1.)
            file: The file content: not empty, and at most 5 MB. This client takes "5 MB" as 5 MiB
                (5,242,880 bytes), the larger of the two readings. (A path, bytes or a binary file; not
                empty; at most 5,242,880 bytes.)
            file_name: The name sent with the file (default: the path's or the file object's name).
            mime_type: The MIME type sent with the file (default: guessed from the name).
            business_id: The business (cabinet) id. Find it with `GET v2/campaigns`. (At least 1.)
                Default: the client's business_id (YANDEX_MARKET_BUSINESS_ID).
            extra_headers: Headers added to this request only.
            timeout: This call's timeout (as the client's `timeout`; None: the client's).
            max_retries: This call's retries (as the client's `max_retries`; None: the client's).

        Returns:
            EmptyApiResponse: the parsed 200 answer.

        Raises:
            InvalidRequestError: An argument breaks the spec (raised before any request).
            APIStatusError: A non-2xx answer: BadRequestError (400), AuthenticationError (401),
                PermissionDeniedError (403), NotFoundError (404), RateLimitError (420),
                InternalServerError (5xx).
            APIConnectionError: No answer came (APITimeoutError when it timed out).
                `may_have_been_delivered` tells whether it may have taken effect: this operation is
                never sent twice, so check before calling again.
        """
        from .api.chats import send_file_to_chat as _op
        from .models.send_file_to_chat_request import SendFileToChatRequest

        body = SendFileToChatRequest(
            file=File.from_source(
                file, file_name, mime_type, max_bytes=5242880, argument="file"
            ),
        )
        client = self._for_call(extra_headers, timeout, max_retries)
        return _op.sync(
            self._default("business_id", business_id),
            client=client,
            body=body,
            chat_id=chat_id,
        )


class RawYandexMarketChat(ClientView):
    """`YandexMarketChat.with_raw_response`: each method returns the Response."""

    _DEFAULTS: ClassVar[Mapping[str, tuple[str, type, Validator]]] = _DEFAULTS

    def create_chat(
        self,
        *,
        context: ChatContextDTO | ChatContextDTODict | Unset = UNSET,
        order_id: int | Unset = UNSET,
        business_id: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        timeout: httpx.Timeout | float | None = None,
        max_retries: int | None = None,
    ) -> Response[CreateChatResponse]:
        """Create a chat with a buyer for an order or a return.

        Creates a chat with the buyer of an order or of a return, or returns the chat that already
        exists for that context: calling it twice is safe. Return chats exist only for FBY, FBS and
        Express stores.

        Needs a token with the `communication` or `all-methods` scope. Limit: 1,000 requests per hour.

        Give at least one of: context, order_id.

        Args:
            context: The order or the return the chat is about. Optional: not sent when left out.
            order_id: The order id. Deprecated — use `context` with type `ORDER`. (At least 1.)
                Optional: not sent when left out.
            business_id: The business (cabinet) id. Find it with `GET v2/campaigns`. (At least 1.)
                Default: the client's business_id (YANDEX_MARKET_BUSINESS_ID).
            extra_headers: Headers added to this request only.
            timeout: This call's timeout (as the client's `timeout`; None: the client's).
            max_retries: This call's retries (as the client's `max_retries`; None: the client's).

        Returns:
            Response[CreateChatResponse]: status, headers (`.rate_limit` parsed) and content; `parsed` is the CreateChatResponse of a 2xx answer, None for any other status.

        Raises:
            InvalidRequestError: An argument breaks the spec (raised before any request).
            APIConnectionError: No answer came (APITimeoutError when it timed out).
        """
        from .api.chats import create_chat as _op

        body = _fields(
            {
                "context": context,
                "orderId": order_id,
            },
            required=True,
        )
        client = self._for_call(extra_headers, timeout, max_retries)
        from .models.create_chat_response import CreateChatResponse

        return _answers.typed(
            _op.sync_detailed(
                self._default("business_id", business_id),
                client=client,
                body=body,
            ),
            CreateChatResponse,
        )

    def get_chats(
        self,
        *,
        page_token: str | Unset = UNSET,
        limit: int | Unset = UNSET,
        order_ids: Sequence[int] | None | Unset = UNSET,
        contexts: Sequence[ChatContextDTO | ChatContextDTODict] | None | Unset = UNSET,
        context_types: Sequence[ChatContextType | Literal["ORDER", "RETURN", "DIRECT"]]
        | None
        | Unset = UNSET,
        types: Sequence[ChatType | Literal["CHAT", "ARBITRAGE"]] | None | Unset = UNSET,
        statuses: Sequence[
            ChatStatusType
            | Literal[
                "NEW",
                "WAITING_FOR_CUSTOMER",
                "WAITING_FOR_PARTNER",
                "WAITING_FOR_ARBITER",
                "WAITING_FOR_MARKET",
                "FINISHED",
            ]
        ]
        | None
        | Unset = UNSET,
        business_id: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        timeout: httpx.Timeout | float | None = None,
        max_retries: int | None = None,
    ) -> Response[GetChatsResponse]:
        """List the chats with buyers.

        Returns the chats with buyers, a page at a time, filtered by the body: pass `{"statuses":
        ["WAITING_FOR_PARTNER"]}` for the chats that wait for the seller's answer, `contexts` to find
        the chat of an order or a return. Every filter is a list of at least one item: leave out a
        filter you do not need — an empty list is refused (the client never sends `[]`). `{}` returns
        all chats.

        Paging: the cursor is the query parameter `pageToken`; the filters stay in the body, sent
        unchanged with every page. The order of the chats is not documented.

        Needs a token with the `communication`, `all-methods` or `all-methods:read-only` scope. Limit:
        5,000 requests per hour (each page is one request).

        Args:
            page_token: The page to return: the `nextPageToken` of the previous answer. Leave it out for
                the first page. (Not empty.) Optional: not sent when left out.
            limit: How many chats a page holds. (1 to 20; default 10.) Optional: not sent when left out.
            order_ids: Market order ids. Deprecated — use `contexts`. (Not empty: leave it out rather
                than pass []; no repeats; each at least 1.) Optional: not sent when left out.
            contexts: The orders or returns whose chats to return. (Not empty: leave it out rather than
                pass []; no repeats.) Optional: not sent when left out.
            context_types: What the chats are about. (Not empty: leave it out rather than pass []; no
                repeats; each one of ORDER, RETURN, DIRECT.) Optional: not sent when left out.
            types: The types of the chats. (Not empty: leave it out rather than pass []; no repeats;
                each one of CHAT, ARBITRAGE.) Optional: not sent when left out.
            statuses: The statuses of the chats. (Not empty: leave it out rather than pass []; no
                repeats; each one of NEW, WAITING_FOR_CUSTOMER, WAITING_FOR_PARTNER, WAITING_FOR_ARBITER,
                WAITING_FOR_MARKET, FINISHED.) Optional: not sent when left out.
            business_id: The business (cabinet) id. Find it with `GET v2/campaigns`. (At least 1.)
                Default: the client's business_id (YANDEX_MARKET_BUSINESS_ID).
            extra_headers: Headers added to this request only.
            timeout: This call's timeout (as the client's `timeout`; None: the client's).
            max_retries: This call's retries (as the client's `max_retries`; None: the client's).

        Returns:
            Response[GetChatsResponse]: status, headers (`.rate_limit` parsed) and content; `parsed` is the GetChatsResponse of a 2xx answer, None for any other status.

        Raises:
            InvalidRequestError: An argument breaks the spec (raised before any request).
            APIConnectionError: No answer came (APITimeoutError when it timed out).
        """
        from .api.chats import get_chats as _op

        body = _fields(
            {
                "orderIds": order_ids,
                "contexts": contexts,
                "contextTypes": context_types,
                "types": types,
                "statuses": statuses,
            },
            required=True,
        )
        client = self._for_call(extra_headers, timeout, max_retries)
        from .models.get_chats_response import GetChatsResponse

        return _answers.typed(
            _op.sync_detailed(
                self._default("business_id", business_id),
                client=client,
                body=body,
                page_token=page_token,
                limit=limit,
            ),
            GetChatsResponse,
        )

    def get_chat(
        self,
        *,
        chat_id: int,
        business_id: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        timeout: httpx.Timeout | float | None = None,
        max_retries: int | None = None,
    ) -> Response[GetChatResponse]:
        """Get one chat by its id.

        Returns a chat with a buyer by its id: what it is about (order, return, or a `DIRECT` chat the
        buyer started about a product, which has no order or return id), its type, status and times. The
        path is `/chat` (singular), unlike the list.

        Needs a token with the `communication`, `all-methods` or `all-methods:read-only` scope. Limit:
        1,000 requests per hour.

        Args:
            chat_id: The chat id. (At least 1.)
            business_id: The business (cabinet) id. Find it with `GET v2/campaigns`. (At least 1.)
                Default: the client's business_id (YANDEX_MARKET_BUSINESS_ID).
            extra_headers: Headers added to this request only.
            timeout: This call's timeout (as the client's `timeout`; None: the client's).
            max_retries: This call's retries (as the client's `max_retries`; None: the client's).

        Returns:
            Response[GetChatResponse]: status, headers (`.rate_limit` parsed) and content; `parsed` is the GetChatResponse of a 2xx answer, None for any other status.

        Raises:
            InvalidRequestError: An argument breaks the spec (raised before any request).
            APIConnectionError: No answer came (APITimeoutError when it timed out).
        """
        from .api.chats import get_chat as _op

        client = self._for_call(extra_headers, timeout, max_retries)
        from .models.get_chat_response import GetChatResponse

        return _answers.typed(
            _op.sync_detailed(
                self._default("business_id", business_id),
                client=client,
                chat_id=chat_id,
            ),
            GetChatResponse,
        )

    def get_chat_history(
        self,
        *,
        chat_id: int,
        page_token: str | Unset = UNSET,
        limit: int | Unset = UNSET,
        message_id_from: int | Unset = UNSET,
        business_id: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        timeout: httpx.Timeout | float | None = None,
        max_retries: int | None = None,
    ) -> Response[GetChatHistoryResponse]:
        """Read the messages of a chat.

        Returns the messages of a chat, a page at a time. `messageIdFrom` in the body asks for the
        messages starting from that message id; the documentation does not say whether that message
        itself is included, in which order messages come, or how `messageIdFrom` combines with
        `pageToken` — this client's `after_message_id` argument sends `messageIdFrom`, yields only the
        messages whose `messageId` is greater, and de-duplicates messages by `messageId` across pages.

        Paging: the cursor is the query parameter `pageToken`; `chatId` and the body are sent unchanged
        with every page.

        Needs a token with the `communication`, `all-methods` or `all-methods:read-only` scope. Limit:
        10,000 requests per hour (each page is one request).

        This raw view sends one request: it does not page, and takes `message_id_from` as it is instead
        of `after_message_id`.

        Args:
            chat_id: The chat id. (At least 1.)
            page_token: The page to return: the `nextPageToken` of the previous answer. Leave it out for
                the first page. (Not empty.) Optional: not sent when left out.
            limit: How many messages a page holds. (1 to 100; default 50.) Optional: not sent when left
                out.
            message_id_from: Return the messages starting from this message id. Whether that message
                itself is returned is not documented. (At least 1.) Optional: not sent when left out.
            business_id: The business (cabinet) id. Find it with `GET v2/campaigns`. (At least 1.)
                Default: the client's business_id (YANDEX_MARKET_BUSINESS_ID).
            extra_headers: Headers added to this request only.
            timeout: This call's timeout (as the client's `timeout`; None: the client's).
            max_retries: This call's retries (as the client's `max_retries`; None: the client's).

        Returns:
            Response[GetChatHistoryResponse]: status, headers (`.rate_limit` parsed) and content; `parsed` is the GetChatHistoryResponse of a 2xx answer, None for any other status.

        Raises:
            InvalidRequestError: An argument breaks the spec (raised before any request).
            APIConnectionError: No answer came (APITimeoutError when it timed out).
        """
        from .api.chats import get_chat_history as _op

        body = _fields(
            {
                "messageIdFrom": message_id_from,
            },
            required=True,
        )
        client = self._for_call(extra_headers, timeout, max_retries)
        from .models.get_chat_history_response import GetChatHistoryResponse

        return _answers.typed(
            _op.sync_detailed(
                self._default("business_id", business_id),
                client=client,
                body=body,
                chat_id=chat_id,
                page_token=page_token,
                limit=limit,
            ),
            GetChatHistoryResponse,
        )

    def get_chat_message(
        self,
        *,
        chat_id: int,
        message_id: int,
        business_id: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        timeout: httpx.Timeout | float | None = None,
        max_retries: int | None = None,
    ) -> Response[GetChatMessageResponse]:
        """Get one message of a chat by its id.

        Returns one message of a chat: its text or files, who sent it and when. Use it on a
        `CHAT_MESSAGE_SENT` notification, which carries the chat id and the message id (as a string
        there: pass it as an integer here). The path is shared with sendMessageToChat (POST).

        Needs a token with the `communication`, `all-methods` or `all-methods:read-only` scope. Limit:
        1,000 requests per hour.

        Args:
            chat_id: The chat id. (At least 1.)
            message_id: The message id. (At least 1.)
            business_id: The business (cabinet) id. Find it with `GET v2/campaigns`. (At least 1.)
                Default: the client's business_id (YANDEX_MARKET_BUSINESS_ID).
            extra_headers: Headers added to this request only.
            timeout: This call's timeout (as the client's `timeout`; None: the client's).
            max_retries: This call's retries (as the client's `max_retries`; None: the client's).

        Returns:
            Response[GetChatMessageResponse]: status, headers (`.rate_limit` parsed) and content; `parsed` is the GetChatMessageResponse of a 2xx answer, None for any other status.

        Raises:
            InvalidRequestError: An argument breaks the spec (raised before any request).
            APIConnectionError: No answer came (APITimeoutError when it timed out).
        """
        from .api.chats import get_chat_message as _op

        client = self._for_call(extra_headers, timeout, max_retries)
        from .models.get_chat_message_response import GetChatMessageResponse

        return _answers.typed(
            _op.sync_detailed(
                self._default("business_id", business_id),
                client=client,
                chat_id=chat_id,
                message_id=message_id,
            ),
            GetChatMessageResponse,
        )

    def send_message_to_chat(
        self,
        *,
        chat_id: int,
        message: str,
        business_id: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        timeout: httpx.Timeout | float | None = None,
        max_retries: int | None = None,
    ) -> Response[EmptyApiResponse]:
        """Send a text message to a chat with a buyer.

        Posts a message to a chat with a buyer. The API has no idempotency key: after a server error or
        a read timeout the message may already be in the chat, and sending it again can post it twice.

        Needs a token with the `communication` or `all-methods` scope. Limit: 1,000 requests per hour.

        Args:
            chat_id: The chat id. (At least 1.)
            message: The text of the message: 1 to 4,096 characters, not all of them whitespace. The
                service counts characters as Java does, in UTF-16 code units: a character outside the Basic
                Multilingual Plane (most emoji) counts as two. (1 to 4,096 UTF-16 code units; matching
                '\\\\S'.)
            business_id: The business (cabinet) id. Find it with `GET v2/campaigns`. (At least 1.)
                Default: the client's business_id (YANDEX_MARKET_BUSINESS_ID).
            extra_headers: Headers added to this request only.
            timeout: This call's timeout (as the client's `timeout`; None: the client's).
            max_retries: This call's retries (as the client's `max_retries`; None: the client's).

        Returns:
            Response[EmptyApiResponse]: status, headers (`.rate_limit` parsed) and content; `parsed` is the EmptyApiResponse of a 2xx answer, None for any other status.

        Raises:
            InvalidRequestError: An argument breaks the spec (raised before any request).
            APIConnectionError: No answer came (APITimeoutError when it timed out).
                `may_have_been_delivered` tells whether it may have taken effect: this operation is
                never sent twice, so check before calling again.
        """
        from .api.chats import send_message_to_chat as _op

        body = _fields(
            {
                "message": message,
            },
            required=True,
        )
        client = self._for_call(extra_headers, timeout, max_retries)
        from .models.empty_api_response import EmptyApiResponse

        return _answers.typed(
            _op.sync_detailed(
                self._default("business_id", business_id),
                client=client,
                body=body,
                chat_id=chat_id,
            ),
            EmptyApiResponse,
        )

    def send_file_to_chat(
        self,
        *,
        chat_id: int,
        file: FileSource,
        file_name: str | None = None,
        mime_type: str | None = None,
        business_id: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        timeout: httpx.Timeout | float | None = None,
        max_retries: int | None = None,
    ) -> Response[EmptyApiResponse]:
        """Send a file to a chat with a buyer.

        Posts a file (at most 5 MB) to a chat with a buyer. The API has no idempotency key: after a
        server error or a read timeout the file may already be in the chat, and sending it again can
        post it twice.

        Needs a token with the `communication` or `all-methods` scope. Limit: 1,000 requests per hour.

        Args:
            chat_id: The chat id. (At least 1.)
            file: The file content: not empty, and at most 5 MB. This client takes "5 MB" as 5 MiB
                (5,242,880 bytes), the larger of the two readings. (A path, bytes or a binary file; not
                empty; at most 5,242,880 bytes.)
            file_name: The name sent with the file (default: the path's or the file object's name).
            mime_type: The MIME type sent with the file (default: guessed from the name).
            business_id: The business (cabinet) id. Find it with `GET v2/campaigns`. (At least 1.)
                Default: the client's business_id (YANDEX_MARKET_BUSINESS_ID).
            extra_headers: Headers added to this request only.
            timeout: This call's timeout (as the client's `timeout`; None: the client's).
            max_retries: This call's retries (as the client's `max_retries`; None: the client's).

        Returns:
            Response[EmptyApiResponse]: status, headers (`.rate_limit` parsed) and content; `parsed` is the EmptyApiResponse of a 2xx answer, None for any other status.

        Raises:
            InvalidRequestError: An argument breaks the spec (raised before any request).
            APIConnectionError: No answer came (APITimeoutError when it timed out).
                `may_have_been_delivered` tells whether it may have taken effect: this operation is
                never sent twice, so check before calling again.
        """
        from .api.chats import send_file_to_chat as _op
        from .models.send_file_to_chat_request import SendFileToChatRequest

        body = SendFileToChatRequest(
            file=File.from_source(
                file, file_name, mime_type, max_bytes=5242880, argument="file"
            ),
        )
        client = self._for_call(extra_headers, timeout, max_retries)
        from .models.empty_api_response import EmptyApiResponse

        return _answers.typed(
            _op.sync_detailed(
                self._default("business_id", business_id),
                client=client,
                body=body,
                chat_id=chat_id,
            ),
            EmptyApiResponse,
        )


class AsyncYandexMarketChat(ClientObject[httpx.AsyncClient]):
    """The async twin of YandexMarketChat: the same methods, awaited.

    Args:
        api_key: The Api-Key (default: YANDEX_MARKET_API_KEY). Sent as `Api-Key: <key>`, never logged.
        oauth_token: An OAuth token instead of the Api-Key (default: YANDEX_MARKET_OAUTH_TOKEN when no
            key is given). Sent as `Authorization: Bearer <token>`, never logged.
        business_id: Used by every call that does not pass its own (default: YANDEX_MARKET_BUSINESS_ID).
        base_url: Where the API is (default: YANDEX_MARKET_BASE_URL, else https://api.partner.market.yandex.ru).
            A proxy's path prefix is kept; a path ending where the API's paths begin
            (/v2/businesses, or a leading part of it) is refused: it would be sent twice.
        timeout: Each attempt as a whole, waiting for a place in flight included (default 30 s,
            connect 10 s; never unlimited). A retry is a new attempt.
        max_retries: Retries of what is safe to send again (default 2; 0 turns them off).
        max_rate_limit_wait: Longest wait for a rate-limit window in seconds (default 60);
            a longer one raises RateLimitError.
        rate_limiter: A RateLimiter to share between clients (default: one of its own).
        integration: Sent as X-Market-Integration: <name>/<version>; the seller sees it.
        default_headers: Extra headers for every request.
        http_client: Your own httpx client; the key, timeout and base URL are still applied.

    """

    _DEFAULTS: ClassVar[Mapping[str, tuple[str, type, Validator]]] = _DEFAULTS
    _CLIENT: ClassVar[type[_client.AuthenticatedClient]] = AuthenticatedClient
    _NOTIFICATION_CALLS: ClassVar[Mapping[str, Mapping[str, str]]] = _NOTIFICATION_CALLS

    def __init__(
        self,
        api_key: str | None = None,
        *,
        business_id: int | None = None,
        **options: Unpack[ClientOptions[httpx.AsyncClient]],
    ) -> None:
        super().__init__(
            api_key,
            defaults={
                "business_id": business_id,
            },
            **options,
        )

    @property
    def business_id(self) -> int | None:
        """The business_id calls use when they pass none."""
        value: int | None = self._defaults["business_id"]
        return value

    @property
    def with_raw_response(self) -> AsyncRawYandexMarketChat:
        """The same methods, returning the Response (status, headers, parsed body) instead."""
        return self._view(AsyncRawYandexMarketChat)

    async def close(self) -> None:
        """Close the connection pool."""
        await self._client.aclose()

    async def __aenter__(self) -> AsyncYandexMarketChat:
        return self

    async def __aexit__(self, *args: object) -> None:
        await self.close()

    async def create_chat(
        self,
        *,
        context: ChatContextDTO | ChatContextDTODict | Unset = UNSET,
        order_id: int | Unset = UNSET,
        business_id: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        timeout: httpx.Timeout | float | None = None,
        max_retries: int | None = None,
    ) -> CreateChatResponse:
        """Create a chat with a buyer for an order or a return.

        Creates a chat with the buyer of an order or of a return, or returns the chat that already
        exists for that context: calling it twice is safe. Return chats exist only for FBY, FBS and
        Express stores.

        Needs a token with the `communication` or `all-methods` scope. Limit: 1,000 requests per hour.

        Give at least one of: context, order_id.

        Args:
            context: The order or the return the chat is about. Optional: not sent when left out.
            order_id: The order id. Deprecated — use `context` with type `ORDER`. (At least 1.)
                Optional: not sent when left out.
            business_id: The business (cabinet) id. Find it with `GET v2/campaigns`. (At least 1.)
                Default: the client's business_id (YANDEX_MARKET_BUSINESS_ID).
            extra_headers: Headers added to this request only.
            timeout: This call's timeout (as the client's `timeout`; None: the client's).
            max_retries: This call's retries (as the client's `max_retries`; None: the client's).

        Returns:
            CreateChatResponse: the parsed 200 answer.

        Raises:
            InvalidRequestError: An argument breaks the spec (raised before any request).
            APIStatusError: A non-2xx answer: BadRequestError (400), AuthenticationError (401),
                PermissionDeniedError (403), NotFoundError (404), RateLimitError (420),
                InternalServerError (5xx).
            APIConnectionError: No answer came (APITimeoutError when it timed out).
        """
        from .api.chats import create_chat as _op

        body = _fields(
            {
                "context": context,
                "orderId": order_id,
            },
            required=True,
        )
        client = self._for_call(extra_headers, timeout, max_retries)
        return await _op.asyncio(
            self._default("business_id", business_id),
            client=client,
            body=body,
        )

    def get_chats(
        self,
        *,
        page_token: str | Unset = UNSET,
        limit: int | Unset = UNSET,
        order_ids: Sequence[int] | None | Unset = UNSET,
        contexts: Sequence[ChatContextDTO | ChatContextDTODict] | None | Unset = UNSET,
        context_types: Sequence[ChatContextType | Literal["ORDER", "RETURN", "DIRECT"]]
        | None
        | Unset = UNSET,
        types: Sequence[ChatType | Literal["CHAT", "ARBITRAGE"]] | None | Unset = UNSET,
        statuses: Sequence[
            ChatStatusType
            | Literal[
                "NEW",
                "WAITING_FOR_CUSTOMER",
                "WAITING_FOR_PARTNER",
                "WAITING_FOR_ARBITER",
                "WAITING_FOR_MARKET",
                "FINISHED",
            ]
        ]
        | None
        | Unset = UNSET,
        business_id: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        timeout: httpx.Timeout | float | None = None,
        max_retries: int | None = None,
    ) -> AsyncPager[GetChatInfoDTO, GetChatsResponse]:
        """List the chats with buyers.

        Returns the chats with buyers, a page at a time, filtered by the body: pass `{"statuses":
        ["WAITING_FOR_PARTNER"]}` for the chats that wait for the seller's answer, `contexts` to find
        the chat of an order or a return. Every filter is a list of at least one item: leave out a
        filter you do not need — an empty list is refused (the client never sends `[]`). `{}` returns
        all chats.

        Paging: the cursor is the query parameter `pageToken`; the filters stay in the body, sent
        unchanged with every page. The order of the chats is not documented.

        Needs a token with the `communication`, `all-methods` or `all-methods:read-only` scope. Limit:
        5,000 requests per hour (each page is one request).

        Returns the first page (awaited); iterating it with `async for` yields every GetChatInfoDTO of
        this and the later pages, fetched as needed (`page_token` changes, nothing else).
        `.iter_pages()` goes page by page.

        Args:
            page_token: The page to return: the `nextPageToken` of the previous answer. Leave it out for
                the first page. (Not empty.) Optional: not sent when left out.
            limit: How many chats a page holds. (1 to 20; default 10.) Optional: not sent when left out.
            order_ids: Market order ids. Deprecated — use `contexts`. (Not empty: leave it out rather
                than pass []; no repeats; each at least 1.) Optional: not sent when left out.
            contexts: The orders or returns whose chats to return. (Not empty: leave it out rather than
                pass []; no repeats.) Optional: not sent when left out.
            context_types: What the chats are about. (Not empty: leave it out rather than pass []; no
                repeats; each one of ORDER, RETURN, DIRECT.) Optional: not sent when left out.
            types: The types of the chats. (Not empty: leave it out rather than pass []; no repeats;
                each one of CHAT, ARBITRAGE.) Optional: not sent when left out.
            statuses: The statuses of the chats. (Not empty: leave it out rather than pass []; no
                repeats; each one of NEW, WAITING_FOR_CUSTOMER, WAITING_FOR_PARTNER, WAITING_FOR_ARBITER,
                WAITING_FOR_MARKET, FINISHED.) Optional: not sent when left out.
            business_id: The business (cabinet) id. Find it with `GET v2/campaigns`. (At least 1.)
                Default: the client's business_id (YANDEX_MARKET_BUSINESS_ID).
            extra_headers: Headers added to this request only.
            timeout: This call's timeout, every page's request (as the client's `timeout`; None: the client's).
            max_retries: This call's retries (as the client's `max_retries`; None: the client's).

        Returns:
            AsyncPager[GetChatInfoDTO, GetChatsResponse]: the first page of GetChatsResponse answers.

        Raises:
            InvalidRequestError: An argument breaks the spec (raised before any request).
            APIStatusError: A non-2xx answer: BadRequestError (400), AuthenticationError (401),
                PermissionDeniedError (403), NotFoundError (404), RateLimitError (420),
                InternalServerError (5xx).
            APIConnectionError: No answer came (APITimeoutError when it timed out).
        """
        from .api.chats import get_chats as _op

        body = _fields(
            {
                "orderIds": order_ids,
                "contexts": contexts,
                "contextTypes": context_types,
                "types": types,
                "statuses": statuses,
            },
            required=True,
        )
        client = self._for_call(extra_headers, timeout, max_retries)
        business_id = self._default("business_id", business_id)
        requests = _Requests(
            _op._OPERATION,
            lambda page_token: _op._get_kwargs(
                business_id,
                body=body,
                page_token=page_token,
                limit=limit,
            ),
        )

        async def fetch(page_token: str | Unset) -> GetChatsResponse:
            return await _op.asyncio_page(
                requests.at(page_token), business_id, client=client
            )

        return AsyncPager(
            fetch,
            page_token,
            Paging(
                next_token=(
                    "result",
                    "paging",
                    "next_page_token",
                ),
                items=(
                    "result",
                    "chats",
                ),
                item_key="chat_id",
            ),
        )

    async def get_chat(
        self,
        *,
        chat_id: int,
        business_id: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        timeout: httpx.Timeout | float | None = None,
        max_retries: int | None = None,
    ) -> GetChatResponse:
        """Get one chat by its id.

        Returns a chat with a buyer by its id: what it is about (order, return, or a `DIRECT` chat the
        buyer started about a product, which has no order or return id), its type, status and times. The
        path is `/chat` (singular), unlike the list.

        Needs a token with the `communication`, `all-methods` or `all-methods:read-only` scope. Limit:
        1,000 requests per hour.

        Args:
            chat_id: The chat id. (At least 1.)
            business_id: The business (cabinet) id. Find it with `GET v2/campaigns`. (At least 1.)
                Default: the client's business_id (YANDEX_MARKET_BUSINESS_ID).
            extra_headers: Headers added to this request only.
            timeout: This call's timeout (as the client's `timeout`; None: the client's).
            max_retries: This call's retries (as the client's `max_retries`; None: the client's).

        Returns:
            GetChatResponse: the parsed 200 answer.

        Raises:
            InvalidRequestError: An argument breaks the spec (raised before any request).
            APIStatusError: A non-2xx answer: BadRequestError (400), AuthenticationError (401),
                PermissionDeniedError (403), NotFoundError (404), RateLimitError (420),
                InternalServerError (5xx).
            APIConnectionError: No answer came (APITimeoutError when it timed out).
        """
        from .api.chats import get_chat as _op

        client = self._for_call(extra_headers, timeout, max_retries)
        return await _op.asyncio(
            self._default("business_id", business_id),
            client=client,
            chat_id=chat_id,
        )

    def get_chat_history(
        self,
        *,
        chat_id: int,
        page_token: str | Unset = UNSET,
        limit: int | Unset = UNSET,
        message_id_from: int | Unset = UNSET,
        after_message_id: int | Unset = UNSET,
        business_id: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        timeout: httpx.Timeout | float | None = None,
        max_retries: int | None = None,
    ) -> AsyncPager[ChatMessageDTO, GetChatHistoryResponse]:
        """Read the messages of a chat.

        Returns the messages of a chat, a page at a time. `messageIdFrom` in the body asks for the
        messages starting from that message id; the documentation does not say whether that message
        itself is included, in which order messages come, or how `messageIdFrom` combines with
        `pageToken` — this client's `after_message_id` argument sends `messageIdFrom`, yields only the
        messages whose `messageId` is greater, and de-duplicates messages by `messageId` across pages.

        Paging: the cursor is the query parameter `pageToken`; `chatId` and the body are sent unchanged
        with every page.

        Needs a token with the `communication`, `all-methods` or `all-methods:read-only` scope. Limit:
        10,000 requests per hour (each page is one request).

        Returns the first page (awaited); iterating it with `async for` yields every ChatMessageDTO of
        this and the later pages, fetched as needed (`page_token` changes, nothing else).
        `.iter_pages()` goes page by page.

        Args:
            chat_id: The chat id. (At least 1.)
            page_token: The page to return: the `nextPageToken` of the previous answer. Leave it out for
                the first page. (Not empty.) Optional: not sent when left out.
            limit: How many messages a page holds. (1 to 100; default 50.) Optional: not sent when left
                out.
            message_id_from: Return the messages starting from this message id. Whether that message
                itself is returned is not documented. (At least 1.) Optional: not sent when left out.
            after_message_id: Start after the item whose messageId this is: sends it as `messageIdFrom`,
                and only items whose messageId is greater are yielded (whether the service includes that
                item, and in which order, is not documented).
            business_id: The business (cabinet) id. Find it with `GET v2/campaigns`. (At least 1.)
                Default: the client's business_id (YANDEX_MARKET_BUSINESS_ID).
            extra_headers: Headers added to this request only.
            timeout: This call's timeout, every page's request (as the client's `timeout`; None: the client's).
            max_retries: This call's retries (as the client's `max_retries`; None: the client's).

        Returns:
            AsyncPager[ChatMessageDTO, GetChatHistoryResponse]: the first page of GetChatHistoryResponse answers.

        Raises:
            InvalidRequestError: An argument breaks the spec (raised before any request).
            APIStatusError: A non-2xx answer: BadRequestError (400), AuthenticationError (401),
                PermissionDeniedError (403), NotFoundError (404), RateLimitError (420),
                InternalServerError (5xx).
            APIConnectionError: No answer came (APITimeoutError when it timed out).
        """
        from .api.chats import get_chat_history as _op

        message_id_from = _start_after(
            after_message_id, message_id_from, "after_message_id", "message_id_from"
        )
        body = _fields(
            {
                "messageIdFrom": message_id_from,
            },
            required=True,
        )
        client = self._for_call(extra_headers, timeout, max_retries)
        business_id = self._default("business_id", business_id)
        requests = _Requests(
            _op._OPERATION,
            lambda page_token: _op._get_kwargs(
                business_id,
                body=body,
                chat_id=chat_id,
                page_token=page_token,
                limit=limit,
            ),
        )

        async def fetch(page_token: str | Unset) -> GetChatHistoryResponse:
            return await _op.asyncio_page(
                requests.at(page_token), business_id, client=client
            )

        return AsyncPager(
            fetch,
            page_token,
            Paging(
                next_token=(
                    "result",
                    "paging",
                    "next_page_token",
                ),
                items=(
                    "result",
                    "messages",
                ),
                item_key="message_id",
                after_key=after_message_id,
                after_field=("message_id_from", "after_message_id"),
            ),
        )

    async def get_chat_message(
        self,
        *,
        chat_id: int,
        message_id: int,
        business_id: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        timeout: httpx.Timeout | float | None = None,
        max_retries: int | None = None,
    ) -> GetChatMessageResponse:
        """Get one message of a chat by its id.

        Returns one message of a chat: its text or files, who sent it and when. Use it on a
        `CHAT_MESSAGE_SENT` notification, which carries the chat id and the message id (as a string
        there: pass it as an integer here). The path is shared with sendMessageToChat (POST).

        Needs a token with the `communication`, `all-methods` or `all-methods:read-only` scope. Limit:
        1,000 requests per hour.

        Args:
            chat_id: The chat id. (At least 1.)
            message_id: The message id. (At least 1.)
            business_id: The business (cabinet) id. Find it with `GET v2/campaigns`. (At least 1.)
                Default: the client's business_id (YANDEX_MARKET_BUSINESS_ID).
            extra_headers: Headers added to this request only.
            timeout: This call's timeout (as the client's `timeout`; None: the client's).
            max_retries: This call's retries (as the client's `max_retries`; None: the client's).

        Returns:
            GetChatMessageResponse: the parsed 200 answer.

        Raises:
            InvalidRequestError: An argument breaks the spec (raised before any request).
            APIStatusError: A non-2xx answer: BadRequestError (400), AuthenticationError (401),
                PermissionDeniedError (403), NotFoundError (404), RateLimitError (420),
                InternalServerError (5xx).
            APIConnectionError: No answer came (APITimeoutError when it timed out).
        """
        from .api.chats import get_chat_message as _op

        client = self._for_call(extra_headers, timeout, max_retries)
        return await _op.asyncio(
            self._default("business_id", business_id),
            client=client,
            chat_id=chat_id,
            message_id=message_id,
        )

    async def send_message_to_chat(
        self,
        *,
        chat_id: int,
        message: str,
        business_id: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        timeout: httpx.Timeout | float | None = None,
        max_retries: int | None = None,
    ) -> EmptyApiResponse:
        """Send a text message to a chat with a buyer.

        Posts a message to a chat with a buyer. The API has no idempotency key: after a server error or
        a read timeout the message may already be in the chat, and sending it again can post it twice.

        Needs a token with the `communication` or `all-methods` scope. Limit: 1,000 requests per hour.

        Args:
            chat_id: The chat id. (At least 1.)
            message: The text of the message: 1 to 4,096 characters, not all of them whitespace. The
                service counts characters as Java does, in UTF-16 code units: a character outside the Basic
                Multilingual Plane (most emoji) counts as two. (1 to 4,096 UTF-16 code units; matching
                '\\\\S'.)
            business_id: The business (cabinet) id. Find it with `GET v2/campaigns`. (At least 1.)
                Default: the client's business_id (YANDEX_MARKET_BUSINESS_ID).
            extra_headers: Headers added to this request only.
            timeout: This call's timeout (as the client's `timeout`; None: the client's).
            max_retries: This call's retries (as the client's `max_retries`; None: the client's).

        Returns:
            EmptyApiResponse: the parsed 200 answer.

        Raises:
            InvalidRequestError: An argument breaks the spec (raised before any request).
            APIStatusError: A non-2xx answer: BadRequestError (400), AuthenticationError (401),
                PermissionDeniedError (403), NotFoundError (404), RateLimitError (420),
                InternalServerError (5xx).
            APIConnectionError: No answer came (APITimeoutError when it timed out).
                `may_have_been_delivered` tells whether it may have taken effect: this operation is
                never sent twice, so check before calling again.
        """
        from .api.chats import send_message_to_chat as _op

        body = _fields(
            {
                "message": message,
            },
            required=True,
        )
        client = self._for_call(extra_headers, timeout, max_retries)
        return await _op.asyncio(
            self._default("business_id", business_id),
            client=client,
            body=body,
            chat_id=chat_id,
        )

    async def send_file_to_chat(
        self,
        *,
        chat_id: int,
        file: FileSource,
        file_name: str | None = None,
        mime_type: str | None = None,
        business_id: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        timeout: httpx.Timeout | float | None = None,
        max_retries: int | None = None,
    ) -> EmptyApiResponse:
        """Send a file to a chat with a buyer.

        Posts a file (at most 5 MB) to a chat with a buyer. The API has no idempotency key: after a
        server error or a read timeout the file may already be in the chat, and sending it again can
        post it twice.

        Needs a token with the `communication` or `all-methods` scope. Limit: 1,000 requests per hour.

        Args:
            chat_id: The chat id. (At least 1.)
            file: The file content: not empty, and at most 5 MB. This client takes "5 MB" as 5 MiB
                (5,242,880 bytes), the larger of the two readings. (A path, bytes or a binary file; not
                empty; at most 5,242,880 bytes.)
            file_name: The name sent with the file (default: the path's or the file object's name).
            mime_type: The MIME type sent with the file (default: guessed from the name).
            business_id: The business (cabinet) id. Find it with `GET v2/campaigns`. (At least 1.)
                Default: the client's business_id (YANDEX_MARKET_BUSINESS_ID).
            extra_headers: Headers added to this request only.
            timeout: This call's timeout (as the client's `timeout`; None: the client's).
            max_retries: This call's retries (as the client's `max_retries`; None: the client's).

        Returns:
            EmptyApiResponse: the parsed 200 answer.

        Raises:
            InvalidRequestError: An argument breaks the spec (raised before any request).
            APIStatusError: A non-2xx answer: BadRequestError (400), AuthenticationError (401),
                PermissionDeniedError (403), NotFoundError (404), RateLimitError (420),
                InternalServerError (5xx).
            APIConnectionError: No answer came (APITimeoutError when it timed out).
                `may_have_been_delivered` tells whether it may have taken effect: this operation is
                never sent twice, so check before calling again.
        """
        from .api.chats import send_file_to_chat as _op
        from .models.send_file_to_chat_request import SendFileToChatRequest

        body = SendFileToChatRequest(
            file=await _afile(
                file, file_name, mime_type, max_bytes=5242880, argument="file"
            ),
        )
        client = self._for_call(extra_headers, timeout, max_retries)
        return await _op.asyncio(
            self._default("business_id", business_id),
            client=client,
            body=body,
            chat_id=chat_id,
        )


class AsyncRawYandexMarketChat(ClientView):
    """`AsyncYandexMarketChat.with_raw_response`: each method returns the Response."""

    _DEFAULTS: ClassVar[Mapping[str, tuple[str, type, Validator]]] = _DEFAULTS

    async def create_chat(
        self,
        *,
        context: ChatContextDTO | ChatContextDTODict | Unset = UNSET,
        order_id: int | Unset = UNSET,
        business_id: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        timeout: httpx.Timeout | float | None = None,
        max_retries: int | None = None,
    ) -> Response[CreateChatResponse]:
        """Create a chat with a buyer for an order or a return.

        Creates a chat with the buyer of an order or of a return, or returns the chat that already
        exists for that context: calling it twice is safe. Return chats exist only for FBY, FBS and
        Express stores.

        Needs a token with the `communication` or `all-methods` scope. Limit: 1,000 requests per hour.

        Give at least one of: context, order_id.

        Args:
            context: The order or the return the chat is about. Optional: not sent when left out.
            order_id: The order id. Deprecated — use `context` with type `ORDER`. (At least 1.)
                Optional: not sent when left out.
            business_id: The business (cabinet) id. Find it with `GET v2/campaigns`. (At least 1.)
                Default: the client's business_id (YANDEX_MARKET_BUSINESS_ID).
            extra_headers: Headers added to this request only.
            timeout: This call's timeout (as the client's `timeout`; None: the client's).
            max_retries: This call's retries (as the client's `max_retries`; None: the client's).

        Returns:
            Response[CreateChatResponse]: status, headers (`.rate_limit` parsed) and content; `parsed` is the CreateChatResponse of a 2xx answer, None for any other status.

        Raises:
            InvalidRequestError: An argument breaks the spec (raised before any request).
            APIConnectionError: No answer came (APITimeoutError when it timed out).
        """
        from .api.chats import create_chat as _op

        body = _fields(
            {
                "context": context,
                "orderId": order_id,
            },
            required=True,
        )
        client = self._for_call(extra_headers, timeout, max_retries)
        from .models.create_chat_response import CreateChatResponse

        return _answers.typed(
            await _op.asyncio_detailed(
                self._default("business_id", business_id),
                client=client,
                body=body,
            ),
            CreateChatResponse,
        )

    async def get_chats(
        self,
        *,
        page_token: str | Unset = UNSET,
        limit: int | Unset = UNSET,
        order_ids: Sequence[int] | None | Unset = UNSET,
        contexts: Sequence[ChatContextDTO | ChatContextDTODict] | None | Unset = UNSET,
        context_types: Sequence[ChatContextType | Literal["ORDER", "RETURN", "DIRECT"]]
        | None
        | Unset = UNSET,
        types: Sequence[ChatType | Literal["CHAT", "ARBITRAGE"]] | None | Unset = UNSET,
        statuses: Sequence[
            ChatStatusType
            | Literal[
                "NEW",
                "WAITING_FOR_CUSTOMER",
                "WAITING_FOR_PARTNER",
                "WAITING_FOR_ARBITER",
                "WAITING_FOR_MARKET",
                "FINISHED",
            ]
        ]
        | None
        | Unset = UNSET,
        business_id: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        timeout: httpx.Timeout | float | None = None,
        max_retries: int | None = None,
    ) -> Response[GetChatsResponse]:
        """List the chats with buyers.

        Returns the chats with buyers, a page at a time, filtered by the body: pass `{"statuses":
        ["WAITING_FOR_PARTNER"]}` for the chats that wait for the seller's answer, `contexts` to find
        the chat of an order or a return. Every filter is a list of at least one item: leave out a
        filter you do not need — an empty list is refused (the client never sends `[]`). `{}` returns
        all chats.

        Paging: the cursor is the query parameter `pageToken`; the filters stay in the body, sent
        unchanged with every page. The order of the chats is not documented.

        Needs a token with the `communication`, `all-methods` or `all-methods:read-only` scope. Limit:
        5,000 requests per hour (each page is one request).

        Args:
            page_token: The page to return: the `nextPageToken` of the previous answer. Leave it out for
                the first page. (Not empty.) Optional: not sent when left out.
            limit: How many chats a page holds. (1 to 20; default 10.) Optional: not sent when left out.
            order_ids: Market order ids. Deprecated — use `contexts`. (Not empty: leave it out rather
                than pass []; no repeats; each at least 1.) Optional: not sent when left out.
            contexts: The orders or returns whose chats to return. (Not empty: leave it out rather than
                pass []; no repeats.) Optional: not sent when left out.
            context_types: What the chats are about. (Not empty: leave it out rather than pass []; no
                repeats; each one of ORDER, RETURN, DIRECT.) Optional: not sent when left out.
            types: The types of the chats. (Not empty: leave it out rather than pass []; no repeats;
                each one of CHAT, ARBITRAGE.) Optional: not sent when left out.
            statuses: The statuses of the chats. (Not empty: leave it out rather than pass []; no
                repeats; each one of NEW, WAITING_FOR_CUSTOMER, WAITING_FOR_PARTNER, WAITING_FOR_ARBITER,
                WAITING_FOR_MARKET, FINISHED.) Optional: not sent when left out.
            business_id: The business (cabinet) id. Find it with `GET v2/campaigns`. (At least 1.)
                Default: the client's business_id (YANDEX_MARKET_BUSINESS_ID).
            extra_headers: Headers added to this request only.
            timeout: This call's timeout (as the client's `timeout`; None: the client's).
            max_retries: This call's retries (as the client's `max_retries`; None: the client's).

        Returns:
            Response[GetChatsResponse]: status, headers (`.rate_limit` parsed) and content; `parsed` is the GetChatsResponse of a 2xx answer, None for any other status.

        Raises:
            InvalidRequestError: An argument breaks the spec (raised before any request).
            APIConnectionError: No answer came (APITimeoutError when it timed out).
        """
        from .api.chats import get_chats as _op

        body = _fields(
            {
                "orderIds": order_ids,
                "contexts": contexts,
                "contextTypes": context_types,
                "types": types,
                "statuses": statuses,
            },
            required=True,
        )
        client = self._for_call(extra_headers, timeout, max_retries)
        from .models.get_chats_response import GetChatsResponse

        return _answers.typed(
            await _op.asyncio_detailed(
                self._default("business_id", business_id),
                client=client,
                body=body,
                page_token=page_token,
                limit=limit,
            ),
            GetChatsResponse,
        )

    async def get_chat(
        self,
        *,
        chat_id: int,
        business_id: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        timeout: httpx.Timeout | float | None = None,
        max_retries: int | None = None,
    ) -> Response[GetChatResponse]:
        """Get one chat by its id.

        Returns a chat with a buyer by its id: what it is about (order, return, or a `DIRECT` chat the
        buyer started about a product, which has no order or return id), its type, status and times. The
        path is `/chat` (singular), unlike the list.

        Needs a token with the `communication`, `all-methods` or `all-methods:read-only` scope. Limit:
        1,000 requests per hour.

        Args:
            chat_id: The chat id. (At least 1.)
            business_id: The business (cabinet) id. Find it with `GET v2/campaigns`. (At least 1.)
                Default: the client's business_id (YANDEX_MARKET_BUSINESS_ID).
            extra_headers: Headers added to this request only.
            timeout: This call's timeout (as the client's `timeout`; None: the client's).
            max_retries: This call's retries (as the client's `max_retries`; None: the client's).

        Returns:
            Response[GetChatResponse]: status, headers (`.rate_limit` parsed) and content; `parsed` is the GetChatResponse of a 2xx answer, None for any other status.

        Raises:
            InvalidRequestError: An argument breaks the spec (raised before any request).
            APIConnectionError: No answer came (APITimeoutError when it timed out).
        """
        from .api.chats import get_chat as _op

        client = self._for_call(extra_headers, timeout, max_retries)
        from .models.get_chat_response import GetChatResponse

        return _answers.typed(
            await _op.asyncio_detailed(
                self._default("business_id", business_id),
                client=client,
                chat_id=chat_id,
            ),
            GetChatResponse,
        )

    async def get_chat_history(
        self,
        *,
        chat_id: int,
        page_token: str | Unset = UNSET,
        limit: int | Unset = UNSET,
        message_id_from: int | Unset = UNSET,
        business_id: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        timeout: httpx.Timeout | float | None = None,
        max_retries: int | None = None,
    ) -> Response[GetChatHistoryResponse]:
        """Read the messages of a chat.

        Returns the messages of a chat, a page at a time. `messageIdFrom` in the body asks for the
        messages starting from that message id; the documentation does not say whether that message
        itself is included, in which order messages come, or how `messageIdFrom` combines with
        `pageToken` — this client's `after_message_id` argument sends `messageIdFrom`, yields only the
        messages whose `messageId` is greater, and de-duplicates messages by `messageId` across pages.

        Paging: the cursor is the query parameter `pageToken`; `chatId` and the body are sent unchanged
        with every page.

        Needs a token with the `communication`, `all-methods` or `all-methods:read-only` scope. Limit:
        10,000 requests per hour (each page is one request).

        This raw view sends one request: it does not page, and takes `message_id_from` as it is instead
        of `after_message_id`.

        Args:
            chat_id: The chat id. (At least 1.)
            page_token: The page to return: the `nextPageToken` of the previous answer. Leave it out for
                the first page. (Not empty.) Optional: not sent when left out.
            limit: How many messages a page holds. (1 to 100; default 50.) Optional: not sent when left
                out.
            message_id_from: Return the messages starting from this message id. Whether that message
                itself is returned is not documented. (At least 1.) Optional: not sent when left out.
            business_id: The business (cabinet) id. Find it with `GET v2/campaigns`. (At least 1.)
                Default: the client's business_id (YANDEX_MARKET_BUSINESS_ID).
            extra_headers: Headers added to this request only.
            timeout: This call's timeout (as the client's `timeout`; None: the client's).
            max_retries: This call's retries (as the client's `max_retries`; None: the client's).

        Returns:
            Response[GetChatHistoryResponse]: status, headers (`.rate_limit` parsed) and content; `parsed` is the GetChatHistoryResponse of a 2xx answer, None for any other status.

        Raises:
            InvalidRequestError: An argument breaks the spec (raised before any request).
            APIConnectionError: No answer came (APITimeoutError when it timed out).
        """
        from .api.chats import get_chat_history as _op

        body = _fields(
            {
                "messageIdFrom": message_id_from,
            },
            required=True,
        )
        client = self._for_call(extra_headers, timeout, max_retries)
        from .models.get_chat_history_response import GetChatHistoryResponse

        return _answers.typed(
            await _op.asyncio_detailed(
                self._default("business_id", business_id),
                client=client,
                body=body,
                chat_id=chat_id,
                page_token=page_token,
                limit=limit,
            ),
            GetChatHistoryResponse,
        )

    async def get_chat_message(
        self,
        *,
        chat_id: int,
        message_id: int,
        business_id: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        timeout: httpx.Timeout | float | None = None,
        max_retries: int | None = None,
    ) -> Response[GetChatMessageResponse]:
        """Get one message of a chat by its id.

        Returns one message of a chat: its text or files, who sent it and when. Use it on a
        `CHAT_MESSAGE_SENT` notification, which carries the chat id and the message id (as a string
        there: pass it as an integer here). The path is shared with sendMessageToChat (POST).

        Needs a token with the `communication`, `all-methods` or `all-methods:read-only` scope. Limit:
        1,000 requests per hour.

        Args:
            chat_id: The chat id. (At least 1.)
            message_id: The message id. (At least 1.)
            business_id: The business (cabinet) id. Find it with `GET v2/campaigns`. (At least 1.)
                Default: the client's business_id (YANDEX_MARKET_BUSINESS_ID).
            extra_headers: Headers added to this request only.
            timeout: This call's timeout (as the client's `timeout`; None: the client's).
            max_retries: This call's retries (as the client's `max_retries`; None: the client's).

        Returns:
            Response[GetChatMessageResponse]: status, headers (`.rate_limit` parsed) and content; `parsed` is the GetChatMessageResponse of a 2xx answer, None for any other status.

        Raises:
            InvalidRequestError: An argument breaks the spec (raised before any request).
            APIConnectionError: No answer came (APITimeoutError when it timed out).
        """
        from .api.chats import get_chat_message as _op

        client = self._for_call(extra_headers, timeout, max_retries)
        from .models.get_chat_message_response import GetChatMessageResponse

        return _answers.typed(
            await _op.asyncio_detailed(
                self._default("business_id", business_id),
                client=client,
                chat_id=chat_id,
                message_id=message_id,
            ),
            GetChatMessageResponse,
        )

    async def send_message_to_chat(
        self,
        *,
        chat_id: int,
        message: str,
        business_id: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        timeout: httpx.Timeout | float | None = None,
        max_retries: int | None = None,
    ) -> Response[EmptyApiResponse]:
        """Send a text message to a chat with a buyer.

        Posts a message to a chat with a buyer. The API has no idempotency key: after a server error or
        a read timeout the message may already be in the chat, and sending it again can post it twice.

        Needs a token with the `communication` or `all-methods` scope. Limit: 1,000 requests per hour.

        Args:
            chat_id: The chat id. (At least 1.)
            message: The text of the message: 1 to 4,096 characters, not all of them whitespace. The
                service counts characters as Java does, in UTF-16 code units: a character outside the Basic
                Multilingual Plane (most emoji) counts as two. (1 to 4,096 UTF-16 code units; matching
                '\\\\S'.)
            business_id: The business (cabinet) id. Find it with `GET v2/campaigns`. (At least 1.)
                Default: the client's business_id (YANDEX_MARKET_BUSINESS_ID).
            extra_headers: Headers added to this request only.
            timeout: This call's timeout (as the client's `timeout`; None: the client's).
            max_retries: This call's retries (as the client's `max_retries`; None: the client's).

        Returns:
            Response[EmptyApiResponse]: status, headers (`.rate_limit` parsed) and content; `parsed` is the EmptyApiResponse of a 2xx answer, None for any other status.

        Raises:
            InvalidRequestError: An argument breaks the spec (raised before any request).
            APIConnectionError: No answer came (APITimeoutError when it timed out).
                `may_have_been_delivered` tells whether it may have taken effect: this operation is
                never sent twice, so check before calling again.
        """
        from .api.chats import send_message_to_chat as _op

        body = _fields(
            {
                "message": message,
            },
            required=True,
        )
        client = self._for_call(extra_headers, timeout, max_retries)
        from .models.empty_api_response import EmptyApiResponse

        return _answers.typed(
            await _op.asyncio_detailed(
                self._default("business_id", business_id),
                client=client,
                body=body,
                chat_id=chat_id,
            ),
            EmptyApiResponse,
        )

    async def send_file_to_chat(
        self,
        *,
        chat_id: int,
        file: FileSource,
        file_name: str | None = None,
        mime_type: str | None = None,
        business_id: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        timeout: httpx.Timeout | float | None = None,
        max_retries: int | None = None,
    ) -> Response[EmptyApiResponse]:
        """Send a file to a chat with a buyer.

        Posts a file (at most 5 MB) to a chat with a buyer. The API has no idempotency key: after a
        server error or a read timeout the file may already be in the chat, and sending it again can
        post it twice.

        Needs a token with the `communication` or `all-methods` scope. Limit: 1,000 requests per hour.

        Args:
            chat_id: The chat id. (At least 1.)
            file: The file content: not empty, and at most 5 MB. This client takes "5 MB" as 5 MiB
                (5,242,880 bytes), the larger of the two readings. (A path, bytes or a binary file; not
                empty; at most 5,242,880 bytes.)
            file_name: The name sent with the file (default: the path's or the file object's name).
            mime_type: The MIME type sent with the file (default: guessed from the name).
            business_id: The business (cabinet) id. Find it with `GET v2/campaigns`. (At least 1.)
                Default: the client's business_id (YANDEX_MARKET_BUSINESS_ID).
            extra_headers: Headers added to this request only.
            timeout: This call's timeout (as the client's `timeout`; None: the client's).
            max_retries: This call's retries (as the client's `max_retries`; None: the client's).

        Returns:
            Response[EmptyApiResponse]: status, headers (`.rate_limit` parsed) and content; `parsed` is the EmptyApiResponse of a 2xx answer, None for any other status.

        Raises:
            InvalidRequestError: An argument breaks the spec (raised before any request).
            APIConnectionError: No answer came (APITimeoutError when it timed out).
                `may_have_been_delivered` tells whether it may have taken effect: this operation is
                never sent twice, so check before calling again.
        """
        from .api.chats import send_file_to_chat as _op
        from .models.send_file_to_chat_request import SendFileToChatRequest

        body = SendFileToChatRequest(
            file=await _afile(
                file, file_name, mime_type, max_bytes=5242880, argument="file"
            ),
        )
        client = self._for_call(extra_headers, timeout, max_retries)
        from .models.empty_api_response import EmptyApiResponse

        return _answers.typed(
            await _op.asyncio_detailed(
                self._default("business_id", business_id),
                client=client,
                body=body,
                chat_id=chat_id,
            ),
            EmptyApiResponse,
        )


__all__ = [
    "DEFAULT_BASE_URL",
    "DEFAULT_TIMEOUT",
    "AsyncRawYandexMarketChat",
    "AsyncYandexMarketChat",
    "AuthenticatedClient",
    "RawYandexMarketChat",
    "YandexMarketChat",
]
