"""Import time: `import yandex_market_chat` vs `import httpx`, each in a fresh interpreter.

Each sample is one new interpreter that times the import statement itself (interpreter start-up
is left out). The two imports alternate; the result is the median over the samples and the
median of the paired ratios.

Bytecode caches are written and used for every module (PYTHONPYCACHEPREFIX points at a scratch
folder that a first, untimed run fills), as after `pip install`, which compiles .pyc files. (The
project's machines set PYTHONDONTWRITEBYTECODE, under which a package imported from the checkout
is compiled from source on every import while httpx's .pyc files came with its install: a
property of the checkout, not of the package, so it is left out.)

The floor is httpx as users have it, without its `cli` extra. In this venv the dev tools bring
click and rich, and then `import httpx` also imports its command-line module (httpx/_main.py,
about 100 ms here): a floor that no user pays, which would flatter the ratio. The snippet hides
click, rich and pygments (`sys.modules[name] = None`), so httpx skips that module exactly as it
does where they are not installed.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass

from bench_util import median

SNIPPET = "{prelude}import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
HIDE_CLI = "import sys; sys.modules.update(click=None, rich=None, pygments=None); "
PACKAGE = "yandex_market_chat"
FLOOR = "httpx"


def import_seconds(module: str, env: dict[str, str], prelude: str) -> float:
    output = subprocess.run(
        [sys.executable, "-c", SNIPPET.format(prelude=prelude, module=module)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout
    return float(output)


@dataclass
class ImportResult:
    setting: str
    package: float
    floor: float
    ratio: float
    samples: int


def compare(setting: str, env: dict[str, str], prelude: str, samples: int) -> ImportResult:
    import_seconds(PACKAGE, env, prelude)  # untimed: fills the bytecode cache and the OS's
    import_seconds(FLOOR, env, prelude)
    package: list[float] = []
    floor: list[float] = []
    for index in range(samples):
        if index % 2:
            floor.append(import_seconds(FLOOR, env, prelude))
            package.append(import_seconds(PACKAGE, env, prelude))
        else:
            package.append(import_seconds(PACKAGE, env, prelude))
            floor.append(import_seconds(FLOOR, env, prelude))
    ratios = [p / f for p, f in zip(package, floor, strict=True)]
    return ImportResult(setting, median(package), median(floor), median(ratios), samples)


def import_times(samples: int) -> ImportResult:
    with tempfile.TemporaryDirectory(prefix="bench-pycache-") as cache:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = cache
        return compare("runtime deps only", env, HIDE_CLI, samples)
