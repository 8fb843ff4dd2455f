"""Review page figures: size of the page and time for Chromium to open it and to take a
decision on every finding, for the seed and for a long article (the seed's body 50 times).

Run: .venv/bin/python benchmarks/bench_review_page.py   (needs Debian's chromium package)
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SEED = ROOT / "examples" / "poutine-bielorussie.fr.txt"


def articles() -> dict[str, str]:
    seed = SEED.read_text(encoding="utf-8")
    headline, body = seed.split("\n\n", 1)
    return {"seed": seed, "seed body ×50": headline + "\n\n" + "\n\n".join([body.strip()] * 50) + "\n"}


def main() -> None:
    from playwright.sync_api import sync_playwright

    from translator import clean_text
    from translator.review.html import html_page
    from translator.review.model import clean_review

    chromium = shutil.which("chromium") or sys.exit("no chromium on PATH")
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
        for name, text in articles().items():
            started = time.perf_counter()
            page_text = html_page(clean_review("article.fr.txt", clean_text(text)))
            built = time.perf_counter() - started
            path = Path(folder) / "page.html"
            path.write_text(page_text, encoding="utf-8")
            page = browser.new_page()
            started = time.perf_counter()
            page.goto(path.as_uri())
            page.wait_for_function("window.translatorReview !== undefined")
            opened = time.perf_counter() - started
            findings = page.locator("[data-stop]").count()
            started = time.perf_counter()
            page.evaluate("document.querySelectorAll('.finding .reject, .finding .review').forEach(b => b.click())")
            text_length = page.evaluate("translatorReview.decidedText().length")
            decided = time.perf_counter() - started
            print(f"{name}: {len(page_text.encode()) / 1024:.0f} KiB, {findings} findings; built in {built:.2f} s, "
                  f"opened in {opened:.2f} s, every finding decided and the text made ({text_length} chars) in {decided:.2f} s")
            page.close()
        browser.close()


if __name__ == "__main__":
    main()
