"""Run Prism (the pinned @stoplight/prism-cli from node_modules) on the spec, on loopback.

    with serve_prism() as base_url:                      # prism mock <spec>
        ...
    with serve_prism("proxy", upstream="https://api.partner.market.yandex.ru") as base_url:
        ...                                              # prism proxy <spec> <upstream>

The server listens on 127.0.0.1 on a free port; `serve_prism` waits until it accepts
connections, yields its base URL and stops it (its whole process group) on exit. If Prism
cannot start, it raises PrismError carrying Prism's own output: callers never run without it.
`start_prism` / `stop_prism` are the same two halves for a server that outlives one `with`
block (the tests' one mock per run, tests/prism_per_run.py).

Prism answers every request it cannot match to the spec, or whose parameters or body break it,
with an `sl-violations` header (see `VIOLATIONS_HEADER`); in mock mode `Prefer: code=N` picks
the documented response with status N.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Literal

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "openapi" / "yandex-market-chat.yaml"
PRISM = ROOT / "node_modules" / ".bin" / "prism"
HOST = "127.0.0.1"
VIOLATIONS_HEADER = "sl-violations"
"""The response header in which Prism lists what in an exchange breaks the spec."""

Mode = Literal["mock", "proxy"]


class PrismError(RuntimeError):
    """Prism could not be started (or stopped answering while it was starting)."""


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        port: int = probe.getsockname()[1]
        return port


def prism_command(mode: Mode, port: int, spec: Path = SPEC, upstream: str | None = None) -> list[str]:
    """The command line that serves `spec` on HOST:port (CORS headers off: they are noise here)."""
    if mode == "proxy":
        if not upstream:
            raise ValueError("prism proxy needs an upstream URL")
        positional = [str(spec), upstream]
    elif mode == "mock":
        if upstream is not None:
            raise ValueError("prism mock takes no upstream")
        positional = [str(spec)]
    else:
        raise ValueError(f"unknown Prism mode {mode!r}: use 'mock' or 'proxy'")
    return [str(PRISM), mode, *positional, "--host", HOST, "--port", str(port), "--cors=false"]


def _accepts_connections(port: int) -> bool:
    try:
        with socket.create_connection((HOST, port), timeout=0.5):
            return True
    except OSError:
        return False


def _read(log: IO[bytes]) -> str:
    log.flush()
    log.seek(0)
    return log.read().decode(errors="replace")


def stop_prism(process: subprocess.Popen[bytes]) -> None:
    """Stop Prism and anything it started (it runs in its own process group); wait until it has exited."""
    if process.poll() is not None:
        return
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    except ProcessLookupError:
        process.wait()


def _start(command: list[str], port: int, log: IO[bytes], timeout: float) -> subprocess.Popen[bytes]:
    """Start Prism and wait until it accepts connections; raise PrismError with its output if not."""
    try:
        process = subprocess.Popen(
            command,
            cwd=ROOT,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    except OSError as exc:
        raise PrismError(f"cannot run {command[0]} ({exc}): run `make install` (npm ci)") from exc
    deadline = time.monotonic() + timeout
    try:
        while True:
            if process.poll() is not None:
                raise PrismError(
                    f"Prism exited with status {process.returncode} before it was ready.\n"
                    f"command: {' '.join(command)}\noutput:\n{_read(log)}"
                )
            if _accepts_connections(port) and process.poll() is None:
                return process
            if time.monotonic() > deadline:
                raise PrismError(
                    f"Prism did not accept connections on {HOST}:{port} within {timeout:.0f} s.\n"
                    f"command: {' '.join(command)}\noutput:\n{_read(log)}"
                )
            time.sleep(0.1)
    except BaseException:  # not ready, a timeout, Ctrl-C while waiting: nothing is left running
        stop_prism(process)
        raise


def start_prism(
    mode: Mode = "mock",
    *,
    log: IO[bytes],
    upstream: str | None = None,
    spec: Path = SPEC,
    startup_timeout: float = 60.0,
    attempts: int = 3,
) -> tuple[subprocess.Popen[bytes], str]:
    """Start Prism serving `spec` on a free loopback port, its output going to `log` (readable);
    once it accepts connections, return the process (in a process group of its own: stop it with
    `stop_prism`) and its base URL (http://127.0.0.1:N).

    A port taken by someone else between choosing it and Prism binding it is retried with
    another port (`attempts` times); any other failure raises PrismError with Prism's output.
    """
    if not PRISM.exists():
        raise PrismError(f"{PRISM} is missing: run `make install` (npm ci installs the pinned Prism)")
    for attempt in range(1, attempts + 1):
        port = free_port()
        command = prism_command(mode, port, spec, upstream)
        try:
            process = _start(command, port, log, startup_timeout)
        except PrismError:
            if attempt == attempts or "EADDRINUSE" not in _read(log):
                raise
            log.seek(0)
            log.truncate()
            continue
        return process, f"http://{HOST}:{port}"
    raise ValueError(f"attempts must be at least 1, not {attempts}")


@contextmanager
def serve_prism(
    mode: Mode = "mock",
    *,
    upstream: str | None = None,
    spec: Path = SPEC,
    startup_timeout: float = 60.0,
    attempts: int = 3,
) -> Iterator[str]:
    """Serve `spec` with Prism on a free loopback port; yield the base URL (http://127.0.0.1:N)
    and stop Prism on exit (`start_prism` says how it starts and fails)."""
    with tempfile.TemporaryFile(prefix="prism-") as log:
        process, base_url = start_prism(
            mode, log=log, upstream=upstream, spec=spec, startup_timeout=startup_timeout, attempts=attempts
        )
        try:
            yield base_url
        finally:
            stop_prism(process)
