"""A support bot: answer the buyers who wait for the seller.

Lists the chats that wait for the seller's answer, reads each chat's new buyer messages (after
the last one it answered) and answers the buyer's TURN once: three messages in a row ("Hi",
"where is my order?", a photo) get one reply, not three identical ones. It answers only when the
buyer spoke last (a person on the seller's side may have answered meanwhile). What it answered is
kept in a small JSON file, written after every reply, so a bot run from cron never answers the
same turn twice — even if it is stopped halfway.

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


def answer_for(turn: list[ChatMessageDTO]) -> str:
    """The bot's one reply to a buyer's turn. A real bot would look the order up, or hand over to
    a person."""
    if any(message.payload for message in turn):
        return "Thank you for your messages and the file! A colleague will look at them and answer you today."
    return "Thank you for your message! Your order is on its way; we will answer any question today."


def buyer_turn(history: list[ChatMessageDTO], last: int | None) -> list[ChatMessageDTO]:
    """The buyer's messages since anyone else last wrote and since the last one answered, oldest
    first; empty when the buyer did not speak last."""
    turn: list[ChatMessageDTO] = []
    # Message ids grow with time: anything at or before the last one answered is old, even if the
    # service sends it again.
    for message in sorted(history, key=lambda m: m.message_id):
        if message.sender != ChatMessageSenderType.CUSTOMER:
            turn = []  # the seller (or the Market) spoke: what the buyer said before is answered
        elif last is None or message.message_id > last:
            turn.append(message)
    return turn


def main() -> None:
    answered: dict[str, int] = json.loads(STATE.read_text()) if STATE.exists() else {}
    with YandexMarketChat() as chat:  # YANDEX_MARKET_API_KEY / _BUSINESS_ID / _BASE_URL
        for waiting in chat.get_chats(statuses=["WAITING_FOR_PARTNER"]):
            last = answered.get(str(waiting.chat_id))
            history = chat.get_chat_history(
                chat_id=waiting.chat_id, after_message_id=UNSET if last is None else last
            )
            turn = buyer_turn(list(history), last)
            print(f"chat {waiting.chat_id}: {len(turn)} new buyer message(s)")
            if not turn:
                continue
            ids = ", ".join(str(message.message_id) for message in turn)
            try:
                chat.send_message_to_chat(chat_id=waiting.chat_id, message=answer_for(turn))
            except (APIStatusError, APIConnectionError) as error:
                if not error.may_have_been_delivered:
                    print(f"  messages {ids}: not answered ({error}); will try next run")
                    continue
                print(f"  messages {ids}: the answer may be posted already; not resending it")
            else:
                print(f"  messages {ids}: answered with one reply")
            answered[str(waiting.chat_id)] = turn[-1].message_id
            STATE.write_text(json.dumps(answered))


if __name__ == "__main__":
    main()
