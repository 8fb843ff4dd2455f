"""The whole job for a folder of articles: clean → translate → review, chunk by chunk.

For ``NAME.fr.txt`` (or ``NAME.txt``) it writes ``NAME.clean.fr.txt``, ``NAME.en.txt``
(with a target language), ``NAME.report.json`` and ``NAME.review.html``, then an
``index.html`` listing every article with its counts.  A corpus or a crawl ``NAME.jsonl``
(``.parquet``, ``.warc.gz``) gives the same four files for each of its records, in the
folder ``NAME/`` and named by the record's id, and the output corpus ``NAME.jsonl``
(``.parquet``) with every record in input order (see :mod:`translator.pipeline.corpus`).

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
import re
from collections.abc import Callable, Iterator, Sequence
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..diagnostics import Located, Source
from ..errors import TranslatorError
from ..io.batch import chunks
from ..io.corpus import CorpusWriter, error_record, output_record
from ..io.files import (
    SourceText,
    display_name,
    read_source,
    temporary_prefix,
    write_atomic,
)
from ..io.formats import BadRecord, Skipped, format_for, read_articles
from ..report.article import ArticleReport
from ..review.html import html_page, index_page
from ..review.model import article_review
from .corpus import record_from_report
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
    no_article: Counter[tuple[str, str]] = field(default_factory=Counter)  # (input, why) → records of a crawl that are none


def article_name(path: str) -> str:
    """``poutine.fr.txt`` → ``poutine``: the stem the outputs are named after."""
    name = Path(path).name
    for suffix in (".txt", ".fr"):
        name = name.removesuffix(suffix)
    return name


def output_stem(source: SourceText) -> str:
    """What an article's outputs are named after: its file's stem, or for a record of a
    corpus ``CORPUS/ID`` (an id unfit for a file name is made fit, with a hash of it)."""
    if source.origin is None:
        return article_name(source.name)
    key = source.name.rpartition("#")[2]
    if not _FIT_NAME.fullmatch(key):
        key = f"{re.sub(r'[^A-Za-z0-9._-]+', '_', key)[:80].strip('._')}-{hashlib.sha1(key.encode('utf-8', 'surrogatepass')).hexdigest()[:10]}"
    return f"{corpus_stem(source.origin)}/{key}"


_FIT_NAME = re.compile(r"[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}")


def corpus_stem(name: str) -> str:
    """``corpus.jsonl`` → ``corpus``, ``crawl.warc.gz`` → ``crawl``: the folder of its records' outputs."""
    return Path(format_for(name).output_name(Path(name).name)).stem


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
    _check_names(files, outdir)
    translated = job.translation is not None
    _remove_unfinished_writes(outdir, files, translated)
    report = RunReport()
    singles = [name for name in files if not format_for(name).many]
    pending = []
    for name in singles:
        if _up_to_date(name, outdir, job, encoding):
            report.skipped.append(name)
        else:
            pending.append(name)
    for chunk in chunks(pending, chunk_size):
        sources = []
        for name in chunk:
            try:
                sources.append(read_source(name, encoding))
            except TranslatorError as problem:
                report.failed.append((name, str(problem)))
        _note(report, run_chunk(job, sources, outdir), on_file)
    articles = {name: article_name(name) for name in singles}
    for name in files:
        if format_for(name).many:
            articles.update(_run_corpus(name, outdir, job, report, encoding=encoding, chunk_size=chunk_size))
            on_file(name)
    entries = []
    for name, saved in _saved_reports(articles, outdir, translated):  # one at a time: a corpus's may be many
        entries.append(_index_entry(saved, articles[name], outdir, translated))
        if reasons := _qa_skipped(saved):
            report.qa_skipped.append((name, reasons[0]))
    write_atomic(outdir / "index.html", index_page("translator run", entries).encode())
    return report


def _note(report: RunReport, outcomes: list[tuple[str, str | None]], on_file: Callable[[str], None] = lambda name: None) -> None:
    for name, problem in outcomes:
        on_file(name)
        if problem is None:
            report.done.append(name)
        else:
            report.failed.append((name, problem))


def _run_corpus(name: str, outdir: Path, job: Job, report: RunReport, *, encoding: str, chunk_size: int) -> dict[str, str]:
    """Every record of a corpus through the pipeline, and the output corpus written in
    input order; its articles (name → output stem)."""
    input_format = format_for(name)
    translated = job.translation is not None
    articles: dict[str, str] = {}
    try:
        writer = CorpusWriter(outdir / input_format.output_name(Path(name).name), input_format.writes_as or "jsonl", schema_of=name)
    except TranslatorError as problem:
        report.failed.append((name, str(problem)))
        return articles
    try:
        records = (record for record in read_articles(name, encoding) if not _no_article(record, report))
        for chunk in chunks(records, chunk_size):
            sources = [record for record in chunk if isinstance(record, SourceText)]
            articles.update((source.name, output_stem(source)) for source in sources)
            pending = [source for source in sources if not _record_up_to_date(source, outdir, job)]
            report.skipped.extend(source.name for source in sources if source not in pending)
            problems = dict(run_chunk(job, pending, outdir))
            _note(report, list(problems.items()))
            for record in chunk:
                writer.write(_output_record(record, problems.get(record.name), outdir, translated, report))
    except TranslatorError as broke:  # the file breaks off: the records before it stay
        report.failed.append((name, str(broke)))
    except BaseException:
        writer.discard()
        raise
    writer.commit()
    return articles


def _output_record(record: SourceText | BadRecord, problem: str | None, outdir: Path, translated: bool,
                   report: RunReport) -> dict[str, object]:
    """A record of the output corpus: from the article's saved report, or with why there is none."""
    if isinstance(record, BadRecord):
        report.failed.append((record.origin or record.name, record.problem))
        return error_record(record)
    saved = _saved_report(outputs_of(outdir, output_stem(record), translated)["report"]) if problem is None else None
    if saved is None:
        return output_record(record, record.text, {"error": problem or f"{record.name}: its report cannot be read"})
    return record_from_report(record, saved)


def _no_article(record: object, report: RunReport) -> bool:
    """A record that is no article by design (counted), not one to process or keep."""
    if isinstance(record, Skipped):
        report.no_article[(record.origin or "", record.kind)] += 1
        return True
    return False


def run_chunk(job: Job, sources: Sequence[SourceText], outdir: Path) -> list[tuple[str, str | None]]:
    """Clean, translate and write these articles; for each, its name and the problem
    that stopped it (None when its outputs are written).  The unit a distributed engine calls."""
    outcomes = []
    for source, article in zip(sources, job.process(sources)):
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


def _check_names(files: Sequence[str], outdir: Path) -> None:
    """Two inputs must not write the same outputs, nor can the outputs go among the inputs."""
    seen: dict[str, str] = {}
    for name in files:
        stem = corpus_stem(name) if format_for(name).many else article_name(name)
        if stem in seen:
            raise TranslatorError(f"{seen[stem]} and {name} would both write {stem}.*; rename one of them")
        seen[stem] = name
        if Path(name).resolve().parent == outdir.resolve():
            raise TranslatorError(f"{outdir}: the output folder holds the inputs; choose another folder for -o")


def _remove_unfinished_writes(outdir: Path, files: Sequence[str], translated: bool) -> None:
    """Temporary files of our outputs left by a run that was killed while writing them."""
    if not outdir.is_dir():
        return
    corpora = [name for name in files if format_for(name).many]
    ours = tuple({temporary_prefix(path.name) for name in files for path in outputs_of(outdir, article_name(name), translated).values()}
                 | {temporary_prefix(format_for(name).output_name(Path(name).name)) for name in corpora}
                 | {temporary_prefix("index.html")})
    for path in outdir.glob(".*.tmp"):
        if path.name.startswith(ours):
            path.unlink(missing_ok=True)
    for name in corpora:  # a corpus's folder holds only its records' outputs
        for path in (outdir / corpus_stem(name)).glob(".*.tmp"):
            path.unlink(missing_ok=True)


def _record_up_to_date(source: SourceText, outdir: Path, job: Job) -> bool:
    """A corpus's record was done from this very text the same way (its file's date says
    nothing of one record)."""
    saved = _saved_report(outputs_of(outdir, output_stem(source), job.translation is not None)["report"])
    return saved is not None and _made_with(saved, job, source.text) and all(
        path.exists() for path in outputs_of(outdir, output_stem(source), job.translation is not None).values())


def _made_with(report: dict, job: Job, text: str) -> bool:
    if job.qa is not None and job.qa.skipped is None and _qa_skipped(report):
        return False  # LanguageTool answers now
    return report.get("pipeline") == stamp(job, report.get("language", "fr"), text)


def _saved_report(path: Path) -> dict | None:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _up_to_date(name: str, outdir: Path, job: Job, encoding: str) -> bool:
    """Its outputs are all newer than it (touching a file redoes it, as make does) and were
    made from this very text (a file copied in with an old date is new all the same) with
    the same rules, glossary, model and grammar check."""
    outputs = outputs_of(outdir, article_name(name), job.translation is not None)
    try:
        source_time = os.stat(name).st_mtime_ns
        if not all(path.stat().st_mtime_ns >= source_time for path in outputs.values()):
            return False
        report = json.loads(outputs["report"].read_text(encoding="utf-8"))
        return _made_with(report, job, read_source(name, encoding).text)
    except (OSError, ValueError, TranslatorError):
        return False


def _qa_skipped(report: dict) -> list[str]:
    """Why the grammar check of a saved report's texts was skipped (empty: done, or not asked)."""
    return [check["reason"] for check in report.get("qa", {}).values() if check["status"] == "skipped"]


def _write_article(outdir: Path, source: SourceText, article: ArticleReport, made_with: dict[str, object]) -> None:
    name = output_stem(source)
    translation = article.translation
    outputs = outputs_of(outdir, name, translation is not None)
    located = {Located.CLEANED: display_name(str(outputs["clean"]))}
    if translation is not None:
        located[Located.TRANSLATION] = display_name(str(outputs["english"]))
    article = dataclasses.replace(article, outputs=located, pipeline=made_with, memory_use=False)
    contents = {"clean": source.encode(article.clean.text), "review": html_page(article_review(article, display_name(Path(name).name))).encode(),
                # the report last: it is what marks the article as done for a resumed run
                "report": json.dumps(article.to_dict(), ensure_ascii=False, indent=1).encode()}
    if translation is not None:
        contents = {"english": source.encode(translation.text), **contents}
    for kind, data in contents.items():  # all encoded first: a failure leaves no half of an article
        write_atomic(outputs[kind], data)
    if translation is None:  # a translation from an earlier run with --to is not this run's
        outputs_of(outdir, name, True)["english"].unlink(missing_ok=True)


def _saved_reports(articles: dict[str, str], outdir: Path, translated: bool) -> Iterator[tuple[str, dict]]:
    """The report each article (name → output stem) has in ``outdir``, for those that have a readable one."""
    for name, stem in articles.items():
        report = _saved_report(outputs_of(outdir, stem, translated)["report"])
        if report is not None:
            yield name, report


def _index_entry(report: dict, stem: str, outdir: Path, translated: bool) -> dict[str, object]:
    outputs = outputs_of(outdir, stem, translated)
    findings = report["findings"]
    levels = [f["level"] for f in findings if f["source"] == Source.CLEAN]
    return {
        "article": display_name(stem),
        "review": outputs["review"].relative_to(outdir).as_posix(),
        "errors": levels.count("error"),
        "warnings": levels.count("warning"),
        "info": levels.count("info"),
        "glossary violations": sum(f["source"] == Source.GLOSSARY for f in findings) if translated else "",
        "published_at": report["clean"]["metadata"].get("published_at", ""),
        "grammar and style": _grammar_and_style(report),
    }


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
