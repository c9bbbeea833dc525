from __future__ import annotations

import json as _json
from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ChatCustomerDTO")


def _additional_ChatCustomerDTO(
    held: dict[str, Any] | list[Any],
) -> dict[str, Any]:
    """ChatCustomerDTO's additional_properties from what it holds: the dict found, or [the answer's dict]
    whose unknown fields are not looked for yet (also what == compares)."""
    if isinstance(held, dict):
        return held
    return {k: v for k, v in held[0].items() if k not in _KNOWN_ChatCustomerDTO}


@_attrs_define
class ChatCustomerDTO:
    """The buyer in a chat, as the public Yandex profile shows them."""

    name: str | None = None
    """ The buyer's public name. """
    public_id: str | None = None
    """ The buyer's public profile id. """
    _additional: dict[str, Any] | list[Any] = _attrs_field(
        init=False, factory=dict, eq=_additional_ChatCustomerDTO, repr=False
    )
    """additional_properties once found; until then (from_dict) a list holding the answer's dict."""

    @property
    def additional_properties(self) -> dict[str, Any]:
        """The answer's fields this client does not know, as they came (found when first read)."""
        found = self._additional
        if not isinstance(found, dict):
            found = self._additional = _additional_ChatCustomerDTO(found)
        return found

    @additional_properties.setter
    def additional_properties(self, value: dict[str, Any]) -> None:
        self._additional = value

    def __repr__(self) -> str:
        shown: list[str] = []
        if self.name is not None:
            shown.append(f"name={self.name!r}")
        if self.public_id is not None:
            shown.append(f"public_id={self.public_id!r}")
        if self.additional_properties:
            shown.append(f"additional_properties={self.additional_properties!r}")
        return f"ChatCustomerDTO({', '.join(shown)})"

    def to_dict(self) -> dict[str, Any]:
        """This answer as JSON values under the API's wire names: the fields that are set (None
        left out) and the fields this client does not know, as they came."""
        field_dict: dict[str, Any] = dict(self.additional_properties)
        if self.name is not None:
            field_dict["name"] = self.name
        if self.public_id is not None:
            field_dict["publicId"] = self.public_id
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
        chat_customer_dto = _NEW(cls)
        chat_customer_dto.name = d.get("name")
        chat_customer_dto.public_id = d.get("publicId")
        chat_customer_dto._additional = [d]
        return chat_customer_dto

    @classmethod
    def _from_dicts(cls: type[T], src_dicts: Iterable[Mapping[str, Any]]) -> list[T]:
        """from_dict of each, in one frame: a call for each item cost ~300 instructions of a list's
        ~7,000 an item (an answer's list of these is parsed with this)."""
        items: list[T] = []
        append = items.append
        for d in src_dicts:
            item = _NEW(cls)
            item.name = d.get("name")
            item.public_id = d.get("publicId")
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


_KNOWN_ChatCustomerDTO = frozenset(
    (
        "name",
        "publicId",
    )
)
"""The wire names ChatCustomerDTO knows; any other field of an answer is kept in additional_properties."""
_NEW = object.__new__
"""Bound once: `cls.__new__(cls)` looked the method up on the class for every answer parsed."""
