from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.get_chat_info_dto import GetChatInfoDTO
    from ..models.packaging_forward_scrolling_pager_dto import (
        PackagingForwardScrollingPagerDTO,
    )


T = TypeVar("T", bound="GetChatsInfoDTO")


@_attrs_define
class GetChatsInfoDTO:
    """A page of chats."""

    chats: list[GetChatInfoDTO]
    """ The chats of this page. """
    paging: PackagingForwardScrollingPagerDTO | Unset = UNSET
    """ Where the next page is. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        chats = []
        for chats_item_data in self.chats:
            chats_item = chats_item_data.to_dict()
            chats.append(chats_item)

        paging: dict[str, Any] | Unset = UNSET
        if not isinstance(self.paging, Unset):
            paging = self.paging.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "chats": chats,
            }
        )
        if paging is not UNSET:
            field_dict["paging"] = paging

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.get_chat_info_dto import GetChatInfoDTO  # noqa: PLC0415
        from ..models.packaging_forward_scrolling_pager_dto import (
            PackagingForwardScrollingPagerDTO,  # noqa: PLC0415
        )

        d = dict(src_dict)
        chats = []
        _chats = d.pop("chats")
        for chats_item_data in _chats:
            chats_item = GetChatInfoDTO.from_dict(chats_item_data)

            chats.append(chats_item)

        _paging = d.pop("paging", UNSET)
        paging: PackagingForwardScrollingPagerDTO | Unset
        if isinstance(_paging, Unset):
            paging = UNSET
        else:
            paging = PackagingForwardScrollingPagerDTO.from_dict(_paging)

        get_chats_info_dto = cls(
            chats=chats,
            paging=paging,
        )

        get_chats_info_dto.additional_properties = d
        return get_chats_info_dto

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
