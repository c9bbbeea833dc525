"""Client-side rate limits. (Placeholder: limits nothing yet; see the rate-limit issue.)"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator, Mapping
from contextlib import asynccontextmanager, contextmanager
from typing import Any


class RateLimiter:
    """Keeps requests within the service's limits, shared by every call through one client."""

    @contextmanager
    def slot(self, scope: object, operation: str, max_wait: float) -> Iterator[None]:
        yield

    @asynccontextmanager
    async def aslot(
        self, scope: object, operation: str, max_wait: float
    ) -> AsyncIterator[None]:
        yield

    def observe(
        self, scope: object, operation: str, headers: Mapping[str, str]
    ) -> None:
        return None

    def snapshot(self) -> dict[str, Any]:
        return {}
