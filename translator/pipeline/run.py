"""The whole job for a folder of articles: clean → translate → review, chunk by chunk.

For ``NAME.fr.txt`` (or ``NAME.txt``) it writes ``NAME.clean.fr.txt``, ``NAME.en.txt``
(with a target language), ``NAME.report.json`` and ``NAME.review.html``, then an
``index.html`` listing every article with its counts.  Each file is read by its format:
a web page ``NAME.html`` gives its cleaned article as ``NAME.clean.fr.txt``, a Markdown
file ``NAME.md`` keeps its markup in ``NAME.clean.fr.md``.  A corpus or a crawl
``NAME.jsonl`` (``.parquet``, ``.warc.gz``) gives the same files for each of its records,
in the folder ``NAME/`` and named by the record's id, and the output corpus ``NAME.jsonl``
(``.parquet``) with every record in input order (see :mod:`translator.pipeline.corpus`),
or its shards ``NAME.shards/part-00000.jsonl``… of ``shard_size`` records each.

Articles go through in chunks (:func:`run_chunk`: read, clean, translate in one engine
call, write each article whole, its report last); the translation memory keeps what
each engine call translated.  An article whose outputs are newer than its input and
were made with the same rules, glossary, model and grammar check is skipped, so a run
killed at any point resumes where it stopped and ends with the outputs an uninterrupted
run writes.  An article whose grammar check was skipped (LanguageTool was down) is redone
when LanguageTool answers again.  A corpus's record is up to date when its report was made
from the same text the same way (its id names it: the record may have moved); the output
corpus is written whole again from the records' reports.

An editor's decisions beside an article (``NAME.decisions.json``) are applied, and
belong to what made its outputs.  The report keeps the sha256 of each text written
(``written``): a cleaned text or translation edited by hand afterwards is never
overwritten (nor removed), and the English is translated again from the edited
cleaned text (the translation memory serves the sentences that did not change).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..diagnostics import Located, Source
from ..errors import TranslatorError
from ..io.batch import chunks
from ..io.corpus import ShardedCorpusWriter, error_record, output_record, shards_folder
from ..io.files import (
    SourceText,
    decode_text,
    display_name,
    temporary_prefix,
    write_atomic,
)
from ..io.formats import BadRecord, Skipped, article_name, corpus_stem, format_for, read_article, read_articles
from ..report.article import ArticleReport
from ..review.decisions import Decisions, decisions_file, load_decisions
from ..review.html import html_page, index_page
from ..review.model import article_review
from .corpus import record_from_report
from .job import Cleaned, Job, cleaned_document

CHUNK_SIZE = 32
_LINKS = {"review": "review", "clean": "cleaned text", "english": "English", "report": "report"}  # the dashboard's names of outputs
EDITABLE = ("clean", "english")  # the outputs an editor may edit by hand


@dataclass
class RunReport:
    """What happened to each input: done, skipped as up to date, or failed; and the
    articles whose grammar check was skipped, with why."""

    done: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    qa_skipped: list[tuple[str, str]] = field(default_factory=list)
    decision_problems: list[str] = field(default_factory=list)  # an editor's decisions that no longer fit
    hand_edited: list[str] = field(default_factory=list)  # outputs edited by hand, kept as they are
    no_article: Counter[tuple[str, str]] = field(default_factory=Counter)  # (input, why) → records of a crawl that are none


def decisions_beside(article: str, input_format: str | None = None) -> Decisions | None:
    """The editor's decisions on an article: ``NAME.decisions.json`` beside it, if any."""
    path = decisions_file(article, article_name(article, input_format))
    return load_decisions(path) if path.exists() else None


def outputs_of(outdir: Path, path: str, translated: bool, input_format: str | None = None) -> dict[str, Path]:
    """The files an input's article is written to: its cleaned text keeps the input's
    suffix when it is written in the input's own format (``.md``), else ``.txt``."""
    name = article_name(path, input_format)
    kept = format_for(path, input_format).rewritable and Path(path).suffix.lower() not in ("", ".fr")
    clean_suffix = Path(path).suffix if kept else ".txt"
    outputs = {"clean": outdir / f"{name}.clean.fr{clean_suffix}", "report": outdir / f"{name}.report.json",
               "review": outdir / f"{name}.review.html"}
    if translated:
        outputs["english"] = outdir / f"{name}.en.txt"
    return outputs


def run_pipeline(
    files: Sequence[str],
    outdir: Path,
    job: Job,
    *,
    encoding: str = "utf-8",
    input_format: str | None = None,
    chunk_size: int = CHUNK_SIZE,
    shard_size: int = 0,
    on_file: Callable[[str], None] = lambda name: None,
) -> RunReport:
    """Process every file, chunk by chunk; one that fails is reported and the others still
    finish.  ``input_format`` reads every file as that format (None: by its suffix);
    a corpus's output is written in shards of ``shard_size`` records (0: one file)."""
    prepare_run(files, outdir, job.translation is not None, input_format)
    report = RunReport()
    singles = [name for name in files if not format_for(name, input_format).many]
    pending = []
    for name in singles:
        if _up_to_date(name, outdir, job, encoding, input_format):
            report.skipped.append(name)
        else:
            pending.append(name)
    for chunk in chunks(pending, chunk_size):
        sources = []
        for name in chunk:
            try:
                sources.append(read_article(name, encoding, input_format))
            except TranslatorError as problem:
                report.failed.append((name, str(problem)))
        _note(report, run_chunk(job, sources, outdir, input_format), on_file)
    articles = list(singles)
    for name in files:
        if format_for(name, input_format).many:
            articles += run_corpus(name, outdir, job, report, encoding=encoding, input_format=input_format, chunk_size=chunk_size,
                                   shard_size=shard_size)
            on_file(name)
    finish_run(articles, outdir, job, report, input_format)
    return report


def prepare_run(files: Sequence[str], outdir: Path, translated: bool, input_format: str | None = None) -> None:
    """Check that the inputs' outputs do not collide and remove writes a killed run left unfinished."""
    _check_names(files, outdir, input_format)
    remove_unfinished_writes(outdir, files, translated, input_format)


def finish_run(articles: Sequence[str], outdir: Path, job: Job, report: RunReport, input_format: str | None = None) -> None:
    """Write ``index.html`` listing every article's saved report (one at a time: a corpus's
    may be many) and the failed inputs, and note in ``report`` the articles whose grammar
    check was skipped, the decisions that failed and the hand edits."""
    translated = job.translation is not None
    failed = dict(report.failed)
    entries = []
    for name, saved in _saved_reports([a for a in articles if a not in failed], outdir, translated, input_format):
        entries.append(_index_entry(name, saved, outdir, translated, input_format))
        if reasons := _qa_skipped(saved):
            report.qa_skipped.append((name, reasons[0]))
        report.decision_problems += [f"{display_name(name)}: {f['message']}" for f in saved["findings"] if f["source"] == Source.DECISIONS]
        report.hand_edited += [display_name(str(outdir / entry["file"])) for entry in saved.get("written", {}).values() if entry["hand_edited"]]
    entries += [{"article": display_name(article_name(name, input_format)), "source": display_name(name), "status": "failed", "error": problem}
                for name, problem in report.failed]
    write_atomic(outdir / "index.html", index_page("translator run", entries, _run_settings(job)).encode())


def _note(report: RunReport, outcomes: list[tuple[str, str | None]], on_file: Callable[[str], None] = lambda name: None) -> None:
    for name, problem in outcomes:
        on_file(name)
        if problem is None:
            report.done.append(name)
        else:
            report.failed.append((name, problem))


def run_corpus(name: str, outdir: Path, job: Job, report: RunReport, *, encoding: str, input_format: str | None,
               chunk_size: int, shard_size: int = 0) -> list[str]:
    """Every record of a corpus through the pipeline, and the output corpus written in
    input order (in shards of ``shard_size`` records; 0: one file); the names of its articles."""
    corpus_format = format_for(name, input_format)
    translated = job.translation is not None
    articles: list[str] = []
    try:
        writer = ShardedCorpusWriter(corpus_output(outdir, name, input_format), corpus_format.writes_as or "jsonl", schema_of=name,
                                     shard_size=shard_size)
    except TranslatorError as problem:
        report.failed.append((name, str(problem)))
        return articles
    try:
        records = read_articles(name, encoding, input_format)
        for chunk in chunks((record for record in records if not _no_article(record, report)), chunk_size):
            sources = [record for record in chunk if isinstance(record, SourceText)]
            articles += [source.name for source in sources]
            pending = [source for source in sources if not is_done(source, outdir, job, input_format)]
            problems = dict(run_chunk(job, pending, outdir, input_format))
            for record in chunk:
                problem = problems.get(record.name) if not isinstance(record, BadRecord) else record.problem
                note_record(report, record, problem, done=record.name in problems)
                writer.write(corpus_output_record(record, problem, outdir, translated, input_format))
    except TranslatorError as broke:  # the file breaks off: the records before it stay
        report.failed.append((name, str(broke)))
    except BaseException:
        writer.discard()
        raise
    writer.commit()
    return articles


def corpus_output(outdir: Path, name: str, input_format: str | None) -> Path:
    """The output corpus of corpus ``name`` (when in one file; else the name its shards are named after)."""
    return outdir / format_for(name, input_format).output_name(Path(name).name)


def note_record(report: RunReport, record: SourceText | BadRecord, problem: str | None, *, done: bool) -> None:
    """What became of a corpus's record: failed (bad, or stopped by ``problem``), ``done``
    now, or up to date."""
    if problem is not None:
        report.failed.append((record.origin or record.name, problem) if isinstance(record, BadRecord) else (record.name, problem))
    else:
        (report.done if done else report.skipped).append(record.name)


def corpus_output_record(record: SourceText | BadRecord, problem: str | None, outdir: Path, translated: bool,
                         input_format: str | None) -> dict[str, object]:
    """A record of the output corpus: from the article's saved report, or with why there is none."""
    if isinstance(record, BadRecord):
        return error_record(record)
    saved = _saved_report(outputs_of(outdir, record.name, translated, input_format)["report"]) if problem is None else None
    if saved is None:
        return output_record(record, record.text, {"error": problem or f"{record.name}: its report cannot be read"})
    return record_from_report(record, saved)


def _no_article(record: object, report: RunReport) -> bool:
    """A record that is no article by design (counted), not one to process or keep."""
    if isinstance(record, Skipped):
        report.no_article[(record.origin or "", record.kind)] += 1
        return True
    return False


@dataclass(frozen=True)
class Prepared:
    """An article cleaned as a run writes it, with what writing it needs: its editor's
    decisions and its outputs edited by hand.  What travels from a cleaning worker to a
    translating one."""

    source: SourceText
    decisions: Decisions | None
    edited: dict[str, bytes]
    cleaned: Cleaned


@dataclass(frozen=True)
class MadeWith:
    """What makes a run's outputs besides each article's text, rules and decisions: its
    Job's glossary, model and grammar check.  Taken once from the Job that translates,
    it lets a worker whose Job only cleans judge which articles are done."""

    translated: bool
    glossary: str | None
    model: str | None
    target: str | None
    qa: str | None
    qa_answers: bool  # LanguageTool answers: an article whose grammar check was skipped is redone

    @classmethod
    def of(cls, job: Job) -> MadeWith:
        translation, qa = job.translation, job.qa
        return cls(translated=translation is not None, glossary=translation.glossary.fingerprint if translation else None,
                   model=translation.model_id if translation else None, target=translation.target if translation else None,
                   qa=qa.fingerprint if qa is not None else None, qa_answers=qa is not None and qa.skipped is None)


def run_chunk(job: Job, sources: Sequence[SourceText], outdir: Path, input_format: str | None = None) -> list[tuple[str, str | None]]:
    """Clean, translate and write these articles; for each, its name and the problem
    that stopped it (None when its outputs are written): :func:`prepare_chunk` then
    :func:`finish_chunk`, which a distributed engine runs on different workers."""
    prepared = prepare_chunk(job, sources, outdir, input_format)
    problems: list[tuple[str, str | None]] = [(source.name, item) for source, item in zip(sources, prepared) if isinstance(item, str)]
    return problems + finish_chunk(job, [item for item in prepared if isinstance(item, Prepared)], outdir, input_format)


def prepare_chunk(job: Job, sources: Sequence[SourceText], outdir: Path, input_format: str | None = None) -> list[Prepared | str]:
    """Each of these articles cleaned with the editor's decisions beside it and its
    cleaned text as an editor left it by hand, or the problem that stops it."""
    found: list[tuple[Decisions | None, dict[str, bytes]] | str] = []
    for source in sources:
        try:
            found.append((decisions_beside(source.name, input_format), _edited_by_hand(outdir, source.name, input_format)))
        except TranslatorError as problem:
            found.append(str(problem))
    ready = [(source, item) for source, item in zip(sources, found) if not isinstance(item, str)]
    cleaned_by_hand = [decode_text(source.name, edited["clean"], source.encoding).text if "clean" in edited else None
                       for source, (_, edited) in ready]
    cleaned = iter(job.clean([source for source, _ in ready], [decisions for _, (decisions, _) in ready], cleaned_by_hand))
    return [item if isinstance(item, str) else Prepared(source, *item, next(cleaned)) for source, item in zip(sources, found)]


def finish_chunk(job: Job, prepared: Sequence[Prepared], outdir: Path, input_format: str | None = None) -> list[tuple[str, str | None]]:
    """Translate (in one engine call), check and write these cleaned articles, each whole,
    its report last; for each, its name and the problem that stopped it (None: written)."""
    outcomes: list[tuple[str, str | None]] = []
    articles = job.translate_and_check([item.source for item in prepared], [item.cleaned for item in prepared])
    for item, article in zip(prepared, articles):
        source = item.source
        try:
            _write_article(outdir, source, article, stamp(job, article.language, source.text, item.decisions), item.edited,
                           item.decisions, input_format)
            outcomes.append((source.name, None))
        except TranslatorError as problem:
            outcomes.append((source.name, str(problem)))
    return outcomes


def stamp(job: Job, lang: str, text: str, decisions: Decisions | None = None, made_with: MadeWith | None = None) -> dict[str, object]:
    """What made an article's outputs from ``text``: a change of any of these redoes it.
    ``made_with``: the run's, when ``job`` only cleans (by default ``job``'s own)."""
    made_with = made_with or MadeWith.of(job)
    return {"input": hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16],
            "decisions": decisions.fingerprint[:16] if decisions is not None else None,
            "rules": job.rules(lang).fingerprint,
            "glossary": made_with.glossary,
            "model": made_with.model,
            "target": made_with.target,
            "qa": made_with.qa}


def _check_names(files: Sequence[str], outdir: Path, input_format: str | None) -> None:
    """Two inputs must not write the same outputs, nor can the outputs go among the inputs."""
    seen: dict[str, str] = {}
    for name in files:
        stem = corpus_stem(name, input_format) if format_for(name, input_format).many else article_name(name, input_format)
        if stem in seen:
            raise TranslatorError(f"{seen[stem]} and {name} would both write {stem}.*; rename one of them")
        seen[stem] = name
        if Path(name).resolve().parent == outdir.resolve():
            raise TranslatorError(f"{outdir}: the output folder holds the inputs; choose another folder for -o")


def remove_unfinished_writes(outdir: Path, files: Sequence[str], translated: bool, input_format: str | None) -> None:
    """Temporary files of our outputs left by a run that was killed while writing them."""
    if not outdir.is_dir():
        return
    corpora = [name for name in files if format_for(name, input_format).many]
    ours = tuple({temporary_prefix(path.name) for name in files for path in outputs_of(outdir, name, translated, input_format).values()}
                 | {temporary_prefix(corpus_output(outdir, name, input_format).name) for name in corpora}
                 | {temporary_prefix("index.html")})
    for path in outdir.glob(".*.tmp"):
        if path.name.startswith(ours):
            path.unlink(missing_ok=True)
    for name in corpora:  # a corpus's folders hold only its records' outputs and its shards
        for folder in (outdir / corpus_stem(name, input_format), shards_folder(corpus_output(outdir, name, input_format))):
            for path in folder.glob(".*.tmp"):
                path.unlink(missing_ok=True)


def _up_to_date(name: str, outdir: Path, job: Job, encoding: str, input_format: str | None) -> bool:
    """Its outputs are all newer than it (touching a file redoes it, as make does) and were
    made from this very text (a file copied in with an old date is new all the same) with
    the same rules, glossary, model and grammar check."""
    outputs = outputs_of(outdir, name, job.translation is not None, input_format)
    try:
        source_time = os.stat(name).st_mtime_ns
        if not all(path.stat().st_mtime_ns >= source_time for path in outputs.values()):
            return False
        return is_done(read_article(name, encoding, input_format), outdir, job, input_format)
    except (OSError, TranslatorError):
        return False


def is_done(source: SourceText, outdir: Path, job: Job, input_format: str | None = None, made_with: MadeWith | None = None) -> bool:
    """The article's outputs are all there, made from its text with the same rules,
    glossary, model, grammar check and decisions, and not edited by hand since.  (A
    corpus's record is judged by this alone: its file's date says nothing of one record.)
    ``made_with``: the run's, when ``job`` only cleans (by default ``job``'s own)."""
    name, text = source.name, source.text
    made_with = made_with or MadeWith.of(job)
    outputs = outputs_of(outdir, name, made_with.translated, input_format)
    report = _saved_report(outputs["report"])
    if report is None or not all(path.exists() for path in outputs.values()):
        return False
    if made_with.qa_answers and _qa_skipped(report):
        return False  # LanguageTool answers now
    if any(_sha256(outputs_of(outdir, name, True, input_format)[kind]) != entry["sha256"] for kind, entry in report.get("written", {}).items()):
        return False  # edited by hand since: the English follows the cleaned text
    try:
        decisions = decisions_beside(name, input_format)
    except TranslatorError:
        return False
    return report.get("pipeline") == stamp(job, report.get("language", "fr"), text, decisions, made_with)


def _saved_report(path: Path) -> dict | None:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _sha256(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def _edited_by_hand(outdir: Path, path: str, input_format: str | None) -> dict[str, bytes]:
    """The text outputs (``clean``, ``english``) of input ``path`` edited since a run wrote
    them, by what its report says it wrote (one once edited stays so), with their bytes."""
    outputs = outputs_of(outdir, path, True, input_format)
    try:
        written = json.loads(outputs["report"].read_text(encoding="utf-8")).get("written", {})
    except (OSError, ValueError):
        return {}
    edited = {}
    for kind in EDITABLE:
        entry = written.get(kind)
        try:
            data = outputs[kind].read_bytes()
        except OSError:
            continue  # gone: written anew
        if entry is not None and (entry.get("hand_edited") or hashlib.sha256(data).hexdigest() != entry["sha256"]):
            edited[kind] = data
    return edited


def _qa_skipped(report: dict) -> list[str]:
    """Why the grammar check of a saved report's texts was skipped (empty: done, or not asked)."""
    return [check["reason"] for check in report.get("qa", {}).values() if check["status"] == "skipped"]


def _write_article(outdir: Path, source: SourceText, article: ArticleReport, made_with: dict[str, object],
                   edited: dict[str, bytes], decisions: Decisions | None, input_format: str | None) -> None:
    """Write an article's outputs but those ``edited`` by hand; its report last, with the
    sha256 of each text output."""
    name = article_name(source.name, input_format)
    translation = article.translation
    outputs = outputs_of(outdir, source.name, translation is not None, input_format)
    cleaned = cleaned_document(source, article.clean)
    # positions in the cleaned text are positions in the file only when it holds just that text
    located = {Located.CLEANED: display_name(str(outputs["clean"]))} if cleaned == article.clean.text else {}
    if translation is not None:
        located[Located.TRANSLATION] = display_name(str(outputs["english"]))
    texts = {"clean": source.encode(cleaned)}
    if translation is not None:
        texts["english"] = source.encode(translation.text)
    # an output that reads as this run's own (a run killed before its report) is no hand edit
    edited = {kind: data for kind, data in edited.items() if (article.clean.hand_edited if kind == "clean" else data != texts.get(kind))}
    texts = {kind: data for kind, data in texts.items() if kind not in edited}
    written = {kind: {"file": display_name(outputs_of(outdir, source.name, True, input_format)[kind].relative_to(outdir).as_posix()), "sha256": hashlib.sha256(data).hexdigest(),
                      "hand_edited": kind in edited}
               for kind, data in sorted({**texts, **edited}.items())}
    article = dataclasses.replace(article, outputs=located, pipeline=made_with, memory_use=False, written_files=written)
    page = html_page(article_review(article, display_name(name), decisions)).encode()
    # the report last: it is what marks the article as done for a resumed run
    contents = {**texts, "review": page, "report": json.dumps(article.to_dict(), ensure_ascii=False, indent=1).encode()}
    for kind, data in contents.items():  # all encoded first: a failure leaves no half of an article
        write_atomic(outputs[kind], data)
    if translation is None and "english" not in edited:  # a translation from an earlier run with --to is not this run's
        outputs_of(outdir, source.name, True, input_format)["english"].unlink(missing_ok=True)


def _saved_reports(names: Sequence[str], outdir: Path, translated: bool, input_format: str | None) -> Iterator[tuple[str, dict]]:
    """The report each article has in ``outdir``, for those that have a readable one, one at a time."""
    for name in names:
        report = _saved_report(outputs_of(outdir, name, translated, input_format)["report"])
        if report is not None:
            yield name, report


def _run_settings(job: Job) -> dict[str, str]:
    """What a run cleans and translates with, for people: the dashboard's heading."""
    settings, translation = job.settings, job.translation
    rules = " + ".join((["built-in"] if settings.builtin_rules else []) + [str(path) for path in settings.rules]) or "none"
    if settings.disable:
        rules += f" (disabled: {', '.join(settings.disable)})"
    return {"rules": f"{rules}, fingerprint {job.rules().fingerprint}",
            "glossary": translation.glossary.description if translation else "no translation",
            "model": f"{translation.model_id} → {translation.target}" if translation else "no translation",
            "grammar and style": "LanguageTool" if job.qa is not None else "not checked"}


def _index_entry(name: str, report: dict, outdir: Path, translated: bool, input_format: str | None) -> dict[str, object]:
    """The dashboard entry of an article with a report: its headline, source, counts and status."""
    outputs = outputs_of(outdir, name, translated, input_format)
    findings = report["findings"]
    clean = [f for f in findings if f["source"] == Source.CLEAN]
    levels = [f["level"] for f in clean]
    open_findings = [f for f in findings if f["level"] != "info" and "decision" not in f]
    metadata = report["clean"]["metadata"]
    page = report.get("source", {})
    return {
        "article": display_name(article_name(name, input_format)),
        "title": page.get("title", ""),
        "url": page.get("url", ""),
        "review": outputs["review"].relative_to(outdir).as_posix(),
        "links": {_LINKS[kind]: path.relative_to(outdir).as_posix() for kind, path in outputs.items()},
        "source": display_name(name),
        "headline": metadata.get("title") or report["clean"]["text"].lstrip().split("\n", 1)[0],
        "status": "needs attention" if open_findings else "clean",
        "changes": sum(f["replacement"] is not None for f in clean),
        "flags": sum(f["replacement"] is None for f in clean),
        "errors": levels.count("error"),
        "warnings": levels.count("warning"),
        "info": levels.count("info"),
        "glossary violations": sum(f["source"] == Source.GLOSSARY for f in findings) if translated else "",
        "published_at": metadata.get("published_at") or page.get("published_at", ""),
        "edited by hand": ", ".join(entry["file"] for entry in report.get("written", {}).values() if entry["hand_edited"]),
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
