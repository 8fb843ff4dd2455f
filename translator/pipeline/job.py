"""What a command does to each article, set up once: the library behind every command.

A :class:`Job` holds the settings, the rules of each language (loaded when first
needed), the translation session and the grammar check, and turns articles into
:class:`~translator.report.article.ArticleReport` objects: clean → translate → check.
``clean``, ``translate``, ``review`` and ``run`` are this, with different outputs.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from ..clean.cleaner import CleanResult, clean_text
from ..clean.deadline import RuleTooSlow
from ..clean.rules import RuleSet, load_rules
from ..config import Settings
from ..diagnostics import Located
from ..errors import TranslatorError
from ..io.files import SourceText, display_name
from ..io.formats import format_of
from ..lang import DEFAULT_LANGUAGE, detect_language
from ..report.article import ArticleReport, QACheck
from ..translate.engines import Hardware

if TYPE_CHECKING:
    from ..qa.checker import QARun
    from ..review.decisions import Decisions
    from ..translate.documents import TranslationContext
    from ..translate.glossary import Glossary


class Cleaned(NamedTuple):
    """An article as :meth:`Job.clean` leaves it: its language and cleaned text (None:
    the Job does not clean)."""

    language: str
    result: CleanResult | None


class Job:
    """Clean (unless ``clean=False``), translate when given a session, check grammar when
    given a QA run.  ``jobs`` > 1 cleans in that many processes.  Use it as a context
    manager when ``jobs`` > 1 (the processes are closed with it)."""

    def __init__(self, settings: Settings | None = None, *, clean: bool = True, translation: TranslationContext | None = None,
                 qa: QARun | None = None, jobs: int = 1, memory_use: bool = True) -> None:
        self.settings = settings or Settings()
        self.cleaning = clean
        self.translation = translation
        self.qa = qa
        self.jobs = jobs
        self.memory_use = memory_use
        self._rules: dict[str, RuleSet] = {}
        self._pool = None  # the cleaning processes, started when first needed

    def __enter__(self) -> Job:
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None

    def rules(self, lang: str | None = None) -> RuleSet:
        """The rules in force for articles in ``lang`` (by default the settings' language,
        else French)."""
        lang = lang or self.settings.lang or DEFAULT_LANGUAGE
        if lang not in self._rules:
            settings = self.settings
            self._rules[lang] = load_rules(settings.rules, builtin=settings.builtin_rules, disable=settings.disable, lang=lang)
        return self._rules[lang]

    def language(self, text: str) -> str:
        return self.settings.lang or detect_language(text)

    def process(self, sources: Sequence[SourceText], decisions: Sequence[Decisions | None] | None = None,
                edited: Sequence[str | None] | None = None) -> list[ArticleReport]:
        """Reports for these articles, in order; translation runs once for all of them.
        ``decisions``: each article's editor's decisions (None: none); ``edited``: each
        one's cleaned text as an editor left it by hand, when they did (it is translated;
        one that reads as the cleaner's is no hand edit)."""
        return self.translate_and_check(sources, self.clean(sources, decisions, edited))

    def clean(self, sources: Sequence[SourceText], decisions: Sequence[Decisions | None] | None = None,
              edited: Sequence[str | None] | None = None) -> list[Cleaned]:
        """The first half of :meth:`process`: each article's language and cleaned text,
        the decisions applied and the hand edits taken.  It needs no translation, so a
        distributed engine runs it on other workers than :meth:`translate_and_check`."""
        decisions = decisions or [None] * len(sources)
        languages = [self.language(source.text) for source in sources]
        cleaned = self._clean_all(sources, languages, decisions) if self.cleaning else [None] * len(sources)
        cleaned = [d.apply(result) if d is not None and result is not None else result for d, result in zip(decisions, cleaned)]
        if edited is not None:
            cleaned = [dataclasses.replace(result, text=text, hand_edited=True) if None not in (text, result) and text != result.text
                       else result for result, text in zip(cleaned, edited)]
        return [Cleaned(lang, result) for lang, result in zip(languages, cleaned)]

    def translate_and_check(self, sources: Sequence[SourceText], cleaned: Sequence[Cleaned]) -> list[ArticleReport]:
        """The second half of :meth:`process`: the reports of these articles as
        :meth:`clean` left them, translated (once for all of them) and checked."""
        texts = [item.result.text if item.result is not None else source.text for source, item in zip(sources, cleaned)]
        translated = self.translation.translate(texts) if self.translation is not None else [None] * len(sources)
        reports = []
        for source, (lang, result), translation in zip(sources, cleaned, translated):
            report = ArticleReport(display_name(source.name), source.text, lang, result, translation, memory_use=self.memory_use,
                                   settings=str(self.settings.source) if self.settings.source else None, source=source)
            reports.append(self._proofread(report) if self.qa is not None else report)
        return reports

    def _proofread(self, report: ArticleReport) -> ArticleReport:
        """The report with grammar and style findings on the cleaned text (the article
        itself when nothing was cleaned) and on the translation; a translation alone is
        checked alone."""
        checked = []
        if report.clean is not None:
            checked.append((report.language, Located.CLEANED))
        elif report.translation is None:
            checked.append((report.language, Located.ORIGINAL))
        if report.translation is not None:
            checked.append((self.translation.target, Located.TRANSLATION))
        checks: dict[Located, QACheck] = {}
        findings = []
        for lang, located in checked:
            found, skipped = self.qa.check(report.text(located), lang, located_in=located)
            checks[located] = QACheck(lang, skipped)
            findings += found
        return dataclasses.replace(report, qa=checks, qa_findings=tuple(findings))

    def _clean_all(self, sources: Sequence[SourceText], languages: list[str], decisions: Sequence[Decisions | None]) -> list[CleanResult]:
        names = [source.name for source in sources]
        rejected = [d.rejected if d is not None else frozenset() for d in decisions]
        if self.jobs <= 1 or len(sources) < 2:
            return [_clean(self, s.text, lang, name, r) for s, lang, name, r in zip(sources, languages, names, rejected)]
        if self._pool is None:
            from concurrent.futures import ProcessPoolExecutor

            self._pool = ProcessPoolExecutor(max_workers=self.jobs, initializer=_start_worker, initargs=(self.settings,))
        chunksize = max(1, len(sources) // (4 * self.jobs))
        return list(self._pool.map(_clean_in_worker, [s.text for s in sources], languages, names, rejected, chunksize=chunksize))


_worker_job: Job | None = None


def _start_worker(settings: Settings) -> None:
    global _worker_job
    _worker_job = Job(settings)


def _clean_in_worker(text: str, lang: str, name: str, rejected: frozenset[str]) -> CleanResult:
    assert _worker_job is not None
    return _clean(_worker_job, text, lang, name, rejected)


def _clean(job: Job, text: str, lang: str, name: str, rejected: frozenset[str]) -> CleanResult:
    """One article cleaned (the ``rejected`` changes left out); a rule that runs away on it
    is an error naming the article too."""
    try:
        return clean_text(text, job.rules(lang), lang=lang, rejected=rejected)
    except RuleTooSlow as problem:
        raise TranslatorError(f"{display_name(name)}: {problem}") from None


def cleaned_document(source: SourceText, result: CleanResult, *, markdown: bool = False) -> str:
    """The cleaned article written back in its input's format (a Markdown file keeps its
    markup; a web page gives its cleaned text); with ``markdown``, as Markdown whatever
    the input was (a page's title its heading)."""
    if markdown and source.format != "markdown":
        from ..io.formats.markdown import as_markdown

        return as_markdown(result.text, source.metadata.get("title"))
    return format_of(source).render(source, result.text, result.changes())


def open_proofreading(settings: Settings, url: str | None = None, *, glossary: Glossary | None = None,
                      rules: RuleSet | None = None) -> QARun:
    """The grammar check: LanguageTool at ``url`` (or found), told the known words;
    ``skipped`` says why it cannot run."""
    from ..qa.checker import QARun

    return QARun(url, known_words=known_words(settings, glossary=glossary, rules=rules))


def known_words(settings: Settings, *, glossary: Glossary | None = None, rules: RuleSet | None = None) -> frozenset[str]:
    """Words the grammar check must not call misspelt: the glossary's (the settings' when
    none is given) and the rules' word lists."""
    from ..qa.checker import known_words_from
    from ..translate.glossary import load_glossaries

    glossary = glossary or load_glossaries(settings.glossaries, builtin=settings.builtin_glossaries)
    return known_words_from(glossary, rules)


@dataclass(frozen=True)
class JobRecipe:
    """What a :class:`Job` is made of, in a form that travels to other processes and
    machines: each worker of a distributed engine opens its own Job from it.
    ``memory``: as :func:`~translator.translate.session.open_translation` takes it
    (``True``: the memory in the user cache folder of the machine the Job opens on)."""

    settings: Settings
    source: str = "fr"
    target: str | None = None
    memory: Path | bool = True
    hardware: Hardware = Hardware()
    qa: bool = False
    languagetool: str | None = None

    @contextmanager
    def open(self, *, on_progress: Callable[[int, int], None] | None = None, on_memory_problem: Callable[[str], None] | None = None,
             on_qa_skipped: Callable[[str], None] = lambda reason: None) -> Iterator[Job]:
        """The Job of a ``run`` (reports made with memory use left out), open until the block ends."""
        from ..translate.session import open_translation

        settings = self.settings
        with ExitStack() as stack:
            translation = None
            if self.target is not None:
                translation = stack.enter_context(open_translation(
                    self.source, self.target, glossaries=settings.glossaries, builtin_glossary=settings.builtin_glossaries,
                    memory=self.memory, hardware=self.hardware, on_progress=on_progress, on_memory_problem=on_memory_problem))
            job = stack.enter_context(Job(settings, translation=translation, jobs=self.hardware.jobs, memory_use=False))
            if self.qa:
                job.qa = stack.enter_context(open_proofreading(settings, self.languagetool, glossary=translation.glossary if translation else None,
                                                               rules=job.rules()))
                if job.qa.skipped:
                    on_qa_skipped(job.qa.skipped)
            yield job
