"""English: recognised and parsed; no built-in rules yet (they would go in rules/en/)."""

from __future__ import annotations

import re

from ..regex_cache import cached_compile
from . import LanguageProfile

_UPPER = "A-ZÀ-ÖØ-Þ"

PROFILE = LanguageProfile(
    code="en",
    name="English",
    # frequent words French does not share
    stopwords=frozenset(
        """the of and to in is was for that with it its this these those by from at be been are were has have
        had will would not but or which who what when their they he she his her him them than there
        said says about after also could should into over more one our we you""".split()
    ),
    capitals=_UPPER,
    lower_case="a-zà-ÿ",
    speech_opening=cached_compile(
        rf"\s*(?:[–—]|-\s"  # a dialogue dash
        rf"|(?:Q|A|Question|Answer)\s*[.:]\s"  # Q: … / A: …
        # Jane Smith: I… (a sentence starts after the colon); not a label of the page
        rf"|(?!(?:Note|Update|Updated|Correction|Editor's note|Source|Sources|Photo|Read more|See also|Contact)\b)"
        rf"(?:[{_UPPER}][\w’'-]*\s){{0,3}}[{_UPPER}][\w’'-]*\s?:\s+[“\"]?\s?[{_UPPER}])"
    ),
    interview_credit=cached_compile(r"\s*\(?(?:interview\s+by|as\s+told\s+to|this\s+interview\s+has\s+been\s+edited)\b", re.IGNORECASE),
    opinion=cached_compile(
        r"\s*(?:opinion|op-ed|editorial|commentary|column|letter\s+to\s+the\s+editor|letters|analysis|blog)\b\s*(?:[.:|—–-]|$)"
        rf"|(?-i:\s*By\s+(?:Dr\.?\s+)?[{_UPPER}][\w’'-]+(?:\s+[{_UPPER}][\w’'.-]+)+\s*(?:,|$))",
        re.IGNORECASE,
    ),
    speech_tag=cached_compile(
        r"(?<![”\"])(?<![”\"][\s\u00a0]),\s+(?:(?:he|she|they|[A-Z][\w’'-]+)\s+(?:said|says|added|told|explained|insisted)"
        r"|(?:said|says|added|explained)\s+(?:the|a|his|her|[A-Z]))(?![\w’'-])"
    ),
    question_to_you=cached_compile(r"[^\n]*(?<![\w’'-])(?:you|your)(?![\w’'-])[^\n]*\?\s*", re.IGNORECASE),
    reporter=cached_compile(r"(?<![\w’'-])(?:special\s+correspondent|our\s+correspondent\s+in)(?![\w’'-])", re.IGNORECASE),
    salutation=cached_compile(r"\s*(?:dear|sir|madam)\b[^,.!?\n]{0,40},\s", re.IGNORECASE),
    first_person=cached_compile(
        r"(?<![\w’'-])(?:I|me|my|mine|My|I[’'](?:m|ve|ll|d))(?![\w’'-])"
        r"|(?<![\w’'-])[Ww]e\s+(?:are|have|were|will|must|can|believe|need|want|refuse)(?![\w’'-])"
    ),
    framing_shape=cached_compile(
        r"[^.!?:;“”\"]{0,40}?(?<![\w’'-])(?:I|I[’'](?:m|ve|d))(?![\w’'-])[^.!?:;“”\"]{0,100}?(?:\bthat\b|:(?!\s*[“\"]))"
    ),
    abbreviations=frozenset(
        """mr mrs ms dr prof st jr sr vs etc cf e.g i.e gen col lt sgt gov sen rep rev inc ltd co corp
        jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun""".split()
    ),
    number_abbreviations=frozenset("p pp vol no art ch fig min max".split()),
    timestamp_labels="Published|Updated|Posted|Last updated",
    attribution=cached_compile(r",\s+(?:he|she|they)\s+(?:said|says)\b|\baccording\s+to\s+(?:him|her|them|me|us)\b", re.IGNORECASE),
    speaker_pronouns=cached_compile(r"\b(?:I|me|my|we|us|our|you|your)\b", re.IGNORECASE),
    elision=cached_compile(r"^(?!)"),  # English elides no article into a word
)
