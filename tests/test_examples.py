"""The README's quickstart runs, end to end, against Prism serving the spec (what `make demo` does)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_demo_runs_the_quickstart_against_the_mock() -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("YANDEX_MARKET_")}
    result = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "run_demo.py")],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert any(line.startswith("createChat        -> chat 92837461") for line in lines), lines
    assert "sendMessageToChat -> status OK" in lines
    assert "sendFileToChat    -> status OK" in lines
    assert any("a 420 answer      -> RateLimitError" in line for line in lines), lines
