"""The review page as an editor sees it, in a real headless Chromium (Debian's package)."""

import os
import shutil

import pytest

from .conftest import SEED

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
    from .conftest import Workspace

    workspace = Workspace(tmp_path_factory.mktemp("review"))
    assert workspace.run("models", "install", str(tiny_package)).returncode == 0
    page = workspace.root / "review.html"
    result = workspace.run("review", str(SEED), "--to", "en", "-o", str(page))
    assert result.returncode == 0, result.stderr
    return page


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
