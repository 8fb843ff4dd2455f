"""Input formats: the kinds of file that hold articles, and how each is read.

A format turns the bytes of one input into articles (:class:`~translator.io.files.SourceText`):
a text file or a web page is one article, a crawl archive or a corpus many.  Each
format is one module of this package that subclasses :class:`InputFormat` and calls
:func:`register`; the format of an input is the one named by ``--input-format``, else
the one whose suffix the file name ends with, else plain text.

A format of many articles (``many = True``) streams them from the file (:meth:`InputFormat.read`)
and yields, among its articles, a :class:`BadRecord` for a record that cannot be one (the
others carry on) and a :class:`Skipped` for one that is no article by design (a crawl's
images, redirects, requests), which is counted.
"""

from __future__ import annotations

import hashlib
import importlib
import pkgutil
import re
from abc import ABC, abstractmethod
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar

from ...errors import TranslatorError
from ..files import STDIO, SourceText, read_bytes

Change = tuple[int, int, str]  # text[start:end] became the replacement


@dataclass(frozen=True)
class BadRecord:
    """A record of a many-article input that is no article (not JSON, no text…): reported
    with ``problem``, carried to the output corpus with it, and the other records go on."""

    name: str  # ORIGIN#ID, as the article would have been named
    problem: str  # one line naming the file, the record and what to do
    fields: Mapping[str, object] = field(default_factory=dict)  # what of the record can be carried
    origin: str | None = None
    raw: str | None = None  # the record as it stood, when it could not be read as fields


@dataclass(frozen=True)
class Skipped:
    """A record that is no article by design (a crawl's image, redirect or request): counted."""

    name: str
    kind: str  # why, as the summary counts it: "not HTML", "HTTP 404", "request record"
    origin: str | None = None


Record = SourceText | BadRecord | Skipped


class InputFormat(ABC):
    """One kind of input file."""

    name: ClassVar[str]  # as ``--input-format`` names it
    suffixes: ClassVar[tuple[str, ...]]  # file names ending so are read by it (".warc.gz")
    many: ClassVar[bool] = False  # a file holds many articles (a corpus, a crawl)
    writes_as: ClassVar[str | None] = None  # a file of many: the corpus its results make ("jsonl", "parquet")
    # what the rules read when it is not the file itself ("extracted text"): reports name
    # it beside the file, so that no position claims to be in a file it does not describe
    text_label: ClassVar[str | None] = None
    rewritable: ClassVar[bool] = True  # the cleaned article can be written over the file (--in-place)

    @abstractmethod
    def articles(self, name: str, data: bytes, encoding: str) -> Iterator[Record]:
        """The articles of input ``name``, in order; a bad input raises ``TranslatorError``
        naming it.  A format of many yields a bad record as a :class:`BadRecord`, and raises
        only when the file itself breaks off (the records before it are yielded first)."""

    def output_name(self, name: str) -> str:
        """The name of the file holding the results of input ``name`` (a crawl's are a JSON Lines corpus)."""
        return name

    def read(self, name: str, encoding: str) -> Iterator[Record]:
        """The articles of file ``name`` (``-``: stdin); formats of many stream them from the file."""
        yield from self.articles(name, read_bytes(name), encoding)

    def render(self, article: SourceText, cleaned_text: str, changes: Sequence[Change]) -> str:
        """The cleaned article written back in this format: ``changes`` are the cleaning's
        edits of ``article.text`` (start, end, replacement), in order and apart, that made
        ``cleaned_text``.  By default the cleaned text itself."""
        return cleaned_text


class CorpusFormat(InputFormat):
    """A file of many articles (a corpus, a crawl): its results are a corpus written to
    ``-o``, never over the file itself, and the rules read each record's article."""

    many = True
    rewritable = False
    text_label = "title and text"  # the record's title, a blank line, its text


_FORMATS: dict[str, InputFormat] = {}


def register(input_format: type[InputFormat]) -> type[InputFormat]:
    """Class decorator: make a format known by its name and suffixes."""
    _FORMATS[input_format.name] = input_format()
    return input_format


def _load_all() -> None:
    if not _FORMATS:
        # plain text first: the default, named first where formats are listed
        for module in sorted(pkgutil.iter_modules(__path__), key=lambda module: module.name != "text"):
            importlib.import_module(f"{__name__}.{module.name}")


def input_formats() -> dict[str, InputFormat]:
    """Every known format, by name."""
    _load_all()
    return dict(_FORMATS)


def format_for(name: str, chosen: str | None = None) -> InputFormat:
    """The format that reads input ``name``: ``chosen`` if given, else by its suffix, else text."""
    formats = input_formats()
    if chosen is not None:
        if chosen not in formats:
            raise TranslatorError(f"unknown input format {chosen!r} in --input-format; use one of {', '.join(sorted(formats))}")
        return formats[chosen]
    lowered = name.lower()
    by_suffix = [(suffix, fmt) for fmt in formats.values() for suffix in fmt.suffixes if lowered.endswith(suffix)]
    return max(by_suffix, key=lambda pair: len(pair[0]))[1] if by_suffix else formats["text"]


def article_name(path: str, chosen: str | None = None) -> str:
    """``poutine.fr.txt``, ``poutine.html`` → ``poutine``: the stem the outputs are named after;
    for a record of a corpus (``corpus.jsonl#ID``), ``corpus/ID`` (an id unfit for a file
    name is made fit, with a hash of it)."""
    if (record := record_of(path, chosen)) is not None:
        origin, key = record
        if not _FIT_NAME.fullmatch(key):
            key = f"{re.sub(r'[^A-Za-z0-9._-]+', '_', key)[:80].strip('._')}-{hashlib.sha1(key.encode('utf-8', 'surrogatepass')).hexdigest()[:10]}"
        return f"{corpus_stem(origin, chosen)}/{key}"
    name = Path(path).name
    suffix = next((s for s in sorted(format_for(name, chosen).suffixes, key=len, reverse=True) if name.lower().endswith(s)), "")
    return name[: len(name) - len(suffix)].removesuffix(".fr")


_FIT_NAME = re.compile(r"[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}")


def record_of(name: str, chosen: str | None = None) -> tuple[str, str] | None:
    """The corpus and the id when ``name`` names a record of a corpus (``corpus.jsonl#ID``)."""
    origin, mark, key = name.rpartition("#")
    if mark and format_for(origin, chosen).many and not Path(name).exists():
        return origin, key
    return None


def corpus_stem(name: str, chosen: str | None = None) -> str:
    """``corpus.jsonl`` → ``corpus``, ``crawl.warc.gz`` → ``crawl``: the folder of its records' outputs."""
    return Path(format_for(name, chosen).output_name(Path(name).name)).stem


def cleaned_name(name: str, chosen: str | None = None, *, markdown: bool = False) -> str:
    """The name of a file's cleaned article in an output folder: the file's own, unless the
    article is written in another format than the file's (``page.html`` → ``page.txt``,
    ``--format markdown``: ``page.md``)."""
    input_format = format_for(name, chosen)
    if input_format.many:  # a corpus's results are a corpus
        return name
    if markdown and input_format.name != "markdown":
        return renamed(name, chosen, ".md")
    return name if input_format.rewritable else renamed(name, chosen, ".txt")


def renamed(name: str, chosen: str | None, suffix: str) -> str:
    """``name`` with its format's suffix (``.html``) replaced by ``suffix``."""
    lowered = name.lower()
    found = [s for s in format_for(name, chosen).suffixes if lowered.endswith(s)]
    return name[: len(name) - len(max(found, key=len, default=""))] + suffix


def format_of(article: SourceText) -> InputFormat:
    """The format that read ``article``."""
    return input_formats()[article.format]


def read_articles(name: str, encoding: str = "utf-8", chosen: str | None = None) -> Iterator[Record]:
    """The articles of file ``name`` (``-``: stdin), read by its format, streamed for a corpus."""
    yield from format_for(name, chosen).read(name, encoding)


def read_article(name: str, encoding: str = "utf-8", chosen: str | None = None) -> SourceText:
    """The one article of file ``name``; a file holding several (a corpus, a crawl) is an error."""
    if format_for(name, chosen).many:
        raise TranslatorError(f"{name}: holds many articles; this command takes one article (use clean, translate or run)")
    [article] = read_articles(name, encoding, chosen)
    return article


def expand_inputs(names: list[str]) -> list[str]:
    """Files named on the command line, a directory standing for its files of a known format.

    Missing paths are an error before anything is processed.
    """
    if names.count(STDIO) > 1:
        raise TranslatorError("stdin (-) can be read only once")
    files: list[str] = []
    for name in names:
        path = Path(name)
        if name == STDIO:
            files.append(name)
        elif path.is_dir():
            suffixes = tuple(suffix for fmt in input_formats().values() for suffix in fmt.suffixes)
            found = sorted(str(p) for p in path.iterdir() if p.name.lower().endswith(suffixes) and p.is_file())
            if not found:
                raise TranslatorError(f"{name}: directory holds no article file ({', '.join(suffixes)})")
            files.extend(found)
        elif path.exists():
            files.append(name)
        else:
            raise TranslatorError(f"{name}: file not found")
    return files
