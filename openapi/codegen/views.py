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
from codegen.contract import Api, Operation, Parameter


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
