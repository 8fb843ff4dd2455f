"""The local engine: every chunk in this process, one after the other (the default)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ...io.formats import expand_inputs
from ..job import JobRecipe
from ..run import RunReport, run_pipeline
from . import Cluster, Hooks


def inputs(names: list[str]) -> list[str]:
    return expand_inputs(names)


def run(recipe: JobRecipe, files: Sequence[str], outdir: Path, *, input_format: str | None, chunk_size: int,
        shard_size: int | None, hooks: Hooks, cluster: Cluster) -> RunReport:
    with recipe.open(on_progress=hooks.on_progress, on_memory_problem=hooks.on_memory_problem, on_qa_skipped=hooks.on_qa_skipped) as job:
        return run_pipeline(files, outdir, job, encoding=recipe.settings.encoding, input_format=input_format, chunk_size=chunk_size,
                            shard_size=shard_size or 0, on_file=hooks.on_file)
