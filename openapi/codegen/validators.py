"""Each operation's request as JSON Schema, compiled by fastjsonschema into plain Python.

An operation's arguments are checked as one object: its parameters under their Python names and
its body (as JSON) under "body". OpenAPI 3.0 schemas become JSON Schema (draft 7): `nullable`
adds "null", boolean `exclusiveMinimum`/`exclusiveMaximum` become numbers, `format: int32|int64`
bound the integer, `x-length-unit: utf-16` becomes the custom format `utf16-length:<min>:<max>`
(the runtime counts UTF-16 code units), `x-require-one-of` an `anyOf` of `required`, and a binary
string is left to the runtime's file checks (its size is not a JSON property). Annotations are
dropped; any other keyword is reported once and left to the server.

The compiled code imports nothing but the runtime's `SchemaViolation` (it stands in for
fastjsonschema's exception), so the package needs no validator at run time.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Mapping, Sequence
from typing import Any

from codegen.contract import ClientDefault, Operation, Parameter
from codegen.facts import INT32, INT64
from codegen.spec import GenerationError, ref_name, resolve

ANNOTATIONS = {
    "description",
    "title",
    "example",
    "examples",
    "deprecated",
    "default",
    "readOnly",
    "writeOnly",
    "xml",
    "externalDocs",
    "x-length-unit",
    "x-require-one-of",
}
PASSED = {
    "enum",
    "minimum",
    "maximum",
    "multipleOf",
    "minLength",
    "maxLength",
    "pattern",
    "minItems",
    "maxItems",
    "uniqueItems",
    "required",
    "minProperties",
    "maxProperties",
}
TYPES = {"integer", "number", "string", "boolean", "array", "object"}
FORMATS = {"date-time", "date", "time", "email", "hostname", "ipv4", "ipv6", "uri", "uri-reference", "regex"}
"""Formats fastjsonschema checks; the others (int32/int64 aside) are annotations in OpenAPI."""


class Converter:
    """OpenAPI 3.0 schemas of one spec to JSON Schema definitions."""

    def __init__(self, spec: Mapping[str, Any]) -> None:
        self.spec = spec
        self.definitions: dict[str, Any] = {}
        self.unchecked: dict[str, str] = {}
        """keyword -> the first schema path where it was met (reported once)."""

    def convert(self, node: Mapping[str, Any], where: str) -> dict[str, Any]:
        name = ref_name(node)
        if name is not None:
            if name not in self.definitions:
                self.definitions[name] = {}  # taken before recursing, so a cycle ends here
                target = resolve(self.spec, node, where)
                self.definitions[name] = self.convert(target, f"#/components/schemas/{name}")
            return {"$ref": f"#/definitions/{name}"}
        if "$ref" in node:
            return self.convert(resolve(self.spec, node, where), where)
        kind = node.get("type")
        if kind is not None and kind not in TYPES:
            raise GenerationError(f"{where}: type {kind!r} is not an OpenAPI 3.0 type")
        if kind == "string" and node.get("format") == "binary":
            return {}  # a file: sized by the runtime (_request.check_multipart)
        out: dict[str, Any] = {}
        for key, value in node.items():
            if key in ANNOTATIONS or key in (
                "type",
                "nullable",
                "format",
                "exclusiveMinimum",
                "exclusiveMaximum",
            ):
                continue
            if key in PASSED:
                out[key] = value
            elif key == "properties":
                out[key] = {k: self.convert(v, f"{where}/properties/{k}") for k, v in value.items()}
            elif key == "items":
                out[key] = self.convert(value, f"{where}/items")
            elif key == "additionalProperties":
                out[key] = value if isinstance(value, bool) else self.convert(value, f"{where}/{key}")
            elif key in ("allOf", "oneOf", "anyOf"):
                out[key] = [self.convert(v, f"{where}/{key}/{i}") for i, v in enumerate(value)]
            elif key == "not":
                out[key] = self.convert(value, f"{where}/not")
            elif not key.startswith("x-"):
                self.unchecked.setdefault(key, where)
        if kind is not None:
            out["type"] = [kind, "null"] if node.get("nullable") else kind
            if node.get("nullable") and "enum" in out and None not in out["enum"]:
                out["enum"] = [*out["enum"], None]
        self.numbers(node, out)
        self.formats(node, out, where)
        if kind is None and node.get("nullable"):
            # null, or else the schema: a bad value is named by the schema's own error (anyOf of the
            # two would only say that no branch fitted)
            out = {"if": {"type": "null"}, "else": out}
        one_of = node.get("x-require-one-of")
        if one_of:
            need = {"anyOf": [{"required": [n]} for n in one_of], "x-require-one-of": list(one_of)}
            out = {**out, **need} if "anyOf" not in out else {"allOf": [out, need]}
        return out

    @staticmethod
    def numbers(node: Mapping[str, Any], out: dict[str, Any]) -> None:
        for bound, exclusive in (("minimum", "exclusiveMinimum"), ("maximum", "exclusiveMaximum")):
            if node.get(exclusive) is True and bound in out:
                out[exclusive] = out.pop(bound)
        if node.get("type") == "integer":
            low, high = INT32 if node.get("format") == "int32" else INT64
            if "minimum" not in out and "exclusiveMinimum" not in out:
                out["minimum"] = low
            if "maximum" not in out and "exclusiveMaximum" not in out:
                out["maximum"] = high

    def formats(self, node: Mapping[str, Any], out: dict[str, Any], where: str) -> None:
        fmt = node.get("format")
        if node.get("x-length-unit") == "utf-16":
            low, high = out.pop("minLength", ""), out.pop("maxLength", "")
            if fmt in FORMATS:
                self.unchecked.setdefault(f"format {fmt} with x-length-unit", where)
            out["format"] = f"utf16-length:{low}:{high}"
        elif node.get("x-length-unit") not in (None, "code-points"):
            raise GenerationError(f"{where}: x-length-unit must be utf-16 or code-points")
        elif fmt in FORMATS and node.get("type") == "string":
            out["format"] = fmt


def not_empty(spec: Mapping[str, Any], param: Parameter) -> dict[str, Any]:
    """What keeps a query parameter off the wire as `name=` (an empty value), which OpenAPI allows
    only with `allowEmptyValue: true`: an empty string, an empty string in a list, and an empty
    list sent comma-joined (`explode: false`) are refused; a list sent once per item sends nothing
    when empty, which is leaving the parameter out."""
    schema = resolve(spec, param.schema) if param.schema else {}
    if schema.get("type") != "array":
        return {"minLength": 1}
    rule: dict[str, Any] = {"items": {"minLength": 1}}
    if not param.explode:
        rule["minItems"] = 1
    return rule


def request_schema(converter: Converter, operation: Operation) -> dict[str, Any]:
    """One operation's arguments as one object: parameters by Python name, the body as "body"."""
    properties: dict[str, Any] = {}
    required: list[str] = []
    for param in operation.params:
        properties[param.python] = param_schema(converter, operation, param)
        if param.required:
            required.append(param.python)
    body = operation.body
    if body is not None:
        properties["body"] = converter.convert({"$ref": f"#/components/schemas/{body.schema}"}, "requestBody")
        if body.required:
            required.append("body")
    return {"type": "object", "properties": properties, "required": required}


def param_schema(converter: Converter, operation: Operation, param: Parameter) -> dict[str, Any]:
    """One parameter's schema as its operation's validator checks it."""
    where = f"paths/{operation.path}/{operation.method}/parameters/{param.name}"
    converted = converter.convert(param.schema, where)
    if param.location == "query" and not param.allow_empty:
        converted = {"allOf": [converted, not_empty(converter.spec, param)]}
    return converted


def cursor_schema(converter: Converter, operation: Operation) -> dict[str, Any]:
    """A paged operation's cursor alone, under its Python name: what a later page checks (the
    page's other arguments are the first page's, checked with it)."""
    assert operation.paging is not None
    param = next(p for p in operation.params if p.python == operation.paging.cursor)
    return {"type": "object", "properties": {param.python: param_schema(converter, operation, param)}}


def compile_validators(
    spec: Mapping[str, Any], operations: Mapping[str, Operation], defaults: Sequence[ClientDefault] = ()
) -> str:
    """`_validators.py`: for each operation (keyed by its Python name) a function
    `<name>(data, custom_formats, name_prefix)` that checks its arguments, and for each argument
    with a client-wide default (`x-client-default`) a function `client_default_<argument>` that
    checks one value against the parameter's schema (the client objects run it when they are made),
    and for each paged operation `<name>_cursor`, its cursor alone (pages after the first)."""
    converter = Converter(spec)
    entries = {name: request_schema(converter, operation) for name, operation in operations.items()}
    for name, operation in operations.items():
        if operation.paging is not None:
            entries[f"{name}_cursor"] = cursor_schema(converter, operation)
    for default in sorted(defaults, key=lambda d: d.name):
        entries[f"client_default_{default.name}"] = converter.convert(
            default.schema, f"x-client-default {default.name}"
        )
    return compile_module(
        converter,
        entries,
        "Request validators compiled from the spec by fastjsonschema (openapi/codegen/validators.py).\n\n"
        "Written by `make generate`; do not edit. Each operation's function checks its arguments\n"
        '(parameters by Python name, the body as JSON under "body") and raises SchemaViolation.',
    )


def compile_schemas(spec: Mapping[str, Any], schemas: Mapping[str, str], doc: str) -> str:
    """A module with a check per named component schema: `{function name: schema name}`."""
    converter = Converter(spec)
    entries = {
        name: converter.convert({"$ref": f"#/components/schemas/{schema}"}, f"#/components/schemas/{schema}")
        for name, schema in schemas.items()
    }
    return compile_module(converter, entries, doc)


def compile_module(converter: Converter, entries: Mapping[str, Any], doc: str) -> str:
    """fastjsonschema's code for `entries` (function name -> JSON Schema), one function each."""
    import fastjsonschema

    definitions = {**converter.definitions, **{f"op_{name}": schema for name, schema in entries.items()}}
    root = {
        "definitions": definitions,
        "properties": {name: {"$ref": f"#/definitions/op_{name}"} for name in entries},
    }
    formats = sorted({f for f in _formats(definitions) if f.startswith("utf16-length:")})
    for keyword, where in sorted(converter.unchecked.items()):
        note = f"{keyword!r} (first at {where}) is not checked by the client; the server checks it"
        print(f"make generate: note: {note}", file=sys.stderr)
    code = fastjsonschema.compile_to_code(root, formats={f: _placeholder for f in formats})
    return _post_process(code, list(entries), doc)


def _placeholder(_value: str) -> bool:  # pragma: no cover - never called: formats are named here only
    return True


def _formats(node: Any) -> list[str]:
    if isinstance(node, Mapping):
        found = [node["format"]] if isinstance(node.get("format"), str) else []
        return found + [f for value in node.values() for f in _formats(value)]
    if isinstance(node, list):
        return [f for value in node for f in _formats(value)]
    return []


def _post_process(code: str, names: list[str], doc: str) -> str:
    import_line = re.compile(r"^from fastjsonschema import .*$", re.MULTILINE)
    if not import_line.search(code):
        raise GenerationError("fastjsonschema's output changed: no import line to replace (check the pin)")
    code = import_line.sub(
        "from ._request import SchemaViolation as JsonSchemaValueException\n"
        "from ._request import SchemaViolations as JsonSchemaValuesException",
        code,
    )
    # JSON Schema lets 1.0 pass as an integer; a float would go out as "1.0" and be refused.
    integral = re.compile(r" and not \(isinstance\((\w+), float\) and \1\.is_integer\(\)\)")
    code, count = integral.subn("", code)
    if count == 0 and "integer" in code:
        raise GenerationError(
            "fastjsonschema's output changed: the integer check was not found (check the pin)"
        )
    functions = set(re.findall(r"^def (validate\w*)\(", code, re.MULTILINE))
    aliases = []
    for name in names:
        function = f"validate___definitions_op_{name}"
        if function not in functions:
            raise GenerationError(f"fastjsonschema made no function {function} (check the pin)")
        aliases.append(f"{name}: Validator = {function}")
    header = f'# mypy: ignore-errors\n"""{doc}"""\n\nfrom ._request import Validator\n'
    return header + code + "\n\n" + "\n".join(aliases) + "\n"
