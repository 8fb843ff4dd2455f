"""Glossaries through the command line, on real test packages: correct English passes
--check, messages and pages name glossary files as the user gave them."""

import xml.etree.ElementTree as ET

import pytest

from .conftest import Workspace
from .support.tiny_model import DEFAULT_DICTIONARY, build_tiny_package


@pytest.fixture(scope="module")
def possessive_model(tmp_path_factory):
    """A workspace whose model writes "Russia's" for the adjective whatever it is handed
    (the target, a placeholder or the French), and "closed" for « fermées » or "shut"."""
    root = tmp_path_factory.mktemp("possessive")
    dictionary = {**DEFAULT_DICTIONARY, "Russian": "Russia's", "ZXQ0": "Russia's", "russes": "Russia's",
                  "frontières": "borders", "fermées": "closed", "shut": "closed"}
    workspace = Workspace(root)
    result = workspace.run("models", "install", str(build_tiny_package(root / "build", dictionary)))
    assert result.returncode == 0, result.stderr
    return workspace


def test_check_passes_on_correct_english_using_an_alternative(possessive_model):
    article = possessive_model.root / "frontieres.fr.txt"
    article.write_text("Les frontières russes sont fermées.\n", encoding="utf-8")
    result = possessive_model.run("translate", "--to", "en", "--check", str(article))
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout.decode() == "The borders Russia's are closed.\n"


def test_check_still_fails_on_a_real_violation(possessive_model):
    glossary = possessive_model.root / "newsroom.tsv"
    glossary.write_text("fr\ten\nfermées\tshut\n", encoding="utf-8")
    article = possessive_model.root / "fermees.fr.txt"
    article.write_text("Les frontières sont fermées.\n", encoding="utf-8")
    result = possessive_model.run("translate", "--to", "en", "--check", "--glossary", str(glossary), "--format", "xliff", str(article))
    assert result.returncode == 1
    notes = [n.text for n in ET.fromstring(result.stdout).iter("{urn:oasis:names:tc:xliff:document:2.0}note")
             if n.get("category") == "violation"]
    assert notes == ["glossary: 'fermées' must become 'shut' (newsroom.tsv:2); not found in the translation"]


def test_the_review_page_names_the_glossary_files(installed):
    glossary = installed.root / "desk" / "newsroom.tsv"
    glossary.parent.mkdir()
    glossary.write_text("fr\ten\nMinsk\tMensk\n", encoding="utf-8")
    article = installed.root / "minsk.fr.txt"
    article.write_text("Poutine est à Minsk.\n", encoding="utf-8")
    page = installed.root / "minsk.html"
    result = installed.run("review", article.name, "--to", "en", "--glossary", str(glossary), "-o", str(page))
    assert result.returncode == 0, result.stderr.decode()
    html = page.read_text(encoding="utf-8")
    assert "built-in fr-en/names.yaml + desk/newsroom.tsv" in html
    assert str(installed.root) not in html
