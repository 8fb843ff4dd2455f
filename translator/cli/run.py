"""``translator run``: clean, translate and review every article of a folder; resumable."""

from __future__ import annotations

from contextlib import nullcontext
from pathlib import Path
from typing import Annotated

import typer

from ..config import Settings
from ..errors import TranslatorError
from ..io.formats import expand_inputs
from ..lang import language_code
from . import options as opt
from .app import app
from .progress import Progress, say_skipped
from .stages import proofreading, translation


@app.command()
@opt.with_settings("rules", "lang", "glossary", "encoding")
def run(
    inputs: opt.InputsArgument,
    output: Annotated[Path, typer.Option("-o", "--output", metavar="DIR", help="The folder for every output and index.html.")],
    to: opt.AlsoToOption = None,
    from_: opt.FromOption = "fr",
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, metavar="N", help="Processes for cleaning.")] = 1,
    chunk_size: Annotated[int, typer.Option("--chunk-size", min=1, metavar="N", help="Articles cleaned, translated and written together.")] = 32,
    no_cache: opt.NoCacheOption = False,
    cache: opt.CacheOption = None,
    qa: opt.QAOption = False,
    languagetool: opt.LanguageToolOption = None,
    input_format: opt.InputFormatOption = None,
    project: Settings = Settings(),
) -> None:
    """Clean, translate and review every article; resumable; writes index.html."""
    from ..pipeline.job import Job
    from ..pipeline.run import run_pipeline

    files = expand_inputs(inputs)
    if output.exists() and not output.is_dir():
        raise TranslatorError(f"{output}: exists and is not a folder; -o must name a folder")
    progress = Progress(len(files))
    from_, to = language_code(from_), language_code(to) if to else None
    session = translation(project, from_, to, no_cache=no_cache, cache=cache, on_progress=progress.sentences) if to else nullcontext()
    with session as translating, Job(project, translation=translating, jobs=jobs, memory_use=False) as job:
        with proofreading(qa, languagetool, project, job, translating.glossary if translating else None) as job.qa:
            outcome = run_pipeline(files, output, job, encoding=project.encoding, input_format=input_format,
                                   chunk_size=chunk_size, on_file=progress.step)
    progress.clear()
    for name, problem in outcome.failed:
        opt.error(problem if problem.startswith(name) else f"{name}: {problem}")
    say_skipped(outcome.no_article)
    if outcome.qa_skipped:
        reasons = "; ".join(dict.fromkeys(reason for _, reason in outcome.qa_skipped))
        typer.echo(f"QA skipped for {len(outcome.qa_skipped)} of {len(outcome.done) + len(outcome.skipped)} articles: {reasons}", err=True)
    for problem in outcome.decision_problems:
        typer.echo(f"warning: {problem}", err=True)
    if outcome.hand_edited:
        typer.echo(f"Kept as edited by hand (the English follows the cleaned text): {', '.join(outcome.hand_edited)}", err=True)
    typer.echo(f"{len(outcome.done)} done, {len(outcome.skipped)} up to date, {len(outcome.failed)} failed; see {output / 'index.html'}", err=True)
    raise typer.Exit(1 if outcome.failed else 0)
