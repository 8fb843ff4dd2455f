"""Grammar and style QA with LanguageTool (``language-tool-python``): its matches as
:class:`~translator.diagnostics.Diagnostic` (source ``qa``).

:class:`QAChecker` checks texts with the LanguageTool that
:func:`~translator.qa.languagetool.find_languagetool` found.  Each language is probed
once per run: a language the server does not offer, or whose rules fail to load, is one
:class:`QAUnavailable`, not a traceback.  Spelling findings on known words (glossary
names and each part of a hyphenated one, the rules' word lists) are dropped; a word in
capitals is known when its name is.

Where a finding is: ``start``/``end`` are character offsets in the checked text (LanguageTool
counts UTF-16 units, as Java does; language_tool_python turns offsets into characters but not
lengths, so the end is counted here); ``paragraph`` and ``sentence`` are 0-based indexes in
``Document.parse(text)``; ``Document.parse(text).line_column(start)`` gives line and column.

How serious: LanguageTool's issue types of style and typography (``style``, ``register``,
``typographical``, ``whitespace``, ``formatting``) are ``info``; every other one
(``misspelling``, ``grammar``, ``duplication``, ``uncategorized``…) is a ``warning``.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable, Iterable
from contextlib import ExitStack
from functools import partial

from ..clean.rules import RuleSet
from ..diagnostics import Diagnostic, Level, Located, Source
from ..document import Document, split_sentences
from ..lang import LanguageProfile, languages, profile
from ..translate.glossary import Glossary
from .languagetool import (
    REQUEST_DEADLINE,
    Answer,
    LanguageToolSource,
    QAUnavailable,
    answer_within,
    find_languagetool,
    library_failures,
    pinned_ltp_path,
    short_reason,
)

MAX_SUGGESTIONS = 5
# "en" alone has no spell checker in LanguageTool; its variants do.
_VARIANTS = {"en": "en-US"}
_PROBE_TEXT = "Test."
_SPELLING_RULE = re.compile(r"^(?:MORFOLOGIK_RULE_|HUNSPELL_)|_SPELL(?:ER|ING)_RULE$")
_STYLE_ISSUES = frozenset({"style", "register", "typographical", "whitespace", "formatting"})
_NAME_PARTS = re.compile(r"[\s\-‐‑]+")  # « Abdel Fattah al-Sissi »: « al-Sissi », « al » and « Sissi » too
# What reading JSON of another shape than LanguageTool's raises, in language_tool_python or here
_UNEXPECTED_SHAPE = (KeyError, TypeError, AttributeError, IndexError, ValueError)
_MATCH_FIELDS = {"offset": int, "error_length": int, "message": str, "rule_id": str, "rule_issue_type": str, "category": str}


class QAChecker:
    """One LanguageTool for the run: ``with QAChecker(find_languagetool()) as qa: qa.check(text, "fr")``.

    A local server is started on entering and stopped on leaving.  A request to a server
    that has not answered after ``deadline`` seconds, or that answered something other
    than LanguageTool's JSON, is a :class:`QAUnavailable`, and the server is not asked again.
    """

    def __init__(self, source: LanguageToolSource, *, known_words: Iterable[str] = (), deadline: float = REQUEST_DEADLINE) -> None:
        self.source = source
        self.deadline = deadline
        self._known = {_word_key(part) for word in known_words for part in (word, *word.split(), *_NAME_PARTS.split(word)) if part.strip()}
        self._known_in_capitals = {key.upper() for key in self._known}
        self._tool = None
        self._stack = ExitStack()
        self._language: str | None = None
        self._usable: set[str] = set()
        self._unusable: dict[str, str] = {}
        self._gone: str | None = None  # why the server stopped answering: no more requests to it

    def __enter__(self) -> QAChecker:
        from language_tool_python import LanguageTool

        with ExitStack() as stack:
            if self.source.kind == "remote":
                options = {"remote_server": self.source.url}
                failure = f"{self.source.description} cannot be used"
            else:
                stack.enter_context(pinned_ltp_path(self.source.path))
                # the installed version; for a download source, the library's default one
                options = {"language_tool_download_version": self.source.version}
                failure = f"{self.source.description}: the server did not start"
            construct = partial(LanguageTool, "auto", **options)  # asks the server for its languages
            with library_failures(failure):  # a local server is not left starting after a deadline: it would keep running
                self._tool = self._ask(construct, deadline=self.source.kind == "remote")
            stack.callback(self._tool.close)  # stops a local server
            self._stack = stack.pop_all()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop a local server (nothing to do for a remote one)."""
        self._stack.close()
        self._tool = None

    def check(self, text: str, lang: str, located_in: Located | None = None) -> list[Diagnostic]:
        """LanguageTool's findings on ``text`` in ``lang`` (``fr``, ``en``, ``en-GB``…), known words spared.

        ``located_in`` names the text checked; by default French is the cleaned article and
        any other language its translation."""
        if self._tool is None:
            raise RuntimeError("QAChecker.check() outside 'with QAChecker(...)'")
        if self._gone is not None:
            raise QAUnavailable(self._gone)
        self._use(lang)
        try:
            with library_failures(f"{self.source.description} failed to check {lang}"):
                matches = self._ask(lambda: _in_shape(self._tool.check(text), text))
        except QAUnavailable as problem:
            if _unreachable(problem.__context__):
                raise self._stopped_answering(problem.__context__) from None
            raise
        if located_in is None:
            located_in = Located.CLEANED if lang.lower().split("-")[0] == "fr" else Located.TRANSLATION
        language = _profile(lang)
        document = Document.parse(text, language)
        findings = []
        for match in matches:
            end = _end(text, match)
            if not (_is_spelling(match) and self._is_known(text[match.offset : end], lang)):
                findings.append(_diagnostic(document, match, end, located_in))
        return findings

    def _use(self, lang: str) -> None:
        """Switch to ``lang``, probing it on first use; an unusable language is remembered."""
        from language_tool_python.exceptions import LanguageToolError

        variant = _VARIANTS.get(lang.lower(), lang)
        if variant in self._unusable:
            raise QAUnavailable(self._unusable[variant])
        if variant == self._language:
            return
        self._language = None
        try:
            if not self._ask(partial(_switch_language, self._tool, variant)):  # asks the server for its languages
                self._unusable[variant] = f"{self.source.description} does not offer language {variant!r}"
            elif variant not in self._usable:
                self._ask(partial(self._tool.check, _PROBE_TEXT))  # the language's rules load here
        except (LanguageToolError, OSError) as error:  # e.g. HTTP 500 "Could not activate rules"; no answer in time
            if _unreachable(error):
                raise self._stopped_answering(error) from None
            # the answer is LanguageTool's words (with its own guess at the language, "detected: de-DE")
            self._unusable[variant] = f"{self.source.description} cannot check {variant}; LanguageTool answered: {short_reason(error)}"
        if variant in self._unusable:
            raise QAUnavailable(self._unusable[variant])
        self._usable.add(variant)
        self._language = variant

    def _ask(self, request: Callable[[], Answer], *, deadline: bool = True) -> Answer:
        """``request()``, within the deadline unless told otherwise; an answer of another
        shape than LanguageTool's is a QAUnavailable, and the end of requests in this run."""
        try:
            return answer_within(self.deadline, request) if deadline else request()
        except _UNEXPECTED_SHAPE as error:
            raise self._answered_unexpectedly(error) from None

    def _stopped_answering(self, error: BaseException) -> QAUnavailable:
        """The server is gone: said once, and not asked again in this run."""
        self._gone = f"{self.source.description} stopped answering ({short_reason(error)}): restart it and check again"
        return QAUnavailable(self._gone)

    def _answered_unexpectedly(self, error: BaseException) -> QAUnavailable:
        """JSON of another shape than LanguageTool's (``{}``, a list, a match missing fields…):
        said once, and not asked again in this run."""
        self._gone = (f"LanguageTool answered something unexpected ({type(error).__name__}: {short_reason(error)}): "
                      f"{self.source.description} is not asked again in this run")
        return QAUnavailable(self._gone)

    def _is_known(self, flagged: str, lang: str = "fr") -> bool:
        """A known word, or one after an elided article of ``lang`` (« l'OTAN »); a word in
        capitals (« LOUKACHENKO ») is compared ignoring case, a lower-case one is not."""
        word = _normal(flagged)
        language = _profile(lang)
        words = (word, language.elision.sub("", word, count=1)) if language is not None else (word,)
        return any(_word_key(word) in self._known or (word.isupper() and word in self._known_in_capitals) for word in words)


def _unreachable(error: BaseException | None) -> bool:
    """A failure to reach the server at all (refused, reset, timed out), not an answer from it."""
    from requests.exceptions import ConnectionError as NoConnection
    from requests.exceptions import Timeout

    unreachable = (NoConnection, Timeout, ConnectionError, TimeoutError)
    return isinstance(error, unreachable) or (error is not None and isinstance(error.__cause__, unreachable))


def _switch_language(tool, variant: str) -> bool:
    """Set the language of ``tool`` (after asking the server for its languages); False when it does not offer it."""
    try:
        tool.language = variant
    except ValueError:  # what language_tool_python raises for a language not on the server's list
        return False
    return True


def _in_shape(matches: list, text: str) -> list:
    """``matches``, unless one lacks what a finding is made of, of the right types, within ``text`` (TypeError)."""
    for match in matches:
        for name, kind in _MATCH_FIELDS.items():
            value = getattr(match, name, None)
            if not isinstance(value, kind) or isinstance(value, bool):
                raise TypeError(f"a match whose {name} is {value!r:.40}")
        if not 0 <= match.offset <= len(text) or match.error_length < 0:
            raise TypeError(f"a match at offset {match.offset}, length {match.error_length}, in a text of {len(text)} characters")
        if not isinstance(match.replacements, list) or not all(isinstance(value, str) for value in match.replacements):
            raise TypeError("a match whose replacements are not texts")
    return matches


def _profile(lang: str) -> LanguageProfile | None:
    """The language profile of a LanguageTool code (``en-GB`` → English), if there is one."""
    code = lang.lower().split("-")[0]
    return profile(code) if code in languages() else None


def _normal(word: str) -> str:
    """NFC, one apostrophe, single spaces."""
    word = re.sub(r"\s+", " ", unicodedata.normalize("NFC", word)).strip()
    return re.sub(r"[’‘ʼ`´]", "'", word)


def _word_key(word: str) -> str:
    """How words are compared: :func:`_normal`, first letter in lower case."""
    word = _normal(word)
    return word[:1].lower() + word[1:]


def _is_spelling(match) -> bool:
    return match.rule_issue_type == "misspelling" or bool(_SPELLING_RULE.search(match.rule_id))


def _end(text: str, match) -> int:
    """Where a match ends: the library corrects offsets for characters outside the BMP
    (two UTF-16 units for LanguageTool), not lengths."""
    end = match.offset
    units = 0
    while end < len(text) and units < match.error_length:
        units += 2 if ord(text[end]) > 0xFFFF else 1
        end += 1
    return end


def _diagnostic(document: Document, match, end: int, located_in: Located) -> Diagnostic:
    paragraph, sentence = _paragraph_and_sentence(document, match.offset)
    return Diagnostic(
        rule_id=match.rule_id,
        level=Level.INFO if match.rule_issue_type in _STYLE_ISSUES else Level.WARNING,
        action=None,
        message=match.message,
        paragraph=paragraph,
        sentence=sentence,
        start=match.offset,
        end=end,
        original=document.text[match.offset : end],
        replacement=None,
        source=Source.QA,
        located_in=located_in,
        category=match.category,
        suggestions=tuple(match.replacements[:MAX_SUGGESTIONS]),
    )


def _paragraph_and_sentence(document: Document, offset: int) -> tuple[int | None, int | None]:
    """0-based indexes of the paragraph and sentence holding ``offset`` (the blank after a
    sentence is its own); none between paragraphs."""
    for paragraph in document.paragraphs:
        if paragraph.start <= offset < paragraph.end:
            later = split_sentences(paragraph.text, document.lang)[1:]
            return paragraph.index, sum(1 for sentence in later if sentence.start <= offset - paragraph.start)
    return None, None


# --- QA in a run, known words and reports -----------------------------------------------------


class QARun:
    """QA alongside clean, translate and run: LanguageTool when it is there; when it is
    not (or a language cannot be checked), the reports say QA was skipped and why, and
    the work goes on."""

    def __init__(self, url: str | None = None, *, known_words: Iterable[str] = ()) -> None:
        known_words = sorted(set(known_words))
        self.fingerprint = hashlib.sha256("\n".join(known_words).encode()).hexdigest()[:16]  # findings change with the known words
        self.skipped: str | None = None
        self._stack = ExitStack()
        try:
            self._checker: QAChecker | None = self._stack.enter_context(QAChecker(find_languagetool(url), known_words=known_words))
        except QAUnavailable as problem:
            self._checker, self.skipped = None, str(problem)

    def __enter__(self) -> QARun:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._stack.close()

    def check(self, text: str, lang: str, located_in: Located | None = None) -> tuple[list[Diagnostic], str | None]:
        """The findings (see :meth:`QAChecker.check`), or none and the reason QA was skipped for this text."""
        if self._checker is None:
            return [], self.skipped
        try:
            return self._checker.check(text, lang, located_in), None
        except QAUnavailable as problem:
            return [], str(problem)


def known_words_from(glossary: Glossary, rules: RuleSet | None = None) -> frozenset[str]:
    """Words not to report as misspelt: the glossary's forms and targets, and every
    form of the rules' word lists (kept by the rule set: no YAML is read again)."""
    words: set[str] = set(rules.words if rules is not None else ())
    for term in glossary.terms:
        words.update(term.forms)
        words.update(term.accepted)  # the target and its accepted alternatives
    return frozenset(words)
