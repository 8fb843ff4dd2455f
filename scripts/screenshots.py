"""Regenerate the README's pictures: the review page as a workspace in headless Chromium
(an editor's session: a change rejected, a flag reviewed, the next finding in view),
and the side-by-side terminal view as text.

Run: .venv/bin/python scripts/screenshots.py   (needs Debian's chromium package and playwright)
The page is the clean review (original | cleaned): the test suite's small model only
translates word for word, which no picture should pass off as a translation.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "poutine-bielorussie.fr.txt"
DOCS = ROOT / "docs"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--hide-scrollbars"]


def main() -> None:
    chromium = shutil.which("chromium") or sys.exit("no chromium on PATH: apt-get install chromium")
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        env = {**os.environ, "XDG_CACHE_HOME": str(root / "cache"), "XDG_CONFIG_HOME": str(root / "config")}
        translator = [sys.executable, "-m", "translator"]
        page_file = root / "review.html"
        subprocess.run([*translator, "review", str(SEED.relative_to(ROOT)), "-o", str(page_file)], env=env, cwd=ROOT, check=True)
        with sync_playwright() as playwright:
            context = playwright.chromium.launch_persistent_context(
                str(root / "profile"), executable_path=chromium, args=CHROMIUM_ARGS, headless=True, viewport={"width": 1400, "height": 1000})
            page = context.new_page()
            page.goto(page_file.as_uri())
            page.locator('.finding[data-finding^="fr.duplicate-headline:"] .reject').click()
            page.locator('.finding[data-finding^="fr.pull-quote:"] .review').click()
            for _ in range(4):  # on to the first person narration flagged in paragraph 8
                page.keyboard.press("n")
            page.locator(".toolbar").scroll_into_view_if_needed()
            page.evaluate("window.scrollTo(0, document.querySelector('.toolbar').offsetTop)")
            page.screenshot(path=str(DOCS / "review.png"))
            context.close()
        side = subprocess.run([*translator, "clean", "--diff=side", str(SEED.relative_to(ROOT))], cwd=ROOT, check=True,
                              capture_output=True, text=True, env={**env, "COLUMNS": "100", "NO_COLOR": "1"})
        (DOCS / "side-by-side.txt").write_text(side.stdout, encoding="utf-8")
    print(f"wrote {DOCS / 'review.png'} and {DOCS / 'side-by-side.txt'}")


if __name__ == "__main__":
    main()
