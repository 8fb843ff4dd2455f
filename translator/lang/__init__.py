"""Language profiles: what the generic code needs to know about an article's language.

A profile holds a language's function words (to recognise it), the patterns that
tell an article's genre and its speech apart (interviews, op-eds, speech tags, the
writer's first person), its abbreviations and pronouns.  ``translator/lang/<code>.py``
defines ``PROFILE``; :func:`profile` imports it on first use.  Adding a language is
adding that module (and its rules under ``rules/<code>/``).
"""

from __future__ import annotations

import importlib
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ..errors import TranslatorError

DEFAULT_LANGUAGE = "fr"


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: one instance per language
class LanguageProfile:
    """A language's words and patterns, compiled once, for the document model and the cleaner."""

    code: str  # ISO 639-1, as in rules/<code>/ and <html lang>
    name: str
    stopwords: frozenset[str]  # frequent function words proper to the language, lower case
    capitals: str  # a character class's body: the language's capital letters
    lower_case: str  # a character class's body: its lower-case letters
    # -- genres and speech (see Document.speech) --
    speech_opening: re.Pattern[str]  # a paragraph opening with a dialogue dash or a speaker's label
    interview_credit: re.Pattern[str]  # « Propos recueillis par »
    opinion: re.Pattern[str]  # an op-ed's label or byline
    speech_tag: re.Pattern[str]  # « …, a-t-il dit » after unquoted words
    question_to_you: re.Pattern[str]  # an interviewer's question standing as a paragraph
    reporter: re.Pattern[str]  # a reportage's byline or dateline
    salutation: re.Pattern[str]  # a letter's opening
    first_person: re.Pattern[str]  # the writer's own « je »
    framing_shape: re.Pattern[str]  # a sentence shaped as a framing with the writer as subject
    # -- sentences --
    abbreviations: frozenset[str]  # lower case, without their period
    number_abbreviations: frozenset[str]  # abbreviations only before a number (« p. 12 »)
    timestamp_labels: str  # regex alternation: words opening a timestamp glued to a full stop
    # -- quotations --
    attribution: re.Pattern[str]  # a speaker inside a quotation (« a-t-il dit », « selon lui »)
    speaker_pronouns: re.Pattern[str]  # first and second person: someone speaking
    elision: re.Pattern[str]  # an elided article or pronoun opening a word (« l' », « qu' »)


@cache
def language_code(code: str) -> str:
    """A language as the tool names it: ``EN``, ``en-US`` and ``en_GB`` are ``en``."""
    return code.strip().replace("_", "-").split("-")[0].lower()


def languages() -> tuple[str, ...]:
    """The codes of the languages with a profile."""
    return tuple(sorted(p.stem for p in Path(__file__).parent.glob("*.py") if p.stem != "__init__"))


@cache
def profile(code: str) -> LanguageProfile:
    """The profile of language ``code`` (``fr``, ``en``…)."""
    if code not in languages():
        raise TranslatorError(f"unknown language {code!r}: known languages are {', '.join(languages())}")
    return importlib.import_module(f"{__name__}.{code}").PROFILE


_SAMPLE_CHARS = 1000


def detect_language(text: str) -> str:
    """The language of an article (French or English): the one whose function words
    occur most often among the words of its first thousand characters (a tie, or no such
    word at all, is French): some microseconds."""
    counts = Counter(map(_function_words().get, text[:_SAMPLE_CHARS].lower().split()))
    best = max(languages(), key=lambda code: counts[code])
    return DEFAULT_LANGUAGE if counts[best] == counts[DEFAULT_LANGUAGE] else best


@cache
def _function_words() -> dict[str, str]:
    """Each language's function words, to the language (the lists share none)."""
    return {word: code for code in languages() for word in profile(code).stopwords}
