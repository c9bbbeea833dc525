from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.chat_status_type import ChatStatusType
from ..models.chat_type import ChatType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.chat_full_context_dto import ChatFullContextDTO


T = TypeVar("T", bound="GetChatInfoDTO")


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
    order_id: int | Unset = UNSET
    """ The order id. Deprecated — read `context.orderId`. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        chat_id = self.chat_id

        context = self.context.to_dict()

        type_ = self.type_.value

        status = self.status.value

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        order_id = self.order_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "chatId": chat_id,
                "context": context,
                "type": type_,
                "status": status,
                "createdAt": created_at,
                "updatedAt": updated_at,
            }
        )
        if order_id is not UNSET:
            field_dict["orderId"] = order_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.chat_full_context_dto import ChatFullContextDTO  # noqa: PLC0415

        d = dict(src_dict)
        chat_id = d.pop("chatId")

        context = ChatFullContextDTO.from_dict(d.pop("context"))

        type_ = ChatType(d.pop("type"))

        status = ChatStatusType(d.pop("status"))

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updatedAt"))

        order_id = d.pop("orderId", UNSET)

        get_chat_info_dto = cls(
            chat_id=chat_id,
            context=context,
            type_=type_,
            status=status,
            created_at=created_at,
            updated_at=updated_at,
            order_id=order_id,
        )

        get_chat_info_dto.additional_properties = d
        return get_chat_info_dto

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
