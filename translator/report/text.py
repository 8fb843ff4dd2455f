"""Lint-style lines, one per finding: ``file:line:col: level rule: message [change]``.

The file named is the one the position is in: the input for cleaning findings; the
written output (or ``input (cleaned)``/``input (translation)``) for grammar and
glossary findings on the cleaned or translated text.
"""

from __future__ import annotations

from ..diagnostics import Diagnostic
from . import Emitter
from .article import ArticleReport


class TextEmitter(Emitter):
    def article(self, report: ArticleReport) -> str:
        return "".join(finding_line(report, d) + "\n" for d in report.diagnostics)


def finding_line(report: ArticleReport, diagnostic: Diagnostic) -> str:
    line, column = report.line_column(diagnostic)
    where = report.where(diagnostic.located_in)
    decided = f" [{diagnostic.decision}]" if diagnostic.decision else ""
    return f"{where}:{line}:{column}: {diagnostic.level} {diagnostic.rule_id}: {diagnostic.message}{_change(diagnostic)}{decided}"


def _change(diagnostic: Diagnostic) -> str:
    if diagnostic.suggestions:
        return f" [suggestions: {', '.join(diagnostic.suggestions)}]"
    if diagnostic.replacement is None:
        return ""
    if diagnostic.replacement == "":
        return f" [deleted {len(diagnostic.original)} characters]"
    return f" [replaced by {diagnostic.replacement!r}]"
