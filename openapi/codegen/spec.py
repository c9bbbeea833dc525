"""Loading, validating and walking the OpenAPI document."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


class GenerationError(Exception):
    """Generation cannot go on; the message says where in which input."""


def load(path: Path) -> dict[str, Any]:
    """The document, validated with openapi-spec-validator."""
    from openapi_spec_validator import validate
    from openapi_spec_validator.readers import read_from_filename

    document, _ = read_from_filename(str(path))
    try:
        validate(document)
    except Exception as exc:
        raise GenerationError(f"{path.name} is not a valid OpenAPI document: {exc}") from exc
    return dict(document)


def resolve(spec: Mapping[str, Any], node: Mapping[str, Any], where: str = "") -> dict[str, Any]:
    """Follow local `$ref`s until a node that is not a reference."""
    seen = []
    while "$ref" in node:
        ref = str(node["$ref"])
        if not ref.startswith("#/"):
            raise GenerationError(f"{where or ref}: only local references (#/...) are supported, got {ref!r}")
        if ref in seen:
            raise GenerationError(f"{where or ref}: the reference {ref} refers to itself")
        seen.append(ref)
        target: Any = spec
        for part in ref.removeprefix("#/").split("/"):
            part = part.replace("~1", "/").replace("~0", "~")
            if not isinstance(target, Mapping) or part not in target:
                raise GenerationError(f"{where or ref}: the reference {ref} points nowhere")
            target = target[part]
        node = target
    return dict(node)


def ref_name(node: Mapping[str, Any]) -> str | None:
    """The component name of a `#/components/schemas/<name>` reference, else None."""
    ref = node.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/components/schemas/"):
        return ref.rsplit("/", 1)[-1]
    return None


def operations(spec: Mapping[str, Any]) -> list[tuple[str, str, dict[str, Any], list[dict[str, Any]]]]:
    """(path, method, operation, parameters) for every operation, in the document's order; the
    parameters are the path item's and the operation's, resolved (the operation's win)."""
    found = []
    for path, item in spec.get("paths", {}).items():
        shared = [resolve(spec, p, f"{path}/parameters") for p in item.get("parameters", [])]
        for method in HTTP_METHODS:
            if method not in item:
                continue
            operation = item[method]
            own = [resolve(spec, p, f"{path}/{method}/parameters") for p in operation.get("parameters", [])]
            names = {(p["name"], p["in"]) for p in own}
            merged = [p for p in shared if (p["name"], p["in"]) not in names] + own
            found.append((path, method, operation, merged))
    return found
