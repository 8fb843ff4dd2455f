"""The review page as an editor sees it, in a real headless Chromium (Debian's package)."""

from .conftest import SEED_CLEAN


def test_three_columns_with_artefacts_and_glossary_marks(browser, seed_review):
    page = browser.new_page()
    page.goto(seed_review.as_uri())
    assert page.locator("table.review th").all_inner_texts() == ["original", "cleaned", "English"]
    removed = page.locator("td:nth-child(1) .mark.removed").all_inner_texts()
    assert any(text.startswith("En tant que passionné d’histoire russe") for text in removed)
    assert "2024-05-24 03:01" in removed
    flagged = page.locator("td:nth-child(1) .mark.flagged").all_inner_texts()
    assert any("assiste au processus de transport" in text for text in flagged)
    terms = page.locator("td:nth-child(3) .mark.term").all_inner_texts()
    assert {"Putin", "Lukashenko", "Belarus"} <= set(terms)
    assert page.locator("td:nth-child(3) .mark.flagged").count() == 3  # the narration, on the English side too
    summary = page.locator("header").inner_text()
    assert "published_at" in summary and "2024-05-24 03:01" in summary and "translate-fr_en-tiny 0.1" in summary
    page.close()


def test_rule_and_message_show_on_focus_and_keys_move_between_changes(browser, seed_review):
    page = browser.new_page()
    page.goto(seed_review.as_uri())
    page.keyboard.press("n")
    first = page.evaluate("document.activeElement.dataset.note")
    assert first.startswith("fr.duplicate-headline:")
    assert page.locator("#position").inner_text().startswith("1 / ")
    page.keyboard.press("n")
    assert page.evaluate("document.activeElement.dataset.note").startswith("fr.persona-intro:")
    page.keyboard.press("p")
    assert page.evaluate("document.activeElement.dataset.note") == first
    tooltip = page.evaluate("getComputedStyle(document.activeElement, '::after').content")
    assert "fr.duplicate-headline" in tooltip
    page.close()


def test_a_script_in_the_article_is_shown_not_run(browser, tmp_path):
    from .conftest import run_cli

    article = tmp_path / "hostile.txt"
    article.write_text("Titre\n\n<script>document.title='pwned'; window.pwned = 1;</script>\n\n<img src=x onerror=\"window.pwned=2\">\n", encoding="utf-8")
    page_file = tmp_path / "review.html"
    assert run_cli("review", str(article), "-o", str(page_file)).returncode == 0
    page = browser.new_page()
    page.goto(page_file.as_uri())
    assert page.title() == f"Review: {article}"
    assert page.evaluate("window.pwned") is None
    assert "<script>document.title='pwned'; window.pwned = 1;</script>" in page.locator("table.review").inner_text()
    page.close()


def test_glossary_terms_stay_out_of_the_tab_order_and_the_english_copies(browser, seed_review):
    browser.grant_permissions(["clipboard-read", "clipboard-write"])
    page = browser.new_page()
    page.goto(seed_review.as_uri())
    assert page.locator(".mark.term").count() > 0
    assert page.locator('.mark.term[tabindex]:not([tabindex="-1"])').count() == 0
    reached = set()
    for _ in range(60):
        page.keyboard.press("Tab")
        reached.add(page.evaluate("document.activeElement.className"))
    assert not any("term" in name for name in reached)
    page.locator("#copy-english").click()
    page.wait_for_function("document.getElementById('status').textContent === 'English copied'")
    english = page.evaluate("navigator.clipboard.readText()")
    assert english.startswith("Putin") and english == page.evaluate("JSON.parse(document.getElementById('review-data').textContent).english")
    page.locator("#copy-cleaned").click()
    page.wait_for_function("document.getElementById('status').textContent === 'cleaned text copied'")
    assert page.evaluate("navigator.clipboard.readText()") == SEED_CLEAN.read_text(encoding="utf-8")
    page.close()
