"""Copy operations of the published Partner API description into our spec, with every component they
reach, and fill the examples the house rules require: CONTRIBUTING's "Regenerating", step 1, done by
a script (`python openapi/tools/import_operation.py --from <published openapi/> opId ...`).

The published description (the yandex-market/yandex-market-partner-api repository's `openapi/`)
is split over files: `openapi.yaml` names each path's file, and `$ref`s point at files such as
`../components/schemas/OrderDTO.yaml`. Each operation is copied under its path; each file it
reaches becomes `#/components/<kind>/<file name>` (kind from the folder: schemas, parameters,
responses, headers), unless our spec already has a component of that name (ours is kept: the
names are the published ones). Then:
- `x-idempotent` is set from the method when missing (GET, PUT, DELETE: true; POST: false, so it
  is never sent twice) and printed: review it, the house rule says true only when sending twice
  has the effect of sending once;
- a parameter, a JSON request body or a JSON answer without an example gets one made from its
  schema (`example_of`: enum's first value, limits, formats), printed for review;
- an answer without the rate-limit headers gets ours (`#/components/headers/X-RateLimit-*`), and
  an answer of a status every operation of ours shares (the 420 with its headers, ...) is ours.
Nothing else is changed: what then breaks `make generate` is a fact about the pipeline.
"""

from __future__ import annotations

import argparse
import copy
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

HTTP_METHODS = ("get", "put", "post", "delete", "patch")
KINDS = ("schemas", "parameters", "responses", "headers", "requestBodies")


class Importer:
    def __init__(self, published: Path, spec: dict[str, Any]) -> None:
        self.root = published
        self.spec = spec
        self.files: dict[Path, Any] = {}
        self.notes: list[str] = []
        index = self.load(published / "openapi.yaml")
        self.shared = shared_answers(spec)
        """status -> our response component every operation of ours uses for it (420 with the
        rate-limit headers the house rules require, ...): it replaces a published one."""
        self.paths: dict[str, tuple[str, Path]] = {}
        """operationId -> (path, the file of its path item)."""
        for path, item in index["paths"].items():
            file = (published / item["$ref"]).resolve() if "$ref" in item else published / "openapi.yaml"
            for method, op in self.load(file).items():
                if method in HTTP_METHODS and isinstance(op, Mapping) and "operationId" in op:
                    self.paths[op["operationId"]] = (path, file)

    def load(self, file: Path) -> Any:
        file = file.resolve()
        if file not in self.files:
            self.files[file] = yaml.safe_load(file.read_text(encoding="utf-8"))
        return self.files[file]

    def ref(self, ref: str, base: Path) -> str:
        """A local reference for a file reference (the component copied in if ours lacks it)."""
        target, _, fragment = ref.partition("#")
        if not target:
            raise ValueError(f"{base}: local reference {ref} inside a split file is not supported")
        file = (base.parent / target).resolve()
        kind = file.parent.name
        if kind not in KINDS:
            raise ValueError(f"{base}: {ref} is not under components/<kind>/")
        name = file.stem
        node = self.load(file)
        for part in [p for p in fragment.split("/") if p]:
            node = node[part]
        components = self.spec.setdefault("components", {}).setdefault(kind, {})
        if name not in components:
            components[name] = {}  # (taken first: a schema that refers to itself ends here)
            components[name] = self.rewrite(copy.deepcopy(node), file)
        return f"#/components/{kind}/{name}"

    def rewrite(self, node: Any, base: Path) -> Any:
        if isinstance(node, list):
            return [self.rewrite(item, base) for item in node]
        if not isinstance(node, Mapping):
            return node
        if isinstance(node.get("$ref"), str) and not node["$ref"].startswith("#"):
            return {"$ref": self.ref(node["$ref"], base)}
        return {key: self.rewrite(value, base) for key, value in node.items()}

    def operation(self, operation_id: str) -> None:
        if operation_id not in self.paths:
            raise KeyError(f"{operation_id}: no such operationId in {self.root}")
        path, file = self.paths[operation_id]
        item = self.load(file)
        method = next(
            m for m, op in item.items() if isinstance(op, Mapping) and op.get("operationId") == operation_id
        )
        op = self.rewrite(copy.deepcopy(item[method]), file)
        for code, answer in list(op.get("responses", {}).items()):
            ours = self.shared.get(str(code))
            if ours is not None and str(answer.get("$ref", "")).startswith("#/components/responses/"):
                op["responses"][code] = {"$ref": ours}  # (our shared answer of that status wins)
        if not isinstance(op.get("x-idempotent"), bool):
            op["x-idempotent"] = method != "post"
            self.notes.append(
                f"{operation_id}: x-idempotent: {op['x-idempotent']} (from {method.upper()}: review)"
            )
        for param in op.get("parameters", []):
            target = self.resolve(param)
            if "example" not in target and "example" not in self.resolve(target.get("schema", {})):
                target["example"] = example_of(self.spec, target.get("schema", {}))
                self.notes.append(
                    f"{operation_id}: parameter {target['name']}: example {target['example']!r}"
                )
        headers = {
            name: {"$ref": f"#/components/headers/{name}"}
            for name in self.spec.get("components", {}).get("headers", {})
            if name.lower().startswith("x-ratelimit-")
        }
        for code, answer in op.get("responses", {}).items():
            target = self.resolve(answer)
            missing = {name: ref for name, ref in headers.items() if name not in target.get("headers", {})}
            if missing:  # (the house rule: every answer documents the rate-limit headers)
                target["headers"] = {**target.get("headers", {}), **missing}
                self.notes.append(f"{operation_id}: answer {code}: the rate-limit headers added")
        media = [
            (f"{operation_id}: request body", m)
            for m in op.get("requestBody", {}).get("content", {}).values()
        ]
        for code, answer in op.get("responses", {}).items():
            for kind, found in self.resolve(answer).get("content", {}).items():
                if kind == "application/json":
                    media.append((f"{operation_id}: answer {code}", found))
        for where, found in media:
            if "example" not in found and "examples" not in found and "schema" in found:
                found["example"] = example_of(self.spec, found["schema"])
                example = found["example"]
                error = " answer 4" in where or " answer 5" in where
                if error and isinstance(example, dict) and "status" in example:
                    # (the Partner API's error bodies say `"status": "ERROR"` and list their
                    # errors; the schema's enum lists OK first, and `errors` is optional)
                    example["status"] = "ERROR"
                    example.setdefault("errors", [{"code": "ERROR", "message": "An example."}])
                self.notes.append(f"{where}: example made from its schema")
        self.spec.setdefault("paths", {}).setdefault(path, {})[method] = op

    def resolve(self, node: Any) -> Any:
        while isinstance(node, Mapping) and "$ref" in node:
            found: Any = self.spec
            for part in str(node["$ref"]).removeprefix("#/").split("/"):
                found = found[part]
            node = found
        return node


def shared_answers(spec: Mapping[str, Any]) -> dict[str, str]:
    """status -> the `#/components/responses/...` reference every operation of `spec` uses for it."""
    seen: dict[str, set[str]] = {}
    count = 0
    for item in spec.get("paths", {}).values():
        for method, op in item.items():
            if method in HTTP_METHODS:
                count += 1
                for code, answer in op.get("responses", {}).items():
                    seen.setdefault(str(code), set()).add(str(answer.get("$ref", "")))
    return {
        code: next(iter(refs))
        for code, refs in seen.items()
        if len(refs) == 1
        and next(iter(refs)).startswith("#/components/responses/")
        and sum(
            1
            for item in spec["paths"].values()
            for m, op in item.items()
            if m in HTTP_METHODS and str(code) in op.get("responses", {})
        )
        == count
    }


def example_of(spec: Mapping[str, Any], schema: Any, depth: int = 0) -> Any:
    """A small value valid for `schema` (refs into `spec` followed, allOf merged)."""
    while isinstance(schema, Mapping) and "$ref" in schema:
        found: Any = spec
        for part in str(schema["$ref"]).removeprefix("#/").split("/"):
            found = found[part]
        schema = found
    if not isinstance(schema, Mapping):
        return None
    if "example" in schema:
        return copy.deepcopy(schema["example"])
    if "allOf" in schema:
        merged: dict[str, Any] = {}
        for part in schema["allOf"]:
            value = example_of(spec, part, depth + 1)
            if isinstance(value, dict):
                merged.update(value)
        own = {k: v for k, v in schema.items() if k != "allOf"}
        value = example_of(spec, own, depth + 1) if own.get("properties") else {}
        return {**merged, **(value if isinstance(value, dict) else {})}
    if "enum" in schema:
        return schema["enum"][0]
    kind = schema.get("type")
    if kind == "integer":
        return max(int(schema.get("minimum", 1)), 1) if "maximum" not in schema else schema.get("minimum", 1)
    if kind == "number":
        return float(schema.get("minimum", 1.5))
    if kind == "boolean":
        return False
    if kind == "string":
        fmt = schema.get("format")
        text = {"date-time": "2025-07-10T12:00:00+03:00", "date": "2025-07-10", "binary": None}.get(
            str(fmt), "x"
        )
        return text if text is None or fmt else "x" * max(int(schema.get("minLength", 1)), 1)
    if kind == "array":
        return [
            example_of(spec, schema.get("items", {}), depth + 1)
            for _ in range(max(schema.get("minItems", 1), 1))
        ]
    if kind == "object" or "properties" in schema:
        if depth > 8:
            return {}
        required = set(schema.get("required", []))
        return {
            name: example_of(spec, sub, depth + 1)
            for name, sub in schema.get("properties", {}).items()
            if name in required or depth < 2
        }
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument(
        "--from", dest="published", type=Path, required=True, help="the published openapi/ folder"
    )
    parser.add_argument(
        "--into", type=Path, default=Path(__file__).resolve().parent.parent / "yandex-market-chat.yaml"
    )
    parser.add_argument("--output", type=Path, help="where to write the result (default: --into itself)")
    parser.add_argument("operation_ids", nargs="+")
    args = parser.parse_args(argv)
    spec = yaml.safe_load(args.into.read_text(encoding="utf-8"))
    importer = Importer(args.published, spec)
    try:
        for operation_id in args.operation_ids:
            importer.operation(operation_id)
    except (KeyError, ValueError) as exc:
        print(f"import_operation: {exc}", file=sys.stderr)
        return 2
    (args.output or args.into).write_text(
        yaml.safe_dump(spec, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    print("\n".join(importer.notes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
