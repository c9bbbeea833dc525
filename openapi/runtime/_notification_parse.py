"""Turning the bytes the Market sent into a notification: JSON, the spec's checks, conversions.

The rendered `notifications` module holds one class per notification type of the spec and a table
of them; this module does what does not vary with the spec. A payload that does not fit raises
`NotificationFormatError` naming the field as the Market spells it; a type the spec does not
describe (or one it lists without a schema) is an `UnknownNotification` that keeps the payload.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, TypeVar

from ._request import SchemaViolation, Validator, describe
from .errors import NotificationFormatError

__all__ = ["UnknownNotification", "date_time", "decimal", "event_key", "maybe", "parse"]

T = TypeVar("T")
V = TypeVar("V")
DECIMAL_DIGITS = 18
"""An `x-as-integer` value has 1 to 18 decimal digits: it fits the API's int64 whatever they are."""


@dataclass(frozen=True, slots=True)
class UnknownNotification:
    """A notification of a type this package has no schema for (the Market adds types without
    notice): kept as it came, never an error. Its identity is the payload itself, so the Market
    repeating it is still recognised."""

    notification_type: str
    raw: Mapping[str, Any]

    @property
    def event_key(self) -> str:
        canonical = json.dumps(self.raw, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        digest = hashlib.sha256(canonical.encode("utf-8", "surrogatepass")).hexdigest()[:32]
        return f"{self.notification_type}:{digest}"


def load(body: bytes) -> dict[str, Any]:
    """The body as a JSON object, or NotificationFormatError."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise NotificationFormatError("", "the body is not UTF-8") from None
    try:
        data = json.loads(text)
    except RecursionError:
        raise NotificationFormatError("", "the body is nested too deeply") from None
    except ValueError as exc:
        raise NotificationFormatError("", f"the body is not JSON ({exc})") from None
    if not isinstance(data, dict):
        raise NotificationFormatError("", f"the body must be a JSON object, got {type(data).__name__}")
    return data


def parse(
    body: bytes,
    discriminator: str,
    kinds: Mapping[str, tuple[Validator, Callable[[Mapping[str, Any]], T]]],
) -> T | UnknownNotification:
    """The notification in `body`: the class `kinds` names for its type, after the type's check."""
    data = load(body)
    if discriminator not in data:
        raise NotificationFormatError(discriminator, "is required")
    kind = data[discriminator]
    if not isinstance(kind, str):
        raise NotificationFormatError(discriminator, f"must be a string, got {type(kind).__name__}")
    if kind not in kinds:
        return UnknownNotification(kind, data)
    validate, build = kinds[kind]
    try:
        validate(data, {}, "data")
    except SchemaViolation as violation:
        raise _format_error(violation) from None
    except RecursionError:
        raise NotificationFormatError("", "the body is nested too deeply") from None
    return build(data)


def _format_error(violation: SchemaViolation) -> NotificationFormatError:
    name = violation.name.removeprefix("data").removeprefix(".")
    if violation.rule == "required" and isinstance(violation.value, Mapping):
        missing = [key for key in violation.definition.get("required", []) if key not in violation.value]
        field = ".".join(part for part in (name, missing[0] if missing else "") if part)
        return NotificationFormatError(field, "is required")
    return NotificationFormatError(name, describe(violation))


def date_time(value: str, field: str) -> datetime:
    """An RFC 3339 date-time (already checked by its pattern) as an aware datetime."""
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise NotificationFormatError(field, f"is not a date and time, got {value!r}") from None
    if parsed.tzinfo is None:
        raise NotificationFormatError(field, f"has no UTC offset, got {value!r}")
    return parsed


def decimal(value: str, field: str) -> int:
    """An `x-as-integer` string as the int the REST API takes: ASCII digits only, no sign, no
    spaces (`int()` alone would take " 12", "+12" and "1_2")."""
    if not (value.isascii() and value.isdigit() and 1 <= len(value) <= DECIMAL_DIGITS):
        raise NotificationFormatError(
            field, f"must be a decimal number of 1 to {DECIMAL_DIGITS} digits, got {value!r}"
        )
    return int(value)


def maybe(value: V | None, read: Callable[[V], T]) -> T | None:
    """`read(value)` for a field that is present and not null, else None."""
    return None if value is None else read(value)


def event_key(kind: str, *values: object) -> str:
    """The identity of an event: its type and the values of its `x-event-key` fields (a time in
    UTC, so the same instant written with another offset is the same event)."""
    parts = [
        value.astimezone(UTC).isoformat() if isinstance(value, datetime) else str(value) for value in values
    ]
    return ":".join([kind, *parts])
