"""``translator clean``: remove rewriting-bot artefacts and show every change."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Annotated

import typer

from ..config import Settings
from ..diagnostics import Located
from ..errors import TranslatorError
from ..io.files import STDIO, SourceText
from ..io.formats import cleaned_name, format_for
from . import options as opt
from .app import app
from .apply import DecisionsOption
from .progress import batch_with_progress, say_skipped
from .stages import Printer, SkippedChecks, Tally, proofreading

if TYPE_CHECKING:
    from ..pipeline.job import Job
    from ..report.article import ArticleReport
    from ..review.decisions import Decisions


CLEANED_TOGETHER = 64  # articles per process in a chunk, with --jobs N


@app.command()
@opt.with_settings("rules", "lang", "glossary", "encoding", "fail_level")
def clean(
    inputs: opt.InputsArgument,
    output: opt.OutputOption = None,
    report_format: Annotated[opt.CleanFormat, typer.Option("--format", help="text: the cleaned article (a Markdown file keeps its markup); markdown: as Markdown; json: one report per file and line; sarif: for CI.")] = opt.CleanFormat.TEXT,
    input_format: opt.InputFormatOption = None,
    check: Annotated[bool, typer.Option("--check", help="Write nothing; exit 1 if any finding reaches --fail-level.")] = False,
    diff: Annotated[bool, typer.Option("--diff", help="Print a unified diff of original vs cleaned instead of the text; --diff=side: side by side.")] = False,
    side_by_side: Annotated[bool, typer.Option("--diff-side", hidden=True)] = False,
    in_place: Annotated[bool, typer.Option("--in-place", help="Rewrite the input files themselves.")] = False,
    quiet: opt.QuietOption = False,
    qa: opt.QAOption = False,
    languagetool: opt.LanguageToolOption = None,
    decisions: DecisionsOption = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, metavar="N", help="Processes cleaning at once (a corpus, many files); the output is the same.")] = 1,
    project: Settings = Settings(),
) -> None:
    """Remove rewriting-bot artefacts and show every change."""
    from ..pipeline.corpus import corpus_record
    from ..pipeline.job import Job, cleaned_document
    from ..review.terminal import paged_console, print_review
    from ..review.decisions import load_decisions

    markdown = report_format is opt.CleanFormat.MARKDOWN
    document = report_format in (opt.CleanFormat.TEXT, opt.CleanFormat.MARKDOWN)  # the output is the article
    diff = diff or side_by_side
    writes = not (check or diff or in_place) and (output is not None or document)
    batch, progress = batch_with_progress(inputs, output, project.encoding, input_format=input_format,
                                          rename=lambda name: cleaned_name(name, input_format, markdown=markdown),
                                          corpus_record=corpus_record if writes else None)
    if decisions is not None and batch.several:
        raise TranslatorError("--decisions are one article's: give that article alone")
    decided = [load_decisions(decisions)] if decisions is not None else None
    if in_place and (output is not None or STDIO in batch.files or batch.holds_corpora):
        raise TranslatorError("--in-place rewrites input files: it cannot go with -o, stdin (-) or a corpus (write it with -o)")
    if in_place and (page := next((n for n in batch.files if not format_for(n, input_format).rewritable), None)):
        raise TranslatorError(f"{page}: --in-place cannot write a cleaned text over a web page; use -o")
    if diff and (output is not None or in_place or not document):
        raise TranslatorError("--diff prints the changes and writes nothing: it cannot go with -o, --in-place or --format json|sarif")
    batch.require_output_unless(check or diff or in_place or not document, "--check, --diff, --in-place, --format json")
    job = Job(project, jobs=jobs)
    printer = Printer("text" if document else str(report_format), rules=job.rules())
    failing = False
    tally = Tally()
    with proofreading(qa, languagetool, project, job) as job.qa, batch, job, paged_console(side_by_side) as console:
        skipped_checks = SkippedChecks(job)
        for source, report in _cleaned(job, batch.read_each(), decided):
            written = None
            text = cleaned_document(source, report.clean, markdown=markdown)
            if check or diff:
                pass  # write nothing
            elif in_place:
                written = batch.write_in_place(source, text) if report.clean.changed else None
            elif writes:
                written = batch.write(source, text, report)
            if written and text == report.clean.text:  # positions in the cleaned text are positions in that file
                report = report.written(Located.CLEANED, written)
            skipped_checks.say(report)
            failing = failing or report.failing(project.fail_level)
            tally.add(report)
            if side_by_side:
                from ..review.model import clean_review

                print_review(clean_review(source.name, report.clean), console=console)
                continue
            if diff:
                Printer("diff").article(report)
            if not document or not quiet:
                # With --check the findings are the output; otherwise stdout holds the text.
                printer.article(report, err=document and not check)
    progress.clear()
    printer.finish()
    say_skipped(batch.skipped)
    if (batch.several or batch.holds_corpora) and not quiet and (tally.findings or batch.failures):  # silence when all is well
        writes = not (check or diff or side_by_side) and (in_place or batch.output is not None)
        typer.echo(tally.line("cleaned" if writes else "checked", len(batch.failures), changes="made" if writes else "", unit=batch.unit), err=True)
    raise typer.Exit(1 if batch.failures or (check and failing) else 0)


def _cleaned(job: Job, sources: Iterable[SourceText], decided: list[Decisions] | None) -> Iterator[tuple[SourceText, ArticleReport]]:
    """Each article with its report, in order: one at a time, or a chunk at a time when
    ``job`` cleans in several processes."""
    from ..io.batch import chunks

    for chunk in chunks(sources, 1 if job.jobs <= 1 else CLEANED_TOGETHER * job.jobs):
        yield from zip(chunk, job.process(chunk, decisions=decided))
