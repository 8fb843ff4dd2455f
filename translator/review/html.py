"""The review as one standalone HTML page (its CSS and script, package data files in
``assets/``, inlined), and an index page linking the reviews of a run."""

from __future__ import annotations

import html
import json
from collections.abc import Sequence
from functools import cache
from importlib.resources import files
from urllib.parse import quote

from .model import CHANGES, Cell, Review, pieces


@cache
def _asset(name: str) -> str:
    return files(__package__).joinpath("assets", name).read_text(encoding="utf-8")


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
{_embedded("decisions-data", review.decisions)}<script>
{_asset("review.js")}</script>
</body>
</html>
"""


def _embedded(element_id: str, data: object) -> str:
    """JSON data for the page's script (nothing when None); ``<`` escaped, so no text in
    it can close the element."""
    if data is None:
        return ""
    text = json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")
    return f'<script type="application/json" id="{element_id}">{text}</script>\n'


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


def _title_cell(entry: dict[str, object]) -> str:
    """A page's title linking to its address (only a web address: no ``javascript:``)."""
    title, url = html.escape(str(entry.get("title") or "")), str(entry.get("url") or "")
    if url.startswith(("https://", "http://")):
        return f'{title} <a class="source" href="{html.escape(url, quote=True)}">{html.escape(url)}</a>'
    return title


def index_page(title: str, entries: Sequence[dict[str, object]]) -> str:
    """A page listing reviewed articles with their counts, each linking to its review."""
    escape = html.escape
    columns = ["article", "title", "errors", "warnings", "info", "glossary violations", "grammar and style", "published_at", "edited by hand"]
    rows = []
    for entry in entries:
        link = f'<a href="{escape(quote(str(entry["review"]), errors="surrogateescape"), quote=True)}">{escape(str(entry["article"]))}</a>'
        cells = [link, _title_cell(entry)] + [escape(str(entry.get(c, ""))) for c in columns[2:]]
        rows.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    head = "".join(f"<th>{escape(c)}</th>" for c in columns)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{escape(title)}</title>
<style>{_asset("index.css").rstrip()}</style></head>
<body><h1>{escape(title)}</h1>
<table><thead><tr>{head}</tr></thead><tbody>
{chr(10).join(rows)}
</tbody></table></body></html>
"""
