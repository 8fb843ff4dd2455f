"""``translator models``: list, install and remove translation models."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..errors import TranslatorError
from .app import models_app


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
    what: Annotated[list[str], typer.Argument(metavar="FILE | FROM TO", help="An .argosmodel file, or two language codes (fr en) to download.")],
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
def models_remove(name: Annotated[str, typer.Argument(metavar="NAME", help="The package folder name or the pair (fr-en).")]) -> None:
    """Remove an installed model."""
    from ..translate.packages import remove_package

    typer.echo(f"removed {remove_package(name)}")
