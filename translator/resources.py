"""Where the built-in data (rules, glossaries) lives, installed or in a source checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def builtin_data_dir(name: str) -> Path:
    """The built-in ``rules`` or ``glossaries`` folder.

    A wheel carries them inside the package (``translator/data/NAME``); a source
    checkout or an editable install reads the repository's top-level folder.
    """
    installed = _PACKAGE / "data" / name
    return installed if installed.is_dir() else _PACKAGE.parent / name
