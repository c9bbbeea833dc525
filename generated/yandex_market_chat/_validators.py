# mypy: ignore-errors
"""Request validators compiled from the spec by fastjsonschema (openapi/codegen/validators.py).

Written by `make generate`; do not edit. Each operation's function checks its arguments
(parameters by Python name, the body as JSON under "body") and raises SchemaViolation."""

from ._request import Validator

VERSION = "2.22.3"
import re
from decimal import Decimal

from ._request import SchemaViolation as JsonSchemaValueException
from ._request import SchemaViolations as JsonSchemaValuesException

REGEX_PATTERNS = {"\\S": re.compile("\\S")}

NoneType = type(None)


def validate(data, custom_formats={}, name_prefix=None):
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data_keys = set(data.keys())
        if "create_chat" in data_keys:
            data_keys.remove("create_chat")
            data__createchat = data["create_chat"]
            validate___definitions_op_create_chat(
                data__createchat,
                custom_formats,
                (name_prefix or "data") + ".create_chat",
            )
        if "get_chats" in data_keys:
            data_keys.remove("get_chats")
            data__getchats = data["get_chats"]
            validate___definitions_op_get_chats(
                data__getchats, custom_formats, (name_prefix or "data") + ".get_chats"
            )
        if "get_chat" in data_keys:
            data_keys.remove("get_chat")
            data__getchat = data["get_chat"]
            validate___definitions_op_get_chat(
                data__getchat, custom_formats, (name_prefix or "data") + ".get_chat"
            )
        if "get_chat_history" in data_keys:
            data_keys.remove("get_chat_history")
            data__getchathistory = data["get_chat_history"]
            validate___definitions_op_get_chat_history(
                data__getchathistory,
                custom_formats,
                (name_prefix or "data") + ".get_chat_history",
            )
        if "get_chat_message" in data_keys:
            data_keys.remove("get_chat_message")
            data__getchatmessage = data["get_chat_message"]
            validate___definitions_op_get_chat_message(
                data__getchatmessage,
                custom_formats,
                (name_prefix or "data") + ".get_chat_message",
            )
        if "send_message_to_chat" in data_keys:
            data_keys.remove("send_message_to_chat")
            data__sendmessagetochat = data["send_message_to_chat"]
            validate___definitions_op_send_message_to_chat(
                data__sendmessagetochat,
                custom_formats,
                (name_prefix or "data") + ".send_message_to_chat",
            )
        if "send_file_to_chat" in data_keys:
            data_keys.remove("send_file_to_chat")
            data__sendfiletochat = data["send_file_to_chat"]
            validate___definitions_op_send_file_to_chat(
                data__sendfiletochat,
                custom_formats,
                (name_prefix or "data") + ".send_file_to_chat",
            )
        if "get_chats_cursor" in data_keys:
            data_keys.remove("get_chats_cursor")
            data__getchatscursor = data["get_chats_cursor"]
            validate___definitions_op_get_chats_cursor(
                data__getchatscursor,
                custom_formats,
                (name_prefix or "data") + ".get_chats_cursor",
            )
        if "get_chat_history_cursor" in data_keys:
            data_keys.remove("get_chat_history_cursor")
            data__getchathistorycursor = data["get_chat_history_cursor"]
            validate___definitions_op_get_chat_history_cursor(
                data__getchathistorycursor,
                custom_formats,
                (name_prefix or "data") + ".get_chat_history_cursor",
            )
        if "client_default_business_id" in data_keys:
            data_keys.remove("client_default_business_id")
            data__clientdefaultbusinessid = data["client_default_business_id"]
            validate___definitions_op_client_default_business_id(
                data__clientdefaultbusinessid,
                custom_formats,
                (name_prefix or "data") + ".client_default_business_id",
            )
    return data


def validate___definitions_op_client_default_business_id(
    data, custom_formats={}, name_prefix=None
):
    if not isinstance(data, (int)) or isinstance(data, bool):
        raise JsonSchemaValueException(
            "" + (name_prefix or "data") + " must be integer",
            value=data,
            name="" + (name_prefix or "data") + "",
            definition={
                "minimum": 1,
                "type": "integer",
                "maximum": 9223372036854775807,
            },
            rule="type",
        )
    if isinstance(data, (int, float, Decimal)) and not isinstance(data, bool):
        if data < 1:
            raise JsonSchemaValueException(
                "" + (name_prefix or "data") + " must be bigger than or equal to 1",
                value=data,
                name="" + (name_prefix or "data") + "",
                definition={
                    "minimum": 1,
                    "type": "integer",
                    "maximum": 9223372036854775807,
                },
                rule="minimum",
            )
        if data > 9223372036854775807:
            raise JsonSchemaValueException(
                ""
                + (name_prefix or "data")
                + " must be smaller than or equal to 9223372036854775807",
                value=data,
                name="" + (name_prefix or "data") + "",
                definition={
                    "minimum": 1,
                    "type": "integer",
                    "maximum": 9223372036854775807,
                },
                rule="maximum",
            )
    return data


def validate___definitions_op_get_chat_history_cursor(
    data, custom_formats={}, name_prefix=None
):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException(
            "" + (name_prefix or "data") + " must be object",
            value=data,
            name="" + (name_prefix or "data") + "",
            definition={
                "type": "object",
                "properties": {
                    "page_token": {
                        "allOf": [{"minLength": 1, "type": "string"}, {"minLength": 1}]
                    }
                },
            },
            rule="type",
        )
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data_keys = set(data.keys())
        if "page_token" in data_keys:
            data_keys.remove("page_token")
            data__pagetoken = data["page_token"]
            if not isinstance(data__pagetoken, (str)):
                raise JsonSchemaValueException(
                    "" + (name_prefix or "data") + ".page_token must be string",
                    value=data__pagetoken,
                    name="" + (name_prefix or "data") + ".page_token",
                    definition={"minLength": 1, "type": "string"},
                    rule="type",
                )
            if isinstance(data__pagetoken, str):
                data__pagetoken_len = len(data__pagetoken)
                if data__pagetoken_len < 1:
                    raise JsonSchemaValueException(
                        ""
                        + (name_prefix or "data")
                        + ".page_token must be longer than or equal to 1 characters",
                        value=data__pagetoken,
                        name="" + (name_prefix or "data") + ".page_token",
                        definition={"minLength": 1, "type": "string"},
                        rule="minLength",
                    )
                data__pagetoken_len = len(data__pagetoken)
                if data__pagetoken_len < 1:
                    raise JsonSchemaValueException(
                        ""
                        + (name_prefix or "data")
                        + ".page_token must be longer than or equal to 1 characters",
                        value=data__pagetoken,
                        name="" + (name_prefix or "data") + ".page_token",
                        definition={"minLength": 1},
                        rule="minLength",
                    )
    return data


def validate___definitions_op_get_chats_cursor(
    data, custom_formats={}, name_prefix=None
):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException(
            "" + (name_prefix or "data") + " must be object",
            value=data,
            name="" + (name_prefix or "data") + "",
            definition={
                "type": "object",
                "properties": {
                    "page_token": {
                        "allOf": [{"minLength": 1, "type": "string"}, {"minLength": 1}]
                    }
                },
            },
            rule="type",
        )
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data_keys = set(data.keys())
        if "page_token" in data_keys:
            data_keys.remove("page_token")
            data__pagetoken = data["page_token"]
            if not isinstance(data__pagetoken, (str)):
                raise JsonSchemaValueException(
                    "" + (name_prefix or "data") + ".page_token must be string",
                    value=data__pagetoken,
                    name="" + (name_prefix or "data") + ".page_token",
                    definition={"minLength": 1, "type": "string"},
                    rule="type",
                )
            if isinstance(data__pagetoken, str):
                data__pagetoken_len = len(data__pagetoken)
                if data__pagetoken_len < 1:
                    raise JsonSchemaValueException(
                        ""
                        + (name_prefix or "data")
                        + ".page_token must be longer than or equal to 1 characters",
                        value=data__pagetoken,
                        name="" + (name_prefix or "data") + ".page_token",
                        definition={"minLength": 1, "type": "string"},
                        rule="minLength",
                    )
                data__pagetoken_len = len(data__pagetoken)
                if data__pagetoken_len < 1:
                    raise JsonSchemaValueException(
                        ""
                        + (name_prefix or "data")
                        + ".page_token must be longer than or equal to 1 characters",
                        value=data__pagetoken,
                        name="" + (name_prefix or "data") + ".page_token",
                        definition={"minLength": 1},
                        rule="minLength",
                    )
    return data


def validate___definitions_op_send_file_to_chat(
    data, custom_formats={}, name_prefix=None
):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException(
            "" + (name_prefix or "data") + " must be object",
            value=data,
            name="" + (name_prefix or "data") + "",
            definition={
                "type": "object",
                "properties": {
                    "business_id": {
                        "minimum": 1,
                        "type": "integer",
                        "maximum": 9223372036854775807,
                    },
                    "chat_id": {
                        "allOf": [
                            {
                                "minimum": 1,
                                "type": "integer",
                                "maximum": 9223372036854775807,
                            },
                            {"minLength": 1},
                        ]
                    },
                    "body": {
                        "required": ["file"],
                        "properties": {"file": {}},
                        "type": "object",
                    },
                },
                "required": ["business_id", "chat_id", "body"],
            },
            rule="type",
        )
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(["business_id", "chat_id", "body"]) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException(
                ""
                + (name_prefix or "data")
                + " must contain "
                + (str(sorted(data__missing_keys)) + " properties"),
                value=data,
                name="" + (name_prefix or "data") + "",
                definition={
                    "type": "object",
                    "properties": {
                        "business_id": {
                            "minimum": 1,
                            "type": "integer",
                            "maximum": 9223372036854775807,
                        },
                        "chat_id": {
                            "allOf": [
                                {
                                    "minimum": 1,
                                    "type": "integer",
                                    "maximum": 9223372036854775807,
                                },
                                {"minLength": 1},
                            ]
                        },
                        "body": {
                            "required": ["file"],
                            "properties": {"file": {}},
                            "type": "object",
                        },
                    },
                    "required": ["business_id", "chat_id", "body"],
                },
                rule="required",
            )
        data_keys = set(data.keys())
        if "business_id" in data_keys:
            data_keys.remove("business_id")
            data__businessid = data["business_id"]
            if not isinstance(data__businessid, (int)) or isinstance(
                data__businessid, bool
            ):
                raise JsonSchemaValueException(
                    "" + (name_prefix or "data") + ".business_id must be integer",
                    value=data__businessid,
                    name="" + (name_prefix or "data") + ".business_id",
                    definition={
                        "minimum": 1,
                        "type": "integer",
                        "maximum": 9223372036854775807,
                    },
                    rule="type",
                )
            if isinstance(data__businessid, (int, float, Decimal)) and not isinstance(
                data__businessid, bool
            ):
                if data__businessid < 1:
                    raise JsonSchemaValueException(
                        ""
                        + (name_prefix or "data")
                        + ".business_id must be bigger than or equal to 1",
                        value=data__businessid,
                        name="" + (name_prefix or "data") + ".business_id",
                        definition={
                            "minimum": 1,
                            "type": "integer",
                            "maximum": 9223372036854775807,
                        },
                        rule="minimum",
                    )
                if data__businessid > 9223372036854775807:
                    raise JsonSchemaValueException(
                        ""
                        + (name_prefix or "data")
                        + ".business_id must be smaller than or equal to 9223372036854775807",
                        value=data__businessid,
                        name="" + (name_prefix or "data") + ".business_id",
                        definition={
                            "minimum": 1,
                            "type": "integer",
                            "maximum": 9223372036854775807,
                        },
                        rule="maximum",
                    )
        if "chat_id" in data_keys:
            data_keys.remove("chat_id")
            data__chatid = data["chat_id"]
            if not isinstance(data__chatid, (int)) or isinstance(data__chatid, bool):
                raise JsonSchemaValueException(
                    "" + (name_prefix or "data") + ".chat_id must be integer",
                    value=data__chatid,
                    name="" + (name_prefix or "data") + ".chat_id",
                    definition={
                        "minimum": 1,
                        "type": "integer",
                        "maximum": 9223372036854775807,
                    },
                    rule="type",
                )
            if isinstance(data__chatid, (int, float, Decimal)) and not isinstance(
                data__chatid, bool
            ):
                if data__chatid < 1:
                    raise JsonSchemaValueException(
                        ""
                        + (name_prefix or "data")
                        + ".chat_id must be bigger than or equal to 1",
                        value=data__chatid,
                        name="" + (name_prefix or "data") + ".chat_id",
                        definition={
                            "minimum": 1,
                            "type": "integer",
                            "maximum": 9223372036854775807,
                        },
                        rule="minimum",
                    )
                if data__chatid > 9223372036854775807:
                    raise JsonSchemaValueException(
                        ""
                        + (name_prefix or "data")
                        + ".chat_id must be smaller than or equal to 9223372036854775807",
                        value=data__chatid,
                        name="" + (name_prefix or "data") + ".chat_id",
                        definition={
                            "minimum": 1,
                            "type": "integer",
                            "maximum": 9223372036854775807,
                        },
                        rule="maximum",
                    )
            if isinstance(data__chatid, str):
                data__chatid_len = len(data__chatid)
                if data__chatid_len < 1:
                    raise JsonSchemaValueException(
                        ""
                        + (name_prefix or "data")
                        + ".chat_id must be longer than or equal to 1 characters",
                        value=data__chatid,
                        name="" + (name_prefix or "data") + ".chat_id",
                        definition={"minLength": 1},
                        rule="minLength",
                    )
        if "body" in data_keys:
            data_keys.remove("body")
            data__body = data["body"]
            validate___definitions_sendfiletochatrequest(
                data__body, custom_formats, (name_prefix or "data") + ".body"
            )
    return data


def validate___definitions_sendfiletochatrequest(
    data, custom_formats={}, name_prefix=None
):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException(
            "" + (name_prefix or "data") + " must be object",
            value=data,
            name="" + (name_prefix or "data") + "",
            definition={
                "required": ["file"],
                "properties": {"file": {}},
                "type": "object",
            },
            rule="type",
        )
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(["file"]) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException(
                ""
                + (name_prefix or "data")
                + " must contain "
                + (str(sorted(data__missing_keys)) + " properties"),
                value=data,
                name="" + (name_prefix or "data") + "",
                definition={
                    "required": ["file"],
                    "properties": {"file": {}},
                    "type": "object",
                },
                rule="required",
            )
        data_keys = set(data.keys())
        if "file" in data_keys:
            data_keys.remove("file")
            data__file = data["file"]
    return data


def validate___definitions_op_send_message_to_chat(
    data, custom_formats={}, name_prefix=None
):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException(
            "" + (name_prefix or "data") + " must be object",
            value=data,
            name="" + (name_prefix or "data") + "",
            definition={
                "type": "object",
                "properties": {
                    "business_id": {
                        "minimum": 1,
                        "type": "integer",
                        "maximum": 9223372036854775807,
                    },
                    "chat_id": {
                        "allOf": [
                            {
                                "minimum": 1,
                                "type": "integer",
                                "maximum": 9223372036854775807,
                            },
                            {"minLength": 1},
                        ]
                    },
                    "body": {
                        "required": ["message"],
                        "properties": {
                            "message": {
                                "pattern": "\\S",
                                "type": "string",
                                "format": "utf16-length:1:4096",
                            }
                        },
                        "type": "object",
                    },
                },
                "required": ["business_id", "chat_id", "body"],
            },
            rule="type",
        )
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(["business_id", "chat_id", "body"]) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException(
                ""
                + (name_prefix or "data")
                + " must contain "
                + (str(sorted(data__missing_keys)) + " properties"),
                value=data,
                name="" + (name_prefix or "data") + "",
                definition={
                    "type": "object",
                    "properties": {
                        "business_id": {
                            "minimum": 1,
                            "type": "integer",
                            "maximum": 9223372036854775807,
                        },
                        "chat_id": {
                            "allOf": [
                                {
                                    "minimum": 1,
                                    "type": "integer",
                                    "maximum": 9223372036854775807,
                                },
                                {"minLength": 1},
                            ]
                        },
                        "body": {
                            "required": ["message"],
                            "properties": {
                                "message": {
                                    "pattern": "\\S",
                                    "type": "string",
                                    "format": "utf16-length:1:4096",
                                }
                            },
                            "type": "object",
                        },
                    },
                    "required": ["business_id", "chat_id", "body"],
                },
                rule="required",
            )
        data_keys = set(data.keys())
        if "business_id" in data_keys:
            data_keys.remove("business_id")
            data__businessid = data["business_id"]
            if not isinstance(data__businessid, (int)) or isinstance(
                data__businessid, bool
            ):
                raise JsonSchemaValueException(
                    "" + (name_prefix or "data") + ".business_id must be integer",
                    value=data__businessid,
                    name="" + (name_prefix or "data") + ".business_id",
                    definition={
                        "minimum": 1,
                        "type": "integer",
                        "maximum": 9223372036854775807,
                    },
                    rule="type",
                )
            if isinstance(data__businessid, (int, float, Decimal)) and not isinstance(
                data__businessid, bool
            ):
                if data__businessid < 1:
                    raise JsonSchemaValueException(
                        ""
                        + (name_prefix or "data")
                        + ".business_id must be bigger than or equal to 1",
                        value=data__businessid,
                        name="" + (name_prefix or "data") + ".business_id",
                        definition={
                            "minimum": 1,
                            "type": "integer",
                            "maximum": 9223372036854775807,
                        },
                        rule="minimum",
                    )
                if data__businessid > 9223372036854775807:
                    raise JsonSchemaValueException(
                        ""
                        + (name_prefix or "data")
                        + ".business_id must be smaller than or equal to 9223372036854775807",
                        value=data__businessid,
                        name="" + (name_prefix or "data") + ".business_id",
                        definition={
                            "minimum": 1,
                            "type": "integer",
                            "maximum": 9223372036854775807,
                        },
                        rule="maximum",
                    )
        if "chat_id" in data_keys:
            data_keys.remove("chat_id")
            data__chatid = data["chat_id"]
            if not isinstance(data__chatid, (int)) or isinstance(data__chatid, bool):
                raise JsonSchemaValueException(
                    "" + (name_prefix or "data") + ".chat_id must be integer",
                    value=data__chatid,
                    name="" + (name_prefix or "data") + ".chat_id",
                    definition={
                        "minimum": 1,
                        "type": "integer",
                        "maximum": 9223372036854775807,
                    },
                    rule="type",
                )
            if isinstance(data__chatid, (int, float, Decimal)) and not isinstance(
                data__chatid, bool
            ):
                if data__chatid < 1:
                    raise JsonSchemaValueException(
                        ""
                        + (name_prefix or "data")
                        + ".chat_id must be bigger than or equal to 1",
                        value=data__chatid,
                        name="" + (name_prefix or "data") + ".chat_id",
                        definition={
                            "minimum": 1,
                            "type": "integer",
                            "maximum": 9223372036854775807,
                        },
                        rule="minimum",
                    )
                if data__chatid > 9223372036854775807:
                    raise JsonSchemaValueException(
                        ""
                        + (name_prefix or "data")
                        + ".chat_id must be smaller than or equal to 9223372036854775807",
                        value=data__chatid,
                        name="" + (name_prefix or "data") + ".chat_id",
                        definition={
                            "minimum": 1,
                            "type": "integer",
                            "maximum": 9223372036854775807,
                        },
                        rule="maximum",
                    )
            if isinstance(data__chatid, str):
                data__chatid_len = len(data__chatid)
                if data__chatid_len < 1:
                    raise JsonSchemaValueException(
                        ""
                        + (name_prefix or "data")
                        + ".chat_id must be longer than or equal to 1 characters",
                        value=data__chatid,
                        name="" + (name_prefix or "data") + ".chat_id",
                        definition={"minLength": 1},
                        rule="minLength",
                    )
        if "body" in data_keys:
            data_keys.remove("body")
            data__body = data["body"]
            validate___definitions_sendmessagetochatrequest(
                data__body, custom_formats, (name_prefix or "data") + ".body"
            )
    return data


def validate___definitions_sendmessagetochatrequest(
    data, custom_formats={}, name_prefix=None
):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException(
            "" + (name_prefix or "data") + " must be object",
            value=data,
            name="" + (name_prefix or "data") + "",
            definition={
                "required": ["message"],
                "properties": {
                    "message": {
                        "pattern": "\\S",
                        "type": "string",
                        "format": "utf16-length:1:4096",
                    }
                },
                "type": "object",
            },
            rule="type",
        )
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(["message"]) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException(
                ""
                + (name_prefix or "data")
                + " must contain "
                + (str(sorted(data__missing_keys)) + " properties"),
                value=data,
                name="" + (name_prefix or "data") + "",
                definition={
                    "required": ["message"],
                    "properties": {
                        "message": {
                            "pattern": "\\S",
                            "type": "string",
                            "format": "utf16-length:1:4096",
                        }
                    },
                    "type": "object",
                },
                rule="required",
            )
        data_keys = set(data.keys())
        if "message" in data_keys:
            data_keys.remove("message")
            data__message = data["message"]
            if not isinstance(data__message, (str)):
                raise JsonSchemaValueException(
                    "" + (name_prefix or "data") + ".message must be string",
                    value=data__message,
                    name="" + (name_prefix or "data") + ".message",
                    definition={
                        "pattern": "\\S",
                        "type": "string",
                        "format": "utf16-length:1:4096",
                    },
                    rule="type",
                )
            if isinstance(data__message, str):
                if not REGEX_PATTERNS["\\S"].search(data__message):
                    raise JsonSchemaValueException(
                        ""
                        + (name_prefix or "data")
                        + ".message must match pattern \\S",
                        value=data__message,
                        name="" + (name_prefix or "data") + ".message",
                        definition={
                            "pattern": "\\S",
                            "type": "string",
                            "format": "utf16-length:1:4096",
                        },
                        rule="pattern",
                    )
                if not custom_formats["utf16-length:1:4096"](data__message):
                    raise JsonSchemaValueException(
                        ""
                        + (name_prefix or "data")
                        + ".message must be utf16-length:1:4096",
                        value=data__message,
                        name="" + (name_prefix or "data") + ".message",
                        definition={
                            "pattern": "\\S",
                            "type": "string",
                            "format": "utf16-length:1:4096",
                        },
                        rule="format",
                    )
    return data


def validate___definitions_op_get_chat_message(
    data, custom_formats={}, name_prefix=None
):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException(
            "" + (name_prefix or "data") + " must be object",
            value=data,
            name="" + (name_prefix or "data") + "",
            definition={
                "type": "object",
                "properties": {
                    "business_id": {
                        "minimum": 1,
                        "type": "integer",
                        "maximum": 9223372036854775807,
                    },
                    "chat_id": {
                        "allOf": [
                            {
                                "minimum": 1,
                                "type": "integer",
                                "maximum": 9223372036854775807,
                            },
                            {"minLength": 1},
                        ]
                    },
                    "message_id": {
                        "allOf": [
                            {
                                "minimum": 1,
                                "type": "integer",
                                "maximum": 9223372036854775807,
                            },
                            {"minLength": 1},
                        ]
                    },
                },
                "required": ["business_id", "chat_id", "message_id"],
            },
            rule="type",
        )
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(["business_id", "chat_id", "message_id"]) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException(
                ""
                + (name_prefix or "data")
                + " must contain "
                + (str(sorted(data__missing_keys)) + " properties"),
                value=data,
                name="" + (name_prefix or "data") + "",
                definition={
                    "type": "object",
                    "properties": {
                        "business_id": {
                            "minimum": 1,
                            "type": "integer",
                            "maximum": 9223372036854775807,
                        },
                        "chat_id": {
                            "allOf": [
                                {
                                    "minimum": 1,
                                    "type": "integer",
                                    "maximum": 9223372036854775807,
                                },
                                {"minLength": 1},
                            ]
                        },
                        "message_id": {
                            "allOf": [
                                {
                                    "minimum": 1,
                                    "type": "integer",
                                    "maximum": 9223372036854775807,
                                },
                                {"minLength": 1},
                            ]
                        },
                    },
                    "required": ["business_id", "chat_id", "message_id"],
                },
                rule="required",
            )
        data_keys = set(data.keys())
        if "business_id" in data_keys:
            data_keys.remove("business_id")
            data__businessid = data["business_id"]
            if not isinstance(data__businessid, (int)) or isinstance(
                data__businessid, bool
            ):
                raise JsonSchemaValueException(
                    "" + (name_prefix or "data") + ".business_id must be integer",
                    value=data__businessid,
                    name="" + (name_prefix or "data") + ".business_id",
                    definition={
                        "minimum": 1,
                        "type": "integer",
                        "maximum": 9223372036854775807,
                    },
                    rule="type",
                )
            if isinstance(data__businessid, (int, float, Decimal)) and not isinstance(
                data__businessid, bool
            ):
                if data__businessid < 1:
                    raise JsonSchemaValueException(
                        ""
                        + (name_prefix or "data")
                        + ".business_id must be bigger than or equal to 1",
                        value=data__businessid,
                        name="" + (name_prefix or "data") + ".business_id",
                        definition={
                            "minimum": 1,
                            "type": "integer",
                            "maximum": 9223372036854775807,
                        },
                        rule="minimum",
                    )
                if data__businessid > 9223372036854775807:
                    raise JsonSchemaValueException(
                        ""
                        + (name_prefix or "data")
                        + ".business_id must be smaller than or equal to 9223372036854775807",
                        value=data__businessid,
                        name="" + (name_prefix or "data") + ".business_id",
                        definition={
                            "minimum": 1,
                            "type": "integer",
                            "maximum": 9223372036854775807,
                        },
                        rule="maximum",
                    )
        if "chat_id" in data_keys:
            data_keys.remove("chat_id")
            data__chatid = data["chat_id"]
            if not isinstance(data__chatid, (int)) or isinstance(data__chatid, bool):
                raise JsonSchemaValueException(
                    "" + (name_prefix or "data") + ".chat_id must be integer",
                    value=data__chatid,
                    name="" + (name_prefix or "data") + ".chat_id",
                    definition={
                        "minimum": 1,
                        "type": "integer",
                        "maximum": 9223372036854775807,
                    },
                    rule="type",
                )
            if isinstance(data__chatid, (int, float, Decimal)) and not isinstance(
                data__chatid, bool
            ):
                if data__chatid < 1:
                    raise JsonSchemaValueException(
                        ""
                        + (name_prefix or "data")
                        + ".chat_id must be bigger than or equal to 1",
                        value=data__chatid,
                        name="" + (name_prefix or "data") + ".chat_id",
                        definition={
                            "minimum": 1,
                            "type": "integer",
                            "maximum": 9223372036854775807,
                        },
                        rule="minimum",
                    )
                if data__chatid > 9223372036854775807:
                    raise JsonSchemaValueException(
                        ""
                        + (name_prefix or "data")
                        + ".chat_id must be smaller than or equal to 9223372036854775807",
                        value=data__chatid,
                        name="" + (name_prefix or "data") + ".chat_id",
                        definition={
                            "minimum": 1,
                            "type": "integer",
                            "maximum": 9223372036854775807,
                        },
                        rule="maximum",
                    )
            if isinstance(data__chatid, str):
                data__chatid_len = len(data__chatid)
                if data__chatid_len < 1:
                    raise JsonSchemaValueException(
                        ""
                        + (name_prefix or "data")
                        + ".chat_id must be longer than or equal to 1 characters",
                        value=data__chatid,
                        name="" + (name_prefix or "data") + ".chat_id",
                        definition={"minLength": 1},
                        rule="minLength",
                    )
        if "message_id" in data_keys:
            data_keys.remove("message_id")
            data__messageid = data["message_id"]
            if not isinstance(data__messageid, (int)) or isinstance(
                data__messageid, bool
            ):
                raise JsonSchemaValueException(
                    "" + (name_prefix or "data") + ".message_id must be integer",
                    value=data__messageid,
                    name="" + (name_prefix or "data") + ".message_id",
                    definition={
                        "minimum": 1,
                        "type": "integer",
                        "maximum": 9223372036854775807,
                    },
                    rule="type",
                )
            if isinstance(data__messageid, (int, float, Decimal)) and not isinstance(
                data__messageid, bool
            ):
                if data__messageid < 1:
                    raise JsonSchemaValueException(
                        ""
                        + (name_prefix or "data")
                        + ".message_id must be bigger than or equal to 1",
                        value=data__messageid,
                        name="" + (name_prefix or "data") + ".message_id",
                        definition={
                            "minimum": 1,
                            "type": "integer",
                            "maximum": 9223372036854775807,
                        },
                        rule="minimum",
                    )
                if data__messageid > 9223372036854775807:
                    raise JsonSchemaValueException(
                        ""
                        + (name_prefix or "data")
                        + ".message_id must be smaller than or equal to 9223372036854775807",
                        value=data__messageid,
                        name="" + (name_prefix or "data") + ".message_id",
                        definition={
                            "minimum": 1,
                            "type": "integer",
                            "maximum": 9223372036854775807,
                        },
                        rule="maximum",
                    )
            if isinstance(data__messageid, str):
                data__messageid_len = len(data__messageid)
                if data__messageid_len < 1:
                    raise JsonSchemaValueException(
                        ""
                        + (name_prefix or "data")
                        + ".message_id must be longer than or equal to 1 characters",
                        value=data__messageid,
                        name="" + (name_prefix or "data") + ".message_id",
                        definition={"minLength": 1},
                        rule="minLength",
                    )
    return data


def validate___definitions_op_get_chat_history(
    data, custom_formats={}, name_prefix=None
):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException(
            "" + (name_prefix or "data") + " must be object",
            value=data,
            name="" + (name_prefix or "data") + "",
            definition={
                "type": "object",
                "properties": {
                    "business_id": {
                        "minimum": 1,
                        "type": "integer",
                        "maximum": 9223372036854775807,
                    },
                    "chat_id": {
                        "allOf": [
                            {
                                "minimum": 1,
                                "type": "integer",
                                "maximum": 9223372036854775807,
                            },
                            {"minLength": 1},
                        ]
                    },
                    "page_token": {
                        "allOf": [{"minLength": 1, "type": "string"}, {"minLength": 1}]
                    },
                    "limit": {
                        "allOf": [
                            {"minimum": 1, "maximum": 100, "type": "integer"},
                            {"minLength": 1},
                        ]
                    },
                    "body": {
                        "properties": {
                            "messageIdFrom": {
                                "minimum": 1,
                                "type": "integer",
                                "maximum": 9223372036854775807,
                            }
                        },
                        "type": "object",
                    },
                },
                "required": ["business_id", "chat_id", "body"],
            },
            rule="type",
        )
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(["business_id", "chat_id", "body"]) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException(
                ""
                + (name_prefix or "data")
                + " must contain "
                + (str(sorted(data__missing_keys)) + " properties"),
                value=data,
                name="" + (name_prefix or "data") + "",
                definition={
                    "type": "object",
                    "properties": {
                        "business_id": {
                            "minimum": 1,
                            "type": "integer",
                            "maximum": 9223372036854775807,
                        },
                        "chat_id": {
                            "allOf": [
                                {
                                    "minimum": 1,
                                    "type": "integer",
                                    "maximum": 9223372036854775807,
                                },
                                {"minLength": 1},
                            ]
                        },
                        "page_token": {
                            "allOf": [
                                {"minLength": 1, "type": "string"},
                                {"minLength": 1},
                            ]
                        },
                        "limit": {
                            "allOf": [
                                {"minimum": 1, "maximum": 100, "type": "integer"},
                                {"minLength": 1},
                            ]
                        },
                        "body": {
                            "properties": {
                                "messageIdFrom": {
                                    "minimum": 1,
                                    "type": "integer",
                                    "maximum": 9223372036854775807,
                                }
                            },
                            "type": "object",
                        },
                    },
                    "required": ["business_id", "chat_id", "body"],
                },
                rule="required",
            )
        data_keys = set(data.keys())
        if "business_id" in data_keys:
            data_keys.remove("business_id")
            data__businessid = data["business_id"]
            if not isinstance(data__businessid, (int)) or isinstance(
                data__businessid, bool
            ):
                raise JsonSchemaValueException(
                    "" + (name_prefix or "data") + ".business_id must be integer",
                    value=data__businessid,
                    name="" + (name_prefix or "data") + ".business_id",
                    definition={
                        "minimum": 1,
                        "type": "integer",
                        "maximum": 9223372036854775807,
                    },
                    rule="type",
                )
            if isinstance(data__businessid, (int, float, Decimal)) and not isinstance(
                data__businessid, bool
            ):
                if data__businessid < 1:
                    raise JsonSchemaValueException(
                        ""
                        + (name_prefix or "data")
                        + ".business_id must be bigger than or equal to 1",
                        value=data__businessid,
                        name="" + (name_prefix or "data") + ".business_id",
                        definition={
                            "minimum": 1,
                            "type": "integer",
                            "maximum": 9223372036854775807,
                        },
                        rule="minimum",
                    )
                if data__businessid > 9223372036854775807:
                    raise JsonSchemaValueException(
                        ""
                        + (name_prefix or "data")
                        + ".business_id must be smaller than or equal to 9223372036854775807",
                        value=data__businessid,
                        name="" + (name_prefix or "data") + ".business_id",
                        definition={
                            "minimum": 1,
                            "type": "integer",
                            "maximum": 9223372036854775807,
                        },
                        rule="maximum",
                    )
        if "chat_id" in data_keys:
            data_keys.remove("chat_id")
            data__chatid = data["chat_id"]
            if not isinstance(data__chatid, (int)) or isinstance(data__chatid, bool):
                raise JsonSchemaValueException(
                    "" + (name_prefix or "data") + ".chat_id must be integer",
                    value=data__chatid,
                    name="" + (name_prefix or "data") + ".chat_id",
                    definition={
                        "minimum": 1,
                        "type": "integer",
                        "maximum": 9223372036854775807,
                    },
                    rule="type",
                )
            if isinstance(data__chatid, (int, float, Decimal)) and not isinstance(
                data__chatid, bool
            ):
                if data__chatid < 1:
                    raise JsonSchemaValueException(
                        ""
                        + (name_prefix or "data")
                        + ".chat_id must be bigger than or equal to 1",
                        value=data__chatid,
                        name="" + (name_prefix or "data") + ".chat_id",
                        definition={
                            "minimum": 1,
                            "type": "integer",
                            "maximum": 9223372036854775807,
                        },
                        rule="minimum",
                    )
                if data__chatid > 9223372036854775807:
                    raise JsonSchemaValueException(
                        ""
                        + (name_prefix or "data")
                        + ".chat_id must be smaller than or equal to 9223372036854775807",
                        value=data__chatid,
                        name="" + (name_prefix or "data") + ".chat_id",
                        definition={
                            "minimum": 1,
                            "type": "integer",
                            "maximum": 9223372036854775807,
                        },
                        rule="maximum",
                    )
            if isinstance(data__chatid, str):
                data__chatid_len = len(data__chatid)
                if data__chatid_len < 1:
                    raise JsonSchemaValueException(
                        ""
                        + (name_prefix or "data")
                        + ".chat_id must be longer than or equal to 1 characters",
                        value=data__chatid,
                        name="" + (name_prefix or "data") + ".chat_id",
                        definition={"minLength": 1},
                        rule="minLength",
                    )
        if "page_token" in data_keys:
            data_keys.remove("page_token")
            data__pagetoken = data["page_token"]
            if not isinstance(data__pagetoken, (str)):
                raise JsonSchemaValueException(
                    "" + (name_prefix or "data") + ".page_token must be string",
                    value=data__pagetoken,
                    name="" + (name_prefix or "data") + ".page_token",
                    definition={"minLength": 1, "type": "string"},
                    rule="type",
                )
            if isinstance(data__pagetoken, str):
                data__pagetoken_len = len(data__pagetoken)
                if data__pagetoken_len < 1:
                    raise JsonSchemaValueException(
                        ""
                        + (name_prefix or "data")
                        + ".page_token must be longer than or equal to 1 characters",
                        value=data__pagetoken,
                        name="" + (name_prefix or "data") + ".page_token",
                        definition={"minLength": 1, "type": "string"},
                        rule="minLength",
                    )
                data__pagetoken_len = len(data__pagetoken)
                if data__pagetoken_len < 1:
                    raise JsonSchemaValueException(
                        ""
                        + (name_prefix or "data")
                        + ".page_token must be longer than or equal to 1 characters",
                        value=data__pagetoken,
                        name="" + (name_prefix or "data") + ".page_token",
                        definition={"minLength": 1},
                        rule="minLength",
                    )
        if "limit" in data_keys:
            data_keys.remove("limit")
            data__limit = data["limit"]
            if not isinstance(data__limit, (int)) or isinstance(data__limit, bool):
                raise JsonSchemaValueException(
                    "" + (name_prefix or "data") + ".limit must be integer",
                    value=data__limit,
                    name="" + (name_prefix or "data") + ".limit",
                    definition={"minimum": 1, "maximum": 100, "type": "integer"},
                    rule="type",
                )
            if isinstance(data__limit, (int, float, Decimal)) and not isinstance(
                data__limit, bool
            ):
                if data__limit < 1:
                    raise JsonSchemaValueException(
                        ""
                        + (name_prefix or "data")
                        + ".limit must be bigger than or equal to 1",
                        value=data__limit,
                        name="" + (name_prefix or "data") + ".limit",
                        definition={"minimum": 1, "maximum": 100, "type": "integer"},
                        rule="minimum",
                    )
                if data__limit > 100:
                    raise JsonSchemaValueException(
                        ""
                        + (name_prefix or "data")
                        + ".limit must be smaller than or equal to 100",
                        value=data__limit,
                        name="" + (name_prefix or "data") + ".limit",
                        definition={"minimum": 1, "maximum": 100, "type": "integer"},
                        rule="maximum",
                    )
            if isinstance(data__limit, str):
                data__limit_len = len(data__limit)
                if data__limit_len < 1:
                    raise JsonSchemaValueException(
                        ""
                        + (name_prefix or "data")
                        + ".limit must be longer than or equal to 1 characters",
                        value=data__limit,
                        name="" + (name_prefix or "data") + ".limit",
                        definition={"minLength": 1},
                        rule="minLength",
                    )
        if "body" in data_keys:
            data_keys.remove("body")
            data__body = data["body"]
            validate___definitions_getchathistoryrequest(
                data__body, custom_formats, (name_prefix or "data") + ".body"
            )
    return data


def validate___definitions_getchathistoryrequest(
    data, custom_formats={}, name_prefix=None
):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException(
            "" + (name_prefix or "data") + " must be object",
            value=data,
            name="" + (name_prefix or "data") + "",
            definition={
                "properties": {
                    "messageIdFrom": {
                        "minimum": 1,
                        "type": "integer",
                        "maximum": 9223372036854775807,
                    }
                },
                "type": "object",
            },
            rule="type",
        )
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data_keys = set(data.keys())
        if "messageIdFrom" in data_keys:
            data_keys.remove("messageIdFrom")
            data__messageIdFrom = data["messageIdFrom"]
            if not isinstance(data__messageIdFrom, (int)) or isinstance(
                data__messageIdFrom, bool
            ):
                raise JsonSchemaValueException(
                    "" + (name_prefix or "data") + ".messageIdFrom must be integer",
                    value=data__messageIdFrom,
                    name="" + (name_prefix or "data") + ".messageIdFrom",
                    definition={
                        "minimum": 1,
                        "type": "integer",
                        "maximum": 9223372036854775807,
                    },
                    rule="type",
                )
            if isinstance(
                data__messageIdFrom, (int, float, Decimal)
            ) and not isinstance(data__messageIdFrom, bool):
                if data__messageIdFrom < 1:
                    raise JsonSchemaValueException(
                        ""
                        + (name_prefix or "data")
                        + ".messageIdFrom must be bigger than or equal to 1",
                        value=data__messageIdFrom,
                        name="" + (name_prefix or "data") + ".messageIdFrom",
                        definition={
                            "minimum": 1,
                            "type": "integer",
                            "maximum": 9223372036854775807,
                        },
                        rule="minimum",
                    )
                if data__messageIdFrom > 9223372036854775807:
                    raise JsonSchemaValueException(
                        ""
                        + (name_prefix or "data")
                        + ".messageIdFrom must be smaller than or equal to 9223372036854775807",
                        value=data__messageIdFrom,
                        name="" + (name_prefix or "data") + ".messageIdFrom",
                        definition={
                            "minimum": 1,
                            "type": "integer",
                            "maximum": 9223372036854775807,
                        },
                        rule="maximum",
                    )
    return data


def validate___definitions_op_get_chat(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException(
            "" + (name_prefix or "data") + " must be object",
            value=data,
            name="" + (name_prefix or "data") + "",
            definition={
                "type": "object",
                "properties": {
                    "business_id": {
                        "minimum": 1,
                        "type": "integer",
                        "maximum": 9223372036854775807,
                    },
                    "chat_id": {
                        "allOf": [
                            {
                                "minimum": 1,
                                "type": "integer",
                                "maximum": 9223372036854775807,
                            },
                            {"minLength": 1},
                        ]
                    },
                },
                "required": ["business_id", "chat_id"],
            },
            rule="type",
        )
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(["business_id", "chat_id"]) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException(
                ""
                + (name_prefix or "data")
                + " must contain "
                + (str(sorted(data__missing_keys)) + " properties"),
                value=data,
                name="" + (name_prefix or "data") + "",
                definition={
                    "type": "object",
                    "properties": {
                        "business_id": {
                            "minimum": 1,
                            "type": "integer",
                            "maximum": 9223372036854775807,
                        },
                        "chat_id": {
                            "allOf": [
                                {
                                    "minimum": 1,
                                    "type": "integer",
                                    "maximum": 9223372036854775807,
                                },
                                {"minLength": 1},
                            ]
                        },
                    },
                    "required": ["business_id", "chat_id"],
                },
                rule="required",
            )
        data_keys = set(data.keys())
        if "business_id" in data_keys:
            data_keys.remove("business_id")
            data__businessid = data["business_id"]
            if not isinstance(data__businessid, (int)) or isinstance(
                data__businessid, bool
            ):
                raise JsonSchemaValueException(
                    "" + (name_prefix or "data") + ".business_id must be integer",
                    value=data__businessid,
                    name="" + (name_prefix or "data") + ".business_id",
                    definition={
                        "minimum": 1,
                        "type": "integer",
                        "maximum": 9223372036854775807,
                    },
                    rule="type",
                )
            if isinstance(data__businessid, (int, float, Decimal)) and not isinstance(
                data__businessid, bool
            ):
                if data__businessid < 1:
                    raise JsonSchemaValueException(
                        ""
                        + (name_prefix or "data")
                        + ".business_id must be bigger than or equal to 1",
                        value=data__businessid,
                        name="" + (name_prefix or "data") + ".business_id",
                        definition={
                            "minimum": 1,
                            "type": "integer",
                            "maximum": 9223372036854775807,
                        },
                        rule="minimum",
                    )
                if data__businessid > 9223372036854775807:
                    raise JsonSchemaValueException(
                        ""
                        + (name_prefix or "data")
                        + ".business_id must be smaller than or equal to 9223372036854775807",
                        value=data__businessid,
                        name="" + (name_prefix or "data") + ".business_id",
                        definition={
                            "minimum": 1,
                            "type": "integer",
                            "maximum": 9223372036854775807,
                        },
                        rule="maximum",
                    )
        if "chat_id" in data_keys:
            data_keys.remove("chat_id")
            data__chatid = data["chat_id"]
            if not isinstance(data__chatid, (int)) or isinstance(data__chatid, bool):
                raise JsonSchemaValueException(
                    "" + (name_prefix or "data") + ".chat_id must be integer",
                    value=data__chatid,
                    name="" + (name_prefix or "data") + ".chat_id",
                    definition={
                        "minimum": 1,
                        "type": "integer",
                        "maximum": 9223372036854775807,
                    },
                    rule="type",
                )
            if isinstance(data__chatid, (int, float, Decimal)) and not isinstance(
                data__chatid, bool
            ):
                if data__chatid < 1:
                    raise JsonSchemaValueException(
                        ""
                        + (name_prefix or "data")
                        + ".chat_id must be bigger than or equal to 1",
                        value=data__chatid,
                        name="" + (name_prefix or "data") + ".chat_id",
                        definition={
                            "minimum": 1,
                            "type": "integer",
                            "maximum": 9223372036854775807,
                        },
                        rule="minimum",
                    )
                if data__chatid > 9223372036854775807:
                    raise JsonSchemaValueException(
                        ""
                        + (name_prefix or "data")
                        + ".chat_id must be smaller than or equal to 9223372036854775807",
                        value=data__chatid,
                        name="" + (name_prefix or "data") + ".chat_id",
                        definition={
                            "minimum": 1,
                            "type": "integer",
                            "maximum": 9223372036854775807,
                        },
                        rule="maximum",
                    )
            if isinstance(data__chatid, str):
                data__chatid_len = len(data__chatid)
                if data__chatid_len < 1:
                    raise JsonSchemaValueException(
                        ""
                        + (name_prefix or "data")
                        + ".chat_id must be longer than or equal to 1 characters",
                        value=data__chatid,
                        name="" + (name_prefix or "data") + ".chat_id",
                        definition={"minLength": 1},
                        rule="minLength",
                    )
    return data


def validate___definitions_op_get_chats(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException(
            "" + (name_prefix or "data") + " must be object",
            value=data,
            name="" + (name_prefix or "data") + "",
            definition={
                "type": "object",
                "properties": {
                    "business_id": {
                        "minimum": 1,
                        "type": "integer",
                        "maximum": 9223372036854775807,
                    },
                    "page_token": {
                        "allOf": [{"minLength": 1, "type": "string"}, {"minLength": 1}]
                    },
                    "limit": {
                        "allOf": [
                            {"minimum": 1, "maximum": 20, "type": "integer"},
                            {"minLength": 1},
                        ]
                    },
                    "body": {
                        "properties": {
                            "orderIds": {
                                "uniqueItems": True,
                                "minItems": 1,
                                "items": {
                                    "minimum": 1,
                                    "type": "integer",
                                    "maximum": 9223372036854775807,
                                },
                                "type": ["array", "null"],
                            },
                            "contexts": {
                                "uniqueItems": True,
                                "minItems": 1,
                                "items": {"$ref": "#/definitions/ChatContextDTO"},
                                "type": ["array", "null"],
                            },
                            "contextTypes": {
                                "uniqueItems": True,
                                "minItems": 1,
                                "items": {"$ref": "#/definitions/ChatContextType"},
                                "type": ["array", "null"],
                            },
                            "types": {
                                "uniqueItems": True,
                                "minItems": 1,
                                "items": {"$ref": "#/definitions/ChatType"},
                                "type": ["array", "null"],
                            },
                            "statuses": {
                                "uniqueItems": True,
                                "minItems": 1,
                                "items": {"$ref": "#/definitions/ChatStatusType"},
                                "type": ["array", "null"],
                            },
                        },
                        "type": "object",
                    },
                },
                "required": ["business_id", "body"],
            },
            rule="type",
        )
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(["business_id", "body"]) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException(
                ""
                + (name_prefix or "data")
                + " must contain "
                + (str(sorted(data__missing_keys)) + " properties"),
                value=data,
                name="" + (name_prefix or "data") + "",
                definition={
                    "type": "object",
                    "properties": {
                        "business_id": {
                            "minimum": 1,
                            "type": "integer",
                            "maximum": 9223372036854775807,
                        },
                        "page_token": {
                            "allOf": [
                                {"minLength": 1, "type": "string"},
                                {"minLength": 1},
                            ]
                        },
                        "limit": {
                            "allOf": [
                                {"minimum": 1, "maximum": 20, "type": "integer"},
                                {"minLength": 1},
                            ]
                        },
                        "body": {
                            "properties": {
                                "orderIds": {
                                    "uniqueItems": True,
                                    "minItems": 1,
                                    "items": {
                                        "minimum": 1,
                                        "type": "integer",
                                        "maximum": 9223372036854775807,
                                    },
                                    "type": ["array", "null"],
                                },
                                "contexts": {
                                    "uniqueItems": True,
                                    "minItems": 1,
                                    "items": {"$ref": "#/definitions/ChatContextDTO"},
                                    "type": ["array", "null"],
                                },
                                "contextTypes": {
                                    "uniqueItems": True,
                                    "minItems": 1,
                                    "items": {"$ref": "#/definitions/ChatContextType"},
                                    "type": ["array", "null"],
                                },
                                "types": {
                                    "uniqueItems": True,
                                    "minItems": 1,
                                    "items": {"$ref": "#/definitions/ChatType"},
                                    "type": ["array", "null"],
                                },
                                "statuses": {
                                    "uniqueItems": True,
                                    "minItems": 1,
                                    "items": {"$ref": "#/definitions/ChatStatusType"},
                                    "type": ["array", "null"],
                                },
                            },
                            "type": "object",
                        },
                    },
                    "required": ["business_id", "body"],
                },
                rule="required",
            )
        data_keys = set(data.keys())
        if "business_id" in data_keys:
            data_keys.remove("business_id")
            data__businessid = data["business_id"]
            if not isinstance(data__businessid, (int)) or isinstance(
                data__businessid, bool
            ):
                raise JsonSchemaValueException(
                    "" + (name_prefix or "data") + ".business_id must be integer",
                    value=data__businessid,
                    name="" + (name_prefix or "data") + ".business_id",
                    definition={
                        "minimum": 1,
                        "type": "integer",
                        "maximum": 9223372036854775807,
                    },
                    rule="type",
                )
            if isinstance(data__businessid, (int, float, Decimal)) and not isinstance(
                data__businessid, bool
            ):
                if data__businessid < 1:
                    raise JsonSchemaValueException(
                        ""
                        + (name_prefix or "data")
                        + ".business_id must be bigger than or equal to 1",
                        value=data__businessid,
                        name="" + (name_prefix or "data") + ".business_id",
                        definition={
                            "minimum": 1,
                            "type": "integer",
                            "maximum": 9223372036854775807,
                        },
                        rule="minimum",
                    )
                if data__businessid > 9223372036854775807:
                    raise JsonSchemaValueException(
                        ""
                        + (name_prefix or "data")
                        + ".business_id must be smaller than or equal to 9223372036854775807",
                        value=data__businessid,
                        name="" + (name_prefix or "data") + ".business_id",
                        definition={
                            "minimum": 1,
                            "type": "integer",
                            "maximum": 9223372036854775807,
                        },
                        rule="maximum",
                    )
        if "page_token" in data_keys:
            data_keys.remove("page_token")
            data__pagetoken = data["page_token"]
            if not isinstance(data__pagetoken, (str)):
                raise JsonSchemaValueException(
                    "" + (name_prefix or "data") + ".page_token must be string",
                    value=data__pagetoken,
                    name="" + (name_prefix or "data") + ".page_token",
                    definition={"minLength": 1, "type": "string"},
                    rule="type",
                )
            if isinstance(data__pagetoken, str):
                data__pagetoken_len = len(data__pagetoken)
                if data__pagetoken_len < 1:
                    raise JsonSchemaValueException(
                        ""
                        + (name_prefix or "data")
                        + ".page_token must be longer than or equal to 1 characters",
                        value=data__pagetoken,
                        name="" + (name_prefix or "data") + ".page_token",
                        definition={"minLength": 1, "type": "string"},
                        rule="minLength",
                    )
                data__pagetoken_len = len(data__pagetoken)
                if data__pagetoken_len < 1:
                    raise JsonSchemaValueException(
                        ""
                        + (name_prefix or "data")
                        + ".page_token must be longer than or equal to 1 characters",
                        value=data__pagetoken,
                        name="" + (name_prefix or "data") + ".page_token",
                        definition={"minLength": 1},
                        rule="minLength",
                    )
        if "limit" in data_keys:
            data_keys.remove("limit")
            data__limit = data["limit"]
            if not isinstance(data__limit, (int)) or isinstance(data__limit, bool):
                raise JsonSchemaValueException(
                    "" + (name_prefix or "data") + ".limit must be integer",
                    value=data__limit,
                    name="" + (name_prefix or "data") + ".limit",
                    definition={"minimum": 1, "maximum": 20, "type": "integer"},
                    rule="type",
                )
            if isinstance(data__limit, (int, float, Decimal)) and not isinstance(
                data__limit, bool
            ):
                if data__limit < 1:
                    raise JsonSchemaValueException(
                        ""
                        + (name_prefix or "data")
                        + ".limit must be bigger than or equal to 1",
                        value=data__limit,
                        name="" + (name_prefix or "data") + ".limit",
                        definition={"minimum": 1, "maximum": 20, "type": "integer"},
                        rule="minimum",
                    )
                if data__limit > 20:
                    raise JsonSchemaValueException(
                        ""
                        + (name_prefix or "data")
                        + ".limit must be smaller than or equal to 20",
                        value=data__limit,
                        name="" + (name_prefix or "data") + ".limit",
                        definition={"minimum": 1, "maximum": 20, "type": "integer"},
                        rule="maximum",
                    )
            if isinstance(data__limit, str):
                data__limit_len = len(data__limit)
                if data__limit_len < 1:
                    raise JsonSchemaValueException(
                        ""
                        + (name_prefix or "data")
                        + ".limit must be longer than or equal to 1 characters",
                        value=data__limit,
                        name="" + (name_prefix or "data") + ".limit",
                        definition={"minLength": 1},
                        rule="minLength",
                    )
        if "body" in data_keys:
            data_keys.remove("body")
            data__body = data["body"]
            validate___definitions_getchatsrequest(
                data__body, custom_formats, (name_prefix or "data") + ".body"
            )
    return data


def validate___definitions_getchatsrequest(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException(
            "" + (name_prefix or "data") + " must be object",
            value=data,
            name="" + (name_prefix or "data") + "",
            definition={
                "properties": {
                    "orderIds": {
                        "uniqueItems": True,
                        "minItems": 1,
                        "items": {
                            "minimum": 1,
                            "type": "integer",
                            "maximum": 9223372036854775807,
                        },
                        "type": ["array", "null"],
                    },
                    "contexts": {
                        "uniqueItems": True,
                        "minItems": 1,
                        "items": {
                            "required": ["type", "id"],
                            "properties": {
                                "type": {
                                    "$ref": "#/definitions/ChatContextIdentifiableType"
                                },
                                "id": {
                                    "minimum": 1,
                                    "type": "integer",
                                    "maximum": 9223372036854775807,
                                },
                            },
                            "type": "object",
                        },
                        "type": ["array", "null"],
                    },
                    "contextTypes": {
                        "uniqueItems": True,
                        "minItems": 1,
                        "items": {
                            "enum": ["ORDER", "RETURN", "DIRECT"],
                            "type": "string",
                        },
                        "type": ["array", "null"],
                    },
                    "types": {
                        "uniqueItems": True,
                        "minItems": 1,
                        "items": {"enum": ["CHAT", "ARBITRAGE"], "type": "string"},
                        "type": ["array", "null"],
                    },
                    "statuses": {
                        "uniqueItems": True,
                        "minItems": 1,
                        "items": {
                            "enum": [
                                "NEW",
                                "WAITING_FOR_CUSTOMER",
                                "WAITING_FOR_PARTNER",
                                "WAITING_FOR_ARBITER",
                                "WAITING_FOR_MARKET",
                                "FINISHED",
                            ],
                            "type": "string",
                        },
                        "type": ["array", "null"],
                    },
                },
                "type": "object",
            },
            rule="type",
        )
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data_keys = set(data.keys())
        if "orderIds" in data_keys:
            data_keys.remove("orderIds")
            data__orderIds = data["orderIds"]
            if not isinstance(data__orderIds, (list, tuple, NoneType)):
                raise JsonSchemaValueException(
                    "" + (name_prefix or "data") + ".orderIds must be array or null",
                    value=data__orderIds,
                    name="" + (name_prefix or "data") + ".orderIds",
                    definition={
                        "uniqueItems": True,
                        "minItems": 1,
                        "items": {
                            "minimum": 1,
                            "type": "integer",
                            "maximum": 9223372036854775807,
                        },
                        "type": ["array", "null"],
                    },
                    rule="type",
                )
            data__orderIds_is_list = isinstance(data__orderIds, (list, tuple))
            if data__orderIds_is_list:
                data__orderIds_len = len(data__orderIds)
                if data__orderIds_len < 1:
                    raise JsonSchemaValueException(
                        ""
                        + (name_prefix or "data")
                        + ".orderIds must contain at least 1 items",
                        value=data__orderIds,
                        name="" + (name_prefix or "data") + ".orderIds",
                        definition={
                            "uniqueItems": True,
                            "minItems": 1,
                            "items": {
                                "minimum": 1,
                                "type": "integer",
                                "maximum": 9223372036854775807,
                            },
                            "type": ["array", "null"],
                        },
                        rule="minItems",
                    )

                def fn(var):
                    return (
                        frozenset(dict((k, fn(v)) for k, v in var.items()).items())
                        if hasattr(var, "items")
                        else tuple(fn(v) for v in var)
                        if isinstance(var, (dict, list))
                        else (bool, var)
                        if isinstance(var, bool)
                        else var
                    )

                if data__orderIds_len > len(
                    set(fn(data__orderIds_x) for data__orderIds_x in data__orderIds)
                ):
                    raise JsonSchemaValueException(
                        ""
                        + (name_prefix or "data")
                        + ".orderIds must contain unique items",
                        value=data__orderIds,
                        name="" + (name_prefix or "data") + ".orderIds",
                        definition={
                            "uniqueItems": True,
                            "minItems": 1,
                            "items": {
                                "minimum": 1,
                                "type": "integer",
                                "maximum": 9223372036854775807,
                            },
                            "type": ["array", "null"],
                        },
                        rule="uniqueItems",
                    )
                for data__orderIds_x, data__orderIds_item in enumerate(data__orderIds):
                    if not isinstance(data__orderIds_item, (int)) or isinstance(
                        data__orderIds_item, bool
                    ):
                        raise JsonSchemaValueException(
                            ""
                            + (name_prefix or "data")
                            + ".orderIds[{data__orderIds_x}]".format(**locals())
                            + " must be integer",
                            value=data__orderIds_item,
                            name=""
                            + (name_prefix or "data")
                            + ".orderIds[{data__orderIds_x}]".format(**locals())
                            + "",
                            definition={
                                "minimum": 1,
                                "type": "integer",
                                "maximum": 9223372036854775807,
                            },
                            rule="type",
                        )
                    if isinstance(
                        data__orderIds_item, (int, float, Decimal)
                    ) and not isinstance(data__orderIds_item, bool):
                        if data__orderIds_item < 1:
                            raise JsonSchemaValueException(
                                ""
                                + (name_prefix or "data")
                                + ".orderIds[{data__orderIds_x}]".format(**locals())
                                + " must be bigger than or equal to 1",
                                value=data__orderIds_item,
                                name=""
                                + (name_prefix or "data")
                                + ".orderIds[{data__orderIds_x}]".format(**locals())
                                + "",
                                definition={
                                    "minimum": 1,
                                    "type": "integer",
                                    "maximum": 9223372036854775807,
                                },
                                rule="minimum",
                            )
                        if data__orderIds_item > 9223372036854775807:
                            raise JsonSchemaValueException(
                                ""
                                + (name_prefix or "data")
                                + ".orderIds[{data__orderIds_x}]".format(**locals())
                                + " must be smaller than or equal to 9223372036854775807",
                                value=data__orderIds_item,
                                name=""
                                + (name_prefix or "data")
                                + ".orderIds[{data__orderIds_x}]".format(**locals())
                                + "",
                                definition={
                                    "minimum": 1,
                                    "type": "integer",
                                    "maximum": 9223372036854775807,
                                },
                                rule="maximum",
                            )
        if "contexts" in data_keys:
            data_keys.remove("contexts")
            data__contexts = data["contexts"]
            if not isinstance(data__contexts, (list, tuple, NoneType)):
                raise JsonSchemaValueException(
                    "" + (name_prefix or "data") + ".contexts must be array or null",
                    value=data__contexts,
                    name="" + (name_prefix or "data") + ".contexts",
                    definition={
                        "uniqueItems": True,
                        "minItems": 1,
                        "items": {
                            "required": ["type", "id"],
                            "properties": {
                                "type": {
                                    "$ref": "#/definitions/ChatContextIdentifiableType"
                                },
                                "id": {
                                    "minimum": 1,
                                    "type": "integer",
                                    "maximum": 9223372036854775807,
                                },
                            },
                            "type": "object",
                        },
                        "type": ["array", "null"],
                    },
                    rule="type",
                )
            data__contexts_is_list = isinstance(data__contexts, (list, tuple))
            if data__contexts_is_list:
                data__contexts_len = len(data__contexts)
                if data__contexts_len < 1:
                    raise JsonSchemaValueException(
                        ""
                        + (name_prefix or "data")
                        + ".contexts must contain at least 1 items",
                        value=data__contexts,
                        name="" + (name_prefix or "data") + ".contexts",
                        definition={
                            "uniqueItems": True,
                            "minItems": 1,
                            "items": {
                                "required": ["type", "id"],
                                "properties": {
                                    "type": {
                                        "$ref": "#/definitions/ChatContextIdentifiableType"
                                    },
                                    "id": {
                                        "minimum": 1,
                                        "type": "integer",
                                        "maximum": 9223372036854775807,
                                    },
                                },
                                "type": "object",
                            },
                            "type": ["array", "null"],
                        },
                        rule="minItems",
                    )

                def fn(var):
                    return (
                        frozenset(dict((k, fn(v)) for k, v in var.items()).items())
                        if hasattr(var, "items")
                        else tuple(fn(v) for v in var)
                        if isinstance(var, (dict, list))
                        else (bool, var)
                        if isinstance(var, bool)
                        else var
                    )

                if data__contexts_len > len(
                    set(fn(data__contexts_x) for data__contexts_x in data__contexts)
                ):
                    raise JsonSchemaValueException(
                        ""
                        + (name_prefix or "data")
                        + ".contexts must contain unique items",
                        value=data__contexts,
                        name="" + (name_prefix or "data") + ".contexts",
                        definition={
                            "uniqueItems": True,
                            "minItems": 1,
                            "items": {
                                "required": ["type", "id"],
                                "properties": {
                                    "type": {
                                        "$ref": "#/definitions/ChatContextIdentifiableType"
                                    },
                                    "id": {
                                        "minimum": 1,
                                        "type": "integer",
                                        "maximum": 9223372036854775807,
                                    },
                                },
                                "type": "object",
                            },
                            "type": ["array", "null"],
                        },
                        rule="uniqueItems",
                    )
                for data__contexts_x, data__contexts_item in enumerate(data__contexts):
                    validate___definitions_chatcontextdto(
                        data__contexts_item,
                        custom_formats,
                        (name_prefix or "data")
                        + ".contexts[{data__contexts_x}]".format(**locals()),
                    )
        if "contextTypes" in data_keys:
            data_keys.remove("contextTypes")
            data__contextTypes = data["contextTypes"]
            if not isinstance(data__contextTypes, (list, tuple, NoneType)):
                raise JsonSchemaValueException(
                    ""
                    + (name_prefix or "data")
                    + ".contextTypes must be array or null",
                    value=data__contextTypes,
                    name="" + (name_prefix or "data") + ".contextTypes",
                    definition={
                        "uniqueItems": True,
                        "minItems": 1,
                        "items": {
                            "enum": ["ORDER", "RETURN", "DIRECT"],
                            "type": "string",
                        },
                        "type": ["array", "null"],
                    },
                    rule="type",
                )
            data__contextTypes_is_list = isinstance(data__contextTypes, (list, tuple))
            if data__contextTypes_is_list:
                data__contextTypes_len = len(data__contextTypes)
                if data__contextTypes_len < 1:
                    raise JsonSchemaValueException(
                        ""
                        + (name_prefix or "data")
                        + ".contextTypes must contain at least 1 items",
                        value=data__contextTypes,
                        name="" + (name_prefix or "data") + ".contextTypes",
                        definition={
                            "uniqueItems": True,
                            "minItems": 1,
                            "items": {
                                "enum": ["ORDER", "RETURN", "DIRECT"],
                                "type": "string",
                            },
                            "type": ["array", "null"],
                        },
                        rule="minItems",
                    )

                def fn(var):
                    return (
                        frozenset(dict((k, fn(v)) for k, v in var.items()).items())
                        if hasattr(var, "items")
                        else tuple(fn(v) for v in var)
                        if isinstance(var, (dict, list))
                        else (bool, var)
                        if isinstance(var, bool)
                        else var
                    )

                if data__contextTypes_len > len(
                    set(
                        fn(data__contextTypes_x)
                        for data__contextTypes_x in data__contextTypes
                    )
                ):
                    raise JsonSchemaValueException(
                        ""
                        + (name_prefix or "data")
                        + ".contextTypes must contain unique items",
                        value=data__contextTypes,
                        name="" + (name_prefix or "data") + ".contextTypes",
                        definition={
                            "uniqueItems": True,
                            "minItems": 1,
                            "items": {
                                "enum": ["ORDER", "RETURN", "DIRECT"],
                                "type": "string",
                            },
                            "type": ["array", "null"],
                        },
                        rule="uniqueItems",
                    )
                for data__contextTypes_x, data__contextTypes_item in enumerate(
                    data__contextTypes
                ):
                    validate___definitions_chatcontexttype(
                        data__contextTypes_item,
                        custom_formats,
                        (name_prefix or "data")
                        + ".contextTypes[{data__contextTypes_x}]".format(**locals()),
                    )
        if "types" in data_keys:
            data_keys.remove("types")
            data__types = data["types"]
            if not isinstance(data__types, (list, tuple, NoneType)):
                raise JsonSchemaValueException(
                    "" + (name_prefix or "data") + ".types must be array or null",
                    value=data__types,
                    name="" + (name_prefix or "data") + ".types",
                    definition={
                        "uniqueItems": True,
                        "minItems": 1,
                        "items": {"enum": ["CHAT", "ARBITRAGE"], "type": "string"},
                        "type": ["array", "null"],
                    },
                    rule="type",
                )
            data__types_is_list = isinstance(data__types, (list, tuple))
            if data__types_is_list:
                data__types_len = len(data__types)
                if data__types_len < 1:
                    raise JsonSchemaValueException(
                        ""
                        + (name_prefix or "data")
                        + ".types must contain at least 1 items",
                        value=data__types,
                        name="" + (name_prefix or "data") + ".types",
                        definition={
                            "uniqueItems": True,
                            "minItems": 1,
                            "items": {"enum": ["CHAT", "ARBITRAGE"], "type": "string"},
                            "type": ["array", "null"],
                        },
                        rule="minItems",
                    )

                def fn(var):
                    return (
                        frozenset(dict((k, fn(v)) for k, v in var.items()).items())
                        if hasattr(var, "items")
                        else tuple(fn(v) for v in var)
                        if isinstance(var, (dict, list))
                        else (bool, var)
                        if isinstance(var, bool)
                        else var
                    )

                if data__types_len > len(
                    set(fn(data__types_x) for data__types_x in data__types)
                ):
                    raise JsonSchemaValueException(
                        ""
                        + (name_prefix or "data")
                        + ".types must contain unique items",
                        value=data__types,
                        name="" + (name_prefix or "data") + ".types",
                        definition={
                            "uniqueItems": True,
                            "minItems": 1,
                            "items": {"enum": ["CHAT", "ARBITRAGE"], "type": "string"},
                            "type": ["array", "null"],
                        },
                        rule="uniqueItems",
                    )
                for data__types_x, data__types_item in enumerate(data__types):
                    validate___definitions_chattype(
                        data__types_item,
                        custom_formats,
                        (name_prefix or "data")
                        + ".types[{data__types_x}]".format(**locals()),
                    )
        if "statuses" in data_keys:
            data_keys.remove("statuses")
            data__statuses = data["statuses"]
            if not isinstance(data__statuses, (list, tuple, NoneType)):
                raise JsonSchemaValueException(
                    "" + (name_prefix or "data") + ".statuses must be array or null",
                    value=data__statuses,
                    name="" + (name_prefix or "data") + ".statuses",
                    definition={
                        "uniqueItems": True,
                        "minItems": 1,
                        "items": {
                            "enum": [
                                "NEW",
                                "WAITING_FOR_CUSTOMER",
                                "WAITING_FOR_PARTNER",
                                "WAITING_FOR_ARBITER",
                                "WAITING_FOR_MARKET",
                                "FINISHED",
                            ],
                            "type": "string",
                        },
                        "type": ["array", "null"],
                    },
                    rule="type",
                )
            data__statuses_is_list = isinstance(data__statuses, (list, tuple))
            if data__statuses_is_list:
                data__statuses_len = len(data__statuses)
                if data__statuses_len < 1:
                    raise JsonSchemaValueException(
                        ""
                        + (name_prefix or "data")
                        + ".statuses must contain at least 1 items",
                        value=data__statuses,
                        name="" + (name_prefix or "data") + ".statuses",
                        definition={
                            "uniqueItems": True,
                            "minItems": 1,
                            "items": {
                                "enum": [
                                    "NEW",
                                    "WAITING_FOR_CUSTOMER",
                                    "WAITING_FOR_PARTNER",
                                    "WAITING_FOR_ARBITER",
                                    "WAITING_FOR_MARKET",
                                    "FINISHED",
                                ],
                                "type": "string",
                            },
                            "type": ["array", "null"],
                        },
                        rule="minItems",
                    )

                def fn(var):
                    return (
                        frozenset(dict((k, fn(v)) for k, v in var.items()).items())
                        if hasattr(var, "items")
                        else tuple(fn(v) for v in var)
                        if isinstance(var, (dict, list))
                        else (bool, var)
                        if isinstance(var, bool)
                        else var
                    )

                if data__statuses_len > len(
                    set(fn(data__statuses_x) for data__statuses_x in data__statuses)
                ):
                    raise JsonSchemaValueException(
                        ""
                        + (name_prefix or "data")
                        + ".statuses must contain unique items",
                        value=data__statuses,
                        name="" + (name_prefix or "data") + ".statuses",
                        definition={
                            "uniqueItems": True,
                            "minItems": 1,
                            "items": {
                                "enum": [
                                    "NEW",
                                    "WAITING_FOR_CUSTOMER",
                                    "WAITING_FOR_PARTNER",
                                    "WAITING_FOR_ARBITER",
                                    "WAITING_FOR_MARKET",
                                    "FINISHED",
                                ],
                                "type": "string",
                            },
                            "type": ["array", "null"],
                        },
                        rule="uniqueItems",
                    )
                for data__statuses_x, data__statuses_item in enumerate(data__statuses):
                    validate___definitions_chatstatustype(
                        data__statuses_item,
                        custom_formats,
                        (name_prefix or "data")
                        + ".statuses[{data__statuses_x}]".format(**locals()),
                    )
    return data


def validate___definitions_chatstatustype(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (str)):
        raise JsonSchemaValueException(
            "" + (name_prefix or "data") + " must be string",
            value=data,
            name="" + (name_prefix or "data") + "",
            definition={
                "enum": [
                    "NEW",
                    "WAITING_FOR_CUSTOMER",
                    "WAITING_FOR_PARTNER",
                    "WAITING_FOR_ARBITER",
                    "WAITING_FOR_MARKET",
                    "FINISHED",
                ],
                "type": "string",
            },
            rule="type",
        )
    if not (
        isinstance(data, str)
        and data == "NEW"
        or isinstance(data, str)
        and data == "WAITING_FOR_CUSTOMER"
        or isinstance(data, str)
        and data == "WAITING_FOR_PARTNER"
        or isinstance(data, str)
        and data == "WAITING_FOR_ARBITER"
        or isinstance(data, str)
        and data == "WAITING_FOR_MARKET"
        or isinstance(data, str)
        and data == "FINISHED"
    ):
        raise JsonSchemaValueException(
            ""
            + (name_prefix or "data")
            + " must be one of ['NEW', 'WAITING_FOR_CUSTOMER', 'WAITING_FOR_PARTNER', 'WAITING_FOR_ARBITER', 'WAITING_FOR_MARKET', 'FINISHED']",
            value=data,
            name="" + (name_prefix or "data") + "",
            definition={
                "enum": [
                    "NEW",
                    "WAITING_FOR_CUSTOMER",
                    "WAITING_FOR_PARTNER",
                    "WAITING_FOR_ARBITER",
                    "WAITING_FOR_MARKET",
                    "FINISHED",
                ],
                "type": "string",
            },
            rule="enum",
        )
    return data


def validate___definitions_chattype(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (str)):
        raise JsonSchemaValueException(
            "" + (name_prefix or "data") + " must be string",
            value=data,
            name="" + (name_prefix or "data") + "",
            definition={"enum": ["CHAT", "ARBITRAGE"], "type": "string"},
            rule="type",
        )
    if not (
        isinstance(data, str)
        and data == "CHAT"
        or isinstance(data, str)
        and data == "ARBITRAGE"
    ):
        raise JsonSchemaValueException(
            "" + (name_prefix or "data") + " must be one of ['CHAT', 'ARBITRAGE']",
            value=data,
            name="" + (name_prefix or "data") + "",
            definition={"enum": ["CHAT", "ARBITRAGE"], "type": "string"},
            rule="enum",
        )
    return data


def validate___definitions_chatcontexttype(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (str)):
        raise JsonSchemaValueException(
            "" + (name_prefix or "data") + " must be string",
            value=data,
            name="" + (name_prefix or "data") + "",
            definition={"enum": ["ORDER", "RETURN", "DIRECT"], "type": "string"},
            rule="type",
        )
    if not (
        isinstance(data, str)
        and data == "ORDER"
        or isinstance(data, str)
        and data == "RETURN"
        or isinstance(data, str)
        and data == "DIRECT"
    ):
        raise JsonSchemaValueException(
            ""
            + (name_prefix or "data")
            + " must be one of ['ORDER', 'RETURN', 'DIRECT']",
            value=data,
            name="" + (name_prefix or "data") + "",
            definition={"enum": ["ORDER", "RETURN", "DIRECT"], "type": "string"},
            rule="enum",
        )
    return data


def validate___definitions_chatcontextdto(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException(
            "" + (name_prefix or "data") + " must be object",
            value=data,
            name="" + (name_prefix or "data") + "",
            definition={
                "required": ["type", "id"],
                "properties": {
                    "type": {"enum": ["ORDER", "RETURN"], "type": "string"},
                    "id": {
                        "minimum": 1,
                        "type": "integer",
                        "maximum": 9223372036854775807,
                    },
                },
                "type": "object",
            },
            rule="type",
        )
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(["type", "id"]) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException(
                ""
                + (name_prefix or "data")
                + " must contain "
                + (str(sorted(data__missing_keys)) + " properties"),
                value=data,
                name="" + (name_prefix or "data") + "",
                definition={
                    "required": ["type", "id"],
                    "properties": {
                        "type": {"enum": ["ORDER", "RETURN"], "type": "string"},
                        "id": {
                            "minimum": 1,
                            "type": "integer",
                            "maximum": 9223372036854775807,
                        },
                    },
                    "type": "object",
                },
                rule="required",
            )
        data_keys = set(data.keys())
        if "type" in data_keys:
            data_keys.remove("type")
            data__type = data["type"]
            validate___definitions_chatcontextidentifiabletype(
                data__type, custom_formats, (name_prefix or "data") + ".type"
            )
        if "id" in data_keys:
            data_keys.remove("id")
            data__id = data["id"]
            if not isinstance(data__id, (int)) or isinstance(data__id, bool):
                raise JsonSchemaValueException(
                    "" + (name_prefix or "data") + ".id must be integer",
                    value=data__id,
                    name="" + (name_prefix or "data") + ".id",
                    definition={
                        "minimum": 1,
                        "type": "integer",
                        "maximum": 9223372036854775807,
                    },
                    rule="type",
                )
            if isinstance(data__id, (int, float, Decimal)) and not isinstance(
                data__id, bool
            ):
                if data__id < 1:
                    raise JsonSchemaValueException(
                        ""
                        + (name_prefix or "data")
                        + ".id must be bigger than or equal to 1",
                        value=data__id,
                        name="" + (name_prefix or "data") + ".id",
                        definition={
                            "minimum": 1,
                            "type": "integer",
                            "maximum": 9223372036854775807,
                        },
                        rule="minimum",
                    )
                if data__id > 9223372036854775807:
                    raise JsonSchemaValueException(
                        ""
                        + (name_prefix or "data")
                        + ".id must be smaller than or equal to 9223372036854775807",
                        value=data__id,
                        name="" + (name_prefix or "data") + ".id",
                        definition={
                            "minimum": 1,
                            "type": "integer",
                            "maximum": 9223372036854775807,
                        },
                        rule="maximum",
                    )
    return data


def validate___definitions_chatcontextidentifiabletype(
    data, custom_formats={}, name_prefix=None
):
    if not isinstance(data, (str)):
        raise JsonSchemaValueException(
            "" + (name_prefix or "data") + " must be string",
            value=data,
            name="" + (name_prefix or "data") + "",
            definition={"enum": ["ORDER", "RETURN"], "type": "string"},
            rule="type",
        )
    if not (
        isinstance(data, str)
        and data == "ORDER"
        or isinstance(data, str)
        and data == "RETURN"
    ):
        raise JsonSchemaValueException(
            "" + (name_prefix or "data") + " must be one of ['ORDER', 'RETURN']",
            value=data,
            name="" + (name_prefix or "data") + "",
            definition={"enum": ["ORDER", "RETURN"], "type": "string"},
            rule="enum",
        )
    return data


def validate___definitions_op_create_chat(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException(
            "" + (name_prefix or "data") + " must be object",
            value=data,
            name="" + (name_prefix or "data") + "",
            definition={
                "type": "object",
                "properties": {
                    "business_id": {
                        "minimum": 1,
                        "type": "integer",
                        "maximum": 9223372036854775807,
                    },
                    "body": {
                        "properties": {
                            "context": {"$ref": "#/definitions/ChatContextDTO"},
                            "orderId": {
                                "minimum": 1,
                                "type": "integer",
                                "maximum": 9223372036854775807,
                            },
                        },
                        "type": "object",
                        "anyOf": [{"required": ["context"]}, {"required": ["orderId"]}],
                        "x-require-one-of": ["context", "orderId"],
                    },
                },
                "required": ["business_id", "body"],
            },
            rule="type",
        )
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(["business_id", "body"]) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException(
                ""
                + (name_prefix or "data")
                + " must contain "
                + (str(sorted(data__missing_keys)) + " properties"),
                value=data,
                name="" + (name_prefix or "data") + "",
                definition={
                    "type": "object",
                    "properties": {
                        "business_id": {
                            "minimum": 1,
                            "type": "integer",
                            "maximum": 9223372036854775807,
                        },
                        "body": {
                            "properties": {
                                "context": {"$ref": "#/definitions/ChatContextDTO"},
                                "orderId": {
                                    "minimum": 1,
                                    "type": "integer",
                                    "maximum": 9223372036854775807,
                                },
                            },
                            "type": "object",
                            "anyOf": [
                                {"required": ["context"]},
                                {"required": ["orderId"]},
                            ],
                            "x-require-one-of": ["context", "orderId"],
                        },
                    },
                    "required": ["business_id", "body"],
                },
                rule="required",
            )
        data_keys = set(data.keys())
        if "business_id" in data_keys:
            data_keys.remove("business_id")
            data__businessid = data["business_id"]
            if not isinstance(data__businessid, (int)) or isinstance(
                data__businessid, bool
            ):
                raise JsonSchemaValueException(
                    "" + (name_prefix or "data") + ".business_id must be integer",
                    value=data__businessid,
                    name="" + (name_prefix or "data") + ".business_id",
                    definition={
                        "minimum": 1,
                        "type": "integer",
                        "maximum": 9223372036854775807,
                    },
                    rule="type",
                )
            if isinstance(data__businessid, (int, float, Decimal)) and not isinstance(
                data__businessid, bool
            ):
                if data__businessid < 1:
                    raise JsonSchemaValueException(
                        ""
                        + (name_prefix or "data")
                        + ".business_id must be bigger than or equal to 1",
                        value=data__businessid,
                        name="" + (name_prefix or "data") + ".business_id",
                        definition={
                            "minimum": 1,
                            "type": "integer",
                            "maximum": 9223372036854775807,
                        },
                        rule="minimum",
                    )
                if data__businessid > 9223372036854775807:
                    raise JsonSchemaValueException(
                        ""
                        + (name_prefix or "data")
                        + ".business_id must be smaller than or equal to 9223372036854775807",
                        value=data__businessid,
                        name="" + (name_prefix or "data") + ".business_id",
                        definition={
                            "minimum": 1,
                            "type": "integer",
                            "maximum": 9223372036854775807,
                        },
                        rule="maximum",
                    )
        if "body" in data_keys:
            data_keys.remove("body")
            data__body = data["body"]
            validate___definitions_createchatrequest(
                data__body, custom_formats, (name_prefix or "data") + ".body"
            )
    return data


def validate___definitions_createchatrequest(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException(
            "" + (name_prefix or "data") + " must be object",
            value=data,
            name="" + (name_prefix or "data") + "",
            definition={
                "properties": {
                    "context": {
                        "required": ["type", "id"],
                        "properties": {
                            "type": {
                                "$ref": "#/definitions/ChatContextIdentifiableType"
                            },
                            "id": {
                                "minimum": 1,
                                "type": "integer",
                                "maximum": 9223372036854775807,
                            },
                        },
                        "type": "object",
                    },
                    "orderId": {
                        "minimum": 1,
                        "type": "integer",
                        "maximum": 9223372036854775807,
                    },
                },
                "type": "object",
                "anyOf": [{"required": ["context"]}, {"required": ["orderId"]}],
                "x-require-one-of": ["context", "orderId"],
            },
            rule="type",
        )
    data_any_of_count1 = 0
    if not data_any_of_count1:
        try:
            data_is_dict = isinstance(data, dict)
            if data_is_dict:
                data__missing_keys = set(["context"]) - data.keys()
                if data__missing_keys:
                    raise JsonSchemaValueException(
                        ""
                        + (name_prefix or "data")
                        + " must contain "
                        + (str(sorted(data__missing_keys)) + " properties"),
                        value=data,
                        name="" + (name_prefix or "data") + "",
                        definition={"required": ["context"]},
                        rule="required",
                    )
            data_any_of_count1 += 1
        except (JsonSchemaValueException, JsonSchemaValuesException):
            pass
    if not data_any_of_count1:
        try:
            data_is_dict = isinstance(data, dict)
            if data_is_dict:
                data__missing_keys = set(["orderId"]) - data.keys()
                if data__missing_keys:
                    raise JsonSchemaValueException(
                        ""
                        + (name_prefix or "data")
                        + " must contain "
                        + (str(sorted(data__missing_keys)) + " properties"),
                        value=data,
                        name="" + (name_prefix or "data") + "",
                        definition={"required": ["orderId"]},
                        rule="required",
                    )
            data_any_of_count1 += 1
        except (JsonSchemaValueException, JsonSchemaValuesException):
            pass
    if not data_any_of_count1:
        raise JsonSchemaValueException(
            "" + (name_prefix or "data") + " cannot be validated by any definition",
            value=data,
            name="" + (name_prefix or "data") + "",
            definition={
                "properties": {
                    "context": {
                        "required": ["type", "id"],
                        "properties": {
                            "type": {
                                "$ref": "#/definitions/ChatContextIdentifiableType"
                            },
                            "id": {
                                "minimum": 1,
                                "type": "integer",
                                "maximum": 9223372036854775807,
                            },
                        },
                        "type": "object",
                    },
                    "orderId": {
                        "minimum": 1,
                        "type": "integer",
                        "maximum": 9223372036854775807,
                    },
                },
                "type": "object",
                "anyOf": [{"required": ["context"]}, {"required": ["orderId"]}],
                "x-require-one-of": ["context", "orderId"],
            },
            rule="anyOf",
        )
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data_keys = set(data.keys())
        if "context" in data_keys:
            data_keys.remove("context")
            data__context = data["context"]
            validate___definitions_chatcontextdto(
                data__context, custom_formats, (name_prefix or "data") + ".context"
            )
        if "orderId" in data_keys:
            data_keys.remove("orderId")
            data__orderId = data["orderId"]
            if not isinstance(data__orderId, (int)) or isinstance(data__orderId, bool):
                raise JsonSchemaValueException(
                    "" + (name_prefix or "data") + ".orderId must be integer",
                    value=data__orderId,
                    name="" + (name_prefix or "data") + ".orderId",
                    definition={
                        "minimum": 1,
                        "type": "integer",
                        "maximum": 9223372036854775807,
                    },
                    rule="type",
                )
            if isinstance(data__orderId, (int, float, Decimal)) and not isinstance(
                data__orderId, bool
            ):
                if data__orderId < 1:
                    raise JsonSchemaValueException(
                        ""
                        + (name_prefix or "data")
                        + ".orderId must be bigger than or equal to 1",
                        value=data__orderId,
                        name="" + (name_prefix or "data") + ".orderId",
                        definition={
                            "minimum": 1,
                            "type": "integer",
                            "maximum": 9223372036854775807,
                        },
                        rule="minimum",
                    )
                if data__orderId > 9223372036854775807:
                    raise JsonSchemaValueException(
                        ""
                        + (name_prefix or "data")
                        + ".orderId must be smaller than or equal to 9223372036854775807",
                        value=data__orderId,
                        name="" + (name_prefix or "data") + ".orderId",
                        definition={
                            "minimum": 1,
                            "type": "integer",
                            "maximum": 9223372036854775807,
                        },
                        rule="maximum",
                    )
    return data


create_chat: Validator = validate___definitions_op_create_chat
get_chats: Validator = validate___definitions_op_get_chats
get_chat: Validator = validate___definitions_op_get_chat
get_chat_history: Validator = validate___definitions_op_get_chat_history
get_chat_message: Validator = validate___definitions_op_get_chat_message
send_message_to_chat: Validator = validate___definitions_op_send_message_to_chat
send_file_to_chat: Validator = validate___definitions_op_send_file_to_chat
get_chats_cursor: Validator = validate___definitions_op_get_chats_cursor
get_chat_history_cursor: Validator = validate___definitions_op_get_chat_history_cursor
client_default_business_id: Validator = (
    validate___definitions_op_client_default_business_id
)
