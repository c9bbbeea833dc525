# The models this one refers to are imported at the end of the module (see from_dict):
# ruff: noqa: E402
from __future__ import annotations

import json as _json
from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="GetChatsInfoDTO")


def _additional_GetChatsInfoDTO(
    held: dict[str, Any] | list[Any],
) -> dict[str, Any]:
    """GetChatsInfoDTO's additional_properties from what it holds: the dict found, or [the answer's dict]
    whose unknown fields are not looked for yet (also what == compares)."""
    if isinstance(held, dict):
        return held
    return {k: v for k, v in held[0].items() if k not in _KNOWN_GetChatsInfoDTO}


@_attrs_define
class GetChatsInfoDTO:
    """A page of chats."""

    chats: list[GetChatInfoDTO]
    """ The chats of this page. """
    paging: PackagingForwardScrollingPagerDTO | None = None
    """ Where the next page is. """
    _additional: dict[str, Any] | list[Any] = _attrs_field(
        init=False, factory=dict, eq=_additional_GetChatsInfoDTO, repr=False
    )
    """additional_properties once found; until then (from_dict) a list holding the answer's dict."""

    @property
    def additional_properties(self) -> dict[str, Any]:
        """The answer's fields this client does not know, as they came (found when first read)."""
        found = self._additional
        if not isinstance(found, dict):
            found = self._additional = _additional_GetChatsInfoDTO(found)
        return found

    @additional_properties.setter
    def additional_properties(self, value: dict[str, Any]) -> None:
        self._additional = value

    def __repr__(self) -> str:
        shown: list[str] = []
        shown.append(f"chats={self.chats!r}")
        if self.paging is not None:
            shown.append(f"paging={self.paging!r}")
        if self.additional_properties:
            shown.append(f"additional_properties={self.additional_properties!r}")
        return f"GetChatsInfoDTO({', '.join(shown)})"

    def to_dict(self) -> dict[str, Any]:
        """This answer as JSON values under the API's wire names: the fields that are set (None
        left out) and the fields this client does not know, as they came."""
        field_dict: dict[str, Any] = dict(self.additional_properties)
        field_dict["chats"] = [item0.to_dict() for item0 in self.chats]
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
        get_chats_info_dto = _NEW(cls)
        get_chats_info_dto.chats = GetChatInfoDTO._from_dicts(d["chats"])
        get_chats_info_dto.paging = (
            None
            if (_v := d.get("paging")) is None
            else PackagingForwardScrollingPagerDTO.from_dict(_v)
        )
        get_chats_info_dto._additional = [d]
        return get_chats_info_dto

    @classmethod
    def _from_dicts(cls: type[T], src_dicts: Iterable[Mapping[str, Any]]) -> list[T]:
        """from_dict of each, in one frame: a call for each item cost ~300 instructions of a list's
        ~7,000 an item (an answer's list of these is parsed with this)."""
        items: list[T] = []
        append = items.append
        for d in src_dicts:
            item = _NEW(cls)
            item.chats = GetChatInfoDTO._from_dicts(d["chats"])
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


_KNOWN_GetChatsInfoDTO = frozenset(
    (
        "chats",
        "paging",
    )
)
"""The wire names GetChatsInfoDTO knows; any other field of an answer is kept in additional_properties."""
_NEW = object.__new__
"""Bound once: `cls.__new__(cls)` looked the method up on the class for every answer parsed."""
from ..models.get_chat_info_dto import GetChatInfoDTO
from ..models.packaging_forward_scrolling_pager_dto import (
    PackagingForwardScrollingPagerDTO,
)
