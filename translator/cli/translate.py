"""``translator translate``: translate articles offline, sentence-aligned, glossary enforced."""

from __future__ import annotations

from typing import Annotated

import typer

from ..diagnostics import Located
from ..io.files import write_stdout
from .app import app
from .options import (CacheOption, DisableOption, EncodingOption, FailLevelOption, FromOption, GlossaryOption, InputsArgument,
                      LangOption, LanguageToolOption, NoBuiltinGlossaryOption, NoBuiltinRulesOption, NoCacheOption, OutputOption,
                      QAOption, QuietOption, RulesOption, TranslateFormat, batch_with_progress, settings)
from .stages import Printer, proofreading, say_skipped_checks, translation


@app.command()
def translate(
    inputs: InputsArgument,
    to: Annotated[str, typer.Option("--to", help="Target language code, e.g. en.")],
    from_: FromOption = "fr",
    output: OutputOption = None,
    report_format: Annotated[TranslateFormat, typer.Option("--format", help="text: the translation; json (one line per file), tsv, xliff: sentence-aligned.")] = TranslateFormat.TEXT,
    clean_first: Annotated[bool, typer.Option("--clean", help="Run the cleanup stage first.")] = False,
    glossary: GlossaryOption = None,
    no_builtin_glossary: NoBuiltinGlossaryOption = False,
    check: Annotated[bool, typer.Option("--check", help="Exit 1 if a finding (a glossary term not respected…) reaches --fail-level.")] = False,
    fail_level: FailLevelOption = None,
    no_cache: NoCacheOption = False,
    cache: CacheOption = None,
    encoding: EncodingOption = None,
    quiet: QuietOption = False,
    rules: RulesOption = None,
    no_builtin_rules: NoBuiltinRulesOption = False,
    disable: DisableOption = None,
    lang: LangOption = None,
    qa: QAOption = False,
    languagetool: LanguageToolOption = None,
) -> None:
    """Translate articles offline, sentence-aligned, with glossary terms enforced."""
    from ..pipeline.job import Job

    project = settings(rules=rules, no_builtin_rules=no_builtin_rules, disable=disable, fail_level=fail_level, encoding=encoding,
                       glossary=glossary, no_builtin_glossary=no_builtin_glossary, lang=lang or from_)
    batch, progress = batch_with_progress(inputs, output, project.encoding)
    batch.require_output_unless(report_format is not TranslateFormat.TEXT, "--format json|tsv|xliff")
    findings = Printer("text")
    document = Printer(str(report_format), source_language=from_, target_language=to) if report_format is not TranslateFormat.TEXT else None
    with translation(project, from_, to, no_cache=no_cache, cache=cache, on_progress=progress.sentences) as session:
        job = Job(project, clean=clean_first, translation=session)
        sources = list(batch.read_each())
        with proofreading(qa, languagetool, project, job, session.glossary) as job.qa:
            reports = job.process(sources)
    progress.clear()
    failing = False
    for source, report in zip(sources, reports):
        if batch.output is not None:
            written = batch.write(source, report.translation.text)
            if written:
                report = report.written(Located.TRANSLATION, written)
        elif report_format is TranslateFormat.TEXT:
            write_stdout(source.encode(report.translation.text))
        if job.qa is not None:
            say_skipped_checks(report, job)
        if document is not None:
            document.article(report)
        if not quiet:
            findings.article(report, err=True)
        failing = failing or report.failing(project.fail_level)
    if document is not None:
        document.finish()
    raise typer.Exit(1 if batch.failures or (check and failing) else 0)
