"""Web pages: pages per second for extraction (trafilatura) and cleaning, on one core,
over the test pages (tests/data/pages/*.html: four site layouts, real and spun).

Run: .venv/bin/python benchmarks/bench_pages.py        (goal: at least 50 pages/s)
"""

from __future__ import annotations

import os
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = sorted(path for path in (ROOT / "tests" / "data" / "pages").glob("*.html") if path.with_suffix(".expected.txt").exists())
ROUNDS = 20


def main() -> None:
    from translator import clean_text, load_rules
    from translator.io.formats import input_formats

    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    html, rules = input_formats()["html"], load_rules()
    pages = [(path.name, path.read_bytes()) for path in PAGES]
    for name, data in pages:  # warm: imports, regex caches
        [article] = html.articles(name, data, "utf-8")
        clean_text(article.text, rules, lang="fr")
    extracted = cleaned = 0.0
    for _ in range(ROUNDS):
        for name, data in pages:
            started = time.perf_counter()
            [article] = html.articles(name, data, "utf-8")
            middle = time.perf_counter()
            clean_text(article.text, rules, lang="fr")
            extracted += middle - started
            cleaned += time.perf_counter() - middle
    count = ROUNDS * len(pages)
    print(f"pages: {len(pages)} test pages × {ROUNDS} rounds, {sum(len(d) for _, d in pages) / len(pages) / 1024:.1f} KiB each on average")
    print(f"extraction: {count / extracted:.0f} pages/s")
    print(f"extraction + cleaning: {count / (extracted + cleaned):.0f} pages/s (goal ≥ 50 on one core)")


if __name__ == "__main__":
    main()
