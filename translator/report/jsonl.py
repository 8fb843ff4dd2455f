"""JSON Lines: one report per article and line, in the one schema of every command."""

from __future__ import annotations

import json

from . import Emitter
from .article import ArticleReport


class JsonEmitter(Emitter):
    def article(self, report: ArticleReport) -> str:
        return json.dumps(report.to_dict(), ensure_ascii=False) + "\n"
