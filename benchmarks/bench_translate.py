"""Translate-stage figures on one package and one 50-paragraph French text:

* words/s of `translator translate` vs argostranslate's own `translate()`
  (end to end as a user runs them, and in-process with the model already loaded);
* a warm re-run served by the translation memory vs the cold run;
* words/s with ``--jobs 2`` vs ``--jobs 1`` (model replicas, one core each), and our
  engine vs raw CTranslate2 ``translate_batch`` on the same sentences (model loaded;
  ``--cores`` prints only these).

Run: .venv/bin/python benchmarks/bench_translate.py [--package translate-fr_en-1_9.argosmodel]
Without --package it uses the small real package the test suite builds.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.support.tiny_model import installed_for_commands  # noqa: E402

CORPUS = ROOT / "tests" / "data" / "fr-news-dev.jsonl"
PARAGRAPHS = 50
RUNS = 3


def fifty_paragraphs() -> str:
    paragraphs: list[str] = []
    for line in CORPUS.read_text(encoding="utf-8").splitlines():
        paragraphs.extend(p for p in json.loads(line)["text"].split("\n\n") if len(p.split()) >= 15)
        if len(paragraphs) >= PARAGRAPHS:
            break
    return "\n\n".join(paragraphs[:PARAGRAPHS]) + "\n"


def best_of(command: list[str], env: dict[str, str]) -> float:
    best = float("inf")
    for _ in range(RUNS):
        started = time.perf_counter()
        subprocess.run(command, env=env, check=True, capture_output=True)
        best = min(best, time.perf_counter() - started)
    return best


def in_process(code: str, env: dict[str, str]) -> float:
    """Run ``code`` in a fresh interpreter; it prints the seconds it measured."""
    return float(in_process_lines(code, env)[-1])


def in_process_lines(code: str, env: dict[str, str]) -> list[str]:
    """Run ``code`` in a fresh interpreter; the lines it prints."""
    result = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], env=env, check=True, capture_output=True, text=True)
    return result.stdout.splitlines()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--package", type=Path, help="an .argosmodel file (default: the test suite's small package)")
    parser.add_argument("--cores", action="store_true", help="only the --jobs and raw CTranslate2 figures")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        package, env = installed_for_commands(root, options.package)
        translator = [sys.executable, "-m", "translator"]
        text = fifty_paragraphs()
        article = root / "fifty.txt"
        article.write_text(text, encoding="utf-8")
        words = len(text.split())
        print(f"package: {package.name}; text: {PARAGRAPHS} paragraphs, {words} words")

        if not options.cores:
            end_to_end(translator, article, words, root, env)
        cores(article, env)


def end_to_end(translator: list[str], article: Path, words: int, root: Path, env: dict[str, str]) -> None:
    """Our command vs argostranslate's, and the translation memory."""
    ours = best_of([*translator, "translate", "--to", "en", "--no-cache", "--no-builtin-glossary", str(article)], env)
    theirs = best_of([sys.executable, "-c", f"import argostranslate.translate as t; t.translate(open({str(article)!r}).read(), 'fr', 'en')"], env)
    print(f"end to end (process start, model load, translation; best of {RUNS}):")
    print(f"  translator translate       {words / ours:8.0f} words/s ({ours:.2f} s)")
    print(f"  argostranslate translate() {words / theirs:8.0f} words/s ({theirs:.2f} s)   speed-up {theirs / ours:.1f}x (goal >= 1.5x)")

    ours_warm = in_process(f"""
        import time
        from translator.translate.engines.argos import ArgosEngine
        from translator.translate.glossary import Glossary
        from translator.translate.packages import find_package
        from translator.translate.documents import translate_documents
        engine = ArgosEngine(find_package("fr", "en"))
        engine.translate(["Bonjour."])
        text = open({str(article)!r}).read()
        started = time.perf_counter()
        translate_documents([text], engine.translate, Glossary(), model_id="bench")
        print(time.perf_counter() - started)
    """, env)
    theirs_warm = in_process(f"""
        import time
        import argostranslate.translate as t
        t.translate("Bonjour.", "fr", "en")
        text = open({str(article)!r}).read()
        started = time.perf_counter()
        t.translate(text, "fr", "en")
        print(time.perf_counter() - started)
    """, env)
    print("in process, model already loaded:")
    print(f"  translator translate_documents() {words / ours_warm:8.0f} words/s ({ours_warm:.3f} s)")
    print(f"  argostranslate translate()       {words / theirs_warm:8.0f} words/s ({theirs_warm:.3f} s)   speed-up {theirs_warm / ours_warm:.1f}x")

    cache = root / "memory.sqlite3"
    command = [*translator, "translate", "--to", "en", "--cache", str(cache), str(article)]
    started = time.perf_counter()
    subprocess.run(command, env=env, check=True, capture_output=True)
    cold = time.perf_counter() - started
    warm = best_of(command, env)
    stage_cold, stage_warm = (
        in_process(f"""
            import time
            from translator.translate.engines.argos import ArgosEngine
            from translator.translate.glossary import Glossary
            from translator.translate.memory import TranslationMemory
            from translator.translate.packages import find_package
            from translator.translate.documents import translate_documents
            engine = ArgosEngine(find_package("fr", "en"))
            engine.translate(["Bonjour."])
            text = open({str(article)!r}).read()
            with TranslationMemory({str(root / 'stage.sqlite3')!r}) as memory:
                started = time.perf_counter()
                translate_documents([text], engine.translate, Glossary(), model_id="bench", memory=memory, memory_key="bench")
                print(time.perf_counter() - started)
        """, env)
        for _ in range(2)
    )
    print("translation memory:")
    print(f"  command line: cold {cold:.2f} s, warm re-run {warm:.2f} s: {cold / warm:.1f}x faster (process start included)")
    print(f"  translate stage: cold {stage_cold * 1000:.1f} ms, warm {stage_warm * 1000:.1f} ms: {stage_cold / stage_warm:.0f}x faster (goal >= 50x)")


def cores(article: Path, env: dict[str, str]) -> None:
    """Words/s with one and two model replicas, and against raw CTranslate2, model loaded."""
    print(f"cores (model loaded, {RUNS} runs, best; load: {os.getloadavg()[0]:.2f}):")
    for line in in_process_lines(f"""
        import time
        import ctranslate2
        from translator.document import split_sentences
        from translator.translate.engines import Hardware
        from translator.translate.engines.argos import BEAM_SIZE, LENGTH_PENALTY, MAX_BATCH_SIZE, ArgosEngine
        from translator.translate.packages import find_package
        text = open({str(article)!r}).read()
        sentences = [text[s.start:s.end] for paragraph in text.split("\\n\\n") for s in split_sentences(paragraph)] * 4
        words = sum(len(s.split()) for s in sentences)
        def best(translate):
            times = []
            for _ in range({RUNS}):
                started = time.perf_counter()
                result = translate(sentences)
                times.append(time.perf_counter() - started)
            return min(times), result
        package = find_package("fr", "en")
        one, ours = best(ArgosEngine(package, Hardware("cpu", "default", 1)).translate)
        two, ours_two = best(ArgosEngine(package, Hardware("cpu", "default", 2)).translate)
        assert ours == ours_two, "--jobs changed a translation"
        raw = ctranslate2.Translator(str(package.model_dir), device="cpu", intra_threads=1)
        engine = ArgosEngine(package, Hardware("cpu", "default", 1))
        tokens = [engine._tokenizer.encode(s, out_type=str) for s in sentences]
        def raw_translate(_):
            results = raw.translate_batch(tokens, beam_size=BEAM_SIZE, length_penalty=LENGTH_PENALTY, replace_unknowns=True,
                                          max_batch_size=MAX_BATCH_SIZE, max_decoding_length=2 * max(map(len, tokens)) + 16)
            return [engine._tokenizer.decode(r.hypotheses[0]) for r in results]
        bare, _ = best(raw_translate)
        print(f"  {{len(sentences)}} sentences, {{words}} words")
        print(f"  --jobs 1                 {{words / one:8.0f}} words/s")
        print(f"  --jobs 2                 {{words / two:8.0f}} words/s   {{one / two:.2f}}x (goal >= 1.6x on 2 cores)")
        print(f"  raw translate_batch      {{words / bare:8.0f}} words/s   ours/raw {{bare / one:.2f}} (goal >= 0.95)")
    """, env):
        print(line)


if __name__ == "__main__":
    main()
