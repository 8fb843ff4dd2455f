"""``translator run``: clean, translate and review every article of a folder; resumable;
on this machine or, with ``--engine ray``, on a Ray cluster."""

from __future__ import annotations

import os
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Optional

import typer

from ..config import Settings
from ..errors import TranslatorError
from ..lang import language_code
from . import options as opt
from .app import app
from .hardware import ComputeTypeOption, Device, DeviceOption, JobsOption, hardware
from .progress import Progress, memory_problem, say_skipped


class RunEngineName(StrEnum):
    LOCAL = "local"
    RAY = "ray"


@app.command()
@opt.with_settings("rules", "lang", "glossary", "encoding")
def run(
    inputs: opt.InputsArgument,
    output: Annotated[Path, typer.Option("-o", "--output", metavar="DIR", help="The folder for every output and index.html.")],
    to: opt.AlsoToOption = None,
    from_: opt.FromOption = "fr",
    jobs: JobsOption = 1,
    chunk_size: Annotated[int, typer.Option("--chunk-size", min=1, metavar="N", help="Articles cleaned, translated and written together.")] = 32,
    shard_size: Annotated[Optional[int], typer.Option("--shard-size", min=0, metavar="N", help="Records per shard of an output corpus (NAME.shards/part-00000.jsonl…); 0: one file [default: 0; 10000 with --engine ray].")] = None,
    no_cache: opt.NoCacheOption = False,
    cache: opt.CacheOption = None,
    qa: opt.QAOption = False,
    languagetool: opt.LanguageToolOption = None,
    device: DeviceOption = Device.AUTO,
    compute_type: ComputeTypeOption = "default",
    engine: Annotated[RunEngineName, typer.Option("--engine", help="local: this process; ray: a Ray cluster (pip install 'translator[ray]').")] = RunEngineName.LOCAL,
    address: Annotated[Optional[str], typer.Option("--address", metavar="ADDR", help="Ray: the cluster to join [default: $RAY_ADDRESS, else one started here].")] = None,
    workers: Annotated[int, typer.Option("--workers", min=1, metavar="N", help="Ray: translating workers, each loading the model once.")] = 2,
    input_format: opt.InputFormatOption = None,
    gpus_per_worker: Annotated[float, typer.Option("--gpus-per-worker", min=0, metavar="N", help="Ray: GPUs each translating worker takes.")] = 0,
    project: Settings = Settings(),
) -> None:
    """Clean, translate and review every article; resumable; writes index.html."""
    from ..pipeline.engines import Cluster, Hooks, run_engine
    from ..pipeline.job import JobRecipe

    carrier = run_engine(str(engine))
    files = carrier.inputs(inputs)
    if output.exists() and not output.is_dir():
        raise TranslatorError(f"{output}: exists and is not a folder; -o must name a folder")
    progress = Progress(len(files))

    recipe = JobRecipe(project, language_code(from_), language_code(to) if to else None, memory=False if no_cache else (cache or True),
                       hardware=hardware(device, compute_type, jobs), qa=qa, languagetool=languagetool)
    hooks = Hooks(on_file=progress.step, on_progress=progress.sentences, on_memory_problem=memory_problem,
                  on_qa_skipped=lambda reason: typer.echo(f"QA skipped: {reason}", err=True))
    cluster = Cluster(address or os.environ.get("RAY_ADDRESS"), workers, gpus_per_worker, cpus=None)
    outcome = carrier.run(recipe, files, output, input_format=input_format, chunk_size=chunk_size, shard_size=shard_size,
                          hooks=hooks, cluster=cluster)
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
