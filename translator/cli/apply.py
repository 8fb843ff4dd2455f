"""``translator apply``: the text an editor's decisions make of an article."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from ..config import Settings
from ..errors import TranslatorError
from ..io.files import write_atomic, write_stdout
from ..io.formats import read_article
from . import options as opt
from .app import app
from .stages import say_decision_problems

DecisionsOption = Annotated[Optional[Path], typer.Option("--decisions", metavar="FILE", help="An editor's decisions (as the review page downloads them) [apply: default NAME.decisions.json beside the article].")]


@app.command()
@opt.with_settings("rules", "lang", "encoding")
def apply(
    article: Annotated[str, typer.Argument(metavar="ARTICLE", help="The article the decisions were made on.")],
    decisions: DecisionsOption = None,
    output: Annotated[Optional[Path], typer.Option("-o", "--output", metavar="FILE", help="Write the decided text here [default: stdout].")] = None,
    project: Settings = Settings(),
) -> None:
    """The cleaned text with an editor's decisions: rejected changes undone, edits made.
    A decision or edit that no longer fits the article is reported on stderr (exit 1)."""
    from ..pipeline.job import Job

    source = read_article(article, project.encoding)
    chosen = load_for(article, decisions)
    if output is not None and article != "-" and output.resolve() == Path(article).resolve():
        raise TranslatorError(f"{output}: -o would overwrite the article; choose another file")
    [report] = Job(project).process([source], decisions=[chosen])
    data = source.encode(report.clean.text)
    if output is None:
        write_stdout(data)
    else:
        write_atomic(output, data)
    raise typer.Exit(1 if say_decision_problems(report) else 0)


def load_for(article: str, decisions: Path | None):
    """The decisions given, else those beside the article (which must then exist)."""
    from ..pipeline.run import article_name
    from ..review.decisions import decisions_file, load_decisions

    if decisions is None:
        decisions = decisions_file(article, article_name(article))
        if not decisions.exists():
            raise TranslatorError(f"{decisions}: no decisions file beside the article; give one with --decisions FILE")
    return load_decisions(decisions)

