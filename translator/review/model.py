"""Review: what changed, side by side — in the terminal (Rich) and as one HTML page.

Rows are aligned by paragraph: original | cleaned French | English.  Every change
is a *mark* on a column's text (removed or flagged by a rule, inserted, a glossary
term, a glossary violation), carrying the rule's message.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from urllib.parse import quote

from ..clean.cleaner import CleanResult
from ..document import Document, Paragraph
from ..translate.documents import Segment, TranslationResult

_TOKEN = re.compile(r"\w+|[^\w\s]|\s+")
CHANGES = frozenset({"removed", "flagged", "inserted", "violation", "qa"})


@dataclass(frozen=True, slots=True)
class Mark:
    """A highlighted span of a cell: ``kind`` is removed, flagged, inserted, term, violation or qa."""

    start: int
    end: int
    kind: str
    note: str = ""


@dataclass(frozen=True)
class Cell:
    text: str
    marks: tuple[Mark, ...] = ()


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


# --- building rows ----------------------------------------------------------------------------


def word_diff(before: str, after: str) -> tuple[list[Mark], list[Mark]]:
    """Word-level differences: spans removed from ``before`` and inserted in ``after``."""
    a, b = [m.span() for m in _TOKEN.finditer(before)], [m.span() for m in _TOKEN.finditer(after)]
    matcher = SequenceMatcher(None, [before[s:e] for s, e in a], [after[s:e] for s, e in b], autojunk=False)
    removed, inserted = [], []
    for operation, i1, i2, j1, j2 in matcher.get_opcodes():
        if operation in ("replace", "delete") and i2 > i1:
            removed.append(Mark(a[i1][0], a[i2 - 1][1], "removed"))
        if operation in ("replace", "insert") and j2 > j1:
            inserted.append(Mark(b[j1][0], b[j2 - 1][1], "inserted"))
    return removed, inserted


def clean_review(name: str, result: CleanResult) -> Review:
    """Original vs cleaned, each artefact marked with its rule and message."""
    return Review(name, ("original", "cleaned"), tuple(_clean_rows(result)), clean_summary(result))


def _clean_rows(result: CleanResult) -> Iterable[Row]:
    original = Document.parse(result.original).paragraphs
    cleaned = Document.parse(result.text).paragraphs
    cleaned_of = dict(zip(result.kept, cleaned))
    for paragraph in original:
        findings = [f for f in result.findings if f.paragraph == paragraph.index]
        marks = tuple(
            Mark(f.start - paragraph.start, f.end - paragraph.start, "flagged" if f.replacement is None else "removed", f"{f.rule_id}: {f.message}")
            for f in findings
        )
        after = cleaned_of.get(paragraph.index)
        inserted = tuple(word_diff(paragraph.text, after.text)[1]) if after and after.text != paragraph.text else ()
        yield Row((Cell(paragraph.text, marks), Cell(after.text if after else "", inserted)), tuple(m.note for m in marks))


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


def translation_review(name: str, result: CleanResult, translation: TranslationResult, *, glossary_name: str = "") -> Review:
    """Original | cleaned | English; terms, violations and first-person flags marked in English."""
    clean = clean_review(name, result)
    english = Document.parse(translation.text).paragraphs
    segments_by_paragraph: dict[int, list[Segment]] = {}
    for segment in translation.segments:
        segments_by_paragraph.setdefault(segment.paragraph, []).append(segment)
    flagged = {(result.kept.index(f.paragraph), f.sentence) for f in result.findings if f.replacement is None and f.sentence is not None and f.paragraph in result.kept}
    rows = []
    cleaned_index = 0
    for row in clean.rows:
        if not row.cells[1].text:
            rows.append(Row((*row.cells, Cell("")), row.notes))
            continue
        paragraph = english[cleaned_index] if cleaned_index < len(english) else None
        marks = _english_marks(paragraph, segments_by_paragraph.get(cleaned_index, []), flagged) if paragraph else ()
        rows.append(Row((*row.cells, Cell(paragraph.text if paragraph else "", marks)), row.notes))
        cleaned_index += 1
    summary = {**clean.summary, "model": translation.model, "glossary": glossary_name or translation.glossary,
               "glossary violations": len(translation.violations)}
    return Review(name, ("original", "cleaned", "English"), tuple(rows), summary)


def _english_marks(paragraph: Paragraph, segments: Sequence[Segment], flagged: set[tuple[int, int]]) -> tuple[Mark, ...]:
    """Marks on an English paragraph, at the spans its segments' translations occupy."""
    marks: list[Mark] = []
    for segment in segments:
        start, end = segment.target_start - paragraph.start, segment.target_end - paragraph.start
        if (segment.paragraph, segment.sentence) in flagged:
            marks.append(Mark(start, end, "flagged", "fr.first-person-narration: first-person narration in the source"))
        for violation in segment.violations:
            marks.append(Mark(start, end, "violation", f"{violation.source}: {violation.message}"))
        for term in segment.terms:
            found = re.search(rf"(?<!\w){re.escape(term.target)}(?!\w)", segment.target)
            if found:
                marks.append(Mark(start + found.start(), start + found.end(), "term", f"glossary: {term.source} → {term.target}"))
    return tuple(marks)


def with_qa(review: Review, column: int, checked_text: str, findings: Sequence, skipped: str | None) -> Review:
    """Add LanguageTool's findings on ``checked_text`` (the text of ``column``) as marks."""
    paragraphs = iter(Document.parse(checked_text).paragraphs)
    rows = []
    for row in review.rows:
        cell = row.cells[column]
        if cell.text:
            paragraph = next(paragraphs)
            marks = tuple(
                Mark(f.offset - paragraph.start, f.offset - paragraph.start + f.length, "qa", f"{f.rule_id}: {f.message}")
                for f in findings if paragraph.start <= f.offset < paragraph.end
            )
            cells = list(row.cells)
            cells[column] = Cell(cell.text, cell.marks + marks)
            row = Row(tuple(cells), row.notes)
        rows.append(row)
    label = f"grammar and style ({review.headers[column]})"
    summary = {**review.summary, label: f"skipped: {skipped}" if skipped else f"{len(findings)} LanguageTool findings"}
    return Review(review.title, review.headers, tuple(rows), summary)


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


# --- terminal ------------------------------------------------------------------------------------

_STYLES = {"removed": "bold red strike", "flagged": "bold yellow underline", "inserted": "bold green",
           "violation": "bold white on red", "qa": "bold blue underline", "term": "bold cyan"}
_MARKERS = {"removed": ("[-", "-]"), "inserted": ("{+", "+}"), "flagged": ("[!", "!]"),
            "violation": ("[!!", "!!]"), "qa": ("[?", "?]"), "term": ("<", ">")}


_NARROW = 60  # below this many columns, the texts of a row are stacked, not side by side


def print_side_by_side(review: Review, console, *, only_changes: bool = False) -> None:
    """A Rich table, one row per paragraph, the rules' notes in the last column.

    Without colour (not a terminal, or NO_COLOR), changes are bracketed
    ([-removed-], {+inserted+}, [!flagged!]) so they still show.  On a narrow
    terminal the columns of a row are stacked under their titles.
    """
    from rich.table import Table
    from rich.text import Text

    colour = console.color_system is not None
    stacked = console.width < _NARROW
    table = Table(expand=True, show_lines=True, title=review.title)
    for header in ([" | ".join(review.headers)] if stacked else review.headers):
        table.add_column(header, ratio=1, overflow="fold")
    for row in review.rows:
        if only_changes and not row.changed:
            continue
        cells = [_terminal_text(cell, colour) for cell in row.cells]
        if stacked:
            joined = Text()
            for header, text in zip(review.headers, cells):
                joined.append(("\n" if joined.plain else "") + f"{header}: ", style="bold" if colour else None)
                joined.append_text(text)
            cells = [joined]
        for note in row.notes:
            cells[-1].append(("\n" if cells[-1].plain else "") + f"▸ {note}", style="dim yellow" if colour else None)
        table.add_row(*cells)
    console.print(table)


def _terminal_text(cell: Cell, colour: bool):
    from rich.text import Text

    text = Text()
    for piece, kinds, _ in pieces(cell):
        kind = next((k for k in _STYLES if k in kinds), None)
        if kind is None:
            text.append(piece)
        elif colour:
            text.append(piece, style=_STYLES[kind])
        else:
            opening, closing = _MARKERS[kind]
            text.append(f"{opening}{piece}{closing}")
    return text


# --- HTML --------------------------------------------------------------------------------------

_CSS = """
:root { --removed: #fdd; --inserted: #dfd; --flagged: #fff3c4; --term: #dbeeff; --violation: #f88; --qa: #e8e0ff; }
body { font: 15px/1.5 system-ui, sans-serif; margin: 1.5rem; color: #222; }
h1 { font-size: 1.3rem; margin: 0 0 .5rem; }
header table, .summary { border-collapse: collapse; margin-bottom: 1rem; }
header td, header th { text-align: left; padding: .1rem .8rem .1rem 0; vertical-align: top; }
table.review { width: 100%; border-collapse: collapse; table-layout: fixed; }
table.review th { position: sticky; top: 0; background: #f4f4f4; text-align: left; padding: .4rem; }
table.review td { vertical-align: top; padding: .5rem; border-top: 1px solid #ddd; white-space: pre-wrap; overflow-wrap: anywhere; }
tr.changed td:first-child { border-left: 3px solid #c66; }
.mark { border-radius: 2px; position: relative; }
.mark.removed { background: var(--removed); text-decoration: line-through; }
.mark.flagged { background: var(--flagged); text-decoration: underline wavy #b80; }
.mark.inserted { background: var(--inserted); }
.mark.term { background: var(--term); }
.mark.violation { background: var(--violation); outline: 1px solid #a00; }
.mark.qa { background: var(--qa); text-decoration: underline dotted #53c; }
.mark:focus { outline: 2px solid #06c; }
.mark[data-note]:hover::after, .mark[data-note]:focus::after {
  content: attr(data-note); position: absolute; left: 0; top: 1.6em; z-index: 2; width: max-content; max-width: 28rem;
  background: #333; color: #fff; padding: .3rem .5rem; border-radius: 4px; font-size: 13px; white-space: pre-wrap; text-decoration: none; }
.notes { color: #875; font-size: 13px; margin-top: .3rem; }
nav { margin: .5rem 0 1rem; }
kbd { border: 1px solid #aaa; border-radius: 3px; padding: 0 .3rem; font-size: 12px; }
@media print { nav { display: none; } table.review th { position: static; } .mark[data-note]::after { content: none; } }
"""

_SCRIPT = """
(function () {
  var marks = Array.prototype.slice.call(document.querySelectorAll('td .change'));
  var current = -1;
  function go(step) {
    if (!marks.length) return;
    current = (current + step + marks.length) % marks.length;
    marks[current].focus();
    marks[current].scrollIntoView({block: 'center'});
    document.getElementById('position').textContent = (current + 1) + ' / ' + marks.length;
  }
  document.addEventListener('keydown', function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'n' || event.key === 'j') { go(1); event.preventDefault(); }
    if (event.key === 'p' || event.key === 'k') { go(-1); event.preventDefault(); }
  });
  document.getElementById('next').addEventListener('click', function () { go(1); });
  document.getElementById('previous').addEventListener('click', function () { go(-1); });
  marks.forEach(function (mark, index) { mark.addEventListener('focus', function () { current = index; }); });
})();
"""


def html_page(review: Review) -> str:
    """One standalone page: no external asset, every text escaped, prints well."""
    escape = html.escape
    summary_rows = []
    for key, value in review.summary.items():
        if isinstance(value, dict):
            value = "<br>".join(f"{escape(str(k))}: {escape(str(v))}" for k, v in value.items()) or "none"
        else:
            value = escape(str(value))
        summary_rows.append(f"<tr><th>{escape(key)}</th><td>{value}</td></tr>")
    header_cells = "".join(f"<th>{escape(h)}</th>" for h in review.headers)
    body_rows = []
    for number, row in enumerate(review.rows):
        cells = "".join(f"<td>{_html_cell(cell)}</td>" for cell in row.cells[:-1])
        notes = "".join(f'<div class="notes">▸ {escape(note)}</div>' for note in row.notes)
        cells += f"<td>{_html_cell(row.cells[-1])}{notes}</td>"
        body_rows.append(f'<tr id="p{number}" class="{"changed" if row.changed else "same"}">{cells}</tr>')
    return f"""<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Review: {escape(review.title)}</title>
<style>{_CSS}</style>
</head>
<body>
<header>
<h1>Review: {escape(review.title)}</h1>
<table class="summary">{''.join(summary_rows)}</table>
</header>
<nav><button id="previous" type="button">◀ previous</button> <button id="next" type="button">next ▶</button>
<span id="position"></span> — <kbd>n</kbd>/<kbd>j</kbd> next change, <kbd>p</kbd>/<kbd>k</kbd> previous;
<span class="mark removed">removed</span> <span class="mark flagged">flagged</span> <span class="mark inserted">inserted</span>
<span class="mark term">glossary term</span> <span class="mark violation">glossary violation</span>
<span class="mark qa">grammar and style</span></nav>
<table class="review">
<thead><tr>{header_cells}</tr></thead>
<tbody>
{chr(10).join(body_rows)}
</tbody>
</table>
<script>{_SCRIPT}</script>
</body>
</html>
"""


def _html_cell(cell: Cell) -> str:
    parts = []
    for text, kinds, notes in pieces(cell):
        if not kinds:
            parts.append(html.escape(text))
            continue
        note = html.escape("\n".join(notes), quote=True)
        classes = " ".join(sorted(kinds | ({"change"} if kinds & CHANGES else set())))
        parts.append(f'<span class="mark {classes}" tabindex="0" title="{note}" data-note="{note}">{html.escape(text)}</span>')
    return "".join(parts)


def index_page(title: str, entries: Sequence[dict[str, object]]) -> str:
    """A page listing reviewed articles with their counts, each linking to its review."""
    escape = html.escape
    columns = ["article", "errors", "warnings", "info", "glossary violations", "grammar and style", "published_at"]
    rows = []
    for entry in entries:
        link = f'<a href="{escape(quote(str(entry["review"])), quote=True)}">{escape(str(entry["article"]))}</a>'
        cells = [link] + [escape(str(entry.get(c, ""))) for c in columns[1:]]
        rows.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    head = "".join(f"<th>{escape(c)}</th>" for c in columns)
    return f"""<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8"><title>{escape(title)}</title>
<style>body {{ font: 15px/1.5 system-ui, sans-serif; margin: 1.5rem; }} table {{ border-collapse: collapse; }}
td, th {{ padding: .3rem .8rem; border-bottom: 1px solid #ddd; text-align: left; }}</style></head>
<body><h1>{escape(title)}</h1>
<table><thead><tr>{head}</tr></thead><tbody>
{chr(10).join(rows)}
</tbody></table></body></html>
"""

