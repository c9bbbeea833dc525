from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.chat_message_sender_type import ChatMessageSenderType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.chat_message_payload_dto import ChatMessagePayloadDTO


T = TypeVar("T", bound="ChatMessageDTO")


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
    message: str | Unset = UNSET
    """ The text of the message. """
    payload: list[ChatMessagePayloadDTO] | None | Unset = UNSET
    """ The files attached to the message. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        message_id = self.message_id

        created_at = self.created_at.isoformat()

        sender = self.sender.value

        message = self.message

        payload: list[dict[str, Any]] | None | Unset
        if isinstance(self.payload, Unset):
            payload = UNSET
        elif isinstance(self.payload, list):
            payload = []
            for payload_type_0_item_data in self.payload:
                payload_type_0_item = payload_type_0_item_data.to_dict()
                payload.append(payload_type_0_item)

        else:
            payload = self.payload

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "messageId": message_id,
                "createdAt": created_at,
                "sender": sender,
            }
        )
        if message is not UNSET:
            field_dict["message"] = message
        if payload is not UNSET:
            field_dict["payload"] = payload

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.chat_message_payload_dto import (
            ChatMessagePayloadDTO,  # noqa: PLC0415
        )

        d = dict(src_dict)
        message_id = d.pop("messageId")

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        sender = ChatMessageSenderType(d.pop("sender"))

        message = d.pop("message", UNSET)

        def _parse_payload(data: object) -> list[ChatMessagePayloadDTO] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                payload_type_0 = []
                _payload_type_0 = data
                for payload_type_0_item_data in _payload_type_0:
                    payload_type_0_item = ChatMessagePayloadDTO.from_dict(
                        payload_type_0_item_data
                    )

                    payload_type_0.append(payload_type_0_item)

                return payload_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ChatMessagePayloadDTO] | None | Unset, data)

        payload = _parse_payload(d.pop("payload", UNSET))

        chat_message_dto = cls(
            message_id=message_id,
            created_at=created_at,
            sender=sender,
            message=message,
            payload=payload,
        )

        chat_message_dto.additional_properties = d
        return chat_message_dto

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
