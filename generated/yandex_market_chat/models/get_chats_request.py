from __future__ import annotations

import json as _json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.chat_context_type import ChatContextType
from ..models.chat_status_type import ChatStatusType
from ..models.chat_type import ChatType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.chat_context_dto import ChatContextDTO


T = TypeVar("T", bound="GetChatsRequest")


@_attrs_define
class GetChatsRequest:
    """Filters of the chats to return; leave out what you do not filter by. Each filter is
    a list of at least one item (an empty list is refused: leave the filter out).

    """

    order_ids: list[int] | None | Unset = UNSET
    """ Market order ids. Deprecated — use `contexts`. """
    contexts: list[ChatContextDTO] | None | Unset = UNSET
    """ The orders or returns whose chats to return. """
    context_types: list[ChatContextType] | None | Unset = UNSET
    """ What the chats are about. """
    types: list[ChatType] | None | Unset = UNSET
    """ The types of the chats. """
    statuses: list[ChatStatusType] | None | Unset = UNSET
    """ The statuses of the chats. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        shown: list[str] = []
        if not isinstance(self.order_ids, Unset):
            shown.append(f"order_ids={self.order_ids!r}")
        if not isinstance(self.contexts, Unset):
            shown.append(f"contexts={self.contexts!r}")
        if not isinstance(self.context_types, Unset):
            shown.append(f"context_types={self.context_types!r}")
        if not isinstance(self.types, Unset):
            shown.append(f"types={self.types!r}")
        if not isinstance(self.statuses, Unset):
            shown.append(f"statuses={self.statuses!r}")
        if self.additional_properties:
            shown.append(f"additional_properties={self.additional_properties!r}")
        return f"GetChatsRequest({', '.join(shown)})"

    def to_dict(self) -> dict[str, Any]:
        order_ids: list[int] | None | Unset
        if isinstance(self.order_ids, Unset):
            order_ids = UNSET
        elif isinstance(self.order_ids, list):
            order_ids = self.order_ids

        else:
            order_ids = self.order_ids

        contexts: list[dict[str, Any]] | None | Unset
        if isinstance(self.contexts, Unset):
            contexts = UNSET
        elif isinstance(self.contexts, list):
            contexts = []
            for contexts_type_0_item_data in self.contexts:
                contexts_type_0_item = contexts_type_0_item_data.to_dict()
                contexts.append(contexts_type_0_item)

        else:
            contexts = self.contexts

        context_types: list[str] | None | Unset
        if isinstance(self.context_types, Unset):
            context_types = UNSET
        elif isinstance(self.context_types, list):
            context_types = []
            for context_types_type_0_item_data in self.context_types:
                context_types_type_0_item = context_types_type_0_item_data.value
                context_types.append(context_types_type_0_item)

        else:
            context_types = self.context_types

        types: list[str] | None | Unset
        if isinstance(self.types, Unset):
            types = UNSET
        elif isinstance(self.types, list):
            types = []
            for types_type_0_item_data in self.types:
                types_type_0_item = types_type_0_item_data.value
                types.append(types_type_0_item)

        else:
            types = self.types

        statuses: list[str] | None | Unset
        if isinstance(self.statuses, Unset):
            statuses = UNSET
        elif isinstance(self.statuses, list):
            statuses = []
            for statuses_type_0_item_data in self.statuses:
                statuses_type_0_item = statuses_type_0_item_data.value
                statuses.append(statuses_type_0_item)

        else:
            statuses = self.statuses

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if order_ids is not UNSET:
            field_dict["orderIds"] = order_ids
        if contexts is not UNSET:
            field_dict["contexts"] = contexts
        if context_types is not UNSET:
            field_dict["contextTypes"] = context_types
        if types is not UNSET:
            field_dict["types"] = types
        if statuses is not UNSET:
            field_dict["statuses"] = statuses

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

        def _parse_order_ids(data: object) -> list[int] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                order_ids_type_0 = cast(list[int], data)

                return order_ids_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[int] | None | Unset, data)

        order_ids = _parse_order_ids(d.pop("orderIds", UNSET))

        def _parse_contexts(data: object) -> list[ChatContextDTO] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                contexts_type_0 = []
                _contexts_type_0 = data
                for contexts_type_0_item_data in _contexts_type_0:
                    contexts_type_0_item = ChatContextDTO.from_dict(
                        contexts_type_0_item_data
                    )

                    contexts_type_0.append(contexts_type_0_item)

                return contexts_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ChatContextDTO] | None | Unset, data)

        contexts = _parse_contexts(d.pop("contexts", UNSET))

        def _parse_context_types(data: object) -> list[ChatContextType] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                context_types_type_0 = []
                _context_types_type_0 = data
                for context_types_type_0_item_data in _context_types_type_0:
                    context_types_type_0_item = ChatContextType(
                        context_types_type_0_item_data
                    )

                    context_types_type_0.append(context_types_type_0_item)

                return context_types_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ChatContextType] | None | Unset, data)

        context_types = _parse_context_types(d.pop("contextTypes", UNSET))

        def _parse_types(data: object) -> list[ChatType] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                types_type_0 = []
                _types_type_0 = data
                for types_type_0_item_data in _types_type_0:
                    types_type_0_item = ChatType(types_type_0_item_data)

                    types_type_0.append(types_type_0_item)

                return types_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ChatType] | None | Unset, data)

        types = _parse_types(d.pop("types", UNSET))

        def _parse_statuses(data: object) -> list[ChatStatusType] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                statuses_type_0 = []
                _statuses_type_0 = data
                for statuses_type_0_item_data in _statuses_type_0:
                    statuses_type_0_item = ChatStatusType(statuses_type_0_item_data)

                    statuses_type_0.append(statuses_type_0_item)

                return statuses_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ChatStatusType] | None | Unset, data)

        statuses = _parse_statuses(d.pop("statuses", UNSET))

        get_chats_request = cls(
            order_ids=order_ids,
            contexts=contexts,
            context_types=context_types,
            types=types,
            statuses=statuses,
        )

        get_chats_request.additional_properties = d
        return get_chats_request

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
