from __future__ import annotations

import json as _json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.chat_context_dto import ChatContextDTO


T = TypeVar("T", bound="CreateChatRequest")


@_attrs_define
class CreateChatRequest:
    """What to start a chat about. Give `context`; `orderId` is the older way and is
    deprecated. One of the two is needed.

    """

    context: ChatContextDTO | Unset = UNSET
    """ The order or the return the chat is about. """
    order_id: int | Unset = UNSET
    """ The order id. Deprecated — use `context` with type `ORDER`. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        shown: list[str] = []
        if not isinstance(self.context, Unset):
            shown.append(f"context={self.context!r}")
        if not isinstance(self.order_id, Unset):
            shown.append(f"order_id={self.order_id!r}")
        if self.additional_properties:
            shown.append(f"additional_properties={self.additional_properties!r}")
        return f"CreateChatRequest({', '.join(shown)})"

    def to_dict(self) -> dict[str, Any]:
        context: dict[str, Any] | Unset = UNSET
        if not isinstance(self.context, Unset):
            context = self.context.to_dict()

        order_id = self.order_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if context is not UNSET:
            field_dict["context"] = context
        if order_id is not UNSET:
            field_dict["orderId"] = order_id

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
        from ..models.chat_context_dto import ChatContextDTO  # noqa: PLC0415

        d = dict(src_dict)
        _context = d.pop("context", UNSET)
        context: ChatContextDTO | Unset
        if isinstance(_context, Unset):
            context = UNSET
        else:
            context = ChatContextDTO.from_dict(_context)

        order_id = d.pop("orderId", UNSET)

        create_chat_request = cls(
            context=context,
            order_id=order_id,
        )

        create_chat_request.additional_properties = d
        return create_chat_request

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
