from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.chat_full_context_dto import ChatFullContextDTO
    from ..models.chat_message_dto import ChatMessageDTO
    from ..models.packaging_forward_scrolling_pager_dto import (
        PackagingForwardScrollingPagerDTO,
    )


T = TypeVar("T", bound="ChatMessagesResultDTO")


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
    order_id: int | Unset = UNSET
    """ The order id. Deprecated — read `context.orderId`. """
    paging: PackagingForwardScrollingPagerDTO | Unset = UNSET
    """ Where the next page is. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        context = self.context.to_dict()

        messages = []
        for messages_item_data in self.messages:
            messages_item = messages_item_data.to_dict()
            messages.append(messages_item)

        order_id = self.order_id

        paging: dict[str, Any] | Unset = UNSET
        if not isinstance(self.paging, Unset):
            paging = self.paging.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "context": context,
                "messages": messages,
            }
        )
        if order_id is not UNSET:
            field_dict["orderId"] = order_id
        if paging is not UNSET:
            field_dict["paging"] = paging

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.chat_full_context_dto import ChatFullContextDTO  # noqa: PLC0415
        from ..models.chat_message_dto import ChatMessageDTO  # noqa: PLC0415
        from ..models.packaging_forward_scrolling_pager_dto import (
            PackagingForwardScrollingPagerDTO,  # noqa: PLC0415
        )

        d = dict(src_dict)
        context = ChatFullContextDTO.from_dict(d.pop("context"))

        messages = []
        _messages = d.pop("messages")
        for messages_item_data in _messages:
            messages_item = ChatMessageDTO.from_dict(messages_item_data)

            messages.append(messages_item)

        order_id = d.pop("orderId", UNSET)

        _paging = d.pop("paging", UNSET)
        paging: PackagingForwardScrollingPagerDTO | Unset
        if isinstance(_paging, Unset):
            paging = UNSET
        else:
            paging = PackagingForwardScrollingPagerDTO.from_dict(_paging)

        chat_messages_result_dto = cls(
            context=context,
            messages=messages,
            order_id=order_id,
            paging=paging,
        )

        chat_messages_result_dto.additional_properties = d
        return chat_messages_result_dto

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
