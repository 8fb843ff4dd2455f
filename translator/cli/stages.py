"""What several commands share: printing reports, opening the grammar check and the
translation session, showing a review in the terminal."""

from __future__ import annotations

import sys
from contextlib import nullcontext
from typing import TYPE_CHECKING, Callable

import typer

from ..diagnostics import Located, Source
from ..io.terminal import visible
from ..report import emitter
from .progress import memory_problem

if TYPE_CHECKING:
    from ..config import Settings
    from ..pipeline.job import Job
    from ..report.article import ArticleReport


class Printer:
    """An output format printed as articles come, and its closing part at the end."""

    def __init__(self, name: str, **options: object) -> None:
        self.emitter = emitter(name, **options)

    def article(self, report: ArticleReport, *, err: bool = False) -> None:
        _echo(self.emitter.article(report), err)

    def finish(self) -> None:
        _echo(self.emitter.finish(), False)


def _echo(text: str, err: bool) -> None:
    """Print; on a terminal, an article's control characters show as pictures (a patch
    or a report piped elsewhere keeps them)."""
    if text:
        typer.echo(visible(text) if (sys.stderr if err else sys.stdout).isatty() else text, nl=False, err=err)


def say_decision_problems(report: ArticleReport) -> bool:
    """Say on stderr what of an editor's decisions no longer fits the article; whether anything."""
    from ..report.text import finding_line

    problems = [d for d in report.diagnostics if d.source is Source.DECISIONS]
    for problem in problems:
        typer.echo(finding_line(report, problem), err=True)
    return bool(problems)


def proofreading(enabled: bool, url: str | None, settings: Settings, job: Job, glossary=None):
    """The grammar check when asked (None otherwise); when LanguageTool is missing the
    work goes on and stderr (and each report) says QA was skipped."""
    if not enabled:
        return nullcontext()
    from ..pipeline.job import open_proofreading

    run = open_proofreading(settings, url, glossary=glossary, rules=job.rules())
    if run.skipped:
        typer.echo(f"QA skipped: {run.skipped}", err=True)
    return run


class SkippedChecks:
    """Says on stderr why a text's grammar check was skipped, once per reason: the run's
    own reason was said when it started, and a server that died is not news at every file
    after it (each report still records it)."""

    def __init__(self, job: Job) -> None:
        self.said = {job.qa.skipped} if job.qa is not None else set()

    def say(self, report: ArticleReport) -> None:
        for check in report.qa.values():
            if check.skipped and check.skipped not in self.said:
                self.said.add(check.skipped)
                typer.echo(f"{report.name}: QA skipped: {check.skipped}", err=True)


def translation(settings: Settings, source: str, target: str, *, no_cache: bool, cache, hardware=None,
                on_progress: Callable[[int, int], None] | None = None):
    """The translation session: glossary, model package, memory; the model loads lazily.
    A memory problem is one warning line on stderr, and the translation goes on."""
    from ..translate.engines import Hardware
    from ..translate.session import open_translation

    return open_translation(source, target, glossaries=settings.glossaries, builtin_glossary=settings.builtin_glossaries,
                            memory=False if no_cache else (cache or True), hardware=hardware or Hardware(), on_progress=on_progress, on_memory_problem=memory_problem)


class Tally:
    """What a batch command did, for the summary line at its end (as ruff prints)."""

    def __init__(self) -> None:
        self.files = self.findings = self.changes = 0

    def add(self, report: ArticleReport) -> None:
        self.files += 1
        self.findings += len(report.diagnostics)
        self.changes += sum(1 for d in report.diagnostics
                            if d.replacement is not None and d.located_in is Located.ORIGINAL and d.decision != "rejected")

    def line(self, verb: str, failed: int, *, changes: str = "", unit: str = "file") -> str:
        """``Cleaned 3 files: 12 findings (9 changes made), 0 failed`` (``unit``: what was counted, files or articles)."""
        def count(number: int, noun: str) -> str:
            return f"{number} {noun}{'s' * (number != 1)}"

        made = f" {changes}" if changes else ""
        return f"{verb.capitalize()} {count(self.files, unit)}: {count(self.findings, 'finding')} ({count(self.changes, 'change')}{made}), {failed} failed"
