"""The document model: paragraphs, sentences and quotations of a plain-text article.

A document is a sequence of lines.  A paragraph is a run of non-blank lines; blank
lines separate paragraphs.  Offsets are character offsets into the original text,
so every later stage can report exactly where something was found.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\n|\r|$)")
_UPPER = "A-ZÀ-ÖØ-Þ"
_SPEECH_OPENING = re.compile(
    rf"\s*(?:[–—]|-\s"  # a dialogue dash
    rf"|[{_UPPER}][{_UPPER}’' .-]{{1,60}}\.\s*[-–—]\s"  # LE FIGARO. - … / BRUNO LE MAIRE. - …
    rf"|(?:Q|R|Question|Réponse)\s*[.:]\s"  # Q : … / R. …
    # Claire Martin : Je… / Le Parisien : Comment… (a sentence starts after the colon,
    # where a title goes on in lower case: « Nupes : les socialistes votent »)
    rf"|(?:[{_UPPER}][\w’'-]*\s){{0,3}}[{_UPPER}][\w’'-]*\s?:\s+[«“\"]?\s?[{_UPPER}])"
)
_INTERVIEW_CREDIT = re.compile(r"\s*\(?propos\s+recueillis\s+par\b", re.IGNORECASE)
_OPINION = re.compile(
    r"\s*(?:TRIBUNE|OPINION|POINT DE VUE|ÉDITO|EDITO|ÉDITORIAL|EDITORIAL|CHRONIQUE)\b"  # a standfirst
    rf"|\s*Par\s+[{_UPPER}][\w’'-]+(?:\s+(?:de\s+|d’|le\s+)?[{_UPPER}][\w’'-]+)+\s*(?:,|$)"  # a byline: Par Jean Martin, …
)
_HEADLINE_MAX_CHARS = 300


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open range ``[start, end)`` of character offsets."""

    start: int
    end: int

    def __contains__(self, offset: int) -> bool:
        return self.start <= offset < self.end


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A run of non-blank lines; ``end`` excludes the last line's line break."""

    index: int
    start: int
    end: int
    text: str

    @property
    def is_single_line(self) -> bool:
        return "\n" not in self.text and "\r" not in self.text


@dataclass(frozen=True)
class Document:
    """An article split into paragraphs, with the text around them kept verbatim."""

    text: str
    paragraphs: tuple[Paragraph, ...]

    @classmethod
    def parse(cls, text: str) -> Document:
        paragraphs: list[Paragraph] = []
        start = end = None
        for line in _LINE.finditer(text):
            if line.start() == len(text) and line.end() == len(text):
                break
            content = line.group().rstrip("\r\n")
            if content.strip():
                if start is None:
                    start = line.start()
                end = line.start() + len(content)
            elif start is not None:
                paragraphs.append(Paragraph(len(paragraphs), start, end, text[start:end]))
                start = None
        if start is not None:
            paragraphs.append(Paragraph(len(paragraphs), start, end, text[start:end]))
        return cls(text, tuple(paragraphs))

    @cached_property
    def headline(self) -> Paragraph | None:
        """The first paragraph when it looks like a title: one short line, no final period."""
        if self.paragraphs:
            first = self.paragraphs[0]
            title = first.text.rstrip()
            ends_like_a_sentence = title.endswith(".") and not title.endswith("...")
            if first.is_single_line and len(title) <= _HEADLINE_MAX_CHARS and not ends_like_a_sentence:
                return first
        return None

    @cached_property
    def speech(self) -> frozenset[int]:
        """Indexes of the paragraphs that are someone's own words, though unquoted.

        A paragraph opening with a dialogue dash or a speaker's label (« – Je… »,
        « BRUNO LE MAIRE. - … », « Claire Martin : … », « Q : … ») is speech.  In an
        interview (« Propos recueillis par », or two such paragraphs) everything from
        the first question or answer on is; in an op-ed (« TRIBUNE. », a byline
        « Par Jean Martin, … ») all of it is.  The first paragraph (a title) is never.
        """
        labelled = [p.index for p in self.paragraphs[1:] if _SPEECH_OPENING.match(p.text)]
        if any(_OPINION.match(p.text) for p in self.paragraphs[:3]):
            return frozenset(p.index for p in self.paragraphs)
        if len(labelled) >= 2 or any(_INTERVIEW_CREDIT.match(p.text) for p in self.paragraphs):
            questions = [p.index for p in self.paragraphs if p.index and p.text.rstrip().endswith("?")]
            first = min(labelled + questions, default=None)
            if first is not None:
                return frozenset(p.index for p in self.paragraphs if p.index >= first)
        return frozenset(labelled)

    def separator_after(self, paragraph: Paragraph) -> str:
        """The line break and blank lines between ``paragraph`` and the next one."""
        following = paragraph.index + 1
        if following < len(self.paragraphs):
            return self.text[paragraph.end : self.paragraphs[following].start]
        return self.text[paragraph.end :]

    def line_break_after(self, paragraph: Paragraph) -> str:
        """The line break ending the paragraph's last line ('' at the end of the text)."""
        rest = self.text[paragraph.end : paragraph.end + 2]
        return "\r\n" if rest.startswith("\r\n") else rest[:1] if rest[:1] in ("\n", "\r") else ""

    def line_column(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a character offset."""
        line_starts = self._line_starts
        low, high = 0, len(line_starts) - 1
        while low < high:
            middle = (low + high + 1) // 2
            if line_starts[middle] <= offset:
                low = middle
            else:
                high = middle - 1
        return low + 1, offset - line_starts[low] + 1

    @cached_property
    def _line_starts(self) -> list[int]:
        return [match.start() for match in _LINE.finditer(self.text) if match.start() < len(self.text)] or [0]


# --- sentences -------------------------------------------------------------------

_ABBREVIATIONS = frozenset(
    """m mm mme mmes mlle mlles dr pr me mes mgr st ste av apr env etc cf ex p pp
    vol no n° art al éd ed coll chap fig min max tél jr sr vs op cit ibid""".split()
)
# End of a sentence: terminal punctuation, optional closing quotes or brackets,
# then white space and something that can start a sentence.
_SENTENCE_END = re.compile(
    r"(?P<stop>[.!?…]+)(?P<closing>[ \t\u00a0\u202f]*[»”\")\]]+)?"
    r"(?P<gap>[ \t\u00a0\u202f]*(?:\r\n|\n|\r)[ \t]*|[ \t\u00a0\u202f]+)"
    r"(?=[«“\"(\[\-–—]?[\s\u00a0\u202f]*[A-ZÀ-ÖØ-Þ0-9])"
)
_WORD_BEFORE = re.compile(r"([\w°]+)$")


def split_sentences(text: str) -> list[Span]:
    """Split a paragraph into sentences (French punctuation and abbreviations aware).

    Each span covers the sentence and its closing punctuation, not the white space
    around it (an indented paragraph's first sentence starts at its first letter).
    """
    spans: list[Span] = []
    start = len(text) - len(text.lstrip())
    for end in _SENTENCE_END.finditer(text, start):
        if end.group("stop") == "." and _is_abbreviation(text, end.start()):
            continue
        stop = end.end("closing") if end.group("closing") else end.end("stop")
        spans.append(Span(start, stop))
        start = end.end()
    rest = text[start:]
    if rest.strip():
        spans.append(Span(start, start + len(rest.rstrip())))
    return spans


def _is_abbreviation(text: str, period: int) -> bool:
    word = _WORD_BEFORE.search(text, max(0, period - 12), period)
    if not word:
        return False
    token = word.group(1)
    return token.lower() in _ABBREVIATIONS or (len(token) == 1 and token.isupper())


# --- quotations ------------------------------------------------------------------

_QUOTE_MARK = re.compile(r"[«»“”\"]")


def quoted_spans(text: str) -> list[Span]:
    """Spans of a paragraph that are quoted speech, quotation marks included.

    Handles « », “ ” and straight quotes, whose role (opening or closing) is read from
    the characters around them.  A closing mark with no opening one means the quote
    began in an earlier paragraph: everything before it is quoted.  An opening mark
    never closed runs to the end of the paragraph.
    """
    spans: list[Span] = []
    open_at: int | None = None
    last_end = 0
    for mark in _QUOTE_MARK.finditer(text):
        position = mark.start()
        role = _role(text, position)
        if role == "open" or (role == "either" and open_at is None):
            if open_at is None:
                open_at = position
        elif open_at is not None:
            spans.append(Span(open_at, position + 1))
            last_end, open_at = position + 1, None
        else:
            spans.append(Span(last_end, position + 1))
            last_end = position + 1
    if open_at is not None:
        spans.append(Span(open_at, len(text)))
    return spans


def _role(text: str, position: int) -> str:
    """'open', 'close' or 'either' for the quotation mark at ``position``."""
    mark = text[position]
    if mark in "«“":
        return "open"
    if mark in "»”":
        return "close"
    before = text[position - 1] if position else " "
    after = text[position + 1] if position + 1 < len(text) else " "
    opens_after_space = before.isspace() or before in "([«'’-—–"
    closes_before_space = after.isspace() or after in ".,;:!?)]»…"
    if opens_after_space and not closes_before_space:
        return "open"
    if closes_before_space and not opens_after_space:
        return "close"
    return "either"
