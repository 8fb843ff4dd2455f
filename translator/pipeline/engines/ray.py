"""The Ray engine: ``translator run`` on a Ray cluster (or one Ray starts on this machine).

Ray Data reads the inputs in CPU tasks (through the same input formats as the local
engine: local paths, or any URI pyarrow reaches such as ``s3://bucket/corpus/``), cuts
them in chunks and cleans each chunk in a CPU task
(:func:`~translator.pipeline.run.prepare_chunk`, with a Job that only cleans, made once
per worker process), then hands the cleaned chunks to a pool of ``Cluster.workers``
actors, each opening the Job of the run once (the model loads once per actor, on a GPU
when it has one) to translate, check and write them
(:func:`~translator.pipeline.run.finish_chunk`), with the output records of a corpus's
chunk as pieces of its shards; tasks then put each shard together from its pieces.  The
outputs are the local engine's (given the same shard size), byte for byte, in the output
folder, which every worker must reach (a shared filesystem on a cluster).  A worker
that dies is restarted and its chunk redone (Ray Data's actor pools retry without end;
every output is written atomically, the report last).  An article whose outputs are
complete (its report made from the same text, rules, glossary, model and grammar check)
is skipped, as locally.  The translation memory is each worker host's own.
"""

from __future__ import annotations

import dataclasses
import os
import pickle
import shutil
import sys
import warnings
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path

from ...config import Settings
from ...errors import TranslatorError
from ...io.corpus import CorpusWriter, seal_shards, shard_path
from ...io.files import read_bytes, write_atomic
from ...io.formats import BadRecord, Skipped, expand_inputs, format_for, input_formats
from ...translate.engines import Hardware
from ..job import Job, JobRecipe
from ..run import (
    MadeWith,
    RunReport,
    corpus_output,
    corpus_output_record,
    finish_chunk,
    finish_run,
    is_done,
    prepare_chunk,
    prepare_run,
    remove_unfinished_writes,
)
from . import Cluster, Hooks

TRANSLATING_WORKER = "TRANSLATOR_TRANSLATING_WORKER"  # set in the translating actors' environment
ROLES_FOR_TESTS = "TRANSLATOR_TEST_RAY_ROLES"  # test-only: a folder where each worker notes what it did (see _note_role)


def inputs(names: list[str]) -> list[str]:
    """Local inputs as the local engine lists them; URIs (``s3://…``) as pyarrow lists them."""
    local = [name for name in names if "://" not in name]
    return [*(expand_inputs(local) if local else []), *(found for name in names if "://" in name for found in _remote_files(name))]


SHARD_SIZE = 10_000  # records per output shard by default: shards of tens of MB, written by as many workers


def run(recipe: JobRecipe, files: Sequence[str], outdir: Path, *, input_format: str | None, chunk_size: int,
        shard_size: int | None, hooks: Hooks, cluster: Cluster) -> RunReport:
    ray = _import_ray()
    translated = recipe.target is not None
    shard_size = SHARD_SIZE if shard_size is None else shard_size
    if cluster.address and not ray.is_initialized() and not _listening(cluster.address):  # Ray would wait minutes for it
        raise TranslatorError(f"--address {cluster.address}: no Ray cluster answers there; check the address "
                              "(HOST:PORT of the head node), or leave it out to start Ray here")
    prepare_run(files, outdir, translated, input_format)
    outdir.mkdir(parents=True, exist_ok=True)
    corpora = {index: _Corpus.of(name, outdir, input_format, shard_size) for index, name in enumerate(files) if format_for(name, input_format).many}
    for corpus in corpora.values():
        shutil.rmtree(corpus.pieces, ignore_errors=True)  # a killed run's: this run writes its own
    # the run's Job here: what makes its outputs, and the index
    # (no model loads, no memory opens, and the workers' device need not be on this machine)
    with dataclasses.replace(recipe, memory=False, hardware=Hardware()).open() as job:
        started_here = not ray.is_initialized()
        if started_here:
            _start(ray, cluster)
        try:
            rows = _process(ray, recipe, MadeWith.of(job), files, outdir, input_format=input_format, chunk_size=chunk_size,
                            corpora=corpora, hooks=hooks, cluster=cluster)
            report, names = _account(rows, files, input_format)
            report.failed += _join_shards(ray, rows, corpora)
        finally:
            if started_here:
                ray.shutdown()
        remove_unfinished_writes(outdir, files, translated, input_format)  # a worker killed while writing left them (its chunk was redone)
        finish_run(names, outdir, job, report, input_format)
    return report


def _start(ray, cluster: Cluster) -> None:
    """Ray joined at ``cluster.address``, or started on this machine."""
    try:
        ray.init(address=cluster.address, num_cpus=None if cluster.address else cluster.cpus, include_dashboard=False,
                 log_to_driver=False, configure_logging=False)
    except ConnectionError as problem:  # no cluster there, or one that refuses us
        raise TranslatorError(f"--address {cluster.address}: cannot join the Ray cluster ({problem}); check the address, "
                              "or leave it out to start Ray here") from None


def _listening(address: str) -> bool:
    """Something accepts connections at a ``HOST:PORT`` address (other forms, such as
    ``auto`` or ``ray://…``, are left to Ray)."""
    import socket

    host, _, port = address.rpartition(":")
    if "://" in address or not host or not port.isdigit():
        return True
    try:
        socket.create_connection((host, int(port)), timeout=5).close()
    except OSError:
        return False
    return True


def _process(ray, recipe: JobRecipe, made_with: MadeWith, files: Sequence[str], outdir: Path, *, input_format: str | None,
             chunk_size: int, corpora: dict[int, _Corpus], hooks: Hooks, cluster: Cluster) -> list[dict]:
    """Every article read, cleaned, translated and written on Ray, and the pieces of each
    output corpus; what became of each record, as the local engine notes it: in input
    order, the single articles first."""
    blocks = max(1, min(len(files), -(-len(files) // chunk_size)))  # a corpus file each, or a chunk's worth of small files
    articles = ray.data.from_items([{"file": index, "name": name} for index, name in enumerate(files)], override_num_blocks=blocks)
    articles = articles.flat_map(_read, fn_kwargs={"encoding": recipe.settings.encoding, "input_format": input_format,
                                                   "corpora": corpora})
    articles = articles.repartition(target_num_rows_per_block=chunk_size)  # a corpus's records shared among the workers, streaming
    articles = articles.map_batches(_clean_chunk, batch_size=chunk_size, fn_kwargs={
        "settings": recipe.settings, "outdir": str(outdir), "input_format": input_format, "made_with": made_with})
    # a worker that dies is restarted and its chunk redone (Ray Data's default for actor pools);  the environment
    # said here keeps the cleaning tasks out of the translating actors: Ray Data fuses a task stage into the actor
    # stage after it when what they ask of Ray agrees
    outcomes = articles.map_batches(
        _Translate, batch_size=chunk_size, compute=ray.data.ActorPoolStrategy(size=cluster.workers), num_gpus=cluster.gpus_per_worker or None,
        num_cpus=_cpus_per_worker(ray, cluster.workers, recipe.hardware.jobs), runtime_env={"env_vars": {TRANSLATING_WORKER: "1"}},
        fn_constructor_kwargs={"recipe": recipe, "outdir": str(outdir), "input_format": input_format, "corpora": corpora})
    return sorted(_each(outcomes, hooks), key=lambda row: (row["file"] in corpora, row["file"], row["seq"]))


def _account(rows: list[dict], files: Sequence[str], input_format: str | None) -> tuple[RunReport, list[str]]:
    """The run's report from what became of each record, and the names of its articles."""
    report, names = RunReport(), [name for name in files if not format_for(name, input_format).many]
    for row in rows:
        status, name, problem = row["status"], row["name"], row["problem"]
        if status == "no-article":
            report.no_article[(name, problem)] += 1
            continue
        if row["shard"] >= 0 and status != "bad":
            names.append(name)
        if status in ("failed", "bad"):
            report.failed.append((name, problem))
        else:
            getattr(report, status).append(name)
    return report, names


@dataclasses.dataclass(frozen=True)
class _Corpus:
    """An input corpus's output: in one file or shards of ``shard_size`` records of ``kind``,
    put together from the pieces the translating workers write in the folder ``pieces``
    (each the output records of a chunk's run of one shard)."""

    name: str
    target: Path
    kind: str
    shard_size: int

    @classmethod
    def of(cls, name: str, outdir: Path, input_format: str | None, shard_size: int) -> _Corpus:
        return cls(name, corpus_output(outdir, name, input_format), format_for(name, input_format).writes_as or "jsonl", shard_size)

    @property
    def pieces(self) -> Path:
        return self.target.with_name(f".{self.target.name}.pieces")

    def piece(self, shard: int, first: int) -> Path:
        return self.pieces / f"{shard:05d}-{first:012d}.pickle"

    def output(self, shard: int) -> Path:
        return shard_path(self.target, shard) if self.shard_size else self.target


def _join_shards(ray, rows: list[dict], corpora: dict[int, _Corpus]) -> list[tuple[str, str]]:
    """Every shard of the output corpora put together from its pieces, in tasks; an empty
    corpus's output written, an earlier run's extra shards removed; the problems met."""
    records = Counter((row["file"], row["shard"]) for row in rows if row["shard"] >= 0)
    join = ray.remote(_join_shard)
    problems = ray.get([join.remote(corpora[file], shard, count) for (file, shard), count in sorted(records.items())])
    for index, corpus in corpora.items():
        shards = sum(file == index for file, _ in records)
        if corpus.shard_size:
            seal_shards(corpus.target, shards, corpus.kind, corpus.name)
        elif not shards:
            CorpusWriter(corpus.target, corpus.kind, schema_of=corpus.name).commit()
        shutil.rmtree(corpus.pieces, ignore_errors=True)
    return [(corpora[file].name, problem) for (file, _), problem in zip(sorted(records), problems) if problem]


def _join_shard(corpus: _Corpus, shard: int, count: int) -> str | None:
    """Shard ``shard`` of ``corpus`` written whole from its pieces, its ``count`` records in
    input order; or why it cannot be."""
    pieces = sorted(corpus.pieces.glob(f"{shard:05d}-*.pickle"))
    records = sorted((record for piece in pieces for record in pickle.loads(piece.read_bytes())), key=lambda record: record[0])
    if [position for position, _ in records] != list(range(shard * corpus.shard_size, shard * corpus.shard_size + count)):
        return f"shard {shard} of its output corpus lacks records ({len(records)} of {count} found); run again"
    writer = CorpusWriter(corpus.output(shard), corpus.kind, schema_of=corpus.name)
    for _, record in records:
        writer.write(record)
    writer.commit()
    return None


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


def _read(item: dict, encoding: str, input_format: str | None, corpora: dict[int, _Corpus]) -> Iterator[dict]:
    """A row for each record of one input file, in order (``seq``): an article to
    process, a bad record, or one that is no article; and a last row naming the problem
    when the file cannot be read or breaks off (the records before the break are kept).
    A corpus's records have their place in the output corpus (``record``) and its shard."""
    name, input_kind = item["name"], format_for(item["name"], input_format)
    shard_size = corpora[item["file"]].shard_size if input_kind.many else 0
    position, problem = 0, ""
    records: list = []
    try:
        records += input_kind.articles(name, _read_input(name), encoding)
    except (TranslatorError, OSError) as broke:
        problem = str(broke)
    for seq, record in enumerate(records):
        row = {"file": item["file"], "seq": seq, "record": -1, "shard": -1, "name": record.name, "problem": "", "source": b""}
        if isinstance(record, Skipped):
            yield {**row, "name": record.origin or "", "status": "no-article", "problem": record.kind}
            continue
        if input_kind.many:
            row.update(record=position, shard=position // shard_size if shard_size else 0)
            position += 1
        if isinstance(record, BadRecord):
            yield {**row, "name": record.origin or record.name, "status": "bad", "problem": record.problem, "source": pickle.dumps(record)}
        else:
            yield {**row, "status": "read", "source": pickle.dumps(record)}
    if problem:
        yield {"file": item["file"], "seq": sys.maxsize, "record": -1, "shard": -1, "name": name, "status": "failed", "problem": problem,
               "source": b""}


_cleaning_job: Job | None = None  # the Job of a worker process's cleaning tasks, kept for the next ones


def _clean_chunk(batch: dict, settings: Settings, outdir: str, input_format: str | None, made_with: MadeWith) -> dict:
    """A chunk's articles that are not done, cleaned in a CPU task as the local engine
    cleans them (the rules loaded once per worker process); each article's status becomes
    failed (and why), skipped (up to date) or cleaned (and the cleaned article, pickled)."""
    global _cleaning_job
    if _cleaning_job is None or _cleaning_job.settings != settings:
        _cleaning_job = Job(settings, memory_use=False)
    statuses, problems, prepared = list(batch["status"]), list(batch["problem"]), [b""] * len(batch["status"])
    pending = []
    for index, status in enumerate(statuses):
        if status != "read":
            continue
        source = pickle.loads(batch["source"][index])
        if is_done(source, Path(outdir), _cleaning_job, input_format, made_with):
            statuses[index] = "skipped"
        else:
            pending.append((index, source))
    if pending:
        _note_role("clean")
        for (index, _), item in zip(pending, prepare_chunk(_cleaning_job, [source for _, source in pending], Path(outdir), input_format)):
            if isinstance(item, str):
                statuses[index], problems[index] = "failed", item
            else:
                statuses[index], prepared[index] = "cleaned", pickle.dumps(item)
    return {**batch, "status": statuses, "problem": problems, "prepared": prepared}


class _Translate:
    """A translating worker: the run's Job, opened once; each batch is one cleaned chunk.
    A corpus's records leave with their output record (pickled), for the shard writers."""

    def __init__(self, recipe: JobRecipe, outdir: str, input_format: str | None, corpora: dict[int, _Corpus]) -> None:
        self.outdir, self.input_format, self.corpora = Path(outdir), input_format, corpora
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
        self._write_pieces(batch, problems)
        return {**{column: batch[column] for column in ("file", "seq", "record", "shard", "name")}, "status": statuses, "problem": problems}

    def _write_pieces(self, batch: dict, problems: list[str]) -> None:
        """The output records of the chunk's corpus records, a piece per shard they belong to."""
        translated, pieces = self.job.translation is not None, {}
        for index, shard in enumerate(batch["shard"]):
            if shard >= 0:
                record = corpus_output_record(pickle.loads(batch["source"][index]), problems[index] or None, self.outdir, translated,
                                              self.input_format)
                pieces.setdefault((int(batch["file"][index]), int(shard)), []).append((int(batch["record"][index]), record))
        for (file, shard), records in pieces.items():
            write_atomic(self.corpora[file].piece(shard, records[0][0]), pickle.dumps(records))


def _note_role(role: str) -> None:
    """For the tests only, when ``TRANSLATOR_TEST_RAY_ROLES`` names a folder: an empty file
    there saying this worker process did ``role`` (``clean``, ``translate``) to some
    articles, as a task or as which actor."""
    folder = os.environ.get(ROLES_FOR_TESTS)
    if folder:
        import ray

        actor = ray.get_runtime_context().get_actor_id()
        (Path(folder) / f"{role}.{actor or 'task'}.{os.getpid()}").touch()
