"""The processes the notification tests start and kill: `python tests/notifications/processes.py MODE ...`.

- record PATH FIRST COUNT: record keys k<FIRST>..k<FIRST+COUNT-1>; print "new KEY" per new one.
- claim PATH: claim and complete until nothing is due; print "claimed KEY" per entry.
- record-and-hang PATH KEY: record one key, print "recorded", then wait to be killed.
- receiver STORE PORT: the receiver under uvicorn on 127.0.0.1:PORT (loopback allowed).
- worker STORE MARKET_URL: the notification bot against the fake chat API, answering each buyer
  message with "answer to <id>", checking the chat first when retrying; catch-up every second.
STORE is KIND:WHERE of inbox_stores (`sqlite:/tmp/x/inbox.sqlite3`, `redis:redis://... prefix`).
"""

from __future__ import annotations

import signal
import sys
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/, for notifications.support

from yandex_market_chat import NotificationBot, Receiver, SqliteInbox, YandexMarketChat
from yandex_market_chat.models import ChatMessageDTO, ChatMessageSenderType

from notifications.inbox_stores import open_inbox
from notifications.support import BUSINESS, FAKE_KEY, PARSER


def store(spec: str):  # type: ignore[no-untyped-def]
    kind, _, where = spec.partition(":")
    return open_inbox(kind, where)


def worker(spec: str, market_url: str) -> None:
    chat = YandexMarketChat(api_key=FAKE_KEY, base_url=market_url, business_id=BUSINESS, max_retries=0)
    bot = NotificationBot(store(spec), PARSER, chat, backoff_seconds=0.05, lease_seconds=2.0)

    @bot.on("CHAT_MESSAGE_SENT")
    def answer(notification: object, chat: YandexMarketChat) -> None:
        chat_id, message_id = notification.chat_id, notification.message_id  # type: ignore[attr-defined]
        message = chat.get_chat_message(chat_id=chat_id, message_id=message_id).result
        if not isinstance(message, ChatMessageDTO) or message.sender != ChatMessageSenderType.CUSTOMER:
            return
        text = f"answer to {message_id}"
        if bot.retrying and bot.answered_after(chat_id, message_id, text=text):
            return
        chat.send_message_to_chat(chat_id=chat_id, message=text)

    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    print("ready", flush=True)
    bot.run(stop, idle_seconds=0.02, catch_up_seconds=1.0)


def main(mode: str, path: str, *rest: str) -> None:
    if mode == "record":
        first, count = int(rest[0]), int(rest[1])
        with SqliteInbox(path, timeout=30) as inbox:
            for n in range(first, first + count):
                if inbox.record(f"k{n}", "CHAT_CREATED", b"{}"):
                    print(f"new k{n}", flush=True)
    elif mode == "claim":
        with SqliteInbox(path, timeout=30) as inbox:
            while (entry := inbox.claim(60)) is not None:
                print(f"claimed {entry.key}", flush=True)
                inbox.complete(entry)
    elif mode == "record-and-hang":
        inbox = SqliteInbox(path)
        inbox.record(rest[0], "CHAT_CREATED", b"{}")
        print("recorded", flush=True)
        threading.Event().wait()
    elif mode == "receiver":
        import uvicorn

        receiver = Receiver(store(path), PARSER, name="crash-test", allowed_networks=["127.0.0.0/8"])
        uvicorn.run(receiver.asgi, host="127.0.0.1", port=int(rest[0]), log_level="warning", access_log=False)
    elif mode == "worker":
        worker(path, rest[0])
    else:
        raise SystemExit(f"unknown mode {mode}")


if __name__ == "__main__":
    main(*sys.argv[1:])
