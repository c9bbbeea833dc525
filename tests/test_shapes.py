"""The shape matrix (issue #18): a spec change is all it takes, for every shape of operation the
Partner API uses. tests/shape_matrix.py picks the operations (a pairwise covering array of
method x path parameters x query parameter x body x answer) and writes them into one scratch copy
of the spec; here that copy goes through the whole chain a user runs, once: `make generate`, ruff,
`mypy --strict`, then three calls of every operation on both client objects against a loopback
server (tests/shape_calls.py in a fresh interpreter): with no optional argument, with all of them,
and with one out of range.
"""

from __future__ import annotations

import base64
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from codegen import spec as spec_io
from conftest import MYPY_CACHE
from once_per_run import built_once
from shape_matrix import (
    ALLOWED,
    DIMENSIONS,
    ROWS,
    SUBSET,
    all_pairs,
    calls,
    matrix_spec,
    operation_id,
    pairs_of,
)
from spec_support import form_parts, fresh_spec, python_name

ROOT = Path(__file__).resolve().parent.parent
GENERATE = ROOT / "openapi" / "generate.py"
BUSINESS_ID = 4242
SCRATCH = matrix_spec(fresh_spec())
SCRATCH_BASE_OPERATIONS = [op for _, _, op, _ in spec_io.operations(fresh_spec())]


def as_read(answer: Any, schema: str) -> Any:
    """An answer as its model gives it back (`to_dict()`): an optional member sent as `null` is
    left out, since an answer model reads `null` and absent alike as None (docs/models.md)."""
    required = set(SCRATCH["components"]["schemas"][schema].get("required", []))
    if not isinstance(answer, dict):
        return answer
    return {key: value for key, value in answer.items() if value is not None or key in required}


"""The chat spec with every operation of the matrix."""


def test_the_matrix_holds_every_pair_of_values_of_two_dimensions() -> None:
    """4 x 3 x 9 x 4 x 5 values: 239 pairs of two dimensions' values, 3 of them (a GET with each
    kind of body) ruled out. Every other pair is in a row, and no row breaks the rule."""
    sizes = {name: len(values) for name, values in DIMENSIONS.items()}
    assert sizes == {"method": 4, "path": 3, "query": 9, "body": 4, "answer": 5}
    assert len(all_pairs(DIMENSIONS, lambda _: True)) == 239
    wanted = all_pairs(DIMENSIONS, ALLOWED)
    assert len(wanted) == 236
    covered = set().union(*(pairs_of(row) for row in ROWS))
    assert wanted <= covered
    assert all(ALLOWED(row) for row in ROWS)
    assert len({operation_id(row) for row in ROWS}) == len(ROWS)
    assert len(ROWS) <= 50, f"{len(ROWS)} rows: the greedy search got worse"


def generate_scratch(folder: Path, spec: dict[str, Any]) -> Path:
    """`make generate` for the scratch spec `spec`, written to `folder`/spec.yaml: the package in
    `folder`/pkg."""
    path = folder / "spec.yaml"
    path.write_text(yaml.safe_dump(spec, allow_unicode=True, sort_keys=False))
    out = folder / "pkg" / "yandex_market_chat"
    made = subprocess.run(
        [sys.executable, str(GENERATE), "--spec", str(path), "--output", str(out)],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=ROOT,
    )
    assert made.returncode == 0, made.stderr
    return out


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Path:
    """The package generated from the scratch spec with every matrix operation, once per run and
    shared by the workers (the module's tests are spread over them)."""
    folder = built_once(tmp_path_factory, worker_id, "shapes", lambda into: generate_scratch(into, SCRATCH))
    return folder / "pkg" / "yandex_market_chat"


@pytest.mark.long
def test_the_generated_package_passes_ruff_and_mypy_strict(package: Path) -> None:
    bin_dir = Path(sys.executable).parent
    linted = subprocess.run(
        # ruff's default rules (syntax, undefined and unused names, ...); fastjsonschema's compiled
        # checks import after a docstring and leave locals unused, which is theirs, not a template's.
        [
            str(bin_dir / "ruff"),
            "check",
            "--no-cache",
            "--isolated",
            "--per-file-ignores=*_validators.py:E402",
            "--per-file-ignores=*_validators.py:F841",
            str(package),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert linted.returncode == 0, linted.stdout + linted.stderr
    typed = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(MYPY_CACHE / "shapes"), str(package)],
        capture_output=True,
        text=True,
        timeout=900,
        cwd=package.parent,
    )
    assert typed.returncode == 0, typed.stdout


PLAN = [calls(row, python_name, BUSINESS_ID) for row in ROWS]


@pytest.fixture(scope="module")
def report(package: Path, tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> dict[str, Any]:
    """What every call of every matrix operation did (tests/shape_calls.py, one run per test run,
    shared by the workers)."""

    def call_all(folder: Path) -> None:
        plan = folder / "plan.json"
        plan.write_text(json.dumps({"business_id": BUSINESS_ID, "operations": PLAN}))
        env = {k: v for k, v in os.environ.items() if not k.startswith("YANDEX_MARKET_")}
        env["PYTHONPATH"] = str(package.parent)
        run = subprocess.run(
            [sys.executable, str(Path(__file__).with_name("shape_calls.py")), str(plan)],
            capture_output=True,
            text=True,
            timeout=300,
            env=env,
            cwd=package.parent,
        )
        assert run.returncode == 0, run.stderr
        (folder / "report.json").write_text(run.stdout)

    folder = built_once(tmp_path_factory, worker_id, "shape-calls", call_all)
    found: dict[str, Any] = json.loads((folder / "report.json").read_text())
    return found


def check_wire(seen: dict[str, Any], wire: dict[str, Any]) -> None:
    assert seen["method"] == wire["method"]
    assert seen["path"] == wire["path"]
    assert seen["query"] == wire["query"]
    body = base64.b64decode(seen["body"])
    if wire["json"] is not None:
        assert seen["content_type"] == "application/json"
        assert json.loads(body) == wire["json"]
    elif wire["parts"] is not None:
        parts = [list(part.sent) for part in form_parts(seen["content_type"], body)]
        assert parts == [[name, file, base64.b64decode(data)] for name, file, data in wire["parts"]]
    else:
        assert body == b"", body


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize("op", PLAN, ids=[op["operation_id"] for op in PLAN])
def test_every_shape_is_a_working_method(op: dict[str, Any], mode: str, report: dict[str, Any]) -> None:
    """With no optional argument and with all of them: the request the plan says and the answer
    parsed into its model (a 204 gives None); a deprecated argument warns, only when given; one
    argument out of range is refused, naming it, before any request."""
    for kind in ("minimal", "full"):
        call, got = op["calls"][kind], report[f"{op['operation_id']}/{kind}/{mode}"]
        assert "raised" not in got, got
        assert len(got["requests"]) == 1, got
        check_wire(got["requests"][0], call["wire"])
        if op["schema"] is None:
            assert got["model"] is None and got["value"] is None
        else:
            assert got["model"] == op["schema"]  # (a model keeps its component's name)
            assert got["value"] == as_read(op["answer"], op["schema"])
        assert bool(got["deprecations"]) == call["deprecated"], got["deprecations"]
    if "bad" in op["calls"]:
        got = report[f"{op['operation_id']}/bad/{mode}"]
        assert got.get("raised") == "InvalidRequestError", got
        assert got["field"] == op["calls"]["bad"]["field"]
        assert got["requests"] == []


def test_every_shape_is_a_subcommand_that_checks_its_arguments(package: Path) -> None:
    """The command line has a subcommand for every matrix operation, and refuses an argument out of
    range before any request (exit 2), as the method does."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("YANDEX_MARKET_")}
    env["PYTHONPATH"] = str(package.parent)
    command = [sys.executable, "-m", "yandex_market_chat"]
    top = subprocess.run([*command, "--help"], env=env, capture_output=True, text=True, timeout=60)
    assert top.returncode == 0, top.stderr
    listed = set(re.findall(r"^\s+([a-z0-9-]+)\s", top.stdout, re.MULTILINE))
    missing = [op["method_name"] for op in PLAN if op["method_name"].replace("_", "-") not in listed]
    assert missing == [], top.stdout
    # (a matrix operation whose only argument besides the business is the required query parameter)
    op = next(
        op
        for row, op in zip(ROWS, PLAN, strict=True)
        if (row["path"], row["query"], row["body"]) == ("one", "required", "none")
    )
    arguments = ["--business-id", "1", "--page-number", "10001"]
    refused = subprocess.run(
        [*command, "--base-url", "http://127.0.0.1:9", op["method_name"].replace("_", "-"), *arguments],
        env=dict(env, YANDEX_MARKET_API_KEY="fake-key-for-tests"),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert refused.returncode == 2 and "--page-number" in refused.stderr, (refused.returncode, refused.stderr)


PER_OPERATION_SUITES = {
    "properties": ["tests/contract/test_properties.py"],
    "contract": [
        "tests/contract/test_spec_examples.py",
        "tests/contract/test_cassettes.py",
        "tests/contract/test_prism_server.py",
    ],
    "command-line": ["tests/test_cli.py", "tests/test_usability.py"],
    "calls": [
        "tests/test_wire.py",
        "tests/test_errors.py",
        "tests/test_validation.py",
        "tests/test_client_object.py",
        "tests/test_paging.py",
    ],
}
"""The suites that enumerate the spec's operations (CONTRIBUTING's "every operation" table), in
groups of about the same run time: each group is a test of its own, so that `make test`'s
workers share them."""

PUBLISHED = [op["operationId"] for op in SCRATCH_BASE_OPERATIONS]
"""The spec's own operations, in the representative copy too: the main run already takes each of
them through every suite with the same generated code, so here the tests of one of them (its id
in the test's id) are left out, and only the representative operations and the tests of the whole
spec (guards, listings, every-operation checks in one test) run again."""
ONLY_THE_REPRESENTATIVE = "not (" + " or ".join(PUBLISHED) + ")"


def test_the_representative_filter_leaves_out_only_the_spec_s_own_operations() -> None:
    """`-k` matches substrings of test ids, case aside: a representative operation named like one
    of the spec's own would silently lose its tests in the representative run."""
    for row in SUBSET:
        shape = operation_id(row).lower()
        assert not any(own.lower() in shape for own in PUBLISHED), operation_id(row)


def record_representative(representative: Path, folder: Path) -> None:
    """`make record` for the representative spec and package (in `representative`): the cassettes
    in `folder`/cassettes."""
    recorded = subprocess.run(
        [sys.executable, "-m", "contract.record"],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=ROOT,
        env=representative_env(representative, folder / "cassettes")
        | {
            "PYTHONPATH": os.pathsep.join(
                [str(representative / "pkg"), str(ROOT / "tests"), str(ROOT / "openapi")]
            )
        },
    )
    assert recorded.returncode == 0, recorded.stdout[-3000:] + recorded.stderr[-3000:]


def representative_env(folder: Path, cassettes: Path) -> dict[str, str]:
    """The environment the representative run's suites and recording see: the spec in `folder`, the
    cassettes in `cassettes` (for the suites that read none, a folder that does not exist)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("YANDEX_MARKET_")}
    return env | {
        "SPEC_UNDER_TEST": str(folder / "spec.yaml"),
        "CASSETTES_UNDER_TEST": str(cassettes),
        "CONTRACT_HYPOTHESIS_PROFILE": "contract-shapes",
    }


@pytest.fixture(scope="module")
def representative(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Path:
    """`make generate` for a scratch copy of the spec with the representative operations added
    (`SUBSET`): the spec and the package in the folder, built once per run and shared by the
    workers."""
    return built_once(
        tmp_path_factory,
        worker_id,
        "representative",
        lambda into: generate_scratch(into, matrix_spec(fresh_spec(), SUBSET)),
    )


@pytest.fixture(scope="module")
def representative_cassettes(
    representative: Path, tmp_path_factory: pytest.TempPathFactory, worker_id: str
) -> Path:
    """The representative spec's cassettes, recorded once per run (only the contract suites read
    cassettes: the other groups start without waiting for them)."""
    folder = built_once(
        tmp_path_factory,
        worker_id,
        "representative-cassettes",
        lambda into: record_representative(representative, into),
    )
    return folder / "cassettes"


CASSETTE_READERS = "contract"
"""The group whose suites read the cassettes (tests/contract/test_cassettes.py)."""


@pytest.mark.long
@pytest.mark.timeout(900)  # (about three minutes on two cores in all: see CONTRIBUTING, "The shape matrix")
@pytest.mark.parametrize("group", PER_OPERATION_SUITES)
def test_a_representative_set_goes_through_record_and_every_per_operation_suite(
    group: str, representative: Path, request: pytest.FixtureRequest
) -> None:
    """The few matrix operations that hold every value of every dimension (`SUBSET`), added to a
    scratch copy of the spec (some suites also test named chat operations): `make generate`,
    `make record` (Prism serving that spec) and every suite that enumerates the spec, pointed at
    the copy (SPEC_UNDER_TEST, CASSETTES_UNDER_TEST, the package first on PYTHONPATH) with a
    smaller hypothesis profile. No test edit: the promise."""
    if group == CASSETTE_READERS:
        cassettes: Path = request.getfixturevalue("representative_cassettes")
    else:
        cassettes = (
            representative / "no-cassettes"
        )  # (a suite that read some would fail, not read the spec's)
    suites = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:randomly",
            "-k",
            ONLY_THE_REPRESENTATIVE,
            *PER_OPERATION_SUITES[group],
        ],
        capture_output=True,
        text=True,
        timeout=900,
        cwd=ROOT,
        env=representative_env(representative, cassettes) | {"PYTHONPATH": str(representative / "pkg")},
    )
    assert suites.returncode == 0, suites.stdout[-5000:]
