# The models this one refers to are imported at the end of the module (see from_dict):
# ruff: noqa: E402
from __future__ import annotations

import json as _json
from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ChatMessagesResultDTO")


def _additional_ChatMessagesResultDTO(
    held: dict[str, Any] | list[Any],
) -> dict[str, Any]:
    """ChatMessagesResultDTO's additional_properties from what it holds: the dict found, or [the answer's dict]
    whose unknown fields are not looked for yet (also what == compares)."""
    if isinstance(held, dict):
        return held
    return {k: v for k, v in held[0].items() if k not in _KNOWN_ChatMessagesResultDTO}


@_attrs_define
class ChatMessagesResultDTO:
    """A page of the messages of a chat. Their order is not documented: sort by `createdAt`
    or `messageId` if the order matters.

    """

    context: ChatFullContextDTO
    """ What a chat is about. Orders and returns carry `orderId` and `campaignId`, returns
    also `returnId`; a `DIRECT` chat (started by the buyer about a product) has no order
    or return id.
     """
    messages: list[ChatMessageDTO]
    """ The messages of this page (possibly none). """
    order_id: int | None = None
    """ The order id. Deprecated — read `context.orderId`. """
    paging: PackagingForwardScrollingPagerDTO | None = None
    """ Where the next page is. """
    _additional: dict[str, Any] | list[Any] = _attrs_field(
        init=False, factory=dict, eq=_additional_ChatMessagesResultDTO, repr=False
    )
    """additional_properties once found; until then (from_dict) a list holding the answer's dict."""

    @property
    def additional_properties(self) -> dict[str, Any]:
        """The answer's fields this client does not know, as they came (found when first read)."""
        found = self._additional
        if not isinstance(found, dict):
            found = self._additional = _additional_ChatMessagesResultDTO(found)
        return found

    @additional_properties.setter
    def additional_properties(self, value: dict[str, Any]) -> None:
        self._additional = value

    def __repr__(self) -> str:
        shown: list[str] = []
        shown.append(f"context={self.context!r}")
        shown.append(f"messages={self.messages!r}")
        if self.order_id is not None:
            shown.append(f"order_id={self.order_id!r}")
        if self.paging is not None:
            shown.append(f"paging={self.paging!r}")
        if self.additional_properties:
            shown.append(f"additional_properties={self.additional_properties!r}")
        return f"ChatMessagesResultDTO({', '.join(shown)})"

    def to_dict(self) -> dict[str, Any]:
        """This answer as JSON values under the API's wire names: the fields that are set (None
        left out) and the fields this client does not know, as they came."""
        field_dict: dict[str, Any] = dict(self.additional_properties)
        field_dict["context"] = self.context.to_dict()
        field_dict["messages"] = [item0.to_dict() for item0 in self.messages]
        if self.order_id is not None:
            field_dict["orderId"] = self.order_id
        if self.paging is not None:
            field_dict["paging"] = self.paging.to_dict()
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
        chat_messages_result_dto = _NEW(cls)
        chat_messages_result_dto.context = ChatFullContextDTO.from_dict(d["context"])
        chat_messages_result_dto.messages = ChatMessageDTO._from_dicts(d["messages"])
        chat_messages_result_dto.order_id = d.get("orderId")
        chat_messages_result_dto.paging = (
            None
            if (_v := d.get("paging")) is None
            else PackagingForwardScrollingPagerDTO.from_dict(_v)
        )
        chat_messages_result_dto._additional = [d]
        return chat_messages_result_dto

    @classmethod
    def _from_dicts(cls: type[T], src_dicts: Iterable[Mapping[str, Any]]) -> list[T]:
        """from_dict of each, in one frame: a call for each item cost ~300 instructions of a list's
        ~7,000 an item (an answer's list of these is parsed with this)."""
        items: list[T] = []
        append = items.append
        for d in src_dicts:
            item = _NEW(cls)
            item.context = ChatFullContextDTO.from_dict(d["context"])
            item.messages = ChatMessageDTO._from_dicts(d["messages"])
            item.order_id = d.get("orderId")
            item.paging = (
                None
                if (_v := d.get("paging")) is None
                else PackagingForwardScrollingPagerDTO.from_dict(_v)
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


_KNOWN_ChatMessagesResultDTO = frozenset(
    (
        "context",
        "messages",
        "orderId",
        "paging",
    )
)
"""The wire names ChatMessagesResultDTO knows; any other field of an answer is kept in additional_properties."""
_NEW = object.__new__
"""Bound once: `cls.__new__(cls)` looked the method up on the class for every answer parsed."""
from ..models.chat_full_context_dto import ChatFullContextDTO
from ..models.chat_message_dto import ChatMessageDTO
from ..models.packaging_forward_scrolling_pager_dto import (
    PackagingForwardScrollingPagerDTO,
)
