"""The chat operations the notification bot calls, read from the chat spec's vendor extensions, so
that the bot (runtime/_worker.py, runtime/_catch_up.py) names no operation the spec could rename:

- `x-notification-context: <notification type>` on an operation that reads one chat: when the bot
  handles a notification of that type it calls the operation once for the notification's chat and
  keeps its answer's `result` as the chat's context (getChat, for CHAT_CREATED);
- `x-catch-up: chats` on the operation that lists the chats waiting for the seller (getChats), and
  `x-catch-up: history` on the one that reads a chat's messages (getChatHistory): the bot's
  catch-up, and `answered_after`.

Each notification type and each catch-up role names at most one operation. The client objects carry
the result as Python method names (render/client.py.jinja: `_NOTIFICATION_CALLS`), and the bot reads
it from the client it is given: no runtime module imports a generated one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from codegen.spec import GenerationError, operations

CONTEXT = "x-notification-context"
CATCH_UP = "x-catch-up"
CATCH_UP_ROLES = ("chats", "history")


@dataclass(frozen=True)
class NotificationCalls:
    """Python method names of the client objects, by what the bot calls them for."""

    context: dict[str, str] = field(default_factory=dict)
    """Notification type -> the method whose answer is the chat's context."""
    catch_up: dict[str, str] = field(default_factory=dict)
    """Catch-up role (`chats`, `history`) -> the method."""

    def as_data(self) -> dict[str, dict[str, str]]:
        """What the client objects carry: plain dicts, sorted (the rendered text does not vary)."""
        return {
            name: dict(sorted(calls.items()))
            for name, calls in (("context", self.context), ("catch_up", self.catch_up))
        }


def read(
    spec: Mapping[str, Any], method_names: Mapping[str, str], notification_types: Sequence[str] = ()
) -> NotificationCalls:
    """The operations marked for the bot; `method_names`: operationId -> the client objects' method.
    `notification_types`: the types the notification spec has (when given, a context names one)."""
    calls = NotificationCalls()
    for path, method, operation, _ in operations(spec):
        where = f"paths/{path}/{method}"
        name = method_names[operation["operationId"]]
        for key, role, choices, found in (
            (CONTEXT, operation.get(CONTEXT), notification_types, calls.context),
            (CATCH_UP, operation.get(CATCH_UP), CATCH_UP_ROLES, calls.catch_up),
        ):
            if role is None:
                continue
            if not isinstance(role, str) or (choices and role not in choices):
                expected = ", ".join(choices) if choices else "a notification type"
                raise GenerationError(f"{where}/{key}: {role!r} is not one of: {expected}")
            if role in found:
                raise GenerationError(f"{where}/{key}: {role} is marked on two operations")
            found[role] = name
    return calls
