"""Progress on the terminal, and a command's inputs counted as they are read."""

from __future__ import annotations

import os
import sys

import typer

from ..io.batch import Batch, Failure, no_article_lines
from .options import error


class Progress:
    """A one-line counter on stderr, shown only on a terminal (and not in CI or with NO_COLOR)."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.done = 0
        self.enabled = total > 1 and sys.stderr.isatty() and not os.environ.get("CI") and not os.environ.get("NO_COLOR")

    def step(self, name: str) -> None:
        self.done += 1
        self._show(f"[{self.done}/{self.total}] {name}")

    def sentences(self, done: int, total: int) -> None:
        self._show(f"translating: {done}/{total} sentences")

    def _show(self, line: str) -> None:
        if self.enabled:
            sys.stderr.write(f"\r\033[K{line}")
            sys.stderr.flush()

    def clear(self) -> None:
        if self.enabled:
            sys.stderr.write("\r\033[K")
            sys.stderr.flush()


def batch_with_progress(inputs: list[str], output: str | None, encoding: str, **options: object) -> tuple[Batch, Progress]:
    """The inputs as a batch (``options`` as Batch takes them), counted on the terminal; a
    failed input is one line on stderr."""
    batch = Batch(inputs, output, encoding, **options)
    progress = Progress(len(batch.files))
    batch.on_file = progress.step

    def failed(failure: Failure) -> None:
        progress.clear()
        error(failure.message)

    batch.on_failed = failed
    return batch, progress


def say_skipped(skipped) -> None:
    """The records of a crawl that were no article ((input, why) → how many), counted on
    stderr (even with --quiet: they are no finding, but what became of the input)."""
    for line in no_article_lines(skipped):
        typer.echo(line, err=True)


def memory_problem(message: str) -> None:
    """A translation memory problem: one warning line on stderr (over the progress line)."""
    clear_progress = "\r\033[K" if sys.stderr.isatty() else ""
    typer.echo(f"{clear_progress}warning: {message}", err=True)
