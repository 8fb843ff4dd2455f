"""Shared helpers: paths of the bundled data and a runner for the real command line."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .support.shared import built_once

# CTranslate2 otherwise starts an OpenMP thread per core in each process and spins them
# while waiting: with the test workers and their subprocesses sharing the cores, that
# multiplies the CPU a translation takes. The translations are the same either way.
os.environ.setdefault("OMP_NUM_THREADS", "1")

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


NO_NETWORK = Path(__file__).resolve().parent / "support" / "no_network"


@pytest.fixture(scope="session")
def tiny_package(tmp_path_factory) -> Path:
    """A small real Argos package (CTranslate2 + SentencePiece) built for the tests."""
    from .support.tiny_model import build_tiny_package

    return built_once(tmp_path_factory, "tiny-package", build_tiny_package)


class Workspace:
    """A user's machine for the translate tests: its own model folder, caches and
    settings, no network (every attempt is logged), and the real command line."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.packages = root / "packages"
        self.network_log = root / "network.log"
        self.env = {
            "ARGOS_PACKAGES_DIR": str(self.packages),
            "XDG_DATA_HOME": str(root / "data"),
            "XDG_CACHE_HOME": str(root / "cache"),
            "XDG_CONFIG_HOME": str(root / "config"),
            "HOME": str(root / "home"),
            "PYTHONPATH": os.pathsep.join([str(NO_NETWORK), str(ROOT)]),
            "TRANSLATOR_TEST_NETWORK_LOG": str(self.network_log),
        }

    def run(self, *args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
        return run_cli(*args, stdin=stdin, cwd=self.root, env=self.env)

    def network_attempts(self) -> list[str]:
        return self.network_log.read_text().splitlines() if self.network_log.exists() else []


@pytest.fixture
def workspace(tmp_path) -> Workspace:
    return Workspace(tmp_path)


@pytest.fixture(scope="session")
def installed_packages(tmp_path_factory, tiny_package) -> Path:
    """A model folder holding the tiny fr→en package, installed through the command line."""

    def install(root: Path) -> Path:
        workspace = Workspace(root)
        result = workspace.run("models", "install", str(tiny_package))
        assert result.returncode == 0, result.stderr
        return workspace.packages

    return built_once(tmp_path_factory, "installed", install)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test given an installed model translates through the command line: slow."""
    for item in items:
        if "installed" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.slow)


@pytest.fixture
def installed(workspace, installed_packages) -> Workspace:
    """A workspace with the tiny fr→en package installed through the command line (once
    per run: each workspace gets its own copy of the installed model folder)."""
    shutil.copytree(installed_packages, workspace.packages)
    return workspace


CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    if executable is None:
        if os.environ.get("CI"):
            pytest.fail("Chromium is required in CI (make test installs Debian's chromium package)")
        pytest.skip("no Chromium on this machine: install Debian's chromium package to run the browser tests")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        # launch_persistent_context: our own fresh --user-data-dir, as the issue asks
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")), executable_path=executable, args=CHROMIUM_ARGS,
            headless=True, viewport={"width": 1400, "height": 900},
        )
        yield context
        context.close()


@pytest.fixture(scope="module")
def seed_review(tmp_path_factory, tiny_package):
    workspace = Workspace(tmp_path_factory.mktemp("review"))
    assert workspace.run("models", "install", str(tiny_package)).returncode == 0
    page = workspace.root / "review.html"
    result = workspace.run("review", str(SEED), "--to", "en", "-o", str(page))
    assert result.returncode == 0, result.stderr
    return page
