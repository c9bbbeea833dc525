"""Calls of the published API's chat operations to a loopback server (tests/loopback.py): the
bodies, a call of one operation module, a client that does not retry, a limiter that acts while it
hands out a place. It names operations and models of the published spec, so only suites that do not
run on the renamed copy of the spec (tests/renamed_spec.py) import it."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from conftest import FAKE_KEY
from conftest import call as call_module
from yandex_market_chat import AuthenticatedClient, RateLimiter
from yandex_market_chat.api.chats import create_chat
from yandex_market_chat.models import (
    ChatContextDTO,
    ChatContextIdentifiableType,
    CreateChatRequest,
    SendMessageToChatRequest,
)

MESSAGE = SendMessageToChatRequest(message="hello")
CREATE = CreateChatRequest(context=ChatContextDTO(type_=ChatContextIdentifiableType.ORDER, id=42))
OK = b'{"status":"OK"}'


def call(mode: str, module: Any, client: AuthenticatedClient, **kwargs: Any) -> Any:
    """One call of an operation module, the sync or the async way."""
    kwargs.setdefault("body", CREATE if module is create_chat else MESSAGE)
    if module is not create_chat:
        kwargs.setdefault("chat_id", 7)
    return call_module(mode, module, business_id=1, client=client, **kwargs)


def raw_client(url: str, **options: Any) -> AuthenticatedClient:
    """A client of the server at `url` that does not retry (unless `options` say so)."""
    options.setdefault("max_retries", 0)
    return AuthenticatedClient(token=FAKE_KEY, base_url=url, **options)


class ActingLimiter(RateLimiter):
    """A limiter that does something to the call (`act`) just as it hands the call its place: what
    may happen while a call waits for one."""

    def __init__(self, act: Callable[[], object]) -> None:
        super().__init__()
        self.act = act

    def acquire(self, *args: Any, **kwargs: Any) -> Any:
        place = super().acquire(*args, **kwargs)
        self.act()
        return place

    async def aacquire(self, *args: Any, **kwargs: Any) -> Any:
        place = await super().aacquire(*args, **kwargs)
        done = self.act()
        if asyncio.iscoroutine(done):
            await done
        return place
