"""The ``translator`` command line: a thin layer over the library.

Exit codes: 0 done (nothing to report with --check), 1 findings at or above
--fail-level with --check or some files of a batch failed, 2 bad input or
configuration (one line on stderr, no traceback).
"""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Optional

import typer

from .cleaning import CleanResult, clean_text
from .config import Settings, load_settings
from .errors import TranslatorError
from .files import STDIO, expand_inputs, read_source, write_atomic, write_stdout
from .rules import Level, RuleSet, load_rules

app = typer.Typer(
    help="Clean machine-rewrite artefacts out of French news and translate it offline.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    rich_markup_mode=None,
)
rules_app = typer.Typer(help="List and test the artefact rules.", no_args_is_help=True)
app.add_typer(rules_app, name="rules")


class ReportFormat(StrEnum):
    TEXT = "text"
    JSON = "json"
    SARIF = "sarif"


RulesOption = Annotated[
    Optional[list[Path]], typer.Option("--rules", help="Add the rules of this folder (or YAML file); repeatable.")
]
NoBuiltinRulesOption = Annotated[bool, typer.Option("--no-builtin-rules", help="Use only the rules given with --rules.")]
DisableOption = Annotated[Optional[list[str]], typer.Option("--disable", help="Switch a rule off by id; repeatable.")]


def _rule_set(settings: Settings, extra: list[Path] | None, no_builtin: bool, disable: list[str] | None) -> RuleSet:
    return load_rules(
        [*settings.rules, *(extra or [])],
        builtin=settings.builtin_rules and not no_builtin,
        disable=[*settings.disable, *(disable or [])],
    )


def _error(message: str) -> None:
    typer.echo(f"error: {message}", err=True)


@app.command()
def clean(
    inputs: Annotated[list[str], typer.Argument(help="Articles: files, folders (their *.txt files) or - for stdin.")],
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="Write the cleaned text here (a folder for several inputs).")] = None,
    report_format: Annotated[ReportFormat, typer.Option("--format", help="text: the cleaned text; json: one report per file and line; sarif: for CI.")] = ReportFormat.TEXT,
    check: Annotated[bool, typer.Option("--check", help="Write nothing; exit 1 if any finding reaches --fail-level.")] = False,
    diff: Annotated[bool, typer.Option("--diff", help="Print a unified diff of original vs cleaned instead of the text.")] = False,
    fail_level: Annotated[Optional[Level], typer.Option("--fail-level", help="Lowest level that fails --check [default: warning].")] = None,
    in_place: Annotated[bool, typer.Option("--in-place", help="Rewrite the input files themselves.")] = False,
    encoding: Annotated[Optional[str], typer.Option("--encoding", help="Encoding of the inputs [default: utf-8].")] = None,
    quiet: Annotated[bool, typer.Option("-q", "--quiet", help="Do not list the findings on stderr.")] = False,
    rules: RulesOption = None,
    no_builtin_rules: NoBuiltinRulesOption = False,
    disable: DisableOption = None,
) -> None:
    """Remove rewriting-bot artefacts and show every change."""
    settings = load_settings()
    rule_set = _rule_set(settings, rules, no_builtin_rules, disable)
    threshold = fail_level or settings.fail_level
    files = expand_inputs(inputs)
    batch = len(files) > 1 or any(Path(name).is_dir() for name in inputs if name != STDIO)
    to_folder = output is not None and (batch or output.is_dir())
    _check_clean_options(files, output, batch, in_place, check, diff, report_format)

    outcomes: list[tuple[str, CleanResult]] = []
    failures = 0
    progress = _Progress(len(files)) if batch else None
    for name in files:
        if progress:
            progress.step(name)
        try:
            source = read_source(name, encoding or settings.encoding)
            result = clean_text(source.text, rule_set)
            if not check:
                if in_place:
                    if result.changed:
                        write_atomic(Path(name), source.encode(result.text))
                elif output is not None:
                    write_atomic(output / Path(name).name if to_folder else output, source.encode(result.text))
                elif report_format is ReportFormat.TEXT and not diff:
                    write_stdout(source.encode(result.text))
        except TranslatorError as problem:
            if not batch:
                raise
            if progress:
                progress.clear()
            _error(str(problem))
            failures += 1
            continue
        outcomes.append((name, result))
        _report(name, result, report_format, check, diff, quiet)
    if progress:
        progress.clear()
    if report_format is ReportFormat.SARIF:
        from .report import sarif_report

        typer.echo(sarif_report(outcomes, rule_set))
    failing = check and any(result.findings_at_least(threshold) for _, result in outcomes)
    raise typer.Exit(1 if failures or failing else 0)


def _check_clean_options(files: list[str], output: Path | None, batch: bool, in_place: bool, check: bool, diff: bool, report_format: ReportFormat) -> None:
    if in_place and (output is not None or STDIO in files):
        raise TranslatorError("--in-place rewrites input files: it cannot go with -o or stdin (-)")
    if batch and output is None and not (check or diff or in_place or report_format is not ReportFormat.TEXT):
        raise TranslatorError("several inputs or a folder need -o OUTDIR (or --check, --diff, --in-place, --format json)")
    if batch and output is not None and output.exists() and not output.is_dir():
        raise TranslatorError(f"{output}: exists and is not a folder; -o must name a folder for several inputs")


def _report(name: str, result: CleanResult, report_format: ReportFormat, check: bool, diff: bool, quiet: bool) -> None:
    from .report import finding_lines, json_report, unified_diff

    if diff:
        typer.echo(unified_diff(name, result), nl=False)
    if report_format is ReportFormat.JSON:
        typer.echo(json_report(name, result))
    elif report_format is ReportFormat.TEXT and not quiet:
        for line in finding_lines(name, result):
            # With --check the findings are the output; otherwise stdout holds the text.
            typer.echo(line, err=not check)


class _Progress:
    """A one-line counter on stderr, shown only on a terminal (and not in CI or with NO_COLOR)."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.done = 0
        self.enabled = sys.stderr.isatty() and not os.environ.get("CI") and not os.environ.get("NO_COLOR")

    def step(self, name: str) -> None:
        self.done += 1
        if self.enabled:
            sys.stderr.write(f"\r\033[K[{self.done}/{self.total}] {name}")
            sys.stderr.flush()

    def clear(self) -> None:
        if self.enabled:
            sys.stderr.write("\r\033[K")
            sys.stderr.flush()


@rules_app.command("list")
def rules_list(
    rules: RulesOption = None,
    no_builtin_rules: NoBuiltinRulesOption = False,
    disable: DisableOption = None,
) -> None:
    """List the rules in force: id, level, action, scope and file."""
    rule_set = _rule_set(load_settings(), rules, no_builtin_rules, disable)
    rows = [(r.id, str(r.level), str(r.action), str(r.scope), _display_path(r.source)) for r in rule_set]
    widths = [max(len(row[i]) for row in rows + [("id", "level", "action", "scope", "file")]) for i in range(4)]
    for row in [("id", "level", "action", "scope", "file"), *rows]:
        typer.echo("  ".join(cell.ljust(width) for cell, width in zip(row, widths)) + "  " + row[4])


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
    from .rule_examples import check_rule_examples

    rule_set = load_rules(directories, builtin=False) if directories else _rule_set(load_settings(), None, False, None)
    failures = check_rule_examples(rule_set)
    for failure in failures:
        typer.echo(f"FAIL {failure}")
    total = sum(len(r.spec.examples) + len(r.spec.counterexamples) for r in rule_set)
    typer.echo(f"{len(rule_set)} rules: {total - len(failures)} passed, {len(failures)} failed")
    raise typer.Exit(1 if failures else 0)


def main() -> None:
    """Console entry point: bad input becomes one line on stderr and exit code 2."""
    try:
        app()
    except TranslatorError as problem:
        _error(str(problem))
        sys.exit(2)
    except KeyboardInterrupt:
        sys.exit(130)
