"""Answer models read like Python: an optional field of an answer is `X | None` (absent and `null`
alike, never UNSET), a repr shows the fields that are set, `to_json()` / `from_json()` speak the
wire names, unknown fields are kept; request models still tell "absent" (UNSET) from `null`.

The answers are the spec's own examples, for every documented (operation, status)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import UnionType
from typing import Any, Union, get_args, get_origin, get_type_hints

import attrs
import pytest
from spec_support import OPERATIONS, PAIRS, SPEC, each_pair, flatten, model_class, smallest
from test_readme import BLOCKS, ENVIRONMENT
from yandex_market_chat.models import ChatMessageDTO, GetChatsRequest
from yandex_market_chat.types import UNSET, Unset

NULLABLE_OPTIONAL_ANSWER_FIELDS = [
    ("ChatMessageDTO", "payload", "payload"),
    ("ApiErrorResponse", "errors", "errors"),
]
"""(schema, wire name, Python name) of answer fields the spec declares optional and nullable."""
REQUIRED_FIELDS: dict[str, dict[str, Any]] = {
    "ChatMessageDTO": {"messageId": 1001, "createdAt": "2025-07-10T12:30:00+03:00", "sender": "CUSTOMER"},
    "ApiErrorResponse": {"status": "ERROR"},
}
"""The smallest valid object of each schema above (its required fields, from the spec)."""


def without_nulls(value: Any) -> Any:
    """`value` with every `null` member left out: an answer model reads `null` as absent."""
    if isinstance(value, dict):
        return {key: without_nulls(item) for key, item in value.items() if item is not None}
    if isinstance(value, list):
        return [without_nulls(item) for item in value]
    return value


def types_in(hint: Any) -> Iterator[Any]:
    """Every type a field annotation names, through unions, lists and nested attrs models."""
    seen: set[Any] = set()
    stack = [hint]
    while stack:
        current = stack.pop()
        if current in seen:
            continue
        seen.add(current)
        yield current
        if get_origin(current) in (Union, UnionType, list, dict) or isinstance(current, UnionType):
            stack.extend(get_args(current))
        elif attrs.has(current):
            stack.extend(get_type_hints(current).values())


def answer_example(operation_id: str, status: int) -> tuple[type[Any], Any]:
    operation = OPERATIONS[operation_id]
    return operation.model(status), operation.example_answer(status)


@each_pair
def test_no_answer_type_names_unset(operation_id: str, status: int) -> None:
    """A user reads answers with one "empty" state: no type reachable from an answer is Unset."""
    model, _ = answer_example(operation_id, status)
    assert Unset not in set(types_in(model)), f"{model.__name__} names Unset"


@each_pair
def test_repr_of_an_answer_shows_only_what_is_set(operation_id: str, status: int) -> None:
    model, example = answer_example(operation_id, status)
    shown = repr(model.from_dict(example))
    assert "UNSET" not in shown and "additional_properties" not in shown, shown
    assert shown.startswith(f"{model.__name__}(")


@each_pair
def test_json_round_trip_with_wire_names(operation_id: str, status: int) -> None:
    """`from_json` reads the wire JSON, `to_json` writes it back under the wire names, a field a
    newer server added included (kept in additional_properties and shown by repr)."""
    model, example = answer_example(operation_id, status)
    example["addedByANewerServer"] = {"any": ["value", 1]}
    parsed = model.from_json(json.dumps(example))
    assert parsed.additional_properties == {"addedByANewerServer": {"any": ["value", 1]}}
    assert "addedByANewerServer" in repr(parsed)
    assert json.loads(parsed.to_json()) == without_nulls(example)
    assert json.loads(model.from_json(parsed.to_json()).to_json()) == without_nulls(example)


def test_answers_that_differ_only_in_an_unknown_field_are_not_equal() -> None:
    """== compares the unknown fields too, whether or not they were read yet (they are looked
    for when first read); a model built by hand has none."""
    known = REQUIRED_FIELDS["ChatMessageDTO"]
    plain, newer = ChatMessageDTO.from_dict(known), ChatMessageDTO.from_dict({**known, "addedLater": 1})
    assert plain != newer and ChatMessageDTO.from_dict({**known, "addedLater": 1}) == newer
    assert newer.additional_properties == {"addedLater": 1}
    assert ChatMessageDTO.from_dict({**known, "addedLater": 1}) == newer != plain
    built = ChatMessageDTO(message_id=1001, created_at=plain.created_at, sender=plain.sender)
    assert built == plain and built.additional_properties == {}
    built["addedLater"] = 1
    assert built == newer and built != plain


@pytest.mark.parametrize(("schema", "wire", "python"), NULLABLE_OPTIONAL_ANSWER_FIELDS)
def test_a_nullable_optional_answer_field_reads_none_when_null_or_absent(
    schema: str, wire: str, python: str
) -> None:
    model = model_class(schema)
    absent = model.from_dict(REQUIRED_FIELDS[schema])
    null = model.from_dict({**REQUIRED_FIELDS[schema], wire: None})
    assert getattr(absent, python) is None
    assert getattr(null, python) is None
    assert "None" not in repr(absent) and "None" not in repr(null)


def test_an_optional_answer_field_defaults_to_none() -> None:
    """A message that is only a file: its text reads None (not UNSET, not falsy-but-truthy)."""
    message = ChatMessageDTO.from_dict({**REQUIRED_FIELDS["ChatMessageDTO"], "payload": None})
    assert message.message is None
    assert message.to_dict() == REQUIRED_FIELDS["ChatMessageDTO"]


def answer_schemas() -> list[str]:
    """The spec's component schemas whose models an answer reaches (the answers of every documented
    (operation, status), followed through their fields), that have optional fields."""
    reached = {hint for pair in PAIRS for hint in types_in(OPERATIONS[pair[0]].model(pair[1]))}
    return [
        name
        for name, schema in SPEC["components"]["schemas"].items()
        if set(flatten(schema).get("properties", {})) - set(flatten(schema).get("required", []))
        and model_class(name) in reached
    ]


@pytest.mark.parametrize("schema", answer_schemas())
def test_an_unknown_answer_field_is_kept_whichever_optional_fields_are_there(schema: str) -> None:
    """A field a newer server added lands in additional_properties, and nothing else does, when it
    takes the place of an absent optional field (an object as long as one with every field) and
    next to optional fields sent as `null`."""
    definition = flatten({"$ref": f"#/components/schemas/{schema}"})
    wanted = definition.get("required", ())
    required = {name: smallest(sub) for name, sub in definition["properties"].items() if name in wanted}
    nulls = {name: None for name in definition["properties"] if name not in required}
    newer = {f"addedByANewerServer{number}": number for number in range(len(nulls))}
    model = model_class(schema)
    for body, unknown in (
        ({**required, **newer}, newer),
        ({**required, **nulls, **newer}, newer),
        ({**required, **nulls}, {}),
    ):
        assert model.from_dict(body).additional_properties == unknown, body


def test_request_models_keep_absent_apart_from_null() -> None:
    """GetChatsRequest.orderIds is optional and nullable: absent is UNSET and is not sent, None is
    sent as `null`, and both read back as they were."""
    assert GetChatsRequest().to_dict() == {}
    assert GetChatsRequest(order_ids=None).to_dict() == {"orderIds": None}
    assert GetChatsRequest.from_dict({}).order_ids is UNSET
    assert GetChatsRequest.from_dict({"orderIds": None}).order_ids is None
    assert GetChatsRequest.from_json('{"orderIds": [1]}').to_json() == '{"orderIds": [1]}'
    assert repr(GetChatsRequest(order_ids=None)) == "GetChatsRequest(order_ids=None)"


def test_a_keyword_field_takes_a_trailing_underscore() -> None:
    """`type` on the wire is `type_` in Python (the convention the README documents)."""
    info = model_class("GetChatInfoDTO").from_dict(
        OPERATIONS["getChat"].example_answer(200)["result"]  # the operation whose answer has `type`
    )
    assert info.type_ == "CHAT"
    assert info.to_dict()["type"] == "CHAT"


def test_the_readme_bot_prints_no_unset_for_a_file_only_message(prism_url: str, tmp_path: Path) -> None:
    """The README's first program against the mock, whose getChatHistory example (the spec's) has
    a buyer message that is only a file: its line shows no UNSET."""
    history = OPERATIONS["getChatHistory"].example_answer(200)["result"]["messages"]
    file_only = [m["messageId"] for m in history if m["sender"] == "CUSTOMER" and "message" not in m]
    assert file_only, "the spec's getChatHistory example has no file-only buyer message"
    program = tmp_path / "readme_bot.py"
    program.write_text(BLOCKS[0], encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("YANDEX_MARKET_")}
    env.update(ENVIRONMENT, YANDEX_MARKET_BASE_URL=prism_url)
    ran = subprocess.run(
        [sys.executable, str(program)], env=env, capture_output=True, text=True, timeout=120, cwd=tmp_path
    )
    assert ran.returncode == 0, ran.stderr
    assert any(f"message {number}" in ran.stdout for number in file_only), ran.stdout
    assert "UNSET" not in ran.stdout, ran.stdout
