"""The spec's own examples fit its schemas (openapi-core), as exchanges on the wire.

Spectral checks the same in `make lint`; this keeps `make test` honest on its own, since the
example calls of every per-operation suite, the answers Prism serves and the cassettes recorded
from Prism mock are all made of these examples.
"""

from __future__ import annotations

import json

import pytest
from spec_support import (
    OPERATIONS,
    each_operation,
    each_pair,
    example_call,
    operations_where,
    pair_id,
    param_example,
)

from contract.support import REDACTED, WireRequest, WireResponse, request_errors, response_errors


def example_request(operation_id: str) -> WireRequest:
    """The operation's example call as a request on the wire (a JSON body by value; a multipart
    body is left out: its file bytes are the tests' own, not the spec's)."""
    wire = example_call(OPERATIONS[operation_id]).wire()
    headers = [("Api-Key", REDACTED)]
    body = b""
    if wire.json is not None:
        headers.append(("Content-Type", "application/json"))
        body = json.dumps(wire.json).encode()
    return WireRequest(wire.method, wire.url, headers, body)


@operations_where(lambda op: op.body is not None and op.body["kind"] == "json")
def test_json_request_example_fits_its_schema(operation_id: str) -> None:
    """The body example and every parameter example, together, as the request they describe."""
    assert request_errors(example_request(operation_id)) == []


@each_operation
def test_the_examples_make_a_call(operation_id: str) -> None:
    """example_call() raises for a parameter or a JSON body without an example, or for an example
    integer of 2**53 or more (Prism's limit)."""
    example_call(OPERATIONS[operation_id])


def test_a_missing_example_is_refused_not_made_up() -> None:
    operation = next(op for op in OPERATIONS.values() if op.params)
    with pytest.raises(LookupError, match="house-parameter-has-example"):
        param_example(operation, {**operation.params[0], "example": None})


@each_pair
def test_response_example_fits_its_schema(operation_id: str, status: int) -> None:
    """The body example and the header examples, together, as the response Prism serves."""
    operation = OPERATIONS[operation_id]
    media = operation.media(status)
    assert "example" in media, f"{pair_id(operation_id, status)} has no example"
    documented = operation.response(status).get("headers", {})
    headers = operation.example_headers(status)
    assert sorted(headers) == sorted(documented), f"{pair_id(operation_id, status)}: a header has no example"
    response = WireResponse(
        status,
        [("Content-Type", "application/json"), *headers.items()],
        json.dumps(media["example"]).encode(),
    )
    assert response_errors(example_request(operation_id), response) == []
