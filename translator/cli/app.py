"""The Typer application and its command groups (filled by the command modules)."""

from __future__ import annotations

from typing import Annotated

import typer

app = typer.Typer(
    help="Clean machine-rewrite artefacts out of French news and translate it offline.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _print_version(asked: bool) -> None:
    if asked:
        from .. import __version__

        typer.echo(f"translator {__version__}")
        raise typer.Exit()


@app.callback()
def _options(
    version: Annotated[bool, typer.Option("--version", callback=_print_version, is_eager=True, help="Print the version and exit.")] = False,
) -> None:
    """Clean machine-rewrite artefacts out of French news and translate it offline."""
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
