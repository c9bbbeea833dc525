"""The reader: the chat spec read once into the typed values of codegen/contract.py.

openapi-python-client's template API (0.29.1) sees neither schema constraints (upstream #726) nor
vendor extensions; the client objects, the TypedDicts, the docstrings and the per-operation
literals of the endpoint modules need both. This module reads them from the spec and gives every
name the generator gives too (it calls the generator's own naming helpers with its config), so a
name computed here is the name in the generated code. What cannot be generated (a body in two
media types, a parameter in a cookie, ...) stops generation here, naming its path.

The vendor extensions read here (documented in the spec's `info.description`):
- `x-idempotent` (operation, required): sending it twice has the effect of sending it once;
- `x-paging` (operation): how the operation pages (see `paging()`);
- `x-hourly-limit` (operation): requests per hour the service allows for the method;
- `x-client-default` (parameter): the client objects take it once, or from YANDEX_MARKET_<NAME>;
- `x-limit-scope` (parameter): requests in flight are counted per value (the service's
  simultaneous-request limit is per business);
- `x-length-unit: utf-16` (string schema): lengths count UTF-16 code units;
- `x-require-one-of` (object schema): at least one of these properties must be given.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping
from typing import Any

from codegen import prose
from codegen.contract import (
    After,
    Answer,
    Api,
    Body,
    BodyField,
    CliArg,
    ClientDefault,
    FileLimits,
    ModelRef,
    Operation,
    Paging,
    Parameter,
    TypedDictField,
    TypedDictSpec,
)
from codegen.prose import describe, text
from codegen.spec import GenerationError, operations, ref_name, resolve

INT32 = (-(2**31), 2**31 - 1)
INT64 = (-(2**63), 2**63 - 1)
ENV_PREFIX = "YANDEX_MARKET_"
OPTIONS = ("client", "extra_headers", "timeout", "max_retries")
"""Arguments the module functions or the client objects' methods take besides the spec's."""
BODY_KINDS = {"application/json": "json", "multipart/form-data": "multipart"}


class Namer:
    """The generator's names: the same helpers, the same config."""

    def __init__(self, config: Any) -> None:
        self.config = config

    def identifier(self, value: str) -> str:
        from openapi_python_client.strings import PythonIdentifier

        return str(PythonIdentifier(value, prefix=self.config.field_prefix))

    def model(self, spec: Mapping[str, Any], name: str) -> tuple[str, str]:
        """(class name, module name) the generator gives component schema `name`."""
        from openapi_python_client.parser.properties.schemas import Class

        schema = spec["components"]["schemas"][name]
        # A schema that only says `allOf: [$ref: X]` (nothing of its own but a type or words) is X
        # to the generator: it writes no model of its own for it.
        seen = {name}
        while (
            len(schema.get("allOf", [])) == 1
            and not set(schema) - {"allOf", "type", "description", "title", "nullable"}
            and (target := ref_name(schema["allOf"][0])) is not None
            and target not in seen
        ):
            name, schema = target, spec["components"]["schemas"][target]
            seen.add(name)
        title = schema.get("title") if not self.config.use_path_prefixes_for_title_model_names else None
        found = Class.from_string(string=title or name, config=self.config)
        return str(found.name), str(found.module_name)

    def tag(self, tag: str) -> str:
        from openapi_python_client.strings import PythonIdentifier

        return str(PythonIdentifier(value=tag, prefix="tag"))


class Reader:
    """Reads one spec into facts; collects the models and TypedDicts the types refer to."""

    def __init__(self, spec: Mapping[str, Any], namer: Namer) -> None:
        self.spec = spec
        self.namer = namer
        self.dicts: dict[str, TypedDictSpec | None] = {}
        """Schema name -> its TypedDict (for request bodies given as dicts); None while it is made."""

    # --- types ------------------------------------------------------------------------------

    def model_ref(self, name: str) -> ModelRef:
        cls, module = self.namer.model(self.spec, name)
        return ModelRef(cls, module)

    def schema_example(self, schema: Mapping[str, Any]) -> Any:
        return resolve(self.spec, schema).get("example") if schema else None

    def is_object(self, schema: Mapping[str, Any]) -> bool:
        return schema.get("type") == "object" or "properties" in schema or "allOf" in schema

    def py_type(self, schema: Mapping[str, Any], where: str, models: dict[str, str]) -> str:
        """The Python type an argument of this schema takes (models also as dicts, enums also as
        their string values); `models` collects class -> module of the classes it names."""
        name = ref_name(schema)
        if name is not None:
            target = resolve(self.spec, schema, where)
            model = self.model_ref(name)
            if self.is_object(target):
                models[model.name] = model.module
                self.typed_dict(name, target)
                return f"{model.name} | {name}Dict"
            if "enum" in target:
                models[model.name] = model.module
                return f"{model.name} | {self.literal(target)}"
            return self.py_type(target, where, models)
        if "$ref" in schema:
            return self.py_type(resolve(self.spec, schema, where), where, models)
        kind = schema.get("type")
        if len(schema.get("allOf", [])) == 1 and kind is None:
            base = self.py_type(schema["allOf"][0], where, models)
        elif kind == "integer":
            base = "int"
        elif kind == "number":
            base = "float"
        elif kind == "boolean":
            base = "bool"
        elif kind == "string":
            fmt = schema.get("format")
            if fmt == "binary":
                base = "FileSource"
            elif fmt == "date-time":
                base = "datetime.datetime | str"
            elif fmt == "date":
                base = "datetime.date | str"
            elif "enum" in schema:
                base = self.literal(schema)
            else:
                base = "str"
        elif kind == "array":
            base = f"Sequence[{self.py_type(schema.get('items', {}), where + '/items', models)}]"
        elif kind == "object" or "properties" in schema:
            base = "Mapping[str, Any]"
        else:
            base = "Any"
        return f"{base} | None" if schema.get("nullable") and base != "Any" else base

    def cli(self, schema: Mapping[str, Any], where: str) -> CliArg:
        """How the command line reads an argument of this schema: its kind (int, float, bool,
        str, json, file), whether it takes several values, and the choices of an enum."""
        target = resolve(self.spec, schema, where) if "$ref" in schema else dict(schema)
        if len(target.get("allOf", [])) == 1 and "type" not in target:
            target = resolve(self.spec, target["allOf"][0], where)
        multiple = target.get("type") == "array"
        if multiple:
            target = resolve(self.spec, target.get("items", {}), where + "/items")
        kind = target.get("type")
        if kind == "string":
            name = "file" if target.get("format") == "binary" else "str"
        else:
            name = {"integer": "int", "number": "float", "boolean": "bool"}.get(str(kind), "json")
        choices = tuple(str(v) for v in target["enum"] if v is not None) if "enum" in target else None
        return CliArg(name, multiple, choices)

    @staticmethod
    def literal(schema: Mapping[str, Any]) -> str:
        return "Literal[" + ", ".join(repr(str(v)) for v in schema["enum"] if v is not None) + "]"

    def typed_dict(self, name: str, schema: Mapping[str, Any]) -> None:
        """The TypedDict of component `name` (its JSON shape), made once."""
        if name in self.dicts:
            return
        self.dicts[name] = None  # (being made: a schema that refers to itself stops here)
        models: dict[str, str] = {}
        merged = self.object_schema(schema, f"#/components/schemas/{name}")
        fields = tuple(
            TypedDictField(
                prop,
                self.py_type(sub, f"#/components/schemas/{name}/properties/{prop}", models),
                prop in merged["required"],
                describe(self.spec, sub, f"#/components/schemas/{name}/properties/{prop}"),
            )
            for prop, sub in merged["properties"].items()
        )
        doc = text(schema.get("description")) or f"{name} as a dict."
        self.dicts[name] = TypedDictSpec(f"{name}Dict", name, doc, fields, models)

    def object_schema(self, schema: Mapping[str, Any], where: str) -> dict[str, Any]:
        """Properties and required names of an object schema, its allOf parts merged."""
        schema = resolve(self.spec, schema, where)
        properties: dict[str, Any] = {}
        required: list[str] = []
        for part in schema.get("allOf", []):
            nested = self.object_schema(part, where)
            properties.update(nested["properties"])
            required += [r for r in nested["required"] if r not in required]
        properties.update(schema.get("properties", {}))
        required += [r for r in schema.get("required", []) if r not in required]
        return {"properties": properties, "required": required}

    # --- operations ---------------------------------------------------------------------------

    def operation(
        self, path: str, method: str, op: Mapping[str, Any], params: list[dict[str, Any]]
    ) -> Operation:
        where = f"paths/{path}/{method}"
        op_id = op.get("operationId")
        if not op_id:
            raise GenerationError(f"{where}: every operation needs an operationId (it names the method)")
        if not isinstance(op.get("x-idempotent"), bool):
            raise GenerationError(
                f"operation {op_id} declares no retry policy: add `x-idempotent: true|false` "
                "(true only when sending it twice has the effect of sending it once)"
            )
        models: dict[str, str] = {}
        scope = None
        found: list[Parameter] = []
        seen: dict[str, str] = {}
        for param in params:
            if param.get("in") not in ("path", "query", "header"):
                raise GenerationError(
                    f"{where}: parameter {param.get('name')} in {param.get('in')} is not supported"
                )
            schema = param.get("schema", {})
            style = param.get("style", "form" if param["in"] == "query" else "simple")
            if style != ("form" if param["in"] == "query" else "simple"):
                raise GenerationError(
                    f"{where}: parameter {param.get('name')}: style {style} in {param['in']} is not supported"
                )
            python = self.namer.identifier(param["name"])
            if python in seen or python in ("body", *OPTIONS):
                raise GenerationError(
                    f"{where}: parameters {seen.get(python, python)!r} and {param['name']!r} both become "
                    f"the Python argument {python!r}"
                )
            seen[python] = param["name"]
            param_where = f"{where}/parameters/{param['name']}"
            found.append(
                Parameter(
                    name=param["name"],
                    python=python,
                    location=param["in"],
                    required=bool(param.get("required")),
                    type=self.py_type(schema, param_where, models),
                    doc=describe(self.spec, schema, param_where, param.get("description")),
                    cli=self.cli(schema, param_where),
                    deprecated=text(param.get("description")) if param.get("deprecated") else None,
                    explode=bool(param.get("explode", style == "form")),
                    allow_empty=bool(param.get("allowEmptyValue")),
                    client_default=ENV_PREFIX + python.upper() if param.get("x-client-default") else None,
                    example=param.get("example", self.schema_example(schema)),
                    schema=schema,
                    position=path.find("{" + param["name"] + "}"),
                )
            )
            if param.get("x-limit-scope"):
                scope = python
        body = self.body(op, where, models)
        success = self.success(op, where)
        paging = self.paging(op, where, found, body, success)
        self.check_fields(f"operation {op_id}", body, seen)
        return Operation(
            id=op_id,
            name=self.namer.identifier(op_id),
            tag=self.namer.tag((op.get("tags") or ["default"])[0]),
            method=method,
            path=path,
            summary=text(op.get("summary")),
            description=text(op.get("description")),
            deprecated=bool(op.get("deprecated")),
            idempotent=op["x-idempotent"],
            hourly_limit=op.get("x-hourly-limit"),
            scope=scope,
            params=tuple(found),
            body=body,
            success=success,
            paging=paging,
            models=models,
        )

    @staticmethod
    def check_fields(where: str, body: Body | None, taken: Mapping[str, str]) -> None:
        """No body field becomes the Python argument of a parameter or an option."""
        if body is None:
            return
        reserved = set(OPTIONS)
        if len(body.files) == 1:
            reserved |= {"file_name", "mime_type"}
        for field in body.fields:
            if field.python in taken or field.python in reserved:
                raise GenerationError(
                    f"{where}: the body field {field.name!r} and a parameter or option both become "
                    f"the Python argument {field.python!r}"
                )

    def body(self, op: Mapping[str, Any], where: str, models: dict[str, str]) -> Body | None:
        request = op.get("requestBody")
        if request is None:
            return None
        request = resolve(self.spec, request, where + "/requestBody")
        content = request.get("content", {})
        if len(content) != 1:
            raise GenerationError(
                f"{where}/requestBody: exactly one media type is supported, got {sorted(content)}"
            )
        ((media_type, media),) = content.items()
        kind = BODY_KINDS.get(media_type)
        if kind is None:
            raise GenerationError(
                f"{where}/requestBody: {media_type} bodies are not supported (json or multipart)"
            )
        schema = media.get("schema", {})
        name = ref_name(schema)
        if name is None:
            raise GenerationError(
                f"{where}/requestBody: the schema must be a named component ($ref: #/components/schemas/...)"
            )
        target = resolve(self.spec, schema, where)
        merged = self.object_schema(target, f"#/components/schemas/{name}")
        model = self.model_ref(name)
        models[model.name] = model.module
        if kind == "json":
            self.typed_dict(name, target)
        if kind == "multipart" and not request.get("required"):
            raise GenerationError(
                f"{where}/requestBody: an optional multipart body is not supported (its file would be an "
                "optional argument that the form cannot leave out): make it `required: true`"
            )
        fields = []
        for prop, sub in merged["properties"].items():
            sub_where = f"#/components/schemas/{name}/properties/{prop}"
            resolved = resolve(self.spec, sub, sub_where)
            file = None
            if resolved.get("type") == "string" and resolved.get("format") == "binary":
                file = FileLimits(int(resolved.get("minLength", 0)), resolved.get("maxLength"))
            # A field the schema requires is a required argument only when the body is: an optional
            # body is left out when no field is given, and checked whole when one is.
            needed = prop in merged["required"]
            doc = describe(self.spec, sub, sub_where)
            if needed and not request.get("required"):
                doc = f"{doc.rstrip('.')}. Required once any field of the body is given."
            fields.append(
                BodyField(
                    name=prop,
                    python=self.namer.identifier(prop),
                    required=needed and bool(request.get("required")),
                    type=self.py_type(sub, sub_where, models),
                    doc=doc,
                    cli=self.cli(sub, sub_where),
                    deprecated=text(resolved.get("description")) if resolved.get("deprecated") else None,
                    file=file,
                )
            )
        return Body(
            kind=kind,
            content_type=media_type,
            required=bool(request.get("required")),
            schema=name,
            model=model,
            typed_dict=f"{name}Dict" if kind == "json" else None,
            fields=tuple(fields),
            one_of=tuple(self.namer.identifier(n) for n in target.get("x-require-one-of", [])),
            example=media.get("example"),
        )

    def success(self, op: Mapping[str, Any], where: str) -> Answer:
        for code, response in op.get("responses", {}).items():
            if str(code).startswith("2") and str(code).isdigit():
                response = resolve(self.spec, response, f"{where}/responses/{code}")
                content = response.get("content", {})
                media = content.get("application/json")
                if media is None and content:
                    raise GenerationError(
                        f"{where}/responses/{code}: a {', '.join(sorted(content))} answer (a file download) "
                        "is not supported: the client parses JSON answers and answers without a body"
                    )
                if media is None:
                    return Answer(int(code), None, None)
                name = ref_name(media.get("schema", {}))
                if name is None:
                    raise GenerationError(
                        f"{where}/responses/{code}: the answer's schema must be a named component "
                        "($ref: #/components/schemas/...)"
                    )
                return Answer(int(code), self.model_ref(name), name)
        raise GenerationError(f"{where}: no 2xx response is documented")

    def paging(
        self,
        op: Mapping[str, Any],
        where: str,
        params: list[Parameter],
        body: Body | None,
        success: Answer,
    ) -> Paging | None:
        """`x-paging: {cursor: <query parameter>, next: <dotted path to the next token in the
        answer>, items: <dotted path to the list of items>, item-key: <field of an item>,
        after: <body field that starts the listing at an item>}`."""
        paging = op.get("x-paging")
        if paging is None:
            return None
        where = f"{where}/x-paging"
        cursor = next((p for p in params if p.name == paging.get("cursor")), None)
        if cursor is None or cursor.location != "query":
            raise GenerationError(f"{where}: cursor must name a query parameter of the operation")
        if success.schema is None:
            raise GenerationError(f"{where}: a paged operation needs a JSON answer")
        next_path, _ = self.answer_path(success.schema, paging.get("next"), f"{where}/next")
        items_path, item = self.answer_path(success.schema, paging.get("items"), f"{where}/items")
        if item is None:
            raise GenerationError(f"{where}/items: must lead to a list of a named schema")
        key = paging.get("item-key")
        after = None
        if paging.get("after") is not None:
            fields = body.fields if body else ()
            field = next((f for f in fields if f.name == paging["after"]), None)
            if field is None or not key:
                raise GenerationError(f"{where}/after: must name a body field, and item-key must be given")
            after = After(
                argument="after_" + self.namer.identifier(key),
                field=field.python,
                wire=field.name,
                type=field.type,
                doc=prose.after_doc(key, field.name),
            )
        return Paging(
            cursor=cursor.python,
            next=tuple(next_path),
            next_wire=paging["next"],
            items=tuple(items_path),
            item=item,
            item_key=self.namer.identifier(key) if key else None,
            after=after,
        )

    def answer_path(self, schema_name: str, dotted: object, where: str) -> tuple[list[str], ModelRef | None]:
        """The Python attribute names along a dotted path of wire names in the answer's model, and
        the model of the items when the path ends at a list of them."""
        if not isinstance(dotted, str) or not dotted:
            raise GenerationError(f"{where}: a dotted path of field names is required")
        schema: Mapping[str, Any] = {"$ref": f"#/components/schemas/{schema_name}"}
        steps: list[str] = []
        for part in dotted.split("."):
            merged = self.object_schema(resolve(self.spec, schema, where), where)
            if part not in merged["properties"]:
                raise GenerationError(f"{where}: {dotted!r} — no field {part!r} there")
            schema = merged["properties"][part]
            steps.append(self.namer.identifier(part))
        target = resolve(self.spec, schema, where)
        item_name = ref_name(target.get("items", {})) if target.get("type") == "array" else None
        return steps, self.model_ref(item_name) if item_name else None


def _schema_refs(spec: Mapping[str, Any], node: object, seen: set[str]) -> None:
    """Every component schema reachable from `node` (through $refs of schemas and responses)."""
    if isinstance(node, Mapping):
        ref = node.get("$ref")
        if isinstance(ref, str):
            kind, _, name = ref.removeprefix("#/components/").partition("/")
            if kind == "schemas" and name not in seen:
                seen.add(name)
                _schema_refs(spec, spec["components"]["schemas"][name], seen)
            elif kind in ("responses", "requestBodies", "parameters"):
                _schema_refs(spec, spec["components"][kind][name], seen)
        for value in node.values():
            _schema_refs(spec, value, seen)
    elif isinstance(node, list):
        for value in node:
            _schema_refs(spec, value, seen)


def answer_models(spec: Mapping[str, Any], namer: Namer) -> list[str]:
    """Class names of the models only ever read from an answer (reached from a response and from
    no request body or parameter): their optional fields read `X | None`, with no UNSET. A model
    a request also uses keeps UNSET, so that "absent" and `null` stay apart where it is sent."""
    answers: set[str] = set()
    requests: set[str] = set()
    for _path, _method, op, params in operations(spec):
        _schema_refs(spec, op.get("responses", {}), answers)
        _schema_refs(spec, [op.get("requestBody", {}), params], requests)
    return sorted(namer.model(spec, name)[0] for name in answers - requests)


def paths_start(operations: Mapping[str, Operation]) -> str:
    """The leading segments every operation's path shares, up to the first parameter
    (`/v2/businesses`): a base_url ending in any leading part of it would double it."""
    shared: list[str] | None = None
    for operation in operations.values():
        segments = operation.path.strip("/").split("/")
        if shared is None:
            shared = segments
        same = next((i for i, (a, b) in enumerate(zip(shared, segments, strict=False)) if a != b), None)
        shared = shared[: min(len(shared), len(segments)) if same is None else same]
    kept = []
    for segment in shared or []:
        if "{" in segment:
            break
        kept.append(segment)
    return "/" + "/".join(kept) if kept else ""


def read(spec: Mapping[str, Any], config: Any) -> Api:
    """Facts for every operation, keyed by the generator's module name of its operationId."""
    reader = Reader(spec, Namer(config))
    found: dict[str, Operation] = {}
    for path, method, op, params in operations(spec):
        operation = reader.operation(path, method, op, params)
        if operation.name in found:
            raise GenerationError(f"operationId {operation.id} collides with {found[operation.name].id}")
        found[operation.name] = operation
    defaults: dict[str, ClientDefault] = {}
    for operation in found.values():
        for param in operation.params:
            if param.client_default:
                default = ClientDefault(param.python, param.client_default, param.type, param.schema)
                defaults.setdefault(param.python, default)
    info = spec.get("info", {})
    return Api(
        title=text(info.get("title")),
        description=textwrap.dedent(str(info.get("description", ""))).strip(),
        server_url=spec["servers"][0]["url"] if spec.get("servers") else "",
        paths_start=paths_start(found),
        operations=found,
        defaults=tuple(defaults[name] for name in sorted(defaults)),
        dicts=tuple(sorted((d for d in reader.dicts.values() if d is not None), key=lambda d: d.name)),
        answer_models=frozenset(answer_models(spec, reader.namer)),
    )
