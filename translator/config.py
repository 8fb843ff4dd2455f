"""Project settings from ``translator.toml`` or ``[tool.translator]`` in ``pyproject.toml``.

The closest file from the current directory upwards wins (like ruff); options given
on the command line win over it.  Paths in a file are relative to that file.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import TranslatorError
from .rules import Level


class Settings(BaseModel):
    """Every setting a project can fix, with its default."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    rules: list[Path] = []
    builtin_rules: bool = Field(True, alias="builtin-rules")
    disable: list[str] = []
    fail_level: Level = Field(Level.WARNING, alias="fail-level")
    encoding: str = "utf-8"
    glossaries: list[Path] = []
    builtin_glossaries: bool = Field(True, alias="builtin-glossaries")
    source: Path | None = Field(None, exclude=True)


def find_config(start: Path) -> tuple[Path, dict] | None:
    """The closest settings file at or above ``start`` and its ``translator`` table."""
    for folder in (start.resolve(), *start.resolve().parents):
        dedicated = folder / "translator.toml"
        if dedicated.is_file():
            return dedicated, _read_toml(dedicated)
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
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
        settings = Settings.model_validate(table)
    except ValidationError as error:
        first = error.errors()[0]
        key = ".".join(str(part) for part in first["loc"])
        problem = "unknown key" if first["type"] == "extra_forbidden" else first["msg"]
        raise TranslatorError(f"{where}: '{key}': {problem}") from None
    base = path.parent
    return settings.model_copy(
        update={
            "rules": [base / p for p in settings.rules],
            "glossaries": [base / p for p in settings.glossaries],
            "source": path,
        }
    )


def _read_toml(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise TranslatorError(f"{path}: broken TOML: {error}") from None
