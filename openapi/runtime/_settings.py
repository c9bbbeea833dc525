"""The client's settings: their defaults, the environment variables read, and their checks.

Both the low-level AuthenticatedClient (_client.py) and the client objects (_client_objects.py)
take their settings through here; each check names the argument and never shows a header's
value (it may be a key).
"""

from __future__ import annotations

import logging
import os
import re
import sys
import warnings
from collections.abc import Mapping
from urllib.parse import urlsplit

import httpx

from .errors import InvalidRequestError

DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=10.0)
"""Finite by default: the service itself gives up on a request after 10 s."""
MAX_TIMEOUT = 86_400.0
"""The longest timeout (each part) taken: a day. A longer one is refused by name (the socket layer
would fail on it with OverflowError only once the call is made)."""
DEFAULT_MAX_RETRIES = 2
DEFAULT_MAX_RATE_LIMIT_WAIT = 60.0
"""Seconds: a rate-limit wait longer than this raises RateLimitError instead of sleeping."""

ENV_API_KEY = "YANDEX_MARKET_API_KEY"
ENV_BASE_URL = "YANDEX_MARKET_BASE_URL"
ENV_OAUTH_TOKEN = "YANDEX_MARKET_OAUTH_TOKEN"
ENV_LOG = "YANDEX_MARKET_LOG"
LOG_LEVELS = ("DEBUG", "INFO")

logger = logging.getLogger("yandex_market_chat")


def check_key(value: object, name: str) -> str:
    """The key as given, or InvalidRequestError naming `name` (never showing the key): it must be
    non-empty printable ASCII without surrounding whitespace, as an HTTP header value."""
    if not isinstance(value, str) or not value:
        raise InvalidRequestError(name, "must be a non-empty string")
    if value != value.strip():
        raise InvalidRequestError(name, "must not start or end with whitespace")
    if not value.isascii() or not value.isprintable():
        raise InvalidRequestError(name, "must be printable ASCII (no control characters, no CR or LF)")
    return value


def check_integration(value: str | None) -> None:
    if value is not None and not check_header_value(value, "integration"):
        raise InvalidRequestError("integration", "must be a non-empty '<name>/<version>' in printable ASCII")


_HEADER_NAME = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")
"""An HTTP header name (a token, RFC 9110)."""


def check_header_value(value: object, name: str) -> str:
    """A header value this client can send: a str of printable ASCII (spaces inside allowed), else
    InvalidRequestError naming `name`, never showing the value (it may be a key). The HTTP layer
    would refuse it only while sending, after a place and a budget unit were taken."""
    if not isinstance(value, str):
        raise InvalidRequestError(name, f"must be a str, not {type(value).__name__}")
    if not value.isascii() or not value.isprintable():
        raise InvalidRequestError(
            name, "must be printable ASCII (no CR, LF, tab or other control characters)"
        )
    if value != value.strip():
        raise InvalidRequestError(name, "must not start or end with a space")
    return value


def header_dict(headers: object, name: str) -> dict[str, str]:
    """`headers` (None: none) as a new dict, once check_headers() accepts it; anything but a
    mapping is InvalidRequestError naming `name`, as every other argument of the wrong type is."""
    if headers is None:
        return {}
    if not isinstance(headers, Mapping):
        raise InvalidRequestError(
            name, f"must be a mapping of header names to str values, not {type(headers).__name__}"
        )
    check_headers(headers, name)
    return dict(headers)


def check_headers(headers: Mapping[str, str], name: str) -> None:
    """Every header of `headers` a valid name with a value check_header_value() accepts."""
    for header, value in headers.items():
        if not isinstance(header, str) or not _HEADER_NAME.fullmatch(header):
            raise InvalidRequestError(name, f"has a header name that is not a valid HTTP token: {header!r}")
        check_header_value(value, f"{name}[{header!r}]")


def check_header_name(value: str, name: str) -> None:
    if not isinstance(value, str) or not _HEADER_NAME.fullmatch(value):
        raise InvalidRequestError(name, "must be a valid HTTP header name")


def merge_headers(
    headers: dict[str, str], more: Mapping[str, str], *, replace: bool = True
) -> dict[str, str]:
    """`headers` with those of `more` added, names compared without regard to case (as HTTP does):
    a header already there is replaced (kept, with replace=False), so none is ever sent twice."""
    if not more:
        return headers
    names = {name.lower(): name for name in headers}
    for name, value in more.items():
        there = names.get(name.lower())
        if there is not None:
            if not replace:
                continue
            del headers[there]
        headers[name] = value
        names[name.lower()] = name
    return headers


def to_timeout(value: httpx.Timeout | float | None) -> httpx.Timeout:
    """The timeout as an httpx.Timeout with every part finite: None, or a part left None, takes
    the default's (never unlimited); a part that is not a positive finite number is refused."""
    if value is None:
        return DEFAULT_TIMEOUT
    if isinstance(value, bool) or not isinstance(value, httpx.Timeout | int | float):
        raise InvalidRequestError(
            "timeout", f"must be seconds or an httpx.Timeout, not {type(value).__name__}"
        )
    timeout = value if isinstance(value, httpx.Timeout) else httpx.Timeout(float(value))
    parts = {}
    for part in ("connect", "read", "write", "pool"):
        seconds = getattr(timeout, part)
        if seconds is None:
            seconds = getattr(DEFAULT_TIMEOUT, part)
        if not 0 < seconds <= MAX_TIMEOUT:
            raise InvalidRequestError(
                "timeout", f"must be a positive number of seconds, at most {MAX_TIMEOUT:g}, got {seconds!r}"
            )
        parts[part] = seconds
    if isinstance(value, httpx.Timeout) and all(getattr(value, k) == v for k, v in parts.items()):
        return value
    return httpx.Timeout(**parts)


def check_max_retries(value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidRequestError("max_retries", f"must be an int, not {type(value).__name__}")
    if value < 0:
        raise InvalidRequestError("max_retries", f"must be 0 or more, got {value}")


def check_max_wait(value: float) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise InvalidRequestError("max_rate_limit_wait", f"must be seconds, not {type(value).__name__}")
    if not value >= 0:
        raise InvalidRequestError("max_rate_limit_wait", f"must be 0 or more seconds, got {value!r}")


def check_base_url(value: object, name: str = "base_url", paths_start: str = "") -> str:
    """An http(s) URL with a host, no query or fragment and no whitespace or control characters, or
    InvalidRequestError naming `name`. Its path may be a proxy's prefix, but may not end in a
    leading part of `paths_start` (what every path of the API starts with, `/v2/businesses`): the
    path is appended, so `http://host/v2` would send `/v2/v2/...`."""
    if isinstance(value, str) and (not value.isprintable() or any(char.isspace() for char in value)):
        raise InvalidRequestError(name, f"must not contain whitespace or control characters, got {value!r}")
    parts = urlsplit(value) if isinstance(value, str) else None
    if parts is None or parts.scheme not in ("http", "https") or not parts.hostname:
        raise InvalidRequestError(name, f"must be an http:// or https:// URL with a host, got {value!r}")
    if "?" in str(value) or "#" in str(value):  # the path is appended: it would land in the query
        raise InvalidRequestError(name, f"must not have a query or a fragment (? or #), got {value!r}")
    path = parts.path.rstrip("/")
    segments = paths_start.strip("/").split("/") if paths_start else []
    for count in range(len(segments), 0, -1):
        doubled = "/" + "/".join(segments[:count])
        if path.endswith(doubled):
            fixed = str(value).rstrip("/")[: -len(doubled)]
            raise InvalidRequestError(
                name, f"ends in {doubled}, which every path of the API already starts with: use {fixed!r}"
            )
    return str(value)


def configure_logging_from_env() -> None:
    """YANDEX_MARKET_LOG=debug|info sends the package's log to stderr, without code; any other
    value is reported once with a warning."""
    raw = os.environ.get(ENV_LOG, "").strip()
    level = raw.upper()
    if not raw:
        return
    if level not in LOG_LEVELS:
        if raw not in _warned_log_values:
            _warned_log_values.add(raw)
            warnings.warn(
                f"{ENV_LOG}={raw!r} is not one of {', '.join(v.lower() for v in LOG_LEVELS)}: ignored",
                RuntimeWarning,
                stacklevel=4,
            )
        return
    logger.setLevel(level)
    if not any(getattr(h, "_yandex_market_chat", False) for h in logger.handlers):
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
        handler._yandex_market_chat = True  # type: ignore[attr-defined]
        logger.addHandler(handler)


_warned_log_values: set[str] = set()
