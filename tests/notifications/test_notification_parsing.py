"""Parsing what the Market sends: every type and field from the notification spec, not from the
package (expected names follow the documented rules: a class is its schema without `DTO`, a field
is its wire name in snake case), plus a scratch copy proving that a new type is a spec edit."""

from __future__ import annotations

import copy
import json
import re
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from yandex_market_chat.errors import NotificationFormatError
from yandex_market_chat.notifications import parse_notification

ROOT = Path(__file__).resolve().parents[2]
SPEC_PATH = ROOT / "openapi" / "yandex-market-notification.yaml"
SPEC: dict[str, Any] = yaml.safe_load(SPEC_PATH.read_text())
SCHEMAS: dict[str, Any] = SPEC["components"]["schemas"]
REQUEST = SCHEMAS["SendNotificationRequest"]
DISCRIMINATOR: str = REQUEST["discriminator"]["propertyName"]
KINDS = [(value, ref.rsplit("/", 1)[-1]) for value, ref in REQUEST["discriminator"]["mapping"].items()]
"""(notification type, its schema) for every type the spec describes."""


def resolved(node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        node = SCHEMAS[node["$ref"].rsplit("/", 1)[-1]]
    if "allOf" in node and len(node["allOf"]) == 1:
        node = {**resolved(node["allOf"][0]), **{k: v for k, v in node.items() if k != "allOf"}}
    return node


def properties(schema: str) -> dict[str, dict[str, Any]]:
    """The schema's properties (resolved), the discriminator left out."""
    own = SCHEMAS[schema]["properties"]
    return {wire: resolved(prop) for wire, prop in own.items() if wire != DISCRIMINATOR}


def snake(wire: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", wire).lower()


def expected(prop: dict[str, Any], value: Any) -> Any:
    if prop.get("format") == "date-time":
        return datetime.fromisoformat(value)
    if prop.get("x-as-integer"):
        return int(value)
    return value


def body(payload: dict[str, Any]) -> bytes:
    return json.dumps(payload).encode()


def example(kind: str, schema: str) -> dict[str, Any]:
    found = dict(SCHEMAS[schema]["example"])
    assert found[DISCRIMINATOR] == kind
    return found


@pytest.mark.parametrize(("kind", "schema"), KINDS)
def test_each_types_example_parses_into_its_class_with_every_field(kind: str, schema: str) -> None:
    payload = example(kind, schema)
    notification = parse_notification(body(payload))
    assert type(notification).__name__ == schema.removesuffix("DTO")
    assert notification.notification_type == kind
    for wire, prop in properties(schema).items():
        if wire in payload:
            assert getattr(notification, snake(wire)) == expected(prop, payload[wire]), wire
        else:
            assert getattr(notification, snake(wire)) is None, wire


def test_dates_are_aware() -> None:
    for kind, schema in KINDS:
        notification = parse_notification(body(example(kind, schema)))
        for wire, prop in properties(schema).items():
            value = getattr(notification, snake(wire))
            if prop.get("format") == "date-time" and value is not None:
                assert value.tzinfo is not None and value.utcoffset() is not None


REQUIRED = [
    (kind, schema, wire)
    for kind, schema in KINDS
    for wire in SCHEMAS[schema].get("required", [])
    if wire != DISCRIMINATOR
]


@pytest.mark.parametrize(("kind", "schema", "wire"), REQUIRED)
def test_a_missing_required_field_is_named(kind: str, schema: str, wire: str) -> None:
    payload = example(kind, schema)
    del payload[wire]
    with pytest.raises(NotificationFormatError) as caught:
        parse_notification(body(payload))
    assert caught.value.field == wire
    assert "required" in str(caught.value)


FIELDS = [(kind, schema, wire) for kind, schema in KINDS for wire in properties(schema)]


@pytest.mark.parametrize(("kind", "schema", "wire"), FIELDS)
def test_a_field_of_the_wrong_json_type_is_named(kind: str, schema: str, wire: str) -> None:
    payload = example(kind, schema)
    payload[wire] = [payload.get(wire)]  # a list fits no scalar property of these schemas
    with pytest.raises(NotificationFormatError) as caught:
        parse_notification(body(payload))
    assert caught.value.field == wire


AS_INTEGER = [
    (kind, schema, wire) for kind, schema, wire in FIELDS if properties(schema)[wire].get("x-as-integer")
]


@pytest.mark.parametrize(("kind", "schema", "wire"), AS_INTEGER)
def test_a_decimal_string_becomes_the_integer_the_rest_api_takes(kind: str, schema: str, wire: str) -> None:
    payload = example(kind, schema)
    for given_text, wanted in [("20150001", 20150001), ("007", 7), ("9" * 18, int("9" * 18))]:
        payload[wire] = given_text
        assert getattr(parse_notification(body(payload)), snake(wire)) == wanted
    for bad in [" 1", "1 ", "+1", "-1", "1_0", "1.0", "", "١٢", "1e3", "9" * 19, "0x1"]:
        payload[wire] = bad
        with pytest.raises(NotificationFormatError) as caught:
            parse_notification(body(payload))
        assert caught.value.field == wire, bad


KEYED = [(kind, schema) for kind, schema in KINDS if SCHEMAS[schema].get("x-event-key")]


@pytest.mark.parametrize(("kind", "schema"), KEYED)
def test_the_event_key_is_the_spec_fields_and_nothing_else(kind: str, schema: str) -> None:
    payload = example(kind, schema)
    key_fields = SCHEMAS[schema]["x-event-key"]
    key = parse_notification(body(payload)).event_key
    assert key.startswith(kind)
    for wire, prop in properties(schema).items():
        changed = dict(payload)
        if prop.get("format") == "date-time":
            instant = datetime.fromisoformat(payload[wire])
            # the same instant written with another offset is the same event
            same = instant.astimezone(timezone(timedelta(hours=3))).isoformat()
            assert parse_notification(body({**payload, wire: same})).event_key == key
            changed[wire] = (instant + timedelta(seconds=1)).isoformat()
        elif prop.get("x-as-integer"):
            changed[wire] = str(int(payload[wire]) + 1)
        elif prop.get("type") == "integer":
            changed[wire] = payload[wire] + 1
        else:
            continue
        differs = parse_notification(body(changed)).event_key != key
        assert differs == (wire in key_fields), wire


def test_a_type_without_an_event_key_is_not_recorded() -> None:
    for kind, schema in KINDS:
        if not SCHEMAS[schema].get("x-event-key"):
            assert parse_notification(body(example(kind, schema))).event_key == ""


LISTED_WITHOUT_SCHEMA = sorted(
    set(resolved(REQUEST["properties"][DISCRIMINATOR])["enum"]) - {k for k, _ in KINDS}
)


@pytest.mark.parametrize("kind", ["SOMETHING_NEW", *LISTED_WITHOUT_SCHEMA])
def test_a_type_without_a_schema_is_kept_with_its_payload(kind: str) -> None:
    payload = {DISCRIMINATOR: kind, "orderId": 5, "nested": {"a": [1, 2]}}
    notification = parse_notification(body(payload))
    assert type(notification).__name__ == "UnknownNotification"
    assert notification.notification_type == kind
    assert notification.raw == payload  # type: ignore[union-attr]
    assert parse_notification(body(payload)).event_key == notification.event_key
    assert parse_notification(body({**payload, "orderId": 6})).event_key != notification.event_key


@pytest.mark.parametrize(
    ("raw", "field"),
    [
        (b"\xff\xfe{}", ""),
        (b"not json", ""),
        (b"", ""),
        (b"[1, 2]", ""),
        (b"42", ""),
        (b"null", ""),
        (b"[" * 100_000 + b"]" * 100_000, ""),
        (b'{"a": ' * 5_000 + b"1" + b"}" * 5_000, ""),
        (b"{}", "notificationType"),
        (b'{"notificationType": 5}', "notificationType"),
        (b'{"notificationType": null}', "notificationType"),
        (b'{"notificationType": ["PING"]}', "notificationType"),
    ],
)
def test_a_body_that_is_not_a_notification_is_a_typed_error(raw: bytes, field: str) -> None:
    with pytest.raises(NotificationFormatError) as caught:
        parse_notification(raw)
    assert caught.value.field == field


# --- properties: any payload the spec allows parses, with its values --------------------------


def values(prop: dict[str, Any]) -> st.SearchStrategy[Any]:
    if prop.get("format") == "date-time":
        # RFC 3339: any instant of years 1-9999, an offset in whole minutes (the spec's format)
        moments = st.datetimes(min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30))
        offsets = st.integers(min_value=-23 * 60 - 59, max_value=23 * 60 + 59).map(
            lambda minutes: timezone(timedelta(minutes=minutes))
        )
        return st.builds(lambda moment, zone: moment.replace(tzinfo=zone).isoformat(), moments, offsets)
    if prop.get("type") == "integer":
        low = prop.get("minimum", -(2**63))
        return st.integers(min_value=low, max_value=2**63 - 1)
    if prop.get("type") == "string" and "pattern" in prop:
        return st.from_regex(prop["pattern"], fullmatch=True)
    if prop.get("type") == "string":
        return st.text(max_size=prop.get("maxLength", 50))
    raise AssertionError(f"the property test has no strategy for {prop}")


@st.composite
def payloads(draw: st.DrawFn) -> tuple[str, str, dict[str, Any]]:
    kind, schema = draw(st.sampled_from(KINDS))
    required = set(SCHEMAS[schema].get("required", []))
    payload: dict[str, Any] = {DISCRIMINATOR: kind}
    for wire, prop in properties(schema).items():
        if wire in required or draw(st.booleans()):
            payload[wire] = draw(values(prop))
    return kind, schema, payload


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(payloads())
def test_any_payload_the_spec_allows_parses_with_its_values(found: tuple[str, str, dict[str, Any]]) -> None:
    kind, schema, payload = found
    notification = parse_notification(body(payload))
    assert notification.notification_type == kind
    for wire, prop in properties(schema).items():
        wanted = expected(prop, payload[wire]) if wire in payload else None
        assert getattr(notification, snake(wire)) == wanted


# --- the promise: a new notification type is a spec edit ------------------------------------


ORDER_CREATED = {
    "type": "object",
    "description": "An order was created.",
    "x-event-key": ["orderId"],
    "required": ["notificationType", "orderId", "items", "createdAt"],
    "properties": {
        "notificationType": {
            "allOf": [{"$ref": "#/components/schemas/NotificationType"}],
            "enum": ["ORDER_CREATED"],
        },
        "orderId": {"type": "integer", "format": "int64", "minimum": 1},
        "items": {"type": "array", "items": {"$ref": "#/components/schemas/NotificationOrderItemDTO"}},
        "createdAt": {"type": "string", "format": "date-time"},
        "comment": {"type": "string", "maxLength": 10},
    },
    "example": {
        "notificationType": "ORDER_CREATED",
        "orderId": 7,
        "items": [{"offerId": "sku-1", "count": 2}],
        "createdAt": "2025-01-01T00:00:00Z",
    },
}
ORDER_ITEM = {
    "type": "object",
    "required": ["offerId", "count"],
    "properties": {"offerId": {"type": "string"}, "count": {"type": "integer", "minimum": 1}},
    "example": {"offerId": "sku-1", "count": 2},
}
SCRATCH_CHECK = """
import json, sys
from yandex_market_chat.errors import NotificationFormatError
from yandex_market_chat.notifications import parse_notification
example = json.loads(sys.argv[1])
order = parse_notification(json.dumps(example).encode())
print(type(order).__name__, order.order_id, type(order.items[0]).__name__, order.items[0].count,
      order.created_at.tzinfo is not None, order.comment, order.event_key)
example["items"][0]["count"] = 0
try:
    parse_notification(json.dumps(example).encode())
except NotificationFormatError as error:
    print("refused", error.field)
"""


def with_order_created(spec: dict[str, Any]) -> dict[str, Any]:
    spec = copy.deepcopy(spec)
    request = spec["components"]["schemas"]["SendNotificationRequest"]
    spec["components"]["schemas"]["OrderCreatedNotificationDTO"] = ORDER_CREATED
    spec["components"]["schemas"]["NotificationOrderItemDTO"] = ORDER_ITEM
    request["oneOf"].append({"$ref": "#/components/schemas/OrderCreatedNotificationDTO"})
    request["discriminator"]["mapping"]["ORDER_CREATED"] = "#/components/schemas/OrderCreatedNotificationDTO"
    return spec


def generate(tmp_path: Path, spec: dict[str, Any]) -> subprocess.CompletedProcess[str]:
    path = tmp_path / "notification.yaml"
    path.write_text(yaml.safe_dump(spec, allow_unicode=True, sort_keys=False))
    tool = ROOT / "openapi" / "generate.py"
    out = tmp_path / "pkg" / "yandex_market_chat"
    return subprocess.run(
        [sys.executable, str(tool), "--notifications", str(path), "--output", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )


def test_a_new_notification_type_is_a_spec_edit(tmp_path: Path) -> None:
    result = generate(tmp_path, with_order_created(SPEC))
    assert result.returncode == 0, result.stderr
    check = subprocess.run(
        [sys.executable, "-c", SCRATCH_CHECK, json.dumps(ORDER_CREATED["example"])],
        capture_output=True,
        text=True,
        timeout=60,
        env={"PYTHONPATH": str(tmp_path / "pkg")},
    )
    assert check.returncode == 0, check.stderr
    assert check.stdout.split("\n")[:2] == [
        "OrderCreatedNotification 7 NotificationOrderItem 2 True None ORDER_CREATED:7",
        "refused items[0].count",
    ]


def test_a_notification_shape_the_package_cannot_type_stops_generation_naming_it(tmp_path: Path) -> None:
    spec = with_order_created(SPEC)
    spec["components"]["schemas"]["OrderCreatedNotificationDTO"]["properties"]["buyer"] = {
        "type": "object",
        "properties": {"name": {"type": "string"}},
    }
    result = generate(tmp_path, spec)
    assert result.returncode != 0
    assert "#/components/schemas/OrderCreatedNotificationDTO/properties/buyer" in result.stderr
    assert "named component" in result.stderr
