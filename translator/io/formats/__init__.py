"""Input formats: the kinds of file that hold articles, and how each is read.

A format turns the bytes of one input into articles (:class:`~translator.io.files.SourceText`):
a text file or a web page is one article, a crawl archive or a corpus many.  Each
format is one module of this package that subclasses :class:`InputFormat` and calls
:func:`register`; the format of an input is the one named by ``--input-format``, else
the one whose suffix the file name ends with, else plain text.
"""

from __future__ import annotations

import importlib
import pkgutil
from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import ClassVar

from ...errors import TranslatorError
from ..files import STDIO, SourceText, read_bytes

Change = tuple[int, int, str]  # text[start:end] became the replacement


class InputFormat(ABC):
    """One kind of input file."""

    name: ClassVar[str]  # as ``--input-format`` names it
    suffixes: ClassVar[tuple[str, ...]]  # file names ending so are read by it (".warc.gz")
    many: ClassVar[bool] = False  # a file holds many articles (a corpus, a crawl)
    # what the rules read when it is not the file itself ("extracted text"): reports name
    # it beside the file, so that no position claims to be in a file it does not describe
    text_label: ClassVar[str | None] = None
    rewritable: ClassVar[bool] = True  # the cleaned article can be written over the file (--in-place)

    @abstractmethod
    def articles(self, name: str, data: bytes, encoding: str) -> Iterator[SourceText]:
        """The articles of input ``name``, in order; a bad input raises ``TranslatorError``
        naming it (and the record, for a file of many)."""

    def render(self, article: SourceText, cleaned_text: str, changes: Sequence[Change]) -> str:
        """The cleaned article written back in this format: ``changes`` are the cleaning's
        edits of ``article.text`` (start, end, replacement), in order and apart, that made
        ``cleaned_text``.  By default the cleaned text itself."""
        return cleaned_text


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


def cleaned_name(name: str, chosen: str | None = None, *, markdown: bool = False) -> str:
    """The name of a file's cleaned article in an output folder: the file's own, unless the
    article is written in another format than the file's (``page.html`` → ``page.txt``,
    ``--format markdown``: ``page.md``)."""
    input_format = format_for(name, chosen)
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


def read_articles(name: str, encoding: str = "utf-8", chosen: str | None = None) -> Iterator[SourceText]:
    """The articles of file ``name`` (``-``: stdin), read by its format."""
    input_format = format_for(name, chosen)
    yield from input_format.articles(name, read_bytes(name), encoding)


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
