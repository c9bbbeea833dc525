"""A notification bot: the Market tells it the moment a buyer writes, and it answers once.

Two processes share one inbox file: the endpoint, which records each notification and answers
the Market, and the worker, which runs the handlers below for what was recorded.

    export YANDEX_MARKET_API_KEY=... YANDEX_MARKET_BUSINESS_ID=...
    uvicorn notification_bot:app --app-dir examples --port 8080   # the endpoint (behind HTTPS)
    python examples/notification_bot.py                            # the worker

NOTIFICATION_BOT_INBOX names the inbox file (default notifications.sqlite3);
NOTIFICATION_ALLOWED_NETWORKS, comma-separated, replaces the Market's address ranges (the demo
allows loopback). `make demo` runs it against Prism with notifications posted on loopback.
"""

from __future__ import annotations

import os
import sys

from yandex_market_chat import NotificationBot, SqliteInbox, YandexMarketChat
from yandex_market_chat.models import ChatMessageSenderType
from yandex_market_chat.notifications import (
    SOURCE_NETWORKS,
    ChatCreatedNotification,
    ChatMessageSentNotification,
    parse_notification,
)

ANSWER = "Thank you for your message! A colleague will answer you within the hour."

inbox = SqliteInbox(os.environ.get("NOTIFICATION_BOT_INBOX", "notifications.sqlite3"))
chat = YandexMarketChat()  # YANDEX_MARKET_API_KEY / _BUSINESS_ID / _BASE_URL
bot = NotificationBot(inbox, parse_notification, chat)


@bot.on("CHAT_MESSAGE_SENT")
def answer(notification: ChatMessageSentNotification, chat: YandexMarketChat) -> None:
    chat_id, message_id = notification.chat_id, notification.message_id
    message = chat.get_chat_message(chat_id=chat_id, message_id=message_id).result
    # The Market notifies every message of the chat, the bot's own answers too.
    if not message or message.sender != ChatMessageSenderType.CUSTOMER:
        print(f"chat {chat_id} message {message_id}: not a buyer's, left alone")
        return
    if bot.retrying and bot.answered_after(chat_id, message_id, text=ANSWER):
        print(f"chat {chat_id} message {message_id}: answered before a crash, not again")
        return
    chat.send_message_to_chat(chat_id=chat_id, message=ANSWER)
    print(f"chat {chat_id} message {message_id}: answered")


@bot.on("CHAT_CREATED")
def created(notification: ChatCreatedNotification, chat: YandexMarketChat) -> None:
    context = bot.context(notification.chat_id) or {}
    about = context.get("context", {})
    print(
        f"chat {notification.chat_id} created: about {about.get('type')} {about.get('orderId', '')}".rstrip()
    )


networks = os.environ.get("NOTIFICATION_ALLOWED_NETWORKS")
app = bot.receiver(
    name="yandex-market-chat example bot",
    allowed_networks=networks.split(",") if networks else SOURCE_NETWORKS,
).asgi
"""The endpoint: `uvicorn notification_bot:app`."""


def main() -> None:
    if "--until-idle" in sys.argv:  # handle what is recorded, then stop (the demo)
        while bot.run_once():
            pass
    else:
        bot.run()


if __name__ == "__main__":
    main()
