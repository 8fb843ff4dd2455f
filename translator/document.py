"""The document model: paragraphs, sentences and quotations of a plain-text article.

A document is a sequence of lines.  A paragraph is a run of non-blank lines; blank
lines separate paragraphs.  Offsets are character offsets into the original text,
so every later stage can report exactly where something was found.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache

from .lang import DEFAULT_LANGUAGE, LanguageProfile, profile
from .regex_cache import cached_compile

_LINE = cached_compile(r"[^\r\n]*(?:\r\n|\n|\r|$)")
# « - Une enquête ouverte - »: an AFP sub-heading, not a dialogue dash
_SUB_HEADING = cached_compile(r"\s*[-–—]\s+[^\n]{1,150}?\s[-–—]\s*$")
_WORDS = cached_compile(r"[^\W\d_]{2,}")
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
    lang: LanguageProfile = field(compare=False, repr=False)

    @classmethod
    def parse(cls, text: str, lang: LanguageProfile | None = None) -> Document:
        """Split ``text`` into paragraphs; ``lang`` (French by default) reads its speech and genre.

        The stages that read the same text (clean, translate, check, report, review) share
        one parse: the last few documents are kept, with what they worked out."""
        return _parse(text, lang or profile(DEFAULT_LANGUAGE))

    @classmethod
    def _split(cls, text: str, lang: LanguageProfile) -> Document:
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
        return cls(text, tuple(paragraphs), lang)

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
        « BRUNO LE MAIRE. - … », « Claire Martin : … », « Q : … ») is speech; an AFP
        sub-heading (« - Une enquête ouverte - ») is not.  In an interview (« Propos
        recueillis par », two such paragraphs, question paragraphs put to « vous », or two
        short questions each answered by the paragraph after)
        everything from the first question or answer on is; in a first-person genre (an
        op-ed, a column, a letter: its label, a byline « Par Jean Martin, … », a
        salutation or a signature) all of it is; so are first-person paragraphs that go
        on a quotation left open, or carry a speech tag without quotation marks (« On a
        souffert, a dit Mathis Roussel. Je suis content pour le groupe. »).  The first paragraph (a title) is never.
        """
        if self.is_first_person_genre:
            return frozenset(p.index for p in self.paragraphs)
        lang = self.lang
        tagged = {p.index for p in self.paragraphs[1:] if lang.speech_tag.search(p.text) and lang.first_person.search(p.text)}
        return self._interview_or_labelled() | self._quotation_carried_over() | tagged

    def _interview_or_labelled(self) -> frozenset[int]:
        lang = self.lang
        labelled = [p.index for p in self.paragraphs[1:] if lang.speech_opening.match(p.text) and not _SUB_HEADING.match(p.text)]
        # questions standing as paragraphs (a repeated headline is none: it will go)
        headline = self.paragraphs[0].text.strip() if self.paragraphs else ""
        questions = [
            p.index for p in self.paragraphs[1:] if p.text.rstrip().endswith("?") and p.text.strip() != headline
        ]
        put_to_you = any(lang.question_to_you.fullmatch(self.paragraphs[i].text) for i in questions)
        # short questions of a few words, each answered by a paragraph of a few words
        asked = [
            i for i in questions
            if len(self.paragraphs[i].text) <= 160 and len(_WORDS.findall(self.paragraphs[i].text)) >= 3
            and i + 1 < len(self.paragraphs) and i + 1 not in questions
            and len(_WORDS.findall(self.paragraphs[i + 1].text)) >= 3
        ]
        if (
            len(labelled) >= 2
            or (len(questions) >= 2 and put_to_you)
            or len(asked) >= 2
            or any(lang.interview_credit.match(p.text) for p in self.paragraphs)
        ):
            first = min(labelled + questions, default=None)
            if first is not None:
                return frozenset(p.index for p in self.paragraphs if p.index >= first)
        return frozenset(labelled)

    def _quotation_carried_over(self) -> frozenset[int]:
        """Paragraphs inside a quotation opened earlier and not closed (« Au début, je
        pensais… / Puis j’ai découvert… »): speech while they speak in the first person."""
        carried: set[int] = set()
        open_quote = False
        for paragraph in self.paragraphs[1:]:
            if open_quote and not _QUOTE_MARK.search(paragraph.text) and self.lang.first_person.search(paragraph.text):
                carried.add(paragraph.index)
                continue
            spans = quoted_spans(paragraph.text)
            text = paragraph.text.rstrip()
            open_quote = bool(spans) and spans[-1].end >= len(text) and text[-1:] not in "»”\""
        return frozenset(carried)

    @cached_property
    def is_first_person_genre(self) -> bool:
        """An op-ed, a column, a letter or a reportage: it says so (a label, « envoyé
        spécial »), is signed, or opens with a salutation."""
        lang = self.lang
        if any(lang.opinion.match(p.text) or lang.reporter.search(p.text[:200]) for p in self.paragraphs[:3]):
            return True
        body = self.paragraphs[1:]
        return bool(body) and (
            lang.salutation.match(body[0].text) is not None
            or (len(body) > 1 and len(body[-1].text) <= 80 and _layout(lang).signature.match(body[-1].text) is not None)
        )

    @cached_property
    def is_in_first_person(self) -> bool:
        """Whether the writer speaks as « je » throughout: a letter, a column, a reportage.

        Counted on body sentences outside quotations and speech: three or more in two
        paragraphs or more, in the first person and not shaped as a framing with the
        writer as subject (« je … que », « je … : », which a bot injects).  A « nous »
        with its verb counts too (« Nous refusons… »: a collective op-ed, a reportage).
        """
        paragraphs = set()
        count = 0
        first_person = self.lang.first_person
        for paragraph in self.paragraphs[1:]:
            if paragraph.index in self.speech or not first_person.search(paragraph.text):
                continue
            unquoted = without_quotations(paragraph.text)
            for sentence in split_sentences(paragraph.text, self.lang):
                text = paragraph.text[sentence.start : sentence.end]
                own = unquoted[sentence.start : sentence.end]
                if first_person.search(own) and not self.lang.framing_shape.match(text):
                    count += 1
                    paragraphs.add(paragraph.index)
        return count >= 3 and len(paragraphs) >= 2

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


@dataclass(frozen=True, slots=True)
class _Layout:
    """A language's patterns of page layout, built from its letters."""

    sentence_end: re.Pattern[str]
    signature: re.Pattern[str]  # a signature closing a letter: « Bernard T., Tours », « Marie-Claude Dupuis, Lille (59) »


@cache
def _layout(lang: LanguageProfile) -> _Layout:
    upper, lower = lang.capitals, lang.lower_case
    # End of a sentence: terminal punctuation, optional closing quotes or brackets,
    # then white space and something that can start a sentence.  Linear on any input: a
    # match starts only at the first mark of a run (« !!!… »), and no run of marks or
    # spaces is given back, since a shorter one could never be followed by what must come.
    sentence_end = cached_compile(
        r"(?<![.!?…])(?P<stop>[.!?…]++)(?P<closing>[ \t\u00a0\u202f]*+[»”\")\]]++)?"
        # (or nothing, before a timestamp glued to the full stop: « … 81 kg.2023-05-10 19:31 »,
        # or before a sentence glued to a word's full stop: « …le syndicat.Souhaitez-vous… »)
        r"(?P<gap>[ \t\u00a0\u202f]*+(?:\r\n|\n|\r)[ \t]*+|[ \t\u00a0\u202f]++"
        rf"|(?=\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}/\d{{1,2}}/\d{{4}}|(?:{lang.timestamp_labels})\b)"
        rf"|(?=(?<=[{lower}]{{3}}[.!?])[{upper}][{lower}]{{2}}))"
        rf"(?=[«“\"(\[\-–—|]?[\s\u00a0\u202f]*+[{upper}0-9])"
    )
    signature = cached_compile(
        rf"\s*[{upper}][\w’'-]+(?:\s+(?:[{upper}]\.|[{upper}][\w’'-]+)){{1,3}},\s*[{upper}][\w’' -]{{1,40}}(?:\s*\(\d{{2,3}}\))?\.?\s*$"
    )
    return _Layout(sentence_end, signature)


_WORD_BEFORE = cached_compile(r"([\w°]+)$")



@lru_cache(maxsize=16)
def _parse(text: str, lang: LanguageProfile) -> Document:
    return Document._split(text, lang)

def split_sentences(text: str, lang: LanguageProfile | None = None) -> list[Span]:
    """Split a paragraph into sentences (aware of the punctuation and abbreviations of
    ``lang``, French by default).

    Each span covers the sentence and its closing punctuation, not the white space
    around it (an indented paragraph's first sentence starts at its first letter).
    """
    spans: list[Span] = []
    lang = lang or profile(DEFAULT_LANGUAGE)
    start = len(text) - len(text.lstrip())
    for end in _layout(lang).sentence_end.finditer(text, start):
        if end.group("stop") == "." and _is_abbreviation(text, end.start(), lang):
            continue
        stop = end.end("closing") if end.group("closing") else end.end("stop")
        spans.append(Span(start, stop))
        start = end.end()
    rest = text[start:]
    if rest.strip():
        spans.append(Span(start, start + len(rest.rstrip())))
    return spans


def _is_abbreviation(text: str, period: int, lang: LanguageProfile) -> bool:
    word = _WORD_BEFORE.search(text, max(0, period - 12), period)
    if not word:
        return False
    token = word.group(1)
    if token.lower() in lang.number_abbreviations:
        return text[period + 1 : period + 3].strip()[:1].isdigit()
    return token.lower() in lang.abbreviations or (len(token) == 1 and token.isupper())


# --- quotations ------------------------------------------------------------------

_QUOTE_MARK = cached_compile(r"[«»“”\"]")


@lru_cache(maxsize=256)
def quoted_spans(text: str) -> tuple[Span, ...]:
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
    return tuple(spans)


@lru_cache(maxsize=256)
def without_quotations(text: str) -> str:
    """A paragraph with its quotations blanked out by spaces (offsets unchanged)."""
    return _blank_out(text, quoted_spans(text))


def _blank_out(text: str, spans: tuple[Span, ...]) -> str:
    parts, position = [], 0
    for span in spans:
        parts += [text[position : span.start], " " * (span.end - span.start)]
        position = span.end
    return "".join(parts) + text[position:]


def _role(text: str, position: int) -> str:
    """'open', 'close' or 'either' for the quotation mark at ``position``."""
    mark = text[position]
    if mark in "«“" or (mark == "»" and not text[:position].strip()):
        return "open"  # « » » opening a paragraph goes on a quotation (French usage)
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
