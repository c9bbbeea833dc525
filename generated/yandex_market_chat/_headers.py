"""The service's rate-limit headers, read in one place.

Every answer carries `X-RateLimit-Resource-Limit`, `X-RateLimit-Resource-Remaining` and
`X-RateLimit-Resource-Until` (an RFC 822 date: when the method's window resets); a proxy may add
`Retry-After`. errors, _pipeline, _limits and types all read them through this module.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Mapping
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

LIMIT = "X-RateLimit-Resource-Limit"
REMAINING = "X-RateLimit-Resource-Remaining"
UNTIL = "X-RateLimit-Resource-Until"
RETRY_AFTER = "Retry-After"

logger = logging.getLogger("yandex_market_chat")
_warned: set[str] = set()
"""The headers whose unreadable date was logged: once per process and header."""


def header_int(headers: Mapping[str, str], name: str) -> int | None:
    """An integer header such as X-RateLimit-Resource-Remaining; None when missing or unreadable."""
    return as_int(headers.get(name))


def as_int(value: str | None) -> int | None:
    """An integer header's value read; None when missing or unreadable."""
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


@functools.lru_cache(maxsize=64)
def http_date(value: str) -> datetime | None:
    """An RFC 822 date as an aware datetime in UTC, or None. Cached: every answer of one window carries
    the same X-RateLimit-Resource-Until, and parsing it is most of what reading limits costs."""
    try:
        moment = parsedate_to_datetime(value)
        # In UTC, so that no later arithmetic meets an offset that takes it past year 9999.
        return moment.astimezone(UTC) if moment.tzinfo else moment.replace(tzinfo=UTC)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def reset_at(headers: Mapping[str, str], now: datetime | None = None) -> datetime | None:
    """When a rate-limit window resets: `X-RateLimit-Resource-Until` (RFC 822), else `Retry-After`
    (seconds or an HTTP date); None when neither can be read (`Retry-After: inf` included)."""
    until = headers.get(UNTIL)
    if until:
        moment = http_date(until)
        if moment is not None:
            return moment
        _unreadable(UNTIL, until)
    retry_after = headers.get(RETRY_AFTER)
    if retry_after:
        now = now or datetime.now(UTC)
        try:
            return datetime.fromtimestamp(now.timestamp() + float(retry_after), UTC)
        except (OverflowError, OSError):
            return None  # "inf", "1e308": no usable moment
        except ValueError:
            moment = http_date(retry_after)
            if moment is None:
                _unreadable(RETRY_AFTER, retry_after)
            return moment
    return None


def _unreadable(header: str, value: str) -> None:
    """Log once per process and header, at warning level, a date this client cannot read: it is
    treated as missing (the retry backs off instead of waiting for the window)."""
    if header not in _warned:
        _warned.add(header)
        logger.warning(
            "%s: %r is not an RFC 822 date (such as 'Thu, 10 Jul 2025 00:42:42 GMT'); treated as "
            "missing: the client backs off instead (logged once)",
            header,
            value[:64],
        )
