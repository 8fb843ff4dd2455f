"""One finding type for every stage.

A :class:`Diagnostic` is what the clean stage, the glossary check and the grammar
check (LanguageTool) all report: which stage found it, the rule, how serious it is,
a message, where it is, and the fix when there is one.  ``located_in`` names the
text its offsets point into (the original article, the cleaned text, or the
translation), so a report never claims a position in a text it does not describe.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Level(StrEnum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return ("info", "warning", "error").index(self.value)


class Source(StrEnum):
    """The stage that found it."""

    CLEAN = "clean"
    GLOSSARY = "glossary"
    TRANSLATE = "translate"
    QA = "qa"
    DECISIONS = "decisions"  # an editor's decisions file that no longer fits the article


class Located(StrEnum):
    """The text a diagnostic's offsets point into."""

    ORIGINAL = "original"
    CLEANED = "cleaned"
    TRANSLATION = "translation"


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One finding: where (``start``/``end`` in the ``located_in`` text), what, and the fix.

    ``replacement`` is the fix (``""`` deletes; ``None``: the text is left as it is);
    ``suggestions`` are fixes to choose from.
    ``paragraph`` and ``sentence`` are 0-based indexes in that text's document.
    """

    rule_id: str
    level: Level
    action: str | None
    message: str
    paragraph: int | None
    sentence: int | None
    start: int
    end: int
    original: str
    replacement: str | None
    source: Source = Source.CLEAN
    located_in: Located = Located.ORIGINAL
    category: str | None = None
    suggestions: tuple[str, ...] = ()  # fixes to choose from (LanguageTool's; a glossary's accepted targets)
    subject: str | None = None  # what it is about when not the whole span: the glossary term's source form
    id: str | None = None  # a cleaning finding's stable id (``rule:hash``), what an editor's decision names
    decision: str | None = None  # the editor's: accepted, rejected (the change is undone) or reviewed (a flag checked)

    def at_least(self, level: Level) -> bool:
        return self.level.rank >= level.rank

    @property
    def open(self) -> bool:
        """Still waiting for an editor: no decision was made on it (what ``--check`` counts)."""
        return self.decision is None
