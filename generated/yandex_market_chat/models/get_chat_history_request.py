from __future__ import annotations

import json as _json
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="GetChatHistoryRequest")


@_attrs_define
class GetChatHistoryRequest:
    """Which messages to return."""

    message_id_from: int | Unset = UNSET
    """ Return the messages starting from this message id. Whether that message itself
    is returned is not documented.
     """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        shown: list[str] = []
        if not isinstance(self.message_id_from, Unset):
            shown.append(f"message_id_from={self.message_id_from!r}")
        if self.additional_properties:
            shown.append(f"additional_properties={self.additional_properties!r}")
        return f"GetChatHistoryRequest({', '.join(shown)})"

    def to_dict(self) -> dict[str, Any]:
        message_id_from = self.message_id_from

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if message_id_from is not UNSET:
            field_dict["messageIdFrom"] = message_id_from

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
        d = dict(src_dict)
        message_id_from = d.pop("messageIdFrom", UNSET)

        get_chat_history_request = cls(
            message_id_from=message_id_from,
        )

        get_chat_history_request.additional_properties = d
        return get_chat_history_request

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
