"""Run engines: what carries ``translator run`` out, on this machine or on a cluster.

An engine is a module named in :data:`RUN_ENGINES` (imported only when used) with two
functions: ``inputs(names)`` lists the inputs named on the command line, and
``run(recipe, files, outdir, *, input_format, chunk_size, shard_size, hooks, cluster)`` processes
them into ``outdir`` (a corpus's output in shards of ``shard_size`` records, None: the
engine's default) and returns a :class:`~translator.pipeline.run.RunReport`.  Every engine
cleans and writes each article with :func:`~translator.pipeline.run.run_chunk` (or its
two halves, ``prepare_chunk`` and ``finish_chunk``, on different workers) from a Job
opened from the same :class:`~translator.pipeline.job.JobRecipe`, so their outputs are
the same, byte for byte (with the same shard size).  Adding an engine is one module here and one line in :data:`RUN_ENGINES`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from types import ModuleType

from ...errors import TranslatorError

RUN_ENGINES: dict[str, str] = {
    "local": "translator.pipeline.engines.local",
    "ray": "translator.pipeline.engines.ray",
}


@dataclass(frozen=True)
class Hooks:
    """What the command line hears of a run as it goes (on the machine that started it)."""

    on_file: Callable[[str], None] = lambda name: None
    on_progress: Callable[[int, int], None] | None = None
    on_memory_problem: Callable[[str], None] | None = None
    on_qa_skipped: Callable[[str], None] = lambda reason: None


@dataclass(frozen=True)
class Cluster:
    """Where a distributed engine runs: ``address`` of a cluster to join (None: start one
    on this machine with ``cpus`` cores, all of them when None), ``workers`` translating
    at once, each holding the model once, with ``gpus_per_worker`` GPUs each."""

    address: str | None = None
    workers: int = 2
    gpus_per_worker: float = 0
    cpus: int | None = None


def run_engine(name: str) -> ModuleType:
    """The run engine registered under ``name``, imported now."""
    if name not in RUN_ENGINES:
        raise TranslatorError(f"unknown run engine {name!r} in --engine; use one of {', '.join(RUN_ENGINES)}")
    return import_module(RUN_ENGINES[name])
