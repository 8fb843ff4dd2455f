"""Corpus figures: MB/s of `translator clean` over a JSON Lines corpus (goal >= 2 MB/s, as
for text), through the library (read, clean, write the output corpus) and the command line
(one process, then --jobs 2).

Two corpora: the 250 dev articles as they are (the figure bench_clean.py gives for text),
then those and their copies with a bot's spin (repeated headline, persona, dangling
timestamp: cleaned twice, once evidence shows), each record with its other fields.

Run: .venv/bin/python benchmarks/bench_corpus.py
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
CORPUS = ROOT / "tests" / "data" / "fr-news-dev.jsonl"
TRANSLATOR = Path(sys.executable).parent / "translator"
PERSONA = "En tant que passionné d’actualité, je suis toujours ravi de partager les nouvelles du jour."


def corpus(folder: Path, *, spun: bool, copies: int = 1) -> Path:
    rows = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    if spun:
        rows += [{**row, "id": f"{row['id']}-spun", "text": f"{row['title']}\n\n{PERSONA}\n\n{row['text']}\n\n{row['date']} 10:32\n"}
                 for row in rows]
    rows = [{**row, "id": f"{row['id']}-{copy}"} if copy else row for copy in range(copies) for row in rows]
    path = folder / f"corpus{'-spun' * spun}-{copies}.jsonl"
    path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")
    return path


def library_seconds(source: Path, output: Path) -> float:
    """The library path a distributed engine takes: a Batch reads the corpus, a Job cleans
    it chunk by chunk, the Batch writes the output corpus."""
    from translator import Job
    from translator.io.batch import Batch, chunks
    from translator.pipeline.corpus import corpus_record

    job = Job()
    job.rules()  # loaded once, as a long-running worker has them
    started = time.perf_counter()
    with Batch([str(source)], str(output), corpus_record=corpus_record) as batch:
        for chunk in chunks(batch.read_each(), 256):
            for article, report in zip(chunk, job.process(chunk)):
                batch.write(article, report.clean.text, report)
    return time.perf_counter() - started


def clean_text_seconds(source: Path) -> float:
    """The cleaning alone, on the same articles (title, blank line, text), for comparison."""
    from translator import clean_text, load_rules

    rules = load_rules()
    rows = [json.loads(line) for line in source.read_text(encoding="utf-8").splitlines()]
    articles = [f"{row['title']}\n\n{row['text']}" for row in rows]
    started = time.perf_counter()
    for article in articles:
        clean_text(article, rules)
    return time.perf_counter() - started


def command_line_seconds(source: Path, output: Path, jobs: int = 1) -> float:
    started = time.perf_counter()
    subprocess.run([str(TRANSLATOR), "clean", "-q", str(source), "-o", str(output), "--jobs", str(jobs)], check=True)
    return time.perf_counter() - started


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        for spun, what in ((False, "the dev articles"), (True, "the dev articles and their spun copies")):
            source = corpus(Path(folder), spun=spun)
            size = source.stat().st_size
            records = source.read_text(encoding="utf-8").count("\n")
            alone = min(clean_text_seconds(source) for _ in range(3))
            library = min(library_seconds(source, Path(folder, "lib.jsonl")) for _ in range(3))
            large = corpus(Path(folder), spun=spun, copies=8)  # the command line on 8 copies: start-up weighs less
            command = min(command_line_seconds(large, Path(folder, "cli.jsonl")) for _ in range(2))
            both_cores = min(command_line_seconds(large, Path(folder, "cli2.jsonl"), jobs=2) for _ in range(2))
            print(f"JSON Lines corpus of {what}: {records} records, {size / 1e6:.2f} MB")
            print(f"  clean_text alone on the same articles (no reading, no writing): {size / alone / 1e6:.2f} MB/s")
            print(f"  clean through the library (Batch + Job, output corpus written): {size / library / 1e6:.2f} MB/s (goal >= 2 MB/s)")
            large_size = large.stat().st_size
            print(f"  translator clean corpus.jsonl -o out.jsonl, 8 copies ({large_size / 1e6:.1f} MB): "
                  f"{large_size / command / 1e6:.2f} MB/s (start-up included)")
            print(f"  the same with --jobs 2: {large_size / both_cores / 1e6:.2f} MB/s ({os.cpu_count()} cores)")


if __name__ == "__main__":
    main()
