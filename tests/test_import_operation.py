"""openapi/tools/import_operation.py: an operation of the published, file-split description comes
into a copy of our spec with every component it reaches, and the examples the house rules need."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from spec_support import SPEC_PATH, fresh_spec
from tools import import_operation

PUBLISHED: dict[str, Any] = {
    "openapi.yaml": {"paths": {"/v2/shelves/{shelfId}": {"$ref": "paths/v2_shelves_shelfId.yaml"}}},
    "paths/v2_shelves_shelfId.yaml": {
        "delete": {
            "operationId": "deleteShelf",
            "parameters": [{"$ref": "../components/parameters/ShelfId.yaml"}],
            "requestBody": {
                "content": {
                    "application/json": {"schema": {"$ref": "../components/schemas/DeleteShelfRequest.yaml"}}
                }
            },
            "responses": {
                "200": {
                    "description": "Empty.",
                    "content": {
                        "application/json": {"schema": {"$ref": "../components/schemas/ApiResponse.yaml"}}
                    },
                }
            },
        }
    },
    "components/parameters/ShelfId.yaml": {
        "name": "shelfId",
        "in": "path",
        "required": True,
        "schema": {"type": "integer", "format": "int64", "minimum": 7},
    },
    "components/schemas/DeleteShelfRequest.yaml": {
        "type": "object",
        "required": ["items"],
        "properties": {"items": {"type": "array", "items": {"$ref": "./ShelfItemDTO.yaml"}}},
    },
    "components/schemas/ShelfItemDTO.yaml": {
        "type": "object",
        "required": ["kind"],
        "properties": {
            "kind": {"type": "string", "enum": ["BOX", "BAG"]},
            "next": {"$ref": "./ShelfItemDTO.yaml"},
        },
    },
    "components/schemas/ApiResponse.yaml": {"type": "object", "description": "NOT OURS"},
}


def test_an_operation_comes_in_with_what_it_reaches(tmp_path: Path) -> None:
    for name, content in PUBLISHED.items():
        (tmp_path / "openapi" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "openapi" / name).write_text(yaml.safe_dump(content))
    out = tmp_path / "spec.yaml"
    code = import_operation.main(
        ["--from", str(tmp_path / "openapi"), "--into", str(SPEC_PATH), "--output", str(out), "deleteShelf"]
    )
    assert code == 0
    spec = yaml.safe_load(out.read_text())
    op = spec["paths"]["/v2/shelves/{shelfId}"]["delete"]
    assert op["x-idempotent"] is True  # (DELETE; printed for review)
    assert op["parameters"] == [{"$ref": "#/components/parameters/ShelfId"}]
    assert spec["components"]["parameters"]["ShelfId"]["example"] == 7
    schemas = spec["components"]["schemas"]
    assert schemas["ShelfItemDTO"]["properties"]["next"] == {"$ref": "#/components/schemas/ShelfItemDTO"}
    assert schemas["ApiResponse"] == fresh_spec()["components"]["schemas"]["ApiResponse"], "ours is kept"
    # (an example from the schema: required fields, and optional ones near the top only)
    assert op["requestBody"]["content"]["application/json"]["example"] == {"items": [{"kind": "BOX"}]}
    assert spec["paths"].keys() >= fresh_spec()["paths"].keys()


def test_an_unknown_operation_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "openapi").mkdir()
    (tmp_path / "openapi" / "openapi.yaml").write_text(yaml.safe_dump({"paths": {}}))
    code = import_operation.main(
        ["--from", str(tmp_path / "openapi"), "--output", str(tmp_path / "x.yaml"), "nope"]
    )
    assert code == 2 and not (tmp_path / "x.yaml").exists()
