"""Options shared by the commands, the settings they merge into, and terminal helpers.

Every command that cleans takes the same rule options, every command that translates
or checks grammar the same glossary options; they are merged over the project's
settings file once, by :func:`settings`.
"""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Optional

import typer

from ..config import Settings, load_settings
from ..diagnostics import Level
from ..io.batch import Batch, Failure

class CleanFormat(StrEnum):
    TEXT = "text"
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


InputsArgument = Annotated[list[str], typer.Argument(help="Articles: files, folders (their *.txt files) or - for stdin.")]
OutputOption = Annotated[Optional[str], typer.Option("-o", "--output", help="Write the result here (a folder for several inputs, or when it ends with /).")]
EncodingOption = Annotated[Optional[str], typer.Option("--encoding", help="Encoding of the inputs [default: utf-8].")]
QuietOption = Annotated[bool, typer.Option("-q", "--quiet", help="Do not list findings or violations on stderr.")]
RulesOption = Annotated[Optional[list[Path]], typer.Option("--rules", help="Add the rules of this folder (or YAML file); repeatable.")]
NoBuiltinRulesOption = Annotated[bool, typer.Option("--no-builtin-rules", help="Use only the rules given with --rules.")]
DisableOption = Annotated[Optional[list[str]], typer.Option("--disable", help="Switch a rule off by id; repeatable.")]
LangOption = Annotated[Optional[str], typer.Option("--lang", help="Language of the articles (fr, en) [default: detected per article].")]
FailLevelOption = Annotated[Optional[Level], typer.Option("--fail-level", help="Lowest level that fails --check [default: warning].")]
QAOption = Annotated[bool, typer.Option("--qa", help="Also proofread with LanguageTool; skipped (and said so) when none is available.")]
LanguageToolOption = Annotated[Optional[str], typer.Option("--languagetool", help="A LanguageTool server URL [default: $LANGUAGETOOL_URL].")]
FromOption = Annotated[str, typer.Option("--from", help="Source language code.")]
AlsoToOption = Annotated[Optional[str], typer.Option("--to", help="Also translate into this language (e.g. en).")]
GlossaryOption = Annotated[Optional[list[Path]], typer.Option("--glossary", help="Add a glossary (YAML, TSV or CSV); repeatable.")]
NoBuiltinGlossaryOption = Annotated[bool, typer.Option("--no-builtin-glossary", help="Use only the glossaries given with --glossary.")]
NoCacheOption = Annotated[bool, typer.Option("--no-cache", help="Neither read nor fill the translation memory.")]
CacheOption = Annotated[Optional[Path], typer.Option("--cache", help="Translation memory file [default: in the user cache folder].")]


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


class Progress:
    """A one-line counter on stderr, shown only on a terminal (and not in CI or with NO_COLOR)."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.done = 0
        self.enabled = total > 1 and sys.stderr.isatty() and not os.environ.get("CI") and not os.environ.get("NO_COLOR")

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


def batch_with_progress(inputs: list[str], output: str | None, encoding: str) -> tuple[Batch, Progress]:
    """The inputs as a batch, counted on the terminal; a failed input is one line on stderr."""
    batch = Batch(inputs, output, encoding)
    progress = Progress(len(batch.files))
    batch.on_file = progress.step

    def failed(failure: Failure) -> None:
        progress.clear()
        error(failure.message)

    batch.on_failed = failed
    return batch, progress
