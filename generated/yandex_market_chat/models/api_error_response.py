# The models this one refers to are imported at the end of the module (see from_dict):
# ruff: noqa: E402
from __future__ import annotations

import json as _json
from collections.abc import Iterable, Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.api_response_status_type import ApiResponseStatusType

T = TypeVar("T", bound="ApiErrorResponse")


def _additional_ApiErrorResponse(
    held: dict[str, Any] | list[Any],
) -> dict[str, Any]:
    """ApiErrorResponse's additional_properties from what it holds: the dict found, or [the answer's dict]
    whose unknown fields are not looked for yet (also what == compares)."""
    if isinstance(held, dict):
        return held
    return {k: v for k, v in held[0].items() if k not in _KNOWN_ApiErrorResponse}


@_attrs_define
class ApiErrorResponse:
    """The standard wrapper of a server error."""

    status: ApiResponseStatusType
    """ The type of the answer: `OK` — no errors; `ERROR` — the request failed.
    Error bodies from the real service carry `ERROR`; use the HTTP status to tell
    success from failure.
     """
    errors: list[ApiErrorDTO] | None = None
    """ The list of errors. """
    _additional: dict[str, Any] | list[Any] = _attrs_field(
        init=False, factory=dict, eq=_additional_ApiErrorResponse, repr=False
    )
    """additional_properties once found; until then (from_dict) a list holding the answer's dict."""

    @property
    def additional_properties(self) -> dict[str, Any]:
        """The answer's fields this client does not know, as they came (found when first read)."""
        found = self._additional
        if not isinstance(found, dict):
            found = self._additional = _additional_ApiErrorResponse(found)
        return found

    @additional_properties.setter
    def additional_properties(self, value: dict[str, Any]) -> None:
        self._additional = value

    def __repr__(self) -> str:
        shown: list[str] = []
        shown.append(f"status={self.status!r}")
        if self.errors is not None:
            shown.append(f"errors={self.errors!r}")
        if self.additional_properties:
            shown.append(f"additional_properties={self.additional_properties!r}")
        return f"ApiErrorResponse({', '.join(shown)})"

    def to_dict(self) -> dict[str, Any]:
        """This answer as JSON values under the API's wire names: the fields that are set (None
        left out) and the fields this client does not know, as they came."""
        field_dict: dict[str, Any] = dict(self.additional_properties)
        field_dict["status"] = self.status.value
        if self.errors is not None:
            field_dict["errors"] = [item0.to_dict() for item0 in self.errors]
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
        api_error_response = _NEW(cls)
        api_error_response.status = _MEMBERS_ApiResponseStatusType.get(
            d["status"]
        ) or ApiResponseStatusType(d["status"])
        api_error_response.errors = (
            None if (_v := d.get("errors")) is None else ApiErrorDTO._from_dicts(_v)
        )
        api_error_response._additional = [d]
        return api_error_response

    @classmethod
    def _from_dicts(cls: type[T], src_dicts: Iterable[Mapping[str, Any]]) -> list[T]:
        """from_dict of each, in one frame: a call for each item cost ~300 instructions of a list's
        ~7,000 an item (an answer's list of these is parsed with this)."""
        items: list[T] = []
        append = items.append
        for d in src_dicts:
            item = _NEW(cls)
            item.status = _MEMBERS_ApiResponseStatusType.get(
                d["status"]
            ) or ApiResponseStatusType(d["status"])
            item.errors = (
                None if (_v := d.get("errors")) is None else ApiErrorDTO._from_dicts(_v)
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


_KNOWN_ApiErrorResponse = frozenset(
    (
        "status",
        "errors",
    )
)
"""The wire names ApiErrorResponse knows; any other field of an answer is kept in additional_properties."""
_NEW = object.__new__
"""Bound once: `cls.__new__(cls)` looked the method up on the class for every answer parsed."""
from ..models.api_error_dto import ApiErrorDTO

_MEMBERS_ApiResponseStatusType = cast(
    "dict[Any, ApiResponseStatusType]", ApiResponseStatusType._value2member_map_
)
"""ApiResponseStatusType's members by value, looked up by from_dict (a value not in it is an unknown one: kept)."""
