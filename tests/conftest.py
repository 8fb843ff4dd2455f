"""Shared helpers: paths of the bundled data and a runner for the real command line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SEED = EXAMPLES / "poutine-bielorussie.fr.txt"
SEED_CLEAN = EXAMPLES / "expected" / "poutine-bielorussie.clean.fr.txt"
CORPUS = Path(__file__).resolve().parent / "data" / "fr-news-dev.jsonl"


def run_cli(*args: str, stdin: bytes | None = None, cwd: Path | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run ``python -m translator ARGS`` as a user would; output is kept as bytes."""
    return subprocess.run(
        [sys.executable, "-m", "translator", *args],
        input=stdin,
        capture_output=True,
        cwd=cwd or ROOT,
        env={**os.environ, **(env or {})},
        timeout=120,
    )


@pytest.fixture
def cli():
    return run_cli
