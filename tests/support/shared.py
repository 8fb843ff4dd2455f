"""Build an expensive test resource once per run, even when pytest-xdist runs the
suite in several worker processes."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest


def built_once(tmp_path_factory: pytest.TempPathFactory, name: str, build: Callable[[Path], Path]) -> Path:
    """``build(folder)`` run once for the whole test run; every worker gets its result.

    Under pytest-xdist the first worker to ask builds it in the run's shared temporary
    folder while holding a lock; the others wait, then reuse it (read it, never change it).
    """
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        return build(tmp_path_factory.mktemp(name))
    import fcntl

    shared = tmp_path_factory.getbasetemp().parent  # this run's folder, above each worker's
    built = shared / f"{name}.built"  # holds the path build() returned
    with (shared / f"{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        if not built.exists():
            folder = shared / name
            folder.mkdir(exist_ok=True)
            result = build(folder)
            built.write_text(str(result), encoding="utf-8")
    return Path(built.read_text(encoding="utf-8"))
