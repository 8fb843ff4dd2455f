"""Grammar and style QA with LanguageTool (``language-tool-python``), never downloading behind
the editor's back.

Where LanguageTool comes from, in this order (:func:`find_languagetool`):

1. a running server: ``--languagetool URL`` or ``LANGUAGETOOL_URL``;
2. a local distribution, ``$LTP_PATH/LanguageTool-<version>/languagetool-server.jar``
   (``LTP_PATH`` defaults to language_tool_python's ``~/.cache/language_tool_python``),
   with ``java`` on PATH: its server is started once per run and stopped at exit;
3. language_tool_python's own download (about 250 MB), only when allowed
   (``--allow-download``), or beforehand with ``translator languagetool install``.

This is decided before ``LanguageTool`` is constructed, since constructing it downloads
whatever it does not find.  Each language is probed once per run: a language the server
does not offer, or whose rules fail to load, is one :class:`QAUnavailable`, not a traceback.
Spelling findings on known words (glossary names, the rules' word lists) are dropped.
"""

from __future__ import annotations

import os
import re
import shutil
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from ..clean.rules import RuleSet
from ..document import Document
from ..errors import TranslatorError
from ..translate.glossary import Glossary

URL_VARIABLE = "LANGUAGETOOL_URL"
PATH_VARIABLE = "LTP_PATH"  # read by language_tool_python itself
MAX_REPLACEMENTS = 5
HOW_TO_PROVIDE = (
    f"set {URL_VARIABLE} (or --languagetool URL) to a running LanguageTool server, "
    f"set {PATH_VARIABLE} to a folder holding LanguageTool-<version>/ with java on PATH, "
    "or run 'translator languagetool install' (downloads about 250 MB)"
)

# "en" alone has no spell checker in LanguageTool; its variants do.
_VARIANTS = {"en": "en-US"}
_PROBE_TEXT = "Test."
_VERSION = re.compile(r"LanguageTool-(\d+\.\d+|\d{8})")  # the names language_tool_python accepts
_JARS = ("languagetool-server.jar", "languagetool.jar")
_SPELLING_RULE = re.compile(r"^(?:MORFOLOGIK_RULE_|HUNSPELL_)|_SPELL(?:ER|ING)_RULE$")
_ELISION = re.compile(r"^(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu)'(?=\w)", re.IGNORECASE)


class QAUnavailable(TranslatorError):
    """LanguageTool, or one of its languages, cannot be used: the message says how to fix it."""


@dataclass(frozen=True, slots=True)
class LanguageToolSource:
    """Where LanguageTool comes from: a server URL, a local distribution, or a download."""

    kind: Literal["remote", "local", "download"]
    url: str | None = None  # remote: the server's base URL, ending with "/"
    path: Path | None = None  # local and download: the LTP_PATH folder
    version: str | None = None  # local and download: the LanguageTool version

    @property
    def description(self) -> str:
        if self.kind == "remote":
            return f"LanguageTool server {self.url}"
        if self.kind == "local":
            return f"LanguageTool {self.version} in {self.path}"
        return f"LanguageTool {self.version} (to download into {self.path})"


@dataclass(frozen=True, slots=True)
class QAFinding:
    """One LanguageTool match, located in the checked text."""

    offset: int
    length: int
    line: int  # 1-based
    column: int  # 1-based
    rule_id: str
    category: str
    message: str
    replacements: tuple[str, ...]  # at most MAX_REPLACEMENTS
    text: str  # the flagged span


# --- where LanguageTool comes from ----------------------------------------------------------


def find_languagetool(url: str | None = None, *, allow_download: bool = False, environ: Mapping[str, str] = os.environ) -> LanguageToolSource:
    """The LanguageTool to use, decided without constructing it and without network access
    except to ``url`` (or ``LANGUAGETOOL_URL``), which must answer like a LanguageTool server."""
    url = url or environ.get(URL_VARIABLE)
    if url:
        return _remote(url)
    folder = _ltp_folder(environ)
    local = _find_local(folder)
    java = shutil.which("java", path=environ.get("PATH"))
    if local is not None and java:
        return local
    if local is not None:
        raise QAUnavailable(
            f"{local.description} needs java, which is not on PATH: install Java 17 or later, "
            f"or set {URL_VARIABLE} (or --languagetool URL) to a running LanguageTool server"
        )
    if allow_download:
        if not java:
            raise QAUnavailable(f"LanguageTool needs java, which is not on PATH: install Java 17 or later, or {HOW_TO_PROVIDE}")
        from language_tool_python.download_lt import LTP_DOWNLOAD_VERSION

        return LanguageToolSource("download", path=folder, version=LTP_DOWNLOAD_VERSION)
    raise QAUnavailable(f"LanguageTool is not available: {HOW_TO_PROVIDE}")


def install_languagetool(version: str | None = None, *, environ: Mapping[str, str] = os.environ) -> LanguageToolSource:
    """Download LanguageTool into ``LTP_PATH`` with language_tool_python's own downloader."""
    from language_tool_python.download_lt import LTP_DOWNLOAD_VERSION, LocalLanguageTool

    if not shutil.which("java", path=environ.get("PATH")):
        raise QAUnavailable("LanguageTool needs java, which is not on PATH: install Java 17 or later first")
    folder = _ltp_folder(environ)
    with _library_failures("LanguageTool download failed"), _pinned_ltp_path(folder):
        LocalLanguageTool.from_version_name(version or LTP_DOWNLOAD_VERSION).download()
    installed = _find_local(folder)
    if installed is None:
        raise QAUnavailable(f"LanguageTool download finished, but {folder} holds no LanguageTool-<version>/languagetool-server.jar")
    return installed


def _remote(url: str) -> LanguageToolSource:
    """A server URL, checked by asking it for its languages."""
    import requests

    base = url if "://" in url else f"http://{url}"
    base = re.sub(r"/(?:v2/?)?$", "", base) + "/"  # the library appends "v2/" itself
    try:
        response = requests.get(f"{base}v2/languages", timeout=10)
    except requests.RequestException as error:
        raise QAUnavailable(
            f"LanguageTool server {base} does not answer ({_short(error)}): start it, "
            f"or fix --languagetool / {URL_VARIABLE}"
        ) from None
    try:
        languages = response.json()
    except ValueError:
        languages = None
    if not isinstance(languages, list):
        raise QAUnavailable(
            f"{base} does not answer like a LanguageTool server (GET v2/languages: HTTP {response.status_code}): "
            f"fix --languagetool / {URL_VARIABLE}"
        )
    return LanguageToolSource("remote", url=base)


def _ltp_folder(environ: Mapping[str, str]) -> Path:
    """The folder language_tool_python keeps LanguageTool in (its default when LTP_PATH is unset)."""
    return Path(environ.get(PATH_VARIABLE) or Path.home() / ".cache" / "language_tool_python")


def _find_local(folder: Path) -> LanguageToolSource | None:
    """The newest ``LanguageTool-<version>`` under ``folder`` that holds the server jar."""
    found = []
    if folder.is_dir():
        for child in folder.iterdir():
            version = _VERSION.fullmatch(child.name)
            if version and any((child / jar).is_file() for jar in _JARS):
                found.append(version.group(1))
    if not found:
        return None
    # snapshots (yyyymmdd) are newer than releases, as language_tool_python orders them
    newest = max(found, key=lambda v: (len(v) == 8, tuple(int(part) for part in v.split("."))))
    return LanguageToolSource("local", path=folder, version=newest)


@contextmanager
def _pinned_ltp_path(folder: Path) -> Iterator[None]:
    """language_tool_python reads LTP_PATH from the process environment, at any time."""
    before = os.environ.get(PATH_VARIABLE)
    os.environ[PATH_VARIABLE] = str(folder)
    try:
        yield
    finally:
        if before is None:
            del os.environ[PATH_VARIABLE]
        else:
            os.environ[PATH_VARIABLE] = before


@contextmanager
def _library_failures(what: str) -> Iterator[None]:
    """language_tool_python's failures as one QAUnavailable line."""
    from language_tool_python.exceptions import LanguageToolError

    try:
        yield
    # no java: ModuleNotFoundError; java too old: SystemError; unreadable `java -version`: SystemExit
    except (LanguageToolError, OSError, ValueError, ImportError, SystemError, SystemExit) as error:
        raise QAUnavailable(f"{what}: {_short(error)}") from None


def _short(error: BaseException) -> str:
    """The useful part of an error: its first line, the OS reason of a failed connection."""
    text = str(error).strip() or type(error).__name__
    errno = re.search(r"\[Errno -?\d+\] [^'\")\]]+", text)
    first = errno.group() if errno else text.splitlines()[0]
    return first if len(first) <= 200 else first[:199] + "…"


# --- checking -----------------------------------------------------------------------------------


class QAChecker:
    """One LanguageTool for the run: ``with QAChecker(find_languagetool()) as qa: qa.check(text, "fr")``.

    A local server is started on entering and stopped on leaving.
    """

    def __init__(self, source: LanguageToolSource, *, known_words: Iterable[str] = ()) -> None:
        self.source = source
        self._known = {_word_key(part) for word in known_words for part in (word, *word.split()) if part.strip()}
        self._tool = None
        self._stack = ExitStack()
        self._language: str | None = None
        self._usable: set[str] = set()
        self._unusable: dict[str, str] = {}

    def __enter__(self) -> QAChecker:
        from language_tool_python import LanguageTool

        with ExitStack() as stack:
            if self.source.kind == "remote":
                options = {"remote_server": self.source.url}
                failure = f"{self.source.description} cannot be used"
            else:
                stack.enter_context(_pinned_ltp_path(self.source.path))
                # the installed version; for a download source, the library's default one
                options = {"language_tool_download_version": self.source.version}
                failure = f"{self.source.description}: the server did not start"
            with _library_failures(failure):
                self._tool = LanguageTool("auto", **options)
            stack.callback(self._tool.close)  # stops a local server
            self._stack = stack.pop_all()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop a local server (nothing to do for a remote one)."""
        self._stack.close()
        self._tool = None

    def check(self, text: str, lang: str) -> list[QAFinding]:
        """LanguageTool's findings on ``text`` in ``lang`` (``fr``, ``en``, ``en-GB``…), known words spared."""
        if self._tool is None:
            raise RuntimeError("QAChecker.check() outside 'with QAChecker(...)'")
        self._use(lang)
        with _library_failures(f"{self.source.description} failed to check {lang}"):
            matches = self._tool.check(text)
        document = Document.parse(text)
        return [
            _finding(text, document, match)
            for match in matches
            if not (_is_spelling(match) and self._is_known(text[match.offset : _end(text, match)]))
        ]

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
            self._tool.language = variant  # asks the server for its languages
            if variant not in self._usable:
                self._tool.check(_PROBE_TEXT)  # the language's rules load here
        except ValueError:
            self._unusable[variant] = f"{self.source.description} does not offer language {variant!r}"
        except (LanguageToolError, OSError) as error:  # e.g. HTTP 500 "Could not activate rules"
            self._unusable[variant] = f"{self.source.description} cannot check {variant}: {_short(error)}"
        if variant in self._unusable:
            raise QAUnavailable(self._unusable[variant])
        self._usable.add(variant)
        self._language = variant

    def _is_known(self, flagged: str) -> bool:
        key = _word_key(flagged)
        return key in self._known or _word_key(_ELISION.sub("", key, count=1)) in self._known


def _word_key(word: str) -> str:
    """How words are compared: NFC, one apostrophe, single spaces, first letter in lower case."""
    word = re.sub(r"\s+", " ", unicodedata.normalize("NFC", word)).strip()
    word = re.sub(r"[’‘ʼ`´]", "'", word)
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


def _finding(text: str, document: Document, match) -> QAFinding:
    end = _end(text, match)
    line, column = document.line_column(match.offset)
    return QAFinding(
        offset=match.offset,
        length=end - match.offset,
        line=line,
        column=column,
        rule_id=match.rule_id,
        category=match.category,
        message=match.message,
        replacements=tuple(match.replacements[:MAX_REPLACEMENTS]),
        text=text[match.offset : end],
    )


# --- known words and reports --------------------------------------------------------------------


class QARun:
    """QA alongside clean, translate and run: LanguageTool when it is there; when it is
    not (or a language cannot be checked), the reports say QA was skipped and why, and
    the work goes on."""

    def __init__(self, url: str | None = None, *, known_words: Iterable[str] = ()) -> None:
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

    def check(self, text: str, lang: str) -> tuple[list[QAFinding], str | None]:
        """The findings, or none and the reason QA was skipped for this text."""
        if self._checker is None:
            return [], self.skipped
        try:
            return self._checker.check(text, lang), None
        except QAUnavailable as problem:
            return [], str(problem)


def qa_report(findings: Iterable[QAFinding], skipped: str | None) -> dict:
    """What a JSON report carries: the findings, or that QA was skipped and why."""
    return skipped_dict(skipped) if skipped else {"qa": "done", "findings": [finding_dict(f) for f in findings]}


def known_words_from(glossary: Glossary, rules: RuleSet | None = None) -> frozenset[str]:
    """Words not to report as misspelt: the glossary's forms and targets, and every
    form of the rules' word lists (kept by the rule set: no YAML is read again)."""
    words: set[str] = set(rules.words if rules is not None else ())
    for term in glossary.terms:
        words.update(term.forms)
        words.add(term.target)
    return frozenset(words)


def finding_dict(finding: QAFinding) -> dict:
    """A finding as JSON-able data."""
    return {
        "line": finding.line,
        "column": finding.column,
        "offset": finding.offset,
        "length": finding.length,
        "rule_id": finding.rule_id,
        "category": finding.category,
        "message": finding.message,
        "replacements": list(finding.replacements),
        "text": finding.text,
    }


def skipped_dict(reason: str) -> dict:
    """What a report carries when QA could not run."""
    return {"qa": "skipped", "reason": reason}


def finding_line(name: str, finding: QAFinding) -> str:
    """``file:line:col: RULE_ID: message [suggestions: a, b]``, as linters print."""
    suggestions = f" [suggestions: {', '.join(finding.replacements)}]" if finding.replacements else ""
    return f"{name}:{finding.line}:{finding.column}: {finding.rule_id}: {finding.message}{suggestions}"
