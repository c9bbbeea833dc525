"""Rebuild generated/yandex_market_chat/ from the spec, all or nothing.

Run by `make generate`. Steps:
1. refuse unknown keys in generator-config.yaml (openapi-python-client silently ignores them);
2. validate the spec with openapi-spec-validator;
3. run the pinned openapi-python-client with our templates into a scratch folder;
4. add what the generator cannot: our own modules from openapi/templates/_*.py.jinja —
   `_rules.py` (the spec's constraints and retry policies, which 0.29.1 drops, upstream issue
   #726) and `_limits.py` — and `py.typed`;
5. import the result in a fresh interpreter, so a template that renders broken code fails here;
6. only then replace generated/yandex_market_chat/.
Any failure exits non-zero with a message and leaves the previous generated/ untouched.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import jinja2
import yaml

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "openapi" / "yandex-market-chat.yaml"
CONFIG = ROOT / "generator-config.yaml"
TEMPLATES = ROOT / "openapi" / "templates"
TARGET = ROOT / "generated" / "yandex_market_chat"
PACKAGE = "yandex_market_chat"
INT64_MAX = 2**63 - 1
INT32_MAX = 2**31 - 1
# Imports every module of the new package, so a template that renders broken code fails here.
IMPORT_ALL = (
    f"import importlib, pkgutil, {PACKAGE} as p; "
    "[importlib.import_module(m.name) for m in pkgutil.walk_packages(p.__path__, p.__name__ + '.')]"
)


class GenerationError(Exception):
    pass


def check_config(path: Path = CONFIG) -> None:
    from openapi_python_client.config import ConfigFile

    data = yaml.safe_load(path.read_text()) or {}
    unknown = sorted(set(data) - set(ConfigFile.model_fields))
    if unknown:
        raise GenerationError(f"{path.name}: unknown keys {unknown} (the generator would ignore them)")


def validate_spec(path: Path = SPEC) -> dict[str, Any]:
    from openapi_spec_validator import validate
    from openapi_spec_validator.readers import read_from_filename

    spec, _ = read_from_filename(str(path))
    try:
        validate(spec)
    except Exception as exc:
        raise GenerationError(f"{path.name} is not a valid OpenAPI document: {exc}") from exc
    return dict(spec)


def _resolve(spec: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        parts = node["$ref"].removeprefix("#/").split("/")
        target: Any = spec
        for part in parts:
            target = target[part]
        node = target
    return node


def _rule(spec: dict[str, Any], schema: dict[str, Any], schemas: dict[str, Any]) -> dict[str, Any]:
    """The constraints of one schema, in the small vocabulary _rules.py checks. A named object
    becomes {"ref": name}, and its own rule is added to `schemas` (once)."""
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        target = _resolve(spec, schema)
        if target.get("type") == "object" or "properties" in target or "allOf" in target:
            if name not in schemas:
                schemas[name] = {}  # taken before recursing, so a cycle ends here
                schemas[name] = _rule(spec, target, schemas)
            return {"ref": name}
        return _rule(spec, target, schemas)
    kind = schema.get("type")
    rule: dict[str, Any] = {}
    if schema.get("deprecated"):
        rule["deprecated"] = " ".join(str(schema.get("description", "")).split()) or "see the API reference"
    if kind == "integer":
        rule["type"] = "integer"
        rule["minimum"] = schema.get("minimum")
        default_max = INT32_MAX if schema.get("format") == "int32" else INT64_MAX
        rule["maximum"] = schema.get("maximum", default_max)
    elif kind == "string" and schema.get("format") == "binary":
        rule["type"] = "binary"
        rule["maxBytes"] = schema.get("maxLength")
        rule["minBytes"] = schema.get("minLength", 0)
    elif kind == "string":
        rule["type"] = "string"
        rule["minLength"] = schema.get("minLength")
        rule["maxLength"] = schema.get("maxLength")
        rule["lengthUnit"] = schema.get("x-length-unit", "code-points")
        if "enum" in schema:
            rule["enum"] = list(schema["enum"])
    elif kind == "object" or "properties" in schema:
        rule["type"] = "object"
        rule["required"] = list(schema.get("required", []))
        rule["properties"] = {k: _rule(spec, v, schemas) for k, v in schema.get("properties", {}).items()}
        if "x-require-one-of" in schema:
            rule["requireOneOf"] = list(schema["x-require-one-of"])
    else:
        raise GenerationError(f"_rules: no rule for schema {schema!r}")
    return rule


def extract_rules(spec: dict[str, Any]) -> dict[str, Any]:
    """Operations (parameters, body schema, retry policy) and the schemas their requests use.

    Operations are keyed by the generator's own snake_case of the operationId (the module name).
    """
    from openapi_python_client.strings import snake_case

    operations: dict[str, Any] = {}
    schemas: dict[str, Any] = {}
    for path, item in spec["paths"].items():
        for method, op in item.items():
            if method not in {"get", "put", "post", "delete", "patch"}:
                continue
            op_id = op["operationId"]
            if not isinstance(op.get("x-idempotent"), bool):
                raise GenerationError(
                    f"operation {op_id} declares no retry policy: add `x-idempotent: true|false` "
                    "(true only when sending it twice has the effect of sending it once)"
                )
            params = {}
            for param in op.get("parameters", []):
                param = _resolve(spec, param)
                params[param["name"]] = _rule(spec, param["schema"], schemas) | {"in": param["in"]}
            body = None
            for media in op.get("requestBody", {}).get("content", {}).values():
                body = _rule(spec, media["schema"], schemas).get("ref")
                if body is None:
                    raise GenerationError(
                        f"operation {op_id}: the request body must be a named object schema"
                    )
            operations[snake_case(op_id)] = {
                "operationId": op_id,
                "method": method.upper(),
                "path": path,
                "idempotent": op["x-idempotent"],
                "parameters": params,
                "body": body,
            }
    return {"operations": operations, "schemas": schemas, "server_url": spec["servers"][0]["url"]}


def run(cmd: list[str], env: dict[str, str], cwd: Path | None = None) -> None:
    result = subprocess.run(cmd, env=env, cwd=cwd, capture_output=True, text=True)
    if result.returncode != 0:
        raise GenerationError(f"`{' '.join(cmd)}` failed:\n{result.stdout}\n{result.stderr}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--spec", type=Path, default=SPEC, help="the OpenAPI document (default: %(default)s)")
    parser.add_argument("--config", type=Path, default=CONFIG, help="generator config (default: %(default)s)")
    parser.add_argument(
        "--output", type=Path, default=TARGET, help="the package folder (default: %(default)s)"
    )
    args = parser.parse_args(argv)
    spec_path: Path = args.spec.resolve()
    target: Path = args.output.resolve()
    config_path: Path = args.config.resolve()
    bin_dir = Path(sys.executable).parent
    env = dict(os.environ, PATH=f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}")
    try:
        check_config(config_path)
        spec = validate_spec(spec_path)
        rules = extract_rules(spec)
        if not (bin_dir / "ruff").exists():
            raise GenerationError(f"the pinned ruff is not installed in {bin_dir}: run `make install`")
        target.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(prefix=".tmp-", dir=target.parent) as scratch:
            out = Path(scratch) / PACKAGE
            run(
                [
                    str(bin_dir / "openapi-python-client"),
                    "generate",
                    "--path",
                    str(spec_path),
                    "--config",
                    str(config_path),
                    "--custom-template-path",
                    str(TEMPLATES),
                    "--meta",
                    "none",
                    "--output-path",
                    str(out),
                    "--fail-on-warning",
                ],
                env,
            )
            jenv = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), keep_trailing_newline=True)
            ours = sorted(p.name for p in TEMPLATES.glob("_*.py.jinja"))
            for name in ours:
                (out / name.removesuffix(".jinja")).write_text(jenv.get_template(name).render(rules=rules))
            (out / "py.typed").write_text("")
            run(
                [
                    "ruff",
                    "check",
                    "--isolated",
                    "--quiet",
                    "--no-cache",
                    "--fix-only",
                    "--extend-select=I",
                    ".",
                ],
                env,
                cwd=out,
            )
            run(["ruff", "format", "--isolated", "--quiet", "--no-cache", "."], env, cwd=out)
            shutil.rmtree(out / ".ruff_cache", ignore_errors=True)
            run([sys.executable, "-c", IMPORT_ALL], dict(env, PYTHONPATH=scratch))
            if target.exists():
                shutil.rmtree(target)
            out.rename(target)
    except GenerationError as exc:
        print(f"make generate: {exc}\nThe previous generated/ is left as it was.", file=sys.stderr)
        return 1
    print(f"generated {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
