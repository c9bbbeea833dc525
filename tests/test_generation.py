"""The pipeline: spec -> make generate -> package. Deterministic, all or nothing, spec-driven."""

from __future__ import annotations

import ast
import filecmp
import hashlib
import json
import os
import shlex
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import generate as generate_tool
import pytest
import yaml
from codegen import spec as spec_io
from once_per_run import built_once
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from renamed_spec import has_mark, renamed, unrename
from spec_support import SPEC, SPEC_PATH, fresh_spec, python_name

ROOT = Path(__file__).resolve().parent.parent
GENERATE = ROOT / "openapi" / "generate.py"
PACKAGE = ROOT / "generated" / "yandex_market_chat"
LICENSE = ROOT / "LICENSE"
CONFIG = ROOT / "generator-config.yaml"
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
VERSION = yaml.safe_load(CONFIG.read_text())["package_version_override"]
"""The package's version, written in one place (see test_versions_agree)."""


def generate(*args: str | Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(GENERATE), *map(str, args)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
        env=env,
    )


def write_spec(path: Path, spec: dict[str, object]) -> Path:
    path.write_text(yaml.safe_dump(spec, allow_unicode=True, sort_keys=False))
    return path


def tree(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if "__pycache__" not in p.parts)


def run_plainly(folder: Path) -> None:
    """`make generate` of the spec into `folder`/pkg, in a fresh process whose venv is the real one
    but for a ruff that logs each call (`folder`/ruff.log), and whose Jinja cache folder cannot be
    used (a file stands where it would be, in `folder`/temp): the run the tests below read."""
    venv, bin_dir = Path(sys.prefix), Path(sys.executable).parent
    fake = folder / "venv"
    (fake / "bin").mkdir(parents=True)
    (fake / "pyvenv.cfg").write_text((venv / "pyvenv.cfg").read_text())
    (fake / "lib").symlink_to(venv / "lib")
    (fake / "bin" / "python").symlink_to(sys.executable)
    (fake / "bin" / "openapi-python-client").symlink_to(bin_dir / "openapi-python-client")
    ruff = fake / "bin" / "ruff"
    ruff.write_text(
        "#!/bin/sh\n"
        f'printf "%s\\n" "$*" >> {shlex.quote(str(folder / "ruff.log"))}\n'
        f'exec {shlex.quote(str(bin_dir / "ruff"))} "$@"\n'
    )
    ruff.chmod(0o755)
    temp = folder / "temp"
    temp.mkdir()
    (temp / f"_jinja2-cache-{os.getuid()}").write_text("not a folder")
    made = subprocess.run(
        [str(fake / "bin" / "python"), str(GENERATE), "--output", str(folder / "pkg" / PACKAGE.name)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
        env=dict(os.environ, TMPDIR=str(temp)),
    )
    assert made.returncode == 0, made.stderr


@pytest.fixture(scope="module")
def plain_run(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Path:
    """`run_plainly`'s folder, once per run and shared by the workers."""
    return built_once(tmp_path_factory, worker_id, "plain-run", run_plainly)


def test_generation_is_byte_identical_to_the_committed_package(plain_run: Path) -> None:
    """A run in a fresh process writes the same bytes as the run that made the committed package
    (another process, another day): nothing in the output depends on the run. Jinja's cache folder
    for compiled templates could not be used in that run, so it compiled every template itself and
    went on without the cache."""
    temp, out = plain_run / "temp", plain_run / "pkg" / PACKAGE.name
    assert os.listdir(temp) == [f"_jinja2-cache-{os.getuid()}"]
    assert tree(out) == tree(PACKAGE)
    for name in tree(out):
        if (out / name).is_file():
            assert filecmp.cmp(out / name, PACKAGE / name, shallow=False), f"generated/{name}: make generate"
    assert (out / "py.typed").exists()
    assert not list(out.rglob(".ruff_cache"))


WORDS = "Braces stay: {% if x %}, {{ y }}, {# z #} and 50%} off."
"""A description with Jinja's own delimiters (the first operation's, in the edited spec)."""


def edit_spec(spec: dict[str, Any]) -> dict[str, Any]:
    """The spec with three edits that the tests below each check in one generated package (one run
    of the generator for all three): a new operation `archiveChat`; WORDS as the first operation's
    description; keywords the client does not check (`xml`, an annotation; `discriminator`)."""
    paths = spec["paths"]
    paths["/v2/businesses/{businessId}/chats/archive"] = {
        "post": {
            "operationId": "archiveChat",
            "tags": ["chats"],
            "summary": "Archive a chat.",
            "x-idempotent": True,
            "security": [{"ApiKey": []}],
            "parameters": [
                {"$ref": "#/components/parameters/businessId"},
                {"$ref": "#/components/parameters/chatId"},
            ],
            "responses": {
                "200": {"$ref": "#/components/responses/Sent"},
                "420": {"$ref": "#/components/responses/TooManyRequests"},
            },
        }
    }
    spec_io.operations(spec)[0][2]["description"] = WORDS
    schemas = spec["components"]["schemas"]
    schemas["SendMessageToChatRequest"]["properties"]["message"]["xml"] = {"name": "m"}
    schemas["SendMessageToChatRequest"]["discriminator"] = {"propertyName": "message"}
    schemas["ChatContextDTO"]["discriminator"] = {"propertyName": "type"}
    return spec


def generate_edited(folder: Path) -> None:
    spec = write_spec(folder / "spec.yaml", edit_spec(fresh_spec()))
    made = generate("--spec", spec, "--output", folder / "pkg" / PACKAGE.name)
    (folder / "stderr.txt").write_text(made.stderr)
    assert made.returncode == 0, made.stderr


@pytest.fixture(scope="module")
def edited(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Path:
    """The package generated from the edited spec (`edit_spec`), once per run and shared by the
    workers; what the generator wrote to stderr is in `stderr.txt` beside it."""
    return built_once(tmp_path_factory, worker_id, "edited-spec", generate_edited)


def test_a_new_operation_becomes_a_method_on_both_clients(edited: Path, tmp_path: Path) -> None:
    program = (
        "import inspect, httpx\n"
        "from yandex_market_chat import YandexMarketChat, AsyncYandexMarketChat\n"
        "from yandex_market_chat.api.chats import archive_chat\n"
        "assert inspect.iscoroutinefunction(AsyncYandexMarketChat.archive_chat)\n"
        "assert YandexMarketChat.archive_chat.__doc__.startswith('Archive a chat.')\n"
        "seen = []\n"
        "def h(r):\n"
        "    seen.append(r)\n"
        "    return httpx.Response(200, json={'status': 'OK'})\n"
        "http = httpx.Client(transport=httpx.MockTransport(h))\n"
        "c = YandexMarketChat('fake-key', business_id=4, http_client=http)\n"
        "c.archive_chat(chat_id=9)\n"
        "assert seen[0].url.path == '/v2/businesses/4/chats/archive', seen[0].url\n"
        "assert seen[0].url.params['chatId'] == '9'\n"
        "print('ok')\n"
    )
    env = dict(os.environ, PYTHONPATH=str(edited / "pkg"))
    run = subprocess.run(
        [sys.executable, "-c", program], env=env, capture_output=True, text=True, timeout=60, cwd=tmp_path
    )
    assert run.returncode == 0 and run.stdout.strip() == "ok", run.stderr


def test_spec_text_that_looks_like_a_template_reaches_the_docstrings_as_written(edited: Path) -> None:
    """The spec's words reach the templates as values, not as template source: a description with
    Jinja's own delimiters is written into the docstrings of the endpoint module and of the client
    objects unchanged (not evaluated, not rewritten)."""
    out = edited / "pkg" / PACKAGE.name
    first = spec_io.operations(fresh_spec())[0][2]["operationId"]
    (module,) = out.glob(f"api/*/{python_name(first)}.py")
    for written in (module, out / "client.py"):
        assert WORDS in written.read_text(), written.name


def test_invalid_spec_fails_and_keeps_the_previous_output(tmp_path: Path) -> None:
    out = tmp_path / "pkg" / "yandex_market_chat"
    shutil.copytree(PACKAGE, out, ignore=shutil.ignore_patterns("__pycache__"))  # (a previous run's output)
    before = {name: (out / name).read_bytes() for name in tree(out) if (out / name).is_file()}
    spec = fresh_spec()
    spec["paths"] = {"/broken": {"post": {"responses": "not a mapping"}}}
    result = generate("--spec", write_spec(tmp_path / "bad.yaml", spec), "--output", out)
    assert result.returncode != 0
    assert "not a valid OpenAPI document" in result.stderr
    assert "previous generated/ is left as it was" in result.stderr
    assert {name: (out / name).read_bytes() for name in tree(out) if (out / name).is_file()} == before


def test_operation_without_retry_policy_fails(tmp_path: Path) -> None:
    spec = fresh_spec()
    paths = spec["paths"]
    assert isinstance(paths, dict)
    del paths["/v2/businesses/{businessId}/chats/message"]["post"]["x-idempotent"]
    result = generate("--spec", write_spec(tmp_path / "spec.yaml", spec), "--output", tmp_path / "pkg" / "x")
    assert result.returncode != 0
    assert "sendMessageToChat declares no retry policy" in result.stderr
    assert not (tmp_path / "pkg" / "x").exists()


def test_unknown_generator_config_key_fails(tmp_path: Path) -> None:
    config = yaml.safe_load((ROOT / "generator-config.yaml").read_text())
    config["package_name_overide"] = "typo"
    path = tmp_path / "config.yaml"
    path.write_text(yaml.safe_dump(config))
    result = generate("--config", path, "--output", tmp_path / "pkg" / "x")
    assert result.returncode != 0
    assert "package_name_overide" in result.stderr


def test_versions_agree() -> None:
    """The version is written once, in generator-config.yaml: the generated package carries it
    (__version__), pyproject.toml reads it from there (hatchling's dynamic version), the installed
    distribution says it (after `make install`), and CHANGELOG.md names it."""
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())
    import importlib.metadata

    import yandex_market_chat

    assert "version" not in pyproject["project"] and "version" in pyproject["project"]["dynamic"]
    source = ROOT / pyproject["tool"]["hatch"]["version"]["path"]
    assert source.resolve() == Path(yandex_market_chat.client.__file__).resolve()
    version = VERSION
    assert yandex_market_chat.__version__ == version == importlib.metadata.version("yandex-market-chat")
    assert f"release, {version} " in (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")


def requirement_names(requirements: list[str]) -> set[str]:
    return {canonicalize_name(Requirement(requirement).name) for requirement in requirements}


def test_runtime_dependencies_are_the_designs() -> None:
    """httpx, attrs and python-dateutil, nothing else; pyrate-limiter (the HourlyBudget's buckets)
    only in the optional extras, and the package imports and makes a client without it."""
    assert requirement_names(PROJECT["dependencies"]) == {"httpx", "attrs", "python-dateutil"}
    extras = {extra: requirement_names(listed) for extra, listed in PROJECT["optional-dependencies"].items()}
    with_budget = {extra for extra, names in extras.items() if "pyrate-limiter" in names}
    assert {"budget", "redis"} <= with_budget, extras
    program = (
        "import sys\n"
        "sys.modules['pyrate_limiter'] = sys.modules['redis'] = None  # (importing them fails)\n"
        "import importlib, pkgutil, yandex_market_chat as p\n"
        "assert p.__file__.startswith(sys.argv[1]), p.__file__\n"
        "[importlib.import_module(m.name) for m in pkgutil.walk_packages(p.__path__, p.__name__ + '.')]\n"
        "p.YandexMarketChat('fake-key-for-tests', business_id=1).close()\n"
        "print('ok')\n"
    )
    env = dict(os.environ, PYTHONPATH=str(PACKAGE.parent))
    run = subprocess.run(
        [sys.executable, "-c", program, str(PACKAGE)], env=env, capture_output=True, text=True, timeout=60
    )
    assert run.returncode == 0 and run.stdout.strip() == "ok", run.stderr


def test_the_generator_runs_no_post_hooks() -> None:
    """generator-config.yaml says `post_hooks: []`, so the generator formats nothing: without the
    key its defaults (for `--meta none`, which openapi/generate.py passes) would run ruff itself."""
    config = yaml.safe_load(CONFIG.read_text())
    assert "post_hooks" in config and config["post_hooks"] == []
    assert generate_tool.generator_config(CONFIG, SPEC_PATH).post_hooks == []


def test_the_key_is_what_turns_the_generators_formatting_off(tmp_path: Path) -> None:
    config = yaml.safe_load(CONFIG.read_text())
    config.pop("post_hooks", None)
    without = tmp_path / "config.yaml"
    without.write_text(yaml.safe_dump(config))
    hooks = generate_tool.generator_config(without, SPEC_PATH).post_hooks
    assert any(hook.startswith("ruff format") for hook in hooks), hooks


def test_generated_code_is_formatted_once(plain_run: Path) -> None:
    """openapi/generate.py runs ruff once to fix and once to format, and nothing else does: seen
    by a ruff that logs each call, in a venv that is the real one but for it (and the output is the
    committed package: the test above)."""
    calls = (plain_run / "ruff.log").read_text().splitlines()
    assert [call.split()[0] for call in calls] == ["check", "format"], calls


@pytest.mark.parametrize(
    "tool", ["openapi-python-client==0.29.1", "ruff==", "openapi-core==0.23.1", "mypy=="]
)
def test_tools_that_shape_output_are_pinned(tool: str) -> None:
    dev = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["optional-dependencies"]["dev"]
    assert any(requirement.startswith(tool) for requirement in dev), tool
    assert all("==" in requirement for requirement in dev), dev


def test_wheel_ships_the_typed_package(tmp_path: Path) -> None:
    """`pip install .` gives the generated package with py.typed and the LICENSE; built offline
    with the pinned hatchling."""
    import zipfile

    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert build.returncode == 0, build.stderr
    (wheel,) = tmp_path.glob("yandex_market_chat-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {f"yandex_market_chat/{name}" for name in tree(PACKAGE) if (PACKAGE / name).is_file()}
    assert expected <= names
    assert "yandex_market_chat/py.typed" in names
    dist_info = f"yandex_market_chat-{VERSION}.dist-info"  # (the wheel's version: the one place's)
    assert zipfile.ZipFile(wheel).read(f"{dist_info}/licenses/LICENSE") == LICENSE.read_bytes()
    metadata = zipfile.ZipFile(wheel).read(f"{dist_info}/METADATA").decode()
    assert "License-Expression: MIT" in metadata.splitlines(), metadata[:500]
    assert "License-File: LICENSE" in metadata.splitlines(), metadata[:500]
    program = "import yandex_market_chat as p; print(p.__file__)"
    run = subprocess.run(
        [sys.executable, "-I", "-c", f"import sys; sys.path.insert(0, {str(wheel)!r}); {program}"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 0 and str(wheel) in run.stdout, run.stderr


def test_sdist_ships_the_license(tmp_path: Path) -> None:
    """The source distribution carries the LICENSE too (built with the pinned hatchling)."""
    import tarfile

    build = subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "--target", "sdist", "--directory", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )
    assert build.returncode == 0, build.stderr
    (sdist,) = tmp_path.glob("yandex_market_chat-*.tar.gz")
    top = f"yandex_market_chat-{VERSION}"
    with tarfile.open(sdist) as archive:
        shipped = archive.extractfile(f"{top}/LICENSE")
        assert shipped is not None
        assert shipped.read() == LICENSE.read_bytes()
        info = archive.extractfile(f"{top}/PKG-INFO")
        assert info is not None
        assert "License-File: LICENSE" in info.read().decode().splitlines()


def test_the_license_is_the_declared_one() -> None:
    """pyproject.toml says MIT and names LICENSE, which holds the MIT terms."""
    assert PROJECT["license"] == "MIT"
    assert PROJECT["license-files"] == ["LICENSE"]
    text = LICENSE.read_text(encoding="utf-8")
    assert text.startswith("MIT License\n\nCopyright (c) 2026 The yandex-market-chat authors\n")
    assert "Permission is hereby granted, free of charge, to any person obtaining a copy" in text


def test_missing_ruff_fails_and_keeps_the_previous_output(tmp_path: Path) -> None:
    """A venv without the pinned ruff: a clear message, not an unformatted package."""
    venv = Path(sys.prefix)
    fake = tmp_path / "venv"
    (fake / "bin").mkdir(parents=True)
    (fake / "pyvenv.cfg").write_text((venv / "pyvenv.cfg").read_text())
    (fake / "lib").symlink_to(venv / "lib")
    (fake / "bin" / "python").symlink_to(sys.executable)
    out = tmp_path / "pkg" / "yandex_market_chat"
    out.mkdir(parents=True)
    (out / "marker.py").write_text("# the previous output\n")
    env = dict(os.environ, PATH="/usr/bin:/bin")
    result = subprocess.run(
        [str(fake / "bin" / "python"), str(GENERATE), "--output", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
        cwd=ROOT,
    )
    assert result.returncode != 0
    assert "ruff is not installed" in result.stderr and "make install" in result.stderr
    assert tree(out) == ["marker.py"]


def test_template_rendering_broken_code_fails_and_keeps_the_previous_output(tmp_path: Path) -> None:
    """A copy of the tooling whose endpoint template renders a syntax error."""
    copy = tmp_path / "project"
    shutil.copytree(ROOT / "openapi", copy / "openapi", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "generator-config.yaml", copy / "generator-config.yaml")
    template = copy / "openapi" / "templates" / "endpoint_module.py.jinja"
    template.write_text(template.read_text() + "\ndef broken(:\n")
    out = tmp_path / "pkg" / "yandex_market_chat"
    out.mkdir(parents=True)
    (out / "marker.py").write_text("# the previous output\n")
    result = subprocess.run(
        [sys.executable, str(copy / "openapi" / "generate.py"), "--output", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=copy,
    )
    assert result.returncode != 0
    assert "previous generated/ is left as it was" in result.stderr
    assert tree(out) == ["marker.py"]


# --- generator upgrades are visible -----------------------------------------------------------

STOCK = json.loads((ROOT / "openapi" / "templates" / "STOCK.json").read_text())


def test_the_recorded_generator_is_the_pinned_one() -> None:
    import openapi_python_client

    dev = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["optional-dependencies"]["dev"]
    assert f"{STOCK['generator']}=={STOCK['version']}" in dev
    assert openapi_python_client.__version__ == STOCK["version"]


@pytest.mark.parametrize("name", sorted(STOCK["templates"]))
def test_each_fork_is_made_from_the_installed_stock_template(name: str) -> None:
    """A generator upgrade that changes a template we forked (or whose output we replace) fails
    here, naming it: re-diff the fork, then record the new hash in openapi/templates/STOCK.json."""
    import openapi_python_client

    stock = Path(openapi_python_client.__file__).parent / "templates" / name
    entry = STOCK["templates"][name]
    digest = hashlib.sha256(stock.read_bytes()).hexdigest()
    assert digest == entry["sha256"], (
        f"openapi-python-client {openapi_python_client.__version__}'s {name} is not the one "
        + (
            f"openapi/templates/{name} was forked from"
            if entry["kind"] == "fork"
            else f"{entry['by']} replaces"
        )
        + f" ({STOCK['version']}): re-diff it, then update openapi/templates/STOCK.json"
    )
    if entry["kind"] == "fork":
        header = (ROOT / "openapi" / "templates" / name).read_text().splitlines()[0]
        assert f"openapi-python-client {STOCK['version']}" in header, header


def test_every_override_is_recorded() -> None:
    overrides = {p.name for p in (ROOT / "openapi" / "templates").glob("*.jinja")}
    forks = {name for name, entry in STOCK["templates"].items() if entry["kind"] == "fork"}
    assert overrides == forks


# --- any well-formed operation goes through the pipeline: tests/test_shapes.py (the shape matrix) --


def test_an_unsupported_construct_is_named_by_its_path(tmp_path: Path) -> None:
    spec = fresh_spec()
    paths = spec["paths"]
    assert isinstance(paths, dict)
    operation = paths["/v2/businesses/{businessId}/chats/message"]["post"]
    operation["requestBody"]["content"]["application/json"]["schema"] = {
        "type": "object",
        "properties": {"message": {"type": "string"}},
    }
    out = tmp_path / "pkg" / "yandex_market_chat"
    result = generate("--spec", write_spec(tmp_path / "spec.yaml", spec), "--output", out)
    assert result.returncode != 0
    assert "paths//v2/businesses/{businessId}/chats/message/post/requestBody" in result.stderr
    assert "named component" in result.stderr
    assert not out.exists()


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ("download", "(a file download) is not supported"),
        ("optional multipart", "an optional multipart body is not supported"),
    ],
)
def test_a_shape_the_client_cannot_take_is_refused_by_name(tmp_path: Path, change: str, reason: str) -> None:
    """The shapes docs/spec-changes.md lists as refused stop generation, naming where and why: a file download
    answer (the published API's act and label downloads), an optional multipart body."""
    spec = fresh_spec()
    operations = {op["operationId"]: (path, method, op) for path, method, op, _ in spec_io.operations(spec)}
    if change == "download":
        path, method, operation = next(iter(operations.values()))
        where = f"paths/{path}/{method}/responses/200"
        operation["responses"]["200"] = {
            "description": "A PDF.",
            "content": {"application/pdf": {"schema": {"type": "string", "format": "binary"}}},
        }
    else:
        path, method, operation = next(
            (p, m, op)
            for p, m, op in operations.values()
            if "multipart/form-data" in str(op.get("requestBody"))
        )
        where = f"paths/{path}/{method}/requestBody"
        operation["requestBody"]["required"] = False
    out = tmp_path / "pkg" / "yandex_market_chat"
    result = generate("--spec", write_spec(tmp_path / "spec.yaml", spec), "--output", out)
    assert result.returncode != 0
    assert where in result.stderr and reason in result.stderr, result.stderr
    assert not out.exists()


def test_an_unknown_keyword_is_reported_once_and_left_to_the_server(edited: Path) -> None:
    stderr = (edited / "stderr.txt").read_text()
    notes = [line for line in stderr.splitlines() if "discriminator" in line]
    assert len(notes) == 1 and "not checked by the client" in notes[0], stderr
    assert "xml" not in stderr  # an annotation: nothing to check


BOT_MARKS = {
    "a role catch-up does not have": ({"x-catch-up": "everything"}, {}),
    "one role on two operations": ({"x-catch-up": "chats"}, {"x-catch-up": "chats"}),
    "a type the notification spec lacks": ({"x-notification-context": "CHAT_ARCHIVED"}, {}),
}


@pytest.mark.parametrize("case", BOT_MARKS)
def test_a_mark_the_notification_bot_cannot_follow_stops_generation_by_name(case: str) -> None:
    from codegen import bot

    first, second = BOT_MARKS[case]
    spec = {
        "paths": {
            "/a": {"get": {"operationId": "readA", **first}},
            "/b": {"get": {"operationId": "readB", **second}},
        }
    }
    with pytest.raises(spec_io.GenerationError) as caught:
        bot.read(spec, {"readA": "read_a", "readB": "read_b"}, ["CHAT_CREATED"])
    assert caught.value.args[0].startswith("paths//"), caught.value
    assert next(iter({**first, **second})) in str(caught.value)


# --- no name of the spec is hard-wired into the generic code ---------------------------------------

SUITES_THAT_FOLLOW_THE_SPEC = ["tests/test_wire.py", "tests/test_paging.py", "tests/test_validation.py"]
SUITES_THAT_FOLLOW_THE_SPEC += ["tests/test_client_object.py"]
"""Suites that take every name from the spec (no import of a named model or module): run on the
renamed package, they show the runtime behaving the same."""


def normal_form(path: Path, text: str) -> str:
    """What a generated file says: for Python its syntax tree with the whitespace inside strings
    collapsed (longer names wrap lines and docstrings elsewhere; that is formatting, not meaning)."""
    if path.suffix != ".py":
        return text
    tree = ast.parse(text)
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            node.value = " ".join(node.value.split())
    return ast.dump(tree)


def differences(package: Path, renamed_package: Path) -> list[str]:
    """Files of `renamed_package` (generated from the renamed spec, the mark taken out again) that
    differ from `package`'s, by name; and files only one of them has."""
    ours = {
        str(p.relative_to(package)): p
        for p in package.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }
    theirs = {
        unrename(str(p.relative_to(renamed_package))): p
        for p in renamed_package.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }
    found = [f"only in one: {name}" for name in sorted(set(ours) ^ set(theirs))]
    for name in sorted(set(ours) & set(theirs)):
        mine, other = ours[name].read_text(), unrename(theirs[name].read_text())
        if normal_form(ours[name], mine) != normal_form(ours[name], other):
            found.append(name)
    return found


def generate_renamed(tmp_path: Path) -> Path:
    """`renamed.yaml` in `tmp_path` and the package generated from it."""
    spec = write_spec(tmp_path / "renamed.yaml", renamed(fresh_spec()))
    out = tmp_path / "renamed" / "yandex_market_chat"
    result = generate("--spec", spec, "--output", out)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="module")
def renamed_package(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Path:
    """The package generated from the renamed spec (`renamed.yaml` beside it), once per run and
    shared by the workers."""
    folder = built_once(tmp_path_factory, worker_id, "renamed-spec", generate_renamed)
    return folder / "renamed" / "yandex_market_chat"


@pytest.mark.timeout(600)  # (its fixture generates the renamed package, if no other test has yet)
def test_no_spec_name_is_hard_wired_into_generic_code(renamed_package: Path) -> None:
    """Generated from a copy of the spec with every name renamed (operationIds, tags, schemas,
    properties, parameters: tests/renamed_spec.py), the package is the committed one but for the
    renaming: no template, no step of the generator and no runtime module treats a name of the spec
    in its own way."""
    assert not [
        name
        for name in tree(PACKAGE)
        if (PACKAGE / name).is_file() and has_mark((PACKAGE / name).read_text())
    ]
    assert differences(PACKAGE, renamed_package) == []


@pytest.mark.long
@pytest.mark.timeout(600)
def test_the_suites_that_follow_the_spec_pass_on_the_renamed_package(renamed_package: Path) -> None:
    """The suites that follow the spec pass on the renamed package, so the runtime (copied as it
    is) behaves the same under other names (in one pytest run: each start of pytest costs seconds
    of CPU, more than the workers would gain by sharing the suites)."""
    spec = renamed_package.parent.parent / "renamed.yaml"
    env = dict(os.environ, SPEC_UNDER_TEST=str(spec), PYTHONPATH=str(renamed_package.parent))
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:randomly", *SUITES_THAT_FOLLOW_THE_SPEC],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=ROOT,
        env=env,
    )
    assert run.returncode == 0, run.stdout[-3000:]


@pytest.mark.timeout(600)  # (its fixture generates the renamed package, if no other test has yet)
def test_a_name_hard_wired_into_a_template_is_found(tmp_path: Path, renamed_package: Path) -> None:
    """Control: a copy of the tooling whose endpoint template treats one operationId of the spec in
    its own way generates a package that differs, under the renaming, from the renamed package (the
    one the test above compares with the committed package) in that operation's module."""
    copy = tmp_path / "project"
    shutil.copytree(ROOT / "openapi", copy / "openapi", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "generator-config.yaml", copy / "generator-config.yaml")
    first = spec_io.operations(SPEC)[0][2]["operationId"]
    template = copy / "openapi" / "templates" / "endpoint_module.py.jinja"
    template.write_text(
        template.read_text() + f'{{% if module.op.id == "{first}" %}}\nSPECIAL = True\n{{% endif %}}\n'
    )
    tool = copy / "openapi" / "generate.py"
    package = tmp_path / "plain" / "yandex_market_chat"
    result = subprocess.run(
        [sys.executable, str(tool), "--output", str(package)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=copy,
    )
    assert result.returncode == 0, result.stderr
    found = differences(package, renamed_package)
    assert len(found) == 1 and found[0].endswith(f"/{python_name(first)}.py"), found
