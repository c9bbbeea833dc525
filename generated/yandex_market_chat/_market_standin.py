"""The Market stand-in: send a notification to your endpoint as the Market would, before you
register it in the seller cabinet.

    yandex-market-chat notify https://bot.example.com --type PING
    yandex-market-chat notify https://bot.example.com --type CHAT_MESSAGE_SENT \\
        --chat-id 1 --message-id 2 --business-id 3 --scale 0.001

What the Market does, and so the stand-in (the facts: the notification API's description and
its docs): it POSTs the JSON body to `<the URL registered in the cabinet>/notification` with
`Content-Type: application/json` and no credentials at all; it waits 1 s for an answer to a PING
and 10 s for any other notification; it accepts only a 200 with `Content-Type: application/json`
(for a PING a body with `version`, `name` and `time`); a 400 means "a malformed notification" and
is never sent again; anything else (another status, no answer in time, a wrong content type, a
PING answer without its fields) is a failure, repeated every minute for the first hour, every 15
minutes for the rest of the first day, then every hour, until 14 days after the first attempt.
`scale` shrinks that schedule (0.001: a minute becomes 60 ms) so an endpoint's retries can be
watched in seconds; the timeouts are not scaled. A PING is sent once: a PING that fails keeps the
integration from being enabled, and the seller saves it again. The Market itself sends only to
https:// with a certificate from an official CA; the stand-in speaks http:// too, for a receiver
on your own machine.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Any, TextIO

import httpx

__all__ = ["Attempt", "build_body", "judge", "retry_offsets", "send_notification"]

PING_TIMEOUT = 1.0
"""Seconds the Market waits for the answer to a PING."""
TIMEOUT = 10.0
"""Seconds the Market waits for the answer to any other notification."""
PATH = "/notification"
"""What the Market appends to the URL registered in the seller cabinet."""

Payloads = Mapping[str, Mapping[str, tuple[str, bool]]]
"""Each notification type's fields from the notification spec (`notifications.PAYLOAD_FIELDS`):
wire name -> (kind, required); kinds: integer, number, boolean, string, date-time, decimal (a
string of digits), array and object (JSON)."""

_DATE_TIME = re.compile(r"\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})")
"""RFC 3339 date-time, as the notification API's `format: date-time`."""


def retry_offsets(scale: float = 1.0) -> list[float]:
    """Seconds after the first attempt at which the Market sends a failed notification again:
    every minute for the first hour, every 15 minutes until a day has passed, then every hour
    until 14 days have passed; times `scale`."""
    minute, hour, day = 60, 3600, 86400
    offsets = list(range(minute, hour + 1, minute))
    offsets += range(hour + 15 * minute, day + 1, 15 * minute)
    offsets += range(day + hour, 14 * day + 1, hour)
    return [offset * scale for offset in offsets]


def _camel_to_option(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "-", name).lower()


def build_body(
    notification_type: str, values: Mapping[str, str], payloads: Payloads, now: datetime | None = None
) -> bytes:
    """The JSON body of a notification of `notification_type` from its fields' values as text
    (wire names), each checked as its kind; a date-time not given is the current moment."""
    fields = payloads.get(notification_type)
    if fields is None:
        raise ValueError(f"no notification type {notification_type!r}; one of: {', '.join(payloads)}")
    stamp = (now or datetime.now(UTC)).isoformat(timespec="milliseconds").replace("+00:00", "Z")
    unknown = sorted(set(values) - set(fields))
    if unknown:
        options = ", ".join("--" + _camel_to_option(name) for name in unknown)
        raise ValueError(f"{notification_type} has no {options}")
    body: dict[str, Any] = {"notificationType": notification_type}
    for name, (kind, required) in fields.items():
        option = "--" + _camel_to_option(name)
        given = values.get(name)
        if given is None:
            if kind == "date-time":
                body[name] = stamp
            elif required:
                raise ValueError(f"{notification_type} needs {option}")
            continue
        body[name] = _value(kind, given, option)
    return json.dumps(body, ensure_ascii=False).encode()


def _value(kind: str, given: str, option: str) -> Any:
    """An option's text as the JSON value of its field's kind."""
    if kind == "integer":
        if not re.fullmatch(r"-?\d+", given):
            raise ValueError(f"{option} must be an integer, not {given!r}")
        return int(given)
    if kind == "decimal" and not re.fullmatch(r"\d+", given):
        raise ValueError(f"{option} must be a number written with digits, not {given!r}")
    if kind == "date-time" and not _DATE_TIME.fullmatch(given):
        raise ValueError(f"{option} must be a date-time such as 2025-01-01T00:00:00Z, not {given!r}")
    if kind in ("number", "boolean", "array", "object"):
        try:
            return json.loads(given)
        except ValueError:
            raise ValueError(f"{option} must be JSON ({kind}), not {given!r}") from None
    return given


def judge(notification_type: str, status: int, content_type: str, body: bytes) -> str:
    """What the Market would object to in this answer ("" when it accepts it)."""
    if status != 200:
        if status == 400:
            return "400: the endpoint refused it as malformed; the Market does not send it again"
        return f"status {status}: the Market counts every answer but 200 and 400 as a failure"
    media_type = content_type.split(";", 1)[0].strip().lower()
    if media_type != "application/json":
        return f"Content-Type {content_type or '(none)'!r}, not application/json (UNSUPPORTED_MEDIA_TYPE)"
    if notification_type != "PING":
        return ""
    try:
        answer = json.loads(body)
    except ValueError:
        return "the answer to the PING is not JSON (CANT_PARSE_RESPONSE)"
    if not isinstance(answer, dict):
        return "the answer to the PING is not a JSON object (CANT_PARSE_RESPONSE)"
    for name in ("version", "name"):
        value = answer.get(name)
        if not isinstance(value, str) or not 1 <= len(value) <= 100:
            return f"the answer to the PING needs {name}, a string of 1 to 100 characters (INVALID_DATA)"
    stamp = answer.get("time")
    if not isinstance(stamp, str) or not _DATE_TIME.fullmatch(stamp):
        return "the answer to the PING needs time, a date-time (INVALID_DATA)"
    return ""


@dataclass(frozen=True, slots=True)
class Attempt:
    """One delivery of the notification and what came of it."""

    number: int
    """1 for the first delivery."""
    at: float
    """When it was due by the (scaled) schedule, in seconds after the first one."""
    status: int | None
    """The answer's status; None when there was no answer (refused, timed out)."""
    accepted: bool
    """The Market would take this answer as a delivery."""
    problem: str
    """Why not ("" when accepted)."""
    seconds: float
    """How long the answer took."""


def send_notification(
    base_url: str,
    body: bytes,
    *,
    scale: float = 1.0,
    max_attempts: int | None = None,
    report: Callable[[Attempt], None] | None = None,
) -> list[Attempt]:
    """POST `body` to `base_url` + "/notification" as the Market would, repeating it on the
    Market's schedule (times `scale`) until it is accepted, answered 400, or the schedule (or
    `max_attempts`) runs out; every attempt, each also given to `report` as it happens."""
    if scale < 0:
        raise ValueError(f"scale must be 0 or more, not {scale!r}")
    if not re.match(r"https?://[^/?#]+", base_url):
        raise ValueError(f"the URL must be http(s)://host[:port][/path], not {base_url!r}")
    try:
        notification_type = json.loads(body).get("notificationType")
    except (ValueError, AttributeError):
        notification_type = None  # a malformed body is sent as it is: the endpoint must answer 400
    ping = notification_type == "PING"
    timeout = PING_TIMEOUT if ping else TIMEOUT
    schedule = [0.0] if ping else [0.0, *retry_offsets(scale)]
    if max_attempts is not None:
        schedule = schedule[: max(1, max_attempts)]
    url = base_url.rstrip("/") + PATH
    attempts: list[Attempt] = []
    # No credentials, no cookies, no redirects followed, no proxy from the environment: the Market's
    # request is the body and its content type.
    with httpx.Client(timeout=timeout, follow_redirects=False, trust_env=False) as client:
        started = time.monotonic()
        for number, at in enumerate(schedule, 1):
            time.sleep(max(0.0, started + at - time.monotonic()))
            sent = time.monotonic()
            status: int | None = None
            try:
                answer = client.post(url, content=body, headers={"Content-Type": "application/json"})
                status = answer.status_code
                problem = judge(
                    notification_type or "", status, answer.headers.get("content-type", ""), answer.content
                )
            except httpx.TimeoutException:
                problem = f"no answer within {timeout:g} s"
            except httpx.HTTPError as exc:
                problem = f"no answer: {type(exc).__name__}: {exc}"
            took = time.monotonic() - sent
            if not problem and took > timeout:
                problem = f"answered in {took:.1f} s, longer than the Market waits ({timeout:g} s)"
            attempt = Attempt(number, at, status, not problem, problem, took)
            attempts.append(attempt)
            if report is not None:
                report(attempt)
            if attempt.accepted or status == 400:
                break
    return attempts


# --- the `notify` subcommand -----------------------------------------------------------------------


def add_command(commands: Any, payloads: Payloads) -> None:
    """Add `notify` to the command line's subcommands (an argparse subparsers object)."""
    sub = commands.add_parser(
        "notify",
        help="send a notification to your endpoint as the Market would (test it before registering it)",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub.add_argument(
        "endpoint",
        metavar="URL",
        help="the URL you will register in the seller cabinet (the Market adds /notification)",
    )
    what = sub.add_mutually_exclusive_group(required=True)
    what.add_argument("--type", dest="notify_type", choices=list(payloads), help="the notification to build")
    what.add_argument(
        "--body", dest="notify_body", metavar="JSON|-", help="send this body as it is ('-': stdin)"
    )
    fields = sorted({name for payload in payloads.values() for name in payload})
    for name in fields:
        sub.add_argument(
            "--" + _camel_to_option(name), dest=f"field_{name}", metavar=name, help=f"the {name} field"
        )
    sub.add_argument(
        "--scale", type=float, default=1.0, help="the retry schedule times this (0.001: a minute is 60 ms)"
    )
    sub.add_argument(
        "--max-attempts", type=int, help="stop after this many attempts (default: the whole schedule)"
    )
    sub.set_defaults(operation=None, notify_payloads=payloads)


def run_command(args: argparse.Namespace, out: TextIO, err: TextIO, stdin: TextIO | None = None) -> int:
    """Run `notify`: one JSON line per attempt on `out`; 0 when the endpoint answered as the Market
    expects, 1 when it did not, 2 for invalid input (nothing sent)."""
    if args.notify_body is not None:
        text = (stdin or sys.stdin).read() if args.notify_body == "-" else args.notify_body
        body = text.encode()
    else:
        values = {
            key.removeprefix("field_"): value
            for key, value in vars(args).items()
            if key.startswith("field_") and value is not None
        }
        try:
            body = build_body(args.notify_type, values, args.notify_payloads)
        except ValueError as exc:
            err.write(f"error: {exc}\n")
            return 2

    def show(attempt: Attempt) -> None:
        out.write(json.dumps(asdict(attempt)) + "\n")
        out.flush()

    try:
        attempts = send_notification(
            args.endpoint, body, scale=args.scale, max_attempts=args.max_attempts, report=show
        )
    except ValueError as exc:
        err.write(f"error: {exc}\n")
        return 2
    return 0 if attempts[-1].accepted else 1
