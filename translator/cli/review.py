"""``translator review`` (one HTML page per article) and ``translator diff`` (two texts side by side)."""

from __future__ import annotations

import os
from contextlib import nullcontext
from pathlib import Path
from typing import Annotated

import typer

from ..config import Settings
from ..errors import TranslatorError
from ..io.files import read_source, write_atomic, write_stdout
from ..io.formats import read_article
from ..lang import language_code
from . import options as opt
from .app import app
from .stages import print_review, proofreading, say_decision_problems, translation


@app.command()
@opt.with_settings("rules", "lang", "glossary", "encoding")
def review(
    article: Annotated[str, typer.Argument(metavar="ARTICLE", help="The article (a file, or - for stdin).")],
    output: opt.OutputOption = None,
    to: opt.AlsoToOption = None,
    from_: opt.FromOption = "fr",
    no_cache: opt.NoCacheOption = False,
    cache: opt.CacheOption = None,
    qa: opt.QAOption = False,
    languagetool: opt.LanguageToolOption = None,
    input_format: opt.InputFormatOption = None,
    project: Settings = Settings(),
) -> None:
    """One standalone HTML page: original | cleaned (| English), every change marked."""
    from ..pipeline.job import Job
    from ..pipeline.run import decisions_beside
    from ..review.html import html_page
    from ..review.model import article_review

    target = page_path(article, output)
    if target is not None and article != "-" and target.resolve() == Path(article).resolve():
        raise TranslatorError(f"{output}: -o would overwrite the article; choose another file for the page")
    to = language_code(to) if to else None
    source = read_article(article, project.encoding, input_format)
    decisions = decisions_beside(article) if article != "-" else None
    session = translation(project, from_, to, no_cache=no_cache, cache=cache) if to else nullcontext()
    with session as translating:
        job = Job(project, translation=translating)
        with proofreading(qa, languagetool, project, job, translating.glossary if translating else None) as job.qa:
            [report] = job.process([source], decisions=[decisions])
    say_decision_problems(report)
    page = html_page(article_review(report, decisions=decisions)).encode()
    if target is None:
        write_stdout(page)
    else:
        write_atomic(target, page)


@app.command()
@opt.with_settings("encoding")
def diff(
    before: Annotated[str, typer.Argument(metavar="BEFORE", help="The first text (e.g. the original).")],
    after: Annotated[str, typer.Argument(metavar="AFTER", help="The second text (e.g. the cleaned one).")],
    only_changes: Annotated[bool, typer.Option("--changes", help="Show only the paragraphs that changed.")] = False,
    project: Settings = Settings(),
) -> None:
    """Side by side, paragraph-aligned, with word-level changes (colour on a terminal); exit 1 when they differ."""
    from ..review.model import text_review

    a, b = (read_source(name, project.encoding) for name in (before, after))
    print_review(text_review(before, a.text, after, b.text), only_changes=only_changes)
    raise typer.Exit(1 if a.text != b.text else 0)  # as diff(1)


def page_path(article: str, output: str | None) -> Path | None:
    """Where the page goes: ``-o FILE``, or ``NAME.review.html`` inside ``-o DIR/`` (None: stdout)."""
    if output is None:
        return None
    from ..pipeline.run import article_name

    folder = Path(output)
    if output.endswith(os.sep) or folder.is_dir():
        return folder / f"{article_name(article if article != '-' else 'stdin')}.review.html"
    return folder
