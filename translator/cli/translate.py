"""``translator translate``: translate articles offline, sentence-aligned, glossary enforced."""

from __future__ import annotations

import dataclasses
from typing import Annotated

import typer

from ..config import Settings
from ..diagnostics import Located
from ..io.batch import in_language
from ..io.files import write_stdout
from ..io.formats import renamed
from ..lang import language_code
from . import options as opt
from .app import app
from .hardware import ComputeTypeOption, Device, DeviceOption, JobsOption, hardware
from .progress import batch_with_progress
from .stages import Printer, SkippedChecks, Tally, proofreading, translation


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
    from ..pipeline.job import Job

    from_, to = language_code(from_), language_code(to)
    project = dataclasses.replace(project, lang=project.lang or from_)
    batch, progress = batch_with_progress(inputs, output, project.encoding, rename=lambda name: in_language(renamed(name, input_format, ".txt"), from_, to),
                                          input_format=input_format)
    batch.require_output_unless(report_format is not opt.TranslateFormat.TEXT, "--format json|tsv|xliff")
    findings = Printer("text")
    document = Printer(str(report_format), source_language=from_, target_language=to) if report_format is not opt.TranslateFormat.TEXT else None
    placed = hardware(device, compute_type, jobs)
    with translation(project, from_, to, no_cache=no_cache, cache=cache, hardware=placed, on_progress=progress.sentences) as session, \
            Job(project, clean=clean_first, translation=session, jobs=jobs) as job:
        sources = list(batch.read_each())
        with proofreading(qa, languagetool, project, job, session.glossary) as job.qa:
            reports = job.process(sources)
    progress.clear()
    failing = False
    tally = Tally()
    skipped_checks = SkippedChecks(job)
    for source, report in zip(sources, reports):
        if batch.output is not None:
            written = batch.write(source, report.translation.text)
            if written:
                report = report.written(Located.TRANSLATION, written)
        elif report_format is opt.TranslateFormat.TEXT:
            write_stdout(source.encode(report.translation.text))
        skipped_checks.say(report)
        if document is not None:
            document.article(report)
        if not quiet:
            findings.article(report, err=True)
        failing = failing or report.failing(project.fail_level)
        tally.add(report)
    if document is not None:
        document.finish()
    if batch.several and not quiet and (tally.findings or batch.failures):  # silence when all is well
        typer.echo(tally.line("translated", len(batch.failures), changes="in cleaning"), err=True)
    raise typer.Exit(1 if batch.failures or (check and failing) else 0)
