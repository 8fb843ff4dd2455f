"""``translator check`` (grammar and style with LanguageTool) and ``translator languagetool install``."""

from __future__ import annotations

from typing import Annotated

import typer

from ..config import Settings
from ..diagnostics import Located
from ..io.files import display_name
from . import options as opt
from .app import app, languagetool_app
from .progress import batch_with_progress
from .stages import Printer


@app.command("check")
@opt.with_settings("rules", "glossary", "encoding")
def check_grammar(
    inputs: opt.InputsArgument,
    lang: Annotated[str, typer.Option("--lang", metavar="CODE", help="Language of the texts: fr, en, en-GB…")] = "fr",
    report_format: Annotated[opt.CheckFormat, typer.Option("--format", help="text: one line per finding; json: one report per file and line.")] = opt.CheckFormat.TEXT,
    check: Annotated[bool, typer.Option("--check", help="Exit 1 if LanguageTool finds anything.")] = False,
    languagetool: opt.LanguageToolOption = None,
    allow_download: Annotated[bool, typer.Option("--allow-download", help="Let language_tool_python download LanguageTool (about 250 MB).")] = False,
    project: Settings = Settings(),
) -> None:
    """Grammar and style findings from LanguageTool (a server, or a local distribution)."""
    from ..pipeline.job import Job, known_words
    from ..qa.checker import QAChecker
    from ..qa.languagetool import QAUnavailable, find_languagetool
    from ..report.article import ArticleReport, QACheck

    batch, progress = batch_with_progress(inputs, None, project.encoding)
    source = find_languagetool(languagetool, allow_download=allow_download)
    words = known_words(project, rules=Job(project).rules())
    printer = Printer(str(report_format))
    found = False
    unchecked: dict[str, list[str]] = {}  # why → the files not checked for that reason
    with QAChecker(source, known_words=words) as checker:
        for article in batch.read_each():
            try:
                findings, skipped = checker.check(article.text, lang, located_in=Located.ORIGINAL), None
            except QAUnavailable as problem:
                findings, skipped = [], str(problem)
                unchecked.setdefault(skipped, []).append(article.name)
            found = found or bool(findings)
            printer.article(ArticleReport(display_name(article.name), article.text, lang, qa={Located.ORIGINAL: QACheck(lang, skipped)},
                                          qa_findings=tuple(findings)))
    progress.clear()
    for reason, names in unchecked.items():  # a server that died is said once, with every file it left unchecked
        opt.error(f"{_listed(names)}: not checked: {reason}")
    if unchecked and not batch.several:
        raise typer.Exit(2)
    raise typer.Exit(1 if batch.failures or unchecked or (check and found) else 0)


def _listed(names: list[str], shown: int = 5) -> str:
    """``a.txt, b.txt and 3 more files``."""
    listed = ", ".join(names[:shown])
    return listed if len(names) <= shown else f"{listed} and {len(names) - shown} more files"


@languagetool_app.command("install")
def languagetool_install() -> None:
    """Download LanguageTool (about 250 MB, needs Java to run) where language_tool_python keeps it."""
    from ..qa.languagetool import install_languagetool

    typer.echo(f"installed {install_languagetool().description}")
