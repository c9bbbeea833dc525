from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.api_response_status_type import ApiResponseStatusType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.api_error_dto import ApiErrorDTO


T = TypeVar("T", bound="ApiLimitErrorResponse")


@_attrs_define
class ApiLimitErrorResponse:
    """A rate limit was hit."""

    status: ApiResponseStatusType
    """ The type of the answer: `OK` — no errors; `ERROR` — the request failed.
    Error bodies from the real service carry `ERROR`; use the HTTP status to tell
    success from failure.
     """
    errors: list[ApiErrorDTO] | None | Unset = UNSET
    """ The list of errors. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        errors: list[dict[str, Any]] | None | Unset
        if isinstance(self.errors, Unset):
            errors = UNSET
        elif isinstance(self.errors, list):
            errors = []
            for errors_type_0_item_data in self.errors:
                errors_type_0_item = errors_type_0_item_data.to_dict()
                errors.append(errors_type_0_item)

        else:
            errors = self.errors

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
            }
        )
        if errors is not UNSET:
            field_dict["errors"] = errors

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.api_error_dto import ApiErrorDTO  # noqa: PLC0415

        d = dict(src_dict)
        status = ApiResponseStatusType(d.pop("status"))

        def _parse_errors(data: object) -> list[ApiErrorDTO] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                errors_type_0 = []
                _errors_type_0 = data
                for errors_type_0_item_data in _errors_type_0:
                    errors_type_0_item = ApiErrorDTO.from_dict(errors_type_0_item_data)

                    errors_type_0.append(errors_type_0_item)

                return errors_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ApiErrorDTO] | None | Unset, data)

        errors = _parse_errors(d.pop("errors", UNSET))

        api_limit_error_response = cls(
            status=status,
            errors=errors,
        )

        api_limit_error_response.additional_properties = d
        return api_limit_error_response

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
