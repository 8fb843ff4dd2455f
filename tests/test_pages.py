"""Web pages: the article is extracted from real page shapes (a WordPress blog, a national
daily with <article>, a regional site of <div>s and <br>s in windows-1252, an AMP page),
each around a real article of data/fr-news-dev.jsonl and around a bot's rewrite, with
the navigation, share bars, related links, comments, cookie notices and metadata such
sites carry.  The fixtures are tests/data/pages/*.html, with the cleaned text expected
beside each (NAME.expected.txt) and what the page says of itself in pages.yaml."""

from __future__ import annotations

import json
import re

import jsonschema
import pytest
import yaml

from translator.io.formats import read_articles

from .conftest import ROOT, run_cli

PAGES = ROOT / "tests" / "data" / "pages"
ENTRIES = yaml.safe_load((PAGES / "pages.yaml").read_text(encoding="utf-8"))
SCHEMA = json.loads((ROOT / "docs" / "report.schema.json").read_text(encoding="utf-8"))
CASES = {case["id"]: case for case in yaml.safe_load((ROOT / "tests" / "cases" / "round2.yaml").read_text(encoding="utf-8"))}


def _article_text(entry: dict) -> str:
    """The article the page was built around, as a text file."""
    if entry["article"] == "seed":
        return (ROOT / "examples" / "poutine-bielorussie.fr.txt").read_text(encoding="utf-8")
    if entry["spun"]:
        return CASES[entry["article"]]["input"]
    return (PAGES / entry["page"].replace(".html", ".expected.txt")).read_text(encoding="utf-8")


@pytest.mark.parametrize("entry", ENTRIES, ids=[e["page"] for e in ENTRIES])
def test_a_page_gives_its_article_cleaned_with_its_metadata(entry, tmp_path):
    page, written = PAGES / entry["page"], tmp_path / "article.txt"
    result = run_cli("clean", str(page), "--format", "json", "-o", str(written))
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    jsonschema.validate(report, SCHEMA)
    assert written.read_bytes() == (PAGES / entry["page"].replace(".html", ".expected.txt")).read_bytes()
    source = report["source"]
    assert source["format"] == "html" and source["text"] == "extracted text"
    for key in ("title", "url", "published_at", "site", "author"):
        assert source.get(key) == entry[key] or (key == "author" and entry["page"].startswith("regional"))
    if not entry["spun"]:
        assert report["findings"] == [] and report["clean"]["changed"] is False
    else:  # the same findings as the rewrite saved as a text file
        as_text = tmp_path / "article.fr.txt"
        as_text.write_text(_article_text(entry), encoding="utf-8")
        from_text = json.loads(run_cli("clean", str(as_text), "--format", "json").stdout)
        assert [f["rule_id"] for f in report["findings"]] == [f["rule_id"] for f in from_text["findings"]]
        assert report["findings"]


def test_the_pages_date_is_reported_beside_the_timestamp_the_cleaning_removed():
    result = run_cli("clean", str(PAGES / "quotidien-spun.html"), "--format", "json")
    report = json.loads(result.stdout)
    assert report["source"]["published_at"] == "2024-05-21"  # from the page's JSON-LD and <time datetime>
    assert report["clean"]["metadata"] == {"published_at": "2024-05-24 03:01"}  # the residue in the body
    assert report["findings"][0]["rule_id"] == "fr.duplicate-headline"  # the page's title is the headline


def test_findings_point_into_the_extracted_text_and_say_so():
    result = run_cli("clean", str(PAGES / "wordpress-spun.html"))
    text = result.stdout.decode()
    lines = result.stderr.decode().splitlines()
    assert lines and all(line.startswith(f"{PAGES / 'wordpress-spun.html'} (extracted text):") for line in lines)
    report = json.loads(run_cli("clean", str(PAGES / "wordpress-spun.html"), "--format", "json").stdout)
    [article] = read_articles(str(PAGES / "wordpress-spun.html"))
    for finding in report["findings"]:
        assert article.text[finding["start"] : finding["end"]] == finding["original"]
    assert "Lyon reste 15e du classement avec 10 points." in text


def test_sarif_for_a_page_names_the_extracted_text_and_offers_no_fix_to_the_file():
    result = run_cli("clean", "--format", "sarif", str(PAGES / "amp-spun.html"))
    results = json.loads(result.stdout)["runs"][0]["results"]
    assert results
    for entry in results:
        assert entry["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith("amp-spun.html (extracted text)")
        assert "fixes" not in entry


def test_a_page_without_an_article_is_one_line_naming_it_and_nothing_is_written(tmp_path):
    out = tmp_path / "out.txt"
    result = run_cli("clean", str(PAGES / "no-article.html"), "-o", str(out))
    assert result.returncode == 2
    [line] = result.stderr.decode().splitlines()
    assert line.startswith(f"error: {PAGES / 'no-article.html'}: no article found in this page")
    assert not out.exists()


def test_a_page_on_stdin_is_read_as_html_when_told(tmp_path):
    page = (PAGES / "amp-real.html").read_bytes()
    result = run_cli("clean", "--input-format", "html", "-", stdin=page)
    assert result.returncode == 0, result.stderr
    assert result.stdout == (PAGES / "amp-real.expected.txt").read_bytes()
    unknown = run_cli("clean", "--input-format", "pdf", "-", stdin=page)
    assert unknown.returncode == 2 and b"unknown input format 'pdf' in --input-format" in unknown.stderr


def test_a_page_is_decoded_by_the_charset_it_declares():
    page = PAGES / "regional-real.html"
    assert b'charset=windows-1252' in page.read_bytes() and "É".encode("cp1252") in page.read_bytes()
    result = run_cli("clean", str(page))
    assert result.stdout == (PAGES / "regional-real.expected.txt").read_bytes()


def test_the_cleaned_page_as_markdown_has_its_title_as_heading():
    result = run_cli("clean", "--format", "markdown", str(PAGES / "wordpress-spun.html"))
    expected = (PAGES / "wordpress-spun.expected.txt").read_text(encoding="utf-8")
    assert result.stdout.decode() == "# " + expected


def test_a_folder_of_pages_goes_to_text_files_and_a_page_is_never_overwritten(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("amp-real.html", "quotidien-spun.html"):
        (folder / name).write_bytes((PAGES / name).read_bytes())
    result = run_cli("clean", str(folder), "-o", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["amp-real.txt", "quotidien-spun.txt"]
    assert (tmp_path / "out" / "quotidien-spun.txt").read_bytes() == (PAGES / "quotidien-spun.expected.txt").read_bytes()
    in_place = run_cli("clean", "--in-place", str(folder / "amp-real.html"))
    assert in_place.returncode == 2 and b"--in-place cannot write a cleaned text over a web page" in in_place.stderr
    assert (folder / "amp-real.html").read_bytes() == (PAGES / "amp-real.html").read_bytes()


def test_run_on_a_folder_of_text_pages_and_markdown_handles_each_by_its_kind(tmp_path):
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    (folder / "page.html").write_bytes((PAGES / "quotidien-spun.html").read_bytes())
    (folder / "note.md").write_bytes((ROOT / "tests" / "data" / "markdown" / "poutine-spun.md").read_bytes())
    (folder / "seed.fr.txt").write_bytes((ROOT / "examples" / "poutine-bielorussie.fr.txt").read_bytes())
    result = run_cli("run", str(folder), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert (out / "page.clean.fr.txt").read_bytes() == (PAGES / "quotidien-spun.expected.txt").read_bytes()
    assert (out / "note.clean.fr.md").read_bytes() == (ROOT / "tests" / "data" / "markdown" / "poutine-spun.clean.md").read_bytes()
    assert (out / "seed.clean.fr.txt").read_bytes() == (ROOT / "examples" / "expected" / "poutine-bielorussie.clean.fr.txt").read_bytes()
    report = json.loads((out / "page.report.json").read_text(encoding="utf-8"))
    jsonschema.validate(report, SCHEMA)
    assert report["source"]["url"] == "https://www.quotidien.example.fr/actualite/spun-1.html"
    index = (out / "index.html").read_text(encoding="utf-8")
    title = "Poutine discutera de la « deuxième phase » des exercices nucléaires avec son allié"
    assert re.search(rf"{re.escape(title)} <a class=\"source\" href=\"https://www.quotidien.example.fr/actualite/spun-1.html\">", index)
    review = (out / "page.review.html").read_text(encoding="utf-8")
    assert "<th>page: url</th><td>https://www.quotidien.example.fr/actualite/spun-1.html</td>" in review
    assert f"<th>page: title</th><td>{title}</td>" in review
    again = run_cli("run", str(folder), "-o", str(out))
    assert b"0 done, 3 up to date, 0 failed" in again.stderr
