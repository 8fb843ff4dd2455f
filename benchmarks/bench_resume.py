"""Kill a 2,000-article `translator run --to en` with SIGKILL at several points, resume
it, and compare every output with an uninterrupted run's, byte for byte.

Run: .venv/bin/python benchmarks/bench_resume.py [ARTICLES]   (default 2000; takes minutes)
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.support.tiny_model import build_tiny_package  # noqa: E402

CORPUS = ROOT / "tests" / "data" / "fr-news-dev.jsonl"


def write_articles(folder: Path, count: int) -> None:
    """``count`` articles: the openings of the corpus's 250, numbered, cycled."""
    records = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    folder.mkdir()
    for number in range(count):
        record = records[number % len(records)]
        opening = record["text"][:400].rsplit(" ", 1)[0] + "."
        (folder / f"a{number:05d}.fr.txt").write_text(f"{record['title']} ({number})\n\n{opening}\n", encoding="utf-8")


def outputs(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def reports(folder: Path) -> int:
    return sum(1 for path in folder.iterdir() if path.name.endswith(".report.json")) if folder.is_dir() else 0


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    with tempfile.TemporaryDirectory() as temporary:
        root = Path(temporary)
        env = {**os.environ, "ARGOS_PACKAGES_DIR": str(root / "packages"), "XDG_CACHE_HOME": str(root / "cache"),
               "XDG_DATA_HOME": str(root / "data"), "PYTHONPATH": str(ROOT)}
        translator = [sys.executable, "-m", "translator"]
        subprocess.run([*translator, "models", "install", str(build_tiny_package(root))], env=env, check=True, capture_output=True)
        inputs = root / "in"
        write_articles(inputs, count)

        def run(out: Path) -> subprocess.Popen:
            return subprocess.Popen([*translator, "run", str(inputs), "--to", "en", "-o", str(out)], env=env,
                                    stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

        started = time.perf_counter()
        assert run(root / "reference").wait() == 0
        uninterrupted = time.perf_counter() - started
        expected = outputs(root / "reference")
        print(f"{count} articles, uninterrupted: {uninterrupted:.1f} s ({count / uninterrupted:.0f} articles/s)")

        subprocess.run([*translator, "cache", "clear"], env=env, check=True, capture_output=True)
        out = root / "out"
        rng = random.Random(7)
        for kill in sorted(rng.sample(range(1, count), 3)):
            process = run(out)
            while process.poll() is None and reports(out) < kill:
                time.sleep(0.01)
            process.send_signal(signal.SIGKILL)
            process.wait()
            print(f"killed with {reports(out)} of {count} articles written (aimed at {kill})")
        done = reports(out)
        started = time.perf_counter()
        resumed = run(out)
        _, stderr = resumed.communicate()
        print(f"resumed in {time.perf_counter() - started:.1f} s: {stderr.decode().strip().splitlines()[-1]}")
        got = outputs(out)
        identical = got == expected
        print(f"outputs identical to the uninterrupted run's, byte for byte: {identical} "
              f"({len(got)} files; {done} articles were complete before the resumed run)")
        if not identical:
            differing = sorted(name for name in set(got) | set(expected) if got.get(name) != expected.get(name))
            print("differing:", differing[:10])
            sys.exit(1)


if __name__ == "__main__":
    main()
