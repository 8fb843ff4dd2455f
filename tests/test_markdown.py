"""Markdown: the rules read the text, the output keeps the markup around what survives.
Fixtures: tests/data/markdown/NAME.md, with NAME.clean.md beside it when the cleaning
changes it (byte for byte what `translator clean NAME.md` writes)."""

from __future__ import annotations

import json

import pytest

from translator.io.formats import read_articles

from .conftest import ROOT, run_cli

MARKDOWN = ROOT / "tests" / "data" / "markdown"


def test_a_spun_markdown_article_is_cleaned_with_its_markup_kept(tmp_path):
    out = tmp_path / "clean.md"
    result = run_cli("clean", str(MARKDOWN / "poutine-spun.md"), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert out.read_bytes() == (MARKDOWN / "poutine-spun.clean.md").read_bytes()
    lines = result.stderr.decode().splitlines()
    assert lines[0] == (f"{MARKDOWN / 'poutine-spun.md'} (text without markup):4:1: error fr.duplicate-headline: "
                        "Headline repeated in the body: one copy is kept [deleted 82 characters]")


def test_the_rules_read_the_text_without_markup_and_the_front_matter_is_metadata():
    [article] = read_articles(str(MARKDOWN / "poutine-spun.md"))
    assert "**" not in article.text and "](" not in article.text and "# " not in article.text
    assert "pour un voyage officiel de deux jours" in article.text
    assert "- les lanceurs de missiles Iskander ;" not in article.text and "les lanceurs de missiles Iskander ;" in article.text
    assert article.metadata == {"title": "Poutine discutera de la « deuxième phase » des exercices nucléaires avec son allié",
                                "published_at": "2024-05-24", "author": "Rédaction web"}
    report = json.loads(run_cli("clean", "--format", "json", str(MARKDOWN / "poutine-spun.md")).stdout)
    assert report["source"]["text"] == "text without markup" and report["source"]["published_at"] == "2024-05-24"
    for finding in report["findings"]:
        assert article.text[finding["start"] : finding["end"]] == finding["original"]


def test_a_real_markdown_article_comes_out_byte_identical_with_no_finding(tmp_path):
    out = tmp_path / "clean.md"
    result = run_cli("clean", str(MARKDOWN / "google-real.md"), "-o", str(out))
    assert result.returncode == 0 and result.stderr == b""
    assert out.read_bytes() == (MARKDOWN / "google-real.md").read_bytes()


@pytest.mark.parametrize("name", ["poutine-spun", "google-real"])
def test_crlf_markdown_keeps_its_line_endings(name, tmp_path):
    source, out = tmp_path / f"{name}.md", tmp_path / "out.md"
    source.write_bytes((MARKDOWN / f"{name}.md").read_bytes().replace(b"\n", b"\r\n"))
    expected = MARKDOWN / f"{name}.clean.md" if (MARKDOWN / f"{name}.clean.md").exists() else MARKDOWN / f"{name}.md"
    assert run_cli("clean", str(source), "-o", str(out)).returncode == 0
    assert out.read_bytes() == expected.read_bytes().replace(b"\n", b"\r\n")


def test_emphasis_and_links_cut_by_an_edit_keep_their_markers_around_what_is_left(tmp_path):
    article = tmp_path / "a.md"
    article.write_text(
        "# Le conseil municipal vote le budget\n\n"
        "**J’ai observé** que le conseil a voté le budget mardi.\n\n"
        "J’ai observé que **les élus** ont adopté [le texte](https://example.fr/budget) à l’unanimité.\n\n"
        "J’ai appris que [la mairie](https://example.fr) publiera les comptes en juin.\n",
        encoding="utf-8",
    )
    result = run_cli("clean", str(article))
    assert result.stdout.decode() == (
        "# Le conseil municipal vote le budget\n\n"
        "Le conseil a voté le budget mardi.\n\n"
        "**Les élus** ont adopté [le texte](https://example.fr/budget) à l’unanimité.\n\n"
        "[La mairie](https://example.fr) publiera les comptes en juin.\n"
    )


def test_a_page_or_text_cleaned_as_markdown_escapes_what_would_be_markup(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Titre\n\nLe prix_unitaire passe à 3 * 2 euros.\n# 1 n’est pas un titre.\n", encoding="utf-8")
    result = run_cli("clean", "--format", "markdown", str(article), "-o", f"{tmp_path / 'out'}/")
    assert result.returncode == 0, result.stderr
    written = (tmp_path / "out" / "a.md").read_text(encoding="utf-8")
    assert written == "Titre\n\nLe prix\\_unitaire passe à 3 \\* 2 euros.\n\\# 1 n’est pas un titre.\n"
    [back] = read_articles(str(tmp_path / "out" / "a.md"))
    assert back.text == article.read_text(encoding="utf-8")
