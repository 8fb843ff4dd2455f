"""Clean-stage figures: cold start of `translator clean` on the seed, and throughput.

Run: .venv/bin/python benchmarks/bench_clean.py
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "poutine-bielorussie.fr.txt"
CORPUS = ROOT / "tests" / "data" / "fr-news-dev.jsonl"
TRANSLATOR = Path(sys.executable).parent / "translator"
RUNS = 11


def cold_start_seconds() -> list[float]:
    # as installed: byte code compiled (a wheel install compiles it; PYTHONDONTWRITEBYTECODE
    # would otherwise make every run compile the sources), the regex cache warm
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "translator")], check=True, capture_output=True)
    subprocess.run([str(TRANSLATOR), "clean", "-q", str(SEED)], check=True, capture_output=True)
    timings = []
    for _ in range(RUNS):
        started = time.perf_counter()
        subprocess.run([str(TRANSLATOR), "clean", "-q", str(SEED)], check=True, capture_output=True)
        timings.append(time.perf_counter() - started)
    return timings


def articles() -> list[str]:
    rows = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    return [f"{row['title']}\n\n{row['text']}\n" for row in rows]


def spun_articles() -> list[str]:
    """The spun inputs of the case files: they take a second pass once evidence shows."""
    import yaml

    return [
        case["input"]
        for path in sorted((ROOT / "tests" / "cases").glob("*.yaml"))
        for case in yaml.safe_load(path.read_text(encoding="utf-8"))
        if "control" not in case.get("families", ())
    ]


# One long paragraph of each shape that once made cleaning quadratic (redteam 05, 24).
HARD_SHAPES = {
    "quoted sentences": "Il dit « oui ». ",
    "first person around quotations": "J’ai vu « oui ». ",
    "a framing in every sentence": "J’ai appris que le maire part. ",
}


def hard_shapes(size: int = 120_000) -> list[str]:
    from translator import clean_text

    lines = []
    for name, unit in HARD_SHAPES.items():
        text = "Titre\n\n" + unit * (size // len(unit)) + "\n"
        started = time.perf_counter()
        clean_text(text)
        seconds = time.perf_counter() - started
        lines.append(f"one {len(text.encode()) // 1000} KB paragraph, {name}: {seconds:.2f} s ({len(text.encode()) / seconds / 1e6:.2f} MB/s)")
    return lines


def import_check() -> str:
    """The heavy modules the clean path must not import."""
    code = (
        "import sys, translator.cli\n"
        "from translator import clean_text\n"
        "clean_text(open(sys.argv[1], encoding='utf-8').read())\n"
        "heavy = ['torch', 'argostranslate', 'ctranslate2', 'spacy', 'stanza', 'ray']\n"
        "print(', '.join(m for m in heavy if m in sys.modules) or 'none')"
    )
    return subprocess.run([sys.executable, "-c", code, str(SEED)], capture_output=True, text=True, check=True).stdout.strip()


def library_throughput(texts: list[str]) -> float:
    from translator import clean_text, load_rules

    rules = load_rules()
    size = sum(len(text.encode()) for text in texts)
    best = float("inf")
    for _ in range(5):
        started = time.perf_counter()
        for text in texts:
            clean_text(text, rules)
        best = min(best, time.perf_counter() - started)
    return size / best / 1e6


def command_line_throughput(texts: list[str]) -> float:
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder, "in")
        source.mkdir()
        for number, text in enumerate(texts):
            (source / f"{number:03}.txt").write_text(text, encoding="utf-8")
        size = sum(p.stat().st_size for p in source.iterdir())
        best = float("inf")
        for _ in range(3):
            started = time.perf_counter()
            subprocess.run([str(TRANSLATOR), "clean", "-q", str(source), "-o", str(Path(folder, "out"))], check=True)
            best = min(best, time.perf_counter() - started)
    return size / best / 1e6


def main() -> None:
    timings = cold_start_seconds()
    texts = articles()
    print(f"cold start, translator clean on the seed: median {statistics.median(timings):.3f} s "
          f"(min {min(timings):.3f}, max {max(timings):.3f}, {RUNS} runs; goal <= 0.35 s)")
    print(f"throughput over the {len(texts)} dev articles, library clean_text: {library_throughput(texts):.2f} MB/s (goal >= 2 MB/s)")
    spun = spun_articles()
    print(f"throughput over the {len(spun)} spun articles of tests/cases, library clean_text: {library_throughput(spun):.2f} MB/s")
    print(f"throughput over the {len(texts)} dev articles, one translator clean DIR -o OUT run: "
          f"{command_line_throughput(texts):.2f} MB/s (start-up included)")
    print(f"heavy modules imported on the clean path: {import_check()}")
    for line in hard_shapes():
        print(line)


if __name__ == "__main__":
    main()
