"""The whole job for a folder of articles: clean → translate → review, chunk by chunk.

For ``NAME.fr.txt`` (or ``NAME.txt``) it writes ``NAME.clean.fr.txt``, ``NAME.en.txt``
(with a target language), ``NAME.report.json`` and ``NAME.review.html``, then an
``index.html`` listing every article with its counts.  Each file is read by its format:
a web page ``NAME.html`` gives its cleaned article as ``NAME.clean.fr.txt``, a Markdown
file ``NAME.md`` keeps its markup in ``NAME.clean.fr.md``.

Articles go through in chunks (:func:`run_chunk`: read, clean, translate in one engine
call, write each article whole, its report last); the translation memory keeps what
each engine call translated.  An article whose outputs are newer than its input and
were made with the same rules, glossary, model and grammar check is skipped, so a run
killed at any point resumes where it stopped and ends with the outputs an uninterrupted
run writes.  An article whose grammar check was skipped (LanguageTool was down) is redone
when LanguageTool answers again.

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
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from ..diagnostics import Located, Source
from ..errors import TranslatorError
from ..io.files import (
    SourceText,
    decode_text,
    display_name,
    temporary_prefix,
    write_atomic,
)
from ..io.formats import format_for, read_article
from ..report.article import ArticleReport
from ..review.decisions import Decisions, decisions_file, load_decisions
from ..review.html import html_page, index_page
from ..review.model import article_review
from .job import Job, cleaned_document

CHUNK_SIZE = 32
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


def article_name(path: str, input_format: str | None = None) -> str:
    """``poutine.fr.txt``, ``poutine.html`` → ``poutine``: the stem the outputs are named after."""
    name = Path(path).name
    suffix = next((s for s in sorted(format_for(name, input_format).suffixes, key=len, reverse=True) if name.lower().endswith(s)), "")
    return name[: len(name) - len(suffix)].removesuffix(".fr")


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
    on_file: Callable[[str], None] = lambda name: None,
) -> RunReport:
    """Process every file, chunk by chunk; one that fails is reported and the others still
    finish.  ``input_format`` reads every file as that format (None: by its suffix)."""
    prepare_run(files, outdir, job.translation is not None, input_format)
    report = RunReport()
    pending = []
    for name in files:
        if _up_to_date(name, outdir, job, encoding, input_format):
            report.skipped.append(name)
        else:
            pending.append(name)
    for chunk in _chunks(pending, chunk_size):
        sources = []
        for name in chunk:
            try:
                sources.append(read_article(name, encoding, input_format))
            except TranslatorError as problem:
                report.failed.append((name, str(problem)))
        for name, problem in run_chunk(job, sources, outdir, input_format):
            on_file(name)
            if problem is None:
                report.done.append(name)
            else:
                report.failed.append((name, problem))
    finish_run(files, outdir, job.translation is not None, report, input_format)
    return report


def prepare_run(files: Sequence[str], outdir: Path, translated: bool, input_format: str | None = None) -> None:
    """Check that the inputs' outputs do not collide and remove writes a killed run left unfinished."""
    _check_names(files, outdir, input_format)
    remove_unfinished_writes(outdir, files, translated, input_format)


def finish_run(files: Sequence[str], outdir: Path, translated: bool, report: RunReport, input_format: str | None = None) -> None:
    """Write ``index.html`` listing every input's saved report, and note in ``report`` the
    articles whose grammar check was skipped, the decisions that failed and the hand edits."""
    saved = _saved_reports(files, outdir, translated, input_format)
    entries = _index_entries(saved, outdir, translated, input_format)
    write_atomic(outdir / "index.html", index_page("translator run", entries).encode())
    skipped_checks = {name: _qa_skipped(saved_report) for name, saved_report in saved.items()}
    report.qa_skipped = [(name, reasons[0]) for name, reasons in skipped_checks.items() if reasons]
    report.decision_problems = [f"{display_name(name)}: {f['message']}" for name, saved_report in saved.items()
                                for f in saved_report["findings"] if f["source"] == Source.DECISIONS]
    report.hand_edited = [display_name(str(outdir / entry["file"])) for saved_report in saved.values()
                          for entry in saved_report.get("written", {}).values() if entry["hand_edited"]]


def run_chunk(job: Job, sources: Sequence[SourceText], outdir: Path, input_format: str | None = None) -> list[tuple[str, str | None]]:
    """Clean, translate and write these articles; for each, its name and the problem
    that stopped it (None when its outputs are written).  The unit a distributed engine calls."""
    outcomes: list[tuple[str, str | None]] = []
    ready, decided, by_hand = [], [], []
    for source in sources:
        try:
            decisions, edited = decisions_beside(source.name, input_format), _edited_by_hand(outdir, source.name, input_format)
        except TranslatorError as problem:
            outcomes.append((source.name, str(problem)))
            continue
        ready.append(source)
        decided.append(decisions)
        by_hand.append(edited)
    cleaned_by_hand = [decode_text(source.name, edited["clean"], source.encoding).text if "clean" in edited else None
                       for source, edited in zip(ready, by_hand)]
    for source, decisions, edited, article in zip(ready, decided, by_hand, job.process(ready, decided, cleaned_by_hand)):
        try:
            _write_article(outdir, source, article, stamp(job, article.language, source.text, decisions), edited, decisions,
                           input_format)
            outcomes.append((source.name, None))
        except TranslatorError as problem:
            outcomes.append((source.name, str(problem)))
    return outcomes


def stamp(job: Job, lang: str, text: str, decisions: Decisions | None = None) -> dict[str, object]:
    """What made an article's outputs from ``text``: a change of any of these redoes it."""
    translation = job.translation
    return {"input": hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16],
            "decisions": decisions.fingerprint[:16] if decisions is not None else None,
            "rules": job.rules(lang).fingerprint,
            "glossary": translation.glossary.fingerprint if translation else None,
            "model": translation.model_id if translation else None,
            "target": translation.target if translation else None,
            "qa": job.qa.fingerprint if job.qa is not None else None}


def _chunks(names: Sequence[str], size: int) -> Iterator[list[str]]:
    iterator = iter(names)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _check_names(files: Sequence[str], outdir: Path, input_format: str | None) -> None:
    """Two inputs must not write the same outputs, nor can the outputs go among the inputs."""
    seen: dict[str, str] = {}
    for name in files:
        stem = article_name(name, input_format)
        if stem in seen:
            raise TranslatorError(f"{seen[stem]} and {name} would both write {stem}.*; rename one of them")
        seen[stem] = name
        if Path(name).resolve().parent == outdir.resolve():
            raise TranslatorError(f"{outdir}: the output folder holds the inputs; choose another folder for -o")


def remove_unfinished_writes(outdir: Path, files: Sequence[str], translated: bool, input_format: str | None) -> None:
    """Temporary files of our outputs left by a run that was killed while writing them."""
    if not outdir.is_dir():
        return
    ours = tuple({temporary_prefix(path.name) for name in files for path in outputs_of(outdir, name, translated, input_format).values()}
                 | {temporary_prefix("index.html")})
    for path in outdir.glob(".*.tmp"):
        if path.name.startswith(ours):
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


def is_done(source: SourceText, outdir: Path, job: Job, input_format: str | None = None) -> bool:
    """The article's outputs are all there, untouched since, its report made from this
    very text with the same rules, glossary, model, decisions and grammar check (and that
    check not skipped when it can run now)."""
    name = source.name
    outputs = outputs_of(outdir, name, job.translation is not None, input_format)
    try:
        if not all(path.exists() for path in outputs.values()):
            return False
        report = json.loads(outputs["report"].read_text(encoding="utf-8"))
        if job.qa is not None and job.qa.skipped is None and _qa_skipped(report):
            return False  # LanguageTool answers now
        if any(_sha256(outputs_of(outdir, name, True, input_format)[kind]) != entry["sha256"] for kind, entry in report.get("written", {}).items()):
            return False  # edited by hand since: the English follows the cleaned text
        return report.get("pipeline") == stamp(job, report.get("language", "fr"), source.text, decisions_beside(name, input_format))
    except (OSError, ValueError, TranslatorError):
        return False


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
    written = {kind: {"file": display_name(outputs_of(outdir, source.name, True, input_format)[kind].name), "sha256": hashlib.sha256(data).hexdigest(),
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


def _saved_reports(files: Sequence[str], outdir: Path, translated: bool, input_format: str | None) -> dict[str, dict]:
    """The report each input has in ``outdir``, for those that have a readable one."""
    saved = {}
    for name in files:
        try:
            saved[name] = json.loads(outputs_of(outdir, name, translated, input_format)["report"].read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
    return saved


def _index_entries(saved: dict[str, dict], outdir: Path, translated: bool, input_format: str | None) -> list[dict[str, object]]:
    entries = []
    for name, report in saved.items():
        outputs = outputs_of(outdir, name, translated, input_format)
        findings = report["findings"]
        levels = [f["level"] for f in findings if f["source"] == Source.CLEAN]
        page = report.get("source", {})
        entries.append({
            "article": display_name(article_name(name, input_format)),
            "title": page.get("title", ""),
            "url": page.get("url", ""),
            "review": outputs["review"].name,
            "errors": levels.count("error"),
            "warnings": levels.count("warning"),
            "info": levels.count("info"),
            "glossary violations": sum(f["source"] == Source.GLOSSARY for f in findings) if translated else "",
            "published_at": report["clean"]["metadata"].get("published_at") or page.get("published_at", ""),
            "edited by hand": ", ".join(entry["file"] for entry in report.get("written", {}).values() if entry["hand_edited"]),
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
