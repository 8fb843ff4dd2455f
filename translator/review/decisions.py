"""An editor's decisions on one article's findings, and the text they make.

``NAME.decisions.json`` (schema ``docs/decisions.schema.json``; the review page's
"download decisions" writes it) records, by finding id (see
:func:`translator.clean.cleaner.finding_id`), ``accepted`` (a change stays: the
default), ``rejected`` (a change is undone, its original text comes back) or
``reviewed`` (a flag the editor has checked), and free edits of the cleaned text.

The decided text is the cleaner's with the rejected changes left out (the cleaner
does that, given :attr:`Decisions.rejected`), then each edit replacing the one
occurrence of its ``before``.  A decision whose finding no longer exists and an edit
that cannot be applied are reported as findings (source ``decisions``), never dropped
in silence.  A finding with a decision no longer fails ``--check``.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from ..diagnostics import Diagnostic, Level, Source
from ..document import Document
from ..errors import TranslatorError
from ..io.files import yaml_line
from ..schema import SchemaError, build

if TYPE_CHECKING:
    from ..clean.cleaner import CleanResult

SCHEMA = "translator-decisions/1"
SUFFIX = ".decisions.json"
_FINDING_ID = re.compile(r"[\w.-]+:[0-9a-f]{12}(-[0-9]+)?")


class Decision(StrEnum):
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    REVIEWED = "reviewed"


def _check_ids(decisions: dict[str, Decision]) -> str | None:
    wrong = next((key for key in decisions if not _FINDING_ID.fullmatch(key)), None)
    return f"'{wrong}' is not a finding id (RULE:HASH, as the review page and the JSON report give it)" if wrong else None


def _check_before(before: str) -> str | None:
    return "empty: give the exact text to replace" if not before else None


@dataclass(frozen=True)
class Edit:
    """Replace the one occurrence of ``before`` in the decided text by ``after``."""

    before: str = field(metadata={"check": _check_before})
    after: str


@dataclass(frozen=True)
class Decisions:
    """One article's decisions, as read from ``path``."""

    schema: Literal["translator-decisions/1"]
    decisions: dict[str, Decision] = field(default_factory=dict, metadata={"check": _check_ids})
    edits: list[Edit] = field(default_factory=list)
    article: str | None = None  # the article they were made on (informative)
    path: str = field(default="", metadata={"internal": True})
    fingerprint: str = field(default="", metadata={"internal": True})  # sha256 of the file

    def to_dict(self) -> dict[str, object]:
        """As the file holds it (what the review page embeds)."""
        return {"schema": self.schema, "article": self.article, "decisions": {k: str(v) for k, v in self.decisions.items()},
                "edits": [{"before": e.before, "after": e.after} for e in self.edits]}

    @property
    def rejected(self) -> frozenset[str]:
        return frozenset(key for key, value in self.decisions.items() if value is Decision.REJECTED)

    def apply(self, result: CleanResult) -> CleanResult:
        """``result`` (cleaned with :attr:`rejected` left out) with every finding's
        decision marked, the edits made, and what could not be done reported."""
        findings = [dataclasses.replace(f, decision=str(self.decisions[f.id])) if f.id in self.decisions else f
                    for f in result.findings]
        known = {f.id for f in findings}
        problems = [self._problem("decisions.vanished", f"decision '{value}' on {key}: the article has no such change or "
                                  "flag any more (its text or the rules changed); decide on its findings again")
                    for key, value in self.decisions.items() if key not in known]
        text = result.text
        for number, edit in enumerate(self.edits):
            edited, problem = _edited(text, edit)
            if problem:
                problems.append(self._problem("decisions.edit-not-applied", f"edits[{number}]: {problem}"))
            text = edited
        return dataclasses.replace(result, text=text, findings=(*findings, *problems))

    def _problem(self, rule_id: str, message: str) -> Diagnostic:
        return Diagnostic(rule_id, Level.WARNING, None, f"{self.path}: {message}", None, None, 0, 0, "", None,
                          source=Source.DECISIONS)


def _edited(text: str, edit: Edit) -> tuple[str, str | None]:
    """The text with the edit made, or as it was and why not."""
    found = text.count(edit.before)
    if found != 1:
        where = "not found in the cleaned text" if not found else f"found {found} times in the cleaned text (give a longer 'before')"
        return text, f"'before' {where}: {_excerpt(edit.before)}"
    edited = text.replace(edit.before, edit.after, 1)
    if len(Document.parse(edited).paragraphs) != len(Document.parse(text).paragraphs):
        return text, f"would add or remove a paragraph (edit within paragraphs): {_excerpt(edit.before)}"
    return edited, None


def _excerpt(text: str, width: int = 60) -> str:
    return repr(text if len(text) <= width else text[: width - 1] + "…")


def decisions_file(article: str, stem: str) -> Path:
    """``STEM.decisions.json`` in the article's folder."""
    return Path(article).parent / f"{stem}{SUFFIX}"


def load_decisions(path: Path) -> Decisions:
    """Read and validate a decisions file; any problem is one line naming the file, the
    line and the field (:class:`~translator.errors.TranslatorError`)."""
    try:
        data = path.read_bytes()
        raw = data.decode("utf-8-sig")
    except OSError as error:
        raise TranslatorError(f"{path}: cannot read the decisions file ({error.strerror or error})") from None
    except UnicodeDecodeError:
        raise TranslatorError(f"{path}: the decisions file is not UTF-8 text") from None
    try:
        content = json.loads(raw)
    except json.JSONDecodeError as error:
        raise TranslatorError(f"{path}:{error.lineno}: broken JSON: {error.msg} (column {error.colno})") from None
    try:
        decisions = build(Decisions, content)
    except SchemaError as error:
        line = _json_line(raw, error.location)
        raise TranslatorError(f"{path}{f':{line}' if line else ''}: field '{error.field}': {error.problem}") from None
    return dataclasses.replace(decisions, path=str(path), fingerprint=hashlib.sha256(data).hexdigest())


def _json_line(raw: str, location: tuple[str | int, ...]) -> int | None:
    """The line of a field in a JSON text (JSON is YAML: its parser knows positions)."""
    import yaml

    try:
        tree = yaml.compose(raw, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return None
    for depth in range(len(location), 0, -1):  # the field itself, else the nearest one found
        line = yaml_line(tree, *location[:depth])
        if line is not None:
            return line
    return None
