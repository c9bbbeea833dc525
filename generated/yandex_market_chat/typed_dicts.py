"""TypedDicts of the request bodies: the JSON shape of each object schema a request uses.

Every method that takes a model also takes its dict (`create_chat(context={"type": "ORDER",
"id": 1})`); these types let an editor complete and check the keys. Written by `make generate`
from openapi/ (render/typed_dicts.py.jinja); do not edit.
"""

from collections.abc import Sequence
from typing import Literal, Required, TypedDict

from .models.chat_context_dto import ChatContextDTO
from .models.chat_context_identifiable_type import ChatContextIdentifiableType
from .models.chat_context_type import ChatContextType
from .models.chat_status_type import ChatStatusType
from .models.chat_type import ChatType


class ChatContextDTODict(TypedDict, total=False):
    """The order or the return the chat is about."""

    type: Required["ChatContextIdentifiableType | Literal['ORDER', 'RETURN']"]
    """What a chat is about: `ORDER` — an order; `RETURN` — a return (FBY, FBS and Express stores
    only). (One of ORDER, RETURN.)"""
    id: Required["int"]
    """The id of the order or of the return. (At least 1.)"""


class CreateChatRequestDict(TypedDict, total=False):
    """What to start a chat about. Give `context`; `orderId` is the older way and is deprecated. One of
    the two is needed."""

    context: "ChatContextDTO | ChatContextDTODict"
    """The order or the return the chat is about. Optional."""
    orderId: "int"
    """The order id. Deprecated — use `context` with type `ORDER`. (At least 1.) Optional."""


class GetChatHistoryRequestDict(TypedDict, total=False):
    """Which messages to return."""

    messageIdFrom: "int"
    """Return the messages starting from this message id. Whether that message itself is returned
    is not documented. (At least 1.) Optional."""


class GetChatsRequestDict(TypedDict, total=False):
    """Filters of the chats to return; leave out what you do not filter by. Each filter is a list of at
    least one item (an empty list is refused: leave the filter out)."""

    orderIds: "Sequence[int] | None"
    """Market order ids. Deprecated — use `contexts`. (Not empty: leave it out rather than pass [];
    no repeats; each at least 1.) Optional."""
    contexts: "Sequence[ChatContextDTO | ChatContextDTODict] | None"
    """The orders or returns whose chats to return. (Not empty: leave it out rather than pass [];
    no repeats.) Optional."""
    contextTypes: (
        "Sequence[ChatContextType | Literal['ORDER', 'RETURN', 'DIRECT']] | None"
    )
    """What the chats are about. (Not empty: leave it out rather than pass []; no repeats; each one
    of ORDER, RETURN, DIRECT.) Optional."""
    types: "Sequence[ChatType | Literal['CHAT', 'ARBITRAGE']] | None"
    """The types of the chats. (Not empty: leave it out rather than pass []; no repeats; each one
    of CHAT, ARBITRAGE.) Optional."""
    statuses: (
        "Sequence[ChatStatusType | Literal['NEW', 'WAITING_FOR_CUSTOMER', "
        "'WAITING_FOR_PARTNER', 'WAITING_FOR_ARBITER', 'WAITING_FOR_MARKET', "
        "'FINISHED']] | None"
    )
    """The statuses of the chats. (Not empty: leave it out rather than pass []; no repeats; each
    one of NEW, WAITING_FOR_CUSTOMER, WAITING_FOR_PARTNER, WAITING_FOR_ARBITER,
    WAITING_FOR_MARKET, FINISHED.) Optional."""


class SendMessageToChatRequestDict(TypedDict, total=False):
    """A text message."""

    message: Required["str"]
    """The text of the message: 1 to 4,096 characters, not all of them whitespace. The service
    counts characters as Java does, in UTF-16 code units: a character outside the Basic
    Multilingual Plane (most emoji) counts as two. (1 to 4,096 UTF-16 code units; matching
    '\\\\S'.)"""


__all__ = [
    "ChatContextDTODict",
    "CreateChatRequestDict",
    "GetChatHistoryRequestDict",
    "GetChatsRequestDict",
    "SendMessageToChatRequestDict",
]
