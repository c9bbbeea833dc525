"""One process of a shared-budget test: make `calls` calls through a client whose HourlyBudget lives
in a SQLite file or in Redis, and print how many were sent and how many the budget refused.

python budget_worker.py MODE BASE_URL STORE WHERE KEY_PREFIX CALLS
  MODE: sync | async; STORE: sqlite (WHERE is the file) | redis (WHERE is the URL).
"""

from __future__ import annotations

import asyncio
import json
import sys

from yandex_market_chat import AuthenticatedClient, RateLimitError
from yandex_market_chat._budget import HourlyBudget
from yandex_market_chat._limits import RateLimiter
from yandex_market_chat.api.chats import send_message_to_chat
from yandex_market_chat.models import SendMessageToChatRequest

LIMIT = 6


def main() -> None:
    mode, base_url, store, where, key_prefix, calls = sys.argv[1:7]
    if store == "sqlite":
        budget = HourlyBudget.sqlite(where, LIMIT)
    else:
        budget = HourlyBudget.redis(where, LIMIT, key_prefix=key_prefix)
    client = AuthenticatedClient(
        token="fake-api-key-for-ratelimit-tests-0000",
        base_url=base_url,
        max_rate_limit_wait=1.0,
        rate_limiter=RateLimiter(budget=budget),
    )
    body = SendMessageToChatRequest(message="hello")
    outcome = {"sent": 0, "refused": 0}

    def note(call: object) -> None:
        outcome["sent" if call is not None else "refused"] += 1

    if mode == "sync":
        for _ in range(int(calls)):
            try:
                note(send_message_to_chat.sync(1, client=client, chat_id=7, body=body))
            except RateLimitError:
                note(None)
        client.close()
    else:

        async def run() -> None:
            for _ in range(int(calls)):
                try:
                    note(await send_message_to_chat.asyncio(1, client=client, chat_id=7, body=body))
                except RateLimitError:
                    note(None)
            await client.aclose()

        asyncio.run(run())
    budget.close()
    print(json.dumps(outcome))


if __name__ == "__main__":
    main()
