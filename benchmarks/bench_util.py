"""What the benchmark scripts share: the loopback server process (the fake Market,
tests/fake_market.py, the one the tests run too), statistics, the table."""

from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any, Self

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
FAKE_MARKET = ROOT / "tests" / "fake_market.py"
"""The fake Market, shared with the tests: it lives with them and its rules (tests/market_limits.py)."""
sys.path.insert(0, str(FAKE_MARKET.parent))  # so that the scripts import its facts from here
from fake_market import HOURLY_LIMITS as HOURLY_LIMITS  # noqa: E402
from market_store import HISTORY_CHAT_ID as HISTORY_CHAT_ID  # noqa: E402
from market_store import HISTORY_MESSAGES as HISTORY_MESSAGES  # noqa: E402

FAKE_KEY = "fake-api-key-for-benchmarks-0000"
"""Obviously fake: the loopback server only checks that an Api-Key is there."""
BUSINESS_ID = 1
CHAT_ID = 2
MESSAGE = "Hello! Your order has been shipped."
OK_BODY = b'{"status":"OK"}'
TIMES = "\u00d7"
"""The multiplication sign, for ratios in the table."""


class LoopbackServer:
    """The fake Market (tests/fake_market.py, with its store) in a subprocess of its own on
    127.0.0.1; stopped on exit from the block."""

    def __init__(self, *options: str, max_seconds: float = 300.0) -> None:
        self.options = [*options, "--max-seconds", str(max_seconds)]
        self.process: subprocess.Popen[str] | None = None
        self.port = 0

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> Self:
        self.process = subprocess.Popen(
            [sys.executable, str(FAKE_MARKET), *self.options],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        if not line.startswith("PORT "):
            self.stop()
            raise RuntimeError(f"the fake Market did not start: {line!r}")
        self.port = int(line.split()[1])
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    def stop(self) -> None:
        process = self.process
        if process is None:
            return
        self.process = None
        if process.stdin is not None:
            process.stdin.close()  # the server stops when its stdin closes
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.terminate()
            process.wait(timeout=5)
        if process.stdout is not None:
            process.stdout.close()

    def _call(self, method: str, path: str) -> dict[str, Any]:
        request = urllib.request.Request(
            self.base_url + path, method=method, data=b"" if method == "POST" else None
        )
        with urllib.request.urlopen(request, timeout=5) as answer:
            result: dict[str, Any] = json.load(answer)
            return result

    def stats(self) -> dict[str, Any]:
        return self._call("GET", "/_bench/stats")

    def reset(self) -> None:
        self._call("POST", "/_bench/reset")


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def quartiles(values: Sequence[float]) -> tuple[float, float]:
    """The first and third quartiles (the middle half of the values lies between them)."""
    if len(values) < 2:
        return values[0], values[0]
    low, _, high = statistics.quantiles(values, n=4)
    return low, high


@dataclass
class Row:
    """One line of the table."""

    section: str
    measurement: str
    contender: str
    value: str
    ratio: str = ""
    target: str = ""
    holds: str = ""


@dataclass
class Table:
    rows: list[Row] = field(default_factory=list)

    def add(self, row: Row) -> None:
        self.rows.append(row)

    def render(self) -> str:
        header = ("#", "measurement", "contender", "median", "ratio", "target", "holds")
        lines = [tuple(header)]
        previous = None
        # In the order of the row numbers (the rows are measured in another order); stable within one.
        for row in sorted(self.rows, key=lambda row: int(row.section) if row.section.isdigit() else 0):
            # A group's number and measurement are written on its first row only.
            first = (row.section, row.measurement) != previous
            previous = (row.section, row.measurement)
            lines.append(
                (
                    row.section if first else "",
                    row.measurement if first else "",
                    row.contender,
                    row.value,
                    row.ratio,
                    row.target,
                    row.holds,
                )
            )
        widths = [max(len(line[i]) for line in lines) for i in range(len(header))]

        def fmt(cells: Sequence[str]) -> str:
            return (
                "| " + " | ".join(cell.ljust(width) for cell, width in zip(cells, widths, strict=True)) + " |"
            )

        out = [fmt(lines[0]), "|" + "|".join("-" * (width + 2) for width in widths) + "|"]
        out.extend(fmt(line) for line in lines[1:])
        return "\n".join(out)


def fmt_time(seconds: float) -> str:
    if seconds < 1e-3:
        return f"{seconds * 1e6:.1f} µs"
    if seconds < 1:
        return f"{seconds * 1e3:.2f} ms"
    return f"{seconds:.2f} s"


def fmt_ratio(ratio: float, spread: tuple[float, float] | None = None) -> str:
    text = f"{ratio:.3f}{TIMES}"
    if spread is not None:
        text += f" [{spread[0]:.2f}, {spread[1]:.2f}]"
    return text


def verdict(ratio: float, limit: float) -> str:
    return "yes" if ratio <= limit else f"no (+{(ratio / limit - 1) * 100:.1f}% over)"


def cpu_model() -> str:
    try:
        with open("/proc/cpuinfo") as cpuinfo:
            for line in cpuinfo:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def machine() -> str:
    import httpx

    return (
        f"{len(os.sched_getaffinity(0))} cores ({cpu_model()}), {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}, httpx {httpx.__version__}"
    )
