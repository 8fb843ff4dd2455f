"""``translator rules``: list, show and test the artefact rules."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from ..config import Settings
from ..errors import TranslatorError
from . import options as opt
from .app import rules_app

if TYPE_CHECKING:
    from ..clean.rules import RuleSet


def _rule_set(project: Settings, lang: str | None = None) -> RuleSet:
    """The rules in force for ``lang`` (``--lang``, else French)."""
    from ..pipeline.job import Job

    return Job(project).rules(lang)


@rules_app.command("list")
@opt.with_settings("rules", "lang")
def rules_list(project: Settings = Settings()) -> None:
    """List the rules in force: id, level, action, scope and file."""
    header = ("id", "level", "action", "scope", "file")
    rows = [(r.id, str(r.level), str(r.action), str(r.scope), opt.display_path(r.source)) for r in _rule_set(project)]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(4)]
    for row in [header, *rows]:
        typer.echo("  ".join(cell.ljust(width) for cell, width in zip(row, widths)) + "  " + row[4])


@rules_app.command("show")
@opt.with_settings("rules", "lang")
def rules_show(
    rule_id: Annotated[str, typer.Argument(metavar="ID", help="The rule's id, e.g. fr.first-person-framing.")],
    project: Settings = Settings(),
) -> None:
    """Print a rule: where it is, what it does, its examples and its expanded pattern."""
    from ..clean.rules import describe_rule
    from ..lang import languages

    prefix = rule_id.partition(".")[0]
    rule_set = _rule_set(project, project.lang or (prefix if prefix in languages() else None))
    if rule_id not in rule_set:
        raise TranslatorError(f"unknown rule id {rule_id!r}: run 'translator rules list' to see the ids")
    typer.echo(describe_rule(rule_set.get(rule_id), opt.display_path))


@rules_app.command("test")
def rules_test(
    directories: Annotated[Optional[list[Path]], typer.Argument(metavar="DIR...", help="Rule folders to test [default: the rules in force].")] = None,
    lang: opt.LangOption = None,
) -> None:
    """Run every rule's examples and counterexamples; exit 1 if one fails."""
    from ..clean.examples import check_rule_examples
    from ..clean.rules import load_rules

    rule_set = load_rules(directories, builtin=False, lang=lang or "fr") if directories else _rule_set(opt.settings(lang=lang))
    failures = check_rule_examples(rule_set)
    for failure in failures:
        typer.echo(f"FAIL {failure}")
    total = sum(len(r.spec.examples) + len(r.spec.counterexamples) for r in rule_set)
    typer.echo(f"{len(rule_set)} rules: {total - len(failures)} passed, {len(failures)} failed")
    raise typer.Exit(1 if failures else 0)
