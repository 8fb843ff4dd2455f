"""Options shared by the commands and the settings they merge into.

Every command that cleans takes the same rule options, every command that translates or checks
grammar the same glossary options (:func:`with_settings`), merged over the settings file once.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Optional, get_type_hints

import typer

from ..config import Settings, load_settings
from ..diagnostics import Level


class CleanFormat(StrEnum):
    TEXT = "text"
    MARKDOWN = "markdown"
    JSON = "json"
    SARIF = "sarif"


class TranslateFormat(StrEnum):
    TEXT = "text"
    JSON = "json"
    TSV = "tsv"
    XLIFF = "xliff"


class CheckFormat(StrEnum):
    TEXT = "text"
    JSON = "json"

InputsArgument = Annotated[list[str], typer.Argument(metavar="INPUTS...", help="Articles: files (.txt, .html, .md…), folders (their article files) or - for stdin.")]
InputFormatOption = Annotated[Optional[str], typer.Option("--input-format", metavar="NAME", help="Read the inputs as this format (text, html, markdown…) [default: by file name].")]
OutputOption = Annotated[Optional[str], typer.Option("-o", "--output", metavar="PATH", help="Write the result here (a folder for several inputs, or when it ends with /).")]
EncodingOption = Annotated[Optional[str], typer.Option("--encoding", metavar="NAME", help="Encoding of the inputs [default: utf-8].")]
QuietOption = Annotated[bool, typer.Option("-q", "--quiet", help="Do not list findings or violations on stderr.")]
RulesOption = Annotated[Optional[list[Path]], typer.Option("--rules", metavar="DIR", help="Add the rules of this folder (or YAML file); repeatable.")]
NoBuiltinRulesOption = Annotated[bool, typer.Option("--no-builtin-rules", help="Use only the rules given with --rules.")]
DisableOption = Annotated[Optional[list[str]], typer.Option("--disable", metavar="ID", help="Switch a rule off by id; repeatable.")]
LangOption = Annotated[Optional[str], typer.Option("--lang", metavar="CODE", help="Language of the articles (fr, en) [default: detected per article].")]
FailLevelOption = Annotated[Optional[Level], typer.Option("--fail-level", help="Lowest level that fails --check [default: warning].")]
QAOption = Annotated[bool, typer.Option("--qa", help="Also proofread with LanguageTool; skipped (and said so) when none is available.")]
LanguageToolOption = Annotated[Optional[str], typer.Option("--languagetool", metavar="URL", help="A LanguageTool server URL [default: $LANGUAGETOOL_URL].")]
FromOption = Annotated[str, typer.Option("--from", metavar="CODE", help="Source language code.")]
AlsoToOption = Annotated[Optional[str], typer.Option("--to", metavar="CODE", help="Also translate into this language (e.g. en).")]
GlossaryOption = Annotated[Optional[list[Path]], typer.Option("--glossary", metavar="FILE", help="Add a glossary (YAML, TSV or CSV); repeatable.")]
NoBuiltinGlossaryOption = Annotated[bool, typer.Option("--no-builtin-glossary", help="Use only the glossaries given with --glossary.")]
NoCacheOption = Annotated[bool, typer.Option("--no-cache", help="Neither read nor fill the translation memory.")]
CacheOption = Annotated[Optional[Path], typer.Option("--cache", metavar="FILE", help="Translation memory file [default: in the user cache folder].")]


# the options each group adds to a command, with their defaults
_GROUPS: dict[str, dict[str, tuple[object, object]]] = {
    "rules": {"rules": (RulesOption, None), "no_builtin_rules": (NoBuiltinRulesOption, False), "disable": (DisableOption, None)},
    "lang": {"lang": (LangOption, None)},
    "glossary": {"glossary": (GlossaryOption, None), "no_builtin_glossary": (NoBuiltinGlossaryOption, False)},
    "encoding": {"encoding": (EncodingOption, None)},
    "fail_level": {"fail_level": (FailLevelOption, None)},
}


def with_settings(*groups: str) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Give a command the options of these groups, the same everywhere, and call it with
    ``project``: the settings file with those options merged over it, once."""

    def decorate(command: Callable[..., None]) -> Callable[..., None]:
        hints = get_type_hints(command, include_extras=True)
        own = [p.replace(annotation=hints.get(p.name, p.annotation)) for p in inspect.signature(command).parameters.values() if p.name != "project"]
        shared = {name: value for group in groups for name, value in _GROUPS[group].items()}
        added = [inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, annotation=annotation, default=default)
                 for name, (annotation, default) in shared.items()]

        @functools.wraps(command)
        def run_command(*args: object, **kwargs: object) -> None:
            options = {name: kwargs.pop(name) for name in shared}
            return command(*args, project=settings(**options), **kwargs)

        run_command.__signature__ = inspect.Signature([*own, *added])
        run_command.__annotations__ = {p.name: p.annotation for p in [*own, *added]}
        return run_command

    return decorate


def settings(
    *,
    rules: list[Path] | None = None,
    no_builtin_rules: bool = False,
    disable: list[str] | None = None,
    fail_level: Level | None = None,
    encoding: str | None = None,
    glossary: list[Path] | None = None,
    no_builtin_glossary: bool = False,
    lang: str | None = None,
) -> Settings:
    """The project's settings file with the command line's options on top."""
    return load_settings().with_options(
        rules=rules, no_builtin_rules=no_builtin_rules, disable=disable, fail_level=fail_level, encoding=encoding,
        glossaries=glossary, no_builtin_glossaries=no_builtin_glossary, lang=lang,
    )


def error(message: str) -> None:
    typer.echo(f"error: {message}", err=True)


def display_path(path: Path) -> str:
    """A path relative to the current folder when it lies below it."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)
