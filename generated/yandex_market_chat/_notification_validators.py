# mypy: ignore-errors
"""Notification checks compiled from the notification spec by fastjsonschema
(openapi/codegen/validators.py). Written by `make generate`; do not edit."""

from ._request import Validator

VERSION = "2.22.3"
import re
from decimal import Decimal

from ._request import SchemaViolation as JsonSchemaValueException

REGEX_PATTERNS = {
    "date-time_re_pattern": re.compile(
        "^(?:\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|02-(?:0[1-9]|1\\d|2[0-8]))|(?:\\d\\d(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29)(t|T)(?:[01]\\d|2[0-3]):[0-5]\\d:(?:[0-5]\\d|60)(?:\\.\\d+)?(?:[+-](?:[01]\\d|2[0-3]):[0-5]\\d|[+-](?:[01]\\d|2[0-3])[0-5]\\d|z|Z)\\Z"
    ),
    "^[0-9]{1,18}$": re.compile("^[0-9]{1,18}\\Z"),
}

NoneType = type(None)


def validate(data, custom_formats={}, name_prefix=None):
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data_keys = set(data.keys())
        if "kind_1" in data_keys:
            data_keys.remove("kind_1")
            data__kind1 = data["kind_1"]
            validate___definitions_op_kind_1(
                data__kind1, custom_formats, (name_prefix or "data") + ".kind_1"
            )
        if "kind_2" in data_keys:
            data_keys.remove("kind_2")
            data__kind2 = data["kind_2"]
            validate___definitions_op_kind_2(
                data__kind2, custom_formats, (name_prefix or "data") + ".kind_2"
            )
        if "kind_3" in data_keys:
            data_keys.remove("kind_3")
            data__kind3 = data["kind_3"]
            validate___definitions_op_kind_3(
                data__kind3, custom_formats, (name_prefix or "data") + ".kind_3"
            )
        if "kind_4" in data_keys:
            data_keys.remove("kind_4")
            data__kind4 = data["kind_4"]
            validate___definitions_op_kind_4(
                data__kind4, custom_formats, (name_prefix or "data") + ".kind_4"
            )
        if "kind_5" in data_keys:
            data_keys.remove("kind_5")
            data__kind5 = data["kind_5"]
            validate___definitions_op_kind_5(
                data__kind5, custom_formats, (name_prefix or "data") + ".kind_5"
            )
    return data


def validate___definitions_op_kind_5(data, custom_formats={}, name_prefix=None):
    validate___definitions_chatarbitragefinishednotificationdto(
        data, custom_formats, (name_prefix or "data") + ""
    )
    return data


def validate___definitions_chatarbitragefinishednotificationdto(
    data, custom_formats={}, name_prefix=None
):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException(
            "" + (name_prefix or "data") + " must be object",
            value=data,
            name="" + (name_prefix or "data") + "",
            definition={
                "required": ["notificationType", "chatId", "businessId", "finishedAt"],
                "properties": {
                    "notificationType": {
                        "allOf": [
                            {
                                "enum": [
                                    "PING",
                                    "ORDER_CREATED",
                                    "ORDER_CANCELLED",
                                    "ORDER_STATUS_UPDATED",
                                    "ORDER_RETURN_CREATED",
                                    "ORDER_CANCELLATION_REQUEST",
                                    "ORDER_RETURN_STATUS_UPDATED",
                                    "ORDER_UPDATED",
                                    "ORDER_LINE_SERVICE_STATUS_UPDATED",
                                    "GOODS_FEEDBACK_CREATED",
                                    "GOODS_FEEDBACK_COMMENT_CREATED",
                                    "CHAT_CREATED",
                                    "CHAT_MESSAGE_SENT",
                                    "CHAT_ARBITRAGE_STARTED",
                                    "CHAT_ARBITRAGE_FINISHED",
                                    "QUESTION_CREATED",
                                    "QUESTION_ANSWER_CREATED",
                                    "QUESTION_COMMENT_CREATED",
                                ],
                                "type": "string",
                            }
                        ],
                        "enum": ["CHAT_ARBITRAGE_FINISHED"],
                    },
                    "chatId": {
                        "type": "integer",
                        "minimum": -9223372036854775808,
                        "maximum": 9223372036854775807,
                    },
                    "businessId": {
                        "minimum": 1,
                        "type": "integer",
                        "maximum": 9223372036854775807,
                    },
                    "finishedAt": {"type": "string", "format": "date-time"},
                },
                "type": "object",
            },
            rule="type",
        )
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = (
            set(["notificationType", "chatId", "businessId", "finishedAt"])
            - data.keys()
        )
        if data__missing_keys:
            raise JsonSchemaValueException(
                ""
                + (name_prefix or "data")
                + " must contain "
                + (str(sorted(data__missing_keys)) + " properties"),
                value=data,
                name="" + (name_prefix or "data") + "",
                definition={
                    "required": [
                        "notificationType",
                        "chatId",
                        "businessId",
                        "finishedAt",
                    ],
                    "properties": {
                        "notificationType": {
                            "allOf": [
                                {
                                    "enum": [
                                        "PING",
                                        "ORDER_CREATED",
                                        "ORDER_CANCELLED",
                                        "ORDER_STATUS_UPDATED",
                                        "ORDER_RETURN_CREATED",
                                        "ORDER_CANCELLATION_REQUEST",
                                        "ORDER_RETURN_STATUS_UPDATED",
                                        "ORDER_UPDATED",
                                        "ORDER_LINE_SERVICE_STATUS_UPDATED",
                                        "GOODS_FEEDBACK_CREATED",
                                        "GOODS_FEEDBACK_COMMENT_CREATED",
                                        "CHAT_CREATED",
                                        "CHAT_MESSAGE_SENT",
                                        "CHAT_ARBITRAGE_STARTED",
                                        "CHAT_ARBITRAGE_FINISHED",
                                        "QUESTION_CREATED",
                                        "QUESTION_ANSWER_CREATED",
                                        "QUESTION_COMMENT_CREATED",
                                    ],
                                    "type": "string",
                                }
                            ],
                            "enum": ["CHAT_ARBITRAGE_FINISHED"],
                        },
                        "chatId": {
                            "type": "integer",
                            "minimum": -9223372036854775808,
                            "maximum": 9223372036854775807,
                        },
                        "businessId": {
                            "minimum": 1,
                            "type": "integer",
                            "maximum": 9223372036854775807,
                        },
                        "finishedAt": {"type": "string", "format": "date-time"},
                    },
                    "type": "object",
                },
                rule="required",
            )
        data_keys = set(data.keys())
        if "notificationType" in data_keys:
            data_keys.remove("notificationType")
            data__notificationType = data["notificationType"]
            if not (
                isinstance(data__notificationType, str)
                and data__notificationType == "CHAT_ARBITRAGE_FINISHED"
            ):
                raise JsonSchemaValueException(
                    ""
                    + (name_prefix or "data")
                    + ".notificationType must be one of ['CHAT_ARBITRAGE_FINISHED']",
                    value=data__notificationType,
                    name="" + (name_prefix or "data") + ".notificationType",
                    definition={
                        "allOf": [
                            {
                                "enum": [
                                    "PING",
                                    "ORDER_CREATED",
                                    "ORDER_CANCELLED",
                                    "ORDER_STATUS_UPDATED",
                                    "ORDER_RETURN_CREATED",
                                    "ORDER_CANCELLATION_REQUEST",
                                    "ORDER_RETURN_STATUS_UPDATED",
                                    "ORDER_UPDATED",
                                    "ORDER_LINE_SERVICE_STATUS_UPDATED",
                                    "GOODS_FEEDBACK_CREATED",
                                    "GOODS_FEEDBACK_COMMENT_CREATED",
                                    "CHAT_CREATED",
                                    "CHAT_MESSAGE_SENT",
                                    "CHAT_ARBITRAGE_STARTED",
                                    "CHAT_ARBITRAGE_FINISHED",
                                    "QUESTION_CREATED",
                                    "QUESTION_ANSWER_CREATED",
                                    "QUESTION_COMMENT_CREATED",
                                ],
                                "type": "string",
                            }
                        ],
                        "enum": ["CHAT_ARBITRAGE_FINISHED"],
                    },
                    rule="enum",
                )
            validate___definitions_notificationtype(
                data__notificationType,
                custom_formats,
                (name_prefix or "data") + ".notificationType",
            )
        if "chatId" in data_keys:
            data_keys.remove("chatId")
            data__chatId = data["chatId"]
            validate___definitions_chatid(
                data__chatId, custom_formats, (name_prefix or "data") + ".chatId"
            )
        if "businessId" in data_keys:
            data_keys.remove("businessId")
            data__businessId = data["businessId"]
            validate___definitions_businessid(
                data__businessId,
                custom_formats,
                (name_prefix or "data") + ".businessId",
            )
        if "finishedAt" in data_keys:
            data_keys.remove("finishedAt")
            data__finishedAt = data["finishedAt"]
            if not isinstance(data__finishedAt, (str)):
                raise JsonSchemaValueException(
                    "" + (name_prefix or "data") + ".finishedAt must be string",
                    value=data__finishedAt,
                    name="" + (name_prefix or "data") + ".finishedAt",
                    definition={"type": "string", "format": "date-time"},
                    rule="type",
                )
            if isinstance(data__finishedAt, str):
                if not REGEX_PATTERNS["date-time_re_pattern"].match(data__finishedAt):
                    raise JsonSchemaValueException(
                        "" + (name_prefix or "data") + ".finishedAt must be date-time",
                        value=data__finishedAt,
                        name="" + (name_prefix or "data") + ".finishedAt",
                        definition={"type": "string", "format": "date-time"},
                        rule="format",
                    )
    return data


def validate___definitions_businessid(data, custom_formats={}, name_prefix=None):
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


def validate___definitions_chatid(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (int)) or isinstance(data, bool):
        raise JsonSchemaValueException(
            "" + (name_prefix or "data") + " must be integer",
            value=data,
            name="" + (name_prefix or "data") + "",
            definition={
                "type": "integer",
                "minimum": -9223372036854775808,
                "maximum": 9223372036854775807,
            },
            rule="type",
        )
    if isinstance(data, (int, float, Decimal)) and not isinstance(data, bool):
        if data < -9223372036854775808:
            raise JsonSchemaValueException(
                ""
                + (name_prefix or "data")
                + " must be bigger than or equal to -9223372036854775808",
                value=data,
                name="" + (name_prefix or "data") + "",
                definition={
                    "type": "integer",
                    "minimum": -9223372036854775808,
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
                    "type": "integer",
                    "minimum": -9223372036854775808,
                    "maximum": 9223372036854775807,
                },
                rule="maximum",
            )
    return data


def validate___definitions_notificationtype(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (str)):
        raise JsonSchemaValueException(
            "" + (name_prefix or "data") + " must be string",
            value=data,
            name="" + (name_prefix or "data") + "",
            definition={
                "enum": [
                    "PING",
                    "ORDER_CREATED",
                    "ORDER_CANCELLED",
                    "ORDER_STATUS_UPDATED",
                    "ORDER_RETURN_CREATED",
                    "ORDER_CANCELLATION_REQUEST",
                    "ORDER_RETURN_STATUS_UPDATED",
                    "ORDER_UPDATED",
                    "ORDER_LINE_SERVICE_STATUS_UPDATED",
                    "GOODS_FEEDBACK_CREATED",
                    "GOODS_FEEDBACK_COMMENT_CREATED",
                    "CHAT_CREATED",
                    "CHAT_MESSAGE_SENT",
                    "CHAT_ARBITRAGE_STARTED",
                    "CHAT_ARBITRAGE_FINISHED",
                    "QUESTION_CREATED",
                    "QUESTION_ANSWER_CREATED",
                    "QUESTION_COMMENT_CREATED",
                ],
                "type": "string",
            },
            rule="type",
        )
    if not (
        isinstance(data, str)
        and data == "PING"
        or isinstance(data, str)
        and data == "ORDER_CREATED"
        or isinstance(data, str)
        and data == "ORDER_CANCELLED"
        or isinstance(data, str)
        and data == "ORDER_STATUS_UPDATED"
        or isinstance(data, str)
        and data == "ORDER_RETURN_CREATED"
        or isinstance(data, str)
        and data == "ORDER_CANCELLATION_REQUEST"
        or isinstance(data, str)
        and data == "ORDER_RETURN_STATUS_UPDATED"
        or isinstance(data, str)
        and data == "ORDER_UPDATED"
        or isinstance(data, str)
        and data == "ORDER_LINE_SERVICE_STATUS_UPDATED"
        or isinstance(data, str)
        and data == "GOODS_FEEDBACK_CREATED"
        or isinstance(data, str)
        and data == "GOODS_FEEDBACK_COMMENT_CREATED"
        or isinstance(data, str)
        and data == "CHAT_CREATED"
        or isinstance(data, str)
        and data == "CHAT_MESSAGE_SENT"
        or isinstance(data, str)
        and data == "CHAT_ARBITRAGE_STARTED"
        or isinstance(data, str)
        and data == "CHAT_ARBITRAGE_FINISHED"
        or isinstance(data, str)
        and data == "QUESTION_CREATED"
        or isinstance(data, str)
        and data == "QUESTION_ANSWER_CREATED"
        or isinstance(data, str)
        and data == "QUESTION_COMMENT_CREATED"
    ):
        raise JsonSchemaValueException(
            ""
            + (name_prefix or "data")
            + " must be one of ['PING', 'ORDER_CREATED', 'ORDER_CANCELLED', 'ORDER_STATUS_UPDATED', 'ORDER_RETURN_CREATED', 'ORDER_CANCELLATION_REQUEST', 'ORDER_RETURN_STATUS_UPDATED', 'ORDER_UPDATED', 'ORDER_LINE_SERVICE_STATUS_UPDATED', 'GOODS_FEEDBACK_CREATED', 'GOODS_FEEDBACK_COMMENT_CREATED', 'CHAT_CREATED', 'CHAT_MESSAGE_SENT', 'CHAT_ARBITRAGE_STARTED', 'CHAT_ARBITRAGE_FINISHED', 'QUESTION_CREATED', 'QUESTION_ANSWER_CREATED', 'QUESTION_COMMENT_CREATED']",
            value=data,
            name="" + (name_prefix or "data") + "",
            definition={
                "enum": [
                    "PING",
                    "ORDER_CREATED",
                    "ORDER_CANCELLED",
                    "ORDER_STATUS_UPDATED",
                    "ORDER_RETURN_CREATED",
                    "ORDER_CANCELLATION_REQUEST",
                    "ORDER_RETURN_STATUS_UPDATED",
                    "ORDER_UPDATED",
                    "ORDER_LINE_SERVICE_STATUS_UPDATED",
                    "GOODS_FEEDBACK_CREATED",
                    "GOODS_FEEDBACK_COMMENT_CREATED",
                    "CHAT_CREATED",
                    "CHAT_MESSAGE_SENT",
                    "CHAT_ARBITRAGE_STARTED",
                    "CHAT_ARBITRAGE_FINISHED",
                    "QUESTION_CREATED",
                    "QUESTION_ANSWER_CREATED",
                    "QUESTION_COMMENT_CREATED",
                ],
                "type": "string",
            },
            rule="enum",
        )
    return data


def validate___definitions_op_kind_4(data, custom_formats={}, name_prefix=None):
    validate___definitions_chatarbitragestartednotificationdto(
        data, custom_formats, (name_prefix or "data") + ""
    )
    return data


def validate___definitions_chatarbitragestartednotificationdto(
    data, custom_formats={}, name_prefix=None
):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException(
            "" + (name_prefix or "data") + " must be object",
            value=data,
            name="" + (name_prefix or "data") + "",
            definition={
                "required": ["notificationType", "chatId", "businessId", "startedAt"],
                "properties": {
                    "notificationType": {
                        "allOf": [
                            {
                                "enum": [
                                    "PING",
                                    "ORDER_CREATED",
                                    "ORDER_CANCELLED",
                                    "ORDER_STATUS_UPDATED",
                                    "ORDER_RETURN_CREATED",
                                    "ORDER_CANCELLATION_REQUEST",
                                    "ORDER_RETURN_STATUS_UPDATED",
                                    "ORDER_UPDATED",
                                    "ORDER_LINE_SERVICE_STATUS_UPDATED",
                                    "GOODS_FEEDBACK_CREATED",
                                    "GOODS_FEEDBACK_COMMENT_CREATED",
                                    "CHAT_CREATED",
                                    "CHAT_MESSAGE_SENT",
                                    "CHAT_ARBITRAGE_STARTED",
                                    "CHAT_ARBITRAGE_FINISHED",
                                    "QUESTION_CREATED",
                                    "QUESTION_ANSWER_CREATED",
                                    "QUESTION_COMMENT_CREATED",
                                ],
                                "type": "string",
                            }
                        ],
                        "enum": ["CHAT_ARBITRAGE_STARTED"],
                    },
                    "chatId": {
                        "type": "integer",
                        "minimum": -9223372036854775808,
                        "maximum": 9223372036854775807,
                    },
                    "businessId": {
                        "minimum": 1,
                        "type": "integer",
                        "maximum": 9223372036854775807,
                    },
                    "startedAt": {"type": "string", "format": "date-time"},
                },
                "type": "object",
            },
            rule="type",
        )
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = (
            set(["notificationType", "chatId", "businessId", "startedAt"]) - data.keys()
        )
        if data__missing_keys:
            raise JsonSchemaValueException(
                ""
                + (name_prefix or "data")
                + " must contain "
                + (str(sorted(data__missing_keys)) + " properties"),
                value=data,
                name="" + (name_prefix or "data") + "",
                definition={
                    "required": [
                        "notificationType",
                        "chatId",
                        "businessId",
                        "startedAt",
                    ],
                    "properties": {
                        "notificationType": {
                            "allOf": [
                                {
                                    "enum": [
                                        "PING",
                                        "ORDER_CREATED",
                                        "ORDER_CANCELLED",
                                        "ORDER_STATUS_UPDATED",
                                        "ORDER_RETURN_CREATED",
                                        "ORDER_CANCELLATION_REQUEST",
                                        "ORDER_RETURN_STATUS_UPDATED",
                                        "ORDER_UPDATED",
                                        "ORDER_LINE_SERVICE_STATUS_UPDATED",
                                        "GOODS_FEEDBACK_CREATED",
                                        "GOODS_FEEDBACK_COMMENT_CREATED",
                                        "CHAT_CREATED",
                                        "CHAT_MESSAGE_SENT",
                                        "CHAT_ARBITRAGE_STARTED",
                                        "CHAT_ARBITRAGE_FINISHED",
                                        "QUESTION_CREATED",
                                        "QUESTION_ANSWER_CREATED",
                                        "QUESTION_COMMENT_CREATED",
                                    ],
                                    "type": "string",
                                }
                            ],
                            "enum": ["CHAT_ARBITRAGE_STARTED"],
                        },
                        "chatId": {
                            "type": "integer",
                            "minimum": -9223372036854775808,
                            "maximum": 9223372036854775807,
                        },
                        "businessId": {
                            "minimum": 1,
                            "type": "integer",
                            "maximum": 9223372036854775807,
                        },
                        "startedAt": {"type": "string", "format": "date-time"},
                    },
                    "type": "object",
                },
                rule="required",
            )
        data_keys = set(data.keys())
        if "notificationType" in data_keys:
            data_keys.remove("notificationType")
            data__notificationType = data["notificationType"]
            if not (
                isinstance(data__notificationType, str)
                and data__notificationType == "CHAT_ARBITRAGE_STARTED"
            ):
                raise JsonSchemaValueException(
                    ""
                    + (name_prefix or "data")
                    + ".notificationType must be one of ['CHAT_ARBITRAGE_STARTED']",
                    value=data__notificationType,
                    name="" + (name_prefix or "data") + ".notificationType",
                    definition={
                        "allOf": [
                            {
                                "enum": [
                                    "PING",
                                    "ORDER_CREATED",
                                    "ORDER_CANCELLED",
                                    "ORDER_STATUS_UPDATED",
                                    "ORDER_RETURN_CREATED",
                                    "ORDER_CANCELLATION_REQUEST",
                                    "ORDER_RETURN_STATUS_UPDATED",
                                    "ORDER_UPDATED",
                                    "ORDER_LINE_SERVICE_STATUS_UPDATED",
                                    "GOODS_FEEDBACK_CREATED",
                                    "GOODS_FEEDBACK_COMMENT_CREATED",
                                    "CHAT_CREATED",
                                    "CHAT_MESSAGE_SENT",
                                    "CHAT_ARBITRAGE_STARTED",
                                    "CHAT_ARBITRAGE_FINISHED",
                                    "QUESTION_CREATED",
                                    "QUESTION_ANSWER_CREATED",
                                    "QUESTION_COMMENT_CREATED",
                                ],
                                "type": "string",
                            }
                        ],
                        "enum": ["CHAT_ARBITRAGE_STARTED"],
                    },
                    rule="enum",
                )
            validate___definitions_notificationtype(
                data__notificationType,
                custom_formats,
                (name_prefix or "data") + ".notificationType",
            )
        if "chatId" in data_keys:
            data_keys.remove("chatId")
            data__chatId = data["chatId"]
            validate___definitions_chatid(
                data__chatId, custom_formats, (name_prefix or "data") + ".chatId"
            )
        if "businessId" in data_keys:
            data_keys.remove("businessId")
            data__businessId = data["businessId"]
            validate___definitions_businessid(
                data__businessId,
                custom_formats,
                (name_prefix or "data") + ".businessId",
            )
        if "startedAt" in data_keys:
            data_keys.remove("startedAt")
            data__startedAt = data["startedAt"]
            if not isinstance(data__startedAt, (str)):
                raise JsonSchemaValueException(
                    "" + (name_prefix or "data") + ".startedAt must be string",
                    value=data__startedAt,
                    name="" + (name_prefix or "data") + ".startedAt",
                    definition={"type": "string", "format": "date-time"},
                    rule="type",
                )
            if isinstance(data__startedAt, str):
                if not REGEX_PATTERNS["date-time_re_pattern"].match(data__startedAt):
                    raise JsonSchemaValueException(
                        "" + (name_prefix or "data") + ".startedAt must be date-time",
                        value=data__startedAt,
                        name="" + (name_prefix or "data") + ".startedAt",
                        definition={"type": "string", "format": "date-time"},
                        rule="format",
                    )
    return data


def validate___definitions_op_kind_3(data, custom_formats={}, name_prefix=None):
    validate___definitions_chatmessagesentnotificationdto(
        data, custom_formats, (name_prefix or "data") + ""
    )
    return data


def validate___definitions_chatmessagesentnotificationdto(
    data, custom_formats={}, name_prefix=None
):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException(
            "" + (name_prefix or "data") + " must be object",
            value=data,
            name="" + (name_prefix or "data") + "",
            definition={
                "required": [
                    "notificationType",
                    "chatId",
                    "messageId",
                    "businessId",
                    "sentAt",
                ],
                "properties": {
                    "notificationType": {
                        "allOf": [
                            {
                                "enum": [
                                    "PING",
                                    "ORDER_CREATED",
                                    "ORDER_CANCELLED",
                                    "ORDER_STATUS_UPDATED",
                                    "ORDER_RETURN_CREATED",
                                    "ORDER_CANCELLATION_REQUEST",
                                    "ORDER_RETURN_STATUS_UPDATED",
                                    "ORDER_UPDATED",
                                    "ORDER_LINE_SERVICE_STATUS_UPDATED",
                                    "GOODS_FEEDBACK_CREATED",
                                    "GOODS_FEEDBACK_COMMENT_CREATED",
                                    "CHAT_CREATED",
                                    "CHAT_MESSAGE_SENT",
                                    "CHAT_ARBITRAGE_STARTED",
                                    "CHAT_ARBITRAGE_FINISHED",
                                    "QUESTION_CREATED",
                                    "QUESTION_ANSWER_CREATED",
                                    "QUESTION_COMMENT_CREATED",
                                ],
                                "type": "string",
                            }
                        ],
                        "enum": ["CHAT_MESSAGE_SENT"],
                    },
                    "chatId": {
                        "type": "integer",
                        "minimum": -9223372036854775808,
                        "maximum": 9223372036854775807,
                    },
                    "messageId": {"pattern": "^[0-9]{1,18}$", "type": "string"},
                    "businessId": {
                        "minimum": 1,
                        "type": "integer",
                        "maximum": 9223372036854775807,
                    },
                    "sentAt": {"type": "string", "format": "date-time"},
                },
                "type": "object",
            },
            rule="type",
        )
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = (
            set(["notificationType", "chatId", "messageId", "businessId", "sentAt"])
            - data.keys()
        )
        if data__missing_keys:
            raise JsonSchemaValueException(
                ""
                + (name_prefix or "data")
                + " must contain "
                + (str(sorted(data__missing_keys)) + " properties"),
                value=data,
                name="" + (name_prefix or "data") + "",
                definition={
                    "required": [
                        "notificationType",
                        "chatId",
                        "messageId",
                        "businessId",
                        "sentAt",
                    ],
                    "properties": {
                        "notificationType": {
                            "allOf": [
                                {
                                    "enum": [
                                        "PING",
                                        "ORDER_CREATED",
                                        "ORDER_CANCELLED",
                                        "ORDER_STATUS_UPDATED",
                                        "ORDER_RETURN_CREATED",
                                        "ORDER_CANCELLATION_REQUEST",
                                        "ORDER_RETURN_STATUS_UPDATED",
                                        "ORDER_UPDATED",
                                        "ORDER_LINE_SERVICE_STATUS_UPDATED",
                                        "GOODS_FEEDBACK_CREATED",
                                        "GOODS_FEEDBACK_COMMENT_CREATED",
                                        "CHAT_CREATED",
                                        "CHAT_MESSAGE_SENT",
                                        "CHAT_ARBITRAGE_STARTED",
                                        "CHAT_ARBITRAGE_FINISHED",
                                        "QUESTION_CREATED",
                                        "QUESTION_ANSWER_CREATED",
                                        "QUESTION_COMMENT_CREATED",
                                    ],
                                    "type": "string",
                                }
                            ],
                            "enum": ["CHAT_MESSAGE_SENT"],
                        },
                        "chatId": {
                            "type": "integer",
                            "minimum": -9223372036854775808,
                            "maximum": 9223372036854775807,
                        },
                        "messageId": {"pattern": "^[0-9]{1,18}$", "type": "string"},
                        "businessId": {
                            "minimum": 1,
                            "type": "integer",
                            "maximum": 9223372036854775807,
                        },
                        "sentAt": {"type": "string", "format": "date-time"},
                    },
                    "type": "object",
                },
                rule="required",
            )
        data_keys = set(data.keys())
        if "notificationType" in data_keys:
            data_keys.remove("notificationType")
            data__notificationType = data["notificationType"]
            if not (
                isinstance(data__notificationType, str)
                and data__notificationType == "CHAT_MESSAGE_SENT"
            ):
                raise JsonSchemaValueException(
                    ""
                    + (name_prefix or "data")
                    + ".notificationType must be one of ['CHAT_MESSAGE_SENT']",
                    value=data__notificationType,
                    name="" + (name_prefix or "data") + ".notificationType",
                    definition={
                        "allOf": [
                            {
                                "enum": [
                                    "PING",
                                    "ORDER_CREATED",
                                    "ORDER_CANCELLED",
                                    "ORDER_STATUS_UPDATED",
                                    "ORDER_RETURN_CREATED",
                                    "ORDER_CANCELLATION_REQUEST",
                                    "ORDER_RETURN_STATUS_UPDATED",
                                    "ORDER_UPDATED",
                                    "ORDER_LINE_SERVICE_STATUS_UPDATED",
                                    "GOODS_FEEDBACK_CREATED",
                                    "GOODS_FEEDBACK_COMMENT_CREATED",
                                    "CHAT_CREATED",
                                    "CHAT_MESSAGE_SENT",
                                    "CHAT_ARBITRAGE_STARTED",
                                    "CHAT_ARBITRAGE_FINISHED",
                                    "QUESTION_CREATED",
                                    "QUESTION_ANSWER_CREATED",
                                    "QUESTION_COMMENT_CREATED",
                                ],
                                "type": "string",
                            }
                        ],
                        "enum": ["CHAT_MESSAGE_SENT"],
                    },
                    rule="enum",
                )
            validate___definitions_notificationtype(
                data__notificationType,
                custom_formats,
                (name_prefix or "data") + ".notificationType",
            )
        if "chatId" in data_keys:
            data_keys.remove("chatId")
            data__chatId = data["chatId"]
            validate___definitions_chatid(
                data__chatId, custom_formats, (name_prefix or "data") + ".chatId"
            )
        if "messageId" in data_keys:
            data_keys.remove("messageId")
            data__messageId = data["messageId"]
            if not isinstance(data__messageId, (str)):
                raise JsonSchemaValueException(
                    "" + (name_prefix or "data") + ".messageId must be string",
                    value=data__messageId,
                    name="" + (name_prefix or "data") + ".messageId",
                    definition={"pattern": "^[0-9]{1,18}$", "type": "string"},
                    rule="type",
                )
            if isinstance(data__messageId, str):
                if not REGEX_PATTERNS["^[0-9]{1,18}$"].search(data__messageId):
                    raise JsonSchemaValueException(
                        ""
                        + (name_prefix or "data")
                        + ".messageId must match pattern ^[0-9]{1,18}$",
                        value=data__messageId,
                        name="" + (name_prefix or "data") + ".messageId",
                        definition={"pattern": "^[0-9]{1,18}$", "type": "string"},
                        rule="pattern",
                    )
        if "businessId" in data_keys:
            data_keys.remove("businessId")
            data__businessId = data["businessId"]
            validate___definitions_businessid(
                data__businessId,
                custom_formats,
                (name_prefix or "data") + ".businessId",
            )
        if "sentAt" in data_keys:
            data_keys.remove("sentAt")
            data__sentAt = data["sentAt"]
            if not isinstance(data__sentAt, (str)):
                raise JsonSchemaValueException(
                    "" + (name_prefix or "data") + ".sentAt must be string",
                    value=data__sentAt,
                    name="" + (name_prefix or "data") + ".sentAt",
                    definition={"type": "string", "format": "date-time"},
                    rule="type",
                )
            if isinstance(data__sentAt, str):
                if not REGEX_PATTERNS["date-time_re_pattern"].match(data__sentAt):
                    raise JsonSchemaValueException(
                        "" + (name_prefix or "data") + ".sentAt must be date-time",
                        value=data__sentAt,
                        name="" + (name_prefix or "data") + ".sentAt",
                        definition={"type": "string", "format": "date-time"},
                        rule="format",
                    )
    return data


def validate___definitions_op_kind_2(data, custom_formats={}, name_prefix=None):
    validate___definitions_chatcreatednotificationdto(
        data, custom_formats, (name_prefix or "data") + ""
    )
    return data


def validate___definitions_chatcreatednotificationdto(
    data, custom_formats={}, name_prefix=None
):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException(
            "" + (name_prefix or "data") + " must be object",
            value=data,
            name="" + (name_prefix or "data") + "",
            definition={
                "required": ["notificationType", "chatId", "businessId", "createdAt"],
                "properties": {
                    "notificationType": {
                        "allOf": [
                            {
                                "enum": [
                                    "PING",
                                    "ORDER_CREATED",
                                    "ORDER_CANCELLED",
                                    "ORDER_STATUS_UPDATED",
                                    "ORDER_RETURN_CREATED",
                                    "ORDER_CANCELLATION_REQUEST",
                                    "ORDER_RETURN_STATUS_UPDATED",
                                    "ORDER_UPDATED",
                                    "ORDER_LINE_SERVICE_STATUS_UPDATED",
                                    "GOODS_FEEDBACK_CREATED",
                                    "GOODS_FEEDBACK_COMMENT_CREATED",
                                    "CHAT_CREATED",
                                    "CHAT_MESSAGE_SENT",
                                    "CHAT_ARBITRAGE_STARTED",
                                    "CHAT_ARBITRAGE_FINISHED",
                                    "QUESTION_CREATED",
                                    "QUESTION_ANSWER_CREATED",
                                    "QUESTION_COMMENT_CREATED",
                                ],
                                "type": "string",
                            }
                        ],
                        "enum": ["CHAT_CREATED"],
                    },
                    "chatId": {
                        "type": "integer",
                        "minimum": -9223372036854775808,
                        "maximum": 9223372036854775807,
                    },
                    "businessId": {
                        "minimum": 1,
                        "type": "integer",
                        "maximum": 9223372036854775807,
                    },
                    "createdAt": {"type": "string", "format": "date-time"},
                },
                "type": "object",
            },
            rule="type",
        )
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = (
            set(["notificationType", "chatId", "businessId", "createdAt"]) - data.keys()
        )
        if data__missing_keys:
            raise JsonSchemaValueException(
                ""
                + (name_prefix or "data")
                + " must contain "
                + (str(sorted(data__missing_keys)) + " properties"),
                value=data,
                name="" + (name_prefix or "data") + "",
                definition={
                    "required": [
                        "notificationType",
                        "chatId",
                        "businessId",
                        "createdAt",
                    ],
                    "properties": {
                        "notificationType": {
                            "allOf": [
                                {
                                    "enum": [
                                        "PING",
                                        "ORDER_CREATED",
                                        "ORDER_CANCELLED",
                                        "ORDER_STATUS_UPDATED",
                                        "ORDER_RETURN_CREATED",
                                        "ORDER_CANCELLATION_REQUEST",
                                        "ORDER_RETURN_STATUS_UPDATED",
                                        "ORDER_UPDATED",
                                        "ORDER_LINE_SERVICE_STATUS_UPDATED",
                                        "GOODS_FEEDBACK_CREATED",
                                        "GOODS_FEEDBACK_COMMENT_CREATED",
                                        "CHAT_CREATED",
                                        "CHAT_MESSAGE_SENT",
                                        "CHAT_ARBITRAGE_STARTED",
                                        "CHAT_ARBITRAGE_FINISHED",
                                        "QUESTION_CREATED",
                                        "QUESTION_ANSWER_CREATED",
                                        "QUESTION_COMMENT_CREATED",
                                    ],
                                    "type": "string",
                                }
                            ],
                            "enum": ["CHAT_CREATED"],
                        },
                        "chatId": {
                            "type": "integer",
                            "minimum": -9223372036854775808,
                            "maximum": 9223372036854775807,
                        },
                        "businessId": {
                            "minimum": 1,
                            "type": "integer",
                            "maximum": 9223372036854775807,
                        },
                        "createdAt": {"type": "string", "format": "date-time"},
                    },
                    "type": "object",
                },
                rule="required",
            )
        data_keys = set(data.keys())
        if "notificationType" in data_keys:
            data_keys.remove("notificationType")
            data__notificationType = data["notificationType"]
            if not (
                isinstance(data__notificationType, str)
                and data__notificationType == "CHAT_CREATED"
            ):
                raise JsonSchemaValueException(
                    ""
                    + (name_prefix or "data")
                    + ".notificationType must be one of ['CHAT_CREATED']",
                    value=data__notificationType,
                    name="" + (name_prefix or "data") + ".notificationType",
                    definition={
                        "allOf": [
                            {
                                "enum": [
                                    "PING",
                                    "ORDER_CREATED",
                                    "ORDER_CANCELLED",
                                    "ORDER_STATUS_UPDATED",
                                    "ORDER_RETURN_CREATED",
                                    "ORDER_CANCELLATION_REQUEST",
                                    "ORDER_RETURN_STATUS_UPDATED",
                                    "ORDER_UPDATED",
                                    "ORDER_LINE_SERVICE_STATUS_UPDATED",
                                    "GOODS_FEEDBACK_CREATED",
                                    "GOODS_FEEDBACK_COMMENT_CREATED",
                                    "CHAT_CREATED",
                                    "CHAT_MESSAGE_SENT",
                                    "CHAT_ARBITRAGE_STARTED",
                                    "CHAT_ARBITRAGE_FINISHED",
                                    "QUESTION_CREATED",
                                    "QUESTION_ANSWER_CREATED",
                                    "QUESTION_COMMENT_CREATED",
                                ],
                                "type": "string",
                            }
                        ],
                        "enum": ["CHAT_CREATED"],
                    },
                    rule="enum",
                )
            validate___definitions_notificationtype(
                data__notificationType,
                custom_formats,
                (name_prefix or "data") + ".notificationType",
            )
        if "chatId" in data_keys:
            data_keys.remove("chatId")
            data__chatId = data["chatId"]
            validate___definitions_chatid(
                data__chatId, custom_formats, (name_prefix or "data") + ".chatId"
            )
        if "businessId" in data_keys:
            data_keys.remove("businessId")
            data__businessId = data["businessId"]
            validate___definitions_businessid(
                data__businessId,
                custom_formats,
                (name_prefix or "data") + ".businessId",
            )
        if "createdAt" in data_keys:
            data_keys.remove("createdAt")
            data__createdAt = data["createdAt"]
            if not isinstance(data__createdAt, (str)):
                raise JsonSchemaValueException(
                    "" + (name_prefix or "data") + ".createdAt must be string",
                    value=data__createdAt,
                    name="" + (name_prefix or "data") + ".createdAt",
                    definition={"type": "string", "format": "date-time"},
                    rule="type",
                )
            if isinstance(data__createdAt, str):
                if not REGEX_PATTERNS["date-time_re_pattern"].match(data__createdAt):
                    raise JsonSchemaValueException(
                        "" + (name_prefix or "data") + ".createdAt must be date-time",
                        value=data__createdAt,
                        name="" + (name_prefix or "data") + ".createdAt",
                        definition={"type": "string", "format": "date-time"},
                        rule="format",
                    )
    return data


def validate___definitions_op_kind_1(data, custom_formats={}, name_prefix=None):
    validate___definitions_pingnotificationdto(
        data, custom_formats, (name_prefix or "data") + ""
    )
    return data


def validate___definitions_pingnotificationdto(
    data, custom_formats={}, name_prefix=None
):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException(
            "" + (name_prefix or "data") + " must be object",
            value=data,
            name="" + (name_prefix or "data") + "",
            definition={
                "required": ["notificationType"],
                "properties": {
                    "notificationType": {
                        "allOf": [
                            {
                                "enum": [
                                    "PING",
                                    "ORDER_CREATED",
                                    "ORDER_CANCELLED",
                                    "ORDER_STATUS_UPDATED",
                                    "ORDER_RETURN_CREATED",
                                    "ORDER_CANCELLATION_REQUEST",
                                    "ORDER_RETURN_STATUS_UPDATED",
                                    "ORDER_UPDATED",
                                    "ORDER_LINE_SERVICE_STATUS_UPDATED",
                                    "GOODS_FEEDBACK_CREATED",
                                    "GOODS_FEEDBACK_COMMENT_CREATED",
                                    "CHAT_CREATED",
                                    "CHAT_MESSAGE_SENT",
                                    "CHAT_ARBITRAGE_STARTED",
                                    "CHAT_ARBITRAGE_FINISHED",
                                    "QUESTION_CREATED",
                                    "QUESTION_ANSWER_CREATED",
                                    "QUESTION_COMMENT_CREATED",
                                ],
                                "type": "string",
                            }
                        ],
                        "enum": ["PING"],
                    },
                    "time": {"type": "string", "format": "date-time"},
                },
                "type": "object",
            },
            rule="type",
        )
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(["notificationType"]) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException(
                ""
                + (name_prefix or "data")
                + " must contain "
                + (str(sorted(data__missing_keys)) + " properties"),
                value=data,
                name="" + (name_prefix or "data") + "",
                definition={
                    "required": ["notificationType"],
                    "properties": {
                        "notificationType": {
                            "allOf": [
                                {
                                    "enum": [
                                        "PING",
                                        "ORDER_CREATED",
                                        "ORDER_CANCELLED",
                                        "ORDER_STATUS_UPDATED",
                                        "ORDER_RETURN_CREATED",
                                        "ORDER_CANCELLATION_REQUEST",
                                        "ORDER_RETURN_STATUS_UPDATED",
                                        "ORDER_UPDATED",
                                        "ORDER_LINE_SERVICE_STATUS_UPDATED",
                                        "GOODS_FEEDBACK_CREATED",
                                        "GOODS_FEEDBACK_COMMENT_CREATED",
                                        "CHAT_CREATED",
                                        "CHAT_MESSAGE_SENT",
                                        "CHAT_ARBITRAGE_STARTED",
                                        "CHAT_ARBITRAGE_FINISHED",
                                        "QUESTION_CREATED",
                                        "QUESTION_ANSWER_CREATED",
                                        "QUESTION_COMMENT_CREATED",
                                    ],
                                    "type": "string",
                                }
                            ],
                            "enum": ["PING"],
                        },
                        "time": {"type": "string", "format": "date-time"},
                    },
                    "type": "object",
                },
                rule="required",
            )
        data_keys = set(data.keys())
        if "notificationType" in data_keys:
            data_keys.remove("notificationType")
            data__notificationType = data["notificationType"]
            if not (
                isinstance(data__notificationType, str)
                and data__notificationType == "PING"
            ):
                raise JsonSchemaValueException(
                    ""
                    + (name_prefix or "data")
                    + ".notificationType must be one of ['PING']",
                    value=data__notificationType,
                    name="" + (name_prefix or "data") + ".notificationType",
                    definition={
                        "allOf": [
                            {
                                "enum": [
                                    "PING",
                                    "ORDER_CREATED",
                                    "ORDER_CANCELLED",
                                    "ORDER_STATUS_UPDATED",
                                    "ORDER_RETURN_CREATED",
                                    "ORDER_CANCELLATION_REQUEST",
                                    "ORDER_RETURN_STATUS_UPDATED",
                                    "ORDER_UPDATED",
                                    "ORDER_LINE_SERVICE_STATUS_UPDATED",
                                    "GOODS_FEEDBACK_CREATED",
                                    "GOODS_FEEDBACK_COMMENT_CREATED",
                                    "CHAT_CREATED",
                                    "CHAT_MESSAGE_SENT",
                                    "CHAT_ARBITRAGE_STARTED",
                                    "CHAT_ARBITRAGE_FINISHED",
                                    "QUESTION_CREATED",
                                    "QUESTION_ANSWER_CREATED",
                                    "QUESTION_COMMENT_CREATED",
                                ],
                                "type": "string",
                            }
                        ],
                        "enum": ["PING"],
                    },
                    rule="enum",
                )
            validate___definitions_notificationtype(
                data__notificationType,
                custom_formats,
                (name_prefix or "data") + ".notificationType",
            )
        if "time" in data_keys:
            data_keys.remove("time")
            data__time = data["time"]
            if not isinstance(data__time, (str)):
                raise JsonSchemaValueException(
                    "" + (name_prefix or "data") + ".time must be string",
                    value=data__time,
                    name="" + (name_prefix or "data") + ".time",
                    definition={"type": "string", "format": "date-time"},
                    rule="type",
                )
            if isinstance(data__time, str):
                if not REGEX_PATTERNS["date-time_re_pattern"].match(data__time):
                    raise JsonSchemaValueException(
                        "" + (name_prefix or "data") + ".time must be date-time",
                        value=data__time,
                        name="" + (name_prefix or "data") + ".time",
                        definition={"type": "string", "format": "date-time"},
                        rule="format",
                    )
    return data


kind_1: Validator = validate___definitions_op_kind_1
kind_2: Validator = validate___definitions_op_kind_2
kind_3: Validator = validate___definitions_op_kind_3
kind_4: Validator = validate___definitions_op_kind_4
kind_5: Validator = validate___definitions_op_kind_5
