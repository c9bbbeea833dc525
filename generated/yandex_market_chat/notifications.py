"""Yandex Market Partner API — push notifications for chats: the notifications the Market sends, typed.

`parse_notification(body)` turns the bytes of a request into one of the classes below, or an
`UnknownNotification` for a type this package has no schema for; a payload that does not fit
raises `NotificationFormatError` naming the field.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from . import _notification_parse as _payload
from . import _notification_validators as _checks
from ._notification_parse import UnknownNotification
from ._request import Validator
from .errors import NotificationFormatError

__all__ = [
    "EXAMPLES",
    "NOTIFICATION_PATH",
    "PAYLOAD_FIELDS",
    "SOURCE_NETWORKS",
    "TIMEOUT_SECONDS",
    "PingNotification",
    "ChatCreatedNotification",
    "ChatMessageSentNotification",
    "ChatArbitrageStartedNotification",
    "ChatArbitrageFinishedNotification",
    "Notification",
    "NotificationApiErrorType",
    "NotificationFormatError",
    "NotificationType",
    "UnknownNotification",
    "parse_notification",
]


class NotificationType(StrEnum):
    """Every notification type the spec lists. Open: `notification_type` is a plain string, and a
    type missing here arrives as an `UnknownNotification`."""

    PING = "PING"
    ORDER_CREATED = "ORDER_CREATED"
    ORDER_CANCELLED = "ORDER_CANCELLED"
    ORDER_STATUS_UPDATED = "ORDER_STATUS_UPDATED"
    ORDER_RETURN_CREATED = "ORDER_RETURN_CREATED"
    ORDER_CANCELLATION_REQUEST = "ORDER_CANCELLATION_REQUEST"
    ORDER_RETURN_STATUS_UPDATED = "ORDER_RETURN_STATUS_UPDATED"
    ORDER_UPDATED = "ORDER_UPDATED"
    ORDER_LINE_SERVICE_STATUS_UPDATED = "ORDER_LINE_SERVICE_STATUS_UPDATED"
    GOODS_FEEDBACK_CREATED = "GOODS_FEEDBACK_CREATED"
    GOODS_FEEDBACK_COMMENT_CREATED = "GOODS_FEEDBACK_COMMENT_CREATED"
    CHAT_CREATED = "CHAT_CREATED"
    CHAT_MESSAGE_SENT = "CHAT_MESSAGE_SENT"
    CHAT_ARBITRAGE_STARTED = "CHAT_ARBITRAGE_STARTED"
    CHAT_ARBITRAGE_FINISHED = "CHAT_ARBITRAGE_FINISHED"
    QUESTION_CREATED = "QUESTION_CREATED"
    QUESTION_ANSWER_CREATED = "QUESTION_ANSWER_CREATED"
    QUESTION_COMMENT_CREATED = "QUESTION_COMMENT_CREATED"


class NotificationApiErrorType(StrEnum):
    """The error types of the answer's error body."""

    UNKNOWN = "UNKNOWN"
    WRONG_EVENT_FORMAT = "WRONG_EVENT_FORMAT"
    DUPLICATED_EVENT = "DUPLICATED_EVENT"


@dataclass(frozen=True, slots=True)
class PingNotification:
    """A check that the server answers, sent when the seller saves or re-enables the integration. Answer at once: the Market waits 1 s."""

    time: datetime | None = None
    """When the Market sent the check."""

    @property
    def notification_type(self) -> str:
        return "PING"

    @property
    def event_key(self) -> str:
        """Not recorded: the receiver answers it at once."""
        return ""

    @classmethod
    def from_payload(cls, data: Mapping[str, Any]) -> PingNotification:
        """From a payload the spec's check accepted."""
        return cls(
            time=_payload.maybe(
                data.get("time"), lambda value: _payload.date_time(value, "time")
            ),
        )


@dataclass(frozen=True, slots=True)
class ChatCreatedNotification:
    """A chat was created (for every chat type). Fetch it once with getChat and keep what it is about: the order or return id and the buyer's public data."""

    chat_id: int
    """The chat id."""
    business_id: int
    """The business (cabinet) id."""
    created_at: datetime
    """When the chat was created."""

    @property
    def notification_type(self) -> str:
        return "CHAT_CREATED"

    @property
    def event_key(self) -> str:
        """The event's identity: the type and business_id, chat_id."""
        return _payload.event_key(
            self.notification_type, self.business_id, self.chat_id
        )

    @classmethod
    def from_payload(cls, data: Mapping[str, Any]) -> ChatCreatedNotification:
        """From a payload the spec's check accepted."""
        return cls(
            chat_id=data["chatId"],
            business_id=data["businessId"],
            created_at=_payload.date_time(data["createdAt"], "createdAt"),
        )


@dataclass(frozen=True, slots=True)
class ChatMessageSentNotification:
    """A message was posted to a chat (for every chat type; not for sticker messages). Read it with getChatMessage (`chat_id`, `message_id`)."""

    chat_id: int
    """The chat id."""
    message_id: int
    """The message id. A decimal string here, an integer in getChatMessage: the package gives it as `int`."""
    business_id: int
    """The business (cabinet) id."""
    sent_at: datetime
    """When the message was posted."""

    @property
    def notification_type(self) -> str:
        return "CHAT_MESSAGE_SENT"

    @property
    def event_key(self) -> str:
        """The event's identity: the type and business_id, chat_id, message_id."""
        return _payload.event_key(
            self.notification_type, self.business_id, self.chat_id, self.message_id
        )

    @classmethod
    def from_payload(cls, data: Mapping[str, Any]) -> ChatMessageSentNotification:
        """From a payload the spec's check accepted."""
        return cls(
            chat_id=data["chatId"],
            message_id=_payload.decimal(data["messageId"], "messageId"),
            business_id=data["businessId"],
            sent_at=_payload.date_time(data["sentAt"], "sentAt"),
        )


@dataclass(frozen=True, slots=True)
class ChatArbitrageStartedNotification:
    """A dispute started in a chat at the buyer's request (not sent for `DIRECT` chats)."""

    chat_id: int
    """The chat id."""
    business_id: int
    """The business (cabinet) id."""
    started_at: datetime
    """When the dispute started."""

    @property
    def notification_type(self) -> str:
        return "CHAT_ARBITRAGE_STARTED"

    @property
    def event_key(self) -> str:
        """The event's identity: the type and business_id, chat_id, started_at."""
        return _payload.event_key(
            self.notification_type, self.business_id, self.chat_id, self.started_at
        )

    @classmethod
    def from_payload(cls, data: Mapping[str, Any]) -> ChatArbitrageStartedNotification:
        """From a payload the spec's check accepted."""
        return cls(
            chat_id=data["chatId"],
            business_id=data["businessId"],
            started_at=_payload.date_time(data["startedAt"], "startedAt"),
        )


@dataclass(frozen=True, slots=True)
class ChatArbitrageFinishedNotification:
    """A dispute in a chat finished (not sent for `DIRECT` chats)."""

    chat_id: int
    """The chat id."""
    business_id: int
    """The business (cabinet) id."""
    finished_at: datetime
    """When the dispute finished."""

    @property
    def notification_type(self) -> str:
        return "CHAT_ARBITRAGE_FINISHED"

    @property
    def event_key(self) -> str:
        """The event's identity: the type and business_id, chat_id, finished_at."""
        return _payload.event_key(
            self.notification_type, self.business_id, self.chat_id, self.finished_at
        )

    @classmethod
    def from_payload(cls, data: Mapping[str, Any]) -> ChatArbitrageFinishedNotification:
        """From a payload the spec's check accepted."""
        return cls(
            chat_id=data["chatId"],
            business_id=data["businessId"],
            finished_at=_payload.date_time(data["finishedAt"], "finishedAt"),
        )


Notification = (
    PingNotification
    | ChatCreatedNotification
    | ChatMessageSentNotification
    | ChatArbitrageStartedNotification
    | ChatArbitrageFinishedNotification
    | UnknownNotification
)
"""Any notification `parse_notification` returns."""

_KINDS: Mapping[str, tuple[Validator, Any]] = {
    "PING": (_checks.kind_1, PingNotification.from_payload),
    "CHAT_CREATED": (_checks.kind_2, ChatCreatedNotification.from_payload),
    "CHAT_MESSAGE_SENT": (_checks.kind_3, ChatMessageSentNotification.from_payload),
    "CHAT_ARBITRAGE_STARTED": (
        _checks.kind_4,
        ChatArbitrageStartedNotification.from_payload,
    ),
    "CHAT_ARBITRAGE_FINISHED": (
        _checks.kind_5,
        ChatArbitrageFinishedNotification.from_payload,
    ),
}

NOTIFICATION_PATH = "/notification"
"""Where the Market posts, below the base URL registered in the seller cabinet."""
SOURCE_NETWORKS: tuple[str, ...] = (
    "5.45.207.0/25",
    "141.8.142.0/25",
    "5.255.253.0/25",
)
"""The networks the Market sends notifications from."""
TIMEOUT_SECONDS: Mapping[str, float] = {
    "PING": 1.0,
    "CHAT_CREATED": 10.0,
    "CHAT_MESSAGE_SENT": 10.0,
    "CHAT_ARBITRAGE_STARTED": 10.0,
    "CHAT_ARBITRAGE_FINISHED": 10.0,
}
"""How long the Market waits for the answer to each type."""
EXAMPLES: Mapping[str, Mapping[str, Any]] = {
    "PING": {"notificationType": "PING", "time": "2025-01-01T00:00:00Z"},
    "CHAT_CREATED": {
        "notificationType": "CHAT_CREATED",
        "chatId": 92837461,
        "businessId": 111,
        "createdAt": "2025-01-01T00:00:00Z",
    },
    "CHAT_MESSAGE_SENT": {
        "notificationType": "CHAT_MESSAGE_SENT",
        "chatId": 92837461,
        "messageId": "20150001",
        "businessId": 111,
        "sentAt": "2025-01-01T00:00:00.213Z",
    },
    "CHAT_ARBITRAGE_STARTED": {
        "notificationType": "CHAT_ARBITRAGE_STARTED",
        "chatId": 92837461,
        "businessId": 111,
        "startedAt": "2025-01-01T00:00:00Z",
    },
    "CHAT_ARBITRAGE_FINISHED": {
        "notificationType": "CHAT_ARBITRAGE_FINISHED",
        "chatId": 92837461,
        "businessId": 111,
        "finishedAt": "2025-01-01T00:00:00Z",
    },
}
"""The spec's example payload of each type."""
PAYLOAD_FIELDS: Mapping[str, Mapping[str, tuple[str, bool]]] = {
    "PING": {
        "time": ("date-time", False),
    },
    "CHAT_CREATED": {
        "chatId": ("integer", True),
        "businessId": ("integer", True),
        "createdAt": ("date-time", True),
    },
    "CHAT_MESSAGE_SENT": {
        "chatId": ("integer", True),
        "messageId": ("decimal", True),
        "businessId": ("integer", True),
        "sentAt": ("date-time", True),
    },
    "CHAT_ARBITRAGE_STARTED": {
        "chatId": ("integer", True),
        "businessId": ("integer", True),
        "startedAt": ("date-time", True),
    },
    "CHAT_ARBITRAGE_FINISHED": {
        "chatId": ("integer", True),
        "businessId": ("integer", True),
        "finishedAt": ("date-time", True),
    },
}
"""Each type's fields (wire name: kind, required), for the Market stand-in (`notify`)."""


def parse_notification(body: bytes) -> Notification:
    """The notification in a request body the Market sent.

    Raises `NotificationFormatError` (naming the field) when it does not fit the spec: not UTF-8,
    not a JSON object, `notificationType` missing or not a string, or a known type whose
    payload breaks its schema. A type without a schema here is an `UnknownNotification`.
    """
    result: Notification = _payload.parse(body, "notificationType", _KINDS)
    return result
