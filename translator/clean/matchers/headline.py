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
# apostrophes, quotation marks and spaces of every Latin-script typography
_FOLDS = str.maketrans({"’": "'", "‘": "'", "«": '"', "»": '"', "“": '"', "”": '"', "\u00a0": " ", "\u202f": " "})


def _fold(text: str) -> str:
    folded = unicodedata.normalize("NFC", text).translate(_FOLDS).casefold()
    return re.sub(r"\s+", " ", folded).strip(" .!?…:;")
