"""Rebuild generated/yandex_market_chat/ from openapi/, all or nothing.

Run by `make generate`. Steps:
1. refuse unknown keys in generator-config.yaml (openapi-python-client silently ignores them);
2. validate the spec (openapi-spec-validator) and read its facts (codegen/facts.py): what the
   generator's templates cannot see (constraints, `x-` extensions), under the generator's names;
   into typed values (codegen/contract.py);
3. compile each operation's request schema into plain Python checks (codegen/validators.py);
4. run the pinned openapi-python-client in this process into a scratch folder with our template
   overrides (templates/), the typed values added to its Jinja environment as globals (`api`,
   and `endpoint_module(name)`, the view of codegen/views.py);
5. render our own modules from the same values (render/: client objects, TypedDicts, the command
   line's table) and format everything generated, once, with the pinned ruff;
6. copy the hand-written runtime (runtime/*.py) in as it is, and add `py.typed`;
7. import every module in a fresh interpreter, so broken output fails here;
8. only then replace generated/yandex_market_chat/.
Any failure exits non-zero with a message and leaves the previous generated/ untouched.
"""

from __future__ import annotations

import argparse
import contextlib
import copy
import io
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import jinja2
import yaml
from codegen import bot as bot_calls
from codegen import facts as spec_facts
from codegen import notifications as notification_spec
from codegen import prose, views
from codegen import spec as spec_io
from codegen.contract import Api
from codegen.spec import GenerationError
from codegen.validators import compile_schemas, compile_validators

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "openapi" / "yandex-market-chat.yaml"
NOTIFICATION_SPEC = ROOT / "openapi" / "yandex-market-notification.yaml"
CONFIG = ROOT / "generator-config.yaml"
TEMPLATES = ROOT / "openapi" / "templates"
RENDER = ROOT / "openapi" / "render"
RUNTIME = ROOT / "openapi" / "runtime"
TARGET = ROOT / "generated" / "yandex_market_chat"
PACKAGE = "yandex_market_chat"
# Imports every module of the new package, so a template that renders broken code fails here.
IMPORT_ALL = (
    f"import importlib, pkgutil, {PACKAGE} as p; "
    "[importlib.import_module(m.name) for m in pkgutil.walk_packages(p.__path__, p.__name__ + '.')]"
)
OWN_MODULES = {
    "client.py": "client.py.jinja",
    "typed_dicts.py": "typed_dicts.py.jinja",
    "__init__.py": "__init__.py.jinja",
    "_spec.py": "_spec.py.jinja",
}
"""Modules we render from the typed values (over whatever the generator wrote under the same name)."""
PLAIN_MODULES = ("__main__.py",)
"""Modules of render/ in which nothing varies with the spec, copied as they are (and formatted with
the rest of the generated code): not in runtime/, because they import generated modules."""


def template_cache() -> jinja2.BytecodeCache | None:
    """Compiled templates, kept between runs in the user's Jinja cache folder (in the temporary
    folder; keyed by each template's source and Jinja's version): compiling them is a fifth of a
    run. None (compile every run) where that folder cannot be made or is not the user's alone."""
    try:
        return jinja2.FileSystemBytecodeCache()
    except (OSError, RuntimeError):
        return None


TEMPLATE_CACHE = template_cache()

__all__ = ["GenerationError", "generator_config", "main", "read_facts"]


def check_config(path: Path = CONFIG) -> dict[str, Any]:
    from openapi_python_client.config import ConfigFile

    data = yaml.safe_load(path.read_text()) or {}
    unknown = sorted(set(data) - set(ConfigFile.model_fields))
    if unknown:
        raise GenerationError(f"{path.name}: unknown keys {unknown} (the generator would ignore them)")
    return dict(data)


def generator_config(config_path: Path, spec_path: Path, output_path: Path | None = None) -> Any:
    """The generator's own Config, as its CLI would build it (`--meta none`)."""
    from openapi_python_client.config import Config, ConfigFile, MetaType

    return Config.from_sources(
        ConfigFile.load_from_path(config_path),
        MetaType.NONE,
        document_source=spec_path,
        file_encoding="utf-8",
        overwrite=True,
        output_path=output_path,
    )


def read_facts(spec: Mapping[str, Any], config_path: Path = CONFIG, spec_path: Path = SPEC) -> Api:
    """The spec's facts, named as the generator names things."""
    return spec_facts.read(spec, generator_config(config_path, spec_path))


def jinja_environment(folder: Path) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(folder),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
        bytecode_cache=TEMPLATE_CACHE,
    )
    env.filters["doc"] = prose.doc
    env.filters["py"] = repr
    env.filters["tuple"] = lambda items: "(" + "".join(f"{item!r}, " for item in items) + ")"
    env.tests["identifier"] = lambda value: str(value).isidentifier()
    return env


def run_generator(spec: Mapping[str, Any], spec_path: Path, config_path: Path, out: Path, api: Api) -> None:
    """openapi-python-client, in this process, with our template overrides and the typed values
    added to its Jinja environment (as `--fail-on-warning`: any error or warning fails). It is
    what the generator's own `generate()` does, given the document this script has read and
    validated (not read again) and with the globals added between the project and its build."""
    from openapi_python_client import Project
    from openapi_python_client.parser import GeneratorData
    from openapi_python_client.parser.errors import GeneratorError

    config = generator_config(config_path, spec_path, out)
    openapi = GeneratorData.from_dict(copy.deepcopy(dict(spec)), config=config)
    if isinstance(openapi, GeneratorError):
        errors = [openapi]
    else:
        project = Project(openapi=openapi, custom_template_path=TEMPLATES, config=config)
        project.env.bytecode_cache = TEMPLATE_CACHE
        project.env.globals.update(api=api, endpoint_module=lambda name: views.endpoint_module(api, name))
        try:
            with contextlib.redirect_stdout(io.StringIO()):
                errors = list(project.build())
        except jinja2.TemplateError as exc:
            raise GenerationError(f"a template failed: {type(exc).__name__}: {exc}") from exc
    if errors:
        found = "\n".join(f"{e.level.value}: {e.header}\n{e.detail or ''}".rstrip() for e in errors)
        raise GenerationError(f"openapi-python-client reported:\n{found}")


def render_own(out: Path, api: Api, version: str, calls: bot_calls.NotificationCalls | None = None) -> None:
    env = jinja_environment(RENDER)
    env.globals["client_methods"] = lambda is_async, raw: views.client_methods(api, is_async, raw)
    env.globals["cli_arguments"] = views.cli_arguments
    env.globals["client_intro"] = prose.client_intro(api)
    context = {
        "api": api,
        "operations": list(api.operations.values()),
        "version": version,
        "notification_calls": (calls or bot_calls.NotificationCalls()).as_data(),
    }
    for module, template in OWN_MODULES.items():
        models = api.dict_models() if module == "typed_dicts.py" else api.all_models()
        (out / module).write_text(env.get_template(template).render(context, models=models))
    for module in PLAIN_MODULES:
        shutil.copyfile(RENDER / module, out / module)


def render_notifications(out: Path, spec: Mapping[str, Any]) -> None:
    """`notifications.py` (a class per notification type) and its compiled checks, from the
    notification spec (codegen/notifications.py reads it into typed values)."""
    read = notification_spec.read(spec)
    env = jinja_environment(RENDER)
    (out / "notifications.py").write_text(env.get_template("notifications.py.jinja").render(spec=read))
    checks = {f"kind_{i}": kind.model.schema for i, kind in enumerate(read.kinds, start=1)}
    doc = (
        "Notification checks compiled from the notification spec by fastjsonschema\n"
        "(openapi/codegen/validators.py). Written by `make generate`; do not edit."
    )
    (out / "_notification_validators.py").write_text(compile_schemas(spec, checks, doc))


def run(cmd: list[str], env: Mapping[str, str], cwd: Path | None = None) -> None:
    result = subprocess.run(cmd, env=dict(env), cwd=cwd, capture_output=True, text=True)
    if result.returncode != 0:
        raise GenerationError(f"`{' '.join(cmd)}` failed:\n{result.stdout}\n{result.stderr}")


def generate(
    spec_path: Path, config_path: Path, target: Path, notification_path: Path = NOTIFICATION_SPEC
) -> None:
    bin_dir = Path(sys.executable).parent
    env = dict(os.environ, PATH=f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}")
    config = check_config(config_path)
    spec = spec_io.load(spec_path)
    api = read_facts(spec, config_path, spec_path)
    notifications = spec_io.load(notification_path)
    validators = compile_validators(spec, api.operations, api.defaults)
    methods = {op.id: op.name for op in api.operations.values()}
    kinds = [kind.value for kind in notification_spec.read(notifications).kinds]
    calls = bot_calls.read(spec, methods, kinds)
    if not (bin_dir / "ruff").exists():
        raise GenerationError(f"the pinned ruff is not installed in {bin_dir}: run `make install`")
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".tmp-", dir=target.parent) as scratch:
        out = Path(scratch) / PACKAGE
        run_generator(spec, spec_path, config_path, out, api)
        render_own(out, api, str(config.get("package_version_override", "0")), calls)
        (out / "_validators.py").write_text(validators)
        render_notifications(out, notifications)
        # One formatting pass over what was generated; the runtime is copied in after, as it is.
        ruff = ["--no-cache", "--isolated"]
        run(["ruff", "check", *ruff, "--quiet", "--fix-only", "--extend-select=I", "."], env, cwd=out)
        run(["ruff", "format", *ruff, "."], env, cwd=out)
        shutil.rmtree(out / ".ruff_cache", ignore_errors=True)
        for module in sorted(RUNTIME.glob("*.py")):
            if module.name != "__init__.py":
                shutil.copyfile(module, out / module.name)
        (out / "py.typed").write_text("")
        run([sys.executable, "-c", IMPORT_ALL], dict(env, PYTHONPATH=scratch))
        if target.exists():
            shutil.rmtree(target)
        out.rename(target)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--spec", type=Path, default=SPEC, help="the OpenAPI document (default: %(default)s)")
    parser.add_argument(
        "--notifications",
        type=Path,
        default=NOTIFICATION_SPEC,
        help="the notification spec (default: %(default)s)",
    )
    parser.add_argument("--config", type=Path, default=CONFIG, help="generator config (default: %(default)s)")
    parser.add_argument(
        "--output", type=Path, default=TARGET, help="the package folder (default: %(default)s)"
    )
    args = parser.parse_args(argv)
    target: Path = args.output.resolve()
    try:
        generate(args.spec.resolve(), args.config.resolve(), target, args.notifications.resolve())
    except GenerationError as exc:
        print(f"make generate: {exc}\nThe previous generated/ is left as it was.", file=sys.stderr)
        return 1
    print(f"generated {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
