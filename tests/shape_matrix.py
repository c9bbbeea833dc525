"""The shape matrix: operations of every shape the Partner API uses, for one scratch spec.

An operation's shape has five dimensions (`DIMENSIONS`): its method, its path parameters, a kind of
query parameter, its request body and its answer. Their cross product has 4 x 3 x 9 x 4 x 5 = 2,160
shapes; generating, linting and type-checking a package per shape would take hours. A fault of
the pipeline shows up in one dimension's value (a template branch) or in two meeting (the bare `*`
of issue #18: path parameters and nothing else), so `pairwise()` picks a few dozen rows that hold
every value of every dimension and every pair of values of two dimensions (a pairwise covering
array, made by a deterministic greedy search, the AETG way), and `matrix_spec()` turns each row
into one operation of ONE scratch spec: one `make generate`, one ruff, one `mypy --strict`, then
three calls of every operation, sync and async, against one loopback server.

`ALLOWED` is the one constraint: a GET has no request body (HTTP gives it no meaning, and the
published API has none); pairs it rules out are not required.

Every operation's arguments are chosen so that each has a limit (an out-of-range value is refused
before any request), and `calls()` writes down, from this module's literal tables, what each call
must put on the wire and get back.
"""

from __future__ import annotations

import base64
import copy
import itertools
from collections.abc import Callable, Mapping
from typing import Any

DIMENSIONS: dict[str, tuple[str, ...]] = {
    "method": ("get", "post", "put", "delete"),
    "path": ("none", "one", "two"),
    "query": (
        "none",
        "required",
        "optional",
        "empty-allowed",
        "deprecated",
        "exploded",
        "delimited",
        "enum",
        "date-time",
    ),
    "body": ("none", "json-required", "json-optional", "multipart"),
    "answer": ("wrapped", "plain", "empty", "unique", "nullable"),
}
"""Each dimension of an operation's shape and its values (issue #18's list)."""

Row = dict[str, str]


def ALLOWED(row: Mapping[str, str]) -> bool:
    """A GET has no request body."""
    return not (row.get("method") == "get" and row.get("body", "none") != "none")


def pairs_of(row: Mapping[str, str]) -> set[tuple[tuple[str, str], tuple[str, str]]]:
    names = [name for name in DIMENSIONS if name in row]
    return {((a, row[a]), (b, row[b])) for a, b in itertools.combinations(names, 2)}


def all_pairs(
    dimensions: Mapping[str, tuple[str, ...]], allowed: Callable[[Mapping[str, str]], bool]
) -> set[tuple[tuple[str, str], tuple[str, str]]]:
    """Every pair of values of two dimensions that `allowed` admits."""
    found = set()
    for a, b in itertools.combinations(dimensions, 2):
        for value_a, value_b in itertools.product(dimensions[a], dimensions[b]):
            if allowed({a: value_a, b: value_b}):
                found.add(((a, value_a), (b, value_b)))
    return found


def pairwise(
    dimensions: Mapping[str, tuple[str, ...]], allowed: Callable[[Mapping[str, str]], bool]
) -> list[Row]:
    """Rows covering every allowed pair of values of two dimensions (so every value too).

    Greedy and deterministic: each row starts from the first pair not yet covered (in the order
    the dimensions and their values are listed) and takes, dimension by dimension, the allowed
    value that covers the most pairs not yet covered (the first such value on a tie)."""
    order = {
        (name, value): (i, j) for i, name in enumerate(dimensions) for j, value in enumerate(dimensions[name])
    }
    uncovered = all_pairs(dimensions, allowed)
    rows: list[Row] = []
    while uncovered:
        first, second = min(uncovered, key=lambda pair: (order[pair[0]], order[pair[1]]))
        row = {first[0]: first[1], second[0]: second[1]}
        for name in dimensions:
            if name in row:
                continue
            options = [value for value in dimensions[name] if allowed({**row, name: value})]
            if not options:
                raise ValueError(f"no allowed value of {name} fits {row}")
            row[name] = max(
                options,
                key=lambda value: (len(pairs_of({**row, name: value}) & uncovered), -options.index(value)),
            )
        rows.append({name: row[name] for name in dimensions})
        uncovered -= pairs_of(row)
    return rows


ROWS = pairwise(DIMENSIONS, ALLOWED)
"""The matrix: one row per operation of the scratch spec."""

# --- the operations' parts, as spec fragments -----------------------------------------------------

CODE = {
    "name": "shapeCode",
    "in": "path",
    "required": True,
    "description": "A second path parameter: a code of upper-case letters, digits and dashes.",
    "schema": {
        "type": "string",
        "minLength": 1,
        "maxLength": 8,
        "pattern": "^[A-Z0-9-]+$",
        "example": "AB-12",
    },
}
QUERY: dict[str, dict[str, Any]] = {
    "required": {
        "name": "pageNumber",
        "in": "query",
        "required": True,
        "description": (
            "Page-number paging: the page to return.\n\n"
            "The first page is 1 (two paragraphs, as the published API writes them)."
        ),
        "schema": {"type": "integer", "format": "int32", "minimum": 1, "maximum": 10000},
        "example": 2,
    },
    "optional": {
        "name": "pageToken",
        "in": "query",
        "description": "An optional string without a minLength (as the published API writes page tokens).",
        "schema": {"type": "string"},
        "example": "eyJuZXh0IjogMn0=",
    },
    "empty-allowed": {
        "name": "search",
        "in": "query",
        "allowEmptyValue": True,
        "description": "An optional string that may be sent empty (`search=`).",
        "schema": {"type": "string", "maxLength": 10},
        "example": "",
    },
    "deprecated": {
        "name": "limit",
        "in": "query",
        "deprecated": True,
        "description": "Use pageToken instead.",
        "schema": {"type": "integer", "format": "int32", "minimum": 1, "maximum": 200},
        "example": 20,
    },
    "exploded": {
        "name": "offerIds",
        "in": "query",
        "description": "A list sent once per item (explode: true).",
        "schema": {"type": "array", "maxItems": 3, "items": {"type": "string", "maxLength": 20}},
        "example": ["A-1", "B 2"],
    },
    "delimited": {
        "name": "orderIds",
        "in": "query",
        "explode": False,
        "description": "A list sent comma-joined (explode: false).",
        "schema": {"type": "array", "items": {"type": "integer", "format": "int64", "minimum": 1}},
        "example": [31, 42],
    },
    "enum": {
        "name": "status",
        "in": "query",
        "description": "An enum.",
        "schema": {"$ref": "#/components/schemas/ShapeStatus"},
        "example": "DONE",
    },
    "date-time": {
        "name": "updatedFrom",
        "in": "query",
        "description": "A date-time.",
        "schema": {"type": "string", "format": "date-time"},
        "example": "2025-07-10T12:00:00+03:00",
    },
}
OUT_OF_RANGE: dict[str, tuple[Any, str]] = {
    "required": (10001, ""),
    "optional": ("", ""),  # an empty query value: refused (no allowEmptyValue), never sent as `pageToken=`
    "empty-allowed": ("x" * 11, ""),
    "deprecated": (201, ""),
    "exploded": (["a", "b", "c", "d"], ""),
    "delimited": ([0], "[0]"),
    "enum": ("LOST", ""),
    "date-time": ("yesterday", ""),
}
"""A value outside each query parameter's limits, and where the error names it (after the argument)."""

SCHEMAS: dict[str, Any] = {
    "ShapeStatus": {"type": "string", "description": "A status.", "enum": ["NEW", "DONE"]},
    "ShapeRequestItemDTO": {
        "type": "object",
        "description": "An item of a list of objects in a body.",
        "required": ["sku", "count"],
        "properties": {
            "sku": {"type": "string", "minLength": 1, "maxLength": 20},
            "count": {"type": "integer", "format": "int32", "minimum": 1},
        },
    },
    "ShapeRequest": {
        "type": "object",
        "description": (
            "A JSON body: a required string, a list of objects (whose TypedDict sorts after this one's),"
            " a nullable string."
        ),
        "required": ["name"],
        "properties": {
            "name": {"type": "string", "minLength": 1, "maxLength": 20},
            "items": {
                "type": "array",
                "maxItems": 5,
                "items": {"$ref": "#/components/schemas/ShapeRequestItemDTO"},
            },
            "note": {"type": "string", "nullable": True, "maxLength": 50},
        },
    },
    "ShapeUpdateRequest": {
        "type": "object",
        "description": "A body schema that only names another (the published API's ChangeOutletRequest).",
        "allOf": [{"$ref": "#/components/schemas/ShapeRequest"}],
    },
    "ShapeUploadRequest": {
        "type": "object",
        "description": "A multipart body: a file and a text field.",
        "required": ["file"],
        "properties": {
            "file": {"type": "string", "format": "binary", "maxLength": 5242880},
            "caption": {"type": "string", "maxLength": 10},
        },
    },
    "ShapeResultDTO": {
        "type": "object",
        "description": "A result.",
        "required": ["id"],
        "properties": {
            "id": {"type": "integer", "format": "int64"},
            "createdAt": {"type": "string", "format": "date-time"},
            "status": {"$ref": "#/components/schemas/ShapeStatus"},
        },
    },
    "ShapeWrappedResponse": {
        "description": "An answer in the ApiResponse wrapper.",
        "allOf": [
            {"$ref": "#/components/schemas/ApiResponse"},
            {"type": "object", "properties": {"result": {"$ref": "#/components/schemas/ShapeResultDTO"}}},
        ],
    },
    "ShapePlainAnswer": {
        "type": "object",
        "description": "An answer without the wrapper.",
        "properties": {"id": {"type": "integer", "format": "int64"}, "name": {"type": "string"}},
    },
    "ShapeUniqueAnswer": {
        "type": "object",
        "description": "An answer holding a list of distinct enum values.",
        "properties": {
            "kinds": {
                "type": "array",
                "uniqueItems": True,
                "items": {"type": "string", "enum": ["SELF_EMPLOYED", "COMPANY", "PERSON"]},
            }
        },
    },
    "ShapeNullableAnswer": {
        "type": "object",
        "description": "An answer with nullable fields: a string, a list and an object.",
        "properties": {
            "comment": {"type": "string", "nullable": True},
            "tags": {"type": "array", "nullable": True, "items": {"type": "string"}},
            "parent": {
                "type": "object",
                "nullable": True,
                "properties": {"id": {"type": "integer", "format": "int64"}},
            },
        },
    },
}
"""The component schemas the matrix operations use (added to the scratch spec)."""

ANSWERS: dict[str, tuple[str | None, Any]] = {
    "wrapped": (
        "ShapeWrappedResponse",
        {"status": "OK", "result": {"id": 7, "createdAt": "2025-07-10T09:00:00+00:00", "status": "NEW"}},
    ),
    "plain": ("ShapePlainAnswer", {"id": 8, "name": "plain"}),
    "empty": (None, None),
    "unique": ("ShapeUniqueAnswer", {"kinds": ["SELF_EMPLOYED", "COMPANY"]}),
    "nullable": ("ShapeNullableAnswer", {"comment": None, "tags": None, "parent": None}),
}
"""answer value -> (component schema, example answer); the empty answer is a 204 without a body."""

JSON_BODY = {"name": "box", "items": [{"sku": "A-1", "count": 2}], "note": None}
JSON_REQUIRED = {"name": "box"}
FILE_BYTES = b"fake file bytes\r\n--not-a-boundary\r\n"
FILE_NAME = "shape.txt"
CAPTION = "a caption"

ERRORS = {
    str(code): {"$ref": f"#/components/responses/{name}"}
    for code, name in [
        (400, "BadRequest"),
        (401, "Unauthorized"),
        (403, "Forbidden"),
        (404, "NotFound"),
        (420, "TooManyRequests"),
        (500, "InternalError"),
    ]
}
RATE_HEADERS = {
    name: {"$ref": f"#/components/headers/{name}"}
    for name in ("X-RateLimit-Resource-Limit", "X-RateLimit-Resource-Remaining", "X-RateLimit-Resource-Until")
}


def operation_id(row: Mapping[str, str]) -> str:
    """camelCase and unique per row: `deletePath2QueryDateTimeBodyMultipartAnswerUnique`."""
    words = [row["method"], "path", {"none": "0", "one": "1", "two": "2"}[row["path"]], "query", row["query"]]
    words += ["body", row["body"], "answer", row["answer"]]
    parts = [part for word in words for part in word.split("-")]
    return parts[0] + "".join(part[:1].upper() + part[1:] for part in parts[1:])


def slug(row: Mapping[str, str]) -> str:
    """The operation's last path segment (the loopback server tells operations apart by it)."""
    return "-".join(row[name] for name in DIMENSIONS)


def path_of(row: Mapping[str, str]) -> str:
    base = {
        "none": "/v2/shapes",
        "one": "/v2/businesses/{businessId}/shapes",
        "two": "/v2/businesses/{businessId}/shapes/{shapeCode}",
    }[row["path"]]
    return f"{base}/{slug(row)}"


def operation(row: Mapping[str, str]) -> dict[str, Any]:
    """The spec's operation object of one row."""
    params: list[dict[str, Any]] = []
    if row["path"] in ("one", "two"):
        params.append({"$ref": "#/components/parameters/businessId"})
    if row["path"] == "two":
        params.append(copy.deepcopy(CODE))
    if row["query"] != "none":
        params.append(copy.deepcopy(QUERY[row["query"]]))
    op: dict[str, Any] = {
        "operationId": operation_id(row),
        "tags": ["shapes"],
        "summary": f"A {row['method'].upper()} of the shape matrix.",
        "description": ", ".join(f"{name}: {row[name]}" for name in DIMENSIONS) + ".",
        "x-idempotent": row["method"] != "post",
    }
    if params:
        op["parameters"] = params
    if row["body"].startswith("json"):
        op["requestBody"] = {
            "required": row["body"] == "json-required",
            "content": {
                "application/json": {
                    # (the required body through an alias, the optional one directly)
                    "schema": {
                        "$ref": "#/components/schemas/"
                        + ("ShapeUpdateRequest" if row["body"] == "json-required" else "ShapeRequest")
                    },
                    # (`note: null` is left to the loopback calls: the command line has no way to
                    # send a null string, which its per-operation test would need)
                    "example": {k: v for k, v in JSON_BODY.items() if v is not None},
                }
            },
        }
    elif row["body"] == "multipart":
        op["requestBody"] = {
            "required": True,
            "content": {
                "multipart/form-data": {
                    "schema": {"$ref": "#/components/schemas/ShapeUploadRequest"},
                    "example": {"caption": CAPTION},
                }
            },
        }
    schema, example = ANSWERS[row["answer"]]
    if schema is None:
        success = {"204": {"description": "No content.", "headers": copy.deepcopy(RATE_HEADERS)}}
    else:
        success = {
            "200": {
                "description": "The answer.",
                "headers": copy.deepcopy(RATE_HEADERS),
                "content": {
                    "application/json": {
                        "schema": {"$ref": f"#/components/schemas/{schema}"},
                        "example": example,
                    }
                },
            }
        }
    op["responses"] = {**success, **copy.deepcopy(ERRORS)}
    return op


def matrix_spec(
    base: Mapping[str, Any], rows: list[Row] | None = None, *, alone: bool = False
) -> dict[str, Any]:
    """A copy of `base` (the chat spec: its wrapper, error answers and businessId) with one
    operation per row and the schemas they use; `alone`: without `base`'s own operations."""
    spec = copy.deepcopy(dict(base))
    if alone:
        spec["paths"] = {}
    spec["tags"] = [*spec.get("tags", []), {"name": "shapes", "description": "The shape matrix."}]
    spec["components"]["schemas"].update(copy.deepcopy(SCHEMAS))
    for row in ROWS if rows is None else rows:
        spec["paths"][path_of(row)] = {row["method"]: operation(row)}
    return spec


# --- what the calls must do ---------------------------------------------------------------------


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def calls(row: Mapping[str, str], identifier: Callable[[str], str], business_id: int) -> dict[str, Any]:
    """The three calls of a row's operation on the client objects (no optional argument; every
    argument; one argument out of range) and what each must put on the wire: method, path, query
    pairs, JSON body or multipart parts, the DeprecationWarning. `identifier` is the generator's
    naming of a wire name as a Python argument (the argument names are its; the values here)."""
    path = path_of(row).replace("{businessId}", str(business_id)).replace("{shapeCode}", "AB-12")
    minimal: dict[str, Any] = {}
    full: dict[str, Any] = {}
    query_min: list[list[str]] = []
    query_full: list[list[str]] = []
    bad: tuple[str, Any, str] | None = None
    """(argument, a value out of range, the field the error names)"""
    if row["path"] == "two":
        minimal[identifier("shapeCode")] = full[identifier("shapeCode")] = "AB-12"
        bad = (identifier("shapeCode"), "ab", identifier("shapeCode"))  # (the pattern: upper case only)
    if row["path"] in ("one", "two"):
        bad = bad or (identifier("businessId"), 0, identifier("businessId"))
    if row["query"] != "none":
        param = QUERY[row["query"]]
        python = identifier(param["name"])
        value = param["example"]
        full[python] = value
        if isinstance(value, list):
            sent = [",".join(map(str, value))] if param.get("explode") is False else [str(v) for v in value]
        else:
            sent = [str(value)]
        query_full = [[param["name"], text] for text in sent]
        if param.get("required"):
            minimal[python] = value
            query_min = query_full
        value, where = OUT_OF_RANGE[row["query"]]
        bad = (python, value, python + where)
    json_min: Any = None
    json_full: Any = None
    parts: list[list[Any]] | None = None
    files: dict[str, str] = {}
    if row["body"].startswith("json"):
        full.update({identifier(k): v for k, v in JSON_BODY.items()})
        json_full = JSON_BODY
        if row["body"] == "json-required":
            minimal.update({identifier(k): v for k, v in JSON_REQUIRED.items()})
            json_min = JSON_REQUIRED
        bad = bad or (identifier("name"), "x" * 21, identifier("name"))
    elif row["body"] == "multipart":
        files = {identifier("file"): _b64(FILE_BYTES)}
        minimal["file_name"] = full["file_name"] = FILE_NAME
        full[identifier("caption")] = CAPTION
        parts = [["file", FILE_NAME, _b64(FILE_BYTES)]]
        bad = bad or (identifier("caption"), "x" * 11, identifier("caption"))
    schema, answer = ANSWERS[row["answer"]]
    return {
        "operation_id": operation_id(row),
        "method_name": identifier(operation_id(row)),
        "slug": slug(row),
        "status": 204 if schema is None else 200,
        "answer": answer,
        "schema": schema,
        "files": files,
        "calls": {
            "minimal": {
                "kwargs": minimal,
                "wire": {
                    "method": row["method"].upper(),
                    "path": path,
                    "query": query_min,
                    "json": json_min,
                    "parts": parts,
                },
                "deprecated": False,
            },
            "full": {
                "kwargs": full,
                "wire": {
                    "method": row["method"].upper(),
                    "path": path,
                    "query": query_full,
                    "json": json_full,
                    "parts": parts and [*parts, ["caption", None, _b64(CAPTION.encode())]],
                },
                "deprecated": row["query"] == "deprecated",
            },
            **({"bad": {"kwargs": {**minimal, bad[0]: bad[1]}, "field": bad[2]}} if bad else {}),
        },
    }


def representative(rows: list[Row]) -> list[Row]:
    """A few of `rows` that hold every value of every dimension (greedy: each next row the one with
    the most values not yet held; the first such on a tie): the operations that also go through
    `make record` and every per-operation suite."""
    wanted = {(name, value) for name, values in DIMENSIONS.items() for value in values}
    chosen: list[Row] = []
    while wanted:
        best = max(rows, key=lambda row: (len(set(row.items()) & wanted), -rows.index(row)))
        chosen.append(best)
        wanted -= set(best.items())
    return chosen


SUBSET = representative(ROWS)
"""The representative operations (every value of every dimension at least once)."""
