"""`translator run` throughput: the 250 dev articles (clean + review, no translation),
and the seed with translation on the test suite's small package.

Run: .venv/bin/python benchmarks/bench_run.py
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.support.tiny_model import build_tiny_package  # noqa: E402

CORPUS = ROOT / "tests" / "data" / "fr-news-dev.jsonl"
SEED = ROOT / "examples" / "poutine-bielorussie.fr.txt"


def timed(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, env=env, check=True, capture_output=True)
    return time.perf_counter() - started


def main() -> None:
    translator = [sys.executable, "-m", "translator"]
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        env = {**os.environ, "ARGOS_PACKAGES_DIR": str(root / "packages"), "XDG_CACHE_HOME": str(root / "cache"),
               "XDG_DATA_HOME": str(root / "data"), "XDG_CONFIG_HOME": str(root / "config")}
        articles = root / "articles"
        articles.mkdir()
        for line in CORPUS.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            (articles / f"{row['id']}.txt").write_text(f"{row['title']}\n\n{row['text']}\n", encoding="utf-8")
        size = sum(p.stat().st_size for p in articles.iterdir())
        for jobs in ("1", "2"):
            seconds = timed([*translator, "run", str(articles), "-o", str(root / f"out{jobs}"), "--jobs", jobs], env)
            print(f"run, 250 dev articles, clean + review, --jobs {jobs}: {seconds:.2f} s, "
                  f"{250 / seconds:.0f} articles/s, {size / seconds / 1e6:.2f} MB/s")
        resumed = timed([*translator, "run", str(articles), "-o", str(root / "out1")], env)
        print(f"run again, all up to date: {resumed:.2f} s")

        subprocess.run([*translator, "models", "install", str(build_tiny_package(root))], env=env, check=True, capture_output=True)
        seed = root / "seed"
        seed.mkdir()
        (seed / SEED.name).write_bytes(SEED.read_bytes())
        seconds = timed([*translator, "run", str(seed), "--to", "en", "--no-cache", "-o", str(root / "seed-out")], env)
        words = len(SEED.read_text(encoding="utf-8").split())
        print(f"run, seed with translation (test package, no memory): {seconds:.2f} s, {words / seconds:.0f} words/s")


if __name__ == "__main__":
    main()
