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
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

from ...errors import TranslatorError
from ..files import STDIO, SourceText, read_bytes


class InputFormat(ABC):
    """One kind of input file."""

    name: ClassVar[str]  # as ``--input-format`` names it
    suffixes: ClassVar[tuple[str, ...]]  # file names ending so are read by it (".warc.gz")
    many: ClassVar[bool] = False  # a file holds many articles (a corpus, a crawl)

    @abstractmethod
    def articles(self, name: str, data: bytes, encoding: str) -> Iterator[SourceText]:
        """The articles of input ``name``, in order; a bad input raises ``TranslatorError``
        naming it (and the record, for a file of many)."""


_FORMATS: dict[str, InputFormat] = {}


def register(input_format: type[InputFormat]) -> type[InputFormat]:
    """Class decorator: make a format known by its name and suffixes."""
    _FORMATS[input_format.name] = input_format()
    return input_format


def _load_all() -> None:
    if not _FORMATS:
        for module in pkgutil.iter_modules(__path__):
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


def read_articles(name: str, encoding: str = "utf-8", chosen: str | None = None) -> Iterator[SourceText]:
    """The articles of file ``name`` (``-``: stdin), read by its format."""
    input_format = format_for(name, chosen)
    yield from input_format.articles(name, read_bytes(name), encoding)


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
