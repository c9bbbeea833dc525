"""`make bench`: what yandex_market_chat costs, measured side by side in one run, as one table.

Rows (see benchmarks/README.md for what each measures and why):
1. sendMessageToChat over loopback, sync and async (4 concurrent): module functions and the client
   object vs bare httpx (the floor) vs ya-market-api;
2. the same in process, through httpx.MockTransport (no socket);
3. import time, fresh interpreters;
4. a 5 MB sendFileToChat upload: time and extra peak memory vs bare httpx;
5. the rate-limit run: 60 messages from 8 callers against a server enforcing a small quota;
6. `make generate` wall time (for information);
7. reading a 1,000-message chat history through the page iterator vs bare httpx paging by hand;
8. a polling bot answering buyer messages that arrive over time, under the scaled quotas;
9. 2,000 async calls started at once, 4 in flight: the in-flight cap vs an asyncio.Semaphore(4).
10. the notification receiver: notifications answered under load vs a minimal Starlette handler,
   and PING's answer time meanwhile.

The fake Market (tests/fake_market.py) runs in subprocesses on 127.0.0.1 and stops with the script.
Progress goes to stderr, the table to stdout. `--quick` runs a few rounds of each, to try it out.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime

from bench_bot import CHATS, QUOTAS, SPREAD, bot_runs
from bench_bot import LATENCY as BOT_LATENCY
from bench_bot import MESSAGES as BOT_MESSAGES
from bench_bot import WINDOW as BOT_WINDOW
from bench_calls import Result, in_process_async, in_process_sync, loopback_async, loopback_sync
from bench_history import PAGE_LIMIT, history_async, history_sync
from bench_import import import_times
from bench_ratelimit import CALLERS, LATENCY, MESSAGES, PARALLEL, QUOTA, WINDOW, rate_limit_runs
from bench_receiver import CONCURRENCY, PING_P99_TARGET, receiver_runs
from bench_receiver import TARGET as RECEIVER_TARGET
from bench_upload import BARE, FILE_BYTES, OTHER, memory_uploads, time_uploads
from bench_util import (
    HISTORY_MESSAGES,
    ROOT,
    TIMES,
    LoopbackServer,
    Row,
    Table,
    fmt_ratio,
    fmt_time,
    machine,
    verdict,
)
from bench_waiters import FLOOR as WAITERS_FLOOR
from bench_waiters import OURS as WAITERS_OURS
from bench_waiters import WAITERS, waiter_runs

PER_CALL_TARGET = 1.05
IN_PROCESS_TARGET = 1.2
IMPORT_TARGET = 1.3
HISTORY_TARGET = 1.15
UPLOAD_TIME_TARGET = 1.1
UPLOAD_MEMORY_TARGET = 2.0  # times the file size
PACE_TARGET = 0.95
LIMITED_SHARE_TARGET = 0.01
WAITERS_TARGET = 1.5


def log(text: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {text}", file=sys.stderr, flush=True)


def per_call_rows(
    table: Table, section: str, measurement: str, results: list[Result], target: float, other: str | None
) -> None:
    """Rows for one per-call comparison; the first result is the floor."""
    other_ratio = next((r.ratio for r in results if r.name == other), None)
    for index, result in enumerate(results):
        if index == 0:
            table.add(Row(section, measurement, result.name, fmt_time(result.per_call), fmt_ratio(1.0)))
        elif result.name == other:
            ours = min(r.ratio for r in results[1:] if r.name != other)
            faster = "yes" if ours < result.ratio else "no"
            table.add(
                Row(
                    section,
                    measurement,
                    result.name,
                    fmt_time(result.per_call),
                    fmt_ratio(result.ratio, result.spread),
                    "slower than ours",
                    f"{faster} (ours ≤ {ours:.3f}{TIMES})"
                    if faster == "yes"
                    else f"no (ours {ours:.3f}{TIMES})",
                )
            )
        else:
            holds = verdict(result.ratio, target)
            target_text = f"≤ {target:g}{TIMES}"
            if other_ratio is not None:
                target_text += ", < ya-market-api"
                if result.ratio >= other_ratio:
                    holds += "; slower than ya-market-api"
            table.add(
                Row(
                    section,
                    measurement,
                    result.name,
                    fmt_time(result.per_call),
                    fmt_ratio(result.ratio, result.spread),
                    target_text,
                    holds,
                )
            )


def generate_seconds() -> tuple[float, str]:
    """Wall time of openapi/generate.py in a subprocess. Where it takes --output, it writes to a
    scratch folder, so the run leaves generated/ alone; otherwise it rewrites generated/ (with the
    same content)."""
    script = ROOT / "openapi" / "generate.py"
    with tempfile.TemporaryDirectory(prefix="bench-generate-") as scratch:
        command = [sys.executable, str(script)]
        where = "generated/"
        if '"--output"' in script.read_text():
            command += ["--output", os.path.join(scratch, "yandex_market_chat")]
            where = "a scratch folder"
        started = time.perf_counter()
        done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=150)
        seconds = time.perf_counter() - started
    if done.returncode != 0:
        return seconds, f"failed (exit {done.returncode}): {done.stderr.strip().splitlines()[-1:]}"
    return seconds, f"into {where}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="a few rounds of each, to try the script out")
    args = parser.parse_args(argv)
    quick: bool = args.quick
    rounds, batch = (5, 8) if quick else (120, 16)
    in_rounds, in_batch = (5, 10) if quick else (200, 10)
    import_samples = 3 if quick else 21
    upload_rounds, memory_repeats = (3, 1) if quick else (25, 3)
    history_rounds = 5 if quick else 30
    waiter_rounds = 2 if quick else 6

    began = time.perf_counter()
    load = os.getloadavg()[0]
    table = Table()
    with LoopbackServer() as server:
        log(f"loopback server on {server.base_url}")
        log("1. per call over loopback, sync")
        sync_results, with_other = loopback_sync(server.base_url, rounds, batch)
        other = "ya-market-api 3.0.0 (requests)" if with_other else None
        per_call_rows(
            table,
            "1",
            f"sendMessageToChat, sync, loopback ({rounds}{TIMES}{batch} calls)",
            sync_results,
            PER_CALL_TARGET,
            other,
        )
        log("1. per call over loopback, async, 4 concurrent")
        async_results = asyncio.run(loopback_async(server.base_url, rounds, batch, concurrency=4))
        per_call_rows(
            table,
            "1",
            f"sendMessageToChat, async, 4 concurrent, loopback ({rounds}{TIMES}{batch} calls)",
            async_results,
            PER_CALL_TARGET,
            None,
        )

        log("2. per call in process (MockTransport)")
        per_call_rows(
            table,
            "2",
            f"sendMessageToChat, sync, in process ({in_rounds}{TIMES}{in_batch} calls)",
            in_process_sync(in_rounds, in_batch),
            IN_PROCESS_TARGET,
            None,
        )
        per_call_rows(
            table,
            "2",
            f"sendMessageToChat, async, in process ({in_rounds}{TIMES}{in_batch} calls)",
            asyncio.run(in_process_async(in_rounds, in_batch)),
            IN_PROCESS_TARGET,
            None,
        )

        log("3. import time")
        imported = import_times(import_samples)
        measurement = (
            f"import, {imported.setting} (-X importtime, {imported.samples} fresh interpreters each)"
        )
        table.add(Row("3", measurement, "import httpx (floor)", fmt_time(imported.floor), fmt_ratio(1.0)))
        table.add(
            Row(
                "3",
                measurement,
                "import yandex_market_chat",
                fmt_time(imported.package),
                fmt_ratio(imported.ratio),
                f"≤ {IMPORT_TARGET:g}{TIMES}",
                verdict(imported.ratio, IMPORT_TARGET),
            )
        )

        log("4. 5 MB upload: time")
        megabytes = f"{FILE_BYTES / 1e6:g} MB"
        timed = time_uploads(server.base_url, upload_rounds)
        for result in timed:
            floor = result.name == BARE
            other_row = result.name == OTHER
            table.add(
                Row(
                    "4",
                    f"{megabytes} sendFileToChat: time ({upload_rounds} rounds)",
                    result.name,
                    fmt_time(result.seconds),
                    fmt_ratio(result.ratio),
                    "" if floor else ("info" if other_row else f"≤ {UPLOAD_TIME_TARGET:g}{TIMES}"),
                    "" if floor or other_row else verdict(result.ratio, UPLOAD_TIME_TARGET),
                )
            )
        log("4. 5 MB upload: memory (fresh interpreters)")
        for memory in memory_uploads(server.base_url, [result.name for result in timed], memory_repeats):
            floor = memory.name == BARE
            other_row = memory.name == OTHER
            share = memory.traced / FILE_BYTES
            table.add(
                Row(
                    "4",
                    f"{megabytes} sendFileToChat: extra peak memory (tracemalloc, {memory_repeats} runs)",
                    memory.name,
                    f"{memory.traced / 1e6:.2f} MB",
                    f"{share:.2f}{TIMES} file",
                    "" if floor else ("info" if other_row else f"≤ {UPLOAD_MEMORY_TARGET:g}{TIMES} file"),
                    "" if floor or other_row else verdict(share, UPLOAD_MEMORY_TARGET),
                )
            )
        log(f"7. {HISTORY_MESSAGES}-message history, sync")
        pages = f"{HISTORY_MESSAGES} messages, {HISTORY_MESSAGES // PAGE_LIMIT} pages of {PAGE_LIMIT}"
        per_call_rows(
            table,
            "7",
            f"getChatHistory, read whole, sync, loopback ({pages}; {history_rounds} rounds)",
            history_sync(server.base_url, history_rounds),
            HISTORY_TARGET,
            None,
        )
        log(f"7. {HISTORY_MESSAGES}-message history, async")
        per_call_rows(
            table,
            "7",
            f"getChatHistory, read whole, async, loopback ({pages}; {history_rounds} rounds)",
            asyncio.run(history_async(server.base_url, history_rounds)),
            HISTORY_TARGET,
            None,
        )
        log(f"9. {WAITERS} async calls at once, 4 in flight")
        waiters = asyncio.run(waiter_runs(server.base_url, waiter_rounds))
        measurement = (
            f"{WAITERS} async sendMessageToChat calls at once, 4 in flight, loopback answering at once "
            f"({waiter_rounds} rounds)"
        )
        table.add(Row("9", measurement, WAITERS_FLOOR, fmt_time(waiters.floor_seconds), fmt_ratio(1.0)))
        ok = waiters.ratio <= WAITERS_TARGET and waiters.failed == 0
        table.add(
            Row(
                "9",
                measurement,
                WAITERS_OURS,
                fmt_time(waiters.ours_seconds),
                fmt_ratio(waiters.ratio, waiters.spread),
                f"≤ {WAITERS_TARGET:g}{TIMES}, 0 failed",
                f"{'yes' if ok else 'no'}: {waiters.failed} failed; "
                f"{waiters.wakes_per_call:.2f} wake-ups per call",
            )
        )
        port = server.port

    log("5. rate-limit run")
    measurement = (
        f"rate limit: {MESSAGES} messages, {CALLERS} callers; server: {QUOTA} per {WINDOW:g} s, "
        f"{PARALLEL} parallel, {LATENCY * 1000:g} ms each"
    )
    for run in rate_limit_runs():
        defaults = run.label.endswith("defaults")
        facts = (
            f"{run.requests} requests, {run.limited}{TIMES}420 ({run.limited_share:.1%}), "
            f"{run.lost} lost, {run.duplicated} duplicated"
        )
        if defaults:
            ok = (
                run.pace >= PACE_TARGET
                and run.lost == 0
                and run.duplicated == 0
                and run.limited_share <= LIMITED_SHARE_TARGET
            )
            holds = f"{'yes' if ok else 'no'}: {facts}"
            target = f"≥ {PACE_TARGET:.0%} pace, 0 lost/dup, 420s ≤ {LIMITED_SHARE_TARGET:.0%}"
        else:
            # The control: without the client's limits the server must refuse what is over its
            # limits, or the row above proves nothing (a server whose limits are off lets anyone through).
            holds = f"{'yes' if run.within_quota else 'no'}: {facts}"
            target = f"≤ {QUOTA} delivered per window, the rest 420 (control)"
        pace = (
            f"{run.pace:.1%} of quota pace"
            if run.lost == 0
            else f"{MESSAGES - run.lost}/{MESSAGES} delivered"
        )
        table.add(
            Row(
                "5",
                measurement,
                run.label,
                f"{fmt_time(run.wall)} (ideal {fmt_time(run.ideal)})",
                pace,
                target,
                holds,
            )
        )

    log("8. polling bot, and the same scenario answered from notifications")
    quotas = ", ".join(f"{name} {quota}" for name, quota in QUOTAS.items())
    measurement = (
        f"support bot (polling; from notifications): {CHATS} chats{TIMES}{BOT_MESSAGES} buyer messages "
        f"over {SPREAD:g} s; per "
        f"{BOT_WINDOW:g} s: {quotas}; 4 parallel, {BOT_LATENCY * 1000:g} ms each"
    )
    for bot in bot_runs():
        ok = bot.limited_total == 0 and bot.missed == 0 and bot.twice == 0
        limited = ", ".join(f"{name} {count}" for name, count in sorted(bot.limited.items()))
        sent = ", ".join(f"{count} {name}" for name, count in sorted(bot.requests.items()))
        facts = (
            f"{bot.limited_total}{TIMES}420{f' ({limited})' if limited else ''}, "
            f"{bot.missed}/{bot.scheduled} missed, {bot.twice} answered twice; {sent}"
        )
        table.add(
            Row(
                "8",
                measurement,
                bot.label,
                f"last answer {fmt_time(bot.last_answer)} (ideal {fmt_time(bot.ideal)}); answer delay "
                f"p50 {fmt_time(bot.delay_median)}, p99 {fmt_time(bot.delay_p99)}, max "
                f"{fmt_time(bot.delay_max)}; {sum(bot.requests.values()) / max(bot.answered, 1):.2f} "
                "requests per answered message",
                f"{bot.pace:.1%} of quota pace",
                f"0{TIMES}420, 0 missed, 0 twice",
                f"{'yes' if ok else 'no'}: {facts}",
            )
        )

    log("10. the notification receiver under load")
    received = receiver_runs(quick)
    table.add(
        Row(
            "10",
            f"notifications answered, {CONCURRENCY} connections ({received.rounds} rounds)",
            "minimal Starlette handler: parse and answer (floor)",
            fmt_time(received.floor_per_notification),
            fmt_ratio(1.0),
        )
    )
    table.add(
        Row(
            "10",
            f"notifications answered, {CONCURRENCY} connections ({received.rounds} rounds)",
            "Receiver + SqliteInbox: recorded durably first",
            fmt_time(received.ours_per_notification),
            fmt_ratio(received.ratio, received.spread),
            f"<= {RECEIVER_TARGET:g}{TIMES}",
            verdict(received.ratio, RECEIVER_TARGET),
        )
    )
    table.add(
        Row(
            "10",
            "PING answer time under that load",
            f"Receiver: p50 {fmt_time(received.ping_p50)}, over {received.pings} PINGs",
            f"p99 {fmt_time(received.ping_p99)}",
            "",
            f"p99 < {fmt_time(PING_P99_TARGET)}",
            "yes" if received.ping_p99 < PING_P99_TARGET else "no",
        )
    )

    log("6. make generate")
    seconds, note = generate_seconds()
    table.add(Row("6", "make generate (openapi/generate.py, once)", note, fmt_time(seconds), "", "info"))

    elapsed = time.perf_counter() - began
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    print(f"yandex-market-chat benchmarks, {stamp}{' (--quick)' if quick else ''}")
    print(f"machine: {machine()}; load average at start {load:.2f}")
    print(f"loopback server: 127.0.0.1:{port}; whole run {elapsed:.0f} s")
    print("ratio: the median over the rounds of (contender / floor) in the same round, [its quartiles]")
    print()
    print(table.render())
    return 0


if __name__ == "__main__":
    sys.exit(main())
