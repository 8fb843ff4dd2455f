"""``translator check`` (grammar and style with LanguageTool) and ``translator languagetool install``."""

from __future__ import annotations

from typing import Annotated

import typer

from ..config import Settings
from ..diagnostics import Located
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
    from ..pipeline.job import Job
    from ..qa.checker import QAChecker, known_words_from
    from ..qa.languagetool import find_languagetool
    from ..report.article import ArticleReport, QACheck
    from ..translate.glossary import load_glossaries

    batch, progress = batch_with_progress(inputs, None, project.encoding)
    source = find_languagetool(languagetool, allow_download=allow_download)
    words = known_words_from(load_glossaries(project.glossaries, builtin=project.builtin_glossaries), Job(project).rules("fr"))
    printer = Printer(str(report_format))
    found = False
    with QAChecker(source, known_words=words) as checker:
        for article in batch.read_each():
            findings = batch.guard(article.name, lambda: checker.check(article.text, lang, located_in=Located.ORIGINAL))
            if findings is None:
                continue
            found = found or bool(findings)
            printer.article(ArticleReport(article.name, article.text, lang, qa={Located.ORIGINAL: QACheck(lang)}, qa_findings=tuple(findings)))
    progress.clear()
    raise typer.Exit(1 if batch.failures or (check and found) else 0)


@languagetool_app.command("install")
def languagetool_install() -> None:
    """Download LanguageTool (about 250 MB, needs Java to run) where language_tool_python keeps it."""
    from ..qa.languagetool import install_languagetool

    typer.echo(f"installed {install_languagetool().description}")
