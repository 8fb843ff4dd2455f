"""Project settings from ``translator.toml`` or ``[tool.translator]`` in ``pyproject.toml``.

The closest file from the current directory upwards wins (like ruff); options given
on the command line are merged over it once (:meth:`Settings.with_options`), the same
way for every command.  Paths in a file are relative to that file.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .diagnostics import Level
from .errors import TranslatorError
from .schema import SchemaError, build


@dataclass(frozen=True)
class Settings:
    """Every setting a project can fix, with its default."""

    rules: list[Path] = field(default_factory=list)
    builtin_rules: bool = field(default=True, metadata={"alias": "builtin-rules"})
    disable: list[str] = field(default_factory=list)
    fail_level: Level = field(default=Level.WARNING, metadata={"alias": "fail-level"})
    encoding: str = "utf-8"
    glossaries: list[Path] = field(default_factory=list)
    builtin_glossaries: bool = field(default=True, metadata={"alias": "builtin-glossaries"})
    lang: str | None = None  # the articles' language; None: detected per article
    source: Path | None = field(default=None, metadata={"internal": True})  # the file they came from


    def with_options(
        self,
        *,
        rules: Sequence[Path] | None = None,
        no_builtin_rules: bool = False,
        disable: Sequence[str] | None = None,
        fail_level: Level | None = None,
        encoding: str | None = None,
        glossaries: Sequence[Path] | None = None,
        no_builtin_glossaries: bool = False,
        lang: str | None = None,
    ) -> Settings:
        """These settings with command-line options on top: lists add to the file's,
        switches and values given replace them."""
        return dataclasses.replace(
            self,
            rules=[*self.rules, *(rules or ())],
            builtin_rules=self.builtin_rules and not no_builtin_rules,
            disable=[*self.disable, *(disable or ())],
            fail_level=fail_level or self.fail_level,
            encoding=encoding or self.encoding,
            glossaries=[*self.glossaries, *(glossaries or ())],
            builtin_glossaries=self.builtin_glossaries and not no_builtin_glossaries,
            lang=lang or self.lang,
        )


def find_config(start: Path) -> tuple[Path, dict] | None:
    """The closest settings file at or above ``start`` and its ``translator`` table.

    A settings file owned by someone else than you or root (one left in a shared folder
    such as /tmp) is refused, as git refuses such repositories: it could add rules."""
    for folder in (start.resolve(), *start.resolve().parents):
        dedicated = folder / "translator.toml"
        if dedicated.is_file():
            _check_owner(dedicated)
            return dedicated, _read_toml(dedicated)
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            _check_owner(pyproject)
            tool = _read_toml(pyproject).get("tool")
            table = tool.get("translator") if isinstance(tool, dict) else None
            if table is not None:
                if not isinstance(table, dict):
                    raise TranslatorError(f"{pyproject}: [tool.translator] must be a table of settings")
                return pyproject, table
    return None


def load_settings(start: Path | None = None) -> Settings:
    found = find_config(start or Path.cwd())
    if found is None:
        return Settings()
    path, table = found
    where = f"{path}" + (" [tool.translator]" if path.name == "pyproject.toml" else "")
    try:
        settings = build(Settings, table)
    except SchemaError as error:
        problem = "unknown key" if error.unknown else error.problem
        raise TranslatorError(f"{where}: '{error.field}': {problem}") from None
    base = path.parent
    return dataclasses.replace(
        settings,
        rules=[base / p for p in settings.rules],
        glossaries=[Path(os.path.relpath(base / p)) for p in settings.glossaries],  # named in messages as near as can be
        source=path,
    )


def _check_owner(path: Path) -> None:
    owner = path.stat().st_uid
    if owner not in (os.getuid(), 0):
        raise TranslatorError(f"{path}: settings file owned by another user (uid {owner}); it is not read: "
                              "remove it, or run from a folder outside it")


def _read_toml(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise TranslatorError(f"{path}: broken TOML: {error}") from None
