"""The service's rate-limit headers, read in one place.

Every answer carries `X-RateLimit-Resource-Limit`, `X-RateLimit-Resource-Remaining` and
`X-RateLimit-Resource-Until` (an RFC 822 date: when the method's window resets); a proxy may add
`Retry-After`. errors, _pipeline, _limits and types all read them through this module.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

LIMIT = "X-RateLimit-Resource-Limit"
REMAINING = "X-RateLimit-Resource-Remaining"
UNTIL = "X-RateLimit-Resource-Until"
RETRY_AFTER = "Retry-After"


def header_int(headers: Mapping[str, str], name: str) -> int | None:
    """An integer header such as X-RateLimit-Resource-Remaining; None when missing or unreadable."""
    try:
        return int(headers[name])
    except (KeyError, ValueError):
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
    retry_after = headers.get(RETRY_AFTER)
    if retry_after:
        now = now or datetime.now(UTC)
        try:
            return datetime.fromtimestamp(now.timestamp() + float(retry_after), UTC)
        except (OverflowError, OSError):
            return None  # "inf", "1e308": no usable moment
        except ValueError:
            return http_date(retry_after)
    return None
