"""The examples run, end to end, against Prism serving the spec (what `make demo` does). `make demo`
and `make mock` start their own Prism (that is what they do); the support bot's test takes the
run's (`prism_url`)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from yandex_market_chat import APIConnectionError, YandexMarketChat

ROOT = Path(__file__).resolve().parent.parent


def test_demo_runs_the_examples_against_the_mock() -> None:
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
    # The notification bot: PING and the notifications acknowledged, the malformed one refused, the
    # message notified twice answered once.
    posted = {line.split("->")[0].split("POST", 1)[1].strip(): line.split("->")[1].split()[0]
              for line in lines if line.strip().startswith("POST ")}  # fmt: skip
    assert posted == {
        "PING": "200",
        "CHAT_CREATED": "200",
        "CHAT_MESSAGE_SENT": "200",
        "CHAT_MESSAGE_SENT again": "200",
        "malformed": "400",
    }, lines
    assert lines.count("chat 92837461 message 1001: answered") == 1, lines
    assert "sendFileToChat    -> status OK" in lines
    assert any("a 420 answer      -> RateLimitError" in line for line in lines), lines
    assert "chat 92837461: 2 new buyer message(s)" in lines, lines
    # Two buyer messages in a row are one turn: one reply, not one per message.
    assert "  messages 1001, 1002: answered with one reply" in lines, lines


def test_the_support_bot_answers_a_turn_once_and_never_twice(prism_url: str, tmp_path: Path) -> None:
    """The mock's history holds two buyer messages in a row: one reply for both. Run twice with one
    state file: the second run finds nothing new, though the mock sends the same history again."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("YANDEX_MARKET_")}
    env.update(
        YANDEX_MARKET_API_KEY="fake-api-key-for-tests-0000",
        YANDEX_MARKET_BUSINESS_ID="1234567",
        YANDEX_MARKET_BASE_URL=prism_url,
        SUPPORT_BOT_STATE=str(tmp_path / "state.json"),
    )
    runs = [
        subprocess.run(
            [sys.executable, str(ROOT / "examples" / "support_bot.py")],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        for _ in range(2)
    ]
    assert [run.returncode for run in runs] == [0, 0], [run.stderr for run in runs]
    assert runs[0].stdout.count(": answered") == 1, runs[0].stdout
    assert "messages 1001, 1002: answered with one reply" in runs[0].stdout, runs[0].stdout
    assert ": answered" not in runs[1].stdout and "0 new buyer message(s)" in runs[1].stdout, runs[1].stdout


def test_make_mock_serves_the_api_where_it_says(tmp_path: Path) -> None:
    """`make mock PORT=N` prints the YANDEX_MARKET_BASE_URL to export, and a client pointed there
    gets the spec's example answers; it runs until stopped."""
    sys.path.insert(0, str(ROOT / "openapi"))
    from prism import free_port

    port = free_port()
    mock = subprocess.Popen(
        ["make", "--no-print-directory", "mock", f"PORT={port}"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    try:
        assert mock.stdout is not None
        first = mock.stdout.readline()
        assert first.startswith(f"export YANDEX_MARKET_BASE_URL=http://127.0.0.1:{port} "), first
        base_url = first.split("=", 1)[1].split()[0]
        with YandexMarketChat(
            api_key="fake-api-key-for-tests-0000", business_id=1, base_url=base_url
        ) as chat:
            deadline = time.monotonic() + 60
            while True:  # Prism listens a moment after it is started
                try:
                    answer = chat.get_chat_history(chat_id=1)
                    break
                except APIConnectionError:
                    assert time.monotonic() < deadline, "make mock did not start listening in 60 s"
            assert [message.message_id for message in answer] == [1001, 1002]
    finally:
        os.killpg(mock.pid, signal.SIGTERM)
        mock.wait(timeout=30)
