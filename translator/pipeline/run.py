"""The whole job for a folder of articles: clean → translate → review, per article.

For ``NAME.fr.txt`` (or ``NAME.txt``) it writes ``NAME.clean.fr.txt``, ``NAME.en.txt``
(with a target language), ``NAME.report.json`` and ``NAME.review.html``, then an
``index.html`` listing every article with its counts.  An article whose outputs are
newer than its input and were made with the same rules, glossary and model is
skipped, so an interrupted run resumes where it stopped.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from ..clean.cleaner import CleanResult, clean_text
from ..clean.rules import RuleSet
from ..errors import TranslatorError
from ..io.files import SourceText, read_source, write_atomic
from ..qa.checker import QARun, qa_report
from ..report.bilingual import segment_dict
from ..review.html import html_page, index_page
from ..review.model import clean_review, translation_review, with_qa
from ..translate.documents import TranslationContext


@dataclass
class RunReport:
    """What happened to each input: done, skipped as up to date, or failed."""

    done: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)


def article_name(path: str) -> str:
    """``poutine.fr.txt`` → ``poutine``: the stem the outputs are named after."""
    name = Path(path).name
    for suffix in (".txt", ".fr"):
        name = name.removesuffix(suffix)
    return name


def outputs_of(outdir: Path, name: str, translated: bool) -> dict[str, Path]:
    outputs = {"clean": outdir / f"{name}.clean.fr.txt", "report": outdir / f"{name}.report.json", "review": outdir / f"{name}.review.html"}
    if translated:
        outputs["english"] = outdir / f"{name}.en.txt"
    return outputs


def run_pipeline(
    files: Sequence[str],
    outdir: Path,
    rules: RuleSet,
    *,
    encoding: str = "utf-8",
    translation: TranslationContext | None = None,
    qa: QARun | None = None,
    jobs: int = 1,
    on_file: Callable[[str], None] = lambda name: None,
) -> RunReport:
    """Process every file; one that fails is reported and the others still finish."""
    _check_names(files, outdir)
    report = RunReport()
    stamp = {"rules": rules.fingerprint, "glossary": translation.glossary.fingerprint if translation else None,
             "model": translation.model_id if translation else None, "target": translation.target if translation else None}
    pending: list[SourceText] = []
    for name in files:
        if _up_to_date(name, outdir, stamp):
            report.skipped.append(name)
            continue
        try:
            pending.append(read_source(name, encoding))
        except TranslatorError as problem:
            report.failed.append((name, str(problem)))
    cleaned = _clean_all([s.text for s in pending], rules, jobs)
    translated = translation.translate([c.text for c in cleaned]) if translation else [None] * len(cleaned)
    for source, result, english in zip(pending, cleaned, translated):
        on_file(source.name)
        try:
            _write_article(outdir, source, result, english, stamp, qa)
            report.done.append(source.name)
        except TranslatorError as problem:
            report.failed.append((source.name, str(problem)))
    write_atomic(outdir / "index.html", index_page("translator run", _index_entries(files, outdir, translation is not None)).encode())
    return report


def _check_names(files: Sequence[str], outdir: Path) -> None:
    """Two inputs must not write the same outputs, nor can the outputs go among the inputs."""
    seen: dict[str, str] = {}
    for name in files:
        stem = article_name(name)
        if stem in seen:
            raise TranslatorError(f"{seen[stem]} and {name} would both write {stem}.*; rename one of them")
        seen[stem] = name
        if Path(name).resolve().parent == outdir.resolve():
            raise TranslatorError(f"{outdir}: the output folder holds the inputs; choose another folder for -o")


def _up_to_date(name: str, outdir: Path, stamp: dict) -> bool:
    outputs = outputs_of(outdir, article_name(name), stamp["target"] is not None)
    try:
        source_time = os.stat(name).st_mtime_ns
        if not all(path.stat().st_mtime_ns >= source_time for path in outputs.values()):
            return False
        return json.loads(outputs["report"].read_text(encoding="utf-8")).get("pipeline") == stamp
    except (OSError, ValueError):
        return False


_worker_rules: RuleSet | None = None


def _start_worker(rules: RuleSet) -> None:
    global _worker_rules
    _worker_rules = rules


def _clean_in_worker(text: str) -> CleanResult:
    assert _worker_rules is not None
    return clean_text(text, _worker_rules)


def _clean_all(texts: list[str], rules: RuleSet, jobs: int) -> list[CleanResult]:
    if jobs <= 1 or len(texts) < 2:
        return [clean_text(text, rules) for text in texts]
    with ProcessPoolExecutor(max_workers=jobs, initializer=_start_worker, initargs=(rules,)) as pool:
        return list(pool.map(_clean_in_worker, texts, chunksize=max(1, len(texts) // (4 * jobs))))


def _write_article(outdir: Path, source: SourceText, result: CleanResult, english, stamp: dict, qa: QARun | None) -> None:
    name = article_name(source.name)
    outputs = outputs_of(outdir, name, english is not None)
    review = translation_review(name, result, english) if english is not None else clean_review(name, result)
    report = {"file": source.name, "pipeline": stamp, "clean": result.to_dict()}
    if english is not None:
        report["translation"] = {"model": english.model, "glossary": english.glossary, "text": english.text,
                                 "violations": english.violations, "segments": [segment_dict(s) for s in english.segments]}
    if qa is not None:
        report["qa"] = {}
        checked = [(1, "fr", result.text)] + ([(2, stamp["target"], english.text)] if english is not None else [])
        for column, lang, text in checked:
            findings, skipped = qa.check(text, lang)
            review = with_qa(review, column, text, findings, skipped)
            report["qa"][lang] = qa_report(findings, skipped)
    contents = {"clean": source.encode(result.text), "review": html_page(review).encode(),
                # the report last: it is what marks the article as done for a resumed run
                "report": json.dumps(report, ensure_ascii=False, indent=1).encode()}
    if english is not None:
        contents = {"english": source.encode(english.text), **contents}
    for kind, data in contents.items():  # all encoded first: a failure leaves no half of an article
        write_atomic(outputs[kind], data)


def _index_entries(files: Sequence[str], outdir: Path, translated: bool) -> list[dict[str, object]]:
    entries = []
    for name in files:
        outputs = outputs_of(outdir, article_name(name), translated)
        try:
            report = json.loads(outputs["report"].read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        levels = [f["level"] for f in report["clean"]["findings"]]
        entries.append({
            "article": article_name(name),
            "review": outputs["review"].name,
            "errors": levels.count("error"),
            "warnings": levels.count("warning"),
            "info": levels.count("info"),
            "glossary violations": len(report.get("translation", {}).get("violations", [])) if translated else "",
            "published_at": report["clean"]["metadata"].get("published_at", ""),
            "grammar and style": sum(len(qa.get("findings", [])) for qa in report.get("qa", {}).values()) if "qa" in report else "",
        })
    return entries
