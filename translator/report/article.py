"""What a command found out about one article, gathered once for every output format.

An :class:`ArticleReport` holds the stages' results (cleaning, translation, grammar
checks) and every :class:`~translator.diagnostics.Diagnostic` they raised.  Each
emitter (text, JSON, SARIF, diff, bilingual) renders it; :meth:`ArticleReport.to_dict`
is the one JSON schema of ``clean``, ``translate`` and ``run`` (``docs/report.schema.json``).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from ..diagnostics import Diagnostic, Level, Located
from ..document import Document
from ..io.files import SourceText
from ..io.formats import format_of

if TYPE_CHECKING:
    from ..clean.cleaner import CleanResult
    from ..translate.documents import Segment, TranslationResult

SCHEMA = "translator-report/2"


@dataclass(frozen=True)
class QACheck:
    """A grammar and style check of one text: its language, and why it was skipped (None: done)."""

    language: str
    skipped: str | None = None


@dataclass(frozen=True)
class ArticleReport:
    """One article's results.  ``name`` is the input as given; ``outputs`` names the file
    each text was written to, when it was (``Located.CLEANED`` → ``out/a.txt``)."""

    name: str
    original: str
    language: str = "fr"
    clean: CleanResult | None = None
    translation: TranslationResult | None = None
    qa: Mapping[Located, QACheck] = field(default_factory=dict)  # the texts checked for grammar and style
    qa_findings: tuple[Diagnostic, ...] = ()
    outputs: Mapping[Located, str] = field(default_factory=dict)
    pipeline: Mapping[str, object] | None = None  # what made a ``run`` output (rules, glossary, model)
    memory_use: bool = True  # report which sentences came from the translation memory
    settings: str | None = None  # the settings file in force, if any
    written_files: Mapping[str, Mapping[str, object]] = field(default_factory=dict)  # run: each text output's sha256, hand_edited
    source: SourceText | None = None  # the article as read: its input format and what the input said of it

    @cached_property
    def diagnostics(self) -> tuple[Diagnostic, ...]:
        """Every finding: cleaning, then glossary, then grammar and style."""
        cleaning = self.clean.findings if self.clean else ()
        glossary = tuple(self.translation.violations) if self.translation else ()
        return (*cleaning, *glossary, *self.qa_findings)

    def written(self, located: Located, path: str) -> ArticleReport:
        """This report, knowing that the ``located`` text was written to ``path``."""
        return dataclasses.replace(self, outputs={**self.outputs, located: path})

    def failing(self, threshold: Level) -> bool:
        """Whether a finding no editor has decided on reaches ``threshold``."""
        return any(d.open and d.at_least(threshold) for d in self.diagnostics)

    def text(self, located: Located) -> str:
        """The text a diagnostic located there points into."""
        if located is Located.TRANSLATION and self.translation is not None:
            return self.translation.text
        if located is Located.CLEANED and self.clean is not None:
            return self.clean.text
        return self.original

    def where(self, located: Located) -> str:
        """How a line names that text: the file it was written to, or the input's name
        followed by which text it is (``a.txt (translation)``)."""
        if located in self.outputs:
            return self.outputs[located]
        if located is Located.ORIGINAL:
            label = format_of(self.source).text_label if self.source is not None else None
            return f"{self.name} ({label})" if label else self.name
        return f"{self.name} ({located})"

    @property
    def extracted(self) -> bool:
        """Whether the rules read a text taken out of the file (a web page's article, a
        Markdown file's text), so that positions point into that text, not the file."""
        return self.source is not None and format_of(self.source).text_label is not None

    def source_dict(self) -> dict[str, object] | None:
        """What the input said of the article (``source`` in the JSON report): its format,
        the text the positions point into, and the page's or record's metadata."""
        if self.source is None or (self.source.format == "text" and not self.source.metadata):
            return None
        entry: dict[str, object] = {"format": self.source.format}
        if self.extracted:
            entry["text"] = format_of(self.source).text_label
        return {**entry, **{key: value for key, value in self.source.metadata.items() if value is not None}}

    def line_column(self, diagnostic: Diagnostic, offset: int | None = None) -> tuple[int, int]:
        """1-based line and column of the diagnostic's start (or of ``offset``) in its text."""
        return self._document(diagnostic.located_in).line_column(diagnostic.start if offset is None else offset)

    def _document(self, located: Located) -> Document:
        if located not in self._documents:
            self._documents[located] = Document.parse(self.text(located))
        return self._documents[located]

    @cached_property
    def _documents(self) -> dict[Located, Document]:
        return {}

    def to_dict(self) -> dict:
        """The one JSON schema: a key per stage that ran, and every finding."""
        report: dict[str, object] = {"schema": SCHEMA, "file": self.name, "language": self.language}
        if self.settings is not None:
            report["settings"] = self.settings
        if (source := self.source_dict()) is not None:
            report["source"] = source
        if self.clean is not None:
            report["clean"] = {"text": self.clean.text, "changed": self.clean.changed, "metadata": self.clean.metadata,
                               "evidence": list(self.clean.evidence)}
            if self.clean.hand_edited:
                report["clean"]["hand_edited"] = True
        if self.translation is not None:
            report["translation"] = {"model": self.translation.model, "glossary": self.translation.glossary,
                                     "text": self.translation.text,
                                     "segments": [segment_dict(s, memory_use=self.memory_use) for s in self.translation.segments]}
        if self.qa:
            report["qa"] = {str(located): {"language": check.language, "status": "skipped", "reason": check.skipped}
                            if check.skipped else {"language": check.language, "status": "done"}
                            for located, check in self.qa.items()}
        report["findings"] = [self.diagnostic_dict(d) for d in self.diagnostics]
        if self.pipeline is not None:
            report["pipeline"] = dict(self.pipeline)
        if self.written_files:
            report["written"] = {name: dict(entry) for name, entry in self.written_files.items()}
        return report

    def diagnostic_dict(self, diagnostic: Diagnostic) -> dict:
        line, column = self.line_column(diagnostic)
        entry = {
            "source": str(diagnostic.source), "rule_id": diagnostic.rule_id, "level": str(diagnostic.level),
            "message": diagnostic.message, "located_in": str(diagnostic.located_in),
            "line": line, "column": column, "start": diagnostic.start, "end": diagnostic.end,
            "paragraph": diagnostic.paragraph, "sentence": diagnostic.sentence,
            "original": diagnostic.original, "replacement": diagnostic.replacement,
        }
        if diagnostic.action is not None:
            entry["action"] = str(diagnostic.action)
        if diagnostic.category is not None:
            entry["category"] = diagnostic.category
        if diagnostic.suggestions:
            entry["suggestions"] = list(diagnostic.suggestions)
        if diagnostic.subject is not None:
            entry["subject"] = diagnostic.subject
        if diagnostic.id is not None:
            entry["id"] = diagnostic.id
        if diagnostic.decision is not None:
            entry["decision"] = diagnostic.decision
        return entry


def segment_dict(segment: Segment, *, memory_use: bool = True) -> dict:
    """One aligned sentence pair; ``from_memory`` only where the command reports memory use
    (a ``run`` leaves it out, so its reports depend only on what made them)."""
    entry = {
        "paragraph": segment.paragraph,
        "sentence": segment.sentence,
        "source": segment.source,
        "target": segment.target,
        "target_start": segment.target_start,
        "target_end": segment.target_end,
        "terms": [{"source": t.source, "target": t.target} for t in segment.terms],
    }
    if memory_use:
        entry["from_memory"] = segment.from_memory
    return entry
