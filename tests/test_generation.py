"""The pipeline: spec -> make generate -> package. Deterministic, all or nothing, spec-driven."""

from __future__ import annotations

import ast
import filecmp
import hashlib
import io
import json
import os
import re
import shlex
import subprocess
import sys
import tokenize
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import generate as generate_tool
import jinja2
import pytest
import yaml
from codegen import spec as spec_io
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from spec_support import SPEC, SPEC_PATH, facts, fresh_spec, namer

ROOT = Path(__file__).resolve().parent.parent
GENERATE = ROOT / "openapi" / "generate.py"
PACKAGE = ROOT / "generated" / "yandex_market_chat"
LICENSE = ROOT / "LICENSE"
CONFIG = ROOT / "generator-config.yaml"
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]


def generate(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(GENERATE), *map(str, args)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )


def write_spec(path: Path, spec: dict[str, object]) -> Path:
    path.write_text(yaml.safe_dump(spec, allow_unicode=True, sort_keys=False))
    return path


def tree(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if "__pycache__" not in p.parts)


def test_generation_is_byte_identical_and_matches_the_committed_package(tmp_path: Path) -> None:
    first = generate("--output", tmp_path / "one" / "yandex_market_chat")
    assert first.returncode == 0, first.stderr
    second = generate("--output", tmp_path / "two" / "yandex_market_chat")
    assert second.returncode == 0, second.stderr
    one, two = tmp_path / "one" / "yandex_market_chat", tmp_path / "two" / "yandex_market_chat"
    assert tree(one) == tree(two) == tree(PACKAGE)
    for name in tree(one):
        if (one / name).is_file():
            assert (one / name).read_bytes() == (two / name).read_bytes(), name
            assert filecmp.cmp(one / name, PACKAGE / name, shallow=False), (
                f"generated/{name} is stale: make generate"
            )
    assert (one / "py.typed").exists()
    assert not list(one.rglob(".ruff_cache"))


def test_a_new_operation_becomes_a_method_on_both_clients(tmp_path: Path) -> None:
    spec = fresh_spec()
    paths = spec["paths"]
    assert isinstance(paths, dict)
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
    out = tmp_path / "pkg" / "yandex_market_chat"
    result = generate("--spec", write_spec(tmp_path / "spec.yaml", spec), "--output", out)
    assert result.returncode == 0, result.stderr
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
    env = dict(os.environ, PYTHONPATH=str(out.parent))
    run = subprocess.run(
        [sys.executable, "-c", program], env=env, capture_output=True, text=True, timeout=60, cwd=tmp_path
    )
    assert run.returncode == 0 and run.stdout.strip() == "ok", run.stderr


def test_invalid_spec_fails_and_keeps_the_previous_output(tmp_path: Path) -> None:
    out = tmp_path / "pkg" / "yandex_market_chat"
    assert generate("--output", out).returncode == 0
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
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    config = yaml.safe_load((ROOT / "generator-config.yaml").read_text())
    import yandex_market_chat

    assert project["version"] == config["package_version_override"] == yandex_market_chat.__version__


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


def test_generated_code_is_formatted_once(tmp_path: Path) -> None:
    """openapi/generate.py runs ruff once to fix and once to format, and nothing else does: seen
    by a ruff that logs each call, in a venv that is the real one but for it."""
    venv, bin_dir = Path(sys.prefix), Path(sys.executable).parent
    fake = tmp_path / "venv"
    (fake / "bin").mkdir(parents=True)
    (fake / "pyvenv.cfg").write_text((venv / "pyvenv.cfg").read_text())
    (fake / "lib").symlink_to(venv / "lib")
    (fake / "bin" / "python").symlink_to(sys.executable)
    (fake / "bin" / "openapi-python-client").symlink_to(bin_dir / "openapi-python-client")
    log = tmp_path / "ruff.log"
    ruff = fake / "bin" / "ruff"
    ruff.write_text(
        "#!/bin/sh\n"
        f'printf "%s\\n" "$*" >> {shlex.quote(str(log))}\n'
        f'exec {shlex.quote(str(bin_dir / "ruff"))} "$@"\n'
    )
    ruff.chmod(0o755)
    out = tmp_path / "pkg" / "yandex_market_chat"
    result = subprocess.run(
        [str(fake / "bin" / "python"), str(GENERATE), "--output", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    calls = log.read_text().splitlines()
    assert [call.split()[0] for call in calls] == ["check", "format"], calls
    assert (out / "client.py").read_bytes() == (PACKAGE / "client.py").read_bytes()


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
    dist_info = f"yandex_market_chat-{PROJECT['version']}.dist-info"
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
    top = f"yandex_market_chat-{PROJECT['version']}"
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
    import shutil

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


# --- any well-formed operation goes through the pipeline ------------------------------------

NEW_OPERATION: dict[str, Any] = {
    "post": {
        "operationId": "searchReports",
        "tags": ["reports"],
        "summary": "Search reports.",
        "description": "A made-up operation the package has never seen.",
        "x-idempotent": True,
        "parameters": [
            {
                "name": "limit",
                "in": "query",
                "required": False,
                "schema": {"type": "integer", "format": "int32", "minimum": 1, "maximum": 50},
                "example": 5,
            },
            {"name": "query", "in": "query", "schema": {"type": "string", "minLength": 2}, "example": "abc"},
            {
                "name": "ids",
                "in": "query",
                "explode": False,
                "schema": {"type": "array", "minItems": 1, "items": {"type": "integer", "format": "int64"}},
                "example": [1, 2],
            },
            {
                "name": "tags",
                "in": "query",
                "schema": {"type": "array", "items": {"type": "string"}},
                "example": ["a", "b"],
            },
        ],
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {
                    "schema": {"$ref": "#/components/schemas/SearchReportsRequest"},
                    "example": {
                        "filters": [{"kind": "DAILY", "minId": 3}],
                        "kinds": ["WEEKLY"],
                        "archived": True,
                    },
                }
            },
        },
        "responses": {
            "200": {
                "description": "Reports, without the ApiResponse wrapper.",
                "content": {
                    "application/json": {
                        "schema": {"$ref": "#/components/schemas/SearchReportsAnswer"},
                        "example": {
                            "reports": [{"id": 1, "createdAt": "2025-01-01T00:00:00Z", "kind": "DAILY"}]
                        },
                    }
                },
            },
            "420": {"$ref": "#/components/responses/TooManyRequests"},
        },
    }
}
NEW_SCHEMAS: dict[str, Any] = {
    "ReportKind": {"type": "string", "enum": ["DAILY", "WEEKLY"]},
    "ReportFilter": {
        "type": "object",
        "required": ["kind"],
        "properties": {
            "kind": {"$ref": "#/components/schemas/ReportKind"},
            "minId": {"type": "integer", "format": "int64", "minimum": 1},
        },
    },
    "SearchReportsRequest": {
        "type": "object",
        "properties": {
            "filters": {
                "type": "array",
                "minItems": 1,
                "items": {"$ref": "#/components/schemas/ReportFilter"},
            },
            "kinds": {
                "type": "array",
                "nullable": True,
                "items": {"$ref": "#/components/schemas/ReportKind"},
            },
            "archived": {"type": "boolean"},
        },
    },
    "Report": {
        "type": "object",
        "required": ["id", "createdAt", "kind"],
        "properties": {
            "id": {"type": "integer", "format": "int64"},
            "createdAt": {"type": "string", "format": "date-time"},
            "kind": {"$ref": "#/components/schemas/ReportKind"},
        },
    },
    "SearchReportsAnswer": {
        "type": "object",
        "properties": {"reports": {"type": "array", "items": {"$ref": "#/components/schemas/Report"}}},
    },
}

# Runs against the scratch package: a loopback server that records what it gets.
NEW_OPERATION_PROGRAM = """
import asyncio, datetime, json, threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from yandex_market_chat import AsyncYandexMarketChat, InvalidRequestError, YandexMarketChat
from yandex_market_chat.api.reports import search_reports
from yandex_market_chat.models import ReportKind, SearchReportsAnswer

seen = []
ANSWER = {"reports": [{"id": 7, "createdAt": "2025-01-01T10:00:00+03:00", "kind": "NEW_KIND"}]}

class Handler(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        seen.append((self.path, json.loads(body)))
        payload = json.dumps(ANSWER).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args):
        pass

server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
threading.Thread(target=server.serve_forever, daemon=True).start()
url = f"http://127.0.0.1:{server.server_address[1]}"

def check(answer):
    assert isinstance(answer, SearchReportsAnswer), answer
    report = answer.reports[0]
    assert report.created_at == datetime.datetime(2025, 1, 1, 7, 0, tzinfo=datetime.timezone.utc)
    assert report.kind == "NEW_KIND" and isinstance(report.kind, ReportKind)

everything = dict(
    limit=50, query="ab", ids=[1, 2], tags=["a", "b"], filters=[{"kind": "DAILY", "minId": 3}],
    kinds=[ReportKind.WEEKLY, "DAILY"], archived=False,
)
with YandexMarketChat("fake-key-for-tests", base_url=url) as chat:
    check(chat.search_reports())
    check(chat.search_reports(**everything))
    bad_arguments = [{"limit": 51}, {"query": "a"}, {"filters": []}, {"filters": [{"minId": 3}]}]
    for bad in [*bad_arguments, {"kinds": ["MONTHLY"]}]:
        try:
            chat.search_reports(**bad)
        except InvalidRequestError as error:
            assert error.field.split(".")[0].split("[")[0] == next(iter(bad)), (error.field, bad)
        else:
            raise AssertionError(f"{bad} was accepted")
    check(chat.search_reports(kinds=None))

async def main():
    async with AsyncYandexMarketChat("fake-key-for-tests", base_url=url) as chat:
        check(await chat.search_reports())
        check(await chat.search_reports(**everything))

asyncio.run(main())
full = "/v2/reports/search?limit=50&query=ab&ids=1%2C2&tags=a&tags=b"  # (explode: false, then true)
bare = "/v2/reports/search"
assert [path for path, _ in seen] == [bare, full, bare, bare, full], seen
assert seen[0][1] == {} and seen[2][1] == {"kinds": None}
expected = {"filters": [{"kind": "DAILY", "minId": 3}], "kinds": ["WEEKLY", "DAILY"], "archived": False}
assert seen[1][1] == expected
print("ok")
"""


def test_a_never_seen_operation_becomes_a_working_method(tmp_path: Path) -> None:
    """A new tag, no businessId, only optional query parameters (two lists: one `explode: false`,
    sent comma-joined, one exploded, sent once per item), a body of arrays of objects and
    enums, a boolean, a nullable array, a date-time and an open enum in an answer without the
    ApiResponse wrapper: generated, imported and called with and without its optional arguments,
    sync and async, over loopback; bad arguments are refused before any request."""
    spec = fresh_spec()
    paths = spec["paths"]
    schemas = spec["components"]["schemas"]
    assert isinstance(paths, dict)
    paths["/v2/reports/search"] = NEW_OPERATION
    schemas.update(NEW_SCHEMAS)
    out = tmp_path / "pkg" / "yandex_market_chat"
    result = generate("--spec", write_spec(tmp_path / "spec.yaml", spec), "--output", out)
    assert result.returncode == 0, result.stderr
    typed = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(out)],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=tmp_path,
    )
    assert typed.returncode == 0, typed.stdout
    env = dict(os.environ, PYTHONPATH=str(out.parent))
    env.pop("YANDEX_MARKET_BUSINESS_ID", None)
    run = subprocess.run(
        [sys.executable, "-c", NEW_OPERATION_PROGRAM], env=env, capture_output=True, text=True, timeout=120
    )
    assert run.returncode == 0 and run.stdout.strip() == "ok", run.stderr
    # ... and a subcommand of the command line, with an option per argument (the scratch package's:
    # the committed one has no such subcommand and would exit 2).
    command = [sys.executable, "-m", "yandex_market_chat"]
    top = subprocess.run([*command, "--help"], env=env, capture_output=True, text=True, timeout=60)
    assert top.returncode == 0, top.stderr
    assert re.search(r"^\s+search-reports\s+Search reports\.", top.stdout, re.MULTILINE), top.stdout
    helped = subprocess.run(
        [*command, "search-reports", "--help"], env=env, capture_output=True, text=True, timeout=60
    )
    assert helped.returncode == 0, helped.stderr
    options = set(re.findall(r"(?<![\w-])--[a-z][a-z-]*", helped.stdout))
    assert {"--limit", "--query", "--filters", "--kinds", "--archived", "--no-archived"} <= options, options
    assert "{DAILY,WEEKLY}" in helped.stdout, helped.stdout
    # Its arguments are checked as the method checks them, before any request (exit 2: invalid input).
    refused = subprocess.run(
        [*command, "--base-url", "http://127.0.0.1:9", "search-reports", "--limit", "51"],
        env=dict(env, YANDEX_MARKET_API_KEY="fake-key-for-tests"),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert refused.returncode == 2 and "limit" in refused.stderr, (refused.returncode, refused.stderr)


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


def test_an_unknown_keyword_is_reported_once_and_left_to_the_server(tmp_path: Path) -> None:
    spec = fresh_spec()
    schemas = spec["components"]["schemas"]
    schemas["SendMessageToChatRequest"]["properties"]["message"]["xml"] = {"name": "m"}
    schemas["SendMessageToChatRequest"]["discriminator"] = {"propertyName": "message"}
    schemas["ChatContextDTO"]["discriminator"] = {"propertyName": "type"}
    out = tmp_path / "pkg" / "yandex_market_chat"
    result = generate("--spec", write_spec(tmp_path / "spec.yaml", spec), "--output", out)
    assert result.returncode == 0, result.stderr
    notes = [line for line in result.stderr.splitlines() if "discriminator" in line]
    assert len(notes) == 1 and "not checked by the client" in notes[0], result.stderr
    assert "xml" not in result.stderr  # an annotation: nothing to check


# --- no name of the spec is hard-wired into the generic code ---------------------------------------

GENERIC_CODE = sorted(
    [
        *(ROOT / "openapi" / "runtime").glob("*.py"),
        *(ROOT / "openapi" / "codegen").glob("*.py"),
        *(ROOT / "openapi" / "render").glob("*.jinja"),
        *(ROOT / "openapi" / "templates").glob("*.jinja"),
    ]
)
"""What knows no operation: the runtime copied into the package, the generation step's reading of
the spec, and the templates. Every name of the spec must reach them through the facts."""

WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(?:-[A-Za-z0-9_]+)*")


def spec_names() -> dict[str, str]:
    """Every name the spec gives, and what it is: operationIds, component schema names, the wire
    names of parameters and properties; the Python names the generator makes of them (functions,
    modules, model classes, arguments, attributes), their command-line spelling, and the
    environment variable of an `x-client-default` parameter."""
    found: dict[str, str] = {}
    naming = namer()
    for _, _, operation, params in spec_io.operations(SPEC):
        found.setdefault(operation["operationId"], "an operationId")
        found.setdefault(
            naming.identifier(operation["operationId"]), f"the function of {operation['operationId']}"
        )
        for param in params:
            found.setdefault(param["name"], f"a parameter of {operation['operationId']}")
            found.setdefault(naming.identifier(param["name"]), f"the argument of parameter {param['name']}")
    for name in SPEC["components"]["schemas"]:
        found.setdefault(name, "a component schema")
        model, module = naming.model(SPEC, name)
        found.setdefault(model, f"the model of {name}")
        found.setdefault(module, f"the module of {name}")

    def properties(node: Any) -> Iterator[str]:
        if isinstance(node, dict):
            if isinstance(node.get("properties"), dict):
                yield from node["properties"]
            for value in node.values():
                yield from properties(value)
        elif isinstance(node, list):
            for value in node:
                yield from properties(value)

    for name in properties(SPEC):
        found.setdefault(name, "a property")
        found.setdefault(naming.identifier(name), f"the attribute of property {name}")
    for operation in facts()["operations"].values():
        for param in operation["params"]:
            if param["client_default"]:
                found.setdefault(param["client_default"], f"the environment variable of {param['name']}")
        if operation["paging"] and operation["paging"]["after"]:
            found.setdefault(operation["paging"]["after"]["argument"], "a paging argument")
    for name, what in list(found.items()):
        if name.islower() and "_" in name.strip("_"):
            found.setdefault(name.strip("_").replace("_", "-"), f"the command-line spelling of {what}")
    return found


def distinctive(name: str) -> bool:
    """A name no generic code would use by chance: not one lowercase word (chatId, ChatType,
    chat_id, send-message-to-chat)."""
    return name[:1].isupper() or re.search(r"[A-Z0-9_-]", name[1:]) is not None


def python_tokens(source: str) -> Iterator[tuple[str, str, int]]:
    """(name|string, text, line) of the code tokens of a module: comments and docstrings (every
    string that is a statement of its own: module, class, function and attribute docstrings) left
    out."""
    docstrings = {
        (node.lineno, node.col_offset)
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Expr)
        and isinstance(node.value, ast.Constant)
        and isinstance(node.value.value, str)
    }
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.NAME:
            yield "name", token.string, token.start[0]
        elif token.type == tokenize.STRING and token.start not in docstrings:
            yield "string", token.string, token.start[0]


_JINJA = re.compile(r"\{#.*?#\}|\{%.*?%\}|\{\{.*?\}\}", re.DOTALL)
_TRIPLE_QUOTED = re.compile(r'""".*?"""|\'\'\'.*?\'\'\'', re.DOTALL)
_QUOTED = re.compile(r'"[^"\\\n]*"|\'[^\'\\\n]*\'')


def _blank(found: re.Match[str]) -> str:
    """The match as spaces (its line breaks kept), ending in a placeholder name if on one line."""
    text = re.sub(r"[^\n]", " ", found.group(0))
    return text if "\n" in text else text[:-1] + "_"


def jinja_tokens(source: str) -> Iterator[tuple[str, str, int]]:
    """The code tokens of a template: names and strings of its expressions and statements (Jinja's
    own lexer; comments left out), then the Python it writes (the text between them) without its
    triple-quoted docstrings."""
    for line, kind, value in jinja2.Environment().lex(source):
        if kind in ("name", "string"):
            yield kind, value, line
    text = _TRIPLE_QUOTED.sub(_blank, _JINJA.sub(_blank, source))
    for found in WORD.finditer(text):
        yield "name", found.group(0), text.count("\n", 0, found.start()) + 1
    for found in _QUOTED.finditer(text):
        yield "string", found.group(0), text.count("\n", 0, found.start()) + 1


def hard_wired(source: str, template: bool, names: dict[str, str]) -> list[tuple[int, str]]:
    """(line, name) of every name of the spec the code spells out: a distinctive name as a name or
    inside a string; any name as a whole string (how code would read a field: answer["result"])."""
    found = []
    for kind, text, line in (jinja_tokens if template else python_tokens)(source):
        if kind == "name":
            if text in names and distinctive(text):
                found.append((line, text))
            continue
        try:
            value = ast.literal_eval(text)
        except (ValueError, SyntaxError):
            value = None  # (an f-string)
        if isinstance(value, str) and value in names:
            found.append((line, value))
        found += [
            (line, word)
            for word in WORD.findall(text)
            if word in names and distinctive(word) and word != value
        ]
    return found


NOT_HARD_WIRED: dict[str, tuple[str, set[str]]] = {
    # name -> (why a match in these files is not the spec's name, the files)
    "next_page_token": (
        "SyncPage/AsyncPage's own attribute for the next page's token; the token is read along the "
        "`x-paging` `next` path from the facts (Paging.read), whatever the spec calls the field",
        {"openapi/runtime/pagination.py"},
    ),
    "type": (
        "the OpenAPI / JSON Schema keyword (`type: string`), argparse's type=, the facts' key of a "
        "Python type",
        {
            "openapi/codegen/facts.py",
            "openapi/codegen/notifications.py",
            "openapi/codegen/validators.py",
            "openapi/runtime/_request.py",
            "openapi/runtime/cli.py",
        },
    ),
    "name": (
        "the OpenAPI keyword of a parameter (`name:`), the facts' key of a Python or wire name, the "
        "runtime Operation's slot, a file object's .name, the PING answer's `name` (notification API)",
        {
            "openapi/codegen/facts.py",
            "openapi/codegen/spec.py",
            "openapi/runtime/_market_standin.py",
            "openapi/runtime/_request.py",
            "openapi/runtime/cli.py",
            "openapi/runtime/types.py",
            "openapi/render/_spec.py.jinja",
            "openapi/render/client.py.jinja",
            "openapi/render/typed_dicts.py.jinja",
        },
    ),
    "url": (
        "the OpenAPI keyword of a server object, httpx's request argument",
        {
            "openapi/codegen/facts.py",
            "openapi/runtime/_client.py",
            "openapi/templates/endpoint_module.py.jinja",
        },
    ),
    "id": (
        "the facts' key of an operationId, the runtime Operation's slot for it",
        {"openapi/codegen/facts.py", "openapi/runtime/_request.py", "openapi/render/_spec.py.jinja"},
    ),
    "file": (
        "the facts' key of a file field and the command line's kind of argument; File.from_source "
        "names its own argument `file` in errors",
        {
            "openapi/codegen/facts.py",
            "openapi/runtime/cli.py",
            "openapi/runtime/types.py",
            "openapi/render/client.py.jinja",
        },
    ),
    "status": ("the facts' key of the success status", {"openapi/codegen/facts.py"}),
    "paging": ("the facts' key of an operation's `x-paging`", {"openapi/codegen/facts.py"}),
    "limit": (
        "the rate-limit window's slot, HourlyBudget's own `limit` argument, RateLimit's slot for "
        "X-RateLimit-Resource-Limit",
        {"openapi/runtime/_budget.py", "openapi/runtime/_limits.py", "openapi/runtime/types.py"},
    ),
    "result": ("the slot of a queued call's outcome", {"openapi/runtime/_budget.py"}),
    "payload": (
        "File.payload (the generator's File attribute)",
        {"openapi/runtime/_request.py", "openapi/runtime/types.py"},
    ),
    **{
        name: (
            "the error envelope every error answer of the Partner API shares (ApiErrorResponse: "
            "errors[].code/.message), read for any status, also one the spec does not describe: "
            "APIStatusError.errors is the README's `[(code, message)]`",
            {"openapi/runtime/errors.py"},
        )
        for name in ("errors", "code", "message")
    },
}
"""Matches that are the generic code's own words, each with the reason and the files it is used in
(an entry no file needs any more fails the test of its files)."""

KNOWN_HARD_WIRED: dict[str, str] = {
    "openapi/runtime/_market_standin.py": (
        "PAYLOADS, the stand-in's placeholder table of the chat notifications' fields (chatId, "
        "businessId, ...), until the notification spec's models replace it"
    ),
}
"""Generic code that spells out a name of the spec today: reported, not allowed (strict xfail: the
test of the file passes, and so fails, once it reads the name from the facts)."""


def _relative(path: Path) -> str:
    return str(path.relative_to(ROOT))


@pytest.mark.parametrize(
    "source",
    [
        pytest.param(
            path,
            id=_relative(path),
            marks=[pytest.mark.xfail(strict=True, reason=KNOWN_HARD_WIRED[_relative(path)])]
            if _relative(path) in KNOWN_HARD_WIRED
            else [],
        )
        for path in GENERIC_CODE
    ],
)
def test_no_spec_name_is_hard_wired_into_generic_code(source: Path) -> None:
    names = spec_names()
    assert {"chatId", "getChats", "get_chats", "GetChatsRequest", "chat_id", "chat-id"} <= set(names)
    where = _relative(source)
    found = hard_wired(source.read_text(encoding="utf-8"), source.suffix == ".jinja", names)
    excused = {name for name, (_, files) in NOT_HARD_WIRED.items() if where in files}
    hits = [f"{where}:{line}: {name} ({names[name]})" for line, name in found if name not in excused]
    assert hits == []
    unused = excused - {name for _, name in found}
    assert not unused, f"NOT_HARD_WIRED lists {sorted(unused)} for {where}, which no longer uses them"


def test_the_hard_wiring_scan_sees_code_and_skips_docs() -> None:
    """The scan finds a name of the spec in code, in Python and in a template, and not in a comment
    or docstring."""
    names = spec_names()
    module = (
        '"""Reads chatId."""\n'
        "# getChats\n"
        "def f(answer):\n"
        '    """chat_id."""\n'
        '    return answer["result"], answer.chat_id, f"{answer}/getChats"\n'
    )
    assert hard_wired(module, False, names) == [(5, "result"), (5, "chat_id"), (5, "getChats")]
    template = (
        "{# chatId #}\n"
        '"""Calls get_chats."""\n'
        '{% if op.id == "getChats" %}\n'
        "x = body.chatId\n"
        '{{ "messageId" }}\n'
        "{% endif %}\n"
    )
    assert sorted(hard_wired(template, True, names)) == [(3, "getChats"), (4, "chatId"), (5, "messageId")]
