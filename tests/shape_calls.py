"""Run by tests/test_shapes.py in a fresh interpreter whose `yandex_market_chat` is the package
generated from the scratch spec of the shape matrix: `python shape_calls.py PLAN.json`.

For every operation of the plan (tests/shape_matrix.py's `calls()`) it makes each call on
YandexMarketChat and on AsyncYandexMarketChat against one loopback server, and prints as JSON what
happened: the requests the server got (method, path, query pairs, content type, body), the answer
the method returned (its class and `to_dict()`), the error it raised (class, field), the
DeprecationWarnings. It judges nothing: the test compares this with the plan.
"""

from __future__ import annotations

import asyncio
import base64
import json
import sys
import warnings
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from loopback import serve_in_background
from yandex_market_chat import AsyncYandexMarketChat, InvalidRequestError, YandexMarketChat

FAKE_KEY = "fake-api-key-for-tests-0000"


class Server(ThreadingHTTPServer):
    def __init__(self, answers: dict[str, tuple[int, Any]]) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.answers = answers
        self.seen: list[dict[str, Any]] = []


class Handler(BaseHTTPRequestHandler):
    server: Server

    def handle_any(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        url = urlsplit(self.path)
        self.server.seen.append(
            {
                "method": self.command,
                "path": url.path,
                "query": [list(pair) for pair in parse_qsl(url.query, keep_blank_values=True)],
                "content_type": self.headers.get("Content-Type", ""),
                "body": base64.b64encode(body).decode("ascii"),
            }
        )
        status, answer = self.server.answers.get(url.path.rsplit("/", 1)[-1], (404, {"status": "ERROR"}))
        payload = b"" if answer is None and status == 204 else json.dumps(answer).encode()
        self.send_response(status)
        if payload:
            self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    do_GET = do_POST = do_PUT = do_DELETE = handle_any

    def log_message(self, *args: object) -> None:
        pass


class Watch:
    """What one call did: its answer or error, its DeprecationWarnings, the requests it sent."""

    def __init__(self, server: Server) -> None:
        self.server = server
        self.before = len(server.seen)
        self.result: dict[str, Any] = {}
        self._warnings = warnings.catch_warnings(record=True)
        self._caught: list[warnings.WarningMessage] = []

    def __enter__(self) -> Watch:
        caught = self._warnings.__enter__()
        assert caught is not None  # (record=True)
        self._caught = caught
        warnings.simplefilter("always")
        return self

    def returned(self, value: Any) -> None:
        self.result = {
            "model": None if value is None else type(value).__name__,
            "value": None if value is None else value.to_dict(),
        }

    def raised(self, error: Exception) -> None:
        field = error.field if isinstance(error, InvalidRequestError) else None
        self.result = {"raised": type(error).__name__, "field": field, "message": str(error)}

    def __exit__(self, *exc: object) -> None:
        self._warnings.__exit__(None, None, None)
        self.result["deprecations"] = [
            str(w.message) for w in self._caught if issubclass(w.category, DeprecationWarning)
        ]
        self.result["requests"] = self.server.seen[self.before :]


def main(plan_path: str) -> None:
    with open(plan_path, encoding="utf-8") as plan_file:
        plan: dict[str, Any] = json.load(plan_file)
    answers = {op["slug"]: (op["status"], op["answer"]) for op in plan["operations"]}
    server = Server(answers)
    serve_in_background(server)
    url = f"http://127.0.0.1:{server.server_address[1]}"
    report: dict[str, Any] = {}

    def arguments(op: dict[str, Any], call: dict[str, Any]) -> dict[str, Any]:
        files = {name: base64.b64decode(data) for name, data in op["files"].items()}
        return {**files, **call["kwargs"]}

    with YandexMarketChat(FAKE_KEY, business_id=plan["business_id"], base_url=url, max_retries=0) as chat:
        for op in plan["operations"]:
            for kind, call in op["calls"].items():
                with Watch(server) as watch:
                    try:
                        watch.returned(getattr(chat, op["method_name"])(**arguments(op, call)))
                    except Exception as error:  # reported; the test judges it
                        watch.raised(error)
                report[f"{op['operation_id']}/{kind}/sync"] = watch.result

    async def run_async() -> None:
        async with AsyncYandexMarketChat(
            FAKE_KEY, business_id=plan["business_id"], base_url=url, max_retries=0
        ) as chat:
            for op in plan["operations"]:
                for kind, call in op["calls"].items():
                    with Watch(server) as watch:
                        try:
                            watch.returned(await getattr(chat, op["method_name"])(**arguments(op, call)))
                        except Exception as error:  # reported; the test judges it
                            watch.raised(error)
                    report[f"{op['operation_id']}/{kind}/async"] = watch.result

    asyncio.run(run_async())
    server.shutdown()
    json.dump(report, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1])
