"""``translator translate``: translate articles offline, sentence-aligned, glossary enforced."""

from __future__ import annotations

import dataclasses
from typing import Annotated

import typer

from ..config import Settings
from ..diagnostics import Located
from ..io.batch import chunks, in_language
from ..io.formats import format_for, renamed
from ..lang import language_code
from . import options as opt
from .app import app
from .hardware import ComputeTypeOption, Device, DeviceOption, JobsOption, hardware
from .progress import batch_with_progress, say_skipped
from .stages import Printer, SkippedChecks, Tally, proofreading, translation


def _as_text(name: str, input_format: str | None) -> str:
    """The name a translation takes: a page's is a text file (``page.html`` → ``page.txt``), a corpus's a corpus."""
    return name if format_for(name, input_format).many else renamed(name, input_format, ".txt")


TRANSLATED_TOGETHER = 256  # articles read, translated in one model call and written, at a time


@app.command()
@opt.with_settings("rules", "lang", "glossary", "encoding", "fail_level")
def translate(
    inputs: opt.InputsArgument,
    to: Annotated[str, typer.Option("--to", metavar="CODE", help="Target language code, e.g. en.")],
    from_: opt.FromOption = "fr",
    output: opt.OutputOption = None,
    report_format: Annotated[opt.TranslateFormat, typer.Option("--format", help="text: the translation; json (one line per file), tsv, xliff: sentence-aligned.")] = opt.TranslateFormat.TEXT,
    clean_first: Annotated[bool, typer.Option("--clean", help="Run the cleanup stage first.")] = False,
    check: Annotated[bool, typer.Option("--check", help="Exit 1 if a finding (a glossary term not respected…) reaches --fail-level.")] = False,
    no_cache: opt.NoCacheOption = False,
    cache: opt.CacheOption = None,
    quiet: opt.QuietOption = False,
    qa: opt.QAOption = False,
    languagetool: opt.LanguageToolOption = None,
    input_format: opt.InputFormatOption = None,
    device: DeviceOption = Device.AUTO,
    compute_type: ComputeTypeOption = "default",
    jobs: JobsOption = 1,
    project: Settings = Settings(),
) -> None:
    """Translate articles offline, sentence-aligned, with glossary terms enforced."""
    from ..pipeline.corpus import corpus_record
    from ..pipeline.job import Job

    from_, to = language_code(from_), language_code(to)
    project = dataclasses.replace(project, lang=project.lang or from_)
    writes = output is not None or report_format is opt.TranslateFormat.TEXT
    batch, progress = batch_with_progress(inputs, output, project.encoding, input_format=input_format,
                                          rename=lambda name: in_language(_as_text(name, input_format), from_, to),
                                          corpus_record=corpus_record if writes else None)
    batch.require_output_unless(report_format is not opt.TranslateFormat.TEXT, "--format json|tsv|xliff")
    findings = Printer("text")
    document = Printer(str(report_format), source_language=from_, target_language=to) if report_format is not opt.TranslateFormat.TEXT else None
    placed = hardware(device, compute_type, jobs)
    failing = False
    tally = Tally()
    with translation(project, from_, to, no_cache=no_cache, cache=cache, hardware=placed, on_progress=progress.sentences) as session, \
            batch, Job(project, clean=clean_first, translation=session, jobs=jobs) as job:
        skipped_checks = SkippedChecks(job)
        with proofreading(qa, languagetool, project, job, session.glossary) as job.qa:
            for sources in chunks(batch.read_each(), TRANSLATED_TOGETHER):
                reports = job.process(sources)
                progress.clear()
                for source, report in zip(sources, reports):
                    written = batch.write(source, report.translation.text, report) if writes else None
                    if written:
                        report = report.written(Located.TRANSLATION, written)
                    skipped_checks.say(report)
                    if document is not None:
                        document.article(report)
                    if not quiet:
                        findings.article(report, err=True)
                    failing = failing or report.failing(project.fail_level)
                    tally.add(report)
    if document is not None:
        document.finish()
    say_skipped(batch.skipped)
    if (batch.several or batch.holds_corpora) and not quiet and (tally.findings or batch.failures):  # silence when all is well
        typer.echo(tally.line("translated", len(batch.failures), changes="in cleaning", unit=batch.unit), err=True)
    raise typer.Exit(1 if batch.failures or (check and failing) else 0)
