"""Every Python block of the README and of the docs/ pages it links to runs as written against
the local mock (Prism serving the spec) with the environment variables the README documents, and
passes `mypy --strict`; the README's first loop does not spam when run again."""

from __future__ import annotations

import ast
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest
import yandex_market_chat
from conftest import MYPY_CACHE
from spec_support import OPERATIONS as SPEC_OPERATIONS

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
PAGES = [README, *sorted((ROOT / "docs").glob("*.md"))]
"""The README first (its first block is the support bot), then the docs/ pages."""
BLOCKS = [
    block
    for page in PAGES
    for block in re.findall(
        r"^```python\n(.*?)^```", page.read_text(encoding="utf-8"), re.DOTALL | re.MULTILINE
    )
]
ENVIRONMENT = {
    "YANDEX_MARKET_API_KEY": "fake-api-key-for-tests-0000",
    "YANDEX_MARKET_BUSINESS_ID": "1234567",
}
"""What the README tells the reader to set (YANDEX_MARKET_BASE_URL points at the mock)."""


def test_the_readme_has_python_blocks() -> None:
    assert len(BLOCKS) >= 5


def test_the_readme_links_every_docs_page() -> None:
    readme = README.read_text(encoding="utf-8")
    assert [page.name for page in PAGES[1:] if f"(docs/{page.name})" not in readme] == []


def calls_to(tree: ast.AST, method: str) -> list[ast.Call]:
    """Every call of `<something>.<method>(...)` in `tree`."""
    return [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == method
    ]


def test_the_readme_opens_with_the_support_bot() -> None:
    """The first usage a reader sees is the support-bot loop: over the chats that wait for the
    seller (get_chats with WAITING_FOR_PARTNER), read each one's history and answer in it."""
    first = BLOCKS[0]
    loops = [
        node
        for node in ast.walk(ast.parse(first))
        if isinstance(node, ast.For)
        and any("WAITING_FOR_PARTNER" in ast.unparse(call) for call in calls_to(node.iter, "get_chats"))
    ]
    assert loops, (
        f"the README's first Python block does not loop over get_chats(... WAITING_FOR_PARTNER):\n{first}"
    )
    inside = ast.Module(body=loops[0].body, type_ignores=[])
    assert calls_to(inside, "get_chat_history"), "the loop does not read the chat's history"
    assert calls_to(inside, "send_message_to_chat"), "the loop does not answer in the chat"


@pytest.fixture(scope="module")
def block_files(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("readme")
    files = []
    for number, block in enumerate(BLOCKS, 1):
        path = folder / f"readme_block_{number}.py"
        path.write_text(block, encoding="utf-8")
        files.append(path)
    return files


def test_every_block_passes_mypy_strict(block_files: list[Path]) -> None:
    checked = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(MYPY_CACHE), *map(str, block_files)],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=block_files[0].parent,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr


@pytest.mark.parametrize("number", range(1, len(BLOCKS) + 1))
def test_every_block_runs_against_the_mock(number: int, block_files: list[Path], prism_url: str) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("YANDEX_MARKET_")}
    env.update(ENVIRONMENT, YANDEX_MARKET_BASE_URL=prism_url)
    ran = subprocess.run(
        [sys.executable, str(block_files[number - 1])],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=block_files[0].parent,
    )
    assert ran.returncode == 0, f"README block {number}:\n{BLOCKS[number - 1]}\n{ran.stdout}\n{ran.stderr}"


def test_the_first_loop_does_not_spam_when_run_again(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run from cron, the README's ten lines answer a waiting chat once: a second run, whose
    history ends with the bot's own answer, sends nothing (the chat still reads as waiting)."""
    answer = SPEC_OPERATIONS["getChatHistory"].example_answer(200)  # the buyer wrote last
    answer["result"]["paging"] = {}
    history: list[dict[str, Any]] = answer["result"]["messages"]
    sent: list[str] = []

    def serve(request: httpx.Request) -> httpx.Response:
        path = request.url.path
        if path.endswith("/chats"):  # the spec's example list of chats, without a next page
            chats = SPEC_OPERATIONS["getChats"].example_answer(200)
            chats["result"]["paging"] = {}
            return httpx.Response(200, json=chats)
        if path.endswith("/chats/history"):
            return httpx.Response(200, json=answer)
        if path.endswith("/chats/message") and request.method == "POST":
            sent.append(json.loads(request.content)["message"])
            mine = {key: value for key, value in history[0].items() if key != "payload"}
            mine |= {"messageId": max(m["messageId"] for m in history) + 1, "sender": "PARTNER"}
            history.append(mine | {"message": sent[-1]})
            return httpx.Response(200, json={"status": "OK"})
        return httpx.Response(404, json={"status": "ERROR", "errors": [{"code": "NOT_FOUND"}]})

    class Served(yandex_market_chat.YandexMarketChat):
        def __init__(self, **options: Any) -> None:
            super().__init__(http_client=httpx.Client(transport=httpx.MockTransport(serve)), **options)

    for name, value in ENVIRONMENT.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr(yandex_market_chat, "YandexMarketChat", Served)
    for _ in range(3):
        exec(compile(BLOCKS[0], "README block 1", "exec"), {"__name__": "__main__"})
    waiting = len(SPEC_OPERATIONS["getChats"].example_answer(200)["result"]["chats"])
    assert len(sent) == waiting, f"{sent}: each waiting chat answered once over three runs"
