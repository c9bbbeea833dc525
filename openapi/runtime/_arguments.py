"""Arguments turned into JSON once, before they are checked and sent: models and TypedDict-shaped
dicts to plain JSON values (UNSET left out), the body encoded once, the query and header values
picked by wire name, the query written into the URL. A value that cannot be JSON (too deep, a
lone surrogate) is refused with InvalidRequestError naming the argument.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from datetime import date, datetime
from enum import Enum
from typing import Any
from urllib.parse import quote_plus, urlencode

from .errors import InvalidRequestError
from .types import UNSET, Unset

_PLAIN = frozenset({str, int, float, bool, type(None)})
"""Types sent as they are (exactly these: a str enum or an int subclass goes the long way)."""


def to_json(value: Any, where: str = "body") -> Any:
    """An argument as the JSON value it is sent as: a model through its to_dict(), a mapping or
    list item by item (UNSET entries dropped), an enum as its value, a date as ISO 8601."""
    if type(value) in _PLAIN:  # most arguments: one set lookup instead of the checks below
        return value
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, str):
        return value.value if isinstance(value, Enum) else value
    if isinstance(value, Mapping):
        return {
            key: to_json(item, f"{where}.{key}") for key, item in value.items() if not isinstance(item, Unset)
        }
    if isinstance(value, list | tuple):
        return [to_json(item, f"{where}[{index}]") for index, item in enumerate(value)]
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    to_dict = getattr(value, "to_dict", None)
    if callable(to_dict):
        try:
            return to_dict()
        except (AttributeError, TypeError, ValueError) as exc:
            raise InvalidRequestError(where, f"is not a valid {type(value).__name__}: {exc}") from None
    return value  # the validator names what is wrong with it


_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False)
"""json.dumps() with these options would build a JSONEncoder on every call."""


def encode_json(data: Any) -> bytes:
    """The JSON body, encoded once (compact, UTF-8). A lone surrogate is refused by name."""
    try:
        return _ENCODER.encode(data).encode("utf-8")
    except RecursionError:
        raise too_deep("body", data) from None
    except UnicodeEncodeError:
        where = surrogate_at(data, "body") or "body"
        raise InvalidRequestError(
            where, "holds a lone surrogate (half a character): it cannot be sent"
        ) from None
    except ValueError as exc:  # NaN or infinity
        raise InvalidRequestError("body", f"cannot be sent as JSON: {exc}") from None


def surrogate_at(data: Any, where: str) -> str | None:
    if isinstance(data, str):
        try:
            data.encode("utf-8")
        except UnicodeEncodeError:
            return where
        return None
    if isinstance(data, Mapping):
        items: Any = ((f"{where}.{key}", item) for key, item in data.items())
    elif isinstance(data, list):
        items = ((f"{where}[{index}]", item) for index, item in enumerate(data))
    else:
        return None
    for path, item in items:
        found = surrogate_at(item, path)
        if found:
            return found
    return None


def arguments(values: Mapping[str, Any]) -> dict[str, Any]:
    """An operation's arguments (Python names) as JSON values, the ones not given (UNSET) left out.
    A value that holds itself, or is nested past Python's recursion limit, is refused by name."""
    found = {}
    for name, value in values.items():
        if isinstance(value, Unset):
            continue
        try:
            found[name] = value if type(value) in _PLAIN else to_json(value, name)
        except RecursionError:
            raise too_deep(name, value) from None
    return found


def too_deep(name: str, value: Any = None) -> InvalidRequestError:
    """The error for a value that holds itself or is nested too deeply; in a body, named by the
    top-level field that does (a client object's argument)."""
    if isinstance(value, Mapping):
        for key, item in value.items():
            try:
                to_json(item)
            except RecursionError:
                name = str(key)
                break
    return InvalidRequestError(name, "holds itself or is nested too deeply to be sent as JSON")


def fields(values: Mapping[str, Any], *, required: bool) -> Any:
    """A body from the fields given to a client-object method (wire names; UNSET left out).
    An optional body with no field given is not sent at all (UNSET)."""
    given = {name: value for name, value in values.items() if not isinstance(value, Unset)}
    return given if given or required else UNSET


def pick(
    arguments: Mapping[str, Any],
    names: Mapping[str, str],
    *,
    text: bool = False,
    delimited: tuple[str, ...] = (),
) -> dict[str, Any]:
    """Wire name -> value of the given arguments among `names` (wire name -> Python name);
    with `text`, values as header text (JSON for anything but a string). A list under a wire name
    in `delimited` (a query parameter with `explode: false`) is sent as one comma-separated value;
    other lists as one `name=value` pair per item (httpx's way, `explode: true`)."""
    picked = {wire: arguments[python] for wire, python in names.items() if python in arguments}
    if text:
        return {wire: v if isinstance(v, str) else json.dumps(v) for wire, v in picked.items()}
    for wire in delimited:
        value = picked.get(wire)
        if isinstance(value, list):
            picked[wire] = ",".join(_query_text(item) for item in value)
    return picked


def _query_text(value: Any) -> str:
    """A query value (or one item of a query list) as httpx writes it: JSON-style true/false."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else str(value)


def with_query(url: str, params: Mapping[str, Any]) -> str:
    """`url` with `params` as its query, written as httpx would write them (a list as the name
    repeated): httpx then parses the URL once, not once more to merge the params into it, which
    was a third of building a request. A `Query` brings its text written already."""
    text = params.text if type(params) is Query else query_text(params)
    return f"{url}?{text}" if text else url


def query_text(params: Mapping[str, Any]) -> str:
    """The query as with_query writes it, without the `?`."""
    items = [
        (name, _query_text(each))
        for name, value in params.items()
        for each in (value if isinstance(value, list | tuple) else (value,))
    ]
    return urlencode(items)


class Query(dict[str, Any]):
    """Query parameters with their text written already (as with_query writes it): a later page's,
    whose query is its first page's with only the cursor changed (see with_cursor)."""

    __slots__ = ("text",)
    text: str


def with_cursor(params: Mapping[str, Any], name: str) -> Callable[[str], Query]:
    """For the pages of one listing: `params` (holding `name`, the cursor, in its place) as a
    function of the cursor's value, the other parameters written once (writing the whole query
    was ~2% of reading a long history)."""
    names = list(params)
    at = names.index(name)
    before = query_text({key: params[key] for key in names[:at]})
    after = query_text({key: params[key] for key in names[at + 1 :]})
    head, tail = f"{before}&" if before else "", f"&{after}" if after else ""
    head += f"{quote_plus(name)}="

    def page(value: str) -> Query:
        query = Query(params)
        query[name] = value
        query.text = f"{head}{quote_plus(value)}{tail}"
        return query

    return page
