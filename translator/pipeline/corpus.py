"""A processed article as a record of its output corpus.

The record keeps the input record's fields (its ``title`` and ``text`` now the cleaned
ones) and adds, under ``translator``: the article's language, what cleaning changed and
found (``changed``, ``metadata`` such as ``published_at``, ``evidence``), the translation
(``title``, ``text``, ``model``), the grammar checks and every finding.  A
finding's ``start``, ``end``, ``line`` and ``column`` are in the article the rules saw:
the record's title, a blank line, and its text (the original, the cleaned or the
translated one, as its ``located_in`` says).
"""

from __future__ import annotations

from collections.abc import Mapping

from ..io.corpus import output_record, split_title
from ..io.files import SourceText
from ..report.article import ArticleReport


def corpus_record(source: SourceText, report: ArticleReport) -> dict[str, object]:
    """The output record of one article of a corpus."""
    return record_from_report(source, report.to_dict())


def record_from_report(source: SourceText, report: Mapping[str, object]) -> dict[str, object]:
    """The output record of one article from its report as ``to_dict`` gives it (or as
    ``run`` saved it)."""
    added: dict[str, object] = {"language": report["language"]}
    clean = report.get("clean")
    if clean is not None:
        added.update(changed=clean["changed"], metadata=clean["metadata"], evidence=clean["evidence"])
    translation = report.get("translation")
    if translation is not None:
        title, text = split_title(source.metadata, translation["text"])
        added["translation"] = {**({"title": title} if title is not None else {}), "text": text, "model": translation["model"]}
    if "qa" in report:
        added["qa"] = report["qa"]
    added["findings"] = report["findings"]
    return output_record(source, clean["text"] if clean is not None else source.text, added)
