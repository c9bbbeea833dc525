"""Record tests/cassettes/: one vcrpy cassette per (operation, documented status).

Run by `make record` (PYTHONPATH=tests:openapi python -m contract.record [PAIR ...]), where a
PAIR is a cassette name such as `createChat-420`; without PAIRs it records all it can.

Without YANDEX_MARKET_API_KEY: starts `prism mock` on the spec and records every pair, asking
Prism for each status with `Prefer: code=N`.

With YANDEX_MARKET_API_KEY (and YANDEX_MARKET_BUSINESS_ID, YANDEX_MARKET_CHAT_ID,
YANDEX_MARKET_ORDER_ID): starts `prism proxy` in front of the real API and records what the real
API can be made to answer on purpose: 200 (this posts MESSAGE and a small file to that chat)
and 401 (a deliberately invalid key). Prism validates every live answer against the spec and
flags a violation in an `sl-violations` header: such an answer fails the recording. Real ids
are replaced by the fixed fake ones in what is written; keys are written as REDACTED.

Every cassette is recorded into a scratch folder, checked (one interaction, the expected
operation and status, no `sl-violations`, openapi-core finds nothing wrong, no key left), and
only then moved into tests/cassettes/. Exit status 1 if any pair failed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path

import vcr
from prism import VIOLATIONS_HEADER, serve_prism
from yandex_market_chat import AuthenticatedClient, __version__

from contract.support import (
    API_SERVER,
    AUTH_HEADERS,
    BUSINESS_ID,
    CASSETTES,
    CHAT_ID,
    OPERATIONS,
    ORDER_ID,
    REDACTED,
    WireRequest,
    WireResponse,
    call_kwargs,
    documented_pairs,
    exchange_errors,
    load_cassette,
    operation_for,
    pair_id,
    record_config,
    register_matchers,
)

INVALID_KEY = "fake-api-key-for-recording-0000"
"""Sent to Prism mock, and to the real API to record its 401."""
LIVE_STATUSES = (200, 401)


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
    """Call the operation once (with `ids` for business_id, chat_id, order_id) into a cassette."""
    path = scratch / f"{pair_id(operation_id, status)}.yaml"
    with recorder.use_cassette(str(path), record_mode="all"):
        OPERATIONS[operation_id].module.sync_detailed(client=client, **call_kwargs(operation_id, **ids))
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
        try:
            real = {name: int(environ[f"YANDEX_MARKET_{name}_ID"]) for name in ("BUSINESS", "CHAT", "ORDER")}
        except (KeyError, ValueError):
            print(
                "with YANDEX_MARKET_API_KEY set, also set YANDEX_MARKET_BUSINESS_ID, "
                "YANDEX_MARKET_CHAT_ID and YANDEX_MARKET_ORDER_ID (integers)",
                file=sys.stderr,
            )
            return 2
        pairs = [(op, status) for op, status in pairs if status in LIVE_STATUSES]
        call_ids = {"business_id": real["BUSINESS"], "chat_id": real["CHAT"], "order_id": real["ORDER"]}
        fake_ids = {real["BUSINESS"]: BUSINESS_ID, real["CHAT"]: CHAT_ID, real["ORDER"]: ORDER_ID}
        server = serve_prism("proxy", upstream=upstream)
        secrets = [key]
        print(f"recording {upstream} through prism proxy: {', '.join(pair_id(*pair) for pair in pairs)}")
        print(f"note: the 200 pairs post a message and a file to chat {real['CHAT']}")
    else:
        call_ids, fake_ids = {}, {}
        server = serve_prism("mock")
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
