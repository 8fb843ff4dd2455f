"""The Ray engine: ``translator run`` on a Ray cluster (or one Ray starts on this machine).

Ray Data reads the inputs in CPU tasks (through the same input formats as the local
engine: local paths, or any URI pyarrow reaches such as ``s3://bucket/corpus/``), cuts
them in chunks and cleans each chunk in a CPU task
(:func:`~translator.pipeline.run.prepare_chunk`, with a Job that only cleans, made once
per worker process), then hands the cleaned chunks to a pool of ``Cluster.workers``
actors, each opening the Job of the run once (the model loads once per actor, on a GPU
when it has one) to translate, check and write them
(:func:`~translator.pipeline.run.finish_chunk`): the outputs are the local engine's,
byte for byte, in the output folder, which every worker must reach (a shared
filesystem on a cluster).  A worker that dies is restarted and its chunk redone (Ray
Data's actor pools retry without end; every output is written atomically, the report
last).  An article whose outputs are complete
(its report made from the same text, rules, glossary, model and grammar check) is
skipped, as locally.  The translation memory is each worker host's own.
"""

from __future__ import annotations

import dataclasses
import os
import pickle
import warnings
from collections.abc import Iterator, Sequence
from pathlib import Path

from ...config import Settings
from ...errors import TranslatorError
from ...io.files import SourceText, read_bytes
from ...io.formats import expand_inputs, format_for, input_formats
from ...translate.engines import Hardware
from ..job import Job, JobRecipe
from ..run import MadeWith, RunReport, finish_chunk, finish_run, is_done, prepare_chunk, prepare_run, remove_unfinished_writes, run_corpus
from . import Cluster, Hooks

ROLES_FOR_TESTS = "TRANSLATOR_TEST_RAY_ROLES"  # test-only: a folder where each worker notes what it did (see _note_role)


def inputs(names: list[str]) -> list[str]:
    """Local inputs as the local engine lists them; URIs (``s3://…``) as pyarrow lists them."""
    local = [name for name in names if "://" not in name]
    return [*(expand_inputs(local) if local else []), *(found for name in names if "://" in name for found in _remote_files(name))]


def run(recipe: JobRecipe, files: Sequence[str], outdir: Path, *, input_format: str | None, chunk_size: int, hooks: Hooks,
        cluster: Cluster) -> RunReport:
    ray = _import_ray()
    translated = recipe.target is not None
    prepare_run(files, outdir, translated, input_format)
    outdir.mkdir(parents=True, exist_ok=True)
    # the run's Job here: what makes its outputs, then the output corpora and the index
    # (no model loads, no memory opens, and the workers' device need not be on this machine)
    with dataclasses.replace(recipe, memory=False, hardware=Hardware()).open() as job:
        started_here = not ray.is_initialized()
        if started_here:
            ray.init(address=cluster.address, num_cpus=None if cluster.address else cluster.cpus, include_dashboard=False,
                     log_to_driver=False, configure_logging=False)
        try:
            report, done_elsewhere = _process(ray, recipe, MadeWith.of(job), files, outdir, input_format=input_format,
                                              chunk_size=chunk_size, hooks=hooks, cluster=cluster)
        finally:
            if started_here:
                ray.shutdown()
        remove_unfinished_writes(outdir, files, translated, input_format)  # a worker killed while writing left them (its chunk was redone)
        names = []
        for name in files:
            if not format_for(name, input_format).many:
                names.append(name)
                continue
            records = None if "://" not in name else format_for(name, input_format).articles(name, _read_input(name), recipe.settings.encoding)
            names += run_corpus(name, outdir, job, report, encoding=recipe.settings.encoding, input_format=input_format,
                                chunk_size=chunk_size, records=records, done_elsewhere=done_elsewhere)
        finish_run(names, outdir, job, report, input_format)
    return report


def _process(ray, recipe: JobRecipe, made_with: MadeWith, files: Sequence[str], outdir: Path, *, input_format: str | None,
             chunk_size: int, hooks: Hooks, cluster: Cluster) -> tuple[RunReport, dict[str, str | None]]:
    """Every article read, cleaned, translated and written on Ray; the report, and each
    article's problem (None: its outputs are written)."""
    blocks = max(1, min(len(files), -(-len(files) // chunk_size)))  # a corpus file each, or a chunk's worth of small files
    articles = ray.data.from_items([{"file": index, "name": name} for index, name in enumerate(files)], override_num_blocks=blocks)
    articles = articles.flat_map(_read, fn_kwargs={"encoding": recipe.settings.encoding, "input_format": input_format})
    articles = articles.repartition(target_num_rows_per_block=chunk_size)  # a corpus's records shared among the workers, streaming
    articles = articles.map_batches(_clean_chunk, batch_size=chunk_size, fn_kwargs={
        "settings": recipe.settings, "outdir": str(outdir), "input_format": input_format, "made_with": made_with})
    # the retries said here (a worker that dies is restarted, its chunk redone) also keep the cleaning tasks
    # out of the translating actors: Ray Data fuses a task stage into the actor stage after it when their remote args agree
    outcomes = articles.map_batches(
        _Translate, batch_size=chunk_size, compute=ray.data.ActorPoolStrategy(size=cluster.workers), num_gpus=cluster.gpus_per_worker or None,
        num_cpus=_cpus_per_worker(ray, cluster.workers, recipe.hardware.jobs), max_restarts=-1, max_task_retries=-1,
        fn_constructor_kwargs={"recipe": recipe, "outdir": str(outdir), "input_format": input_format})
    report, done_elsewhere = RunReport(), {}
    for row in sorted(_each(outcomes, hooks), key=lambda row: (row["file"], row["record"])):
        done_elsewhere[row["name"]] = row["problem"] or None
        if row["status"] == "failed":
            report.failed.append((row["name"], row["problem"]))
        else:
            getattr(report, row["status"]).append(row["name"])
    return report, done_elsewhere


def _each(outcomes, hooks: Hooks) -> Iterator[dict]:
    """The outcome of each article as it comes (Ray's own progress bars left out for ours)."""
    import logging

    from ray.data import DataContext

    DataContext.get_current().enable_progress_bars = False
    logging.getLogger("ray.data").setLevel(logging.ERROR)
    with warnings.catch_warnings():  # Ray Data's advice on tuning a pool is not the user's business
        warnings.simplefilter("ignore", UserWarning)
        for row in outcomes.iter_rows():
            hooks.on_file(row["name"])
            yield row


def _cpus_per_worker(ray, workers: int, jobs: int) -> float:
    """The CPUs a translating worker reserves: its ``jobs``, less when the workers would
    take every CPU of the cluster and leave none to read and clean the articles (they
    then share the cores; a CPU-only cluster should have more cores than workers)."""
    spare = (ray.cluster_resources().get("CPU", 1) - 1) / workers
    return max(0.1, min(jobs, spare))


def _import_ray():
    try:
        import ray
        import ray.data
    except ImportError:
        raise TranslatorError("--engine ray needs Ray: pip install 'translator[ray]'") from None
    return ray


def _remote_files(uri: str) -> list[str]:
    """The input files at ``uri``: the file itself, or a folder's files of a known format."""
    import pyarrow.fs

    filesystem, path = pyarrow.fs.FileSystem.from_uri(uri)
    scheme = uri.split("://", 1)[0]
    info = filesystem.get_file_info(path)
    if info.type == pyarrow.fs.FileType.File:
        return [uri]
    if info.type != pyarrow.fs.FileType.Directory:
        raise TranslatorError(f"{uri}: file not found")
    suffixes = tuple(suffix for fmt in input_formats().values() for suffix in fmt.suffixes)
    found = sorted(f"{scheme}://{entry.path}" for entry in filesystem.get_file_info(pyarrow.fs.FileSelector(path))
                   if entry.type == pyarrow.fs.FileType.File and entry.base_name.lower().endswith(suffixes))
    if not found:
        raise TranslatorError(f"{uri}: folder holds no article file ({', '.join(suffixes)})")
    return found


def _read_input(name: str) -> bytes:
    if "://" not in name:
        return read_bytes(name)
    import pyarrow.fs

    filesystem, path = pyarrow.fs.FileSystem.from_uri(name)
    with filesystem.open_input_stream(path) as stream:
        return stream.read()


def _read(item: dict, encoding: str, input_format: str | None) -> Iterator[dict]:
    """The articles of one input file, a row each, and a row naming the problem when the
    file cannot be read (or breaks off: the articles before the break are kept).  A
    corpus's bad records, non-articles and break are left to the corpus writer, which
    reports them as the local engine does."""
    name = item["name"]
    input_kind, sources, problem = format_for(name, input_format), [], ""
    try:
        sources += (record for record in input_kind.articles(name, _read_input(name), encoding) if isinstance(record, SourceText))
    except (TranslatorError, OSError) as broke:
        problem = str(broke)
    for record, source in enumerate(sources):
        yield {"file": item["file"], "record": record, "name": name, "source": pickle.dumps(source), "problem": ""}
    if problem and not input_kind.many:
        yield {"file": item["file"], "record": -1, "name": name, "source": b"", "problem": problem}


_cleaning_job: Job | None = None  # the Job of a worker process's cleaning tasks, kept for the next ones


def _clean_chunk(batch: dict, settings: Settings, outdir: str, input_format: str | None, made_with: MadeWith) -> dict:
    """A chunk's articles that are not done, cleaned in a CPU task as the local engine
    cleans them (the rules loaded once per worker process); each row's status: failed
    (and why), skipped (up to date) or cleaned (and the cleaned article, pickled)."""
    global _cleaning_job
    if _cleaning_job is None or _cleaning_job.settings != settings:
        _cleaning_job = Job(settings, memory_use=False)
    count = len(batch["name"])
    names, statuses, problems, prepared = list(batch["name"]), ["failed"] * count, list(batch["problem"]), [b""] * count
    pending = []
    for index in range(count):
        if problems[index]:
            continue
        source = pickle.loads(batch["source"][index])
        names[index] = source.name
        if is_done(source, Path(outdir), _cleaning_job, input_format, made_with):
            statuses[index] = "skipped"
        else:
            pending.append((index, source))
    if pending:
        _note_role("clean")
        for (index, _), item in zip(pending, prepare_chunk(_cleaning_job, [source for _, source in pending], Path(outdir), input_format)):
            if isinstance(item, str):
                problems[index] = item
            else:
                statuses[index], prepared[index] = "cleaned", pickle.dumps(item)
    return {"file": batch["file"], "record": batch["record"], "name": names, "status": statuses, "problem": problems, "prepared": prepared}


class _Translate:
    """A translating worker: the run's Job, opened once; each batch is one cleaned chunk."""

    def __init__(self, recipe: JobRecipe, outdir: str, input_format: str | None) -> None:
        self.outdir, self.input_format = Path(outdir), input_format
        self.opened = recipe.open()
        self.job = self.opened.__enter__()

    def __call__(self, batch: dict) -> dict:
        statuses, problems = list(batch["status"]), list(batch["problem"])
        pending = []
        for index, status in enumerate(statuses):
            if status != "cleaned":
                continue
            item = pickle.loads(batch["prepared"][index])
            if is_done(item.source, self.outdir, self.job, self.input_format):  # written by a worker that died before its chunk was done
                statuses[index] = "skipped"
            else:
                pending.append((index, item))
        if pending:
            _note_role("translate")
            outcomes = finish_chunk(self.job, [item for _, item in pending], self.outdir, self.input_format)
            for (index, _), (_, problem) in zip(pending, outcomes):
                statuses[index], problems[index] = ("done", "") if problem is None else ("failed", problem)
        return {"file": batch["file"], "record": batch["record"], "name": batch["name"], "status": statuses, "problem": problems}


def _note_role(role: str) -> None:
    """For the tests only, when ``TRANSLATOR_TEST_RAY_ROLES`` names a folder: an empty file
    there saying this worker process did ``role`` (``clean``, ``translate``) to some
    articles, as a task or as which actor."""
    folder = os.environ.get(ROLES_FOR_TESTS)
    if folder:
        import ray

        actor = ray.get_runtime_context().get_actor_id()
        (Path(folder) / f"{role}.{actor or 'task'}.{os.getpid()}").touch()
