"""The review in a terminal: a Rich table, one row per paragraph, changes coloured and
styled (removed text struck through, inserted text underlined) or bracketed without
colour; paged through ``$PAGER`` (``less -R`` by default) on a terminal."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from typing import TYPE_CHECKING

from ..io.terminal import visible
from .model import Cell, Review, pieces

if TYPE_CHECKING:
    from rich.console import Console

_STYLES = {"removed": "bold red strike", "flagged": "bold yellow italic", "inserted": "bold green underline",
           "violation": "bold white on red", "qa": "blue italic", "term": "cyan"}
_MARKERS = {"removed": ("[-", "-]"), "inserted": ("{+", "+}"), "flagged": ("[!", "!]"),
            "violation": ("[!!", "!!]"), "qa": ("[?", "?]"), "term": ("<", ">")}


_NARROW = 60  # below this many columns, the texts of a row are stacked, not side by side


@contextmanager
def paged_console(enabled: bool = True) -> Iterator[Console | None]:
    """The console a command prints its side-by-side reviews on: all of them go through
    one pager when stdout is a terminal (None: the command prints none)."""
    if not enabled:
        yield None
        return
    from rich.console import Console
    from rich.pager import Pager

    class CommandPager(Pager):
        def show(self, content: str) -> None:
            page(content)

    console = Console(highlight=False)
    if not (console.is_terminal and sys.stdout.isatty()):
        yield console
        return
    with console.pager(pager=CommandPager(), styles=True):
        yield console


def page(content: str) -> None:
    """Show ``content`` through ``$PAGER`` (run by the shell, as git does), else ``less -R``;
    straight on stdout when there is no pager or ``PAGER`` is empty or ``cat``."""
    command = os.environ.get("PAGER")
    if command is None:
        command = "less -R" if shutil.which("less") else ""
    if command.strip() in ("", "cat"):
        sys.stdout.write(content)
        sys.stdout.flush()
        return
    env = {**os.environ, "LESS": os.environ.get("LESS", "FRX")}  # as git: colours, and no pager for a short text
    subprocess.run(command, shell=True, input=content.encode("utf-8", "replace"), env=env, check=False)


def print_review(review: Review, *, only_changes: bool = False, console: Console | None = None) -> None:
    """A review side by side in the terminal, on ``console`` (by default a paged one of its own)."""
    with nullcontext(console) if console is not None else paged_console() as shown:
        print_side_by_side(review, shown, only_changes=only_changes)


def print_side_by_side(review: Review, console, *, only_changes: bool = False) -> None:
    """A Rich table, one row per paragraph, the rules' notes in the last column.

    Without colour (not a terminal, or NO_COLOR), changes are bracketed
    ([-removed-], {+inserted+}, [!flagged!]) so they still show.  On a narrow
    terminal the columns of a row are stacked under their titles.
    """
    from rich.table import Table
    from rich.text import Text

    colour = console.color_system is not None
    stacked = console.width < _NARROW
    table = Table(expand=True, show_lines=True, title=visible(review.title))
    headers = [visible(header) for header in review.headers]
    for header in ([" | ".join(headers)] if stacked else headers):
        table.add_column(header, ratio=1, overflow="fold")
    for row in review.rows:
        if only_changes and not row.changed:
            continue
        cells = [_terminal_text(cell, colour) for cell in row.cells]
        if stacked:
            joined = Text()
            for header, text in zip(headers, cells):
                joined.append(("\n" if joined.plain else "") + f"{header}: ", style="bold" if colour else None)
                joined.append_text(text)
            cells = [joined]
        for note in row.notes:
            cells[-1].append(("\n" if cells[-1].plain else "") + f"▸ {visible(note)}", style="dim yellow" if colour else None)
        table.add_row(*cells)
    console.print(table)


def _terminal_text(cell: Cell, colour: bool):
    from rich.text import Text

    text = Text()
    for piece, kinds, *_ in pieces(cell):
        piece = visible(piece)
        kind = next((k for k in _STYLES if k in kinds), None)
        if kind is None:
            text.append(piece)
        elif colour:
            text.append(piece, style=_STYLES[kind])
        else:
            opening, closing = _MARKERS[kind]
            text.append(f"{opening}{piece}{closing}")
    return text
