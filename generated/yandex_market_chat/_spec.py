"""The spec's operations as data: what the command line builds its subcommands from.

Written by `make generate` from openapi/ (render/_spec.py.jinja); do not edit.
"""

from typing import Any, Final

TITLE: Final = "Yandex Market Partner API — buyer chats"
SERVER_URL: Final = "https://api.partner.market.yandex.ru"

OPERATIONS: Final[dict[str, dict[str, Any]]] = {
    "create_chat": {
        "id": "createChat",
        "summary": "Create a chat with a buyer for an order or a return.",
        "description": (
            "Creates a chat with the buyer of an order or of a return, or returns the "
            "chat that already exists for that context: calling it twice is safe. Return "
            "chats exist only for FBY, FBS and Express stores.\n"
            "\n"
            "Needs a token with the `communication` or `all-methods` scope. Limit: 1,000 "
            "requests per hour."
        ),
        "idempotent": True,
        "paged": False,
        "arguments": [
            {
                "name": "business_id",
                "wire": "businessId",
                "required": False,
                "client_default": True,
                "help": "The business (cabinet) id. Find it with `GET v2/campaigns`. (At least 1.)",
                **{"choices": None, "kind": "int", "multiple": False},
            },
            {
                "name": "context",
                "wire": "body.context",
                "required": False,
                "client_default": False,
                "help": "The order or the return the chat is about.",
                **{"choices": None, "kind": "json", "multiple": False},
            },
            {
                "name": "order_id",
                "wire": "body.orderId",
                "required": False,
                "client_default": False,
                "help": "The order id. Deprecated — use `context` with type `ORDER`. (At least 1.)",
                **{"choices": None, "kind": "int", "multiple": False},
            },
        ],
    },
    "send_message_to_chat": {
        "id": "sendMessageToChat",
        "summary": "Send a text message to a chat with a buyer.",
        "description": (
            "Posts a message to a chat with a buyer. The API has no idempotency key: "
            "after a server error or a read timeout the message may already be in the "
            "chat, and sending it again can post it twice.\n"
            "\n"
            "Needs a token with the `communication` or `all-methods` scope. Limit: 1,000 "
            "requests per hour."
        ),
        "idempotent": False,
        "paged": False,
        "arguments": [
            {
                "name": "business_id",
                "wire": "businessId",
                "required": False,
                "client_default": True,
                "help": "The business (cabinet) id. Find it with `GET v2/campaigns`. (At least 1.)",
                **{"choices": None, "kind": "int", "multiple": False},
            },
            {
                "name": "chat_id",
                "wire": "chatId",
                "required": True,
                "client_default": False,
                "help": "The chat id. (At least 1.)",
                **{"choices": None, "kind": "int", "multiple": False},
            },
            {
                "name": "message",
                "wire": "body.message",
                "required": True,
                "client_default": False,
                "help": (
                    "The text of the message: 1 to 4,096 characters. The service counts "
                    "characters as Java does, in UTF-16 code units: a character outside the Basic "
                    "Multilingual Plane (most emoji) counts as two. (1 to 4,096 UTF-16 code "
                    "units.)"
                ),
                **{"choices": None, "kind": "str", "multiple": False},
            },
        ],
    },
    "send_file_to_chat": {
        "id": "sendFileToChat",
        "summary": "Send a file to a chat with a buyer.",
        "description": (
            "Posts a file (at most 5 MB) to a chat with a buyer. The API has no "
            "idempotency key: after a server error or a read timeout the file may already "
            "be in the chat, and sending it again can post it twice.\n"
            "\n"
            "Needs a token with the `communication` or `all-methods` scope. Limit: 1,000 "
            "requests per hour."
        ),
        "idempotent": False,
        "paged": False,
        "arguments": [
            {
                "name": "business_id",
                "wire": "businessId",
                "required": False,
                "client_default": True,
                "help": "The business (cabinet) id. Find it with `GET v2/campaigns`. (At least 1.)",
                **{"choices": None, "kind": "int", "multiple": False},
            },
            {
                "name": "chat_id",
                "wire": "chatId",
                "required": True,
                "client_default": False,
                "help": "The chat id. (At least 1.)",
                **{"choices": None, "kind": "int", "multiple": False},
            },
            {
                "name": "file",
                "wire": "body.file",
                "required": True,
                "client_default": False,
                "help": (
                    'The file content: not empty, and at most 5 MB. This client takes "5 MB" as 5 '
                    "MiB (5,242,880 bytes), the larger of the two readings. (A path, bytes or a "
                    "binary file; not empty; at most 5,242,880 bytes.)"
                ),
                **{"choices": None, "kind": "file", "multiple": False},
            },
        ],
    },
}
