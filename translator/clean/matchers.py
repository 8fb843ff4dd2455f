"""Rule matching: where a rule's matcher fires in a piece of text."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from ..document import Span
from ..regex_cache import cached_compile
from .rules import Rule


@dataclass(frozen=True, slots=True)
class Match:
    """A pattern match: its span in the text it was searched in, and its named groups."""

    start: int
    end: int
    text: str
    groups: dict[str, Span]
    group_texts: dict[str, str]


def find_matches(rule: Rule, text: str, quoted: Sequence[Span] = ()) -> Iterator[Match]:
    """Matches of a pattern rule in ``text``.

    A match that starts inside quoted speech is skipped unless the rule says
    ``inside_quotes``; a match overlapped by one of the rule's ``unless`` patterns
    (antipatterns) is skipped too.
    """
    assert rule.regex is not None, f"rule {rule.id} has no pattern"
    antipatterns: list[Span] | None = None
    for found in rule.regex.finditer(text):
        if found.start() == found.end():
            continue
        if not rule.inside_quotes and any(found.start() in quote for quote in quoted):
            continue
        if rule.antipatterns:
            if antipatterns is None:
                antipatterns = [Span(m.start(), m.end()) for p in rule.antipatterns for m in p.finditer(text)]
            if any(a.start < found.end() and found.start() < a.end for a in antipatterns):
                continue
        texts = {name: value for name, value in found.groupdict().items() if value is not None}
        groups = {name: Span(found.start(name), found.end(name)) for name in texts}
        yield Match(found.start(), found.end(), found.group(), groups, texts)


def repeats_headline(headline: str, paragraph: str, similarity: float) -> bool:
    """Whether a paragraph repeats the headline, ignoring case, spacing and quote styles.

    A near copy (``similarity`` of characters) repeats it only when it adds no word of
    its own: « … a commencé lundi … » after « … a commencé … » is a lede, not a repeat.
    """
    if 2 * min(len(headline), len(paragraph)) < 0.5 * (len(headline) + len(paragraph)):
        return False  # far apart in length: no need to fold them
    a, b = _fold(headline), _fold(paragraph)
    if a == b:
        return True
    if similarity >= 1.0 or 2 * min(len(a), len(b)) < similarity * (len(a) + len(b)):
        return False  # the lengths alone rule out the required similarity
    if set(_WORD.findall(b)) - set(_WORD.findall(a)):
        return False
    return SequenceMatcher(None, a, b, autojunk=False).ratio() >= similarity


_WHOLE_QUOTE = cached_compile(r"^\s*[«“\"](?P<quote>[^«»“”\"]+)[»”\"]\s*$")
# a speaker inside the quotation (« …, a-t-il dit, … », « selon lui »); « selon les premiers
# bilans » is the story's own sourcing, which a pull quote repeats
_ATTRIBUTION = cached_compile(
    r"-(?:t-)?(?:il|elle|ils|elles|on)\b|\b(?:selon|d['’]après)\s+(?:lui|elle|eux|elles|moi|nous|vous)\b", re.IGNORECASE
)
_SPEAKER_PRONOUN = cached_compile(
    r"\b(?:je|j['’]|me|m['’]|moi|mon|ma|mes|nous|notre|nos|vous|votre|vos|tu|te|ton|ta|tes)\b", re.IGNORECASE
)
_CONTENT_WORD = cached_compile(r"[^\W\d_]{4,}")
_MIN_CONTENT_WORDS = 5


def find_pull_quote(paragraph: str, article: str, overlap: float) -> Match | None:
    """A paragraph that is only an unattributed quotation echoing the article.

    Call it on the paragraph that opens the body.  The quote reads as a news
    statement (no speaker: no attribution, no first or second person), carries at
    least five content words, and at least ``overlap`` of them (compared by their
    first five letters) occur elsewhere in ``article``.  Quotations of real speech
    and quoted sub-headings do not qualify.
    """
    whole = _WHOLE_QUOTE.match(paragraph)
    if not whole or _ATTRIBUTION.search(whole.group("quote")) or _SPEAKER_PRONOUN.search(whole.group("quote")):
        return None
    words = {w.casefold()[:5] for w in _CONTENT_WORD.findall(whole.group("quote"))}
    if len(words) < _MIN_CONTENT_WORDS:
        return None
    elsewhere = {w.casefold()[:5] for w in _CONTENT_WORD.findall(article)}
    if len(words & elsewhere) / len(words) < overlap:
        return None
    span = Span(whole.start("quote"), whole.end("quote"))
    return Match(whole.start(), whole.end(), whole.group(), {"quote": span}, {"quote": whole.group("quote")})


_WORD = cached_compile(r"\w+")
_FOLDS = str.maketrans({"’": "'", "‘": "'", "«": '"', "»": '"', "“": '"', "”": '"', "\u00a0": " ", "\u202f": " "})


def _fold(text: str) -> str:
    folded = unicodedata.normalize("NFC", text).translate(_FOLDS).casefold()
    return re.sub(r"\s+", " ", folded).strip(" .!?…:;")
