"""Markdown: the rules read the text, the output keeps the markup around what survives.

Headings, list and quote markers, emphasis, code spans, links (their brackets and
targets), images, inline HTML, escapes and a front matter block are markup: the text
the rules see leaves them out, and each character of it remembers where it stands in
the file.  The cleaning's edits are carried back onto the file through that map: a line
whose text goes takes its markers with it, and emphasis or a link cut by an edit keeps
its markers around what is left of it (or goes, when nothing is).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ..files import SourceText, decode_text
from . import Change, InputFormat, register

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\n|\r|$)")
_BLOCK_MARKERS = re.compile(r"[ \t]{0,3}(?:(?:#{1,6}|>|[-*+]|\d{1,9}[.)])(?:[ \t]+|$))*")
_RULE_OR_FENCE = re.compile(r"[ \t]{0,3}(?:(?:[-*_][ \t]*){3,}|`{3,}.*|~{3,}.*|=+[ \t]*)$")
_CLOSING_HASHES = re.compile(r"[ \t]+#+[ \t]*$")
_CODE = re.compile(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)")
_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_LINK = re.compile(r"\[(?=[^\]\n]*\](?:\([^)\n]*\)|\[[^\]\n]*\]))")
_LINK_END = re.compile(r"\](?:\([^)\n]*\)|\[[^\]\n]*\])")
_TAG = re.compile(r"</?[A-Za-z][^>\n]*>")
_ESCAPE = re.compile(r"\\(?=[!-/:-@\[-`{-~])")
_DELIMITERS = re.compile(r"\*+|_+")
_HARD_BREAK = re.compile(r"(?: {2,}|\\)$")
_FRONT_MATTER_KEYS = {"title": "title", "date": "published_at", "author": "author", "url": "url", "canonical": "url"}


@dataclass(frozen=True)
class _Pair:
    """Markers around a piece of text (``**``…``**``, ``[``…``](url)``), as source spans."""

    open_start: int
    open_end: int
    close_start: int
    close_end: int


@dataclass(frozen=True)
class MarkdownText:
    """A Markdown file's text without markup, and where each of its characters stands in the file."""

    source: str
    text: str
    positions: tuple[int, ...]  # positions[i]: where text[i] is in the source
    lines: tuple[tuple[int, int], ...]  # each line's source span, line break excluded
    pairs: tuple[_Pair, ...]

    @classmethod
    def parse(cls, source: str) -> MarkdownText:
        markup = bytearray(len(source))  # 1 where the source character is markup
        pairs: list[_Pair] = []
        lines = []
        body = 0
        if front := _FRONT_MATTER.match(source):
            body = front.end()
            markup[: body] = b"\x01" * body
        for line in _LINE.finditer(source, body):
            if line.start() == len(source) and line.end() == len(source) and line.start() != body:
                break
            start, end = line.start(), line.start() + len(line.group().rstrip("\r\n"))
            lines.append((start, end))
            _mark_line(source, start, end, markup, pairs)
        positions = tuple(i for i in range(len(source)) if not markup[i])
        return cls(source, "".join(source[i] for i in positions), positions, tuple(lines), tuple(pairs))

    def source_offset(self, offset: int) -> int:
        """Where text offset ``offset`` falls in the source (the end maps to the end)."""
        return self.positions[offset] if offset < len(self.positions) else len(self.source)

    def render(self, changes: Sequence[Change]) -> str:
        """The source with the text's ``changes`` applied, the markup kept around what survives."""
        edits: list[Change] = []
        for start, end, replacement in changes:
            edits += self._source_edits(start, end, replacement)
        parts, position = [], 0
        for start, end, replacement in _merged(edits):
            parts += [self.source[position:start], replacement]
            position = end
        return "".join(parts) + self.source[position:]

    def _source_edits(self, start: int, end: int, replacement: str) -> list[Change]:
        if start == end:
            at = self.source_offset(start)
            return [(at, at, replacement)]
        first, last = self.positions[start], self.positions[end - 1] + 1
        first, last = self._whole_lines(first, last)
        edits = []
        for pair in self.pairs:
            opens_inside = first <= pair.open_start < last
            closes_inside = first <= pair.close_start < last
            if opens_inside == closes_inside:
                continue
            before = self._has_text(pair.open_end, first) if closes_inside else False
            after = self._has_text(last, pair.close_start) if opens_inside else False
            if not (before or after):  # nothing of it is left: its other marker goes too
                other = (pair.open_start, pair.open_end) if closes_inside else (pair.close_start, pair.close_end)
                edits.append((*other, ""))
            elif closes_inside:  # the text before the edit stays marked
                replacement = self.source[pair.close_start : pair.close_end] + replacement
            elif replacement and not replacement[-1].isspace():  # « que **les** » → « **Les** »
                replacement = self.source[pair.open_start : pair.open_end] + replacement
            else:
                replacement += self.source[pair.open_start : pair.open_end]
        return [*edits, (first, last, replacement)]

    def _whole_lines(self, first: int, last: int) -> tuple[int, int]:
        """``[first, last)`` widened to the whole first and last lines it touches when their
        text all goes, so that a line's markers go with its text."""
        head, tail = self._line_at(first), self._line_at(last - 1)
        if not self._has_text(head[0], first) and not self._has_text(last, head[1]):
            first = min(first, head[0])
        if not self._has_text(tail[0], first) and not self._has_text(last, tail[1]):
            last = max(last, tail[1])
        return first, last

    def _line_at(self, offset: int) -> tuple[int, int]:
        return self.lines[max(0, bisect.bisect_right(self.lines, (offset, len(self.source) + 1)) - 1)]

    def _has_text(self, start: int, end: int) -> bool:
        """Whether source ``[start, end)`` holds any text character that is not blank."""
        low, high = bisect.bisect_left(self.positions, start), bisect.bisect_left(self.positions, end)
        return any(not self.text[i].isspace() for i in range(low, high))


def _merged(edits: list[Change]) -> Iterator[Change]:
    """Source edits in order, overlapping ones made one."""
    current: Change | None = None
    for edit in sorted(edits):
        if current is not None and edit[0] < current[1]:
            current = (current[0], max(current[1], edit[1]), current[2] + edit[2])
            continue
        if current is not None:
            yield current
        current = edit
    if current is not None:
        yield current


def _mark_line(source: str, start: int, end: int, markup: bytearray, pairs: list[_Pair]) -> None:
    """Mark the markup of one line (its break excluded) and record its marker pairs."""
    line = source[start:end]

    def hide(a: int, b: int) -> None:
        markup[start + a : start + b] = b"\x01" * (b - a)

    if _RULE_OR_FENCE.match(line):
        hide(0, len(line))
        return
    prefix = _BLOCK_MARKERS.match(line).end()
    hide(0, prefix)
    if "#" in line[:prefix] and (closing := _CLOSING_HASHES.search(line, prefix)):
        hide(closing.start(), len(line))
    if hard_break := _HARD_BREAK.search(line, prefix):
        hide(hard_break.start(), len(line))
    protected = bytearray(len(line))
    for code in _CODE.finditer(line, prefix):
        ticks = len(code.group(1))
        hide(code.start(), code.start() + ticks)
        hide(code.end() - ticks, code.end())
        pairs.append(_Pair(start + code.start(), start + code.start() + ticks, start + code.end() - ticks, start + code.end()))
        protected[code.start() : code.end()] = b"\x01" * (code.end() - code.start())
    for pattern in (_IMAGE, _TAG):
        for found in pattern.finditer(line, prefix):
            if not protected[found.start()]:
                hide(found.start(), found.end())
                protected[found.start() : found.end()] = b"\x01" * (found.end() - found.start())
    for opening in _LINK.finditer(line, prefix):
        closing = _LINK_END.search(line, opening.end())
        if closing and not protected[opening.start()]:
            hide(opening.start(), opening.end())
            hide(closing.start(), closing.end())
            pairs.append(_Pair(start + opening.start(), start + opening.end(), start + closing.start(), start + closing.end()))
            protected[closing.start() : closing.end()] = b"\x01" * (closing.end() - closing.start())
    for escape in _ESCAPE.finditer(line, prefix):
        if not protected[escape.start()]:
            hide(escape.start(), escape.end())
            protected[escape.end()] = 1  # the escaped character is text
    _mark_emphasis(line, prefix, protected, hide, start, pairs)


def _mark_emphasis(line: str, prefix: int, protected: bytearray, hide, start: int, pairs: list[_Pair]) -> None:
    """Emphasis: a run of ``*`` or ``_`` opening before a word and the same run closing
    after one, on the same line (an ``_`` inside a word is text)."""
    openers: list[re.Match[str]] = []
    for run in _DELIMITERS.finditer(line, prefix):
        if protected[run.start()]:
            continue
        before = line[run.start() - 1] if run.start() > 0 else " "
        after = line[run.end()] if run.end() < len(line) else " "
        intraword = run.group()[0] == "_" and before.isalnum() and after.isalnum()
        can_close = not before.isspace() and not intraword
        can_open = not after.isspace() and not intraword
        match = next((o for o in reversed(openers) if o.group() == run.group()), None) if can_close else None
        if match is not None:
            del openers[openers.index(match):]
            hide(match.start(), match.end())
            hide(run.start(), run.end())
            pairs.append(_Pair(start + match.start(), start + match.end(), start + run.start(), start + run.end()))
        elif can_open:
            openers.append(run)


def front_matter(source: str) -> dict[str, str]:
    """The title, date, author and URL a front matter block (``---`` YAML ``---``) gives."""
    front = _FRONT_MATTER.match(source)
    if not front:
        return {}
    import yaml

    try:
        fields = yaml.safe_load(front.group(1))
    except yaml.YAMLError:
        return {}
    if not isinstance(fields, dict):
        return {}
    return {key: str(fields[name]) for name, key in _FRONT_MATTER_KEYS.items() if fields.get(name) not in (None, "")}


_SPECIAL = re.compile(r"([\\`*_\[\]<])")
_LINE_START_MARKER = re.compile(r"^([ \t]*(?:\d+(?=[.)]))?)([#>+.)-])", re.MULTILINE)


def as_markdown(text: str, title: object = None) -> str:
    """A plain-text article as Markdown: its characters that are markup escaped, its
    first paragraph a heading when it is the ``title``."""
    escaped = _LINE_START_MARKER.sub(r"\1\\\2", _SPECIAL.sub(r"\\\1", text))
    if isinstance(title, str) and title and text.startswith(title + "\n"):
        escaped = "# " + escaped
    return escaped


@register
class Markdown(InputFormat):
    name = "markdown"
    suffixes = (".md", ".markdown")
    text_label = "text without markup"

    def articles(self, name: str, data: bytes, encoding: str) -> Iterator[SourceText]:
        file = decode_text(name, data, encoding)
        parsed = MarkdownText.parse(file.text)
        yield SourceText(name, parsed.text, file.encoding, file.bom, format=self.name,
                         metadata=front_matter(file.text), layout=parsed)

    def render(self, article: SourceText, cleaned_text: str, changes: Sequence[Change]) -> str:
        return article.layout.render(changes)
