# mypy: ignore-errors
"""Request validators compiled from the spec by fastjsonschema (openapi/codegen/validators.py).

Written by `make generate`; do not edit. Each operation's function checks its arguments
(parameters by Python name, the body as JSON under "body") and raises SchemaViolation."""

from ._request import Validator

VERSION = "2.22.3"
from decimal import Decimal

from ._request import SchemaViolation as JsonSchemaValueException
from ._request import SchemaViolations as JsonSchemaValuesException

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
                        "minimum": 1,
                        "type": "integer",
                        "maximum": 9223372036854775807,
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
                            "minimum": 1,
                            "type": "integer",
                            "maximum": 9223372036854775807,
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
                        "minimum": 1,
                        "type": "integer",
                        "maximum": 9223372036854775807,
                    },
                    "body": {
                        "required": ["message"],
                        "properties": {
                            "message": {
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
                            "minimum": 1,
                            "type": "integer",
                            "maximum": 9223372036854775807,
                        },
                        "body": {
                            "required": ["message"],
                            "properties": {
                                "message": {
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
                    "message": {"type": "string", "format": "utf16-length:1:4096"}
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
                        "message": {"type": "string", "format": "utf16-length:1:4096"}
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
                    definition={"type": "string", "format": "utf16-length:1:4096"},
                    rule="type",
                )
            if isinstance(data__message, str):
                if not custom_formats["utf16-length:1:4096"](data__message):
                    raise JsonSchemaValueException(
                        ""
                        + (name_prefix or "data")
                        + ".message must be utf16-length:1:4096",
                        value=data__message,
                        name="" + (name_prefix or "data") + ".message",
                        definition={"type": "string", "format": "utf16-length:1:4096"},
                        rule="format",
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


create_chat: Validator = validate___definitions_op_create_chat
send_message_to_chat: Validator = validate___definitions_op_send_message_to_chat
send_file_to_chat: Validator = validate___definitions_op_send_file_to_chat
