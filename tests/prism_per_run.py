"""One Prism mock of the spec per test run, shared by pytest-xdist's workers.

Prism mock is stateless (it answers every request from the spec's examples), so every test that
only needs "Prism serving the spec" can share one, and each start of it costs seconds of CPU. The
first worker that asks takes a lock in the run's shared temporary folder (the folder
`once_per_run.built_once` builds in: the controller's basetemp, the parent of each worker's),
starts Prism and writes its address and process id there; the others read them. Prism runs in a
process group of its own, so it outlives the worker that started it (workers finish at different
times), and the process that runs the session stops it when the session ends (`stop`, from
tests/conftest.py's `pytest_sessionfinish`): xdist's controller, or pytest itself without xdist,
whether the tests passed, failed or were interrupted (pytest runs that hook after Ctrl-C too). A
pytest that a test starts (the representative run, on another spec) is a session of its own, with
its own temporary folder, so it never shares this one.
"""

from __future__ import annotations

import fcntl
import json
import os
import select
import signal
import subprocess
from pathlib import Path
from typing import TypedDict

import pytest
from prism import start_prism, stop_prism

NAME = "prism-mock"
"""Its files in the run's folder: NAME.json (a `State`), NAME.lock, NAME.log (Prism's output)."""


class State(TypedDict):
    """The running mock, as the run's folder records it."""

    url: str
    pid: int
    """Prism's process id, which is also its process group's."""
    spec: str


_STARTED: dict[int, subprocess.Popen[bytes]] = {}
"""The servers this process started, by pid: stopped (and waited for) through their Popen."""


def run_folder(config: pytest.Config) -> Path:
    """The folder every process of this test run shares (as `once_per_run.built_once`'s)."""
    factory: pytest.TempPathFactory = config._tmp_path_factory  # type: ignore[attr-defined]  # pytest's own
    basetemp = factory.getbasetemp()
    return basetemp.parent if hasattr(config, "workerinput") else basetemp


def prism_url(config: pytest.Config, spec: Path) -> str:
    """The base URL of the run's Prism mock of `spec`, started now if no process has yet.

    If it cannot start, PrismError (with Prism's output) is raised here and nothing is recorded:
    the next process tries again and fails the same way, so every test that needs it errors."""
    folder = run_folder(config)
    with open(folder / f"{NAME}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        state = _read(folder)
        if state is not None:
            if state["spec"] == str(spec) and _running(state["pid"]):
                return state["url"]
            _stop(state["pid"])  # it died, or serves another spec: a fresh one
        with open(folder / f"{NAME}.log", "w+b") as log:
            process, url = start_prism("mock", log=log, spec=spec)
        _STARTED[process.pid] = process
        (folder / f"{NAME}.json").write_text(json.dumps(State(url=url, pid=process.pid, spec=str(spec))))
        return url


def stop(config: pytest.Config) -> None:
    """Stop the run's Prism mock, if one was started; for the session's own process to call."""
    folder = run_folder(config)
    state = _read(folder)
    if state is not None:
        _stop(state["pid"])
        (folder / f"{NAME}.json").unlink()


def _read(folder: Path) -> State | None:
    try:
        state: State = json.loads((folder / f"{NAME}.json").read_text())
    except FileNotFoundError:
        return None
    return state


def _running(pid: int) -> bool:
    """Whether process `pid` runs (not exited, nor a zombie that nobody has reaped yet)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def _stop(pid: int) -> None:
    """Stop Prism's process group: through its Popen where this process started it, else by
    signals (its worker may have exited: Prism then belongs to whoever reaps orphans)."""
    if pid in _STARTED:
        stop_prism(_STARTED.pop(pid))
        return
    try:
        exited = os.pidfd_open(pid)  # (readable once the process has exited: waited for, not polled)
    except ProcessLookupError:
        return
    try:
        os.killpg(pid, signal.SIGTERM)
        if not select.select([exited], [], [], 10)[0]:
            os.killpg(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    finally:
        os.close(exited)
