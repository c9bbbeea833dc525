# The models this one refers to are imported at the end of the module (see from_dict):
# ruff: noqa: E402
from __future__ import annotations

import datetime
import json as _json
from collections.abc import Iterable, Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.chat_message_sender_type import ChatMessageSenderType

T = TypeVar("T", bound="ChatMessageDTO")


def _additional_ChatMessageDTO(
    held: dict[str, Any] | list[Any],
) -> dict[str, Any]:
    """ChatMessageDTO's additional_properties from what it holds: the dict found, or [the answer's dict]
    whose unknown fields are not looked for yet (also what == compares)."""
    if isinstance(held, dict):
        return held
    return {k: v for k, v in held[0].items() if k not in _KNOWN_ChatMessageDTO}


@_attrs_define
class ChatMessageDTO:
    """A message of a chat: its text (`message`), its files (`payload`), or — for a sticker
    — neither.

    """

    message_id: int
    """ The message id. """
    created_at: datetime.datetime
    """ When the message was sent (ISO 8601 with a UTC offset). """
    sender: ChatMessageSenderType
    """ Who sent a message: `PARTNER` — the seller; `CUSTOMER` — the buyer; `MARKET` — the
    Market (an automatic message); `SUPPORT` — a Market support employee.
     """
    message: str | None = None
    """ The text of the message. """
    payload: list[ChatMessagePayloadDTO] | None = None
    """ The files attached to the message. """
    _additional: dict[str, Any] | list[Any] = _attrs_field(
        init=False, factory=dict, eq=_additional_ChatMessageDTO, repr=False
    )
    """additional_properties once found; until then (from_dict) a list holding the answer's dict."""

    @property
    def additional_properties(self) -> dict[str, Any]:
        """The answer's fields this client does not know, as they came (found when first read)."""
        found = self._additional
        if not isinstance(found, dict):
            found = self._additional = _additional_ChatMessageDTO(found)
        return found

    @additional_properties.setter
    def additional_properties(self, value: dict[str, Any]) -> None:
        self._additional = value

    def __repr__(self) -> str:
        shown: list[str] = []
        shown.append(f"message_id={self.message_id!r}")
        shown.append(f"created_at={self.created_at!r}")
        shown.append(f"sender={self.sender!r}")
        if self.message is not None:
            shown.append(f"message={self.message!r}")
        if self.payload is not None:
            shown.append(f"payload={self.payload!r}")
        if self.additional_properties:
            shown.append(f"additional_properties={self.additional_properties!r}")
        return f"ChatMessageDTO({', '.join(shown)})"

    def to_dict(self) -> dict[str, Any]:
        """This answer as JSON values under the API's wire names: the fields that are set (None
        left out) and the fields this client does not know, as they came."""
        field_dict: dict[str, Any] = dict(self.additional_properties)
        field_dict["messageId"] = self.message_id
        field_dict["createdAt"] = self.created_at.isoformat()
        field_dict["sender"] = self.sender.value
        if self.message is not None:
            field_dict["message"] = self.message
        if self.payload is not None:
            field_dict["payload"] = [item0.to_dict() for item0 in self.payload]
        return field_dict

    def to_json(self) -> str:
        """This model as JSON text under the API's wire names (`to_dict()`, dumped)."""
        return _json.dumps(self.to_dict(), ensure_ascii=False)

    @classmethod
    def from_json(cls: type[T], text: str | bytes) -> T:
        """A model from JSON text under the API's wire names (`from_dict()` of it)."""
        return cls.from_dict(_json.loads(text))

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = src_dict
        # Filled in without __init__: attrs' keyword call was a third of the cost of a message.
        # Every field is set here, as __init__ would set it.
        chat_message_dto = _NEW(cls)
        chat_message_dto.message_id = d["messageId"]
        chat_message_dto.created_at = _DATETIME_FROM_ISO(d["createdAt"])
        chat_message_dto.sender = _MEMBERS_ChatMessageSenderType.get(
            d["sender"]
        ) or ChatMessageSenderType(d["sender"])
        chat_message_dto.message = d.get("message")
        chat_message_dto.payload = (
            None
            if (_v := d.get("payload")) is None
            else ChatMessagePayloadDTO._from_dicts(_v)
        )
        chat_message_dto._additional = [d]
        return chat_message_dto

    @classmethod
    def _from_dicts(cls: type[T], src_dicts: Iterable[Mapping[str, Any]]) -> list[T]:
        """from_dict of each, in one frame: a call for each item cost ~300 instructions of a list's
        ~7,000 an item (an answer's list of these is parsed with this)."""
        items: list[T] = []
        append = items.append
        for d in src_dicts:
            item = _NEW(cls)
            item.message_id = d["messageId"]
            item.created_at = _DATETIME_FROM_ISO(d["createdAt"])
            item.sender = _MEMBERS_ChatMessageSenderType.get(
                d["sender"]
            ) or ChatMessageSenderType(d["sender"])
            item.message = d.get("message")
            item.payload = (
                None
                if (_v := d.get("payload")) is None
                else ChatMessagePayloadDTO._from_dicts(_v)
            )
            item._additional = [d]
            append(item)
        return items

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


_KNOWN_ChatMessageDTO = frozenset(
    (
        "messageId",
        "createdAt",
        "sender",
        "message",
        "payload",
    )
)
"""The wire names ChatMessageDTO knows; any other field of an answer is kept in additional_properties."""
_NEW = object.__new__
"""Bound once: `cls.__new__(cls)` looked the method up on the class for every answer parsed."""
from ..models.chat_message_payload_dto import ChatMessagePayloadDTO

_DATETIME_FROM_ISO = datetime.datetime.fromisoformat
"""Bound once: looking up `datetime.datetime.fromisoformat` made a new bound method for every value parsed."""
_MEMBERS_ChatMessageSenderType = cast(
    "dict[Any, ChatMessageSenderType]", ChatMessageSenderType._value2member_map_
)
"""ChatMessageSenderType's members by value, looked up by from_dict (a value not in it is an unknown one: kept)."""
