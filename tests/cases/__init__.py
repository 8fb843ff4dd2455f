"""Cleaning cases as data: every ``tests/cases/*.yaml`` file, one loader.

A linguist adds a case by editing YAML, without writing Python; ``docs/CASES.md``
describes the format.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

CASES_DIR = Path(__file__).parent
_FIELDS = {"id", "families", "note", "genre", "input", "expected", "published_at", "flags", "xfail"}
_FLAG_FIELDS = {"rule", "level", "text"}
_UNSET = object()


@dataclass(frozen=True)
class Flag:
    """A finding the cleaner must report: its rule, and optionally its level and a text it covers."""

    rule: str
    level: str | None = None
    text: str | None = None


@dataclass(frozen=True)
class Case:
    id: str
    file: str
    families: tuple[str, ...]
    input: str
    expected: str  # the input itself when the case expects no change
    published_at: object = _UNSET  # str, None (no timestamp), or unset (not checked)
    flags: tuple[Flag, ...] = field(default=())
    xfail: str | None = None  # a known gap, with its reason: the case must fail until fixed

    @property
    def is_control(self) -> bool:
        """Real news: it must come out byte-identical, with no warning and no error."""
        return "control" in self.families

    @property
    def checks_published_at(self) -> bool:
        return self.published_at is not _UNSET


def load_cases(directory: Path = CASES_DIR) -> list[Case]:
    """Every case of the folder's YAML files; ids are unique across files."""
    cases: list[Case] = []
    seen: dict[str, str] = {}
    for path in sorted(directory.glob("*.yaml")):
        for case in load_case_file(path):
            if case.id in seen:
                raise ValueError(f"{path.name}: case {case.id!r} already defined in {seen[case.id]}")
            seen[case.id] = path.name
            cases.append(case)
    return cases


def load_case_file(path: Path) -> list[Case]:
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(entries, list):
        raise ValueError(f"{path.name}: a case file is a YAML list of cases")
    return [_case(path.name, number, entry) for number, entry in enumerate(entries, 1)]


def _case(file: str, number: int, entry: object) -> Case:
    where = f"{file}: case #{number}"
    if not isinstance(entry, dict) or not {"id", "input"} <= entry.keys():
        raise ValueError(f"{where}: a case is a mapping with at least 'id' and 'input'")
    unknown = sorted(entry.keys() - _FIELDS)
    if unknown:
        raise ValueError(f"{where}: unknown field {unknown[0]!r} (allowed: {', '.join(sorted(_FIELDS))})")
    flags = []
    for flag in entry.get("flags") or ():
        if isinstance(flag, str):
            flag = {"rule": flag}
        if not isinstance(flag, dict) or "rule" not in flag or flag.keys() - _FLAG_FIELDS:
            raise ValueError(f"{where}: a flag is a rule id, or a mapping of {', '.join(sorted(_FLAG_FIELDS))}")
        flags.append(Flag(**flag))
    families = tuple(entry.get("families") or ())
    if "control" in families and "expected" in entry:
        raise ValueError(f"{where}: a control case has no 'expected' (it must come out unchanged)")
    return Case(
        id=str(entry["id"]),
        file=file,
        families=families,
        input=entry["input"],
        expected=entry.get("expected", entry["input"]),
        published_at=entry.get("published_at", _UNSET),
        flags=tuple(flags),
        xfail=entry.get("xfail"),
    )
