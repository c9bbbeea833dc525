"""Whether an operation may be sent again is declared in the spec (`x-idempotent`) and reaches the
client through generation; an operation without it cannot be generated, so a new operation cannot
silently inherit the wrong policy."""

from __future__ import annotations

import copy
import importlib.util
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml
from yandex_market_chat import _rules

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "openapi" / "yandex-market-chat.yaml"
EXPECTED = {"createChat": True, "sendMessageToChat": False, "sendFileToChat": False}


def load_generate() -> ModuleType:
    """openapi/generate.py, loaded by path (it is a script, not a package module)."""
    found = importlib.util.spec_from_file_location("generate_under_test", ROOT / "openapi" / "generate.py")
    assert found is not None and found.loader is not None
    module = importlib.util.module_from_spec(found)
    found.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def generate() -> ModuleType:
    return load_generate()


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(SPEC.read_text())
    return loaded


def operation(spec: dict[str, Any], operation_id: str) -> dict[str, Any]:
    for item in spec["paths"].values():
        for op in item.values():
            if isinstance(op, dict) and op.get("operationId") == operation_id:
                return op
    raise AssertionError(f"no operation {operation_id}")


@pytest.mark.parametrize("operation_id", EXPECTED)
def test_an_operation_without_x_idempotent_fails_generation(
    generate: ModuleType, spec: dict[str, Any], operation_id: str
) -> None:
    changed = copy.deepcopy(spec)
    del operation(changed, operation_id)["x-idempotent"]
    with pytest.raises(generate.GenerationError, match=f"operation {operation_id} declares no retry policy"):
        generate.extract_rules(changed)


def test_x_idempotent_must_be_true_or_false(generate: ModuleType, spec: dict[str, Any]) -> None:
    changed = copy.deepcopy(spec)
    operation(changed, "sendMessageToChat")["x-idempotent"] = "yes"
    with pytest.raises(generate.GenerationError, match="sendMessageToChat declares no retry policy"):
        generate.extract_rules(changed)


def test_the_declared_policy_reaches_the_client(generate: ModuleType, spec: dict[str, Any]) -> None:
    assert {op_id: operation(spec, op_id)["x-idempotent"] for op_id in EXPECTED} == EXPECTED
    rules = generate.extract_rules(spec)
    assert {op["operationId"]: op["idempotent"] for op in rules["operations"].values()} == EXPECTED
    assert {op["operationId"]: op["idempotent"] for op in _rules.OPERATIONS.values()} == EXPECTED
