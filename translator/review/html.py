"""The review as one standalone HTML page (its CSS and script, package data files in
``assets/``, inlined): a workspace where an editor accepts or rejects each change,
marks flags as reviewed, edits the cleaned text and downloads the decisions; and an
index page, the dashboard of a run."""

from __future__ import annotations

import html
import json
from collections.abc import Mapping, Sequence
from functools import cache
from importlib.resources import files
from urllib.parse import quote

from .model import CHANGES, Cell, Review, Row, pieces

_LEGEND = (("removed", "removed"), ("flagged", "flagged: to rewrite"), ("inserted", "inserted"), ("term", "glossary term"),
           ("violation", "glossary violation"), ("qa", "grammar and style"))
_REASONS = {"violation": "glossary", "qa": "grammar and style"}  # marks whose reasons show under their row
_COUNTS = ("changes", "flags", "glossary violations", "grammar and style")  # the dashboard's columns of counts
_KEYS = "n / p: next / previous finding · a: accept (a flag: reviewed) · r: reject (a flag: not reviewed) · e: edit the cleaned paragraph · Enter or Esc: end the edit"


@cache
def _asset(name: str) -> str:
    return files(__package__).joinpath("assets", name).read_text(encoding="utf-8")


def _script_json(element_id: str, data: object) -> str:
    """Data for the page's script, safe inside <script> whatever the article holds."""
    text = json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")
    return f'<script type="application/json" id="{element_id}">{text}</script>'


def html_page(review: Review) -> str:
    """One standalone page: no external asset, every text escaped, prints well; the
    editor's decisions, when the review has some, shown applied."""
    escape = html.escape
    summary_rows = []
    for key, value in review.summary.items():
        if isinstance(value, dict):
            value = "<br>".join(f"{escape(str(k))}: {escape(str(v))}" for k, v in value.items()) or "none"
        else:
            value = escape(str(value))
        summary_rows.append(f"<tr><th>{escape(key)}</th><td>{value}</td></tr>")
    header_cells = "".join(f"<th>{escape(h)}</th>" for h in review.headers)
    findings = review.workspace["findings"] if review.workspace else []
    body_rows = "\n".join(_html_row(number, row, review.headers, findings) for number, row in enumerate(review.rows))
    legend = " ".join(f'<span class="mark {kind}">{label}</span>' for kind, label in _LEGEND)
    data = _script_json("review-data", review.workspace or {}) + (_script_json("decisions-data", review.decisions) if review.decisions else "")
    return f"""<!DOCTYPE html>
<html lang="{escape(review.language, quote=True)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Review: {escape(review.title)}</title>
<style>
{_asset("review.css")}</style>
</head>
<body>
<header>
<h1>Review: {escape(review.title)}</h1>
<table class="summary">{''.join(summary_rows)}</table>
<p class="legend">{legend}</p>
</header>
{_toolbar(review, findings)}
<div id="document-findings"></div>
<table class="review">
<thead><tr>{header_cells}</tr></thead>
<tbody>
{body_rows}
</tbody>
</table>
{data}
<script>
{_asset("review.js")}</script>
</body>
</html>
"""


def _toolbar(review: Review, findings: Sequence[dict]) -> str:
    escape = html.escape
    rules = sorted({f["rule"] for f in findings})
    kinds = [kind for kind in _REASONS if any(m.kind == kind for row in review.rows for cell in row.cells for m in cell.marks)]
    rule_options = "".join(f'<option value="{escape(r, quote=True)}">{escape(r)}</option>' for r in rules)
    rule_options += "".join(f'<option value="{kind}">{_REASONS[kind]}</option>' for kind in kinds)
    level_options = "".join(f'<option value="{level}">{level}</option>' for level in ("error", "warning", "info"))
    workspace = ""
    if review.workspace:
        workspace = ('<button id="download" type="button">download decisions</button> '
                     '<button id="copy-cleaned" type="button">copy cleaned text</button>'
                     + (' <button id="copy-english" type="button">copy English</button>' if "english" in review.workspace else ""))
    return f"""<nav class="toolbar" aria-label="findings">
<button id="previous" type="button" aria-keyshortcuts="p">◀ previous</button>
<span id="position" aria-live="polite"></span>
<button id="next" type="button" aria-keyshortcuts="n">next ▶</button>
<label>rule <select id="filter-rule"><option value="">all</option>{rule_options}</select></label>
<label>level <select id="filter-level"><option value="">all</option>{level_options}</select></label>
<label><input type="checkbox" id="changes-only"> changes only</label>
{workspace}
<span id="status" role="status"></span>
<p class="keys">{_KEYS}</p>
</nav>"""


def _html_row(number: int, row: Row, headers: Sequence[str], findings: Sequence[dict]) -> str:
    escape = html.escape
    cells = []
    for column, (header, cell) in enumerate(zip(headers, row.cells)):
        text = _html_cell(cell, stops=column == 0 or None)
        if column == 1 and findings:  # the cleaned text, editable
            editable = f' contenteditable="plaintext-only" aria-label="cleaned paragraph {number + 1}, editable"' if cell.text else ""
            text = f'<div class="text" data-paragraph="{number}"{editable}>{text}</div>'
        cells.append(f'<td data-column="{escape(header, quote=True)}">{text}')
    mine = [f for f in findings if f["paragraph"] == number]
    cells[-1] += _finding_panel(mine, row) + "</td>"
    kinds = {m.kind for cell in row.cells for m in cell.marks}
    rules = " ".join(sorted({f["rule"] for f in mine} | (kinds & _REASONS.keys())))
    levels = " ".join(sorted({f["level"] for f in mine}))
    return (f'<tr id="p{number}" class="{"changed" if row.changed else "same"}" data-paragraph="{number}"'
            f' data-rules="{escape(rules, quote=True)}" data-levels="{levels}">{"</td>".join(cells)}</tr>')


def _finding_panel(findings: Sequence[dict], row: Row) -> str:
    """Under a row's last column: each finding with its rule, message and buttons, then the
    glossary and grammar reasons of its marks (shown, not only on hover)."""
    escape = html.escape
    entries = []
    for finding in findings:
        label = escape(f'{finding["rule"]} ({finding["level"]})')
        if finding["replacement"] is None:
            buttons = f'<button type="button" class="review" aria-pressed="false" aria-label="reviewed: {label}">reviewed</button>'
        else:
            buttons = (f'<button type="button" class="accept" aria-pressed="false" aria-label="accept: {label}">accept</button>'
                       f'<button type="button" class="reject" aria-pressed="false" aria-label="reject: {label}">reject</button>')
        entries.append(f'<div class="finding {escape(finding["level"])}" data-finding="{escape(finding["id"], quote=True)}">'
                       f'<span class="rule">{label}</span> {escape(finding["message"])} {buttons}</div>')
    reasons = {f'{_REASONS[m.kind]}: {m.note}': m.kind for cell in row.cells for m in cell.marks if m.kind in _REASONS}
    entries.extend(f'<div class="reason {kind}">▸ {escape(note)}</div>' for note, kind in reasons.items())
    return f'<div class="notes">{"".join(entries)}</div>' if entries else ""


def _html_cell(cell: Cell, stops: bool | None = None) -> str:
    """A cell's text, its marks as spans; each finding's first span is a stop for n/p
    (in the original column for the rules' findings, in any column for the others)."""
    parts = []
    for text, kinds, notes, starting in pieces(cell):
        if not kinds:
            parts.append(html.escape(text))
            continue
        note = html.escape("\n".join(notes), quote=True)
        classes = " ".join(sorted(kinds | ({"change"} if kinds & CHANGES else set())))
        attributes = f'class="mark {classes}" title="{note}" data-note="{note}"'
        found = [m.id for m in starting if m.id]
        if found:
            attributes += f' data-finding="{html.escape(found[0], quote=True)}"'
        if (stops and found) or any(m.kind in _REASONS for m in starting):
            attributes += f' data-stop="{html.escape(found[0], quote=True) if found else ""}" tabindex="-1"'
        parts.append(f"<span {attributes}>{html.escape(text)}</span>")
    return "".join(parts)


def _href(target: str) -> str:
    return html.escape(quote(target, errors="surrogateescape"), quote=True)


def index_page(title: str, entries: Sequence[Mapping[str, object]], run: Mapping[str, object] | None = None) -> str:
    """The dashboard of a run: what it ran with, then each article (headline, source,
    counts, status, a link to its review), those that failed with their error."""
    escape = html.escape
    rows = []
    counts = {"needs attention": 0, "clean": 0, "failed": 0}
    for entry in entries:
        status = str(entry.get("status", "clean"))
        counts[status] = counts.get(status, 0) + 1
        name = escape(str(entry["article"]))
        review = entry.get("review")
        link = f'<a href="{_href(str(review))}">{name}</a>' if review else name
        others = " · ".join(f'<a href="{_href(str(target))}">{escape(str(kind))}</a>'
                            for kind, target in dict(entry.get("links") or {}).items() if kind != "review")
        headline = escape(str(entry.get("title") or entry.get("headline") or ""))
        source, url = escape(str(entry.get("source") or "")), str(entry.get("url") or "")
        if url.startswith(("https://", "http://")):  # only a web address: no javascript:
            headline += f' <a class="source" href="{escape(url, quote=True)}">{escape(url)}</a>'
        edited = f'<br><span class="edited">edited by hand: {escape(str(entry["edited by hand"]))}</span>' if entry.get("edited by hand") else ""
        if status == "failed":
            detail = f'<td colspan="4" class="error">{escape(str(entry.get("error", "")))}</td>'
        else:
            detail = "".join(f'<td data-column="{key}">{escape(str(entry.get(key, "")))}</td>' for key in _COUNTS)
        rows.append(f'<tr class="{escape(status.replace(" ", "-"))}"><td><span class="status">{escape(status)}</span></td>'
                    f'<td><span class="headline">{headline or name}</span><br>{link} <span class="links">{others}</span><br><span class="source">{source}</span>'
                    f'<br><span class="date">{escape(str(entry.get("published_at") or ""))}</span>{edited}</td>{detail}</tr>')
    totals = " · ".join(f"{count} {status}" for status, count in counts.items())
    settings = "".join(f"<tr><th>{escape(str(k))}</th><td>{escape(str(v))}</td></tr>" for k, v in (run or {}).items())
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)}</title>
<style>{_asset("index.css").rstrip()}</style></head>
<body><h1>{escape(title)}</h1>
<p class="totals">{len(entries)} articles: {totals}</p>
<table class="settings">{settings}</table>
<table class="articles"><thead><tr><th>status</th><th>article</th><th>changes</th><th>flags</th><th>glossary violations</th><th>grammar and style</th></tr></thead><tbody>
{chr(10).join(rows)}
</tbody></table></body></html>
"""
