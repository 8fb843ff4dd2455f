"""`translator run` at scale on one machine: 2,000 articles with the test suite's model,
through the local engine with --jobs 1 and --jobs 2 and through the Ray engine with 2
workers (Ray started on this machine); articles/s and words/s each, wall time of the
whole command (process start, Ray start, model loads included).  The three output
folders must be identical.  With ``--corpus`` the articles are the records of one JSON
Lines corpus, written back in shards of 500 records by every engine.

Run: .venv/bin/python benchmarks/bench_scale.py [--articles 2000] [--corpus] [--package FILE.argosmodel]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.support.folders import folder_files  # noqa: E402
from tests.support.tiny_model import installed_for_commands  # noqa: E402

CORPUS = ROOT / "tests" / "data" / "fr-news-dev.jsonl"
OPENING = 240  # characters of each article's text: a title and a short paragraph


def write_articles(folder: Path, count: int, as_corpus: bool) -> int:
    """``count`` short articles cut from the real corpus (cycling through it), as text
    files or as the records of ``corpus.jsonl``; their words."""
    folder.mkdir()
    records = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    words, lines = 0, []
    for number in range(count):
        record = records[number % len(records)]
        start = (number // len(records)) * OPENING
        body = f"{record['text'][start:start + OPENING].rsplit(' ', 1)[0]}.\n"
        if as_corpus:
            lines.append(json.dumps({"id": f"a{number:05d}", "title": record["title"], "text": body}, ensure_ascii=False))
        else:
            (folder / f"a{number:05d}.fr.txt").write_text(f"{record['title']}\n\n{body}", encoding="utf-8")
        words += len(record["title"].split()) + len(body.split())
    if as_corpus:
        (folder / "corpus.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return words


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--corpus", action="store_true", help="the articles as one JSON Lines corpus, written back in shards")
    parser.add_argument("--package", type=Path, help="an .argosmodel file (default: the test suite's small package)")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        package, env = installed_for_commands(root, options.package)
        translator = [sys.executable, "-m", "translator"]
        words = write_articles(root / "in", options.articles, options.corpus)
        shards = ["--shard-size", "500"] if options.corpus else []
        print(f"package: {package.name}; {options.articles} articles{' in a corpus' if options.corpus else ''}, {words} words; "
              f"{os.cpu_count()} cores")
        runs = {"local --jobs 1": ["--jobs", "1"], "local --jobs 2": ["--jobs", "2"], "ray, 2 workers": ["--engine", "ray", "--workers", "2"]}
        outputs = []
        for label, extra in runs.items():
            out = root / f"out{len(outputs)}"
            load = os.getloadavg()[0]
            started = time.perf_counter()
            subprocess.run([*translator, "run", str(root / "in"), "--to", "en", "-o", str(out), "--no-cache", *shards, *extra],
                           env=env, check=True, capture_output=True)
            seconds = time.perf_counter() - started
            outputs.append(out)
            print(f"  {label:16} {options.articles / seconds:7.1f} articles/s {words / seconds:8.0f} words/s  ({seconds:.1f} s; load before {load:.2f})")
        print("outputs identical:", all(folder_files(outputs[0]) == folder_files(other) for other in outputs[1:]))


if __name__ == "__main__":
    main()
