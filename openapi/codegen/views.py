"""What each render writes, decided in typed Python from the values of codegen/contract.py.

A template asks a view for a piece of code (an argument list, a call, the `_OPERATION` literal, a
docstring) and writes it where the stock structure has it; whether an argument is positional,
which call the method makes, how the body is built and what it returns are decided here, where a
type checker and the tests see it. One view per render: `EndpointModule` for the generator's
endpoint template (templates/endpoint_module.py.jinja), `ClientMethod` for one method of the client
objects (render/client.py.jinja).
"""

from __future__ import annotations

from dataclasses import dataclass

from codegen import prose
from codegen.contract import After, Api, CliArg, Operation, Parameter


def _lines(items: list[str]) -> str:
    return "\n".join(items)


@dataclass(frozen=True)
class EndpointModule:
    """`api/<tag>/<operation>.py`: the module functions of one operation."""

    op: Operation

    @property
    def imports(self) -> list[str]:
        """What its code names beyond the stock imports (ruff drops what goes unused)."""
        found = [
            "import datetime",
            "from collections.abc import Mapping, Sequence",
            "from typing import Any, Literal",
            "from ... import _answers, _arguments, _request, _validators",
            "from ..._client import AuthenticatedClient",
            "from ...types import UNSET, FileSource, Response, Unset",
        ]
        if self.op.body and self.op.body.typed_dict:
            found.append(f"from ...typed_dicts import {self.op.body.typed_dict}")
        return found + self.op.imports

    @property
    def operation(self) -> str:
        """`_OPERATION`: the operation's facts as literals, for the runtime."""
        op = self.op
        lines = [
            "_OPERATION = _request.Operation(",
            f'    "{op.id}",',
            f'    "{op.name}",',
            f"    idempotent={op.idempotent},",
            f"    validate=_validators.{op.name},",
        ]
        for keyword, value in (
            ("param_names", op.param_names),
            ("body_names", op.body_names),
            ("deprecated", op.deprecated_names),
            ("files", op.files),
            ("hourly_limit", op.hourly_limit),
        ):
            if value:
                lines.append(f"    {keyword}={value},")
        if op.paging:
            names = "".join(f'"{name}", ' for name in op.paging.next)
            lines.append(f'    next_token=(({names}), "{op.paging.next_wire}"),')
            cursor = next(p for p in op.params if p.python == op.paging.cursor)
            query = [p.name for p in op.query_params]
            following = _tuple(tuple(query[query.index(cursor.name) + 1 :]))
            validator = f"_validators.{op.name}_cursor"
            lines.append(f'    cursor=("{cursor.python}", "{cursor.name}", {validator}, {following}),')
        lines.append(")")
        return _lines(lines)

    def arguments(self, include_client: bool = True) -> str:
        """The argument list: path parameters positional, then (keyword-only) the client, the body
        and the other parameters; an optional one defaults to UNSET. The `*` is written only when
        keyword arguments follow it."""
        op = self.op
        lines = [f"{p.python}: {p.type}," for p in op.path_params]
        if include_client or op.body or op.other_params:
            lines.append("*,")
        if include_client:
            lines.append("client: AuthenticatedClient,")
        if op.body:
            lines.append(f"body: {op.body.annotation}{'' if op.body.required else ' | Unset = UNSET'},")
        lines += [f"{p.python}: {p.type}{'' if p.required else ' | Unset = UNSET'}," for p in op.other_params]
        return _lines(lines)

    @property
    def call_arguments(self) -> str:
        """`_get_kwargs(...)`'s arguments, passed on."""
        op = self.op
        found = [f"{p.python}, " for p in op.path_params]
        if op.body:
            found.append("body=body, ")
        found += [f"{p.python}={p.python}, " for p in op.other_params]
        return "".join(found)

    @property
    def checks(self) -> str:
        """The arguments turned into JSON once and checked against the compiled validator."""
        op = self.op
        entries = [f'        "{p.python}": {p.python},' for p in op.params]
        if op.body and op.body.kind == "json":
            entries.append('        "body": body,')
        check = (
            "_request.check_multipart(_OPERATION, _args, body)"
            if op.body and op.body.kind == "multipart"
            else "_request.check(_OPERATION, _args)"
        )
        return _lines(["_args = _arguments.arguments(", "    {", *entries, "    }", ")", check])

    @property
    def url(self) -> str:
        """The `"url"` entry: the path, its parameters quoted in."""
        op = self.op
        if not op.path_params:
            return f'"url": "{op.path}",'
        values = [f'    {p.name}=quote(str(_args["{p.python}"]), safe=""),' for p in op.path_params]
        return _lines([f'"url": "{op.path}".format(', *values, "),"])

    @staticmethod
    def _pick(params: tuple[Parameter, ...]) -> str:
        return "{ " + "".join(f'"{p.name}": "{p.python}", ' for p in params) + "}"

    @property
    def query_and_headers(self) -> str:
        """The `"params"` and `"headers"` entries (query values picked by wire name)."""
        op = self.op
        lines = []
        if op.query_params:
            delimited = [p for p in op.query_params if not p.explode]
            extra = ""
            if delimited:
                extra = ", delimited=(" + "".join(f'"{p.name}", ' for p in delimited) + ")"
            lines.append(f'"params": _arguments.pick(_args, {self._pick(op.query_params)}{extra}),')
        json_body = op.body is not None and op.body.kind == "json"
        if op.header_params or json_body:
            lines.append('"headers": {')
            if op.body and json_body:
                lines.append(f'    "Content-Type": "{op.body.content_type}",')
            if op.header_params:
                lines.append(f"    **_arguments.pick(_args, {self._pick(op.header_params)}, text=True),")
            lines.append("},")
        return _lines(lines)

    @property
    def body(self) -> str:
        """The body added to the request: JSON encoded once, or the multipart files read."""
        body = self.op.body
        if body is None:
            return ""
        if body.kind == "json":
            encode = '_kwargs["content"] = _arguments.encode_json(_args["body"])'
            return _lines(['if "body" in _args:', f"    {encode}"])
        files = '_kwargs["files"] = _request.read_files(_OPERATION, body.to_multipart())'
        if body.required:
            return files
        return _lines(["if not isinstance(body, Unset):", f"    {files}"])

    @property
    def business(self) -> str:
        """What the call is counted against in flight (`x-limit-scope`)."""
        return self.op.scope or "None"

    @property
    def success_type(self) -> str:
        """The type `_answers.success` checks the parsed answer against."""
        return self.op.success.returns if self.op.success.model else "type(None)"

    def docstring(self, detailed: bool) -> str:
        return prose.endpoint_docstring(self.op, detailed)


def endpoint_module(api: Api, name: str) -> EndpointModule:
    """The view of the operation the generator calls `name`."""
    return EndpointModule(api.operations[name])


@dataclass(frozen=True)
class ClientMethod:
    """One method of the client objects (render/client.py.jinja): sync or async, on the client
    object or its raw-response view. Every argument is keyword-only; the order is: required
    parameters and body fields, optional ones (UNSET: not sent), a single file's name and type,
    the paged start (`after_<key>`), the client defaults, then the per-call options."""

    op: Operation
    is_async: bool
    raw: bool

    @property
    def name(self) -> str:
        return self.op.name

    @property
    def paged(self) -> bool:
        """Returns a page that fetches the next ones (the raw view sends one request)."""
        return self.op.paging is not None and not self.raw

    @property
    def define(self) -> str:
        """`async def`, or `def` (a paged async method returns an awaitable pager at once)."""
        return "async def" if self.is_async and not self.paged else "def"

    @property
    def returns(self) -> str:
        success = self.op.success.returns
        if self.raw:
            return f"Response[{success}]"
        if self.op.paging:
            return f"{'AsyncPager' if self.is_async else 'SyncPage'}[{self.op.paging.item.name}, {success}]"
        return success

    @property
    def plain(self) -> tuple[Parameter, ...]:
        """The parameters the caller always gives (no client default)."""
        return tuple(p for p in self.op.params if not p.client_default)

    @property
    def defaults(self) -> tuple[Parameter, ...]:
        """The parameters the client object fills in when left out (`x-client-default`)."""
        return tuple(p for p in self.op.params if p.client_default)

    @property
    def one_file(self) -> bool:
        """The body carries exactly one file: the method takes its `file_name` and `mime_type`."""
        return len(self.op.body.files if self.op.body else ()) == 1

    @property
    def after(self) -> After | None:
        return self.op.paging.after if self.paged and self.op.paging else None

    @property
    def arguments(self) -> str:
        """The keyword-only arguments, one a line."""
        op, lines = self.op, []
        lines += [f"{p.python}: {p.type}," for p in self.plain if p.required]
        lines += [f"{f.python}: {f.type}," for f in op.fields if f.required]
        lines += [f"{p.python}: {p.type} | Unset = UNSET," for p in self.plain if not p.required]
        lines += [f"{f.python}: {f.type} | Unset = UNSET," for f in op.fields if not f.required]
        if self.one_file:
            lines += ["file_name: str | None = None,", "mime_type: str | None = None,"]
        if self.after:
            lines.append(f"{self.after.argument}: {self.after.type} | Unset = UNSET,")
        lines += [f"{p.python}: {p.type} | None = None," for p in self.defaults]
        lines += [
            "extra_headers: Mapping[str, str] | None = None,",
            "timeout: httpx.Timeout | float | None = None,",
            "max_retries: int | None = None,",
        ]
        return _lines(lines)

    @property
    def docstring(self) -> str:
        return prose.client_docstring(self)

    @property
    def code(self) -> str:
        """The method's body: the module function imported, the body built, the call (or the
        pager over it)."""
        op = self.op
        lines = [f"from .api.{op.tag} import {op.name} as _op", *self._body()]
        lines.append("client = self._for_call(extra_headers, timeout, max_retries)")
        if self.paged:
            return _lines(lines + self._pager())
        if self.raw and op.success.model:
            lines += [f"from .models.{op.success.model.module} import {op.success.model.name}", ""]
        function = ("asyncio" if self.is_async else "sync") + ("_detailed" if self.raw else "")
        call = f"{'await ' if self.is_async else ''}_op.{function}("
        if self.raw:
            lines.append(f"return _answers.typed({call}")
        else:
            lines.append(f"return {call}")
        lines += [f"    {a}," for a in self._call_arguments(defaulted=True)]
        lines.append(f"), {EndpointModule(op).success_type})" if self.raw else ")")
        return _lines(lines)

    def _call_arguments(self, defaulted: bool) -> list[str]:
        """The module function's arguments: path parameters positional, the client, the body and
        the other parameters by keyword; a client default filled in (unless done before)."""

        def value(p: Parameter) -> str:
            return f'self._default("{p.python}", {p.python})' if defaulted and p.client_default else p.python

        op = self.op
        found = [value(p) for p in op.path_params] + ["client=client"]
        if op.body:
            found.append("body=body")
        return found + [f"{p.python}={value(p)}" for p in op.other_params]

    def _body(self) -> list[str]:
        """The body built from the body-field arguments: the multipart model with its files
        opened and sized, or the JSON fields (UNSET left out)."""
        body = self.op.body
        if body is None:
            return []
        if body.kind == "multipart":
            lines = [
                f"from .models.{body.model.module} import {body.model.name}",
                "",
                f"body = {body.model.name}(",
            ]
            for f in body.fields:
                if f.file is None:
                    lines.append(f"    {f.python}={f.python},")
                    continue
                opener = "await _afile" if self.is_async else "File.from_source"
                names = "file_name, mime_type" if self.one_file else "None, None"
                lines.append(
                    f"    {f.python}={opener}({f.python}, {names}, max_bytes={f.file.max}, "
                    f'argument="{f.python}"),'
                )
            return [*lines, ")"]
        lines = []
        if self.after:
            a = self.after
            lines.append(f'{a.field} = _start_after({a.argument}, {a.field}, "{a.argument}", "{a.field}")')
        fields = "".join(f'"{f.name}": {f.python}, ' for f in body.fields)
        return [*lines, f"body = _fields({{ {fields}}}, required={body.required})"]

    def _pager(self) -> list[str]:
        """The first page, and `fetch(token)`: the same request with only the cursor changed (every
        argument checked and encoded once, by `pagination.Requests`)."""
        op, paging = self.op, self.op.paging
        assert paging is not None
        lines = [f'{p.python} = self._default("{p.python}", {p.python})' for p in self.defaults]
        prefix = "async " if self.is_async else ""
        build = [a for a in self._call_arguments(defaulted=False) if a != "client=client"]
        send = f"{'await ' if self.is_async else ''}_op.{'asyncio' if self.is_async else 'sync'}_page"
        lines += [
            "requests = _Requests(",
            "    _op._OPERATION,",
            f"    lambda {paging.cursor}: _op._get_kwargs(",
            *(f"        {a}," for a in build),
            "    ),",
            ")",
            "",
            f"{prefix}def fetch({paging.cursor}: str | Unset) -> {op.success.returns}:",
            f"    return {send}(requests.at({paging.cursor}), {EndpointModule(op).business}, client=client)",
            "",
            f"return {'AsyncPager' if self.is_async else 'SyncPage.first'}(",
            "    fetch,",
            f"    {paging.cursor},",
            "    Paging(",
            f"        next_token={_tuple(paging.next)},",
            f"        items={_tuple(paging.items)},",
            f"        item_key={paging.item_key!r},",
        ]
        if paging.after:
            lines += [
                f"        after_key={paging.after.argument},",
                f'        after_field=("{paging.after.field}", "{paging.after.argument}"),',
            ]
        return [*lines, "    ),", ")"]


def _tuple(items: tuple[str, ...]) -> str:
    return "(" + "".join(f"{item!r}, " for item in items) + ")"


def client_methods(api: Api, is_async: bool, raw: bool) -> list[ClientMethod]:
    """The methods of one client class, in the spec's order."""
    return [ClientMethod(op, is_async, raw) for op in api.operations.values()]


@dataclass(frozen=True)
class CliArgument:
    """An option of an operation's subcommand (render/_spec.py.jinja): a parameter, a top-level
    body field, or a paged operation's start."""

    name: str
    wire: str
    """The wire name (a body field's as `body.<name>`)."""
    required: bool
    """The command line needs it: required by the spec and not filled in by a client default."""
    client_default: str | None
    help: str
    cli: CliArg


def cli_arguments(op: Operation) -> list[CliArgument]:
    found = [
        CliArgument(p.python, p.name, p.required and not p.client_default, p.client_default, p.doc, p.cli)
        for p in op.params
    ]
    found += [CliArgument(f.python, f"body.{f.name}", f.required, None, f.doc, f.cli) for f in op.fields]
    after = op.paging.after if op.paging else None
    if after:
        field = next(f for f in op.fields if f.name == after.wire)
        found.append(CliArgument(after.argument, f"body.{after.wire}", False, None, after.doc, field.cli))
    return found
