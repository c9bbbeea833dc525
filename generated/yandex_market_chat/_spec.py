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
                "client_default": "YANDEX_MARKET_BUSINESS_ID",
                "help": "The business (cabinet) id. Find it with `GET v2/campaigns`. (At least 1.)",
                **{"choices": None, "kind": "int", "multiple": False},
            },
            {
                "name": "context",
                "wire": "body.context",
                "required": False,
                "client_default": None,
                "help": "The order or the return the chat is about.",
                **{"choices": None, "kind": "json", "multiple": False},
            },
            {
                "name": "order_id",
                "wire": "body.orderId",
                "required": False,
                "client_default": None,
                "help": "The order id. Deprecated — use `context` with type `ORDER`. (At least 1.)",
                **{"choices": None, "kind": "int", "multiple": False},
            },
        ],
    },
    "get_chats": {
        "id": "getChats",
        "summary": "List the chats with buyers.",
        "description": (
            "Returns the chats with buyers, a page at a time, filtered by the body: pass "
            '`{"statuses": ["WAITING_FOR_PARTNER"]}` for the chats that wait for the '
            "seller's answer, `contexts` to find the chat of an order or a return. Every "
            "filter is a list of at least one item: leave out a filter you do not need — "
            "an empty list is refused (the client never sends `[]`). `{}` returns all "
            "chats.\n"
            "\n"
            "Paging: the cursor is the query parameter `pageToken`; the filters stay in "
            "the body, sent unchanged with every page. The order of the chats is not "
            "documented.\n"
            "\n"
            "Needs a token with the `communication`, `all-methods` or "
            "`all-methods:read-only` scope. Limit: 5,000 requests per hour (each page is "
            "one request)."
        ),
        "idempotent": True,
        "paged": True,
        "arguments": [
            {
                "name": "business_id",
                "wire": "businessId",
                "required": False,
                "client_default": "YANDEX_MARKET_BUSINESS_ID",
                "help": "The business (cabinet) id. Find it with `GET v2/campaigns`. (At least 1.)",
                **{"choices": None, "kind": "int", "multiple": False},
            },
            {
                "name": "page_token",
                "wire": "pageToken",
                "required": False,
                "client_default": None,
                "help": (
                    "The page to return: the `nextPageToken` of the previous answer. Leave it out "
                    "for the first page. (Not empty.)"
                ),
                **{"choices": None, "kind": "str", "multiple": False},
            },
            {
                "name": "limit",
                "wire": "limit",
                "required": False,
                "client_default": None,
                "help": "How many chats a page holds. (1 to 20; default 10.)",
                **{"choices": None, "kind": "int", "multiple": False},
            },
            {
                "name": "order_ids",
                "wire": "body.orderIds",
                "required": False,
                "client_default": None,
                "help": (
                    "Market order ids. Deprecated — use `contexts`. (Not empty: leave it out "
                    "rather than pass []; no repeats; each at least 1.)"
                ),
                **{"choices": None, "kind": "int", "multiple": True},
            },
            {
                "name": "contexts",
                "wire": "body.contexts",
                "required": False,
                "client_default": None,
                "help": (
                    "The orders or returns whose chats to return. (Not empty: leave it out rather "
                    "than pass []; no repeats.)"
                ),
                **{"choices": None, "kind": "json", "multiple": True},
            },
            {
                "name": "context_types",
                "wire": "body.contextTypes",
                "required": False,
                "client_default": None,
                "help": (
                    "What the chats are about. (Not empty: leave it out rather than pass []; no "
                    "repeats; each one of ORDER, RETURN, DIRECT.)"
                ),
                **{
                    "choices": ["ORDER", "RETURN", "DIRECT"],
                    "kind": "str",
                    "multiple": True,
                },
            },
            {
                "name": "types",
                "wire": "body.types",
                "required": False,
                "client_default": None,
                "help": (
                    "The types of the chats. (Not empty: leave it out rather than pass []; no "
                    "repeats; each one of CHAT, ARBITRAGE.)"
                ),
                **{"choices": ["CHAT", "ARBITRAGE"], "kind": "str", "multiple": True},
            },
            {
                "name": "statuses",
                "wire": "body.statuses",
                "required": False,
                "client_default": None,
                "help": (
                    "The statuses of the chats. (Not empty: leave it out rather than pass []; no "
                    "repeats; each one of NEW, WAITING_FOR_CUSTOMER, WAITING_FOR_PARTNER, "
                    "WAITING_FOR_ARBITER, WAITING_FOR_MARKET, FINISHED.)"
                ),
                **{
                    "choices": [
                        "NEW",
                        "WAITING_FOR_CUSTOMER",
                        "WAITING_FOR_PARTNER",
                        "WAITING_FOR_ARBITER",
                        "WAITING_FOR_MARKET",
                        "FINISHED",
                    ],
                    "kind": "str",
                    "multiple": True,
                },
            },
        ],
    },
    "get_chat": {
        "id": "getChat",
        "summary": "Get one chat by its id.",
        "description": (
            "Returns a chat with a buyer by its id: what it is about (order, return, or a "
            "`DIRECT` chat the buyer started about a product, which has no order or "
            "return id), its type, status and times. The path is `/chat` (singular), "
            "unlike the list.\n"
            "\n"
            "Needs a token with the `communication`, `all-methods` or "
            "`all-methods:read-only` scope. Limit: 1,000 requests per hour."
        ),
        "idempotent": True,
        "paged": False,
        "arguments": [
            {
                "name": "business_id",
                "wire": "businessId",
                "required": False,
                "client_default": "YANDEX_MARKET_BUSINESS_ID",
                "help": "The business (cabinet) id. Find it with `GET v2/campaigns`. (At least 1.)",
                **{"choices": None, "kind": "int", "multiple": False},
            },
            {
                "name": "chat_id",
                "wire": "chatId",
                "required": True,
                "client_default": None,
                "help": "The chat id. (At least 1.)",
                **{"choices": None, "kind": "int", "multiple": False},
            },
        ],
    },
    "get_chat_history": {
        "id": "getChatHistory",
        "summary": "Read the messages of a chat.",
        "description": (
            "Returns the messages of a chat, a page at a time. `messageIdFrom` in the "
            "body asks for the messages starting from that message id; the documentation "
            "does not say whether that message itself is included, in which order "
            "messages come, or how `messageIdFrom` combines with `pageToken` — this "
            "client's `after_message_id` argument sends `messageIdFrom`, yields only the "
            "messages whose `messageId` is greater, and de-duplicates messages by "
            "`messageId` across pages.\n"
            "\n"
            "Paging: the cursor is the query parameter `pageToken`; `chatId` and the body "
            "are sent unchanged with every page.\n"
            "\n"
            "Needs a token with the `communication`, `all-methods` or "
            "`all-methods:read-only` scope. Limit: 10,000 requests per hour (each page is "
            "one request)."
        ),
        "idempotent": True,
        "paged": True,
        "arguments": [
            {
                "name": "business_id",
                "wire": "businessId",
                "required": False,
                "client_default": "YANDEX_MARKET_BUSINESS_ID",
                "help": "The business (cabinet) id. Find it with `GET v2/campaigns`. (At least 1.)",
                **{"choices": None, "kind": "int", "multiple": False},
            },
            {
                "name": "chat_id",
                "wire": "chatId",
                "required": True,
                "client_default": None,
                "help": "The chat id. (At least 1.)",
                **{"choices": None, "kind": "int", "multiple": False},
            },
            {
                "name": "page_token",
                "wire": "pageToken",
                "required": False,
                "client_default": None,
                "help": (
                    "The page to return: the `nextPageToken` of the previous answer. Leave it out "
                    "for the first page. (Not empty.)"
                ),
                **{"choices": None, "kind": "str", "multiple": False},
            },
            {
                "name": "limit",
                "wire": "limit",
                "required": False,
                "client_default": None,
                "help": "How many messages a page holds. (1 to 100; default 50.)",
                **{"choices": None, "kind": "int", "multiple": False},
            },
            {
                "name": "message_id_from",
                "wire": "body.messageIdFrom",
                "required": False,
                "client_default": None,
                "help": (
                    "Return the messages starting from this message id. Whether that message "
                    "itself is returned is not documented. (At least 1.)"
                ),
                **{"choices": None, "kind": "int", "multiple": False},
            },
            {
                "name": "after_message_id",
                "wire": "body.messageIdFrom",
                "required": False,
                "client_default": None,
                "help": (
                    "Start after the item whose messageId this is: sends it as `messageIdFrom`, "
                    "and only items whose messageId is greater are yielded (whether the service "
                    "includes that item, and in which order, is not documented)."
                ),
                **{"choices": None, "kind": "int", "multiple": False},
            },
        ],
    },
    "get_chat_message": {
        "id": "getChatMessage",
        "summary": "Get one message of a chat by its id.",
        "description": (
            "Returns one message of a chat: its text or files, who sent it and when. Use "
            "it on a `CHAT_MESSAGE_SENT` notification, which carries the chat id and the "
            "message id (as a string there: pass it as an integer here). The path is "
            "shared with sendMessageToChat (POST).\n"
            "\n"
            "Needs a token with the `communication`, `all-methods` or "
            "`all-methods:read-only` scope. Limit: 1,000 requests per hour."
        ),
        "idempotent": True,
        "paged": False,
        "arguments": [
            {
                "name": "business_id",
                "wire": "businessId",
                "required": False,
                "client_default": "YANDEX_MARKET_BUSINESS_ID",
                "help": "The business (cabinet) id. Find it with `GET v2/campaigns`. (At least 1.)",
                **{"choices": None, "kind": "int", "multiple": False},
            },
            {
                "name": "chat_id",
                "wire": "chatId",
                "required": True,
                "client_default": None,
                "help": "The chat id. (At least 1.)",
                **{"choices": None, "kind": "int", "multiple": False},
            },
            {
                "name": "message_id",
                "wire": "messageId",
                "required": True,
                "client_default": None,
                "help": "The message id. (At least 1.)",
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
                "client_default": "YANDEX_MARKET_BUSINESS_ID",
                "help": "The business (cabinet) id. Find it with `GET v2/campaigns`. (At least 1.)",
                **{"choices": None, "kind": "int", "multiple": False},
            },
            {
                "name": "chat_id",
                "wire": "chatId",
                "required": True,
                "client_default": None,
                "help": "The chat id. (At least 1.)",
                **{"choices": None, "kind": "int", "multiple": False},
            },
            {
                "name": "message",
                "wire": "body.message",
                "required": True,
                "client_default": None,
                "help": (
                    "The text of the message: 1 to 4,096 characters, not all of them whitespace. "
                    "The service counts characters as Java does, in UTF-16 code units: a "
                    "character outside the Basic Multilingual Plane (most emoji) counts as two. "
                    "(1 to 4,096 UTF-16 code units; matching '\\\\S'.)"
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
                "client_default": "YANDEX_MARKET_BUSINESS_ID",
                "help": "The business (cabinet) id. Find it with `GET v2/campaigns`. (At least 1.)",
                **{"choices": None, "kind": "int", "multiple": False},
            },
            {
                "name": "chat_id",
                "wire": "chatId",
                "required": True,
                "client_default": None,
                "help": "The chat id. (At least 1.)",
                **{"choices": None, "kind": "int", "multiple": False},
            },
            {
                "name": "file",
                "wire": "body.file",
                "required": True,
                "client_default": None,
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
