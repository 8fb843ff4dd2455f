"""A unified diff of each article, original vs cleaned, that ``patch`` and ``git apply`` accept
(a last line without a line break is marked ``\\ No newline at end of file``)."""

from __future__ import annotations

import difflib

from ..diagnostics import Located
from . import Emitter
from .article import ArticleReport


class DiffEmitter(Emitter):
    def article(self, report: ArticleReport) -> str:
        cleaned = report.clean.text if report.clean is not None else report.original
        lines = difflib.unified_diff(
            report.original.splitlines(keepends=True),
            cleaned.splitlines(keepends=True),
            # a tab ends the name for patch and git apply; a page's extracted text is named so
            fromfile=f"{report.where(Located.ORIGINAL)}\t(original)",
            tofile=f"{report.where(Located.ORIGINAL)}\t(cleaned)",
        )
        return "".join(line if line.endswith("\n") else f"{line}\n\\ No newline at end of file\n" for line in lines)
