"""The notification spec (openapi/yandex-market-notification.yaml) read into typed values.

The Market POSTs notifications to the seller; `SendNotificationRequest` is a `oneOf` of one schema
per notification type, discriminated by a property (`notificationType`). Each type becomes a
frozen dataclass in the package's `notifications` module (rendered by render/notifications.py.jinja
from the values here) and a compiled check of its schema (fastjsonschema, as for requests).

Everything a template writes is decided here and typed: class and field names, each field's
annotation and the expression that reads it from a checked payload. Supported property shapes:
integers, numbers, booleans, strings (an enum is kept as the string it is: open), `date-time`
strings (aware datetimes), `x-as-integer` decimal strings (int), nested objects and arrays of any
of these. Anything else stops generation naming the schema path.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from codegen.prose import text
from codegen.spec import GenerationError, ref_name, resolve

SCALARS = {"integer": "int", "number": "float", "boolean": "bool", "string": "str"}


@dataclass(frozen=True)
class Field:
    """One property of a notification (or of an object inside one)."""

    wire: str
    name: str
    annotation: str
    reader: str
    """An expression of `data` (the checked payload object) giving the field's value."""
    required: bool
    description: str
    kind: str
    """What the Market stand-in takes for it: integer, number, boolean, string, date-time, decimal
    (an `x-as-integer` string), or array/object (JSON)."""


@dataclass(frozen=True)
class Model:
    """A notification's class, or the class of an object inside a notification."""

    schema: str
    class_name: str
    description: str
    fields: tuple[Field, ...]


@dataclass(frozen=True)
class Kind:
    """One notification type: its discriminator value, its class, its identity."""

    value: str
    model: Model
    event_key: tuple[str, ...]
    """Python names of the fields that identify the event (empty: the type is not recorded)."""
    timeout_seconds: float
    example: Mapping[str, Any]

    @property
    def key_expression(self) -> str:
        """The expression (on `self`) the class's `event_key` returns."""
        if not self.event_key:
            return '""'
        fields = "".join(f", self.{name}" for name in self.event_key)
        return f"_payload.event_key(self.notification_type{fields})"

    @property
    def key_doc(self) -> str:
        if not self.event_key:
            return "Not recorded: the receiver answers it at once."
        return f"The event's identity: the type and {', '.join(self.event_key)}."


@dataclass(frozen=True)
class NotificationSpec:
    """What the package's `notifications` module is rendered from."""

    title: str
    discriminator: str
    """The discriminating property, as the Market spells it (`notificationType`)."""
    type_values: tuple[str, ...]
    """Every value the spec lists for the discriminator (the open enum)."""
    kinds: tuple[Kind, ...]
    nested: tuple[Model, ...]
    """Classes of the objects inside notifications, each once."""
    error_types: tuple[str, ...]
    source_networks: tuple[str, ...]
    path: str
    """The path the Market posts to (`/notification`)."""


def class_name(schema: str) -> str:
    """The class of a component schema: its name without a `DTO` suffix."""
    return schema.removesuffix("DTO")


def field_name(wire: str) -> str:
    from openapi_python_client.strings import PythonIdentifier

    return str(PythonIdentifier(wire, prefix="field"))


class _Reader:
    def __init__(self, spec: Mapping[str, Any]) -> None:
        self.spec = spec
        self.nested: dict[str, Model] = {}

    def model(self, schema: str, where: str, *, skip: str | None = None) -> Model:
        node = resolve(self.spec, {"$ref": f"#/components/schemas/{schema}"}, where)
        if node.get("type", "object") != "object":
            raise GenerationError(f"{where}: a notification schema must be an object")
        required = set(node.get("required", []))
        fields = []
        for wire, prop in node.get("properties", {}).items():
            if wire == skip:
                continue
            annotation, reader = self.value(prop, f"data[{wire!r}]", f"{where}/properties/{wire}", wire)
            if wire not in required:
                annotation, reader = f"{annotation} | None", self.optional(prop, wire)
            prose = resolve(self.spec, prop, where).get("description") or prop.get("description", "")
            field = Field(
                wire,
                field_name(wire),
                annotation,
                reader,
                wire in required,
                text(prose),
                self.kind(prop, where),
            )
            fields.append(field)
        fields.sort(key=lambda f: not f.required)  # required first: dataclass defaults come last
        return Model(schema, class_name(schema), text(node.get("description", "")), tuple(fields))

    def kind(self, prop: Mapping[str, Any], where: str) -> str:
        node = resolve(self.spec, prop, where)
        if "allOf" in node and len(node["allOf"]) == 1:
            node = {**resolve(self.spec, node["allOf"][0], where), **node}
        if node.get("format") == "date-time":
            return "date-time"
        if node.get("x-as-integer"):
            return "decimal"
        return str(node.get("type", "object"))

    def optional(self, prop: Mapping[str, Any], wire: str) -> str:
        _, inner = self.value(prop, "value", wire, wire)
        if inner == "value":
            return f"data.get({wire!r})"
        return f"_payload.maybe(data.get({wire!r}), lambda value: {inner})"

    def value(self, prop: Mapping[str, Any], source: str, where: str, wire: str) -> tuple[str, str]:
        """(annotation, reader expression) of a value read from `source`."""
        name = ref_name(prop)
        node = resolve(self.spec, prop, where)
        if "allOf" in node and len(node["allOf"]) == 1:  # a $ref with sibling keywords (enum, description)
            inner = resolve(self.spec, node["allOf"][0], where)
            node = {**inner, **{k: v for k, v in node.items() if k != "allOf"}}
            name = None if "properties" not in inner else ref_name(node["allOf"][0])
        kind = node.get("type")
        if kind == "object" or "properties" in node:
            if name is None:
                raise GenerationError(f"{where}: an object inside a notification must be a named component")
            if name not in self.nested:
                self.nested[name] = Model(name, class_name(name), "", ())  # taken first: a cycle ends
                self.nested[name] = self.model(name, f"#/components/schemas/{name}")
            return class_name(name), f"{class_name(name)}.from_payload({source})"
        if kind == "array":
            item_type, item_reader = self.value(node.get("items", {}), "item", f"{where}/items", wire)
            if item_reader == "item":
                return f"list[{item_type}]", f"list({source})"
            return f"list[{item_type}]", f"[{item_reader} for item in {source}]"
        if kind == "string" and node.get("format") == "date-time":
            return "datetime", f"_payload.date_time({source}, {wire!r})"
        if kind == "string" and node.get("x-as-integer"):
            return "int", f"_payload.decimal({source}, {wire!r})"
        if kind in SCALARS:
            return SCALARS[kind], source
        raise GenerationError(f"{where}: a notification property of type {kind!r} is not supported")


def read(spec: Mapping[str, Any]) -> NotificationSpec:
    """The notification spec's facts. Raises GenerationError naming the schema path."""
    schemas = spec.get("components", {}).get("schemas", {})
    paths = list(spec.get("paths", {}).items())
    if len(paths) != 1 or list(paths[0][1]) != ["post"]:
        raise GenerationError("the notification spec must describe one POST (where the Market posts)")
    path, item = paths[0]
    operation = item["post"]
    where = f"paths/{path}/post/requestBody"
    body = operation.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema", {})
    request = resolve(spec, body, where)
    if "discriminator" not in request or "oneOf" not in request:
        raise GenerationError(f"{where}: the notification request must be a oneOf with a discriminator")
    discriminator = str(request["discriminator"]["propertyName"])
    mapping = request["discriminator"].get("mapping", {})
    listed = {ref_name(option) for option in request.get("oneOf", [])}
    reader = _Reader(spec)
    kinds = []
    for value, ref in mapping.items():
        schema = ref_name({"$ref": ref})
        if schema is None or schema not in listed:
            raise GenerationError(f"{where}/discriminator/mapping/{value}: {ref!r} is not one of the oneOf")
        place = f"#/components/schemas/{schema}"
        node = schemas[schema]
        model = reader.model(schema, place, skip=discriminator)
        names = {f.wire: f.name for f in model.fields}
        key = node.get("x-event-key", [])
        for wire in key:
            if wire not in names or wire not in node.get("required", []):
                raise GenerationError(f"{place}/x-event-key: {wire!r} is not a required property")
        if "example" not in node:
            raise GenerationError(f"{place}: a notification schema needs an example (the stand-in sends it)")
        kinds.append(
            Kind(
                str(value),
                model,
                tuple(names[wire] for wire in key),
                float(node.get("x-timeout-seconds", 10)),
                dict(node["example"]),
            )
        )
    enum_node = resolve(spec, request["properties"][discriminator], where)
    error_types = _error_types(spec, operation, f"paths/{path}/post/responses")
    return NotificationSpec(
        title=str(spec["info"]["title"]),
        discriminator=discriminator,
        type_values=tuple(str(v) for v in enum_node.get("enum", [])),
        kinds=tuple(kinds),
        nested=tuple(reader.nested.values()),
        error_types=error_types,
        source_networks=tuple(str(n) for n in spec["info"].get("x-source-networks", [])),
        path=path,
    )


def _error_types(spec: Mapping[str, Any], operation: Mapping[str, Any], where: str) -> tuple[str, ...]:
    """The values of the error body's `error.type` (the answers other than 2xx share one body)."""
    for status, answer in operation.get("responses", {}).items():
        if str(status).startswith("2"):
            continue
        schema = answer.get("content", {}).get("application/json", {}).get("schema", {})
        error = resolve(spec, schema, f"{where}/{status}").get("properties", {}).get("error", {})
        kind = resolve(spec, error, f"{where}/{status}").get("properties", {}).get("type", {})
        values = resolve(spec, kind, f"{where}/{status}").get("enum", [])
        if values:
            return tuple(str(v) for v in values)
    raise GenerationError(f"{where}: no error answer with an `error.type` enum")
