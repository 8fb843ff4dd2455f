"""``translator run``: clean, translate and review every article of a folder; resumable."""

from __future__ import annotations

from contextlib import nullcontext
from pathlib import Path
from typing import Annotated

import typer

from ..errors import TranslatorError
from ..io.files import expand_inputs
from .app import app
from .options import (AlsoToOption, CacheOption, DisableOption, EncodingOption, FromOption, GlossaryOption, InputsArgument,
                      LangOption, LanguageToolOption, NoBuiltinGlossaryOption, NoBuiltinRulesOption, NoCacheOption, Progress,
                      QAOption, RulesOption, error, settings)
from .stages import proofreading, translation


@app.command()
def run(
    inputs: InputsArgument,
    output: Annotated[Path, typer.Option("-o", "--output", help="The folder for every output and index.html.")],
    to: AlsoToOption = None,
    from_: FromOption = "fr",
    glossary: GlossaryOption = None,
    no_builtin_glossary: NoBuiltinGlossaryOption = False,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Processes for cleaning.")] = 1,
    chunk_size: Annotated[int, typer.Option("--chunk-size", min=1, help="Articles cleaned, translated and written together.")] = 32,
    no_cache: NoCacheOption = False,
    cache: CacheOption = None,
    encoding: EncodingOption = None,
    rules: RulesOption = None,
    no_builtin_rules: NoBuiltinRulesOption = False,
    disable: DisableOption = None,
    lang: LangOption = None,
    qa: QAOption = False,
    languagetool: LanguageToolOption = None,
) -> None:
    """Clean, translate and review every article; resumable; writes index.html."""
    from ..pipeline.job import Job
    from ..pipeline.run import run_pipeline

    project = settings(rules=rules, no_builtin_rules=no_builtin_rules, disable=disable, encoding=encoding,
                       glossary=glossary, no_builtin_glossary=no_builtin_glossary, lang=lang)
    files = expand_inputs(inputs)
    if output.exists() and not output.is_dir():
        raise TranslatorError(f"{output}: exists and is not a folder; -o must name a folder")
    progress = Progress(len(files))
    session = translation(project, from_, to, no_cache=no_cache, cache=cache, on_progress=progress.sentences) if to else nullcontext()
    with session as translating, Job(project, translation=translating, jobs=jobs, memory_use=False) as job:
        with proofreading(qa, languagetool, project, job, translating.glossary if translating else None) as job.qa:
            outcome = run_pipeline(files, output, job, encoding=project.encoding, chunk_size=chunk_size, on_file=progress.step)
    progress.clear()
    for name, problem in outcome.failed:
        error(problem if problem.startswith(name) else f"{name}: {problem}")
    typer.echo(f"{len(outcome.done)} done, {len(outcome.skipped)} up to date, {len(outcome.failed)} failed; see {output / 'index.html'}", err=True)
    raise typer.Exit(1 if outcome.failed else 0)
