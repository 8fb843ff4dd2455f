"""The whole job for a folder of articles: clean → translate → review, chunk by chunk.

For ``NAME.fr.txt`` (or ``NAME.txt``) it writes ``NAME.clean.fr.txt``, ``NAME.en.txt``
(with a target language), ``NAME.report.json`` and ``NAME.review.html``, then an
``index.html`` listing every article with its counts.

Articles go through in chunks (:func:`run_chunk`: read, clean, translate in one engine
call, write each article whole, its report last); the translation memory keeps what
each engine call translated.  An article whose outputs are newer than its input and
were made with the same rules, glossary, model and grammar check is skipped, so a run
killed at any point resumes where it stopped and ends with the outputs an uninterrupted
run writes.  An article whose grammar check was skipped (LanguageTool was down) is redone
when LanguageTool answers again.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from ..clean.cleaner import CleanResult
from ..diagnostics import Located, Source
from ..errors import TranslatorError
from ..io.files import (
    SourceText,
    display_name,
    read_source,
    temporary_prefix,
    write_atomic,
)
from ..report.article import ArticleReport
from ..review.html import html_page, index_page
from ..review.model import article_review
from .job import Job

CHUNK_SIZE = 32


@dataclass
class RunReport:
    """What happened to each input: done, skipped as up to date, or failed; and the
    articles whose grammar check was skipped, with why."""

    done: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    qa_skipped: list[tuple[str, str]] = field(default_factory=list)


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
    job: Job,
    *,
    encoding: str = "utf-8",
    chunk_size: int = CHUNK_SIZE,
    on_file: Callable[[str], None] = lambda name: None,
) -> RunReport:
    """Process every file, chunk by chunk; one that fails is reported and the others still finish."""
    prepare_run(files, outdir, job.translation is not None)
    report = RunReport()
    pending = []
    for name in files:
        if _up_to_date(name, outdir, job, encoding):
            report.skipped.append(name)
        else:
            pending.append(name)
    for chunk in _chunks(pending, chunk_size):
        sources = []
        for name in chunk:
            try:
                sources.append(read_source(name, encoding))
            except TranslatorError as problem:
                report.failed.append((name, str(problem)))
        for name, problem in run_chunk(job, sources, outdir):
            on_file(name)
            if problem is None:
                report.done.append(name)
            else:
                report.failed.append((name, problem))
    finish_run(files, outdir, job.translation is not None, report)
    return report


def finish_run(files: Sequence[str], outdir: Path, translated: bool, report: RunReport) -> None:
    """Write ``index.html`` listing every input's saved report, and note in ``report`` the
    articles whose grammar check was skipped."""
    saved = _saved_reports(files, outdir, translated)
    write_atomic(outdir / "index.html", index_page("translator run", _index_entries(saved, outdir, translated)).encode())
    skipped_checks = {name: _qa_skipped(saved_report) for name, saved_report in saved.items()}
    report.qa_skipped = [(name, reasons[0]) for name, reasons in skipped_checks.items() if reasons]


def run_chunk(job: Job, sources: Sequence[SourceText], outdir: Path,
              cleaned: Sequence[CleanResult | None] | None = None) -> list[tuple[str, str | None]]:
    """Clean (unless ``cleaned`` says what cleaning made of them), translate and write these
    articles; for each, its name and the problem that stopped it (None when its outputs
    are written).  The unit a distributed engine calls."""
    outcomes = []
    for source, article in zip(sources, job.process(sources, cleaned)):
        try:
            _write_article(outdir, source, article, stamp(job, article.language, source.text))
            outcomes.append((source.name, None))
        except TranslatorError as problem:
            outcomes.append((source.name, str(problem)))
    return outcomes


def stamp(job: Job, lang: str, text: str) -> dict[str, object]:
    """What made an article's outputs from ``text``: a change of any of these redoes it."""
    translation = job.translation
    return {"input": hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16],
            "rules": job.rules(lang).fingerprint,
            "glossary": translation.glossary.fingerprint if translation else None,
            "model": translation.model_id if translation else None,
            "target": translation.target if translation else None,
            "qa": job.qa.fingerprint if job.qa is not None else None}


def prepare_run(files: Sequence[str], outdir: Path, translated: bool) -> None:
    """Check that the inputs' outputs do not collide and remove writes a killed run left unfinished."""
    _check_names(files, outdir)
    remove_unfinished_writes(outdir, files, translated)


def _chunks(names: Sequence[str], size: int) -> Iterator[list[str]]:
    iterator = iter(names)
    while chunk := list(islice(iterator, size)):
        yield chunk


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


def remove_unfinished_writes(outdir: Path, files: Sequence[str], translated: bool) -> None:
    """Temporary files of our outputs left by a run that was killed while writing them."""
    if not outdir.is_dir():
        return
    ours = tuple({temporary_prefix(path.name) for name in files for path in outputs_of(outdir, article_name(name), translated).values()}
                 | {temporary_prefix("index.html")})
    for path in outdir.glob(".*.tmp"):
        if path.name.startswith(ours):
            path.unlink(missing_ok=True)


def _up_to_date(name: str, outdir: Path, job: Job, encoding: str) -> bool:
    """Its outputs are all newer than it (touching a file redoes it, as make does) and were
    made from this very text (a file copied in with an old date is new all the same) with
    the same rules, glossary, model and grammar check."""
    outputs = outputs_of(outdir, article_name(name), job.translation is not None)
    try:
        source_time = os.stat(name).st_mtime_ns
        if not all(path.stat().st_mtime_ns >= source_time for path in outputs.values()):
            return False
        return is_done(read_source(name, encoding), outdir, job)
    except (OSError, TranslatorError):
        return False


def is_done(source: SourceText, outdir: Path, job: Job) -> bool:
    """The article's outputs are all there, its report made from this very text with the
    same rules, glossary, model and grammar check (and that check not skipped when it
    can run now)."""
    outputs = outputs_of(outdir, article_name(source.name), job.translation is not None)
    try:
        if not all(path.exists() for path in outputs.values()):
            return False
        report = json.loads(outputs["report"].read_text(encoding="utf-8"))
        if job.qa is not None and job.qa.skipped is None and _qa_skipped(report):
            return False  # LanguageTool answers now
        return report.get("pipeline") == stamp(job, report.get("language", "fr"), source.text)
    except (OSError, ValueError, TranslatorError):
        return False


def _qa_skipped(report: dict) -> list[str]:
    """Why the grammar check of a saved report's texts was skipped (empty: done, or not asked)."""
    return [check["reason"] for check in report.get("qa", {}).values() if check["status"] == "skipped"]


def _write_article(outdir: Path, source: SourceText, article: ArticleReport, made_with: dict[str, object]) -> None:
    name = article_name(source.name)
    translation = article.translation
    outputs = outputs_of(outdir, name, translation is not None)
    located = {Located.CLEANED: display_name(str(outputs["clean"]))}
    if translation is not None:
        located[Located.TRANSLATION] = display_name(str(outputs["english"]))
    article = dataclasses.replace(article, outputs=located, pipeline=made_with, memory_use=False)
    contents = {"clean": source.encode(article.clean.text), "review": html_page(article_review(article, display_name(name))).encode(),
                # the report last: it is what marks the article as done for a resumed run
                "report": json.dumps(article.to_dict(), ensure_ascii=False, indent=1).encode()}
    if translation is not None:
        contents = {"english": source.encode(translation.text), **contents}
    for kind, data in contents.items():  # all encoded first: a failure leaves no half of an article
        write_atomic(outputs[kind], data)
    if translation is None:  # a translation from an earlier run with --to is not this run's
        outputs_of(outdir, name, True)["english"].unlink(missing_ok=True)


def _saved_reports(files: Sequence[str], outdir: Path, translated: bool) -> dict[str, dict]:
    """The report each input has in ``outdir``, for those that have a readable one."""
    saved = {}
    for name in files:
        try:
            saved[name] = json.loads(outputs_of(outdir, article_name(name), translated)["report"].read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
    return saved


def _index_entries(saved: dict[str, dict], outdir: Path, translated: bool) -> list[dict[str, object]]:
    entries = []
    for name, report in saved.items():
        outputs = outputs_of(outdir, article_name(name), translated)
        findings = report["findings"]
        levels = [f["level"] for f in findings if f["source"] == Source.CLEAN]
        entries.append({
            "article": display_name(article_name(name)),
            "review": outputs["review"].name,
            "errors": levels.count("error"),
            "warnings": levels.count("warning"),
            "info": levels.count("info"),
            "glossary violations": sum(f["source"] == Source.GLOSSARY for f in findings) if translated else "",
            "published_at": report["clean"]["metadata"].get("published_at", ""),
            "grammar and style": _grammar_and_style(report),
        })
    return entries


def _grammar_and_style(report: dict) -> object:
    """The index's count of grammar and style findings: "skipped" when no text was checked,
    the count and what was not checked when some were, nothing when QA was not asked."""
    checks = report.get("qa", {})
    skipped = [located for located, check in checks.items() if check["status"] == "skipped"]
    if not checks:
        return ""
    if len(skipped) == len(checks):
        return "skipped"
    found = sum(f["source"] == Source.QA for f in report["findings"])
    return f"{found} ({', '.join(skipped)} skipped)" if skipped else found
