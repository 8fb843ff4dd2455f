"""``translator glossary check`` and ``translator cache clear``: the glossaries and the translation memory."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from . import options as opt
from .app import cache_app, glossary_app


@glossary_app.command("check")
def glossary_check(
    files: Annotated[list[Path], typer.Argument(metavar="FILES...", help="Glossary files: YAML, TSV or CSV.")],
    from_: Annotated[str, typer.Option("--from", help="Source language the glossary must be for.")] = "fr",
    to: Annotated[str, typer.Option("--to", help="Target language the glossary must be for.")] = "en",
) -> None:
    """Validate glossaries; the first problem is reported with its file, entry and line."""
    from ..translate.glossary import load_glossary_file

    for path in files:
        typer.echo(f"{path}: {len(load_glossary_file(path, source=from_, target=to))} entries, valid")


@cache_app.command("clear")
def cache_clear(cache: opt.CacheOption = None) -> None:
    """Forget every remembered translation."""
    from ..translate.memory import TranslationMemory, default_memory_path

    path = cache or default_memory_path()
    if not path.exists():
        typer.echo(f"{path}: no translation memory yet")
        return
    with TranslationMemory(path) as memory:
        typer.echo(f"{path}: {memory.clear()} translations forgotten")
