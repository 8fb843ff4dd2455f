"""The ``pull-quote`` matcher: the body opening with an unattributed quotation echoing the story."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ...document import Span
from ...lang import LanguageProfile
from ...regex_cache import cached_compile
from .base import Context, Match

if TYPE_CHECKING:
    from ..rules import Rule

_WHOLE_QUOTE = cached_compile(r"^\s*[«“\"](?P<quote>[^«»“”\"]+)[»”\"]\s*$")
_CONTENT_WORD = cached_compile(r"[^\W\d_]{4,}")
_MIN_CONTENT_WORDS = 5


def find_pull_quote(paragraph: str, article: str, overlap: float, lang: LanguageProfile) -> Match | None:
    """A paragraph that is only an unattributed quotation echoing the article.

    Call it on the paragraph that opens the body.  The quote reads as a news
    statement (no speaker: no attribution, no first or second person in ``lang``),
    carries at least five content words, and at least ``overlap`` of them (compared
    by their first five letters) occur elsewhere in ``article``.  Quotations of real
    speech and quoted sub-headings do not qualify.
    """
    whole = _WHOLE_QUOTE.match(paragraph)
    if not whole or lang.attribution.search(whole.group("quote")) or lang.speaker_pronouns.search(whole.group("quote")):
        return None
    words = {w.casefold()[:5] for w in _CONTENT_WORD.findall(whole.group("quote"))}
    if len(words) < _MIN_CONTENT_WORDS:
        return None
    elsewhere = {w.casefold()[:5] for w in _CONTENT_WORD.findall(article)}
    if len(words & elsewhere) / len(words) < overlap:
        return None
    span = Span(whole.start("quote"), whole.end("quote"))
    return Match(whole.start(), whole.end(), whole.group(), {"quote": span}, {"quote": whole.group("quote")})


class PullQuote:
    """Matches the paragraph opening the body; ``similarity`` is the share of words it echoes."""

    needs_pattern = False
    placement = ("paragraph", "flag")
    follows_headline = False

    def find(self, rule: Rule, text: str, context: Context) -> Iterator[Match]:
        if not context.leading or context.paragraph is None:
            return
        document = context.document
        others = "\n".join(p.text for p in document.paragraphs if p.index != context.paragraph.index)
        match = find_pull_quote(text, others, rule.spec.similarity, document.lang)
        if match is not None:
            yield match


MATCHER = PullQuote()
