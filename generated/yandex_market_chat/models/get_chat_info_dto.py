# The models this one refers to are imported at the end of the module (see from_dict):
# ruff: noqa: E402
from __future__ import annotations

import datetime
import json as _json
from collections.abc import Iterable, Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.chat_status_type import ChatStatusType
from ..models.chat_type import ChatType

T = TypeVar("T", bound="GetChatInfoDTO")


def _additional_GetChatInfoDTO(
    held: dict[str, Any] | list[Any],
) -> dict[str, Any]:
    """GetChatInfoDTO's additional_properties from what it holds: the dict found, or [the answer's dict]
    whose unknown fields are not looked for yet (also what == compares)."""
    if isinstance(held, dict):
        return held
    return {k: v for k, v in held[0].items() if k not in _KNOWN_GetChatInfoDTO}


@_attrs_define
class GetChatInfoDTO:
    """A chat with a buyer."""

    chat_id: int
    """ The chat id. """
    context: ChatFullContextDTO
    """ What a chat is about. Orders and returns carry `orderId` and `campaignId`, returns
    also `returnId`; a `DIRECT` chat (started by the buyer about a product) has no order
    or return id.
     """
    type_: ChatType
    """ The type of a chat: `CHAT` — a chat with the buyer; `ARBITRAGE` — a dispute. """
    status: ChatStatusType
    """ The status of a chat: `NEW` — new; `WAITING_FOR_CUSTOMER` — the buyer's answer is
    needed; `WAITING_FOR_PARTNER` — the seller's answer is needed; `WAITING_FOR_ARBITER`
    — the arbiter's answer is needed; `WAITING_FOR_MARKET` — the Market's answer is
    needed; `FINISHED` — the chat is finished.
     """
    created_at: datetime.datetime
    """ When the chat was created (ISO 8601 with a UTC offset). """
    updated_at: datetime.datetime
    """ When the last message of the chat was sent. """
    order_id: int | None = None
    """ The order id. Deprecated — read `context.orderId`. """
    _additional: dict[str, Any] | list[Any] = _attrs_field(
        init=False, factory=dict, eq=_additional_GetChatInfoDTO, repr=False
    )
    """additional_properties once found; until then (from_dict) a list holding the answer's dict."""

    @property
    def additional_properties(self) -> dict[str, Any]:
        """The answer's fields this client does not know, as they came (found when first read)."""
        found = self._additional
        if not isinstance(found, dict):
            found = self._additional = _additional_GetChatInfoDTO(found)
        return found

    @additional_properties.setter
    def additional_properties(self, value: dict[str, Any]) -> None:
        self._additional = value

    def __repr__(self) -> str:
        shown: list[str] = []
        shown.append(f"chat_id={self.chat_id!r}")
        shown.append(f"context={self.context!r}")
        shown.append(f"type_={self.type_!r}")
        shown.append(f"status={self.status!r}")
        shown.append(f"created_at={self.created_at!r}")
        shown.append(f"updated_at={self.updated_at!r}")
        if self.order_id is not None:
            shown.append(f"order_id={self.order_id!r}")
        if self.additional_properties:
            shown.append(f"additional_properties={self.additional_properties!r}")
        return f"GetChatInfoDTO({', '.join(shown)})"

    def to_dict(self) -> dict[str, Any]:
        """This answer as JSON values under the API's wire names: the fields that are set (None
        left out) and the fields this client does not know, as they came."""
        field_dict: dict[str, Any] = dict(self.additional_properties)
        field_dict["chatId"] = self.chat_id
        field_dict["context"] = self.context.to_dict()
        field_dict["type"] = self.type_.value
        field_dict["status"] = self.status.value
        field_dict["createdAt"] = self.created_at.isoformat()
        field_dict["updatedAt"] = self.updated_at.isoformat()
        if self.order_id is not None:
            field_dict["orderId"] = self.order_id
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
        get_chat_info_dto = _NEW(cls)
        get_chat_info_dto.chat_id = d["chatId"]
        get_chat_info_dto.context = ChatFullContextDTO.from_dict(d["context"])
        get_chat_info_dto.type_ = _MEMBERS_ChatType.get(d["type"]) or ChatType(
            d["type"]
        )
        get_chat_info_dto.status = _MEMBERS_ChatStatusType.get(
            d["status"]
        ) or ChatStatusType(d["status"])
        get_chat_info_dto.created_at = _DATETIME_FROM_ISO(d["createdAt"])
        get_chat_info_dto.updated_at = _DATETIME_FROM_ISO(d["updatedAt"])
        get_chat_info_dto.order_id = d.get("orderId")
        get_chat_info_dto._additional = [d]
        return get_chat_info_dto

    @classmethod
    def _from_dicts(cls: type[T], src_dicts: Iterable[Mapping[str, Any]]) -> list[T]:
        """from_dict of each, in one frame: a call for each item cost ~300 instructions of a list's
        ~7,000 an item (an answer's list of these is parsed with this)."""
        items: list[T] = []
        append = items.append
        for d in src_dicts:
            item = _NEW(cls)
            item.chat_id = d["chatId"]
            item.context = ChatFullContextDTO.from_dict(d["context"])
            item.type_ = _MEMBERS_ChatType.get(d["type"]) or ChatType(d["type"])
            item.status = _MEMBERS_ChatStatusType.get(d["status"]) or ChatStatusType(
                d["status"]
            )
            item.created_at = _DATETIME_FROM_ISO(d["createdAt"])
            item.updated_at = _DATETIME_FROM_ISO(d["updatedAt"])
            item.order_id = d.get("orderId")
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


_KNOWN_GetChatInfoDTO = frozenset(
    (
        "chatId",
        "context",
        "type",
        "status",
        "createdAt",
        "updatedAt",
        "orderId",
    )
)
"""The wire names GetChatInfoDTO knows; any other field of an answer is kept in additional_properties."""
_NEW = object.__new__
"""Bound once: `cls.__new__(cls)` looked the method up on the class for every answer parsed."""
from ..models.chat_full_context_dto import ChatFullContextDTO

_DATETIME_FROM_ISO = datetime.datetime.fromisoformat
"""Bound once: looking up `datetime.datetime.fromisoformat` made a new bound method for every value parsed."""
_MEMBERS_ChatStatusType = cast(
    "dict[Any, ChatStatusType]", ChatStatusType._value2member_map_
)
"""ChatStatusType's members by value, looked up by from_dict (a value not in it is an unknown one: kept)."""
_MEMBERS_ChatType = cast("dict[Any, ChatType]", ChatType._value2member_map_)
"""ChatType's members by value, looked up by from_dict (a value not in it is an unknown one: kept)."""
