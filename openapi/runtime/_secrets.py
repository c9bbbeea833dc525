"""What counts as a secret, and how it is hidden: the one home of both.

A secret is the value of a header that can carry the key (SENSITIVE_HEADERS, and the client's own
`auth_header_name`). It never shows in a repr, an error message or a log line, and it never
follows a redirect to another origin.
"""

from __future__ import annotations

from collections.abc import Mapping, MutableMapping

SENSITIVE_HEADERS = frozenset({"api-key", "authorization", "proxy-authorization", "cookie"})
"""Headers whose values are never shown (repr, errors), whichever of them carries the key."""

PREVIEW_BYTES = 200
"""How much of a body an error message shows."""


def sent_secrets(headers: Mapping[str, str]) -> tuple[str, ...]:
    """The values a request carried in its sensitive headers (the key, bare and as sent), longest
    first: an answer that echoes them must not put them in an error message."""
    found: list[str] = []
    for name, value in headers.items():
        if name.lower() in SENSITIVE_HEADERS and value:
            found += [value, value.rpartition(" ")[2]]
    return tuple(sorted({each for each in found if each}, key=len, reverse=True))


def hidden(text: str, secrets: tuple[str, ...]) -> str:
    """`text` with every one of `secrets` replaced by <hidden>."""
    for secret in secrets:
        text = text.replace(secret, "<hidden>")
    return text


def preview(body: bytes, secrets: tuple[str, ...]) -> str:
    """The start of `body` as text, the secrets masked BEFORE it is cut: a key that straddles the
    cut must not keep its first part. (The bytes read reach past the cut by the longest secret,
    so any secret that starts before the cut is whole when it is masked.)"""
    reach = max((len(secret.encode()) for secret in secrets), default=0)
    text = hidden(body[: PREVIEW_BYTES + reach].decode(errors="replace"), secrets)
    cut = text.encode()[:PREVIEW_BYTES]
    return cut.decode(errors="ignore")


def without_key(text: str, key: str) -> str:
    """`text` with the key taken out, whatever put it there."""
    return text.replace(key, "<the key>") if key in text else text


def masked_headers(headers: Mapping[str, str]) -> str:
    """Headers for repr(): the values of those that can carry a key replaced."""
    return repr({k: "***" if k.lower() in SENSITIVE_HEADERS else v for k, v in headers.items()})


def drop_credentials(headers: MutableMapping[str, str], auth_header_name: str) -> None:
    """Take out of `headers` every header that can carry the key (before they go to another origin)."""
    for name in (*SENSITIVE_HEADERS, auth_header_name.lower()):
        headers.pop(name, None)
