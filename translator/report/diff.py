"""A unified diff of each article, original vs cleaned, that ``patch`` accepts."""

from __future__ import annotations

import difflib

from . import Emitter
from .article import ArticleReport


class DiffEmitter(Emitter):
    def article(self, report: ArticleReport) -> str:
        cleaned = report.clean.text if report.clean is not None else report.original
        return "".join(
            difflib.unified_diff(
                report.original.splitlines(keepends=True),
                cleaned.splitlines(keepends=True),
                fromfile=f"{report.name} (original)",
                tofile=f"{report.name} (cleaned)",
            )
        )
