"""The generation step of our own (openapi/generate.py runs it around openapi-python-client).

- `spec`: load, validate and resolve the OpenAPI document;
- `facts`: the reader: the spec read once into the typed values of `contract`, with the Python
  names the generator gives things (what its template API cannot see: constraints, `x-` extensions);
- `contract`: those values (frozen dataclasses), handed to every template as objects;
- `views`: what each render writes (arguments, calls, paging, bodies), decided in typed Python;
- `prose`: every sentence of the generated docstrings;
- `validators`: each operation's request schema as JSON Schema, compiled by fastjsonschema into
  plain Python (`_validators.py`), so the package checks requests without a runtime dependency;
- `notifications`: the notification spec read into its own typed values.
"""
