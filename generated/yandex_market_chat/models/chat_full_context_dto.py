from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.chat_context_type import ChatContextType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.chat_customer_dto import ChatCustomerDTO


T = TypeVar("T", bound="ChatFullContextDTO")


@_attrs_define
class ChatFullContextDTO:
    """What a chat is about. Orders and returns carry `orderId` and `campaignId`, returns
    also `returnId`; a `DIRECT` chat (started by the buyer about a product) has no order
    or return id.

    """

    type_: ChatContextType
    """ What a chat is about: `ORDER` — an order; `RETURN` — a return (FBY, FBS and Express
    stores only); `DIRECT` — a chat the buyer started about a product (the seller cannot
    create one). Answers may carry values added later: they are kept as they come.
     """
    customer: ChatCustomerDTO | Unset = UNSET
    """ The buyer in a chat, as the public Yandex profile shows them. """
    campaign_id: int | Unset = UNSET
    """ The store (campaign) of the order or the return. """
    order_id: int | Unset = UNSET
    """ The order id (orders and returns). """
    return_id: int | Unset = UNSET
    """ The return id (returns only). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        customer: dict[str, Any] | Unset = UNSET
        if not isinstance(self.customer, Unset):
            customer = self.customer.to_dict()

        campaign_id = self.campaign_id

        order_id = self.order_id

        return_id = self.return_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
            }
        )
        if customer is not UNSET:
            field_dict["customer"] = customer
        if campaign_id is not UNSET:
            field_dict["campaignId"] = campaign_id
        if order_id is not UNSET:
            field_dict["orderId"] = order_id
        if return_id is not UNSET:
            field_dict["returnId"] = return_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.chat_customer_dto import ChatCustomerDTO  # noqa: PLC0415

        d = dict(src_dict)
        type_ = ChatContextType(d.pop("type"))

        _customer = d.pop("customer", UNSET)
        customer: ChatCustomerDTO | Unset
        if isinstance(_customer, Unset):
            customer = UNSET
        else:
            customer = ChatCustomerDTO.from_dict(_customer)

        campaign_id = d.pop("campaignId", UNSET)

        order_id = d.pop("orderId", UNSET)

        return_id = d.pop("returnId", UNSET)

        chat_full_context_dto = cls(
            type_=type_,
            customer=customer,
            campaign_id=campaign_id,
            order_id=order_id,
            return_id=return_id,
        )

        chat_full_context_dto.additional_properties = d
        return chat_full_context_dto

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
