"""The ``translator`` command line: a thin layer over the library.

Exit codes: 0 done (nothing to report with --check); 1 findings at or above
--fail-level or glossary violations with --check, or some files of a batch
failed; 2 bad input or configuration (one line on stderr, no traceback).
Heavy modules (argostranslate, ctranslate2) are imported only by the commands
that translate, so ``translator clean`` starts fast.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import nullcontext
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Optional, TypeVar

import typer

from ..clean.cleaner import CleanResult, clean_text
from ..clean.rules import Level, RuleSet, describe_rule, load_rules
from ..config import Settings, load_settings
from ..errors import TranslatorError
from ..io.files import STDIO, SourceText, expand_inputs, read_source, write_atomic, write_stdout

app = typer.Typer(
    help="Clean machine-rewrite artefacts out of French news and translate it offline.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    rich_markup_mode=None,
)
rules_app = typer.Typer(help="List and test the artefact rules.", no_args_is_help=True)
models_app = typer.Typer(help="List, install and remove translation models (Argos Translate packages).", no_args_is_help=True)
glossary_app = typer.Typer(help="Validate glossaries.", no_args_is_help=True)
cache_app = typer.Typer(help="Manage the translation memory.", no_args_is_help=True)
languagetool_app = typer.Typer(help="Provide LanguageTool for the grammar and style pass.", no_args_is_help=True)
app.add_typer(rules_app, name="rules")
app.add_typer(models_app, name="models")
app.add_typer(glossary_app, name="glossary")
app.add_typer(cache_app, name="cache")
app.add_typer(languagetool_app, name="languagetool")

T = TypeVar("T")


class ReportFormat(StrEnum):
    TEXT = "text"
    JSON = "json"
    SARIF = "sarif"


class BilingualFormat(StrEnum):
    TEXT = "text"
    JSON = "json"
    TSV = "tsv"
    XLIFF = "xliff"


InputsArgument = Annotated[list[str], typer.Argument(help="Articles: files, folders (their *.txt files) or - for stdin.")]
OutputOption = Annotated[Optional[str], typer.Option("-o", "--output", help="Write the result here (a folder for several inputs, or when it ends with /).")]
EncodingOption = Annotated[Optional[str], typer.Option("--encoding", help="Encoding of the inputs [default: utf-8].")]
QuietOption = Annotated[bool, typer.Option("-q", "--quiet", help="Do not list findings or violations on stderr.")]
RulesOption = Annotated[
    Optional[list[Path]], typer.Option("--rules", help="Add the rules of this folder (or YAML file); repeatable.")
]
NoBuiltinRulesOption = Annotated[bool, typer.Option("--no-builtin-rules", help="Use only the rules given with --rules.")]
DisableOption = Annotated[Optional[list[str]], typer.Option("--disable", help="Switch a rule off by id; repeatable.")]
QAOption = Annotated[bool, typer.Option("--qa", help="Also proofread with LanguageTool; skipped (and said so) when none is available.")]
LanguageToolOption = Annotated[Optional[str], typer.Option("--languagetool", help="A LanguageTool server URL [default: $LANGUAGETOOL_URL].")]
FromOption = Annotated[str, typer.Option("--from", help="Source language code.")]
AlsoToOption = Annotated[Optional[str], typer.Option("--to", help="Also translate into this language (e.g. en).")]
GlossaryOption = Annotated[Optional[list[Path]], typer.Option("--glossary", help="Add a glossary (YAML, TSV or CSV); repeatable.")]
NoCacheOption = Annotated[bool, typer.Option("--no-cache", help="Neither read nor fill the translation memory.")]
CacheOption = Annotated[Optional[Path], typer.Option("--cache", help="Translation memory file [default: in the user cache folder].")]


def _rule_set(settings: Settings, extra: list[Path] | None = None, no_builtin: bool = False, disable: list[str] | None = None) -> RuleSet:
    return load_rules(
        [*settings.rules, *(extra or [])],
        builtin=settings.builtin_rules and not no_builtin,
        disable=[*settings.disable, *(disable or [])],
    )


def _error(message: str) -> None:
    typer.echo(f"error: {message}", err=True)


class _Batch:
    """The inputs of one command: the files, where their outputs go, and which failed.

    With one input a failure is an error (exit 2); in a batch it is reported and the
    other files are still processed (exit 1 at the end).
    """

    def __init__(self, inputs: list[str], output: str | None, encoding: str) -> None:
        self.files = expand_inputs(inputs)
        self.several = len(self.files) > 1 or any(Path(n).is_dir() for n in inputs if n != STDIO)
        self.output = Path(output) if output is not None else None
        self.to_folder = self.output is not None and (self.several or self.output.is_dir() or output.endswith(os.sep))
        self.encoding = encoding
        self.failures = 0
        self._progress = _Progress(len(self.files)) if self.several else None
        if self.to_folder and self.output.exists() and not self.output.is_dir():
            raise TranslatorError(f"{output}: exists and is not a folder; -o must name a folder for several inputs")
        inputs_resolved = {Path(name).resolve() for name in self.files if name != STDIO}
        if self.output is not None and any(self._target(name).resolve() in inputs_resolved for name in self.files if name != STDIO):
            raise TranslatorError(f"{output}: -o would overwrite an input; choose another place, or use --in-place")

    def require_output_unless(self, report_only: bool, alternatives: str) -> None:
        if self.several and self.output is None and not report_only:
            raise TranslatorError(f"several inputs or a folder need -o OUTDIR (or {alternatives})")

    def read_each(self) -> Iterator[SourceText]:
        """Each input decoded; unreadable ones are reported (batch) or raised (single)."""
        for name in self.files:
            if self._progress:
                self._progress.step(name)
            source = self.guard(lambda: read_source(name, self.encoding))
            if source is not None:
                yield source
        if self._progress:
            self._progress.clear()

    def _target(self, name: str) -> Path:
        assert self.output is not None
        return self.output / Path(name).name if self.to_folder else self.output

    def write(self, source: SourceText, text: str) -> None:
        """Write one result to -o: that file, or the input's name inside that folder."""
        self.guard(lambda: write_atomic(self._target(source.name), source.encode(text)))

    def guard(self, action: Callable[[], T]) -> T | None:
        try:
            return action()
        except TranslatorError as problem:
            if not self.several:
                raise
            if self._progress:
                self._progress.clear()
            _error(str(problem))
            self.failures += 1
            return None


class _Progress:
    """A one-line counter on stderr, shown only on a terminal (and not in CI or with NO_COLOR)."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.done = 0
        self.enabled = sys.stderr.isatty() and not os.environ.get("CI") and not os.environ.get("NO_COLOR")

    def step(self, name: str) -> None:
        self.done += 1
        self._show(f"[{self.done}/{self.total}] {name}")

    def sentences(self, done: int, total: int) -> None:
        self._show(f"translating: {done}/{total} sentences")

    def _show(self, line: str) -> None:
        if self.enabled:
            sys.stderr.write(f"\r\033[K{line}")
            sys.stderr.flush()

    def clear(self) -> None:
        if self.enabled:
            sys.stderr.write("\r\033[K")
            sys.stderr.flush()


# --- clean --------------------------------------------------------------------------------------


@app.command()
def clean(
    inputs: InputsArgument,
    output: OutputOption = None,
    report_format: Annotated[ReportFormat, typer.Option("--format", help="text: the cleaned text; json: one report per file and line; sarif: for CI.")] = ReportFormat.TEXT,
    check: Annotated[bool, typer.Option("--check", help="Write nothing; exit 1 if any finding reaches --fail-level.")] = False,
    diff: Annotated[bool, typer.Option("--diff", help="Print a unified diff of original vs cleaned instead of the text; --diff=side: side by side.")] = False,
    side_by_side: Annotated[bool, typer.Option("--diff-side", hidden=True)] = False,
    fail_level: Annotated[Optional[Level], typer.Option("--fail-level", help="Lowest level that fails --check [default: warning].")] = None,
    in_place: Annotated[bool, typer.Option("--in-place", help="Rewrite the input files themselves.")] = False,
    encoding: EncodingOption = None,
    quiet: QuietOption = False,
    rules: RulesOption = None,
    no_builtin_rules: NoBuiltinRulesOption = False,
    disable: DisableOption = None,
    qa: QAOption = False,
    languagetool: LanguageToolOption = None,
) -> None:
    """Remove rewriting-bot artefacts and show every change."""
    diff = diff or side_by_side
    settings = load_settings()
    rule_set = _rule_set(settings, rules, no_builtin_rules, disable)
    threshold = fail_level or settings.fail_level
    batch = _Batch(inputs, output, encoding or settings.encoding)
    if in_place and (output is not None or STDIO in batch.files):
        raise TranslatorError("--in-place rewrites input files: it cannot go with -o or stdin (-)")
    batch.require_output_unless(check or diff or in_place or report_format is not ReportFormat.TEXT, "--check, --diff, --in-place, --format json")

    outcomes: list[tuple[str, CleanResult]] = []
    with _qa_run(qa, languagetool, settings, rule_set) as proofreading:
        for source in batch.read_each():
            result = clean_text(source.text, rule_set)
            qa_extra = _proofread(proofreading, source.name, result.text, "fr", check, quiet)
            _clean_one(batch, source, result, qa_extra, report_format, check, diff, side_by_side, in_place, quiet)
            outcomes.append((source.name, result))
    if report_format is ReportFormat.SARIF:
        from ..report.lint import sarif_report

        typer.echo(sarif_report(outcomes, rule_set))
    failing = check and any(result.findings_at_least(threshold) for _, result in outcomes)
    raise typer.Exit(1 if batch.failures or failing else 0)


def _clean_one(batch: _Batch, source: SourceText, result: CleanResult, extra: dict | None, report_format: ReportFormat,
               check: bool, diff: bool, side_by_side: bool, in_place: bool, quiet: bool) -> None:
    """Write one cleaned article where it goes, and report on it."""
    if not check:
        if in_place:
            if result.changed:
                batch.guard(lambda: write_atomic(Path(os.path.realpath(source.name)), source.encode(result.text)))
        elif batch.output is not None:
            batch.write(source, result.text)
        elif report_format is ReportFormat.TEXT and not diff:
            write_stdout(source.encode(result.text))
    if side_by_side:
        _print_review(_review_module().clean_review(source.name, result))
    else:
        _report_clean(source.name, result, extra, report_format, check, diff, quiet)


def _report_clean(name: str, result: CleanResult, extra: dict | None, report_format: ReportFormat, check: bool, diff: bool, quiet: bool) -> None:
    from ..report.lint import finding_lines, json_report, unified_diff

    if diff:
        typer.echo(unified_diff(name, result), nl=False)
    if report_format is ReportFormat.JSON:
        typer.echo(json_report(name, result, extra))
    elif report_format is ReportFormat.TEXT and not quiet:
        for line in finding_lines(name, result):
            # With --check the findings are the output; otherwise stdout holds the text.
            typer.echo(line, err=not check)


# --- translate ------------------------------------------------------------------------------------


@app.command()
def translate(
    inputs: InputsArgument,
    to: Annotated[str, typer.Option("--to", help="Target language code, e.g. en.")],
    from_: FromOption = "fr",
    output: OutputOption = None,
    report_format: Annotated[BilingualFormat, typer.Option("--format", help="text: the translation; json (one line per file), tsv, xliff: sentence-aligned.")] = BilingualFormat.TEXT,
    clean_first: Annotated[bool, typer.Option("--clean", help="Run the cleanup stage first.")] = False,
    glossary: GlossaryOption = None,
    no_builtin_glossary: Annotated[bool, typer.Option("--no-builtin-glossary", help="Use only the glossaries given with --glossary.")] = False,
    check: Annotated[bool, typer.Option("--check", help="Exit 1 if a glossary term is not respected.")] = False,
    no_cache: NoCacheOption = False,
    cache: CacheOption = None,
    encoding: EncodingOption = None,
    quiet: QuietOption = False,
    qa: QAOption = False,
    languagetool: LanguageToolOption = None,
) -> None:
    """Translate articles offline, sentence-aligned, with glossary terms enforced."""
    settings = load_settings()
    batch = _Batch(inputs, output, encoding or settings.encoding)
    batch.require_output_unless(report_format is not BilingualFormat.TEXT, "--format json|tsv|xliff")
    with _translation(settings, from_, to, glossary, no_cache, cache, builtin_glossary=not no_builtin_glossary) as translation:
        sources = list(batch.read_each())
        rule_set = _rule_set(settings) if clean_first else None
        cleaned = [clean_text(s.text, rule_set) for s in sources] if rule_set else None
        results = translation.translate([c.text for c in cleaned] if cleaned else [s.text for s in sources])
    with _qa_run(qa, languagetool, settings, rule_set, translation.glossary) as proofreading:
        qa_extras = [_proofread(proofreading, s.name, r.text, to, check, quiet) for s, r in zip(sources, results)]
    _emit_translations(batch, sources, results, cleaned, qa_extras, report_format, from_, to, quiet)
    violated = check and any(result.violations for result in results)
    raise typer.Exit(1 if batch.failures or violated else 0)


def _default_cache() -> Path:
    from ..translate.memory import default_memory_path

    return default_memory_path()


def _find_package(from_code: str, to_code: str):
    from ..translate.packages import find_package

    return find_package(from_code, to_code)


def _open_memory(path: Path):
    from ..translate.memory import TranslationMemory

    return TranslationMemory(path)


class _LazyEngine:
    """Loads the model on the first sentence to translate (a re-run served wholly by the
    translation memory never loads it), and reports progress every few hundred sentences."""

    CHUNK = 256

    def __init__(self, package, on_progress: Callable[[int, int], None] | None = None) -> None:
        self._package = package
        self._engine = None
        self._on_progress = on_progress

    def translate(self, sentences: list[str]) -> list[str]:
        if self._engine is None:
            from ..translate.engines.argos import ArgosEngine as Engine

            self._engine = Engine(self._package)
        if self._on_progress is None:
            return self._engine.translate(sentences)
        translated: list[str] = []
        for start in range(0, len(sentences), self.CHUNK):
            translated += self._engine.translate(sentences[start : start + self.CHUNK])
            self._on_progress(len(translated), len(sentences))
        return translated


def _emit_translations(batch: _Batch, sources, results, cleaned, qa_extras, report_format: BilingualFormat, from_code: str, to_code: str, quiet: bool) -> None:
    from ..report import bilingual

    named = [(source.name, result) for source, result in zip(sources, results)]
    for index, (source, result) in enumerate(zip(sources, results)):
        if batch.output is not None:
            batch.write(source, result.text)
        elif report_format is BilingualFormat.TEXT:
            write_stdout(source.encode(result.text))
        if report_format is BilingualFormat.JSON:
            extra = {"clean": {"metadata": cleaned[index].metadata, "findings": cleaned[index].to_dict()["findings"]}} if cleaned else {}
            typer.echo(bilingual.json_line(source.name, result, {**extra, **(qa_extras[index] or {})}))
        if not quiet:
            for segment in result.segments:
                for violation in segment.violations:
                    typer.echo(f"{source.name}: paragraph {segment.paragraph + 1}, sentence {segment.sentence + 1}: {violation}", err=True)
    if report_format is BilingualFormat.TSV:
        typer.echo(bilingual.tsv(named), nl=False)
    elif report_format is BilingualFormat.XLIFF:
        typer.echo(bilingual.xliff(named, from_code, to_code), nl=False)


# --- review -----------------------------------------------------------------------------------------


def _review_module():
    from .. import review as model

    return model


def _print_review(review, *, only_changes: bool = False) -> None:
    from rich.console import Console

    _review_module().print_side_by_side(review, Console(highlight=False), only_changes=only_changes)


@app.command()
def diff(
    before: Annotated[str, typer.Argument(help="The first text (e.g. the original).")],
    after: Annotated[str, typer.Argument(help="The second text (e.g. the cleaned one).")],
    only_changes: Annotated[bool, typer.Option("--changes", help="Show only the paragraphs that changed.")] = False,
    encoding: EncodingOption = None,
) -> None:
    """Side by side, paragraph-aligned, with word-level changes (colour on a terminal)."""
    settings = load_settings()
    a, b = (read_source(name, encoding or settings.encoding) for name in (before, after))
    _print_review(_review_module().text_review(before, a.text, after, b.text), only_changes=only_changes)


@app.command()
def review(
    article: Annotated[str, typer.Argument(help="The article (a file, or - for stdin).")],
    output: OutputOption = None,
    to: AlsoToOption = None,
    from_: FromOption = "fr",
    glossary: GlossaryOption = None,
    no_cache: NoCacheOption = False,
    cache: CacheOption = None,
    encoding: EncodingOption = None,
    qa: QAOption = False,
    languagetool: LanguageToolOption = None,
) -> None:
    """One standalone HTML page: original | cleaned (| English), every change marked."""
    settings = load_settings()
    source = read_source(article, encoding or settings.encoding)
    rule_set = _rule_set(settings)
    result = clean_text(source.text, rule_set)
    reviews = _review_module()
    english = None
    if to:
        with _translation(settings, from_, to, glossary, no_cache, cache) as translation:
            [english] = translation.translate([result.text])
    page = reviews.translation_review(article, result, english) if english else reviews.clean_review(article, result)
    if qa:
        with _qa_run(qa, languagetool, settings, rule_set) as proofreading:
            page = reviews.with_qa(page, 1, result.text, *proofreading.check(result.text, from_))
            if english:
                page = reviews.with_qa(page, 2, english.text, *proofreading.check(english.text, to))
    page = reviews.html_page(page)
    if output is None:
        write_stdout(page.encode())
    else:
        write_atomic(Path(output), page.encode())


@app.command()
def run(
    inputs: InputsArgument,
    output: Annotated[Path, typer.Option("-o", "--output", help="The folder for every output and index.html.")],
    to: AlsoToOption = None,
    from_: FromOption = "fr",
    glossary: GlossaryOption = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Processes for cleaning.")] = 1,
    no_cache: NoCacheOption = False,
    cache: CacheOption = None,
    encoding: EncodingOption = None,
    qa: QAOption = False,
    languagetool: LanguageToolOption = None,
) -> None:
    """Clean, translate and review every article; resumable; writes index.html."""
    from ..pipeline.run import run_pipeline

    settings = load_settings()
    files = expand_inputs(inputs)
    if output.exists() and not output.is_dir():
        raise TranslatorError(f"{output}: exists and is not a folder; -o must name a folder")
    progress = _Progress(len(files))
    translating = _translation(settings, from_, to, glossary, no_cache, cache, on_progress=progress.sentences) if to else nullcontext()
    rule_set = _rule_set(settings)
    with translating as translation, _qa_run(qa, languagetool, settings, rule_set) as proofreading:
        outcome = run_pipeline(files, output, rule_set, encoding=encoding or settings.encoding,
                               translation=translation, qa=proofreading, jobs=jobs, on_file=progress.step)
    progress.clear()
    for name, problem in outcome.failed:
        _error(problem if problem.startswith(name) else f"{name}: {problem}")
    typer.echo(f"{len(outcome.done)} done, {len(outcome.skipped)} up to date, {len(outcome.failed)} failed; see {output / 'index.html'}", err=True)
    raise typer.Exit(1 if outcome.failed else 0)


def _translation(settings: Settings, from_code: str, to_code: str, glossary: list[Path] | None, no_cache: bool,
                 cache: Path | None, *, builtin_glossary: bool = True, on_progress: Callable[[int, int], None] | None = None):
    """What translate, review --to and run --to translate with; the model loads lazily."""
    from ..translate.documents import TranslationContext
    from ..translate.glossary import load_glossaries

    terms = load_glossaries(
        [*settings.glossaries, *(glossary or [])],
        builtin=settings.builtin_glossaries and builtin_glossary,
        source=from_code,
        target=to_code,
    )
    package = _find_package(from_code, to_code)
    memory = None if no_cache else _open_memory(cache or _default_cache())
    key = memory.model_checksum(package.model_dir / "model.bin") if memory is not None else None
    engine = _LazyEngine(package, on_progress)
    return TranslationContext(to_code, engine.translate, f"{package.name} {package.version}", terms, memory, key)


# --- grammar and style (LanguageTool) -------------------------------------------------------------------


def _known_words(settings: Settings, rule_set: RuleSet | None, glossary=None) -> frozenset[str]:
    """Names LanguageTool must not call misspelt: the glossary's and the rules' words."""
    from ..qa.checker import known_words_from
    from ..translate.glossary import load_glossaries

    terms = glossary or load_glossaries(settings.glossaries, builtin=settings.builtin_glossaries)
    return known_words_from(terms, rule_set)


def _qa_run(enabled: bool, url: str | None, settings: Settings, rule_set: RuleSet | None, glossary=None):
    """QA for clean/translate/review/run when asked; when LanguageTool is missing the
    work goes on and stderr (and each report) says QA was skipped."""
    if not enabled:
        return nullcontext()
    from ..qa.checker import QARun

    run = QARun(url, known_words=_known_words(settings, rule_set, glossary))
    if run.skipped:
        typer.echo(f"QA skipped: {run.skipped}", err=True)
    return run


def _proofread(run, name: str, text: str, lang: str, check: bool, quiet: bool) -> dict | None:
    """Check one text; list the findings (stderr unless --check) and return them for a report."""
    if run is None:
        return None
    from ..qa.checker import finding_line, qa_report

    findings, skipped = run.check(text, lang)
    if not quiet:
        for finding in findings:
            typer.echo(finding_line(name, finding), err=not check)
        if skipped and skipped != run.skipped:
            typer.echo(f"{name}: QA skipped: {skipped}", err=True)
    return {"qa": qa_report(findings, skipped)}


@app.command("check")
def check_grammar(
    inputs: InputsArgument,
    lang: Annotated[str, typer.Option("--lang", help="Language of the texts: fr, en, en-GB…")] = "fr",
    report_format: Annotated[ReportFormat, typer.Option("--format", help="text: one line per finding; json: one report per file and line.")] = ReportFormat.TEXT,
    check: Annotated[bool, typer.Option("--check", help="Exit 1 if LanguageTool finds anything.")] = False,
    languagetool: LanguageToolOption = None,
    allow_download: Annotated[bool, typer.Option("--allow-download", help="Let language_tool_python download LanguageTool (about 250 MB).")] = False,
    encoding: EncodingOption = None,
) -> None:
    """Grammar and style findings from LanguageTool (a server, or a local distribution)."""
    import json

    from ..qa.checker import QAChecker, find_languagetool, finding_dict, finding_line

    settings = load_settings()
    if report_format is ReportFormat.SARIF:
        raise TranslatorError("--format sarif is for clean; translator check writes text or json")
    batch = _Batch(inputs, None, encoding or settings.encoding)
    source = find_languagetool(languagetool, allow_download=allow_download)
    found = False
    with QAChecker(source, known_words=_known_words(settings, _rule_set(settings))) as checker:
        for article in batch.read_each():
            findings = batch.guard(lambda: checker.check(article.text, lang))
            if findings is None:
                continue
            found = found or bool(findings)
            if report_format is ReportFormat.JSON:
                typer.echo(json.dumps({"file": article.name, "language": lang, "findings": [finding_dict(f) for f in findings]}, ensure_ascii=False))
            else:
                for finding in findings:
                    typer.echo(finding_line(article.name, finding))
    raise typer.Exit(1 if batch.failures or (check and found) else 0)


@languagetool_app.command("install")
def languagetool_install() -> None:
    """Download LanguageTool (about 250 MB, needs Java to run) where language_tool_python keeps it."""
    from ..qa.checker import install_languagetool

    typer.echo(f"installed {install_languagetool().description}")


# --- models, glossaries, cache ----------------------------------------------------------------------


@models_app.command("list")
def models_list() -> None:
    """Installed models: pair, version, size and folder."""
    from ..translate.packages import packages_dir, scan_packages

    packages, broken = scan_packages()
    if not packages:
        typer.echo(f"no model installed in {packages_dir()}; install one with: translator models install FILE.argosmodel")
    for package in packages:
        typer.echo(f"{package.pair}  {package.version}  {package.size / 1e6:.1f} MB  {package.path}")
    for entry in broken:
        typer.echo(f"broken  {entry.path} ({entry.reason}); remove it: translator models remove {entry.path.name}")


@models_app.command("install")
def models_install(
    what: Annotated[list[str], typer.Argument(help="An .argosmodel file, or two language codes (fr en) to download.")],
) -> None:
    """Install a model from a file (validated first), or download a pair from the Argos index."""
    from ..translate.packages import install_from_index, install_package_file

    if len(what) == 1:
        package = install_package_file(Path(what[0]))
    elif len(what) == 2:
        package = install_from_index(*what)
    else:
        raise TranslatorError("give one .argosmodel file, or two language codes such as: fr en")
    typer.echo(f"installed {package.pair} {package.version} in {package.path}")


@models_app.command("remove")
def models_remove(name: Annotated[str, typer.Argument(help="The package folder name or the pair (fr-en).")]) -> None:
    """Remove an installed model."""
    from ..translate.packages import remove_package

    typer.echo(f"removed {remove_package(name)}")


@glossary_app.command("check")
def glossary_check(
    files: Annotated[list[Path], typer.Argument(help="Glossary files: YAML, TSV or CSV.")],
    from_: Annotated[str, typer.Option("--from", help="Source language the glossary must be for.")] = "fr",
    to: Annotated[str, typer.Option("--to", help="Target language the glossary must be for.")] = "en",
) -> None:
    """Validate glossaries; the first problem is reported with its file, entry and line."""
    from ..translate.glossary import load_glossary_file

    for path in files:
        typer.echo(f"{path}: {len(load_glossary_file(path, source=from_, target=to))} entries, valid")


@cache_app.command("clear")
def cache_clear(cache: CacheOption = None) -> None:
    """Forget every remembered translation."""
    from ..translate.memory import TranslationMemory

    path = cache or _default_cache()
    if not path.exists():
        typer.echo(f"{path}: no translation memory yet")
        return
    with TranslationMemory(path) as memory:
        typer.echo(f"{path}: {memory.clear()} translations forgotten")


# --- rules -------------------------------------------------------------------------------------


@rules_app.command("list")
def rules_list(
    rules: RulesOption = None,
    no_builtin_rules: NoBuiltinRulesOption = False,
    disable: DisableOption = None,
) -> None:
    """List the rules in force: id, level, action, scope and file."""
    rule_set = _rule_set(load_settings(), rules, no_builtin_rules, disable)
    header = ("id", "level", "action", "scope", "file")
    rows = [(r.id, str(r.level), str(r.action), str(r.scope), _display_path(r.source)) for r in rule_set]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(4)]
    for row in [header, *rows]:
        typer.echo("  ".join(cell.ljust(width) for cell, width in zip(row, widths)) + "  " + row[4])


@rules_app.command("show")
def rules_show(
    rule_id: Annotated[str, typer.Argument(metavar="ID", help="The rule's id, e.g. fr.first-person-framing.")],
    rules: RulesOption = None,
    no_builtin_rules: NoBuiltinRulesOption = False,
) -> None:
    """Print a rule: where it is, what it does, its examples and its expanded pattern."""
    rule_set = _rule_set(load_settings(), rules, no_builtin_rules, None)
    if rule_id not in rule_set:
        raise TranslatorError(f"unknown rule id {rule_id!r}: run 'translator rules list' to see the ids")
    typer.echo(describe_rule(rule_set.get(rule_id), _display_path))


def _display_path(path: Path) -> str:
    """A path relative to the current folder when it lies below it."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


@rules_app.command("test")
def rules_test(
    directories: Annotated[Optional[list[Path]], typer.Argument(help="Rule folders to test [default: the rules in force].")] = None,
) -> None:
    """Run every rule's examples and counterexamples; exit 1 if one fails."""
    from ..clean.examples import check_rule_examples

    rule_set = load_rules(directories, builtin=False) if directories else _rule_set(load_settings())
    failures = check_rule_examples(rule_set)
    for failure in failures:
        typer.echo(f"FAIL {failure}")
    total = sum(len(r.spec.examples) + len(r.spec.counterexamples) for r in rule_set)
    typer.echo(f"{len(rule_set)} rules: {total - len(failures)} passed, {len(failures)} failed")
    raise typer.Exit(1 if failures else 0)


# `--diff` takes an optional style; click options cannot, so it is spelt out here.
_DIFF_STYLES = {"--diff=side": "--diff-side", "--diff=unified": "--diff"}


def main() -> None:
    """Console entry point: bad input becomes one line on stderr and exit code 2."""
    arguments = [_DIFF_STYLES.get(argument, argument) for argument in sys.argv[1:]]
    try:
        app(args=arguments, prog_name="translator")
    except TranslatorError as problem:
        _error(str(problem))
        sys.exit(2)
    except KeyboardInterrupt:
        sys.exit(130)
