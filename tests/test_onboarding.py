"""What a new user reads first says how to reach the command and where the model is."""

from __future__ import annotations

import re

from translator.translate.packages import KNOWN_PACKAGES

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_readme_says_how_to_call_the_command_after_make_demo():
    assert ". .venv/bin/activate" in README and ".venv/bin/translator" in README
    assert ". .venv/bin/activate" in (ROOT / "Makefile").read_text(encoding="utf-8")


def test_the_readme_gives_the_official_package_its_full_checksum_and_where_to_get_it():
    [(name, (size, sha256))] = KNOWN_PACKAGES.items()
    assert name in README and f"{size:,}" in README and sha256 in README
    assert "https://raw.githubusercontent.com/argosopentech/argospm-index/main/index.json" in README


def test_the_readme_says_what_make_test_installs():
    assert re.search(r"about \d(\.\d)? GB", README) and "chromium" in README and "root" in README
