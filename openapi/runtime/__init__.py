"""The package's hand-written modules, plain Python checked by ruff and mypy here.

`make generate` (openapi/generate.py) copies every module of this folder but this file into
generated/yandex_market_chat/ as it is. They never import a generated module (the generated
ones import them), so they type-check on their own.
"""
