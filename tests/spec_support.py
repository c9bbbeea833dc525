"""The spec as the per-operation test suites (and `make record`) see it: the one place that reads it.

- `SPEC`, loaded once, and `resolve` (openapi/codegen/spec.py's, bound to it);
- `OPERATIONS`: every operation of the spec in its order, read from the spec here (never from the
  generator's own facts, so that a naming bug of the generator shows): its parameters and body
  fields with the Python names the documented rule gives them (`python_name`), its paging, files
  and limits, and the generated module that calls it (found by the operationId its `_OPERATION`
  declares);
- `example_call(operation)`: one call built from the spec's own examples — each parameter's
  `example` (or its schema's), the JSON request body's media `example`, and for a binary field of
  a multipart body fixed, obviously fake bytes (a spec cannot carry file bytes) — in the shapes
  the tests need: module-function kwargs, client-object kwargs, the request it must put on the
  wire;
- `form_parts`: a multipart/form-data body parsed byte for byte (the one parser of the tests);
- `check_model`: a parsed answer is the documented model, of the declared field types, carrying
  the body it was parsed from (date-times compared as instants, not as text).

No operation is named here: a new operation in the spec is in `OPERATIONS` after
`make generate`, and every suite built on this module covers it.
"""

from __future__ import annotations

import builtins
import copy
import datetime as dt
import importlib
import json
import keyword
import os
import pkgutil
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from email.message import Message
from email.utils import collapse_rfc2231_value
from functools import cache
from pathlib import Path
from types import ModuleType, UnionType
from typing import Any, Union, get_args, get_origin, get_type_hints
from urllib.parse import quote, urlsplit

import attrs
import httpx
import pytest
import yaml
import yandex_market_chat.models
from codegen import spec as spec_io
from dateutil.parser import isoparse
from yandex_market_chat import File
from yandex_market_chat.types import Unset

ROOT = Path(__file__).resolve().parent.parent
SPEC_PATH = Path(os.environ.get("SPEC_UNDER_TEST") or ROOT / "openapi" / "yandex-market-chat.yaml")
"""The spec the suites enumerate: ours, or a scratch copy named by SPEC_UNDER_TEST (with the package
generated from it first on PYTHONPATH, as tests/test_shapes.py runs the suites on the matrix)."""
INT32 = (-(2**31), 2**31 - 1)
INT64 = (-(2**63), 2**63 - 1)
"""The ranges OpenAPI's int32 and int64 formats allow."""
PRISM_MAX_INT = 2**53
"""Prism cannot serve or check integers from here on: every example stays below it."""

FILE_NAME = "receipt.txt"
FILE_BYTES = b"Receipt for order 48523210\r\n--not-a-boundary\r\nTotal: 1990 RUB\r\n"
"""What a binary field of a multipart body carries in the example calls (the spec cannot hold file
bytes): obviously fake, with a line that looks like a multipart boundary."""


def _load() -> dict[str, Any]:
    # (libyaml's safe loader: the same values as yaml.safe_load, five times faster; every pytest
    # process, the suites run on scratch specs among them, reads the spec on start)
    spec: dict[str, Any] = yaml.load(SPEC_PATH.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    return spec


SPEC = _load()
API_SERVER: str = SPEC["servers"][0]["url"]


def fresh_spec() -> dict[str, Any]:
    """A deep copy of the spec, for tests that change it."""
    return copy.deepcopy(SPEC)


def resolve(node: Mapping[str, Any]) -> dict[str, Any]:
    """Follow local `$ref`s in the spec until a node that is not a reference."""
    return spec_io.resolve(SPEC, node)


def flatten(schema: Mapping[str, Any]) -> dict[str, Any]:
    """One schema with its `$ref` followed and its `allOf` parts merged in (properties and
    required lists united; the first part to say anything else wins)."""
    schema = resolve(schema)
    if "allOf" not in schema:
        return schema
    merged: dict[str, Any] = {k: v for k, v in schema.items() if k != "allOf"}
    for part in schema["allOf"]:
        part = flatten(part)
        for key, value in part.items():
            if key == "properties":
                merged["properties"] = {**merged.get("properties", {}), **value}
            elif key == "required":
                merged["required"] = sorted({*merged.get("required", []), *value})
            else:
                merged.setdefault(key, value)
    return merged


PYTHON_RESERVED = frozenset(keyword.kwlist) | (frozenset(dir(builtins)) - {"id"}) | {"self", "datetime"}
"""Names a Python name must not be: keywords, builtins (`type`, `filter`; but `id`), `self`,
`datetime` (what the generated modules import)."""


def python_name(wire: str) -> str:
    """The Python name of a wire name, by the documented rule (README, docs/models.md): snake case
    (`messageId` -> `message_id`, `chat-id` -> `chat_id`; in a name with capitals each lower-case
    run with its capital is a word, and so is what lies between two of them: `getPath0` ->
    `get_path_0`, `HTTPServer` -> `http_server`), and a trailing underscore for a keyword or builtin
    (`type` -> `type_`)."""
    parts = re.split(r"[^0-9A-Za-z]+", wire)
    if any(c.isupper() for c in wire):
        parts = [word for part in parts for word in re.split(r"([A-Z]?[a-z]+)", part)]
    name = "_".join(part for part in parts if part).lower()
    return f"{name}_" if name in PYTHON_RESERVED else name


def client_default(param: Mapping[str, Any]) -> str | None:
    """The environment variable a parameter with `x-client-default` is read from (README:
    YANDEX_MARKET_ and its Python name in capitals); None without it."""
    return f"YANDEX_MARKET_{python_name(param['name']).upper()}" if param.get("x-client-default") else None


def model_class(schema_name: str) -> type[Any]:
    """The generated model class of component schema `schema_name`: the class of that name (the
    design's rule: models keep the published API's component names); a schema that only says
    `allOf: [$ref: X]` is X."""
    cls: type[Any] = getattr(yandex_market_chat.models, model_name(schema_name))
    return cls


def model_name(schema_name: str) -> str:
    """The class name of component schema `schema_name`'s model: its own name, or for a schema
    that only says `allOf: [$ref: X]`, X's."""
    schema = SPEC["components"]["schemas"][schema_name]
    parts = schema.get("allOf", [])
    if len(parts) == 1 and not set(schema) - {"allOf", "type", "description", "title", "nullable"}:
        return model_name(str(parts[0]["$ref"]).rsplit("/", 1)[-1])
    return schema_name


@cache
def operation_modules() -> dict[str, ModuleType]:
    """operationId -> the generated module that calls it (found by the id it declares)."""
    import yandex_market_chat.api

    found = {}
    for info in pkgutil.walk_packages(yandex_market_chat.api.__path__, "yandex_market_chat.api."):
        module = importlib.import_module(info.name)
        operation = getattr(module, "_OPERATION", None)
        if operation is not None:
            found[operation.id] = module
    return found


def operation_module(operation_id: str) -> ModuleType:
    try:
        return operation_modules()[operation_id]
    except KeyError:
        raise LookupError(
            f"the generated package has no module for {operation_id}: run `make generate`"
        ) from None


@dataclass(frozen=True)
class After:
    """`x-paging.after`: the client objects' argument that starts a listing after an item."""

    argument: str
    """`after_<item-key>`, the argument's Python name."""
    field: str
    """The body field it is sent as (Python name)."""


@dataclass(frozen=True)
class Paging:
    """`x-paging` of an operation, in Python names."""

    cursor: str
    item_key: str | None
    after: After | None


@dataclass(frozen=True)
class Operation:
    """One operation of the spec, with the Python names the documented rule gives its parts, and
    the module that calls it."""

    operation_id: str
    method: str
    path: str
    definition: Mapping[str, Any] = field(repr=False)
    """The operation object of the spec."""
    parameters: tuple[Mapping[str, Any], ...] = field(repr=False)
    """Its parameters (the path item's and its own), resolved."""

    @property
    def name(self) -> str:
        """The Python name: the module, the client-object method, the rate-limit key."""
        return python_name(self.operation_id)

    @property
    def idempotent(self) -> bool:
        """`x-idempotent`: sending it twice has the effect of sending it once."""
        return bool(self.definition["x-idempotent"])

    @property
    def params(self) -> list[dict[str, Any]]:
        """Its parameters: name, python, in, required, schema, example (the parameter's or its
        schema's), deprecated (its description, or None), client_default (its environment
        variable, or None)."""
        found = []
        for param in self.parameters:
            schema = param.get("schema", {})
            found.append(
                {
                    "name": param["name"],
                    "python": python_name(param["name"]),
                    "in": param["in"],
                    "required": bool(param.get("required")),
                    "schema": schema,
                    "example": param.get("example", resolve(schema).get("example") if schema else None),
                    "deprecated": param.get("description", "") if param.get("deprecated") else None,
                    "client_default": client_default(param),
                }
            )
        return found

    @property
    def body(self) -> dict[str, Any] | None:
        """Its request body: kind (json|multipart), required, schema (the component's name),
        fields (name, python, required, file: its min and max bytes or None, deprecated), one_of (Python
        names), example; None without a body."""
        request = self.definition.get("requestBody")
        if request is None:
            return None
        request = resolve(request)
        ((media_type, media),) = request["content"].items()
        name = str(media["schema"]["$ref"]).rsplit("/", 1)[-1]
        schema = flatten(media["schema"])
        fields = []
        for prop, sub in schema.get("properties", {}).items():
            target = flatten(sub)
            binary = target.get("type") == "string" and target.get("format") == "binary"
            fields.append(
                {
                    "name": prop,
                    "python": python_name(prop),
                    "required": prop in schema.get("required", []) and bool(request.get("required")),
                    "file": {"min": target.get("minLength", 0), "max": target.get("maxLength")}
                    if binary
                    else None,
                    "deprecated": target.get("description", "") if target.get("deprecated") else None,
                }
            )
        return {
            "kind": {"application/json": "json", "multipart/form-data": "multipart"}[media_type],
            "required": bool(request.get("required")),
            "schema": name,
            "fields": fields,
            "one_of": [python_name(n) for n in schema.get("x-require-one-of", [])],
            "example": media.get("example"),
        }

    @property
    def body_fields(self) -> list[dict[str, Any]]:
        """The fields of its body (none without a body)."""
        return list((self.body or {"fields": []})["fields"])

    @property
    def files(self) -> dict[str, tuple[int, Any]]:
        """Wire name -> (min, max) bytes of each file field of its body (max None: no limit)."""
        return {f["name"]: (f["file"]["min"], f["file"]["max"]) for f in self.body_fields if f["file"]}

    @property
    def param_names(self) -> dict[str, str]:
        """Python name -> wire name of its parameters, where they differ."""
        return {p["python"]: p["name"] for p in self.params if p["python"] != p["name"]}

    @property
    def body_names(self) -> dict[str, str]:
        """Wire name -> Python name of its body fields, where they differ."""
        return {f["name"]: f["python"] for f in self.body_fields if f["python"] != f["name"]}

    @property
    def deprecated_names(self) -> list[str]:
        """Python names of its deprecated parameters and body fields."""
        items = [*self.params, *self.body_fields]
        return [item["python"] for item in items if item["deprecated"] is not None]

    @property
    def scope(self) -> str | None:
        """The Python name of its `x-limit-scope` parameter (requests in flight counted per value)."""
        return next((python_name(p["name"]) for p in self.parameters if p.get("x-limit-scope")), None)

    @property
    def paging(self) -> Paging:
        """`x-paging`, in Python names (LookupError when the operation does not page: see `paged`)."""
        paging = self.definition.get("x-paging")
        if paging is None:
            raise LookupError(f"{self.operation_id} does not page")
        key = paging.get("item-key")
        after = None
        if paging.get("after") is not None:
            after = After("after_" + python_name(key), python_name(paging["after"]))
        return Paging(python_name(paging["cursor"]), python_name(key) if key else None, after)

    @property
    def success_model(self) -> str:
        """The class name of its 2xx answer's model (the component's name)."""
        schema = self.schema_name(self.success_status)
        return model_name(schema) if schema else "None"

    @property
    def body_schema(self) -> dict[str, Any] | None:
        """The request body's schema, `allOf` merged; None without a body."""
        if self.body is None:
            return None
        return flatten({"$ref": f"#/components/schemas/{self.body['schema']}"})

    @property
    def paged(self) -> bool:
        return "x-paging" in self.definition

    @property
    def responses(self) -> Mapping[str, Any]:
        responses: Mapping[str, Any] = self.definition["responses"]
        return responses

    @property
    def statuses(self) -> list[int]:
        return sorted(int(code) for code in self.responses)

    @property
    def success_status(self) -> int:
        """Its documented 2xx status."""
        return min(status for status in self.statuses if 200 <= status < 300)

    @property
    def module(self) -> ModuleType:
        """yandex_market_chat.api.<tag>.<module> generated for this operationId."""
        return operation_module(self.operation_id)

    def response(self, status: int) -> dict[str, Any]:
        return resolve(self.responses[str(status)])

    def media(self, status: int) -> dict[str, Any]:
        """The application/json entry of a response: schema and example (both None for an answer
        without a body, such as a 204)."""
        content = self.response(status).get("content")
        if not content:
            return {"schema": None, "example": None}
        media: dict[str, Any] = content["application/json"]
        return media

    def example_answer(self, status: int) -> Any:
        """The body example of the response at `status` (a fresh copy)."""
        return copy.deepcopy(self.media(status)["example"])

    def example_headers(self, status: int) -> dict[str, str]:
        """The header examples of the response at `status`, as the wire carries them."""
        headers = {}
        for name, header in self.response(status).get("headers", {}).items():
            header = resolve(header)
            if "example" in header:
                headers[name] = str(header["example"])
        return headers

    def schema_name(self, status: int) -> str | None:
        """The component schema of the response body at `status` (None: no body)."""
        schema = self.media(status)["schema"]
        return None if schema is None else str(schema["$ref"]).rsplit("/", 1)[-1]

    def model(self, status: int) -> type[Any]:
        """The generated model class of the response body at `status` (NoneType: no body)."""
        name = self.schema_name(status)
        return type(None) if name is None else model_class(name)

    def path_pattern(self) -> re.Pattern[str]:
        """The path with each `{param}` as a named group."""
        parts = re.split(r"\{([^/]+?)\}", self.path)
        regex = "".join(
            re.escape(part) if i % 2 == 0 else f"(?P<{_group(part)}>[^/]+)" for i, part in enumerate(parts)
        )
        return re.compile(regex)

    def matches(self, method: str, path: str) -> bool:
        return method.lower() == self.method and self.path_pattern().fullmatch(path) is not None

    def path_values(self, path: str) -> dict[str, str]:
        """Wire name -> the text of each path parameter in a path of this operation."""
        found = self.path_pattern().fullmatch(path)
        if found is None:
            raise ValueError(f"{path} is not a path of {self.operation_id}")
        names = {_group(p["name"]): p["name"] for p in self.params if p["in"] == "path"}
        return {names[group]: value for group, value in found.groupdict().items()}


def _group(name: str) -> str:
    return "p_" + re.sub(r"\W", "_", name)


def _operations() -> list[Operation]:
    found = []
    for path, method, definition, parameters in spec_io.operations(SPEC):
        operation_id = definition["operationId"]
        found.append(Operation(operation_id, method, path, definition, tuple(parameters)))
    return found


OPERATIONS: dict[str, Operation] = {op.operation_id: op for op in _operations()}
"""operationId -> Operation, in the spec's order."""


def operation_for(method: str, url: str) -> Operation:
    """The spec operation a request goes to (by method and path; a literal path segment beats a
    template, as a router does)."""
    path = urlsplit(url).path
    found = [op for op in OPERATIONS.values() if op.matches(method, path)]
    if not found:
        raise LookupError(f"no operation in the spec for {method.upper()} {path}")
    return min(found, key=lambda op: op.path.count("{"))


def documented_pairs() -> list[tuple[str, int]]:
    """Every (operationId, status) the spec documents."""
    return [(op.operation_id, status) for op in OPERATIONS.values() for status in op.statuses]


def pair_id(operation_id: str, status: int) -> str:
    return f"{operation_id}-{status}"


PAIRS = documented_pairs()
"""Every (operationId, status) the spec documents, read once."""

each_pair = pytest.mark.parametrize(("operation_id", "status"), PAIRS, ids=[pair_id(*pair) for pair in PAIRS])
"""Parametrize a test by every documented (operation_id, status)."""

each_operation = pytest.mark.parametrize("operation_id", list(OPERATIONS))
"""Parametrize a test by every operation of the spec."""


def operations_where(test: Callable[[Operation], object]) -> pytest.MarkDecorator:
    """Parametrize a test by the operations for which `test` holds (an operation added to the spec
    joins when it has what the test is about)."""
    return pytest.mark.parametrize(
        "operation_id", [op.operation_id for op in OPERATIONS.values() if test(op)]
    )


# --- calls built from the spec's examples -------------------------------------------------------


@dataclass(frozen=True)
class WireCall:
    """The request a call must put on the wire."""

    method: str
    path: str
    query: httpx.QueryParams
    json: Any = None
    """The JSON body, by value (None: no JSON body)."""
    parts: list[tuple[str, str | None, bytes]] | None = None
    """The multipart parts as (name, filename, content), in order (None: no multipart body)."""

    @property
    def url(self) -> str:
        """The URL against the spec's server (query encoded as httpx encodes it)."""
        query = str(self.query)
        return API_SERVER + self.path + (f"?{query}" if query else "")


@dataclass(frozen=True)
class Call:
    """One call of an operation: parameter values by Python name and the body as its wire value
    (the JSON value; for multipart, wire field name -> value, bytes for a file)."""

    operation: Operation
    params: dict[str, Any]
    body: Any = None

    def module_kwargs(self) -> dict[str, Any]:
        """Fresh keyword arguments for `module.sync(client=..., **kwargs)` (and the other three):
        the parameters, and `body=` the JSON value as a dict, or the multipart model."""
        kwargs = copy.deepcopy(self.params)
        body = self.operation.body
        if body is None:
            return kwargs
        if body["kind"] == "json":
            kwargs["body"] = copy.deepcopy(self.body)
            return kwargs
        values = {}
        for item in body["fields"]:
            if item["name"] not in self.body:
                continue
            value = self.body[item["name"]]
            if item["file"]:
                value = File.from_source(value, file_name=FILE_NAME)
            values[item["python"]] = copy.deepcopy(value) if not item["file"] else value
        kwargs["body"] = model_class(body["schema"])(**values)
        return kwargs

    def client_kwargs(self) -> dict[str, Any]:
        """Fresh keyword arguments for the client objects' method: the parameters and the body's
        top-level fields, by their Python names (a file as bytes, with `file_name`)."""
        kwargs = copy.deepcopy(self.params)
        body = self.operation.body
        if body is None:
            return kwargs
        names = {item["name"]: item["python"] for item in body["fields"]}
        files = [item for item in body["fields"] if item["file"]]
        unknown = sorted(set(self.body) - set(names))
        if unknown:
            raise LookupError(f"{self.operation.operation_id}: body fields {unknown} are not in its schema")
        kwargs.update({names[name]: copy.deepcopy(value) for name, value in self.body.items()})
        if len(files) == 1 and files[0]["name"] in self.body:
            kwargs["file_name"] = FILE_NAME
        return kwargs

    def wire(self) -> WireCall:
        """What these arguments must put on the wire."""
        operation = self.operation
        by_python = {p["python"]: p for p in operation.params}
        path = operation.path
        query: list[tuple[str, Any]] = []
        for python, value in self.params.items():
            param = by_python[python]
            if param["in"] == "path":
                path = path.replace("{" + param["name"] + "}", quote(str(value), safe=""))
            elif param["in"] == "query":
                query.extend(_query_pairs(operation, param["name"], value))
        body = operation.body
        json_body = parts = None
        if body is not None and body["kind"] == "json":
            json_body = self.body
        elif body is not None:
            parts = []
            for item in body["fields"]:
                if item["name"] in self.body:
                    value = self.body[item["name"]]
                    content = value if isinstance(value, bytes) else str(value).encode()
                    parts.append((item["name"], FILE_NAME if item["file"] else None, content))
        return WireCall(operation.method.upper(), path, httpx.QueryParams(query), json_body, parts)

    def with_params(self, **values: Any) -> Call:
        """The same call with some parameters (Python names) replaced."""
        return Call(self.operation, {**self.params, **values}, copy.deepcopy(self.body))

    def with_body(self, body: Any) -> Call:
        return Call(self.operation, copy.deepcopy(self.params), body)


def _query_pairs(operation: Operation, name: str, value: Any) -> list[tuple[str, Any]]:
    """A query parameter's (name, text) pairs as the spec serializes it (style form): a list one
    pair per item with `explode: true` (the default), one comma-joined pair with `explode: false`."""
    if not isinstance(value, list):
        return [(name, value)]
    texts = [json.dumps(item) if isinstance(item, bool) else str(item) for item in value]
    definition = param_definition(operation, name)
    if definition.get("explode", definition.get("style", "form") == "form"):
        return [(name, text) for text in texts]
    return [(name, ",".join(texts))]


def param_definition(operation: Operation, name: str) -> dict[str, Any]:
    """The parameter object of the spec (resolved) the operation's parameter `name` comes from."""
    return resolve(_at(_param_pointer(operation, name)))


def param_example(operation: Operation, param: Mapping[str, Any]) -> Any:
    value = param["example"]
    if value is None:
        raise LookupError(
            f"{operation.operation_id}: parameter {param['name']} has no example: add one to the spec "
            "(the Spectral house rule house-parameter-has-example requires it)"
        )
    return copy.deepcopy(value)


def body_example(operation: Operation) -> Any:
    """The request body the examples give: the JSON media example; for multipart, its example's
    fields (if any) and FILE_BYTES for every binary field."""
    body = operation.body
    if body is None:
        return None
    example = copy.deepcopy(body["example"])
    if body["kind"] == "json":
        if example is None:
            raise LookupError(
                f"{operation.operation_id}: the JSON request body has no example: add one to the spec "
                "(the Spectral house rule house-json-request-body-has-example requires it)"
            )
        return example
    values = dict(example or {})
    for item in body["fields"]:
        if item["file"]:
            values[item["name"]] = FILE_BYTES
    return values


def example_call(operation: Operation) -> Call:
    """The call the spec's examples make: every parameter from its example, and the body. An
    optional deprecated parameter keeps its example in the spec (the house rule) but is left out:
    the call a reader copies uses nothing deprecated (a user who passes it gets a
    DeprecationWarning, and it is sent)."""
    params = {
        p["python"]: param_example(operation, p)
        for p in operation.params
        if p["deprecated"] is None or p["required"]
    }
    call = Call(operation, params, body_example(operation))
    too_big = [value for value in _integers([params, call.body]) if abs(value) >= PRISM_MAX_INT]
    if too_big:
        raise ValueError(f"{operation.operation_id}: example integers {too_big} are not below 2**53 (Prism)")
    return call


def _integers(value: Any) -> Iterator[int]:
    if isinstance(value, bool):
        return
    if isinstance(value, int):
        yield value
    elif isinstance(value, Mapping):
        for item in value.values():
            yield from _integers(item)
    elif isinstance(value, list):
        for item in value:
            yield from _integers(item)


def call_kwargs(operation_id: str) -> dict[str, Any]:
    """Module-function keyword arguments of the operation's example call."""
    return example_call(OPERATIONS[operation_id]).module_kwargs()


def check_request(request: httpx.Request, expected: WireCall, api_key: str) -> None:
    """`request` is the one `expected` describes: method, URL, credentials, body by value."""
    assert request.method == expected.method
    assert f"{request.url.scheme}://{request.url.host}" == API_SERVER
    assert request.url.raw_path.split(b"?")[0].decode() == expected.path
    assert request.url.params == expected.query, f"{request.url.params} != {expected.query}"
    assert request.headers["Api-Key"] == api_key
    assert "authorization" not in request.headers
    content_type = request.headers.get("content-type", "")
    if expected.json is not None:
        assert content_type == "application/json"
        assert json.loads(request.content) == expected.json
    elif expected.parts is not None:
        assert content_type.startswith("multipart/form-data; boundary=")
        assert [part.sent for part in form_parts(content_type, request.content)] == expected.parts
    else:
        assert request.content == b"" and not content_type


# --- multipart bodies ----------------------------------------------------------------------------


@dataclass(frozen=True)
class FormPart:
    name: str | None
    filename: str | None
    content_type: str | None
    content: bytes

    @property
    def sent(self) -> tuple[str | None, str | None, bytes]:
        """(name, filename, content): what WireCall.parts lists."""
        return self.name, self.filename, self.content


def header_param(value: str, name: str) -> str | None:
    """A parameter of a header value: `boundary` of a Content-Type, `filename` of a disposition."""
    message = Message()
    message["X-Value"] = value
    param = message.get_param(name, header="X-Value")
    if isinstance(param, tuple):
        return collapse_rfc2231_value(param)
    return param if isinstance(param, str) else None


def form_parts(content_type: str, body: bytes) -> list[FormPart]:
    """The parts of a multipart/form-data body, byte for byte (no transfer decoding)."""
    boundary = header_param(content_type, "boundary")
    if not boundary:
        raise ValueError(f"no boundary in {content_type!r}")
    chunks = body.split(b"--" + boundary.encode("ascii"))
    if len(chunks) < 2 or chunks[0] not in (b"", b"\r\n") or not chunks[-1].startswith(b"--"):
        raise ValueError("not a well-formed multipart body")
    parts = []
    for chunk in chunks[1:-1]:
        if not chunk.startswith(b"\r\n") or not chunk.endswith(b"\r\n"):
            raise ValueError("a multipart part is not framed by CRLF")
        head, separator, content = chunk[2:-2].partition(b"\r\n\r\n")
        if not separator:
            raise ValueError("a multipart part has no header/content separator")
        headers = httpx.Headers()
        for line in head.decode("utf-8").split("\r\n"):
            name, _, value = line.partition(":")
            headers[name.strip()] = value.strip()
        disposition = headers.get("content-disposition", "")
        parts.append(
            FormPart(
                name=header_param(disposition, "name"),
                filename=header_param(disposition, "filename"),
                content_type=headers.get("content-type"),
                content=content,
            )
        )
    return parts


# --- answers parsed into models -----------------------------------------------------------------


def type_problems(value: object, hint: Any, where: str) -> list[str]:
    """Where a parsed value is not of the type the generated code declares for it.

    A model that round-trips its body is not enough: a client generated from an older spec
    (say `chatId` integer, while the spec now says string) hands the new value through
    unchanged under the old annotation.
    """
    if hint is Any:
        return []
    origin, args = get_origin(hint), get_args(hint)
    if origin in (Union, UnionType):
        options = [type_problems(value, arg, where) for arg in args]
        if any(not problems for problems in options):
            return []
        # Report from the arm the value's class belongs to: it says which field is wrong.
        for arg, problems in zip(args, options, strict=True):
            if isinstance(get_origin(arg) or arg, type) and isinstance(value, get_origin(arg) or arg):
                return problems
        return [f"{where}: {value!r} is not {hint}"]
    if origin is list:
        if not isinstance(value, list):
            return [f"{where}: {value!r} is not a list"]
        return [p for i, item in enumerate(value) for p in type_problems(item, args[0], f"{where}[{i}]")]
    if origin is dict:
        return [] if isinstance(value, dict) else [f"{where}: {value!r} is not a dict"]
    if hint is type(None):
        return [] if value is None else [f"{where}: {value!r} is not None"]
    if hint in (int, float) and isinstance(value, bool):
        return [f"{where}: {value!r} is a bool, not {hint.__name__}"]
    if hint is dt.date and isinstance(value, dt.datetime):
        return [f"{where}: {value!r} is a datetime, not a date"]
    if isinstance(hint, type):
        if not isinstance(value, hint):
            return [f"{where}: {value!r} is a {type(value).__name__}, not {hint.__name__}"]
        if attrs.has(hint):
            hints = get_type_hints(hint, localns=vars(yandex_market_chat.models) | {"Unset": Unset})
            return [
                problem
                for attribute in attrs.fields(hint)
                for problem in type_problems(
                    getattr(value, attribute.name), hints[attribute.name], f"{where}.{attribute.name}"
                )
            ]
        return []
    raise NotImplementedError(f"{where}: cannot check a value against {hint!r}")


def json_differences(schema: Mapping[str, Any], got: Any, want: Any, where: str) -> list[str]:
    """Where two JSON values of `schema` differ in meaning: like ==, except that `date-time` and
    `date` strings are compared as the instants and days they name (`Z` is `+00:00`), and an
    optional nullable member that is `null` is the same as one left out (an answer model reads
    both as None)."""
    schema = flatten(schema) if schema else {}
    fmt = schema.get("format") if schema.get("type") == "string" else None
    if fmt in ("date-time", "date") and isinstance(got, str) and isinstance(want, str):
        try:
            same = isoparse(got) == isoparse(want)
        except ValueError:
            same = got == want
        return [] if same else [f"{where}: {got!r} != {want!r}"]
    if isinstance(got, dict) and isinstance(want, dict):
        properties = schema.get("properties", {})
        required = set(schema.get("required", ()))

        def absent(key: str, value: Any) -> bool:
            member = properties.get(key)
            return value is None and key not in required and bool(member and flatten(member).get("nullable"))

        got = {key: value for key, value in got.items() if not absent(key, value)}
        want = {key: value for key, value in want.items() if not absent(key, value)}
        if sorted(got) != sorted(want):
            return [f"{where}: keys {sorted(got)} != {sorted(want)}"]
        extra = schema.get("additionalProperties")
        return [
            problem
            for key in got
            for problem in json_differences(
                properties.get(key, extra if isinstance(extra, Mapping) else {}),
                got[key],
                want[key],
                f"{where}.{key}",
            )
        ]
    if isinstance(got, list) and isinstance(want, list):
        if len(got) != len(want):
            return [f"{where}: {len(got)} items != {len(want)}"]
        items = schema.get("items", {})
        return [
            problem
            for i, (left, right) in enumerate(zip(got, want, strict=True))
            for problem in json_differences(items, left, right, f"{where}[{i}]")
        ]
    same = got == want and isinstance(got, bool) == isinstance(want, bool)
    return [] if same else [f"{where}: {got!r} != {want!r}"]


def check_model(model: type[Any], parsed: object, body: object, schema_name: str | None = None) -> None:
    """`parsed` is a `model` of the declared field types that gives `body` back (by meaning: a
    date-time written `Z` may come back `+00:00`). `schema_name` defaults to the model's name."""
    assert type(parsed) is model, f"expected a {model.__name__}, got {parsed!r}"
    if parsed is None:  # (an answer without a body)
        assert body is None
        return
    assert type_problems(parsed, model, model.__name__) == []
    schema = {"$ref": f"#/components/schemas/{schema_name or model.__name__}"}
    assert json_differences(schema, parsed.to_dict(), body, model.__name__) == []  # type: ignore[attr-defined]


def check_answer(operation: Operation, status: int, parsed: object, body: object) -> None:
    """`parsed` is the model the spec documents for `status`, carrying `body`."""
    check_model(operation.model(status), parsed, body, operation.schema_name(status))


def check_example_answer(operation: Operation, parsed: object) -> None:
    """`parsed` is the operation's success model carrying the spec's example answer."""
    status = operation.success_status
    check_answer(operation, status, parsed, operation.example_answer(status))


# --- limits a value can break ---------------------------------------------------------------------


@dataclass(frozen=True)
class Bound:
    """One limit of a parameter or a body field that the client checks before sending.

    `where` is the argument's path as InvalidRequestError names it (the Python name of the
    parameter or top-level body field, then wire names: `context.id`, `items[0]`); `steps` are
    the wire keys (and list indexes) from the body's root, empty for a parameter.
    """

    operation: Operation
    param: str | None
    """The parameter's Python name; None for a body field."""
    steps: tuple[str | int, ...]
    where: str
    keyword: str
    """minimum, maximum, minLength, maxLength, minItems, maxItems or enum."""
    outside: tuple[Any, ...]
    inside: tuple[Any, ...]
    pointer: tuple[str | int, ...]
    """Where the keyword sits in the spec document (to change it in a copy)."""
    binary: bool = False

    @property
    def id(self) -> str:
        return f"{self.operation.operation_id}:{self.where}:{self.keyword}"

    @property
    def schema(self) -> dict[str, Any]:
        """The schema the limit belongs to."""
        return flatten(_at(self.pointer[:-1]))

    @property
    def written(self) -> bool:
        """The keyword is written in the spec (not implied by an int32/int64 format)."""
        return self.keyword in _at(self.pointer[:-1])

    def call_with(self, value: Any) -> Call:
        """The example call with this argument set to `value` (missing parents made from their
        schema's smallest valid value)."""
        call = example_call(self.operation)
        if self.param is not None and not self.steps:
            return call.with_params(**{self.param: value})
        if self.param is not None:  # an item of a list parameter
            entry = next(p for p in self.operation.params if p["python"] == self.param)
            items = _set(call.params.get(self.param), entry["schema"], self.steps, value)
            return call.with_params(**{self.param: items})
        assert self.operation.body_schema is not None
        body = copy.deepcopy(call.body)
        body = _set(body, self.operation.body_schema, self.steps, value)
        return call.with_body(body)


def _set(container: Any, schema: Mapping[str, Any], steps: tuple[str | int, ...], value: Any) -> Any:
    if not steps:
        return value
    schema = flatten(schema)
    step, rest = steps[0], steps[1:]
    if isinstance(step, int):
        items = list(container) if isinstance(container, list) and container else [smallest(schema["items"])]
        if schema.get("uniqueItems"):
            items = items[:1]  # (the new first item could repeat a later one)
        items[0] = _set(items[0], schema["items"], rest, value)
        return items
    target = dict(container) if isinstance(container, Mapping) else smallest(schema)
    sub = schema.get("properties", {})[step]
    target[step] = _set(target.get(step, smallest(sub) if rest else None), sub, rest, value)
    return target


def smallest(schema: Mapping[str, Any]) -> Any:
    """A small valid value of a schema: its example if it has one, else built from its limits."""
    schema = flatten(schema)
    if "example" in schema:
        return copy.deepcopy(schema["example"])
    if "enum" in schema:
        return schema["enum"][0]
    kind = schema.get("type")
    if kind == "integer":
        return schema.get("minimum", 0) + 1 if schema.get("exclusiveMinimum") else schema.get("minimum", 1)
    if kind == "number":
        return (
            schema.get("minimum", 0) + 0.5 if schema.get("exclusiveMinimum") else schema.get("minimum", 1.0)
        )
    if kind == "boolean":
        return False
    if kind == "string":
        if schema.get("format") == "binary":
            return FILE_BYTES
        if schema.get("format") == "date-time":
            return "2025-07-10T00:42:42Z"
        if schema.get("format") == "date":
            return "2025-07-10"
        return "x" * max(schema.get("minLength", 1), 1)
    if kind == "array":
        return [smallest(schema["items"]) for _ in range(schema.get("minItems", 0))]
    return {
        name: smallest(sub)
        for name, sub in schema.get("properties", {}).items()
        if name in schema.get("required", [])
    }


def _items(schema: Mapping[str, Any], count: int) -> list[Any] | None:
    """`count` valid items for an array schema, all different if it wants `uniqueItems`; None
    when that many different ones cannot be made."""
    if count < 0:
        return None
    item_schema = flatten(schema["items"])
    if not schema.get("uniqueItems"):
        return [smallest(item_schema)] * count
    if "enum" in item_schema:
        values = [v for v in item_schema["enum"] if v is not None]
        return values[:count] if len(values) >= count else None
    if item_schema.get("type") == "integer":
        return [smallest(item_schema) + i for i in range(count)]
    if item_schema.get("type") == "string" and not item_schema.get("format"):
        return [smallest(item_schema) + str(i) for i in range(count)]
    return None if count > 1 else [smallest(item_schema)] * count


def bounds(operation: Operation) -> list[Bound]:
    """Every limit of the operation's parameters and body fields (also the range an int32 or
    int64 format implies), with values just outside and just inside it."""
    found: list[Bound] = []
    for entry in operation.params:
        pointer = (*_param_pointer(operation, entry["name"]), "schema")
        _walk(operation, entry["python"], (), entry["python"], pointer, found)
    body = operation.body
    if body is not None:
        root: tuple[str | int, ...] = ("components", "schemas", body["schema"])
        names = {item["name"]: item["python"] for item in body["fields"]}
        for name in flatten(_at(root)).get("properties", {}):
            _walk(operation, None, (name,), names.get(name, name), _property_pointer(root, name), found)
    return found


def _param_pointer(operation: Operation, name: str) -> tuple[str | int, ...]:
    """Where the parameter is defined (the component it refers to, or inline)."""
    item = SPEC["paths"][operation.path]
    for base, listed in (
        (("paths", operation.path, operation.method), item[operation.method].get("parameters", [])),
        (("paths", operation.path), item.get("parameters", [])),
    ):
        for index, node in enumerate(listed):
            if resolve(node)["name"] == name:
                ref = node.get("$ref")
                return tuple(ref.removeprefix("#/").split("/")) if ref else (*base, "parameters", index)
    raise LookupError(f"{operation.operation_id}: no parameter {name}")


def _property_pointer(owner: tuple[str | int, ...], name: str) -> tuple[str | int, ...]:
    """Where property `name` of the object schema at `owner` is written (through allOf parts)."""
    node: Any = _at(owner)
    if "$ref" in node:
        return _property_pointer(tuple(node["$ref"].removeprefix("#/").split("/")), name)
    if name in node.get("properties", {}):
        return (*owner, "properties", name)
    for index, _ in enumerate(node.get("allOf", [])):
        try:
            return _property_pointer((*owner, "allOf", index), name)
        except LookupError:
            continue
    raise LookupError(f"no property {name} under {'/'.join(map(str, owner))}")


def _at(pointer: tuple[str | int, ...]) -> Any:
    node: Any = SPEC
    for step in pointer:
        node = node[step]
    return node


def _walk(
    operation: Operation,
    param: str | None,
    steps: tuple[str | int, ...],
    where: str,
    pointer: tuple[str | int, ...],
    found: list[Bound],
) -> None:
    node = _at(pointer)
    while "$ref" in node:
        pointer = tuple(node["$ref"].removeprefix("#/").split("/"))
        node = _at(pointer)
    schema = flatten(node)

    def add(keyword: str, outside: tuple[Any, ...], inside: tuple[Any, ...], binary: bool = False) -> None:
        found.append(
            Bound(operation, param, steps, where, keyword, outside, inside, (*pointer, keyword), binary)
        )

    kind = schema.get("type")
    if "enum" in schema:
        add("enum", ("NOT-IN-THE-SPEC-ENUM",), tuple(v for v in schema["enum"] if v is not None))
    elif kind == "integer":
        low, high = INT32 if schema.get("format") == "int32" else INT64
        low, high = schema.get("minimum", low), schema.get("maximum", high)
        low += 1 if schema.get("exclusiveMinimum") is True else 0
        high -= 1 if schema.get("exclusiveMaximum") is True else 0
        add("type", (True, str(low), float(low)), ())
        add("minimum", (low - 1,) + ((-1,) if low > 0 else ()), (low,))
        add("maximum", (high + 1,), (high,))
    elif kind == "number":
        if "minimum" in schema and not schema.get("exclusiveMinimum"):
            add("minimum", (schema["minimum"] - 0.5,), (schema["minimum"],))
        if "maximum" in schema and not schema.get("exclusiveMaximum"):
            add("maximum", (schema["maximum"] + 0.5,), (schema["maximum"],))
    elif kind == "string":
        binary = schema.get("format") == "binary"
        unit: Any = b"x" if binary else "x"
        pattern = schema.get("pattern")
        if pattern is not None and isinstance(schema.get("example"), str) and schema["example"]:
            unit = schema["example"][0]  # (repeated, a character of the example fits most patterns)

        def fits(*values: Any) -> bool:
            """Values only a length limit can refuse (a pattern would refuse the others too)."""
            return pattern is None or all(re.search(pattern, value) for value in values if value)

        if schema.get("minLength", 0) > 0:
            low, at = unit * (schema["minLength"] - 1), unit * schema["minLength"]
            if fits(low, at):
                add("minLength", (low,), (at,), binary)
        if "maxLength" in schema:
            high, at = unit * (schema["maxLength"] + 1), unit * schema["maxLength"]
            if fits(high, at):
                add("maxLength", (high,), (at,), binary)
    elif kind == "array":
        fewest: int = schema.get("minItems", 0)
        most: int | None = schema.get("maxItems")
        lists = {count: _items(schema, count) for count in {fewest - 1, fewest, (most or 0), (most or 0) + 1}}
        if fewest > 0 and lists[fewest - 1] is not None and lists[fewest] is not None:
            add("minItems", (lists[fewest - 1],), (lists[fewest],))
        if most is not None and lists[most] is not None and lists[most + 1] is not None:
            add("maxItems", (lists[most + 1],), (lists[most],))
        _walk(operation, param, (*steps, 0), f"{where}[0]", (*pointer, "items"), found)
    for name in schema.get("properties", {}):
        owner = _property_pointer(pointer, name)
        _walk(operation, param, (*steps, name), f"{where}.{name}", owner, found)
