# The models this one refers to are imported at the end of the module (see from_dict):
# ruff: noqa: E402
from __future__ import annotations

import json as _json
from collections.abc import Iterable, Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.chat_context_type import ChatContextType

T = TypeVar("T", bound="ChatFullContextDTO")


def _additional_ChatFullContextDTO(
    held: dict[str, Any] | list[Any],
) -> dict[str, Any]:
    """ChatFullContextDTO's additional_properties from what it holds: the dict found, or [the answer's dict]
    whose unknown fields are not looked for yet (also what == compares)."""
    if isinstance(held, dict):
        return held
    return {k: v for k, v in held[0].items() if k not in _KNOWN_ChatFullContextDTO}


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
    customer: ChatCustomerDTO | None = None
    """ The buyer in a chat, as the public Yandex profile shows them. """
    campaign_id: int | None = None
    """ The store (campaign) of the order or the return. """
    order_id: int | None = None
    """ The order id (orders and returns). """
    return_id: int | None = None
    """ The return id (returns only). """
    _additional: dict[str, Any] | list[Any] = _attrs_field(
        init=False, factory=dict, eq=_additional_ChatFullContextDTO, repr=False
    )
    """additional_properties once found; until then (from_dict) a list holding the answer's dict."""

    @property
    def additional_properties(self) -> dict[str, Any]:
        """The answer's fields this client does not know, as they came (found when first read)."""
        found = self._additional
        if not isinstance(found, dict):
            found = self._additional = _additional_ChatFullContextDTO(found)
        return found

    @additional_properties.setter
    def additional_properties(self, value: dict[str, Any]) -> None:
        self._additional = value

    def __repr__(self) -> str:
        shown: list[str] = []
        shown.append(f"type_={self.type_!r}")
        if self.customer is not None:
            shown.append(f"customer={self.customer!r}")
        if self.campaign_id is not None:
            shown.append(f"campaign_id={self.campaign_id!r}")
        if self.order_id is not None:
            shown.append(f"order_id={self.order_id!r}")
        if self.return_id is not None:
            shown.append(f"return_id={self.return_id!r}")
        if self.additional_properties:
            shown.append(f"additional_properties={self.additional_properties!r}")
        return f"ChatFullContextDTO({', '.join(shown)})"

    def to_dict(self) -> dict[str, Any]:
        """This answer as JSON values under the API's wire names: the fields that are set (None
        left out) and the fields this client does not know, as they came."""
        field_dict: dict[str, Any] = dict(self.additional_properties)
        field_dict["type"] = self.type_.value
        if self.customer is not None:
            field_dict["customer"] = self.customer.to_dict()
        if self.campaign_id is not None:
            field_dict["campaignId"] = self.campaign_id
        if self.order_id is not None:
            field_dict["orderId"] = self.order_id
        if self.return_id is not None:
            field_dict["returnId"] = self.return_id
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
        chat_full_context_dto = _NEW(cls)
        chat_full_context_dto.type_ = _MEMBERS_ChatContextType.get(
            d["type"]
        ) or ChatContextType(d["type"])
        chat_full_context_dto.customer = (
            None if (_v := d.get("customer")) is None else ChatCustomerDTO.from_dict(_v)
        )
        chat_full_context_dto.campaign_id = d.get("campaignId")
        chat_full_context_dto.order_id = d.get("orderId")
        chat_full_context_dto.return_id = d.get("returnId")
        chat_full_context_dto._additional = [d]
        return chat_full_context_dto

    @classmethod
    def _from_dicts(cls: type[T], src_dicts: Iterable[Mapping[str, Any]]) -> list[T]:
        """from_dict of each, in one frame: a call for each item cost ~300 instructions of a list's
        ~7,000 an item (an answer's list of these is parsed with this)."""
        items: list[T] = []
        append = items.append
        for d in src_dicts:
            item = _NEW(cls)
            item.type_ = _MEMBERS_ChatContextType.get(d["type"]) or ChatContextType(
                d["type"]
            )
            item.customer = (
                None
                if (_v := d.get("customer")) is None
                else ChatCustomerDTO.from_dict(_v)
            )
            item.campaign_id = d.get("campaignId")
            item.order_id = d.get("orderId")
            item.return_id = d.get("returnId")
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


_KNOWN_ChatFullContextDTO = frozenset(
    (
        "type",
        "customer",
        "campaignId",
        "orderId",
        "returnId",
    )
)
"""The wire names ChatFullContextDTO knows; any other field of an answer is kept in additional_properties."""
_NEW = object.__new__
"""Bound once: `cls.__new__(cls)` looked the method up on the class for every answer parsed."""
from ..models.chat_customer_dto import ChatCustomerDTO

_MEMBERS_ChatContextType = cast(
    "dict[Any, ChatContextType]", ChatContextType._value2member_map_
)
"""ChatContextType's members by value, looked up by from_dict (a value not in it is an unknown one: kept)."""
