"""Import cost: `import yandex_market_chat` vs `import httpx`, above a bare interpreter.

Each sample is a fresh interpreter run as `python -X importtime -c "<prelude>import <module>"`; the
sample is the cumulative time -X importtime reports for the top-level `<module>` line: the import
statement with everything it imports that the interpreter had not already imported at start-up.
Interpreter start-up (and whatever site imports) is in neither number, so the ratio compares what
the two imports add, not two start-ups of which the imports are a part. The two modules alternate;
the result is the median over the samples and the median of the paired ratios.

Bytecode caches are written and used for every module (PYTHONPYCACHEPREFIX points at a scratch
folder that a first, untimed run fills), as after `pip install`, which compiles .pyc files. (The
project's machines set PYTHONDONTWRITEBYTECODE, under which a package imported from the checkout
is compiled from source on every import while httpx's .pyc files came with its install: a
property of the checkout, not of the package, so it is left out.)

The floor is httpx as users have it, without its `cli` extra. In this venv the dev tools bring
click and rich, and then `import httpx` also imports its command-line module (httpx/_main.py,
about 100 ms here): a floor that no user pays, which would flatter the ratio. The prelude hides
click, rich and pygments (`sys.modules[name] = None`), so httpx skips that module exactly as it
does where they are not installed.

`import_breakdown()` lists what the package adds over httpx, module by module (self time), for the
README's "why".
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass

from bench_util import median

HIDE_CLI = "import sys; sys.modules.update(click=None, rich=None, pygments=None); "
PACKAGE = "yandex_market_chat"
FLOOR = "httpx"


def importtime_lines(code: str, env: dict[str, str]) -> list[tuple[int, int, str]]:
    """(self µs, cumulative µs, name with its nesting indent) per line of -X importtime."""
    stderr = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", code],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stderr
    lines = []
    for line in stderr.splitlines():
        if not line.startswith("import time:"):
            continue
        own, cumulative, name = line.removeprefix("import time:").split("|")
        if own.strip().isdigit():
            lines.append((int(own), int(cumulative), name.rstrip()))
    return lines


def import_seconds(module: str, env: dict[str, str]) -> float:
    """What `import <module>` costs in a fresh interpreter, start-up left out."""
    for _, cumulative, name in importtime_lines(f"{HIDE_CLI}import {module}", env):
        if name == f" {module}":  # the top-level line (nested ones are indented further)
            return cumulative / 1e6
    raise RuntimeError(f"-X importtime printed no line for {module}")


@dataclass
class ImportResult:
    setting: str
    package: float
    floor: float
    ratio: float
    samples: int


def scratch_env(cache: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = cache
    return env


def import_times(samples: int) -> ImportResult:
    with tempfile.TemporaryDirectory(prefix="bench-pycache-") as cache:
        env = scratch_env(cache)
        import_seconds(PACKAGE, env)  # untimed: fills the bytecode cache and the OS's
        import_seconds(FLOOR, env)
        package: list[float] = []
        floor: list[float] = []
        for index in range(samples):
            if index % 2:
                floor.append(import_seconds(FLOOR, env))
                package.append(import_seconds(PACKAGE, env))
            else:
                package.append(import_seconds(PACKAGE, env))
                floor.append(import_seconds(FLOOR, env))
    ratios = [p / f for p, f in zip(package, floor, strict=True)]
    return ImportResult(
        "start-up excluded, runtime deps only", median(package), median(floor), median(ratios), samples
    )


def import_breakdown(samples: int = 5) -> list[tuple[str, float]]:
    """The modules `import yandex_market_chat` adds after `import httpx`, by median self time
    (seconds), largest first."""
    runs: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory(prefix="bench-pycache-") as cache:
        env = scratch_env(cache)
        code = f"{HIDE_CLI}import {FLOOR}; import {PACKAGE}"
        importtime_lines(code, env)
        for _ in range(samples):
            after_floor = False
            for own, _, name in importtime_lines(code, env):
                if after_floor:
                    runs.setdefault(name.strip(), []).append(own / 1e6)
                after_floor = after_floor or name == f" {FLOOR}"
    return sorted(((name, median(times)) for name, times in runs.items()), key=lambda item: -item[1])


if __name__ == "__main__":
    result = import_times(int(sys.argv[1]) if len(sys.argv) > 1 else 7)
    floor_ms, package_ms = result.floor * 1e3, result.package * 1e3
    print(f"httpx {floor_ms:.1f} ms, {PACKAGE} {package_ms:.1f} ms, ratio {result.ratio:.3f}")
    for name, seconds in import_breakdown()[:25]:
        print(f"{seconds * 1e3:8.2f} ms  {name}")
