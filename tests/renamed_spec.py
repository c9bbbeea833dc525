"""A copy of the spec with every name it gives renamed, and the way back, for the proof that no
name of the spec is hard-wired into the generic code (tests/test_generation.py).

Renamed: operationIds (`getChats` -> `qxGetChats`), tags (`chats` -> `qx-chats`), component schema
names (`ChatDTO` -> `QxChatDTO`), property names (`chatId` -> `qxChatId`) with every `required`,
`x-require-one-of`, `x-paging` and example that names them, and parameter names with the path
templates that hold them; each in its own style (`camel()`). The generator turns each into Python
names that carry the mark (`qx_get_chats`, `QxChatDTO`, `qx_chat_id`,
`YANDEX_MARKET_QX_BUSINESS_ID`, `--qx-chat-id`), and `unrename()` takes the mark out of a text
again. Generic code that spelled out a name of the spec
would now see another name: its output or its behaviour would differ.

Not renamed, on purpose: enum values and example values (data, not names); names the generator
escapes (`type` -> `type_`), which renamed would be spelled differently for that reason alone;
the error envelope
every error answer of the Partner API shares (`errors[].code/.message`, which the runtime's
errors.py reads for any status, also one the spec does not describe: README, "Errors"), listed in
ERROR_ENVELOPE.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping
from typing import Any

from codegen.spec import HTTP_METHODS

ERROR_ENVELOPE = {"ApiErrorDTO": {"code", "message"}, "ApiErrorResponse": {"errors"}}
"""Properties the runtime reads by name on purpose (schema -> property names)."""

MARK = "qx"


def camel(name: str) -> str:
    """A wire name or operationId renamed in its own style: `chatId` -> `qxChatId`, `limit` ->
    `qx_limit` (so that a name the generator uses as it is stays one it uses as it is). A name the
    generator escapes (`type` -> `type_`: RESERVED_WORDS) is kept: renamed, it would be spelled
    differently for that reason alone."""
    from openapi_python_client.strings import RESERVED_WORDS

    if name in RESERVED_WORDS:
        return name
    if re.fullmatch(r"[a-z0-9_]+", name):
        return f"{MARK}_{name}"
    return MARK + name[:1].upper() + name[1:]


def pascal(name: str) -> str:
    """`ChatDTO` -> `QxChatDTO`."""
    return MARK.capitalize() + name[:1].upper() + name[1:]


_BACK = [
    (re.compile(MARK.capitalize() + r"(?=[A-Z0-9])"), lambda m: ""),
    (re.compile(MARK + r"([A-Z])"), lambda m: m.group(1).lower()),
    (re.compile(MARK + r"[_-]"), lambda m: ""),
    (re.compile(MARK.upper() + "_"), lambda m: ""),
    (re.compile(MARK), lambda m: ""),  # (fastjsonschema's locals: `data__qxcreatechat`)
]


def unrename(text: str) -> str:
    """The text with the mark taken out of every name (Python, wire, environment, command line)."""
    for pattern, replace in _BACK:
        text = pattern.sub(replace, text)
    return text


def has_mark(text: str) -> bool:
    return any(pattern.search(text) for pattern, _ in _BACK)


class Renamer:
    def __init__(self, spec: Mapping[str, Any]) -> None:
        self.source = spec

    def target(self, node: Any) -> Any:
        """Follow `$ref`s in the ORIGINAL spec."""
        while isinstance(node, Mapping) and "$ref" in node:
            found: Any = self.source
            for part in str(node["$ref"]).removeprefix("#/").split("/"):
                found = found[part]
            node = found
        return node

    def kept_of(self, schema: Any) -> set[str]:
        """The envelope's property names a schema of the ORIGINAL spec holds (through refs, allOf)."""
        kept: set[str] = set()
        while isinstance(schema, Mapping) and "$ref" in schema:
            kept |= ERROR_ENVELOPE.get(str(schema["$ref"]).rsplit("/", 1)[-1], set())
            schema = self.target({"$ref": schema["$ref"]}) if "$ref" in schema else schema
        if isinstance(schema, Mapping):
            for part in schema.get("allOf", []):
                kept |= self.kept_of(part)
        return kept

    def schema(self, node: Any, kept: frozenset[str] = frozenset()) -> Any:
        """A schema with its property names, `required`, `x-require-one-of` and refs renamed
        (`kept`: the envelope's names, left as they are in this schema and its allOf parts)."""
        if isinstance(node, list):
            return [self.schema(item, kept) for item in node]
        if not isinstance(node, Mapping):
            return node
        out: dict[str, Any] = {}
        for key, value in node.items():
            if key == "$ref" and str(value).startswith("#/components/schemas/"):
                out[key] = "#/components/schemas/" + pascal(str(value).rsplit("/", 1)[-1])
            elif key == "properties":
                out[key] = {
                    (name if name in kept else camel(name)): self.schema(sub) for name, sub in value.items()
                }
            elif key in ("required", "x-require-one-of"):
                out[key] = [name if name in kept else camel(name) for name in value]
            elif key == "example":
                out[key] = self.example(value, node)
            elif key == "allOf":
                out[key] = self.schema(value, kept)
            else:
                out[key] = self.schema(value)
        return out

    def example(self, value: Any, schema: Any) -> Any:
        """An example of `schema` (ORIGINAL spec) with its property names renamed."""
        kept = self.kept_of(schema)
        schema = self.merged(schema)
        if isinstance(value, list):
            return [self.example(item, schema.get("items", {})) for item in value]
        if not isinstance(value, Mapping):
            return value
        properties = schema.get("properties", {})
        return {
            (key if key in kept or key not in properties else camel(key)): self.example(
                item, properties.get(key, {})
            )
            for key, item in value.items()
        }

    def merged(self, schema: Any) -> dict[str, Any]:
        """A schema of the ORIGINAL spec with its refs followed and allOf parts merged."""
        schema = self.target(schema)
        if not isinstance(schema, Mapping):
            return {}
        merged: dict[str, Any] = {k: v for k, v in schema.items() if k != "allOf"}
        for part in schema.get("allOf", []):
            part = self.merged(part)
            merged["properties"] = {**merged.get("properties", {}), **part.get("properties", {})}
            for key, item in part.items():
                merged.setdefault(key, item)
        return merged

    def component_schemas(self) -> dict[str, Any]:
        out = {}
        for name, schema in self.source["components"]["schemas"].items():
            out[pascal(name)] = self.schema(schema, frozenset(ERROR_ENVELOPE.get(name, set())))
        return out

    def parameter(self, param: Any) -> Any:
        if "$ref" in param:
            return copy.deepcopy(param)
        out = dict(copy.deepcopy(param))
        out["name"] = camel(param["name"])
        if "schema" in param:
            out["schema"] = self.schema(param["schema"])
        if "example" in param:
            out["example"] = self.example(param["example"], param.get("schema", {}))
        return out

    def media(self, media: Any) -> Any:
        out = {k: self.schema(v) for k, v in media.items() if k != "example"}
        if "example" in media:
            out["example"] = self.example(media["example"], media.get("schema", {}))
        return out

    def response(self, response: Any) -> Any:
        if "$ref" in response:
            return copy.deepcopy(response)
        out = dict(response)
        if "content" in response:
            out["content"] = {kind: self.media(media) for kind, media in response["content"].items()}
        return out

    def operation(self, op: Mapping[str, Any]) -> dict[str, Any]:
        out = dict(copy.deepcopy(op))
        out["operationId"] = camel(op["operationId"])
        out["tags"] = [f"{MARK}-{tag}" for tag in op.get("tags", [])]
        if "parameters" in op:
            out["parameters"] = [self.parameter(p) for p in op["parameters"]]
        if "requestBody" in op:
            body = dict(op["requestBody"])
            body["content"] = {kind: self.media(media) for kind, media in body["content"].items()}
            out["requestBody"] = body
        out["responses"] = {code: self.response(r) for code, r in op["responses"].items()}
        paging = op.get("x-paging")
        if paging:
            out["x-paging"] = {
                key: ".".join(camel(part) for part in str(value).split(".")) for key, value in paging.items()
            }
        return out

    def spec(self) -> dict[str, Any]:
        spec = copy.deepcopy(dict(self.source))
        spec["tags"] = [{**tag, "name": f"{MARK}-{tag['name']}"} for tag in spec.get("tags", [])]
        paths = {}
        for path, item in self.source["paths"].items():
            new_path = re.sub(r"\{([^}]+)\}", lambda m: "{" + camel(m.group(1)) + "}", path)
            new_item: dict[str, Any] = {}
            for key, value in item.items():
                if key in HTTP_METHODS:
                    new_item[key] = self.operation(value)
                elif key == "parameters":
                    new_item[key] = [self.parameter(p) for p in value]
                else:
                    new_item[key] = copy.deepcopy(value)
            paths[new_path] = new_item
        spec["paths"] = paths
        components = spec["components"]
        components["schemas"] = self.component_schemas()
        components["parameters"] = {
            name: self.parameter(param)
            for name, param in self.source["components"].get("parameters", {}).items()
        }
        components["responses"] = {
            name: self.response(r) for name, r in self.source["components"].get("responses", {}).items()
        }
        return spec


def renamed(spec: Mapping[str, Any]) -> dict[str, Any]:
    """The spec with every name renamed (see the module's docstring)."""
    return Renamer(spec).spec()
