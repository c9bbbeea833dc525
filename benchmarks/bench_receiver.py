"""The notification receiver under load, side by side with the floor: a minimal Starlette handler
that only parses the JSON and answers (what a hand-written endpoint does, recording nothing).

Each round starts both under uvicorn (one worker each, subprocesses on 127.0.0.1) and posts the
same number of distinct CHAT_MESSAGE_SENT notifications to each from `CONCURRENCY` connections as
fast as they are answered, while one more connection sends PINGs back to back to ours. Ours records
every notification in a SqliteInbox (WAL, synchronous=FULL) before its 200.

    python benchmarks/bench_receiver.py [--quick]    # this row alone
    python benchmarks/bench_receiver.py serve ours|floor PORT INBOX   # one server (used by the runs)
"""

from __future__ import annotations

import asyncio
import json
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

HERE = Path(__file__).resolve().parent
NOTIFICATIONS = 600
CONCURRENCY = 16
TARGET = 1.5
"""Ours within 1.5 times the floor's time per notification."""
PING_P99_TARGET = 0.1


def body(n: int) -> bytes:
    return json.dumps(
        {
            "notificationType": "CHAT_MESSAGE_SENT",
            "chatId": 1 + n % 50,
            "businessId": 1,
            "messageId": str(10_000 + n),
            "sentAt": "2025-07-10T09:00:00Z",
        }
    ).encode()


PING = json.dumps({"notificationType": "PING", "time": "2025-07-10T09:00:00Z"}).encode()


def serve(kind: str, port: int, inbox: str) -> None:
    import uvicorn

    if kind == "ours":
        from yandex_market_chat import Receiver, SqliteInbox
        from yandex_market_chat.notifications import parse_notification

        app: object = Receiver(
            SqliteInbox(inbox), parse_notification, name="bench", allowed_networks=["127.0.0.0/8"]
        ).asgi
    else:
        from starlette.applications import Starlette
        from starlette.requests import Request
        from starlette.responses import JSONResponse
        from starlette.routing import Route

        async def notification(request: Request) -> JSONResponse:
            payload = json.loads(await request.body())
            if not isinstance(payload, dict) or not isinstance(payload.get("notificationType"), str):
                return JSONResponse({"error": {"type": "WRONG_EVENT_FORMAT", "message": "bad"}}, 400)
            now = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
            return JSONResponse({"version": "1.0.0", "name": "bench", "time": now})

        app = Starlette(routes=[Route("/notification", notification, methods=["POST"])])
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)  # type: ignore[arg-type]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Server:
    def __init__(self, kind: str, inbox: str) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/notification"
        self.process = subprocess.Popen(
            [sys.executable, str(Path(__file__)), "serve", kind, str(self.port), inbox],
            stdout=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.post(self.url, content=PING, headers={"Content-Type": "application/json"}, timeout=2)
                return
            except httpx.TransportError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"the {kind} server did not start") from None
                time.sleep(0.05)

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(30)


def ping_forever(url: str) -> None:
    """`python bench_receiver.py ping URL`: PINGs back to back on one keep-alive connection of its
    own, in a process of its own (so that the load's client does not delay them), until stdin
    closes; then the latencies, as JSON, on stdout."""
    import threading

    stop = threading.Event()

    def wait_for_the_end() -> None:
        sys.stdin.read()
        stop.set()

    threading.Thread(target=wait_for_the_end, daemon=True).start()
    latencies: list[float] = []
    with httpx.Client(timeout=30) as client:
        while not stop.is_set():
            started = time.perf_counter()
            answer = client.post(url, content=PING, headers={"Content-Type": "application/json"})
            latencies.append(time.perf_counter() - started)
            assert answer.status_code == 200, answer.text
    print(json.dumps(latencies))


async def load(url: str, first: int, count: int, ping: bool) -> tuple[float, list[float]]:
    """Post `count` notifications from CONCURRENCY connections; the seconds it took, and the PING
    latencies measured meanwhile by another process on a connection of its own (when `ping`)."""
    headers = {"Content-Type": "application/json"}
    limits = httpx.Limits(max_connections=CONCURRENCY)
    pinger = None
    if ping:
        pinger = subprocess.Popen(
            [sys.executable, str(Path(__file__)), "ping", url],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
    async with httpx.AsyncClient(limits=limits, timeout=30) as client:
        queue = list(range(first, first + count))

        async def poster() -> None:
            while queue:
                answer = await client.post(url, content=body(queue.pop()), headers=headers)
                assert answer.status_code == 200, answer.text

        began = time.perf_counter()
        await asyncio.gather(*(poster() for _ in range(CONCURRENCY)))
        elapsed = time.perf_counter() - began
    pings: list[float] = []
    if pinger is not None:
        out, _ = pinger.communicate(timeout=60)
        pings = json.loads(out)
    return elapsed, pings


@dataclass
class ReceiverResult:
    floor_per_notification: float
    ours_per_notification: float
    ratio: float
    spread: tuple[float, float]
    ping_p50: float
    ping_p99: float
    pings: int
    rounds: int


def receiver_runs(quick: bool = False) -> ReceiverResult:
    rounds = 2 if quick else 7
    count = 150 if quick else NOTIFICATIONS
    floors: list[float] = []
    ours: list[float] = []
    ratios: list[float] = []
    pings: list[float] = []
    with tempfile.TemporaryDirectory() as scratch:
        inbox = str(Path(scratch) / "inbox.sqlite3")
        floor_server, our_server = Server("floor", inbox), Server("ours", inbox)
        try:
            for round_ in range(rounds):
                floor_seconds, _ = asyncio.run(load(floor_server.url, round_ * count, count, False))
                our_seconds, round_pings = asyncio.run(load(our_server.url, round_ * count, count, True))
                floors.append(floor_seconds / count)
                ours.append(our_seconds / count)
                ratios.append(our_seconds / floor_seconds)
                pings.extend(round_pings)
        finally:
            floor_server.stop()
            our_server.stop()
    low, _, high = statistics.quantiles(ratios, n=4) if len(ratios) > 1 else (ratios[0], 0, ratios[0])
    centiles = statistics.quantiles(pings, n=100)
    return ReceiverResult(
        floor_per_notification=statistics.median(floors),
        ours_per_notification=statistics.median(ours),
        ratio=statistics.median(ratios),
        spread=(low, high),
        ping_p50=statistics.median(pings),
        ping_p99=centiles[98],
        pings=len(pings),
        rounds=rounds,
    )


def main(argv: list[str]) -> int:
    if argv[:1] == ["serve"]:
        serve(argv[1], int(argv[2]), argv[3])
        return 0
    if argv[:1] == ["ping"]:
        ping_forever(argv[1])
        return 0
    result = receiver_runs("--quick" in argv)
    print(
        f"{result.rounds} rounds of {NOTIFICATIONS if '--quick' not in argv else 150} notifications, "
        f"{CONCURRENCY} connections\n"
        f"floor (Starlette, parse and answer): {result.floor_per_notification * 1000:.2f} ms/notification\n"
        f"ours (Receiver + SqliteInbox):        {result.ours_per_notification * 1000:.2f} ms/notification\n"
        f"ratio {result.ratio:.2f} [{result.spread[0]:.2f}, {result.spread[1]:.2f}] (target <= {TARGET})\n"
        f"PING under that load: p50 {result.ping_p50 * 1000:.1f} ms, p99 {result.ping_p99 * 1000:.1f} ms "
        f"over {result.pings} (target p99 < {PING_P99_TARGET * 1000:.0f} ms)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
