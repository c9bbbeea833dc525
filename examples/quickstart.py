"""Quickstart: create a chat for an order, send a message, send a file, and see a 420.

Against the real API:

    export YANDEX_MARKET_API_KEY=...        # a token with the `communication` scope
    export YANDEX_MARKET_BUSINESS_ID=...
    export YANDEX_MARKET_ORDER_ID=...       # an order of that business
    python examples/quickstart.py

`make demo` runs it against Prism serving openapi/ on loopback (YANDEX_MARKET_BASE_URL is
set to Prism's address; Prism answers with the spec's examples).
"""

from __future__ import annotations

import os

from yandex_market_chat import RateLimitError, YandexMarketChat
from yandex_market_chat.models import CreateChatResultDTO


def main() -> None:
    order_id = int(os.environ.get("YANDEX_MARKET_ORDER_ID", "48523210"))
    with YandexMarketChat() as chat:  # YANDEX_MARKET_API_KEY / _BUSINESS_ID / _BASE_URL
        created = chat.create_chat(context={"type": "ORDER", "id": order_id})
        if not isinstance(created.result, CreateChatResultDTO):
            raise SystemExit(f"createChat answered without a chat: {created}")
        chat_id = created.result.chat_id
        print(f"createChat        -> chat {chat_id} (status {created.status})")

        sent = chat.send_message_to_chat(
            chat_id=chat_id, message="Hello! Your order is packed and ships today."
        )
        print(f"sendMessageToChat -> status {sent.status}")

        receipt = b"Order receipt\nTotal: 1 990 RUB\n"
        filed = chat.send_file_to_chat(chat_id=chat_id, file=receipt, file_name="receipt.txt")
        print(f"sendFileToChat    -> status {filed.status}")

        if os.environ.get("YANDEX_MARKET_DEMO_420"):
            # Only against the mock: ask Prism for the documented 420 answer.
            try:
                chat.with_options(max_retries=0).send_message_to_chat(
                    chat_id=chat_id, message="One more", extra_headers={"Prefer": "code=420"}
                )
            except RateLimitError as error:
                print(f"a 420 answer      -> {type(error).__name__}: {error}")
                window = f"limit={error.limit} remaining={error.remaining} reset_at={error.reset_at}"
                print(f"                     {window}")


if __name__ == "__main__":
    main()
