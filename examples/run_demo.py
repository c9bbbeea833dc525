"""`make demo`: serve openapi/ with Prism on loopback and run the examples against it.

Runs examples/quickstart.py (create a chat, send a message and a file, see a 420) and then
examples/support_bot.py (answer the buyers who wait), with a fake key and YANDEX_MARKET_BASE_URL
pointing at Prism, which answers with the spec's examples. It never calls the real API: run the
example files yourself, with your own environment, for that."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "openapi"))

from prism import serve_prism  # noqa: E402

EXAMPLES = [ROOT / "examples" / "quickstart.py", ROOT / "examples" / "support_bot.py"]


def main() -> int:
    with serve_prism("mock") as base_url, tempfile.TemporaryDirectory() as scratch:
        print(f"Prism is serving openapi/yandex-market-chat.yaml at {base_url}")
        env = dict(
            os.environ,
            YANDEX_MARKET_API_KEY="fake-demo-key",
            YANDEX_MARKET_BUSINESS_ID="111",
            YANDEX_MARKET_BASE_URL=base_url,
            YANDEX_MARKET_DEMO_420="1",
            SUPPORT_BOT_STATE=str(Path(scratch) / "support-bot-state.json"),
        )
        for example in EXAMPLES:
            print(f"\n$ python examples/{example.name}")
            code = subprocess.run([sys.executable, str(example)], env=env, check=False).returncode
            if code:
                return code
        return 0


if __name__ == "__main__":
    sys.exit(main())
