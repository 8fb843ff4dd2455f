"""The ``duplicate-headline`` matcher: a paragraph repeating the article's headline."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

from ...regex_cache import cached_compile
from .base import Context, Match

if TYPE_CHECKING:
    from ..rules import Rule


def repeats_headline(headline: str, paragraph: str, similarity: float) -> bool:
    """Whether a paragraph repeats the headline, ignoring case, spacing and quote styles.

    A near copy (``similarity`` of characters) repeats it only when it adds no word of
    its own: « … a commencé lundi … » after « … a commencé … » is a lede, not a repeat;
    unless it is a title line itself (no sentence in it) with a word or two changed
    (« va accueillir » for « accueillera »), a little less alike.  A label before the
    copy (« Titre : ») is no word of its own.
    """
    if 2 * min(len(headline), len(paragraph)) < 0.5 * (len(headline) + len(paragraph)):
        return False  # far apart in length: no need to fold them
    a, b = _fold(headline), _LABEL.sub("", _fold(paragraph))
    if a == b:
        return True
    if similarity >= 1.0 or 2 * min(len(a), len(b)) < similarity * (len(a) + len(b)):
        return False  # the lengths alone rule out the required similarity
    added = set(_WORD.findall(b)) - set(_WORD.findall(a))
    if not added:
        return SequenceMatcher(None, a, b, autojunk=False).ratio() >= similarity
    retitled = len(added) <= _RETITLED_WORDS and _SENTENCE_MARK.search(paragraph.strip()) is None
    return retitled and SequenceMatcher(None, a, b, autojunk=False).ratio() >= similarity - _RETITLED_SLACK


class DuplicateHeadline:
    """Matches a whole paragraph (as written) that repeats the headline."""

    needs_pattern = False
    placement = ("paragraph", "delete-paragraph")
    follows_headline = True

    def find(self, rule: Rule, text: str, context: Context) -> Iterator[Match]:
        headline = context.document.headline
        if headline is not None and repeats_headline(headline.text, text, rule.spec.similarity):
            yield Match(0, len(text), text, {}, {})


MATCHER = DuplicateHeadline()

_WORD = cached_compile(r"\w+")
_LABEL = cached_compile(r"^(?:titre|title|headline|gros titre)\s*:\s*")  # (folded: lower case)
_SENTENCE_MARK = cached_compile(r"[.!?…]")  # a title line has none
_RETITLED_WORDS = 2  # the most words a title line may change and still repeat the headline
_RETITLED_SLACK = 0.1  # how much less alike it may then be
# apostrophes, quotation marks and spaces of every Latin-script typography
_FOLDS = str.maketrans({"’": "'", "‘": "'", "«": '"', "»": '"', "“": '"', "”": '"', "\u00a0": " ", "\u202f": " "})


def _fold(text: str) -> str:
    folded = unicodedata.normalize("NFC", text).translate(_FOLDS).casefold()
    return re.sub(r"\s+", " ", folded).strip(" .!?…:;")
