"""Record tests/cassettes/: one vcrpy cassette per (operation, documented status).

Run by `make record` (PYTHONPATH=tests:openapi python -m contract.record [PAIR ...]), where a
PAIR is a cassette name such as `createChat-420`; without PAIRs it records every pair the spec
documents. Each call is the operation's example call (tests/spec_support.py): its parameters'
and its request body's examples in the spec, so an operation added to the spec is recorded
with no edit here.

Without YANDEX_MARKET_API_KEY: starts `prism mock` on the spec and records every pair, asking
Prism for each status with `Prefer: code=N`. What is written is the spec's own examples, served
by Prism.

With YANDEX_MARKET_API_KEY: starts `prism proxy` in front of the real API and records what the
real API can be made to answer on purpose: 200 (the operations are really called: those that
are not idempotent post to the account) and 401 (a deliberately invalid key). The ids in the
examples are fake; each is replaced by a real one from the environment, named after where it
sits (`id_names`): a parameter by its Python name (YANDEX_MARKET_BUSINESS_ID,
YANDEX_MARKET_CHAT_ID), a body field ending in `Id` likewise, and the `id` of an object with a
`type` by that type (YANDEX_MARKET_ORDER_ID for `{"type": "ORDER", "id": ...}`). All the ids of
the spec's examples are needed, whichever pairs are recorded (an answer may carry another kind:
createChat answers with a chat id); the recorder lists what is missing. Prism validates every
live answer against the spec and flags a violation in an `sl-violations` header: such an answer
fails the recording. Real ids are replaced by the fake ones in what is written; keys are written
as REDACTED.

Every cassette is recorded into a scratch folder, checked (one interaction, the expected
operation and status, no `sl-violations`, openapi-core finds nothing wrong, no key left), and
only then moved into tests/cassettes/. Exit status 1 if any pair failed, 2 on bad input.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

import vcr
from prism import VIOLATIONS_HEADER, serve_prism
from spec_support import (
    API_SERVER,
    OPERATIONS,
    SPEC_PATH,
    Call,
    documented_pairs,
    example_call,
    operation_for,
    pair_id,
    python_name,
)
from yandex_market_chat import AuthenticatedClient, __version__

from contract.support import (
    AUTH_HEADERS,
    CASSETTES,
    REDACTED,
    WireRequest,
    WireResponse,
    exchange_errors,
    load_cassette,
    record_config,
    register_matchers,
)

ENV_PREFIX = "YANDEX_MARKET_"

INVALID_KEY = "fake-api-key-for-recording-0000"
"""Sent to Prism mock, and to the real API to record its 401."""
LIVE_STATUSES = (200, 401)

IdMap = Callable[[str, int], int]
"""(environment name, the example's fake id) -> the id to send."""


def _id_name(key: str, parent: Mapping[str, Any]) -> str | None:
    """The environment name of an id at `key` in a JSON object (None: not an id)."""
    if key == "id" and isinstance(parent.get("type"), str):
        return f"{ENV_PREFIX}{parent['type'].upper()}_ID"
    python = python_name(key)
    if python.endswith("_id"):
        return ENV_PREFIX + python.upper()
    if python.endswith("_ids"):
        return ENV_PREFIX + python.upper()[:-1]
    return None


def _map_json(value: Any, name: str | None, change: IdMap) -> Any:
    if isinstance(value, dict):
        return {key: _map_json(item, _id_name(key, value), change) for key, item in value.items()}
    if isinstance(value, list):
        return [_map_json(item, name, change) for item in value]
    if name is not None and isinstance(value, int) and not isinstance(value, bool):
        return change(name, value)
    return value


def map_ids(call: Call, change: IdMap) -> Call:
    """The call with every id in its parameters and JSON body passed through `change`."""
    params = {
        python: change(ENV_PREFIX + python.upper(), value)
        if python.endswith("_id") and isinstance(value, int) and not isinstance(value, bool)
        else value
        for python, value in call.params.items()
    }
    body = call.body
    if isinstance(body, dict):
        body = {key: _map_json(item, _id_name(key, body), change) for key, item in body.items()}
    return Call(call.operation, params, body)


def id_names(operation_ids: Iterable[str]) -> dict[str, int]:
    """Environment name -> the fake id of the examples, for every id the operations' example
    calls send."""
    found: dict[str, int] = {}

    def note(name: str, value: int) -> int:
        if found.setdefault(name, value) != value:
            raise ValueError(f"the examples give {name} two values: {found[name]} and {value}")
        return value

    for operation_id in operation_ids:
        map_ids(example_call(OPERATIONS[operation_id]), note)
    return found


def check_recording(path: Path, operation_id: str, status: int, secrets: list[str]) -> list[str]:
    """What is wrong with a freshly recorded cassette (empty when it may be kept)."""
    interactions = load_cassette(path)
    if len(interactions) != 1:
        return [f"expected one interaction, recorded {len(interactions)}"]
    request, response = interactions[0]["request"], interactions[0]["response"]
    problems = []
    if operation_for(request["method"], request["uri"]).operation_id != operation_id:
        problems.append(f"the request went to {request['method']} {request['uri']}")
    if response["status"]["code"] != status:
        problems.append(f"the answer was {response['status']['code']}, not {status}")
    headers = {name.lower(): values for name, values in response["headers"].items()}
    if VIOLATIONS_HEADER in headers:
        problems.append(f"Prism flagged the exchange: {headers[VIOLATIONS_HEADER]}")
    problems += exchange_errors(WireRequest.from_cassette(request), WireResponse.from_cassette(response))
    for name, values in request["headers"].items():
        if name.lower() in {h.lower() for h in AUTH_HEADERS} and values != [REDACTED]:
            problems.append(f"{name} is not redacted")
    text = path.read_text(encoding="utf-8")
    problems += [f"a secret ({secret[:4]}...) is in the cassette" for secret in secrets if secret in text]
    return problems


def record_pair(
    recorder: vcr.VCR,
    client: AuthenticatedClient,
    operation_id: str,
    status: int,
    scratch: Path,
    ids: Mapping[str, int],
) -> Path:
    """Call the operation once, with its example call (each id named in `ids` replaced by the
    value given there), into a cassette."""
    path = scratch / f"{pair_id(operation_id, status)}.yaml"
    call = map_ids(example_call(OPERATIONS[operation_id]), lambda name, fake: ids.get(name, fake))
    with recorder.use_cassette(str(path), record_mode="all"):
        OPERATIONS[operation_id].module.sync_detailed(client=client, **call.module_kwargs())
    return path


def record(
    pairs: list[tuple[str, int]],
    environ: Mapping[str, str],
    *,
    upstream: str = API_SERVER,
    cassettes: Path = CASSETTES,
) -> int:
    """Record `pairs` into `cassettes`; 0 if all were recorded, 1 if any failed, 2 on bad input."""
    key = environ.get("YANDEX_MARKET_API_KEY")
    if key:
        pairs = [(op, status) for op, status in pairs if status in LIVE_STATUSES]
        # Every id the spec's examples hold, not just those of these pairs: an answer can carry
        # another kind (createChat answers with a chat id), and no real id may reach a cassette.
        needed = id_names(OPERATIONS)
        missing = [name for name in needed if not environ.get(name, "").strip().isdigit()]
        if missing:
            print(
                "with YANDEX_MARKET_API_KEY set, also set the real ids the examples' fake ones stand "
                "for (integers): " + ", ".join(f"{name} (example: {needed[name]})" for name in missing),
                file=sys.stderr,
            )
            return 2
        call_ids = {name: int(environ[name]) for name in needed}
        fake_ids = {call_ids[name]: fake for name, fake in needed.items()}
        server = serve_prism("proxy", upstream=upstream, spec=SPEC_PATH)
        secrets = [key]
        changing = sorted({op for op, status in pairs if status == 200 and not OPERATIONS[op].idempotent})
        print(f"recording {upstream} through prism proxy: {', '.join(pair_id(*pair) for pair in pairs)}")
        if changing:
            print(
                f"note: the 200 pairs really call {', '.join(changing)} (not idempotent) with the ids given"
            )
    else:
        call_ids, fake_ids = {}, {}
        server = serve_prism("mock", spec=SPEC_PATH)
        secrets = []
        print("recording against prism mock (set YANDEX_MARKET_API_KEY to record the real API)")

    failed = 0
    with server as base_url, tempfile.TemporaryDirectory(prefix="cassettes-") as scratch_dir:
        recorder = vcr.VCR(**record_config(base_url, fake_ids))
        register_matchers(recorder)
        cassettes.mkdir(parents=True, exist_ok=True)
        for operation_id, status in pairs:
            token = key if key and status != 401 else INVALID_KEY
            client = AuthenticatedClient(token=token, base_url=base_url, max_retries=0)
            if key:  # the seller sees this name in the API log
                client = client.with_options(integration=f"yandex-market-chat-record/{__version__}")
            else:
                client = client.with_headers({"Prefer": f"code={status}"})
            path = record_pair(recorder, client, operation_id, status, Path(scratch_dir), call_ids)
            problems = check_recording(path, operation_id, status, secrets)
            name = pair_id(operation_id, status)
            if problems:
                failed += 1
                print(f"FAILED {name}:\n  " + "\n  ".join(problems), file=sys.stderr)
                continue
            shutil.move(path, cassettes / path.name)
            print(f"recorded {name}")
    return 1 if failed else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make record", description="Record tests/cassettes/ through Prism.")
    parser.add_argument("pairs", nargs="*", metavar="PAIR", help="e.g. createChat-420 (default: all)")
    args = parser.parse_args(argv)
    known = {pair_id(op, status): (op, status) for op, status in documented_pairs()}
    unknown = [name for name in args.pairs if name not in known]
    if unknown:
        parser.error(f"not documented in the spec: {', '.join(unknown)} (known: {', '.join(known)})")
    pairs = [known[name] for name in args.pairs] or list(known.values())
    return record(pairs, os.environ)


if __name__ == "__main__":
    sys.exit(main())
