"""The generation step of our own (openapi/generate.py runs it around openapi-python-client).

- `spec`: load, validate and resolve the OpenAPI document;
- `facts`: what the spec says of each operation that the generator's template API cannot see
  (constraints, vendor `x-` extensions), with the Python names the generator gives things;
- `validators`: each operation's request schema as JSON Schema, compiled by fastjsonschema into
  plain Python (`_validators.py`), so the package checks requests without a runtime dependency.
"""
