"""The inputs of one command: which files, where each result goes, what failed.

A failure policy decides what a bad input does: with one input it is an error
(``TranslatorError``: exit 2 on the command line); in a batch it is recorded and the
other files are still processed.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TypeVar

from ..errors import TranslatorError
from .files import STDIO, SourceText, write_atomic
from .formats import expand_inputs, read_articles

T = TypeVar("T")


class OnFailure(StrEnum):
    RAISE = "raise"  # stop at the first bad input
    CONTINUE = "continue"  # record it and go on with the others


@dataclass(frozen=True)
class Failure:
    name: str
    message: str


class Batch:
    """Files to process and where their outputs go (``-o`` a file, or a folder).

    ``on_failure`` defaults to RAISE for one input and CONTINUE for several or a folder;
    ``rename`` names an input's result inside an output folder (``a.fr.txt`` → ``a.en.txt``).
    Callbacks: ``on_failed`` hears of each failure as it happens (to print it),
    ``on_file`` of each input as it is read (for progress).
    """

    def __init__(self, inputs: list[str], output: str | None = None, encoding: str = "utf-8", *,
                 on_failure: OnFailure | None = None, rename: Callable[[str], str] = lambda name: name,
                 input_format: str | None = None) -> None:
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

    def require_output_unless(self, report_only: bool, alternatives: str) -> None:
        if self.several and self.output is None and not report_only:
            raise TranslatorError(f"several inputs or a folder need -o OUTDIR (or {alternatives})")

    def read_each(self) -> Iterator[SourceText]:
        """Each input's articles, in order; unreadable inputs are handled by the failure policy."""
        for name in self.files:
            self.on_file(name)
            articles = self.guard(name, lambda: list(read_articles(name, self.encoding, self.input_format)))
            yield from articles or ()

    def target(self, name: str) -> Path:
        """Where the result for input ``name`` goes with ``-o``."""
        assert self.output is not None
        return self.output / self._rename(Path(name).name) if self.to_folder else self.output

    def write(self, source: SourceText, text: str) -> str | None:
        """Write one result to ``-o`` (in the input's encoding); the path written, if it was."""
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
            failure = Failure(name, str(problem))
            self.failures.append(failure)
            self.on_failed(failure)
            return None


def in_language(name: str, source: str, target: str) -> str:
    """The name of a file's translation: ``a.fr.txt`` → ``a.en.txt``, ``a.txt`` → ``a.en.txt``."""
    stem, dot, suffix = name.rpartition(".")
    if not dot:
        return f"{name}.{target}"
    return f"{stem.removesuffix('.' + source)}.{target}.{suffix}"
