"""The spec's own examples fit its schemas (openapi-core), as exchanges on the wire.

Spectral checks the same in `make lint`; this keeps `make test` honest on its own, since Prism
serves these examples and the cassettes recorded from Prism mock are made of them.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from contract.support import (
    BUSINESS_ID,
    CHAT_ID,
    OPERATIONS,
    Operation,
    WireRequest,
    WireResponse,
    each_pair,
    pair_id,
    request_errors,
    resolve,
    response_errors,
)

JSON_REQUEST_EXAMPLES = [
    op.operation_id
    for op in OPERATIONS.values()
    if "example"
    in resolve(op.definition.get("requestBody", {})).get("content", {}).get("application/json", {})
]


def example_request(operation: Operation, body: Any = None) -> WireRequest:
    """A request to the operation with the fixed ids (and a JSON body, when given)."""
    parameters = [resolve(p) for p in operation.definition.get("parameters", [])]
    query = "&".join(f"{p['name']}={CHAT_ID}" for p in parameters if p["in"] == "query")
    url = "https://api.partner.market.yandex.ru" + operation.path.replace("{businessId}", str(BUSINESS_ID))
    headers = [("Api-Key", "REDACTED")]
    if body is not None:
        headers.append(("Content-Type", "application/json"))
    return WireRequest(
        "POST", f"{url}?{query}" if query else url, headers, json.dumps(body).encode() if body else b""
    )


def test_every_json_request_example_is_checked() -> None:
    assert sorted(JSON_REQUEST_EXAMPLES) == ["createChat", "sendMessageToChat"]


@pytest.mark.parametrize("operation_id", JSON_REQUEST_EXAMPLES)
def test_request_example_fits_its_schema(operation_id: str) -> None:
    operation = OPERATIONS[operation_id]
    example = resolve(operation.definition["requestBody"])["content"]["application/json"]["example"]
    assert request_errors(example_request(operation, example)) == []


@each_pair
def test_response_example_fits_its_schema(operation_id: str, status: int) -> None:
    """The body example and the header examples, together, as the response Prism serves."""
    operation = OPERATIONS[operation_id]
    media = operation.media(status)
    assert "example" in media, f"{pair_id(operation_id, status)} has no example"
    headers = [("Content-Type", "application/json")]
    for name, header in operation.response(status).get("headers", {}).items():
        header = resolve(header)
        assert "example" in header, f"{pair_id(operation_id, status)}: header {name} has no example"
        headers.append((name, str(header["example"])))
    response = WireResponse(status, headers, json.dumps(media["example"]).encode())
    assert response_errors(example_request(operation), response) == []
