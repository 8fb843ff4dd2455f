"""Precision: 250 real French news articles (CC BY-SA 4.0, see data/fr-news-dev.README.md)
come out of the cleaner unchanged, headline kept, with nothing reported."""

import json

import pytest

from translator import clean_text, load_rules

from .conftest import CORPUS, run_cli

ARTICLES = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]
RULES = load_rules()


def test_the_corpus_holds_250_articles():
    assert len(ARTICLES) == 250


@pytest.mark.parametrize("article", ARTICLES, ids=[a["id"] for a in ARTICLES])
def test_real_article_is_unchanged_with_no_finding(article):
    text = f"{article['title']}\n\n{article['text']}"
    result = clean_text(text, RULES)
    assert result.text == text
    assert result.findings == ()
    assert result.text.startswith(article["title"] + "\n")


@pytest.mark.parametrize("article", ARTICLES, ids=[a["id"] for a in ARTICLES])
def test_real_article_with_standfirst_and_final_newline_is_unchanged(article):
    standfirst = f"{article['heading']}\n\n" if article["heading"] else ""
    text = f"{article['title']}\n\n{standfirst}{article['text']}\n"
    assert clean_text(text, RULES).text == text


def test_the_command_line_leaves_every_article_file_unchanged(tmp_path):
    source, target = tmp_path / "in", tmp_path / "out"
    source.mkdir()
    for article in ARTICLES:
        (source / f"{article['id']}.txt").write_text(f"{article['title']}\n\n{article['text']}\n", encoding="utf-8")
    result = run_cli("clean", str(source), "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert result.stderr == b""
    for original in source.iterdir():
        assert (target / original.name).read_bytes() == original.read_bytes()
