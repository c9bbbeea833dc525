from __future__ import annotations

import json as _json
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="SendMessageToChatRequest")


@_attrs_define
class SendMessageToChatRequest:
    """A text message."""

    message: str
    """ The text of the message: 1 to 4,096 characters, not all of them whitespace. The
    service counts characters as Java does, in UTF-16 code units: a character outside
    the Basic Multilingual Plane (most emoji) counts as two.
     """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        shown: list[str] = []
        shown.append(f"message={self.message!r}")
        if self.additional_properties:
            shown.append(f"additional_properties={self.additional_properties!r}")
        return f"SendMessageToChatRequest({', '.join(shown)})"

    def to_dict(self) -> dict[str, Any]:
        message = self.message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "message": message,
            }
        )

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
        message = d.pop("message")

        send_message_to_chat_request = cls(
            message=message,
        )

        send_message_to_chat_request.additional_properties = d
        return send_message_to_chat_request

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
