"""The typed contract between the spec reader (codegen/facts.py) and everything that renders.

`facts.read()` builds these values once from the spec; openapi/generate.py hands them to the
generator's templates and to our own renders as objects (Jinja globals), and tests that test the
generation step import them as types. A value says what the spec says of one thing, with the
Python names the generator gives it; a property works out what a template would otherwise decide
(which parameters go in the path, the literals of `_OPERATION`, ...). Prose (docstrings) is in
codegen/prose.py; what one render writes from these values is in codegen/views.py.
"""

from __future__ import annotations

import pprint
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from codegen import prose


@dataclass(frozen=True)
class ModelRef:
    """A generated model: its class and the module it is in (`models/<module>.py`)."""

    name: str
    module: str


@dataclass(frozen=True)
class CliArg:
    """How the command line reads an argument: its kind (int, float, bool, str, json, file), whether
    it takes several values, and the choices of an enum."""

    kind: str
    multiple: bool
    choices: tuple[str, ...] | None

    def as_dict(self) -> dict[str, Any]:
        """As the command line's operation table holds it."""
        choices = None if self.choices is None else list(self.choices)
        return {"kind": self.kind, "multiple": self.multiple, "choices": choices}


@dataclass(frozen=True)
class Parameter:
    """A path, query or header parameter of an operation."""

    name: str
    """The wire name."""
    python: str
    location: str
    """path, query or header (the spec's `in`)."""
    required: bool
    type: str
    """The annotation of the argument (models also as their dicts, enums also as strings)."""
    doc: str
    """Its description and its constraints, in words (one paragraph)."""
    cli: CliArg
    deprecated: str | None
    """Why it is deprecated (its description), or None when it is not."""
    explode: bool
    allow_empty: bool
    client_default: str | None
    """`x-client-default`: the environment variable the client objects read it from."""
    example: Any
    schema: Mapping[str, Any]
    position: int
    """Where `{name}` is in the path (-1: not a path parameter)."""


@dataclass(frozen=True)
class FileLimits:
    """The byte limits of a binary field of a multipart body."""

    min: int
    max: int | None


@dataclass(frozen=True)
class BodyField:
    """A top-level property of a request body (an argument of the client objects' method)."""

    name: str
    python: str
    required: bool
    type: str
    doc: str
    cli: CliArg
    deprecated: str | None
    file: FileLimits | None
    """Set for a binary field of a multipart body."""


@dataclass(frozen=True)
class Body:
    """The request body of an operation."""

    kind: str
    """json or multipart."""
    content_type: str
    required: bool
    schema: str
    """Its component schema."""
    model: ModelRef
    typed_dict: str | None
    """The TypedDict a JSON body may be given as (None for multipart)."""
    fields: tuple[BodyField, ...]
    one_of: tuple[str, ...]
    """`x-require-one-of`, as Python names: at least one of them must be given."""
    example: Any

    @property
    def files(self) -> tuple[BodyField, ...]:
        return tuple(f for f in self.fields if f.file is not None)

    @property
    def annotation(self) -> str:
        """The type the module functions' `body` argument takes."""
        return self.model.name + (f" | {self.typed_dict}" if self.typed_dict else "")


@dataclass(frozen=True)
class Answer:
    """The documented 2xx answer of an operation."""

    status: int
    model: ModelRef | None
    """None: an answer without a body."""
    schema: str | None

    @property
    def returns(self) -> str:
        """What sync() returns."""
        return self.model.name if self.model else "None"


@dataclass(frozen=True)
class After:
    """`x-paging.after`: the argument that starts a listing after an item."""

    argument: str
    field: str
    """The body field it is sent as (Python name)."""
    wire: str
    """The body field's wire name."""
    type: str
    doc: str


@dataclass(frozen=True)
class Paging:
    """`x-paging`: how the operation pages."""

    cursor: str
    """The Python name of the cursor query parameter."""
    next: tuple[str, ...]
    """Attribute names from the answer to the next token."""
    next_wire: str
    items: tuple[str, ...]
    """Attribute names from the answer to the list of items."""
    item: ModelRef
    item_key: str | None
    after: After | None


@dataclass(frozen=True)
class Operation:
    """One operation of the spec."""

    id: str
    """The operationId."""
    name: str
    """The Python name: its module, its method on the client objects."""
    tag: str
    method: str
    path: str
    summary: str
    description: str
    deprecated: bool
    idempotent: bool
    hourly_limit: int | None
    scope: str | None
    """`x-limit-scope`: the argument requests in flight are counted per value of."""
    params: tuple[Parameter, ...]
    body: Body | None
    success: Answer
    paging: Paging | None
    models: Mapping[str, str]
    """Class -> module of every model its arguments name."""

    @property
    def path_params(self) -> tuple[Parameter, ...]:
        """The path parameters, in the path's order (positional arguments)."""
        found = [p for p in self.params if p.location == "path"]
        return tuple(sorted(found, key=lambda p: p.position))

    @property
    def other_params(self) -> tuple[Parameter, ...]:
        """The query and header parameters (keyword arguments)."""
        return tuple(p for p in self.params if p.location != "path")

    @property
    def query_params(self) -> tuple[Parameter, ...]:
        return tuple(p for p in self.params if p.location == "query")

    @property
    def header_params(self) -> tuple[Parameter, ...]:
        return tuple(p for p in self.params if p.location == "header")

    @property
    def fields(self) -> tuple[BodyField, ...]:
        return self.body.fields if self.body else ()

    @property
    def files(self) -> dict[str, tuple[int, int | None]]:
        """Wire name -> (min, max) bytes of every file the body carries."""
        return {f.name: (f.file.min, f.file.max) for f in self.fields if f.file is not None}

    @property
    def param_names(self) -> dict[str, str]:
        """Python name -> wire name, where they differ."""
        return {p.python: p.name for p in self.params if p.python != p.name}

    @property
    def body_names(self) -> dict[str, str]:
        """Wire name -> Python name of the body fields, where they differ."""
        return {f.name: f.python for f in self.fields if f.python != f.name}

    @property
    def deprecated_names(self) -> dict[str, str]:
        """Python name -> why, for every deprecated parameter and body field."""
        items: list[Parameter | BodyField] = [*self.params, *self.fields]
        return {item.python: item.deprecated for item in items if item.deprecated is not None}

    @property
    def imports(self) -> list[str]:
        """The imports of the models its arguments name (for its module)."""
        return sorted(f"from ...models.{module} import {name}" for name, module in self.models.items())

    @property
    def all_models(self) -> dict[str, str]:
        """Class -> module of every model the client objects name for it."""
        models = dict(self.models)
        if self.success.model:
            models[self.success.model.name] = self.success.model.module
        if self.paging:
            models[self.paging.item.name] = self.paging.item.module
        return models


@dataclass(frozen=True)
class TypedDictField:
    """A key of a TypedDict (a property of the object schema)."""

    name: str
    type: str
    required: bool
    doc: str

    @property
    def annotation(self) -> str:
        """Its annotation: the type as a string (a forward reference), `Required` when it is."""
        quoted = pprint.pformat(self.type)  # (a long one as parts, as the formatter keeps them)
        return f"Required[{quoted}]" if self.required else quoted

    @property
    def docstring(self) -> str:
        return prose.typed_dict_field(self.doc, self.required)


@dataclass(frozen=True)
class TypedDictSpec:
    """The TypedDict of an object schema a JSON request body uses."""

    name: str
    schema: str
    doc: str
    fields: tuple[TypedDictField, ...]
    models: Mapping[str, str]

    @property
    def functional(self) -> bool:
        """Written with the functional syntax: a key is not a Python identifier."""
        return not all(f.name.isidentifier() for f in self.fields)


@dataclass(frozen=True)
class ClientDefault:
    """An argument the client objects take once (`x-client-default`)."""

    name: str
    env: str
    type: str
    schema: Mapping[str, Any]
    """The parameter's schema: what the client objects check the value against when made."""


@dataclass(frozen=True)
class Api:
    """Everything the renders read from the chat API's spec."""

    title: str
    description: str
    server_url: str
    paths_start: str
    """The leading path segments every operation shares (`/v2/businesses`)."""
    operations: Mapping[str, Operation]
    """By Python name, in the spec's order."""
    defaults: tuple[ClientDefault, ...]
    """Sorted by name."""
    dicts: tuple[TypedDictSpec, ...]
    """Sorted by name."""
    answer_models: frozenset[str]
    """Class names of the models only ever read from an answer."""

    def all_models(self) -> dict[str, str]:
        """Class -> module of every model the client objects name."""
        models: dict[str, str] = {}
        for op in self.operations.values():
            models.update(op.all_models)
        return models

    def dict_models(self) -> dict[str, str]:
        """Class -> module of every model the TypedDicts name."""
        models: dict[str, str] = {}
        for entry in self.dicts:
            models.update(entry.models)
        return models
