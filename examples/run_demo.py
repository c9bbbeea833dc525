"""`make demo`: serve openapi/ with Prism on loopback and run the examples against it.

Runs examples/quickstart.py (create a chat, send a message and a file, see a 420) and then
examples/support_bot.py (answer the buyers who wait), with a fake key and YANDEX_MARKET_BASE_URL
pointing at Prism, which answers with the spec's examples. Then the notification bot
(examples/notification_bot.py): its endpoint under uvicorn on loopback gets PING, CHAT_CREATED,
CHAT_MESSAGE_SENT twice and a malformed notification, as the Market would post them; its worker
answers through Prism, each message once. It never calls the real API: run the example files
yourself, with your own environment, for that."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "openapi"))

from prism import serve_prism  # noqa: E402

EXAMPLES = [ROOT / "examples" / "quickstart.py", ROOT / "examples" / "support_bot.py"]

NOTIFICATIONS = [
    ("PING", {"notificationType": "PING", "time": "2025-07-10T09:00:00Z"}),
    ("CHAT_CREATED", {"notificationType": "CHAT_CREATED", "chatId": 92837461, "businessId": 111,
                      "createdAt": "2025-07-10T09:00:01Z"}),
    ("CHAT_MESSAGE_SENT", {"notificationType": "CHAT_MESSAGE_SENT", "chatId": 92837461, "businessId": 111,
                           "messageId": "1001", "sentAt": "2025-07-10T09:00:02Z"}),
    ("CHAT_MESSAGE_SENT again", {"notificationType": "CHAT_MESSAGE_SENT", "chatId": 92837461,
                                 "businessId": 111, "messageId": "1001", "sentAt": "2025-07-10T09:00:02Z"}),
    ("malformed", {"notificationType": "CHAT_MESSAGE_SENT", "chatId": 92837461, "businessId": 111,
                   "messageId": "+1001", "sentAt": "2025-07-10T09:00:02Z"}),
]  # fmt: skip
"""What the demo posts, as the Market would (the messageId of the malformed one has a sign)."""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def notification_demo(env: dict[str, str]) -> int:
    """The notification bot's endpoint under uvicorn, notifications posted to it, then its worker."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/notification"
    print("\n$ uvicorn notification_bot:app --app-dir examples   # the endpoint, on loopback")
    endpoint = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "notification_bot:app", "--app-dir", str(ROOT / "examples"),
         "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"],
        env=env,
    )  # fmt: skip
    try:
        with httpx.Client(timeout=10) as http:  # (one client: one TLS context, one connection)
            deadline = time.monotonic() + 30
            while True:
                try:
                    http.get(url, timeout=1)
                    break
                except httpx.TransportError:
                    if endpoint.poll() is not None or time.monotonic() > deadline:
                        print("the endpoint did not start")
                        return 1
                    time.sleep(0.05)
            for what, payload in NOTIFICATIONS:
                answer = http.post(url, json=payload)
                print(f"  POST {what:<24} -> {answer.status_code} {answer.text}")
    finally:
        endpoint.terminate()
        endpoint.wait(30)
    print("\n$ python examples/notification_bot.py --until-idle   # the worker")
    worker = [sys.executable, str(ROOT / "examples" / "notification_bot.py"), "--until-idle"]
    return subprocess.run(worker, env=env, check=False).returncode


def main() -> int:
    with serve_prism("mock") as base_url, tempfile.TemporaryDirectory() as scratch:
        print(f"Prism is serving openapi/yandex-market-chat.yaml at {base_url}")
        env = dict(
            os.environ,
            YANDEX_MARKET_API_KEY="fake-demo-key",
            YANDEX_MARKET_BUSINESS_ID="111",
            YANDEX_MARKET_BASE_URL=base_url,
            YANDEX_MARKET_DEMO_420="1",
            SUPPORT_BOT_STATE=str(Path(scratch) / "support-bot-state.json"),
            NOTIFICATION_BOT_INBOX=str(Path(scratch) / "notifications.sqlite3"),
            NOTIFICATION_ALLOWED_NETWORKS="127.0.0.0/8",
        )
        for example in EXAMPLES:
            print(f"\n$ python examples/{example.name}")
            code = subprocess.run([sys.executable, str(example)], env=env, check=False).returncode
            if code:
                return code
        return notification_demo(env)


if __name__ == "__main__":
    sys.exit(main())
