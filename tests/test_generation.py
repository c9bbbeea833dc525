"""The pipeline: spec -> make generate -> package. Deterministic, all or nothing, spec-driven."""

from __future__ import annotations

import filecmp
import hashlib
import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest
import yaml
from spec_support import fresh_spec

ROOT = Path(__file__).resolve().parent.parent
GENERATE = ROOT / "openapi" / "generate.py"
PACKAGE = ROOT / "generated" / "yandex_market_chat"
LICENSE = ROOT / "LICENSE"
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
    limit=50, query="ab", filters=[{"kind": "DAILY", "minId": 3}],
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
full = "/v2/reports/search?limit=50&query=ab"
bare = "/v2/reports/search"
assert [path for path, _ in seen] == [bare, full, bare, bare, full], seen
assert seen[0][1] == {} and seen[2][1] == {"kinds": None}
expected = {"filters": [{"kind": "DAILY", "minId": 3}], "kinds": ["WEEKLY", "DAILY"], "archived": False}
assert seen[1][1] == expected
print("ok")
"""


def test_a_never_seen_operation_becomes_a_working_method(tmp_path: Path) -> None:
    """A new tag, no businessId, only optional query parameters, a body of arrays of objects and
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
