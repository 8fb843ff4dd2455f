"""Review: what changed, side by side.  This module builds it; ``terminal`` shows it
with Rich and ``html`` writes it as one standalone page.

Rows are aligned by paragraph: original | cleaned French | English, the English of a
paragraph being where the translate stage put it (never found again by re-reading the
English).  Every change is a *mark* on a column's text (removed or flagged by a rule,
inserted, a glossary term, a glossary violation, a sentence left untranslated),
carrying the rule's message.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from ..clean.cleaner import CleanResult
from ..diagnostics import Diagnostic, Located
from ..document import Document
from ..report.article import ArticleReport
from ..translate.documents import Segment, TranslationResult
from .decisions import Decisions

_TOKEN = re.compile(r"\w+|[^\w\s]|\s+")
CHANGES = frozenset({"removed", "flagged", "inserted", "violation", "qa"})


@dataclass(frozen=True, slots=True)
class Mark:
    """A highlighted span of a cell: ``kind`` is removed, flagged, inserted, term, violation or qa."""

    start: int
    end: int
    kind: str
    note: str = ""
    id: str | None = None  # the finding's stable id, for a mark a cleaning finding makes


@dataclass(frozen=True)
class Cell:
    """A paragraph's text, found at ``start`` in its column's whole text."""

    text: str
    marks: tuple[Mark, ...] = ()
    start: int = 0


@dataclass(frozen=True)
class Row:
    cells: tuple[Cell, ...]
    notes: tuple[str, ...] = ()

    @property
    def changed(self) -> bool:
        """Whether a rule fired or the text differs (glossary terms are not changes)."""
        return bool(self.notes) or any(m.kind in CHANGES for cell in self.cells for m in cell.marks)


@dataclass(frozen=True)
class Review:
    """Everything a review shows: column titles, aligned rows, and a summary."""

    title: str
    headers: tuple[str, ...]
    rows: tuple[Row, ...]
    summary: dict[str, object] = field(default_factory=dict)
    language: str = "fr"  # the articles' language, the page's ``lang``
    findings: tuple[Diagnostic, ...] = ()  # the cleaning findings, each with its id and the editor's decision
    decisions: dict[str, object] | None = None  # the editor's decisions file, as the page embeds it


# --- building rows ----------------------------------------------------------------------------


def word_diff(before: str, after: str) -> tuple[list[Mark], list[Mark]]:
    """Word-level differences: spans removed from ``before`` and inserted in ``after``.

    Long texts are diffed only between their common start and common end, and a
    changed stretch still too long to diff word by word is marked whole."""
    a, b = [m.span() for m in _TOKEN.finditer(before)], [m.span() for m in _TOKEN.finditer(after)]
    removed, inserted = [], []
    for i1, i2, j1, j2 in _changed_stretches([before[s:e] for s, e in a], [after[s:e] for s, e in b]):
        if i2 > i1:
            removed.append(Mark(a[i1][0], a[i2 - 1][1], "removed"))
        if j2 > j1:
            inserted.append(Mark(b[j1][0], b[j2 - 1][1], "inserted"))
    return removed, inserted


_EXACT_DIFF_LIMIT = 4_000_000  # words before × words after: SequenceMatcher takes up to ~0.1 s there


def _changed_stretches(a: list[str], b: list[str]) -> Iterator[tuple[int, int, int, int]]:
    """``(i1, i2, j1, j2)`` for each stretch where ``a[i1:i2]`` became ``b[j1:j2]``."""
    head = tail = 0
    if len(a) * len(b) > _EXACT_DIFF_LIMIT:
        head = _common_length(a, b)
        tail = _common_length(a[head:][::-1], b[head:][::-1])
    a_end, b_end = len(a) - tail, len(b) - tail
    if (a_end - head) * (b_end - head) > _EXACT_DIFF_LIMIT:
        yield head, a_end, head, b_end
        return
    for operation, i1, i2, j1, j2 in SequenceMatcher(None, a[head:a_end], b[head:b_end], autojunk=False).get_opcodes():
        if operation != "equal":
            yield head + i1, head + i2, head + j1, head + j2


def _common_length(a: list[str], b: list[str]) -> int:
    """How many items ``a`` and ``b`` share from their start."""
    return next((index for index, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))


def clean_review(name: str, result: CleanResult) -> Review:
    """Original vs cleaned, each artefact marked with its rule and message."""
    return Review(name, ("original", "cleaned"), tuple(_clean_rows(result)), clean_summary(result), findings=result.findings)


def _clean_rows(result: CleanResult) -> Iterable[Row]:
    original = Document.parse(result.original).paragraphs
    cleaned = Document.parse(result.text).paragraphs
    cleaned_of = dict(zip(result.kept, cleaned))
    for paragraph in original:
        findings = [f for f in result.findings if f.paragraph == paragraph.index]
        marks = tuple(
            Mark(f.start - paragraph.start, f.end - paragraph.start, "flagged" if f.replacement is None else "removed", f"{f.rule_id}: {f.message}", f.id)
            for f in findings
        )
        after = cleaned_of.get(paragraph.index)
        inserted = tuple(word_diff(paragraph.text, after.text)[1]) if after and after.text != paragraph.text else ()
        cleaned = Cell(after.text, inserted, after.start) if after else Cell("")
        yield Row((Cell(paragraph.text, marks, paragraph.start), cleaned), tuple(m.note for m in marks))


def text_review(name_a: str, a: str, name_b: str, b: str) -> Review:
    """Any two texts, paragraphs aligned, word differences marked."""
    left = [p.text for p in Document.parse(a).paragraphs]
    right = [p.text for p in Document.parse(b).paragraphs]
    rows = []
    for operation, i1, i2, j1, j2 in SequenceMatcher(None, left, right, autojunk=False).get_opcodes():
        for offset in range(max(i2 - i1, j2 - j1)):
            before = left[i1 + offset] if i1 + offset < i2 else ""
            after = right[j1 + offset] if j1 + offset < j2 else ""
            removed, inserted = word_diff(before, after) if operation != "equal" else ([], [])
            rows.append(Row((Cell(before, tuple(removed)), Cell(after, tuple(inserted)))))
    return Review(f"{name_a} → {name_b}", (name_a, name_b), tuple(rows))


def translation_review(name: str, result: CleanResult, translation: TranslationResult) -> Review:
    """Original | cleaned | English; terms, violations and first-person flags marked in English."""
    clean = clean_review(name, result)
    segments_by_paragraph: dict[int, list[Segment]] = {}
    for segment in translation.segments:
        segments_by_paragraph.setdefault(segment.paragraph, []).append(segment)
    flagged = {(result.kept.index(f.paragraph), f.sentence): f"{f.rule_id}: {f.message}" for f in result.findings
               if f.replacement is None and f.sentence is not None and f.paragraph in result.kept}
    rows = []
    cleaned_index = 0
    for row in clean.rows:
        if not row.cells[1].text:
            rows.append(Row((*row.cells, Cell("")), row.notes))
            continue
        span = translation.paragraphs[cleaned_index]
        marks = _english_marks(span.start, segments_by_paragraph.get(cleaned_index, []), flagged)
        rows.append(Row((*row.cells, Cell(translation.text[span.start : span.end], marks, span.start)), row.notes))
        cleaned_index += 1
    summary = {**clean.summary, "model": translation.model, "glossary": translation.glossary_name or translation.glossary,
               "glossary violations": len(translation.violations)}
    if translation.untranslated:
        summary["untranslated sentences"] = len(translation.untranslated)
    return Review(name, ("original", "cleaned", "English"), tuple(rows), summary, findings=clean.findings)


def _english_marks(offset: int, segments: Sequence[Segment], flagged: dict[tuple[int, int], str]) -> tuple[Mark, ...]:
    """Marks on an English paragraph found at ``offset``, at the spans its segments' translations occupy."""
    marks: list[Mark] = []
    for segment in segments:
        start, end = segment.target_start - offset, segment.target_end - offset
        if (segment.paragraph, segment.sentence) in flagged:
            marks.append(Mark(start, end, "flagged", f"{flagged[segment.paragraph, segment.sentence]} (in the source)"))
        for violation in segment.violations:
            marks.append(Mark(start, end, "violation", f"{violation.source}: {violation.message}"))
        for term in segment.terms:
            found = re.search(rf"(?<!\w){re.escape(term.target)}(?!\w)", segment.target)
            if found:
                marks.append(Mark(start + found.start(), start + found.end(), "term", f"glossary: {term.source} → {term.target}"))
    return tuple(marks)


def with_qa(review: Review, column: int, findings: Sequence[Diagnostic], skipped: str | None) -> Review:
    """Add LanguageTool's findings on the text of ``column`` as marks, in the cells they fall in."""
    rows = []
    for row in review.rows:
        cell = row.cells[column]
        if cell.text:
            end = cell.start + len(cell.text)
            marks = tuple(
                Mark(f.start - cell.start, f.end - cell.start, "qa", f"{f.rule_id}: {f.message}")
                for f in findings if cell.start <= f.start < end
            )
            cells = list(row.cells)
            cells[column] = Cell(cell.text, cell.marks + marks, cell.start)
            row = Row(tuple(cells), row.notes)
        rows.append(row)
    label = f"grammar and style ({review.headers[column]})"
    summary = {**review.summary, label: f"skipped: {skipped}" if skipped else f"{len(findings)} LanguageTool findings"}
    return dataclasses.replace(review, rows=tuple(rows), summary=summary)


def article_review(report: ArticleReport, name: str | None = None, decisions: Decisions | None = None) -> Review:
    """The review of one article's report: original | cleaned (| translation), with its
    grammar findings marked in the column of the text they are in, and the editor's
    ``decisions`` when there are some."""
    name = name or report.name
    if report.translation is not None:
        review = translation_review(name, report.clean, report.translation)
    else:
        review = clean_review(name, report.clean)
    for column, located in ((1, Located.CLEANED), (2, Located.TRANSLATION)):
        if located in report.qa:
            findings = [d for d in report.qa_findings if d.located_in is located]
            review = with_qa(review, column, findings, report.qa[located].skipped)
    return dataclasses.replace(review, language=report.language, summary={**_page_summary(report), **review.summary},
                               decisions=decisions.to_dict() if decisions is not None else None)


def _page_summary(report: ArticleReport) -> dict[str, object]:
    """What a web page (or a record) said of the article: its title, address, date, author, site."""
    source = report.source_dict() or {}
    return {f"page: {key}": source[key] for key in ("title", "url", "published_at", "author", "site") if source.get(key)}


def clean_summary(result: CleanResult) -> dict[str, object]:
    counts = Counter(f"{f.rule_id} ({f.level})" for f in result.findings)
    return {"findings": dict(sorted(counts.items())), **{f"metadata: {k}": v for k, v in result.metadata.items()}}


# --- splitting a cell into styled pieces --------------------------------------------------------


def pieces(cell: Cell) -> list[tuple[str, frozenset[str], tuple[str, ...]]]:
    """The cell's text cut at every mark boundary: (text, kinds covering it, their notes)."""
    cuts = sorted({0, len(cell.text), *(m.start for m in cell.marks), *(m.end for m in cell.marks)})
    result = []
    for start, end in zip(cuts, cuts[1:]):
        covering = [m for m in cell.marks if m.start <= start and end <= m.end]
        result.append((cell.text[start:end], frozenset(m.kind for m in covering), tuple(dict.fromkeys(m.note for m in covering if m.note))))
    return result
