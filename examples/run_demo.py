"""`make demo`: serve openapi/ with Prism on loopback and run examples/quickstart.py against it.

With YANDEX_MARKET_API_KEY and YANDEX_MARKET_BUSINESS_ID set, runs the quickstart against the
real API instead (set YANDEX_MARKET_ORDER_ID to an order of that business).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "openapi"))

from prism import serve_prism  # noqa: E402

QUICKSTART = ROOT / "examples" / "quickstart.py"


def main() -> int:
    if os.environ.get("YANDEX_MARKET_API_KEY") and os.environ.get("YANDEX_MARKET_BUSINESS_ID"):
        print("Running the quickstart against the real API.")
        return subprocess.run([sys.executable, str(QUICKSTART)], check=False).returncode
    with serve_prism("mock") as base_url:
        print(f"Prism is serving openapi/yandex-market-chat.yaml at {base_url}")
        env = dict(
            os.environ,
            YANDEX_MARKET_API_KEY="fake-demo-key",
            YANDEX_MARKET_BUSINESS_ID="111",
            YANDEX_MARKET_BASE_URL=base_url,
            YANDEX_MARKET_DEMO_420="1",
        )
        return subprocess.run([sys.executable, str(QUICKSTART)], env=env, check=False).returncode


if __name__ == "__main__":
    sys.exit(main())
