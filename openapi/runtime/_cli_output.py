"""The command line's output: the answer as JSON on stdout, errors on stderr (as text naming the
option or environment variable, or as JSON with --json-errors), and the exit status of each kind of
outcome (EXIT_CODES, _cli_args.py).
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Mapping, Sequence
from typing import Any, TextIO

from ._cli_args import EXIT_CODES, FILE_OPTIONS, GLOBAL_OPTIONS, option
from ._settings import ENV_API_KEY, ENV_BASE_URL
from .errors import (
    APIConnectionError,
    APIStatusError,
    InvalidRequestError,
    RateLimitError,
    ResponseValidationError,
)


def _to_json(value: Any) -> Any:
    to_dict = getattr(value, "to_dict", None)
    return to_dict() if callable(to_dict) else value


def print_json(value: Any, out: TextIO) -> None:
    """One JSON text and a newline, flushed (a failing stdout is found at once, not at exit). Where
    the stream's encoding cannot hold a character (an emoji on a cp1251 console), the JSON escapes
    it (`\\ud83d\\ude00`): the same value, still valid JSON."""
    data = _to_json(value)
    text = json.dumps(data, ensure_ascii=False, default=str)
    try:
        text.encode(getattr(out, "encoding", None) or "utf-8")
    except (UnicodeEncodeError, LookupError):
        text = json.dumps(data, ensure_ascii=True, default=str)
    out.write(text + "\n")
    out.flush()


def say(err: TextIO, text: str) -> None:
    """A line to stderr that cannot fail: characters its encoding lacks are escaped, and a stderr
    that is gone is given up on."""
    encoding = getattr(err, "encoding", None) or "utf-8"
    try:
        try:
            text.encode(encoding)
        except (UnicodeEncodeError, LookupError):
            text = text.encode("ascii", "backslashreplace").decode("ascii")
        err.write(text)
        err.flush()
    except (OSError, ValueError):
        pass


class Errors:
    """Where errors go: stderr, as text (`error: ...`, `note: ...`) or, with --json-errors, as one
    JSON object per error: {"error": {"type", "detail" (the text), "exit_status", "option"?, "status_code"?,
    "may_have_been_delivered", "delivered"}}."""

    def __init__(self, err: TextIO, as_json: bool) -> None:
        self.err, self.as_json = err, as_json

    def report(self, kind: str, message: str, status: int, notes: Sequence[str] = (), **facts: Any) -> int:
        if self.as_json:
            record = {"type": kind, "detail": message, "exit_status": status, **facts}
            say(self.err, json.dumps({"error": record}, ensure_ascii=False) + "\n")
        else:
            say(
                self.err,
                f"error: {message}\n" if kind in ("UsageError", "OSError") else f"error: {kind}: {message}\n",
            )
            for note in notes:
                say(self.err, f"note: {note}\n")
        return status


def unwritten(error: OSError, operation: Mapping[str, Any], out: TextIO, errors: Errors) -> int:
    """stdout failed after the service answered: say so (unless the reader just left, `| head`),
    and that a request that is not safe to repeat was delivered."""
    if out is sys.stdout:  # the interpreter flushes stdout again at exit: let that go nowhere
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, out.fileno())
            os.close(devnull)
        except (OSError, ValueError):
            pass
    status = EXIT_CODES["answered, but the answer could not be written"]
    delivered = not operation["idempotent"]
    notes = ["the request was delivered (the service answered it); do not send it again"] if delivered else []
    if isinstance(error, BrokenPipeError):  # the reader left (`| head`): nothing to say but the note
        for note in notes:
            say(errors.err, f"note: {note}\n")
        return status
    message = f"the answer could not be written to stdout: {error}"
    return errors.report("OSError", message, status, notes, may_have_been_delivered=True, delivered=delivered)


def where(field: str, operation: Mapping[str, Any] | None) -> str:
    """An argument's name as the shell knows it: its option (and environment variable), or the
    environment variable of the key."""
    if field == "api_key":
        return ENV_API_KEY
    head = re.split(r"[.\[]", field, maxsplit=1)[0]  # `context.type`, `statuses[0]`: the argument
    rest = field[len(head) :]
    if head in GLOBAL_OPTIONS:
        return GLOBAL_OPTIONS[head] + (f" (or {ENV_BASE_URL})" if head == "base_url" else "") + rest
    for argument in (operation or {}).get("arguments", []):
        if argument["name"] == head:
            env = argument["client_default"]
            return option(head) + (f" (or {env})" if env else "") + (f": {rest.lstrip('.')}" if rest else "")
    if head in FILE_OPTIONS:
        return option(head) + rest
    return field


def shell_problem(problem: str) -> str:
    """The problem without the Python advice ("pass business_id=... to the call ..."): the name
    in front of it says where the value comes from."""
    return re.sub(r"^is required: pass .*$", "is required", problem)


def report(error: BaseException, operation: Mapping[str, Any] | None, errors: Errors) -> int:
    delivered = bool(getattr(error, "may_have_been_delivered", False))
    notes = (
        ["the request may already have been delivered; check before sending it again"] if delivered else []
    )
    facts: dict[str, Any] = {"may_have_been_delivered": delivered}
    message = str(error)
    if isinstance(error, InvalidRequestError):
        named = where(error.field, operation)
        facts["option"] = named
        problem = shell_problem(error.problem)
        if error.field == "api_key" and problem == "is required":
            problem = "is not set: the key is read from the environment only"
        message = f"{named} {problem}"
        status = EXIT_CODES["invalid input"]
    elif isinstance(error, RateLimitError):
        status = EXIT_CODES["rate limit"]
    elif isinstance(error, APIStatusError):
        status = EXIT_CODES["API error"]
    elif isinstance(error, APIConnectionError):
        status = EXIT_CODES["connection"]
    elif isinstance(error, ResponseValidationError):
        status = EXIT_CODES["answer does not fit the spec"]
    else:
        status = EXIT_CODES["error"]
    if isinstance(error, APIStatusError):
        facts["status_code"] = error.status_code
    return errors.report(type(error).__name__, message, status, notes, **facts)
