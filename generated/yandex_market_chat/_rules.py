"""Request rules read from the OpenAPI spec at generation time: constraints and retry policies.

Written by `make generate` from openapi/yandex-market-chat.yaml; do not edit. Every check runs
before a request is built, and raises InvalidRequestError naming the field and the limit.
"""

from __future__ import annotations

import os
import sys
import warnings
from collections.abc import Mapping
from typing import Any, Final

from .errors import InvalidRequestError

SERVER_URL: Final[str] = "https://api.partner.market.yandex.ru"
"""The API's base URL (the spec's first server)."""

OPERATIONS: Final[dict[str, dict[str, Any]]] = {
    "create_chat": {
        "body": "CreateChatRequest",
        "idempotent": True,
        "method": "POST",
        "operationId": "createChat",
        "parameters": {
            "businessId": {
                "in": "path",
                "maximum": 9223372036854775807,
                "minimum": 1,
                "type": "integer",
            }
        },
        "path": "/v2/businesses/{businessId}/chats/new",
    },
    "send_file_to_chat": {
        "body": "SendFileToChatRequest",
        "idempotent": False,
        "method": "POST",
        "operationId": "sendFileToChat",
        "parameters": {
            "businessId": {
                "in": "path",
                "maximum": 9223372036854775807,
                "minimum": 1,
                "type": "integer",
            },
            "chatId": {
                "in": "query",
                "maximum": 9223372036854775807,
                "minimum": 1,
                "type": "integer",
            },
        },
        "path": "/v2/businesses/{businessId}/chats/file/send",
    },
    "send_message_to_chat": {
        "body": "SendMessageToChatRequest",
        "idempotent": False,
        "method": "POST",
        "operationId": "sendMessageToChat",
        "parameters": {
            "businessId": {
                "in": "path",
                "maximum": 9223372036854775807,
                "minimum": 1,
                "type": "integer",
            },
            "chatId": {
                "in": "query",
                "maximum": 9223372036854775807,
                "minimum": 1,
                "type": "integer",
            },
        },
        "path": "/v2/businesses/{businessId}/chats/message",
    },
}
"""Per operationId: method, path, `idempotent` (x-idempotent), parameter rules and body schema."""

SCHEMAS: Final[dict[str, dict[str, Any]]] = {
    "ChatContextDTO": {
        "properties": {
            "id": {"maximum": 9223372036854775807, "minimum": 1, "type": "integer"},
            "type": {
                "enum": ["ORDER", "RETURN"],
                "lengthUnit": "code-points",
                "maxLength": None,
                "minLength": None,
                "type": "string",
            },
        },
        "required": ["type", "id"],
        "type": "object",
    },
    "CreateChatRequest": {
        "properties": {
            "context": {"ref": "ChatContextDTO"},
            "orderId": {
                "deprecated": "The order id. "
                "Deprecated — "
                "use `context` "
                "with type "
                "`ORDER`.",
                "maximum": 9223372036854775807,
                "minimum": 1,
                "type": "integer",
            },
        },
        "requireOneOf": ["context", "orderId"],
        "required": [],
        "type": "object",
    },
    "SendFileToChatRequest": {
        "properties": {"file": {"maxBytes": 5242880, "minBytes": 1, "type": "binary"}},
        "required": ["file"],
        "type": "object",
    },
    "SendMessageToChatRequest": {
        "properties": {
            "message": {
                "lengthUnit": "utf-16",
                "maxLength": 4096,
                "minLength": 1,
                "type": "string",
            }
        },
        "required": ["message"],
        "type": "object",
    },
}
"""Per request schema: the rules of its properties."""

MIN_FILE_BYTES: Final[int] = 1
"""The smallest file sendFileToChat takes (1: not empty)."""

MAX_FILE_BYTES: Final[int] = 5242880
"""The largest file sendFileToChat takes. The API says "5 MB"; we read it as 5 MiB."""

MAX_MESSAGE_LENGTH: Final[int] = 4096
"""The longest message, in the unit the service counts (see `text_length`)."""

_PACKAGE_DIR = os.path.dirname(__file__)


def _user_stacklevel() -> int:
    """The stacklevel of the first frame outside this package, for warnings."""
    frame = sys._getframe(1)
    level = 1
    while frame.f_back is not None and frame.f_code.co_filename.startswith(
        _PACKAGE_DIR
    ):
        frame = frame.f_back
        level += 1
    return level


def text_length(text: str, unit: str) -> int:
    """Length as the service counts it: UTF-16 code units (Java) or Unicode code points."""
    if unit == "utf-16" and not text.isascii():
        return len(text.encode("utf-16-le", "surrogatepass")) // 2
    return len(text)


def payload_size(payload: object) -> int | None:
    """Bytes httpx will send from bytes or a seekable binary file (it rewinds a file to its start),
    found without reading it; None if unknown."""
    if isinstance(payload, bytes | bytearray | memoryview):
        return len(payload)
    seekable = getattr(payload, "seekable", None)
    if callable(seekable) and seekable():
        position: int = payload.tell()  # type: ignore[attr-defined]
        end: int = payload.seek(0, os.SEEK_END)  # type: ignore[attr-defined]
        payload.seek(position)  # type: ignore[attr-defined]
        return end
    return None


def check_file_size(size: int | None, where: str = "file") -> None:
    if size is None:
        raise InvalidRequestError(
            where,
            "must be bytes, a path or a seekable binary file: a stream cannot be sized or re-sent",
        )
    if size < MIN_FILE_BYTES:
        raise InvalidRequestError(
            where,
            "must not be empty"
            if MIN_FILE_BYTES == 1
            else f"must be at least {MIN_FILE_BYTES} bytes",
        )
    if size > MAX_FILE_BYTES:
        raise InvalidRequestError(
            where, f"must be at most {MAX_FILE_BYTES} bytes, got {size}"
        )


def check_value(value: Any, rule: Mapping[str, Any], where: str) -> None:
    """Check one value against its rule; raise InvalidRequestError naming `where` and the limit."""
    if "ref" in rule:
        check_value(value, SCHEMAS[rule["ref"]], where)
        return
    kind = rule["type"]
    if kind == "integer":
        if isinstance(value, bool) or not isinstance(value, int):
            raise InvalidRequestError(
                where, f"must be an integer, got {type(value).__name__}"
            )
        low, high = rule["minimum"], rule["maximum"]
        if (low is not None and value < low) or (high is not None and value > high):
            raise InvalidRequestError(
                where, f"must be between {low} and {high}, got {value}"
            )
    elif kind == "string":
        if not isinstance(value, str):
            raise InvalidRequestError(
                where, f"must be a string, got {type(value).__name__}"
            )
        if "enum" in rule and value not in rule["enum"]:
            raise InvalidRequestError(
                where, f"must be one of {', '.join(rule['enum'])}, got {value!r}"
            )
        length = text_length(value, rule["lengthUnit"])
        low, high = rule["minLength"], rule["maxLength"]
        if (low is not None and length < low) or (high is not None and length > high):
            unit = (
                "UTF-16 code units" if rule["lengthUnit"] == "utf-16" else "characters"
            )
            raise InvalidRequestError(
                where, f"must be {low} to {high} {unit} long, got {length}"
            )
    elif kind == "binary":
        payload = value[1] if isinstance(value, tuple) else value
        check_file_size(payload_size(payload), where)
    elif kind == "object":
        if not isinstance(value, Mapping):
            raise InvalidRequestError(
                where, f"must be an object, got {type(value).__name__}"
            )
        for name in rule["required"]:
            if value.get(name) is None:
                raise InvalidRequestError(f"{where}.{name}", "is required")
        one_of = rule.get("requireOneOf")
        if one_of and all(value.get(name) is None for name in one_of):
            raise InvalidRequestError(where, f"needs one of: {', '.join(one_of)}")
        for name, sub_rule in rule["properties"].items():
            if value.get(name) is None:
                continue
            if sub_rule.get("deprecated"):
                warnings.warn(
                    f"{where}.{name} is deprecated: {sub_rule['deprecated']}",
                    DeprecationWarning,
                    stacklevel=_user_stacklevel(),
                )
            check_value(value[name], sub_rule, f"{where}.{name}")


def check_request(
    operation_id: str, parameters: Mapping[str, Any], body: Any = None
) -> None:
    """Check an operation's parameters (by their API names) and body model before any I/O."""
    operation = OPERATIONS[operation_id]
    for name, rule in operation["parameters"].items():
        check_value(parameters.get(name), rule, name)
    if operation["body"] is not None:
        try:
            body_dict = body.to_dict()
        except (AttributeError, TypeError) as exc:
            raise TypeError(
                f"{operation_id}: body is not a valid {operation['body']}: {exc}"
            ) from exc
        check_value(body_dict, SCHEMAS[operation["body"]], "body")
