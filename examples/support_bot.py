"""A support bot: answer the buyers who wait for the seller.

Lists the chats that wait for the seller's answer, reads each chat's new buyer messages (after
the last one it answered), answers each of them, and prints what it did. What it answered is kept
in a small JSON file, written after every message sent, so a bot run from cron never answers
the same buyer message twice — even if it is stopped halfway.

Against the real API (the token needs the `communication` scope):

    export YANDEX_MARKET_API_KEY=...
    export YANDEX_MARKET_BUSINESS_ID=...
    python examples/support_bot.py

`make demo` runs it against Prism serving openapi/ on loopback (it sets YANDEX_MARKET_BASE_URL).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from yandex_market_chat import UNSET, APIConnectionError, APIStatusError, YandexMarketChat
from yandex_market_chat.models import ChatMessageDTO, ChatMessageSenderType

STATE = Path(os.environ.get("SUPPORT_BOT_STATE", "support-bot-state.json"))
"""chat id -> the id of the last buyer message the bot answered."""


def answer_for(message: ChatMessageDTO) -> str:
    """The bot's reply. A real bot would look the order up, or hand over to a person."""
    if message.payload:
        return "Thank you for the file! A colleague will look at it and answer you today."
    return "Thank you for your message! Your order is on its way; we will answer any question today."


def main() -> None:
    answered: dict[str, int] = json.loads(STATE.read_text()) if STATE.exists() else {}
    with YandexMarketChat() as chat:  # YANDEX_MARKET_API_KEY / _BUSINESS_ID / _BASE_URL
        for waiting in chat.get_chats(statuses=["WAITING_FOR_PARTNER"]):
            last = answered.get(str(waiting.chat_id))
            history = chat.get_chat_history(
                chat_id=waiting.chat_id, after_message_id=UNSET if last is None else last
            )
            # Message ids grow with time: anything at or before the last one answered is old, even
            # if the service sends it again.
            new = sorted(
                (
                    m
                    for m in history
                    if m.sender == ChatMessageSenderType.CUSTOMER and (last is None or m.message_id > last)
                ),
                key=lambda m: m.message_id,
            )
            print(f"chat {waiting.chat_id}: {len(new)} new buyer message(s)")
            for message in new:
                try:
                    chat.send_message_to_chat(chat_id=waiting.chat_id, message=answer_for(message))
                except (APIStatusError, APIConnectionError) as error:
                    if not error.may_have_been_delivered:
                        print(f"  message {message.message_id}: not answered ({error}); will try next run")
                        break
                    print(
                        f"  message {message.message_id}: the answer may be posted already; not resending it"
                    )
                else:
                    print(f"  message {message.message_id}: answered")
                answered[str(waiting.chat_id)] = message.message_id
                STATE.write_text(json.dumps(answered))


if __name__ == "__main__":
    main()
