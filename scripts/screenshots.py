"""Regenerate the README's pictures: the review page in headless Chromium, and the
side-by-side terminal view as text.

Run: .venv/bin/python scripts/screenshots.py   (needs Debian's chromium package)
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
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--hide-scrollbars"]


def main() -> None:
    chromium = shutil.which("chromium") or sys.exit("no chromium on PATH: apt-get install chromium")
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        env = {**os.environ, "XDG_CACHE_HOME": str(root / "cache"), "XDG_CONFIG_HOME": str(root / "config")}
        translator = [sys.executable, "-m", "translator"]
        page = root / "review.html"
        subprocess.run([*translator, "review", str(SEED.relative_to(ROOT)), "-o", str(page)], env=env, cwd=ROOT, check=True)
        subprocess.run([chromium, *CHROMIUM_ARGS, f"--user-data-dir={root / 'profile'}", "--window-size=1400,1100",
                        f"--screenshot={DOCS / 'review.png'}", page.as_uri()], check=True, capture_output=True)
        side = subprocess.run([*translator, "clean", "--diff=side", str(SEED.relative_to(ROOT))], cwd=ROOT, check=True,
                              capture_output=True, text=True, env={**env, "COLUMNS": "100", "NO_COLOR": "1"})
        (DOCS / "side-by-side.txt").write_text(side.stdout, encoding="utf-8")
    print(f"wrote {DOCS / 'review.png'} and {DOCS / 'side-by-side.txt'}")


if __name__ == "__main__":
    main()
