"""The inputs of one command: which files, where each result goes, what failed.

A failure policy decides what a bad input does: with one input it is an error
(``TranslatorError``: exit 2 on the command line); in a batch it is recorded and the
other files are still processed.

An input of many articles (a corpus, a crawl) is streamed record by record; its results
make one output corpus of the same shape, written in input order as they come (a bad
record is reported, kept in the output with its problem, and the others carry on) and put
in place whole once its last record is written.  A corpus that breaks off (a truncated
crawl) keeps the records before the break, then fails as a bad input does.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from itertools import islice
from pathlib import Path
from typing import TypeVar

from ..errors import TranslatorError
from .corpus import CorpusWriter, error_record
from .files import STDIO, SourceText, write_atomic, write_stdout
from .formats import BadRecord, InputFormat, Skipped, expand_inputs, format_for, read_articles

T = TypeVar("T")


class OnFailure(StrEnum):
    RAISE = "raise"  # stop at the first bad input
    CONTINUE = "continue"  # record it and go on with the others


@dataclass(frozen=True)
class Failure:
    name: str
    message: str


@dataclass
class _Corpus:
    """An input corpus being read and its output corpus written (``writer`` None: only read):
    records go out in input order, each when its turn comes."""

    writer: CorpusWriter | None
    read: int = 0  # records read so far
    written: int = 0  # records written so far (all those before the next one due)
    read_all: bool = False
    position: dict[str, int] = field(default_factory=dict)  # an article's name → its place, until it is written
    waiting: dict[int, Mapping[str, object]] = field(default_factory=dict)  # records done before their turn

    def take(self, name: str | None = None) -> int:
        """The place of the record just read (an article of that name, awaited)."""
        self.read += 1
        if name is not None and self.writer is not None:
            self.position[name] = self.read - 1
        return self.read - 1

    def put(self, place: int, record: Mapping[str, object]) -> None:
        if self.writer is None:
            return
        self.waiting[place] = record
        while self.written in self.waiting:
            self.writer.write(self.waiting.pop(self.written))
            self.written += 1

    @property
    def done(self) -> bool:
        return self.read_all and self.written == self.read


class Batch:
    """Files to process and where their outputs go (``-o`` a file, or a folder).

    ``on_failure`` defaults to RAISE for one input and CONTINUE for several or a folder;
    ``rename`` names an input's result inside an output folder (``a.fr.txt`` → ``a.en.txt``).
    ``corpus_record`` makes a corpus's output record from an article and its result; given,
    corpora are written (to ``-o``, else stdout); without it they are only read.
    Callbacks: ``on_failed`` hears of each failure as it happens (to print it),
    ``on_file`` of each input as it is read (for progress).  Use it as a context manager:
    leaving it puts the finished output corpora in place (or, on an error, leaves the
    targets as they were).
    """

    def __init__(self, inputs: list[str], output: str | None = None, encoding: str = "utf-8", *,
                 on_failure: OnFailure | None = None, rename: Callable[[str], str] = lambda name: name,
                 input_format: str | None = None,
                 corpus_record: Callable[[SourceText, object], Mapping[str, object]] | None = None) -> None:
        self.files = expand_inputs(inputs)
        self.several = len(self.files) > 1 or any(Path(n).is_dir() for n in inputs if n != STDIO)
        self.output = Path(output) if output is not None else None
        self.to_folder = self.output is not None and (self.several or self.output.is_dir() or output.endswith(os.sep))
        self.encoding = encoding
        self.input_format = input_format  # --input-format; None: by each file's suffix
        self.on_failure = on_failure or (OnFailure.CONTINUE if self.several else OnFailure.RAISE)
        self.failures: list[Failure] = []
        self._rename = rename
        self.on_failed: Callable[[Failure], None] = lambda failure: None
        self.on_file: Callable[[str], None] = lambda name: None
        self.skipped: Counter[tuple[str, str]] = Counter()  # (input, why) → records that are no article
        self._corpus_record = corpus_record
        self._corpora: dict[str, _Corpus] = {}  # input → its output corpus, while it is written
        self._broken: TranslatorError | None = None  # a lone input that broke off: raised on leaving
        if self.to_folder and self.output.exists() and not self.output.is_dir():
            raise TranslatorError(f"{output}: exists and is not a folder; -o must name a folder for several inputs")
        if self.to_folder:
            written_by: dict[Path, str] = {}
            for name in self.files:
                target = self.target(name)
                if target in written_by:
                    raise TranslatorError(f"{written_by[target]} and {name} would both be written to {target}; rename one of them")
                written_by[target] = name
        inputs_resolved = {Path(name).resolve() for name in self.files if name != STDIO}
        if self.output is not None and any(self.target(name).resolve() in inputs_resolved for name in self.files if name != STDIO):
            raise TranslatorError(f"{output}: -o would overwrite an input; choose another place, or use --in-place")

    @property
    def holds_corpora(self) -> bool:
        """Some input holds many articles (a corpus, a crawl)."""
        return any(format_for(name, self.input_format).many for name in self.files)

    @property
    def unit(self) -> str:
        """What a summary counts: articles when some input holds many, else files."""
        return "article" if self.holds_corpora else "file"

    def require_output_unless(self, report_only: bool, alternatives: str) -> None:
        if self.several and self.output is None and not report_only:
            raise TranslatorError(f"several inputs or a folder need -o OUTDIR (or {alternatives})")

    def read_each(self) -> Iterator[SourceText]:
        """Each input's articles, in order; unreadable inputs are handled by the failure policy."""
        for name in self.files:
            self.on_file(name)
            input_format = format_for(name, self.input_format)
            if input_format.many:
                yield from self._read_corpus(name, input_format)
                continue
            articles = self.guard(name, lambda: list(read_articles(name, self.encoding, self.input_format)))
            yield from articles or ()

    def _read_corpus(self, name: str, input_format: InputFormat) -> Iterator[SourceText]:
        """A corpus's articles as they come; bad records are failures kept in the output,
        records that are no article are counted."""
        corpus = self.guard(name, lambda: self._open_corpus(name, input_format))
        if corpus is None:
            return
        try:
            for record in read_articles(name, self.encoding, self.input_format):
                if isinstance(record, Skipped):
                    self.skipped[(name, record.kind)] += 1
                elif isinstance(record, BadRecord):
                    self._failed(Failure(record.name, record.problem))
                    corpus.put(corpus.take(), error_record(record))
                else:
                    corpus.take(record.name)
                    yield record
        except TranslatorError as broke:  # the file breaks off: what was read before stays
            if self.on_failure is OnFailure.RAISE:
                self._broken = broke
            else:
                self._failed(Failure(name, str(broke)))
        corpus.read_all = True
        if corpus.writer is not None:
            self._commit_when_done(name)

    def _open_corpus(self, name: str, input_format: InputFormat) -> _Corpus:
        """The corpus being read, with its output corpus when corpora are written."""
        if self._corpus_record is None:
            return _Corpus(None)
        target = self.target(name) if self.output is not None else None
        corpus = self._corpora[name] = _Corpus(CorpusWriter(target, input_format.writes_as or "jsonl", schema_of=name))
        return corpus

    def _commit_when_done(self, name: str) -> None:
        corpus = self._corpora[name]
        if corpus.done:
            del self._corpora[name]
            corpus.writer.commit()

    def __enter__(self) -> Batch:
        return self

    def __exit__(self, error_type: type[BaseException] | None, *exc_info: object) -> None:
        """Finished corpora are in place; on an error, unfinished ones leave their targets as they were."""
        corpora, self._corpora = self._corpora, {}
        for corpus in corpora.values():
            corpus.writer.discard()  # a corpus is in place once its last record is written
        if error_type is None and corpora:
            raise TranslatorError(f"{', '.join(corpora)}: some records were read but never written; nothing of it is written")
        if error_type is None and self._broken is not None:
            raise self._broken

    def target(self, name: str) -> Path:
        """Where the result for input ``name`` goes with ``-o``."""
        assert self.output is not None
        output_name = format_for(name, self.input_format).output_name(Path(name).name)
        return self.output / self._rename(output_name) if self.to_folder else self.output

    def write(self, source: SourceText, text: str, result: object = None) -> str | None:
        """Write one result (in the input's encoding) to ``-o``, else stdout; the path written,
        if it was.  An article of a corpus goes to its output corpus, as ``corpus_record``
        makes it from ``result``."""
        if source.origin is not None and source.origin in self._corpora:
            corpus = self._corpora[source.origin]
            corpus.put(corpus.position.pop(source.name), self._corpus_record(source, result))
            self._commit_when_done(source.origin)
            return None  # a record's findings are placed in its article, not in the output file
        if self.output is None:
            write_stdout(source.encode(text))
            return None
        return self._write(source, self.target(source.name), text)

    def write_in_place(self, source: SourceText, text: str) -> str | None:
        """Rewrite the input itself (the real file behind a symlink); the path written, if it was."""
        return self._write(source, Path(os.path.realpath(source.name)), text)

    def _write(self, source: SourceText, target: Path, text: str) -> str | None:
        return self.guard(source.name, lambda: write_atomic(target, source.encode(text)) or str(target))

    def guard(self, name: str, action: Callable[[], T]) -> T | None:
        """``action()``, or None when it fails and the policy is to go on."""
        try:
            return action()
        except TranslatorError as problem:
            if self.on_failure is OnFailure.RAISE:
                raise
            self._failed(Failure(name, str(problem)))
            return None

    def _failed(self, failure: Failure) -> None:
        self.failures.append(failure)
        self.on_failed(failure)



def no_article_lines(skipped: Mapping[tuple[str, str], int]) -> list[str]:
    """For each input with records that are no article ((input, why) → how many): how many, and why."""
    by_input: dict[str, Counter[str]] = {}
    for (name, kind), count in skipped.items():
        by_input.setdefault(name, Counter())[kind] = count
    return [f"{name}: {sum(kinds.values())} record{'s' * (sum(kinds.values()) != 1)} skipped, no article in them "
            f"({', '.join(f'{count} {kind}' for kind, count in kinds.most_common())})" for name, kinds in by_input.items()]


def chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """``items`` in lists of ``size`` (the last one shorter), taken as they come."""
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def in_language(name: str, source: str, target: str) -> str:
    """The name of a file's translation: ``a.fr.txt`` → ``a.en.txt``, ``a.txt`` → ``a.en.txt``."""
    stem, dot, suffix = name.rpartition(".")
    if not dot:
        return f"{name}.{target}"
    return f"{stem.removesuffix('.' + source)}.{target}.{suffix}"
