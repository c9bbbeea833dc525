"""Whether an operation may be sent again is declared in the spec (`x-idempotent`) and reaches the
client through generation; an operation without it cannot be generated, so a new operation cannot
silently inherit the wrong policy. Every operation of the spec (what the policy does on the wire,
per operation, is in test_retries.py)."""

from __future__ import annotations

import generate
import pytest
from codegen.spec import GenerationError
from spec_support import OPERATIONS, each_operation, fresh_spec


@each_operation
def test_an_operation_without_x_idempotent_fails_generation(operation_id: str) -> None:
    changed = fresh_spec()
    operation = OPERATIONS[operation_id]
    del changed["paths"][operation.path][operation.method]["x-idempotent"]
    with pytest.raises(GenerationError, match=f"operation {operation_id} declares no retry policy"):
        generate.read_facts(changed)


@each_operation
def test_x_idempotent_must_be_true_or_false(operation_id: str) -> None:
    changed = fresh_spec()
    operation = OPERATIONS[operation_id]
    changed["paths"][operation.path][operation.method]["x-idempotent"] = "yes"
    with pytest.raises(GenerationError, match=f"{operation_id} declares no retry policy"):
        generate.read_facts(changed)


@each_operation
def test_the_declared_policy_reaches_the_client(operation_id: str) -> None:
    operation = OPERATIONS[operation_id]
    declared = operation.definition["x-idempotent"]
    assert isinstance(declared, bool)
    assert operation.module._OPERATION.idempotent is declared
