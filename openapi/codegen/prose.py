"""The prose of the generated code: descriptions and constraints in words, and the docstrings.

Every sentence a docstring of the package says about an operation, an argument or an answer is
written here, from the spec and the typed values of codegen/contract.py; templates only place it.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from codegen.spec import resolve

if TYPE_CHECKING:
    from codegen.contract import Api, Operation
    from codegen.views import ClientMethod

INT32_MAX = 2**31 - 1
INT64_MAX = 2**63 - 1


def number(value: float) -> str:
    return f"{value:,}" if isinstance(value, int) else str(value)


def text(value: object) -> str:
    """A description as one paragraph per blank-line-separated block, whitespace collapsed."""
    blocks = re.split(r"\n\s*\n", str(value or "").strip())
    return "\n\n".join(" ".join(block.split()) for block in blocks if block.strip())


def rule(spec: Mapping[str, Any], schema: Mapping[str, Any], where: str) -> str:
    """The constraints of a schema, in words."""
    if "$ref" in schema:
        return rule(spec, resolve(spec, schema, where), where)
    kind = schema.get("type")
    parts: list[str] = []
    if kind in ("integer", "number"):
        low, high = schema.get("minimum"), schema.get("maximum")
        if schema.get("format") == "int32" and high is None:
            high = INT32_MAX
        if low is not None and high is not None and high not in (INT32_MAX, INT64_MAX):
            parts.append(f"{number(low)} to {number(high)}")
        elif low is not None:
            parts.append(f"at least {number(low)}")
        elif high is not None and high not in (INT32_MAX, INT64_MAX):
            parts.append(f"at most {number(high)}")
    elif kind == "string":
        fmt = schema.get("format")
        low, high = schema.get("minLength"), schema.get("maxLength")
        if fmt == "binary":
            parts.append("a path, bytes or a binary file")
            if low == 1:
                parts.append("not empty")
            if high is not None:
                parts.append(f"at most {number(high)} bytes")
        else:
            unit = "UTF-16 code units" if schema.get("x-length-unit") == "utf-16" else "characters"
            if low is not None and high is not None:
                parts.append(f"{number(low)} to {number(high)} {unit}")
            elif high is not None:
                parts.append(f"at most {number(high)} {unit}")
            elif low == 1:
                parts.append("not empty")
            elif low:
                parts.append(f"at least {number(low)} {unit}")
        if "enum" in schema:
            parts.append("one of " + ", ".join(str(v) for v in schema["enum"] if v is not None))
        if fmt in ("date-time", "date"):
            parts.append(f"ISO 8601 {fmt}")
        if "pattern" in schema:
            parts.append(f"matching {schema['pattern']!r}")
    elif kind == "array":
        low, high = schema.get("minItems"), schema.get("maxItems")
        if low == 1:
            parts.append("not empty: leave it out rather than pass []")
        elif low:
            parts.append(f"at least {low} items")
        if high is not None:
            parts.append(f"at most {high} items")
        if schema.get("uniqueItems"):
            parts.append("no repeats")
        inner = rule(spec, schema.get("items", {}), where + "/items")
        if inner:
            parts.append(f"each {inner}")
    if "default" in schema:
        parts.append(f"default {schema['default']!r}")
    return "; ".join(parts)


def describe(
    spec: Mapping[str, Any], schema: Mapping[str, Any], where: str, description: object = None
) -> str:
    """The description (the schema's, or the one given) followed by its constraints."""
    target = resolve(spec, schema, where) if "$ref" in schema else schema
    # (one paragraph: it is an entry of an Args list, where a blank line would end the list)
    words = " ".join(text(description or schema.get("description") or target.get("description")).split())
    constraints = rule(spec, schema, where)
    if constraints:
        words = (
            f"{words.rstrip('.')}. ({constraints[0].upper()}{constraints[1:]}.)"
            if words
            else f"{constraints[0].upper()}{constraints[1:]}."
        )
    if (target.get("deprecated") or schema.get("deprecated")) and "deprecated" not in words.lower():
        words = f"Deprecated. {words}"
    return words


def after_doc(key: str, wire: str) -> str:
    """The `after_<key>` argument of a paged operation."""
    return (
        f"Start after the item whose {key} this is: sends it as `{wire}`, and only items whose {key} "
        "is greater are yielded (whether the service includes that item, and in which order, is not "
        "documented)."
    )


# --- layout (as Jinja's wordwrap and indent lay text out) -----------------------------------------


def wrap(value: str, width: int) -> str:
    """Each line of `value` wrapped at `width` (Jinja's `wordwrap`)."""
    return "\n".join(
        "\n".join(
            textwrap.wrap(
                line,
                width=width,
                expand_tabs=False,
                replace_whitespace=False,
                break_long_words=True,
                break_on_hyphens=True,
            )
        )
        for line in value.splitlines()
    )


def hang(value: str, width: int, indent: int) -> str:
    """`value` wrapped at `width`, every line after the first indented by `indent` (an entry of an
    Args list)."""
    lines = wrap(value, width).splitlines()
    return "\n".join([lines[0], *(" " * indent + line if line else line for line in lines[1:])])


# --- the endpoint modules' docstrings ---------------------------------------------------------------


def endpoint_docstring(op: Operation, detailed: bool) -> str:
    """The docstring of `sync_detailed`/`asyncio_detailed` (detailed) or `sync`/`asyncio`."""
    lines = [wrap(op.summary, 100), ""]
    if op.description:
        lines += [wrap(op.description, 100), ""]
    lines.append("Args:")
    lines += [f"    {hang(f'{p.python}: {p.doc}', 92, 8)}" for p in op.path_params]
    lines.append("    client: The AuthenticatedClient to send with.")
    body = op.body
    if body:
        shape = " or a dict of the same shape" if body.typed_dict else ""
        words = f"The request body: a {body.model.name}{shape}, with these fields."
        lines.append(f"    body: {hang(words, 86, 8)}")
        lines += [f"        {hang(f'{f.name}: {f.doc}', 88, 12)}" for f in body.fields]
        if body.one_of:
            lines.append(f"        {hang(one_of(body.one_of), 88, 12)}")
    lines += [f"    {hang(f'{p.python}: {p.doc}', 92, 8)}" for p in op.other_params]
    lines += ["", "Raises:", "    InvalidRequestError: An argument breaks the spec (raised before any I/O)."]
    if not detailed:
        lines.append(
            "    APIStatusError: The service answered with a non-2xx status (a subclass per family)."
        )
    lines += [
        "    APIConnectionError: No answer came (APITimeoutError when it timed out).",
        "    ResponseValidationError: A 2xx answer whose body does not fit the spec.",
        "",
        "Returns:",
    ]
    success = op.success.returns
    if detailed:
        lines.append(f"    Response: status, headers and content; `parsed` is the {success} of a 2xx answer.")
    else:
        lines.append(f"    {success}: the parsed {op.success.status} answer.")
    return "\n".join(lines) + "\n"


def one_of(names: tuple[str, ...]) -> str:
    """`x-require-one-of`, in words."""
    return "Give at least one of: " + ", ".join(names) + "."


# --- the client objects' methods ----------------------------------------------------------------


def doc(value: object) -> str:
    """Text that is safe inside a triple-quoted docstring."""
    return str(value).replace("\\", "\\\\").replace('"""', '\\"\\"\\"')


OPTIONAL = " Optional: not sent when left out."
STATUS_ERRORS = """\
    APIStatusError: A non-2xx answer: BadRequestError (400), AuthenticationError (401),
        PermissionDeniedError (403), NotFoundError (404), RateLimitError (420),
        InternalServerError (5xx)."""
NOT_RESENT = """\
        `may_have_been_delivered` tells whether it may have taken effect: this operation is
        never sent twice, so check before calling again."""


def client_docstring(method: ClientMethod) -> str:
    """The docstring of a method of the client objects (its lines after the first indented as
    the method's body)."""
    op, paging = method.op, method.op.paging
    success = op.success.returns
    lines = [doc(op.summary), ""]
    if op.description:
        lines += [wrap(doc(op.description), 96), ""]
    if op.body and op.body.one_of:
        lines += [wrap(doc(one_of(op.body.one_of)), 96), ""]
    if method.raw and paging and paging.after:
        lines += [wrap(raw_paging(paging.after.field, paging.after.argument), 96), ""]
    if method.paged and paging:
        lines += [wrap(first_page(method.is_async, paging.item.name, paging.cursor), 96), ""]
    lines.append("Args:")
    entries = [f"{p.python}: {p.doc}" for p in method.plain if p.required]
    entries += [f"{f.python}: {f.doc}" for f in op.fields if f.required]
    entries += [f"{p.python}: {p.doc}{OPTIONAL}" for p in method.plain if not p.required]
    entries += [f"{f.python}: {f.doc}{OPTIONAL}" for f in op.fields if not f.required]
    lines += [f"    {hang(doc(entry), 92, 8)}" for entry in entries]
    if method.one_file:
        lines += [
            "    file_name: The name sent with the file (default: the path's or the file object's name).",
            "    mime_type: The MIME type sent with the file (default: guessed from the name).",
        ]
    if method.after:
        lines.append(f"    {hang(doc(f'{method.after.argument}: {method.after.doc}'), 92, 8)}")
    for p in method.defaults:
        entry = f"{p.python}: {p.doc} Default: the client's {p.python} ({p.client_default})."
        lines.append(f"    {hang(doc(entry), 92, 8)}")
    pages = ", every page's request" if method.paged else ""
    lines += [
        "    extra_headers: Headers added to this request only.",
        f"    timeout: This call's timeout{pages} (as the client's `timeout`; None: the client's).",
        "    max_retries: This call's retries (as the client's `max_retries`; None: the client's).",
        "",
        "Returns:",
    ]
    if method.raw:
        other = ", None for any other status" if op.success.model else ""
        lines.append(
            f"    {method.returns}: status, headers (`.rate_limit` parsed) and content; `parsed` is the "
            f"{success} of a 2xx answer{other}."
        )
    elif method.paged:
        lines.append(f"    {method.returns}: the first page of {success} answers.")
    else:
        lines.append(f"    {success}: the parsed {op.success.status} answer.")
    lines += [
        "",
        "Raises:",
        "    InvalidRequestError: An argument breaks the spec (raised before any request).",
    ]
    if not method.raw:
        lines.append(STATUS_ERRORS)
    lines.append("    APIConnectionError: No answer came (APITimeoutError when it timed out).")
    if not op.idempotent:
        lines.append(NOT_RESENT)
    return "\n".join(lines)


def raw_paging(field: str, argument: str) -> str:
    """What the raw view of a paged operation with a start does differently."""
    return (
        f"This raw view sends one request: it does not page, and takes `{field}` as it is instead of "
        f"`{argument}`."
    )


def first_page(is_async: bool, item: str, cursor: str) -> str:
    """What a paged method returns."""
    awaited = " (awaited)" if is_async else ""
    loop = "with `async for` " if is_async else ""
    return (
        f"Returns the first page{awaited}; iterating it {loop}yields every {item} of this and the later "
        f"pages, fetched as needed (`{cursor}` changes, nothing else). `.iter_pages()` goes page by page."
    )


def client_intro(api: Api) -> str:
    """What YandexMarketChat reads from the environment, for its docstring."""
    reads = ", ".join(d.env for d in api.defaults) + " " if api.defaults else ""
    return wrap(
        f"With no arguments it reads YANDEX_MARKET_API_KEY (required), {reads}and YANDEX_MARKET_BASE_URL; "
        "explicit arguments win. Use it as a context manager, or call close(), to close the connection pool.",
        96,
    )


def typed_dict_field(description: str, required: bool) -> str:
    """The docstring of a TypedDict's key."""
    return wrap(doc(description), 92) + ("" if required else " Optional.")
