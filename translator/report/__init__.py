"""Output formats: each renders :class:`~translator.report.article.ArticleReport` objects.

An emitter returns text for each article as it comes (``article``) and once at the end
(``finish``: formats that wrap every article in one document, such as SARIF or XLIFF).
The registry maps a format's name to its class, imported only when used; a new format
is one file and one line here.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

from ..errors import TranslatorError

if TYPE_CHECKING:
    from .article import ArticleReport

EMITTERS = {
    "text": "translator.report.text:TextEmitter",
    "json": "translator.report.jsonl:JsonEmitter",
    "sarif": "translator.report.sarif:SarifEmitter",
    "diff": "translator.report.diff:DiffEmitter",
    "tsv": "translator.report.bilingual:TsvEmitter",
    "xliff": "translator.report.bilingual:XliffEmitter",
}


class Emitter:
    """Renders reports; override what the format needs."""

    def __init__(self, **options: object) -> None:
        self.options = options

    def article(self, report: ArticleReport) -> str:
        """Text for one article, printed as soon as it is done."""
        return ""

    def finish(self) -> str:
        """Text once every article is done."""
        return ""


def emitter(name: str, **options: object) -> Emitter:
    """The emitter for a format name (``text``, ``json``, ``sarif``, ``diff``, ``tsv``, ``xliff``)."""
    if name not in EMITTERS:
        raise TranslatorError(f"unknown output format {name!r}; known: {', '.join(EMITTERS)}")
    module, _, cls = EMITTERS[name].partition(":")
    return getattr(import_module(module), cls)(**options)
