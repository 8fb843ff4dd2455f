"""QA in ``run`` and ``review`` from the command line: the glossary given, resumed runs,
the index and the console when QA was skipped.  LanguageTool is the STAND-IN server of
tests/support/languagetool_standin.py (a real one cannot run here)."""

from __future__ import annotations

import html
import json
import re

import pytest

from .support.languagetool_standin import LanguageToolStandIn

ARTICLES = {
    "a.fr.txt": "Titre\n\nMaria Kolesnikova a recu le prix.\n",
    "b.fr.txt": "Titre\n\nLe vote a eu lieu à Minsk.\n",
    "c.fr.txt": "Titre\n\nIl a recu la lettre.\n",
}


@pytest.fixture
def standin():
    with LanguageToolStandIn() as server:
        yield server


@pytest.fixture
def articles(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def dead_url():
    with LanguageToolStandIn() as server:
        return server.url


def qa_of(out, name):
    report = json.loads((out / f"{name}.report.json").read_text(encoding="utf-8"))
    return report["qa"], [f["original"] for f in report["findings"] if f["source"] == "qa"]


def grammar_column(out) -> dict[str, str]:
    """The index's "grammar and style" cell of each article."""
    page = (out / "index.html").read_text(encoding="utf-8")
    rows = re.findall(r'<tr class="[^"]*">(.*?)</tr>', page)
    return {re.search(r'<a href="([^"]*)\.review\.html">', row)[1]:
            html.unescape(re.search(r'<td data-column="grammar and style">([^<]*)</td>', row)[1]) for row in rows}


def test_run_and_review_check_grammar_with_the_glossary_given(workspace, standin, articles, tmp_path):
    glossary = tmp_path / "names.tsv"
    glossary.write_text("Maria Kolesnikova\tMaria Kalesnikava\n", encoding="utf-8")
    article = articles / "a.fr.txt"

    for given, known in ((), False), (("--glossary", str(glossary)), True):
        out = tmp_path / f"out-{known}"
        result = workspace.run("run", str(articles), "--qa", "--languagetool", standin.url, "-o", str(out), *given)
        assert result.returncode == 0, result.stderr
        assert ("Kolesnikova" in qa_of(out, "a")[1]) is not known
        page = workspace.run("review", str(article), "--qa", "--languagetool", standin.url, *given).stdout.decode()
        assert (re.search(r'class="mark [^"]*qa[^"]*"[^>]*>Kolesnikova<', page) is None) is known
        assert re.search(r'class="mark [^"]*qa[^"]*"[^>]*>recu<', page)


def test_run_then_run_with_qa_checks_every_article(workspace, standin, articles, tmp_path):
    out = tmp_path / "out"
    assert "3 done, 0 up to date" in workspace.run("run", str(articles), "-o", str(out)).stderr.decode()

    result = workspace.run("run", str(articles), "--qa", "--languagetool", standin.url, "-o", str(out))

    assert "3 done, 0 up to date" in result.stderr.decode()
    assert qa_of(out, "c") == ({"cleaned": {"language": "fr", "status": "done"}}, ["recu"])
    assert grammar_column(out) == {"a": "2", "b": "0", "c": "1"}
    again = workspace.run("run", str(articles), "--qa", "--languagetool", standin.url, "-o", str(out))
    assert "0 done, 3 up to date" in again.stderr.decode()


def test_qa_skipped_while_the_server_was_down_is_redone_when_it_is_back(workspace, dead_url, articles, tmp_path):
    out = tmp_path / "out"
    result = workspace.run("run", str(articles), "--qa", "--languagetool", dead_url, "-o", str(out))
    assert result.returncode == 0, result.stderr
    [summary] = [line for line in result.stderr.decode().splitlines() if line.startswith("QA skipped for")]
    assert summary.startswith("QA skipped for 3 of 3 articles: LanguageTool server") and "does not answer" in summary
    assert qa_of(out, "a")[0]["cleaned"]["status"] == "skipped"
    assert grammar_column(out) == {"a": "skipped", "b": "skipped", "c": "skipped"}  # not 0
    still_down = workspace.run("run", str(articles), "--qa", "--languagetool", dead_url, "-o", str(out)).stderr.decode()
    assert "0 done, 3 up to date" in still_down and "QA skipped for 3 of 3 articles" in still_down

    with LanguageToolStandIn() as server:
        back = workspace.run("run", str(articles), "--qa", "--languagetool", server.url, "-o", str(out)).stderr.decode()

    assert "3 done, 0 up to date" in back and "QA skipped" not in back
    assert qa_of(out, "a") == ({"cleaned": {"language": "fr", "status": "done"}}, ["Kolesnikova", "recu"])
    assert grammar_column(out) == {"a": "2", "b": "0", "c": "1"}


def test_a_server_that_dies_mid_run_is_said_on_the_console_and_in_the_index(workspace, articles, tmp_path):
    out = tmp_path / "out"
    with LanguageToolStandIn(stop_after_checks=2) as server:  # the probe, then article a
        result = workspace.run("run", str(articles), "--qa", "--languagetool", server.url, "-o", str(out))

    assert result.returncode == 0, result.stderr
    assert f"QA skipped for 2 of 3 articles: LanguageTool server {server.url} stopped answering" in result.stderr.decode()
    assert grammar_column(out) == {"a": "2", "b": "skipped", "c": "skipped"}
