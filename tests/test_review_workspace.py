"""The review page as a workspace, in a real headless Chromium: an editor decides on each
finding, edits the cleaned text, downloads the decisions; `translator apply` makes of
them the very text the page shows."""

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from translator import clean_text

from .conftest import ROOT, SEED, run_cli

CASES = sorted((Path(__file__).parent / "data" / "workspace").glob("*.yaml"))


@pytest.fixture(scope="module")
def seed_page(tmp_path_factory):
    """The clean review of the seed article, as `translator review` writes it."""
    folder = tmp_path_factory.mktemp("workspace")
    article = folder / "poutine.fr.txt"
    article.write_bytes(SEED.read_bytes())
    page = folder / "poutine.review.html"
    result = run_cli("review", str(article), "-o", str(page))
    assert result.returncode == 0, result.stderr
    return page


def open_page(browser, path: Path, **viewport):
    page = browser.new_page()
    if viewport:
        page.set_viewport_size(viewport)
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(path.as_uri())
    page.errors = errors
    return page


def finding_of(page, rule: str):
    return page.locator(f'.finding[data-finding^="{rule}:"]').first


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_decisions_made_on_the_page_give_the_text_apply_makes(browser, tmp_path, case):
    spec = yaml.safe_load(case.read_text(encoding="utf-8"))
    article = tmp_path / Path(spec["article"]).name
    article.write_bytes((ROOT / spec["article"]).read_bytes())
    page_file = tmp_path / "page.html"
    assert run_cli("review", str(article), "-o", str(page_file)).returncode == 0
    page = open_page(browser, page_file)
    for rule in spec.get("reject", []):
        finding_of(page, rule).locator("button.reject").click()
    for rule in spec.get("accept", []):
        finding_of(page, rule).locator("button.accept").click()
    for edit in spec.get("type", []):
        page.locator(f'.text[data-paragraph="{edit["row"]}"]').click()
        page.keyboard.press("Control+End")
        page.keyboard.type(edit["text"])
        page.keyboard.press("Escape")
    expected = (case.parent / spec["expected"]).read_text(encoding="utf-8")
    assert page.evaluate("translatorReview.decidedText()") == expected
    with page.expect_download() as download:
        page.locator("#download").click()
    decisions = tmp_path / download.value.suggested_filename
    download.value.save_as(decisions)
    saved = json.loads(decisions.read_text(encoding="utf-8"))
    assert saved["schema"] == "translator-decisions/1" and saved["article"] == article.name
    jsonschema.validate(saved, json.loads((ROOT / "docs" / "decisions.schema.json").read_text(encoding="utf-8")))
    assert sorted(saved["decisions"].values()) == sorted(["rejected"] * len(spec.get("reject", [])) + ["accepted"] * len(spec.get("accept", [])))
    assert page.errors == []
    page.close()
    applied = run_cli("apply", str(article), "--decisions", str(decisions))
    assert applied.returncode == 0, applied.stderr
    assert applied.stdout == expected.encode()


def test_a_decisions_file_beside_the_article_shows_applied_and_what_vanished_is_said(browser, tmp_path):
    article = tmp_path / "poutine.fr.txt"
    article.write_bytes(SEED.read_bytes())
    ids = {f.rule_id: f.id for f in reversed(clean_text(SEED.read_text(encoding="utf-8")).findings)}
    decisions = {"schema": "translator-decisions/1", "article": "poutine.fr.txt",
                 "decisions": {ids["fr.duplicate-headline"]: "rejected", ids["fr.pull-quote"]: "reviewed",
                               "fr.gone:0123456789ab": "rejected"},
                 "edits": [{"before": "pour un voyage officiel de deux jours", "after": "pour une visite de deux jours"},
                           {"before": "no such text", "after": "x"}]}
    (tmp_path / "poutine.decisions.json").write_text(json.dumps(decisions), encoding="utf-8")
    page_file = tmp_path / "poutine.review.html"
    assert run_cli("review", str(article), "-o", str(page_file)).returncode == 0
    page = open_page(browser, page_file)
    assert page.locator(f'.finding[data-finding="{ids["fr.duplicate-headline"]}"] .reject').get_attribute("aria-pressed") == "true"
    assert page.locator(f'.finding[data-finding="{ids["fr.pull-quote"]}"] .review').get_attribute("aria-pressed") == "true"
    assert page.locator('.text[data-paragraph="1"]').inner_text().startswith("Poutine discutera")  # the repeat is back
    assert "pour une visite de deux jours" in page.locator('.text[data-paragraph="4"]').inner_text()
    lost = page.locator("#document-findings").inner_text()
    assert "fr.gone:0123456789ab" in lost and "1 edit(s)" in lost
    again = page.evaluate("translatorReview.decisionsFile()")
    assert again["decisions"] == decisions["decisions"]  # nothing dropped
    assert {"before": "no such text", "after": "x"} in again["edits"]
    applied = run_cli("apply", str(article))
    assert applied.stdout.decode() == page.evaluate("translatorReview.decidedText()")  # the page and apply agree
    # accepting the repeat again on the page: the text follows
    page.locator(f'.finding[data-finding="{ids["fr.duplicate-headline"]}"] .accept').click()
    assert page.locator('.text[data-paragraph="1"]').count() == 0 or page.locator('.text[data-paragraph="1"]').inner_text() == ""
    assert page.errors == []
    page.close()


def test_keyboard_only_every_action(browser, seed_page, tmp_path):
    page = open_page(browser, seed_page)
    page.keyboard.press("n")
    headline = page.evaluate("document.activeElement.dataset.stop")
    assert headline.startswith("fr.duplicate-headline:")
    page.keyboard.press("r")
    assert finding_of(page, "fr.duplicate-headline").locator(".reject").get_attribute("aria-pressed") == "true"
    assert page.locator("#position").inner_text() == "1 / 10 findings"
    page.keyboard.press("n")
    page.keyboard.press("a")
    assert finding_of(page, "fr.persona-intro").locator(".accept").get_attribute("aria-pressed") == "true"
    page.keyboard.press("n")  # the pull quote: a flag
    page.keyboard.press("a")
    assert finding_of(page, "fr.pull-quote").locator(".review").get_attribute("aria-pressed") == "true"
    page.keyboard.press("e")  # edit its paragraph
    assert page.evaluate("document.activeElement.dataset.paragraph") == "3"
    page.keyboard.press("Control+End")
    page.keyboard.type(" (AFP)")
    page.keyboard.press("Escape")
    assert page.evaluate("document.activeElement.dataset.stop").startswith("fr.pull-quote:")
    assert page.locator('.text[data-paragraph="3"]').inner_text().endswith("sujets.\u00a0» (AFP)")
    # the counter stays in sight while moving down the page
    for _ in range(6):
        page.keyboard.press("n")
    box = page.locator("#position").bounding_box()
    assert box is not None and 0 <= box["y"] < 900
    # Tab reaches the filters, the buttons and every finding's buttons, never a glossary term
    reached = []
    for _ in range(80):
        page.keyboard.press("Tab")
        reached.append(page.evaluate("(e => e.id || e.className || e.tagName)(document.activeElement)"))
    assert {"filter-rule", "filter-level", "changes-only", "download", "copy-cleaned"} <= set(reached)
    assert "accept" in reached and "reject" in reached and "review" in reached
    assert not any("mark" in name for name in reached)
    page.locator("#download").focus()
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    saved = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert sorted(saved["decisions"].values()) == ["accepted", "rejected", "reviewed"]
    assert saved["edits"][0]["after"].endswith(" (AFP)")
    assert page.errors == []
    page.close()


def test_filters_and_changes_only(browser, seed_page):
    page = open_page(browser, seed_page)
    page.select_option("#filter-rule", "fr.first-person-narration")
    assert page.locator("table.review tbody tr:visible").count() == 1
    assert page.locator("#position").inner_text() == "– / 3 findings"
    page.select_option("#filter-rule", "")
    page.select_option("#filter-level", "info")
    assert page.locator("#position").inner_text() == "– / 1 finding"
    page.select_option("#filter-level", "")
    page.check("#changes-only")
    rows = page.locator("table.review tbody tr:visible")
    assert rows.count() == page.locator("tr.changed").count() < page.locator("table.review tbody tr").count()
    page.close()


def test_flagged_text_is_marked_in_the_cleaned_column_with_its_reason_inline(browser, seed_page):
    page = open_page(browser, seed_page)
    flagged = page.locator("td:nth-child(2) .text .mark.flagged").all_inner_texts()
    assert "J’assiste au processus de transport" in "".join(flagged)  # after the strip-prefix that made its capital
    reasons = page.locator('tr[data-paragraph="7"] .finding').all_inner_texts()
    assert sum("fr.first-person-narration" in reason for reason in reasons) == 3
    assert page.locator('tr[data-paragraph="7"] .finding').first.is_visible()
    page.close()


def test_print_keeps_highlights_legend_and_reasons(browser, seed_page):
    page = open_page(browser, seed_page)
    page.emulate_media(media="print")
    removed = page.locator("td .mark.removed").first
    assert removed.evaluate("e => getComputedStyle(e).printColorAdjust") == "exact"
    assert removed.evaluate("e => getComputedStyle(e).backgroundColor") not in ("rgba(0, 0, 0, 0)", "transparent")
    assert page.locator(".legend").is_visible() and page.locator(".finding").first.is_visible()
    assert not page.locator(".toolbar").is_visible() and not page.locator(".finding button").first.is_visible()
    page.close()


def test_on_a_small_screen_the_columns_stack_and_nothing_scrolls_sideways(browser, seed_page, tmp_path):
    page = open_page(browser, seed_page, width=400, height=800)
    original, cleaned = (page.locator(f'tr[data-paragraph="2"] td:nth-child({n})').bounding_box() for n in (1, 2))
    assert cleaned["y"] >= original["y"] + original["height"] - 1
    assert original["width"] > 300 and cleaned["width"] > 300
    assert page.locator("td .mark.removed").first.evaluate("e => getComputedStyle(e).backgroundColor") != "rgba(0, 0, 0, 0)"
    assert page.evaluate("document.documentElement.scrollWidth") <= 400
    page.close()


def test_the_index_is_a_dashboard_that_fits_a_small_screen(browser, tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "poutine.fr.txt").write_bytes(SEED.read_bytes())
    (inputs / "calme.txt").write_text("Grève levée à la SNCF\n\nLe trafic reprend mardi.\n", encoding="utf-8")
    (inputs / "bad.txt").write_bytes(b"Caf\xe9\n")
    out = tmp_path / "out"
    assert run_cli("run", str(inputs), "-o", str(out), "--disable", "fr.pull-quote").returncode == 1
    page = open_page(browser, out / "index.html", width=400, height=800)
    assert page.evaluate("document.documentElement.scrollWidth") <= 400
    rows = {row.locator(".status").inner_text(): row for row in page.locator("table.articles tbody tr").all()}
    assert set(rows) == {"needs attention", "clean", "failed"}
    assert "Poutine discutera de la « deuxième phase »" in rows["needs attention"].inner_text()
    assert "Grève levée à la SNCF" in rows["clean"].inner_text()
    assert "bad.txt: cannot decode as utf-8" in rows["failed"].inner_text()
    assert rows["needs attention"].locator("a", has_text="poutine").get_attribute("href") == "poutine.review.html"
    assert rows["needs attention"].locator("a", has_text="cleaned text").get_attribute("href") == "poutine.clean.fr.txt"
    settings = page.locator("table.settings").inner_text()
    assert "built-in" in settings and "disabled: fr.pull-quote" in settings and "model" in settings
    assert "3 articles: 1 needs attention · 1 clean · 1 failed" in page.locator(".totals").inner_text()
    page.close()


def test_grammar_reasons_show_inline_and_are_stops_of_their_own(browser, tmp_path):
    from .support.languagetool_standin import LanguageToolStandIn

    article = tmp_path / "vote.txt"
    article.write_text("Le vote\n\nJ’ai observé que le le vote a eu lieu mardi.\n", encoding="utf-8")
    page_file = tmp_path / "vote.review.html"
    with LanguageToolStandIn() as server:
        result = run_cli("review", str(article), "--qa", "--languagetool", server.url, "-o", str(page_file))
    assert result.returncode == 0, result.stderr
    page = open_page(browser, page_file)
    reason = page.locator('tr[data-paragraph="1"] .reason.qa')
    assert reason.is_visible() and "grammar and style:" in reason.inner_text()
    assert page.locator("#position").inner_text() == "– / 2 findings"  # the framing and the repeated word
    page.select_option("#filter-rule", "qa")
    page.locator("#next").click()
    assert page.locator("#position").inner_text() == "1 / 1 finding"
    assert "qa" in page.evaluate("document.activeElement.className")
    assert page.errors == []
    page.close()
