"""``translator clean``: remove rewriting-bot artefacts and show every change."""

from __future__ import annotations

from typing import Annotated

import typer

from ..config import Settings
from ..diagnostics import Located
from ..errors import TranslatorError
from ..io.files import STDIO
from . import options as opt
from .app import app
from .progress import batch_with_progress
from .stages import Printer, SkippedChecks, Tally, print_review, proofreading, say_skipped


@app.command()
@opt.with_settings("rules", "lang", "glossary", "encoding", "fail_level")
def clean(
    inputs: opt.InputsArgument,
    output: opt.OutputOption = None,
    report_format: Annotated[opt.CleanFormat, typer.Option("--format", help="text: the cleaned text; json: one report per file and line; sarif: for CI.")] = opt.CleanFormat.TEXT,
    check: Annotated[bool, typer.Option("--check", help="Write nothing; exit 1 if any finding reaches --fail-level.")] = False,
    diff: Annotated[bool, typer.Option("--diff", help="Print a unified diff of original vs cleaned instead of the text; --diff=side: side by side.")] = False,
    side_by_side: Annotated[bool, typer.Option("--diff-side", hidden=True)] = False,
    in_place: Annotated[bool, typer.Option("--in-place", help="Rewrite the input files themselves.")] = False,
    quiet: opt.QuietOption = False,
    qa: opt.QAOption = False,
    languagetool: opt.LanguageToolOption = None,
    project: Settings = Settings(),
) -> None:
    """Remove rewriting-bot artefacts and show every change."""
    from ..pipeline.corpus import corpus_record
    from ..pipeline.job import Job

    diff = diff or side_by_side
    writes = not (check or diff or in_place) and (output is not None or report_format is opt.CleanFormat.TEXT)
    batch, progress = batch_with_progress(inputs, output, project.encoding, corpus_record=corpus_record if writes else None)
    if in_place and (output is not None or STDIO in batch.files or batch.holds_corpora):
        raise TranslatorError("--in-place rewrites input files: it cannot go with -o, stdin (-) or a corpus (write it with -o)")
    if diff and (output is not None or in_place or report_format is not opt.CleanFormat.TEXT):
        raise TranslatorError("--diff prints the changes and writes nothing: it cannot go with -o, --in-place or --format json|sarif")
    batch.require_output_unless(check or diff or in_place or report_format is not opt.CleanFormat.TEXT, "--check, --diff, --in-place, --format json")
    job = Job(project)
    printer = Printer(str(report_format), rules=job.rules())
    failing = False
    tally = Tally()
    with proofreading(qa, languagetool, project, job) as job.qa, batch:
        skipped_checks = SkippedChecks(job)
        for source in batch.read_each():
            [report] = job.process([source])
            written = None
            if check or diff:
                pass  # write nothing
            elif in_place:
                written = batch.write_in_place(source, report.clean.text) if report.clean.changed else None
            elif writes:
                written = batch.write(source, report.clean.text, report)
            if written:
                report = report.written(Located.CLEANED, written)
            skipped_checks.say(report)
            failing = failing or report.failing(project.fail_level)
            tally.add(report)
            if side_by_side:
                from ..review.model import clean_review

                print_review(clean_review(source.name, report.clean))
                continue
            if diff:
                Printer("diff").article(report)
            if report_format is not opt.CleanFormat.TEXT or not quiet:
                # With --check the findings are the output; otherwise stdout holds the text.
                printer.article(report, err=report_format is opt.CleanFormat.TEXT and not check)
    progress.clear()
    printer.finish()
    say_skipped(batch.skipped)
    if (batch.several or batch.holds_corpora) and not quiet and (tally.findings or batch.failures):  # silence when all is well
        writes = not (check or diff or side_by_side) and (in_place or batch.output is not None)
        typer.echo(tally.line("cleaned" if writes else "checked", len(batch.failures), changes="made" if writes else "", unit=batch.unit), err=True)
    raise typer.Exit(1 if batch.failures or (check and failing) else 0)
