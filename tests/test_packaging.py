"""`pip install` users get the built-in rules and glossaries inside the package."""

import subprocess
import sys
import zipfile

import pytest

from .conftest import ROOT


@pytest.mark.slow
def test_the_wheel_carries_rules_and_glossaries_and_uses_them(tmp_path):
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(tmp_path), str(ROOT)],
        check=True, capture_output=True,
    )
    [wheel] = tmp_path.glob("translator-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        assert {"translator/data/rules/fr/persona.yaml", "translator/data/rules/fr/structure.yaml",
                "translator/data/glossaries/fr-en/names.yaml", "translator/cli/__init__.py",
                "translator/review/assets/review.css", "translator/review/assets/review.js",
                "translator/review/assets/index.css"} <= names
        archive.extractall(tmp_path / "installed")
    listing = subprocess.run(
        [sys.executable, "-m", "translator", "rules", "list"], cwd=tmp_path,
        env={"PYTHONPATH": str(tmp_path / "installed"), "PATH": "/usr/bin:/bin"}, capture_output=True, check=True,
    ).stdout.decode()
    assert "installed/translator/data/rules/fr/persona.yaml" in listing  # shown relative to the current folder
