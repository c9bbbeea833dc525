"""What every operation does with its arguments before sending, and with the answer after.

The generated endpoint modules hold each operation's facts as literals (an `Operation`); this
module holds what does not vary: checking the arguments (turned into JSON once by _arguments.py)
against the validator compiled from the spec (`_validators.py`, fastjsonschema's output) and naming the
Python argument in the error, checking files (`_files.py`). What it does with the answer is
_answers.py's.
"""

from __future__ import annotations

import os
import sys
import warnings
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from ._arguments import surrogate_at, too_deep
from ._files import (
    NO_FILE_NAME,
    check_file_names,
    check_file_size,
    check_readable,
    payload_size,
    read_bounded,
)
from .errors import InvalidRequestError

T = TypeVar("T")
Validator = Callable[[Any, Mapping[str, Callable[[str], bool]], str], Any]
"""A validator compiled from the spec: (data, custom formats, name prefix) -> data, or raises."""

_PACKAGE_DIR = os.path.dirname(__file__)


class SchemaViolation(ValueError):
    """Raised by the compiled validators (it stands in for fastjsonschema's
    JsonSchemaValueException, with the same constructor, so the package does not need it)."""

    def __init__(
        self,
        message: str,
        value: Any = None,
        name: str | None = None,
        definition: Any = None,
        rule: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.value = value
        self.name = name or "data"
        self.definition: Mapping[str, Any] = definition if isinstance(definition, Mapping) else {}
        self.rule = rule


class SchemaViolations(ValueError):
    """Stands in for fastjsonschema's JsonSchemaValuesException (several violations at once),
    which the compiled validators name when they try the alternatives of an anyOf."""

    def __init__(self, errors: list[SchemaViolation]) -> None:
        self.errors = errors
        super().__init__("; ".join(error.message for error in errors))


class Operation:
    """One operation's facts, rendered from the spec into its endpoint module."""

    __slots__ = (
        "body_names",
        "cursor",
        "deprecated",
        "files",
        "hourly_limit",
        "id",
        "idempotent",
        "name",
        "next_token",
        "param_names",
        "validate",
    )

    def __init__(
        self,
        id: str,
        name: str,
        *,
        idempotent: bool,
        validate: Validator,
        param_names: Mapping[str, str] | None = None,
        body_names: Mapping[str, str] | None = None,
        deprecated: Mapping[str, str] | None = None,
        files: Mapping[str, tuple[int, int | None]] | None = None,
        hourly_limit: int | None = None,
        next_token: tuple[tuple[str, ...], str] | None = None,
        cursor: tuple[str, str, Validator, tuple[str, ...]] | None = None,
    ) -> None:
        self.id = id
        """The operationId."""
        self.name = name
        """Its Python name (the method and the module): how rate limits are keyed."""
        self.idempotent = idempotent
        """x-idempotent: sending it twice has the effect of sending it once."""
        self.validate = validate
        self.param_names = param_names or {}
        """Python name -> wire name, for the parameters whose names differ."""
        self.body_names = body_names or {}
        """Wire name -> Python name, for the top-level body fields whose names differ."""
        self.deprecated = deprecated or {}
        """Python name of a deprecated argument -> what to use instead."""
        self.files = files or {}
        """Body field of a file -> (fewest, most) bytes."""
        self.hourly_limit = hourly_limit
        """x-hourly-limit: requests per hour the service allows for the method (None: not documented)."""
        self.next_token = next_token
        """A paged operation's next token in its answer: (attribute path, wire path as in x-paging)."""
        self.cursor = cursor
        """A paged operation's cursor: (Python name, query parameter, the validator of it alone, the
        query parameters after it in the spec's order)."""

    def __repr__(self) -> str:
        return f"Operation({self.id!r}, idempotent={self.idempotent})"


# --- checking ---------------------------------------------------------------------------------


def utf16_length(text: str) -> int:
    """Length as a Java service counts it: UTF-16 code units (an emoji outside the BMP is two)."""
    if text.isascii():
        return len(text)
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


class _Formats(dict[str, Callable[[str], bool]]):
    """The custom formats the compiled validators name: `utf16-length:<min>:<max>` (from
    `x-length-unit: utf-16`) becomes a length check in UTF-16 code units."""

    def __missing__(self, key: str) -> Callable[[str], bool]:
        kind, _, bounds = key.partition(":")
        if kind != "utf16-length":
            raise KeyError(key)
        low_text, _, high_text = bounds.partition(":")
        low, high = int(low_text or 0), int(high_text) if high_text else None

        def check(text: str) -> bool:
            length = utf16_length(text)
            return length >= low and (high is None or length <= high)

        self[key] = check
        return check


FORMATS: Mapping[str, Callable[[str], bool]] = _Formats()


def _user_stacklevel() -> int:
    """The stacklevel of the first frame outside this package, for warnings."""
    frame = sys._getframe(1)
    level = 1
    while frame.f_back is not None and frame.f_code.co_filename.startswith(_PACKAGE_DIR):
        frame = frame.f_back
        level += 1
    return level


def check(operation: Operation, arguments: Mapping[str, Any]) -> None:
    """Check an operation's arguments (Python names; the body as JSON under "body") against
    the spec before any I/O. Raises InvalidRequestError naming the argument and the limit."""
    _validated(operation, operation.validate, arguments)
    for name, note in operation.deprecated.items():
        if _given(operation, arguments, name):
            warnings.warn(f"{name} is deprecated: {note}", DeprecationWarning, stacklevel=_user_stacklevel())


def check_cursor(operation: Operation, token: str) -> None:
    """check() of a later page's cursor alone (a paged operation's): the page's other arguments are
    its first page's, checked then (see pagination.Requests)."""
    assert operation.cursor is not None
    name, _, validate, _ = operation.cursor
    _validated(operation, validate, {name: token})


def _validated(operation: Operation, validate: Validator, arguments: Mapping[str, Any]) -> None:
    try:
        validate(arguments, FORMATS, "data")
    except SchemaViolation as violation:
        raise _invalid(operation, violation) from None
    except RecursionError:
        raise too_deep("body") from None
    for name, value in arguments.items():
        if isinstance(value, str) and not value.isascii() and surrogate_at(value, name):
            raise InvalidRequestError(name, "holds a lone surrogate (half a character): it cannot be sent")


def check_value(validate: Validator, value: object, name: str) -> None:
    """One value against its compiled schema (a client-wide default such as business_id), or
    InvalidRequestError naming `name`."""
    try:
        validate(value, FORMATS, name)
    except SchemaViolation as violation:
        raise InvalidRequestError(name, describe(violation)) from None


def _given(operation: Operation, arguments: Mapping[str, Any], name: str) -> bool:
    if arguments.get(name) is not None:
        return True
    body = arguments.get("body")
    wire = next((w for w, python in operation.body_names.items() if python == name), name)
    return isinstance(body, Mapping) and body.get(wire) is not None


def check_multipart(operation: Operation, arguments: Mapping[str, Any], body: Any) -> None:
    """check() for a multipart body: its files are sized against their limits, their names and
    MIME types checked for what could break the part's headers, the other fields checked like JSON."""
    fields = body.to_dict() if hasattr(body, "to_dict") else dict(body)
    for name, (low, high) in operation.files.items():
        if name in fields:
            item = fields[name]
            where = operation.body_names.get(name, name)
            if isinstance(item, tuple):
                payload = item[1]
                if not item[0]:
                    raise InvalidRequestError(f"{where}.file_name", NO_FILE_NAME)
                check_file_names(item[0], item[2] if len(item) > 2 else None)
            else:
                payload = getattr(item, "payload", item)
            check_readable(payload, where)
            check_file_size(payload_size(payload), where, low, high)
    check(operation, {**arguments, "body": fields})  # (a file's own schema takes any value)


def read_files(operation: Operation, files: list[tuple[str, Any]]) -> list[tuple[str, Any]]:
    """The multipart parts with each file object replaced by its bytes, read now (from its start,
    as httpx would send it) no further than one byte past the file's limit: what was checked is what
    is sent, a file larger than it said (procfs, FUSE, still growing) is refused before anything
    goes out, and every attempt sends the same bytes."""
    done: list[tuple[str, Any]] = []
    for name, part in files:
        limits = operation.files.get(name)
        if limits is not None and isinstance(part, tuple) and hasattr(part[1], "read"):
            where = operation.body_names.get(name, name)
            low, high = limits
            data = read_bounded(part[1], where, high)
            check_file_size(len(data), where, low, high)
            part = (part[0], data, *part[2:])
        done.append((name, part))
    return done


_JSON_TYPES = {
    "integer": "an integer",
    "number": "a number",
    "string": "a string",
    "boolean": "a bool",
    "array": "a list",
    "object": "an object (a dict or a model)",
    "null": "None",
}


def _field(operation: Operation, name: str) -> tuple[str, str]:
    """(Python name, wire name) of a validator path such as data.body.orderId or data.chat_id."""
    path = name.removeprefix("data").lstrip(".")
    if path == "body" or path.startswith(("body.", "body[")):
        rest = path[len("body") :].lstrip(".")
        head_end = min((i for i in (rest.find("."), rest.find("[")) if i >= 0), default=len(rest))
        head = rest[:head_end]
        python = operation.body_names.get(head, head) + rest[head_end:] if rest else "body"
        return python, path
    head_end = min((i for i in (path.find("."), path.find("[")) if i >= 0), default=len(path))
    head = path[:head_end]
    return path, operation.param_names.get(head, head) + path[head_end:]


def _invalid(operation: Operation, violation: SchemaViolation) -> InvalidRequestError:
    rule, definition, value = violation.rule, violation.definition, violation.value
    name = violation.name
    if rule == "required" and isinstance(value, Mapping):
        missing = [key for key in definition.get("required", []) if key not in value]
        name = f"{name}.{missing[0]}" if missing else name
        field, wire = _field(operation, name)
        return InvalidRequestError(field, "is required", wire=wire)
    field, wire = _field(operation, name)
    return InvalidRequestError(field, describe(violation, operation.body_names), wire=wire)


def _bounds(definition: Mapping[str, Any]) -> str:
    low, high = definition.get("minimum"), definition.get("maximum")
    low_x, high_x = definition.get("exclusiveMinimum"), definition.get("exclusiveMaximum")
    if low is not None and high is not None:
        return f"between {low} and {high}"
    parts = []
    if low is not None:
        parts.append(f"at least {low}")
    if low_x is not None:
        parts.append(f"greater than {low_x}")
    if high is not None:
        parts.append(f"at most {high}")
    if high_x is not None:
        parts.append(f"less than {high_x}")
    return " and ".join(parts)


def describe(violation: SchemaViolation, names: Mapping[str, str] | None = None) -> str:
    """What a compiled check found wrong, in words (`names`: wire -> Python names of the fields)."""
    rule, definition, value = violation.rule, violation.definition, violation.value
    if rule == "type":
        expected = definition.get("type")
        kinds = expected if isinstance(expected, list) else [expected]
        wanted = " or ".join(_JSON_TYPES.get(str(kind), str(kind)) for kind in kinds)
        return f"must be {wanted}, got {type(value).__name__}"
    if rule in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        return f"must be {_bounds(definition)}, got {value}"
    if rule in ("minLength", "maxLength"):
        low, high = definition.get("minLength", 0), definition.get("maxLength")
        if low == 1 and high is None:
            return "must not be empty"
        span = f"{low} to {high}" if high is not None else f"at least {low}"
        return f"must be {span} characters long, got {len(value)}"
    if rule == "format":
        kind = str(definition.get("format", ""))
        if kind.startswith("utf16-length:"):
            low_text, _, high_text = kind.partition(":")[2].partition(":")
            span = f"{low_text or 0} to {high_text}" if high_text else f"at least {low_text}"
            return f"must be {span} UTF-16 code units long, got {utf16_length(value)}"
        return f"must be a {kind} (ISO 8601), got {value!r}"
    if rule == "pattern":
        if definition.get("pattern") == r"\S":  # (what the spec writes for "not blank")
            return "must not be empty" if value == "" else "must not be blank (whitespace only)"
        return f"must match {definition.get('pattern')!r}, got {value!r}"
    if rule == "enum":
        return f"must be one of {', '.join(str(v) for v in definition.get('enum', []))}, got {value!r}"
    if rule == "minItems":
        low = definition.get("minItems", 0)
        wanted = "must not be empty (leave it out instead)" if low == 1 else f"must have at least {low} items"
        return f"{wanted}, got {len(value)}"
    if rule == "maxItems":
        return f"must have at most {definition.get('maxItems')} items, got {len(value)}"
    if rule == "uniqueItems":
        return "must not repeat an item"
    if rule == "anyOf" and "x-require-one-of" in definition:
        named = [(names or {}).get(n, n) for n in definition["x-require-one-of"]]
        return f"needs one of: {', '.join(named)}"
    detail = violation.message.removeprefix(violation.name).strip()
    return detail or "breaks the spec"
