"""The Typer application and its command groups (filled by the command modules)."""

from __future__ import annotations

import typer

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
