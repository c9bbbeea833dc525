"""Expensive set-up made once per test run and shared by pytest-xdist's workers.

A module-scoped fixture runs once per worker; `built_once` makes the folder once per run: under
xdist every worker asks for the same folder beside its own temporary directory, and the first to
take the folder's lock builds it while the others wait, then read it. A build that fails leaves
no mark, so the next worker tries again and fails the same way (each test shows the error).
"""

from __future__ import annotations

import fcntl
from collections.abc import Callable
from pathlib import Path

import pytest


def built_once(
    factory: pytest.TempPathFactory, worker_id: str, name: str, build: Callable[[Path], object]
) -> Path:
    """The folder `name` after `build(folder)` has run in it once in this run of the tests."""
    if worker_id == "master":
        folder = factory.mktemp(name)
        build(folder)
        return folder
    folder = factory.getbasetemp().parent / name
    folder.mkdir(exist_ok=True)
    with open(folder.parent / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            if not (folder / ".built").exists():
                build(folder)
                (folder / ".built").touch()
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
    return folder
