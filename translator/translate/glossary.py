"""Glossaries: source→target terms that translation must respect.

Formats:

* YAML (``glossaries/fr-en/names.yaml``)::

      source: fr
      target: en
      entries:
        - source: [Biélorussie]          # one form or a list of forms (inflections, variants)
          target: Belarus
          also: [Belarus's]              # other accepted translations ("Russia-": a prefix)
          type: name                     # name | term | keep (keep = do not translate)
          case_sensitive: true           # default; a lower-case form also matches capitalised
          note: …

* TSV or CSV (``source<TAB>target``), the shape DeepL and Google glossaries export:
  CSV with commas or semicolons (the French Excel default, told from the first line);
  a target cell ``Russian|Russia's|Russia-`` lists accepted alternatives after the
  target; an optional third column is the type (name, term, keep); a first row naming
  the languages (``fr,en``) is a header, and must name the pair asked for, as must
  DeepL's language columns (``source,target,fr,en``).

Matching is leftmost-longest: "Vladimir Poutine" wins over "Poutine".  Forms match
whole words, also after an elided article (« l’OTAN », « d’Ukraine »).
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from pathlib import Path

import yaml

from ..errors import TranslatorError
from ..io.files import parse_yaml_tree, read_data_file
from ..resources import builtin_data_dir

_WORD_CHAR = r"[^\W_]"
_APOSTROPHES = "[’']"
_ENTRY_FIELDS = {"source", "target", "also", "type", "case_sensitive", "note"}
_LANGUAGE = re.compile(r"[a-z]{2,3}(?:[-_][A-Za-z]+)?")


class TermType(StrEnum):
    NAME = "name"
    TERM = "term"
    KEEP = "keep"


@dataclass(frozen=True, slots=True)
class Term:
    """One glossary entry: its source forms, the target they must become, and other
    translations that are right too (``also``: "Russia's" for « russe »)."""

    forms: tuple[str, ...]
    target: str
    type: TermType
    case_sensitive: bool
    origin: str  # "file:line", the file named as it was given, for messages
    also: tuple[str, ...] = ()

    @property
    def accepted(self) -> tuple[str, ...]:
        """The target and its alternatives."""
        return (self.target, *self.also)


@dataclass(frozen=True, slots=True)
class TermMatch:
    """A glossary form found in a text."""

    start: int
    end: int
    form: str
    term: Term


@dataclass(frozen=True, slots=True)
class _Form:
    """One way a term is written, compiled to match at a word's start; ``accepted``
    when it is one of the term's translations rather than a source form."""

    pattern: re.Pattern[str]
    term: Term
    at_sentence_start_only: bool
    accepted: bool = False


_Index = dict[str, list[_Form]]


class Glossary:
    """Terms from one or more glossary files; later files override earlier forms.

    ``files`` names the files the terms come from, as they were given.
    """

    def __init__(self, terms: Iterable[Term] = (), files: Sequence[str] = ()) -> None:
        by_form: dict[str, tuple[str, Term]] = {}
        for term in terms:
            for form in term.forms:
                by_form[_key(form, term.case_sensitive)] = (form, term)
        self.terms: tuple[Term, ...] = tuple(dict.fromkeys(term for _, term in by_form.values()))
        self.files = tuple(files)
        self._forms = list(by_form.values())
        self._index = _build_index(
            [(form, variant) for form, term in self._forms for variant in _variants(form, term, anywhere=False)])
        self._translation_index: _Index | None = None

    def __len__(self) -> int:
        return len(self.terms)

    @property
    def description(self) -> str:
        """The glossary files for people: "built-in fr-en/names.yaml + newsroom.tsv"."""
        return " + ".join(self.files) or "no glossary file"

    @property
    def fingerprint(self) -> str:
        """A hash of the entries: translations made with another glossary are not reused."""
        canonical = sorted((t.forms, t.target, str(t.type), t.case_sensitive, t.also) for t in self.terms)
        return hashlib.sha256(json.dumps(canonical, ensure_ascii=False).encode()).hexdigest()[:16]

    def find(self, text: str) -> list[TermMatch]:
        """Non-overlapping matches, leftmost first, the longest form at each place.

        A lower-case form matches capitalised only at the start of the sentence: « Les
        Russes » (the people) is not the adjective « russes ».
        """
        return _scan(self._index, text)

    def find_in_translation(self, text: str) -> list[TermMatch]:
        """Source forms left in a translation, in any inflection the glossary lists.

        English capitalises nationalities, so a lower-case form also matches capitalised
        anywhere; text that is a term's target or alternative is English already
        ("Golan Heights" holds no French « Golan », "Afghans" is not « afghans »).
        """
        if self._translation_index is None:
            forms = [(form, variant) for form, term in self._forms for variant in _variants(form, term, anywhere=True)]
            accepted = [(text, _Form(_accepted_pattern(text), term, False, accepted=True))
                        for term in self.terms for text in term.accepted]
            self._translation_index = _build_index(accepted + forms)
        return _scan(self._translation_index, text)


def _build_index(forms: list[tuple[str, _Form]]) -> _Index:
    """Forms by their first two letters, longest first, then translations before source
    forms and forms as written before their capitalised variant: a text is scanned word
    by word, trying only the few forms that can start there."""
    index: _Index = {}
    for text, form in sorted(forms, key=lambda item: (-len(item[0]), not item[1].accepted, item[1].at_sentence_start_only)):
        index.setdefault(_index_key(text), []).append(form)
    return index


def _scan(index: _Index, text: str) -> list[TermMatch]:
    """Leftmost-longest matches of the index's source forms; where an accepted
    translation matches, what it covers is skipped."""
    matches: list[TermMatch] = []
    position = 0
    for word in _WORD_START.finditer(text):
        start = word.start()
        if start < position:
            continue
        for form in index.get(_index_key(text[start : start + 2]), ()):
            found = form.pattern.match(text, start)
            if found and not (form.at_sentence_start_only and text[:start].strip(_SENTENCE_OPENING)):
                if not form.accepted:
                    matches.append(TermMatch(start, found.end(), found.group(), form.term))
                position = found.end()
                break
    return matches


_SENTENCE_OPENING = " \t\u00a0«“\"(—–-"
_WORD_START = re.compile(rf"(?<!{_WORD_CHAR}){_WORD_CHAR}")


def _index_key(text: str) -> str:
    """The first two characters, lower-cased letter by letter (« İs » → « is »), apostrophes alike."""
    return "".join(char.lower()[0] for char in text[:2]).replace("'", "’")


def _variants(form: str, term: Term, *, anywhere: bool) -> list[_Form]:
    """The compiled ways to find a form: as written (or in any case), and capitalised
    for a lower-case form, at the start of a sentence unless ``anywhere``."""
    escaped = _words_pattern(form)
    end = rf"(?!{_WORD_CHAR})"
    if not term.case_sensitive:
        return [_Form(re.compile(f"(?i:{escaped}){end}"), term, False)]
    variants = [_Form(re.compile(f"{escaped}{end}"), term, False)]
    if form[:1].islower():
        capital = re.escape(form[:1].upper()) + escaped[len(re.escape(form[:1])) :]
        variants.append(_Form(re.compile(f"{capital}{end}"), term, not anywhere))
    return variants


@cache
def _accepted_pattern(text: str) -> re.Pattern[str]:
    """A translation as a whole word, its first letter in either case; one ending in a
    hyphen ("Russia-") is the start of a compound ("Russia-Ukraine")."""
    escaped = _words_pattern(text)
    if text[:1].isalpha():  # a letter is its own pattern
        escaped = f"[{text[0].lower()}{text[0].upper()}]{escaped[1:]}"
    end = "" if text.endswith("-") else rf"(?!{_WORD_CHAR})"
    return re.compile(rf"(?<!{_WORD_CHAR}){escaped}{end}")


def _words_pattern(text: str) -> str:
    """``text`` as a pattern: any spacing between words, either apostrophe."""
    return r"\s+".join(re.sub(r"[’']", _APOSTROPHES, re.escape(part)) for part in text.split())


def is_translated(term: Term, translation: str) -> bool:
    """Whether the term's target or one of its alternatives is in the translation."""
    return any(_accepted_pattern(text).search(translation) for text in term.accepted)


def _key(form: str, case_sensitive: bool) -> str:
    """How a form is told apart: spacing and apostrophes normalised, case folded if asked."""
    normal = re.sub(r"\s+", " ", form.replace("'", "’")).strip()
    return normal if case_sensitive else "\0" + normal.casefold()


# --- loading ------------------------------------------------------------------------------


def load_glossaries(paths: Sequence[Path] = (), *, builtin: bool = True, source: str = "fr", target: str = "en") -> Glossary:
    """The built-in glossaries for the pair (unless ``builtin`` is false), then ``paths``.

    Messages name a file as it was given, one inside the current folder relative to it,
    a built-in one as "built-in fr-en/names.yaml".
    """
    files: list[tuple[Path, str]] = []
    if builtin:
        folder = builtin_data_dir("glossaries") / f"{source}-{target}"
        if folder.is_dir():
            files.extend((p, f"built-in {folder.name}/{p.name}") for p in sorted(folder.iterdir()) if p.suffix in (".yaml", ".yml", ".tsv", ".csv"))
    files.extend((Path(p), _as_given(Path(p))) for p in paths)
    terms: list[Term] = []
    for path, name in files:
        terms.extend(load_glossary_file(path, source=source, target=target, name=name))
    return Glossary(terms, [name for _, name in files])


def _as_given(path: Path) -> str:
    """A path for messages: relative to the current folder when inside it."""
    if path.is_absolute() and path.is_relative_to(Path.cwd()):
        return str(path.relative_to(Path.cwd()))
    return str(path)


def load_glossary_file(path: Path, *, source: str | None = None, target: str | None = None, name: str | None = None) -> list[Term]:
    """Validate one glossary file; any problem is one error naming the file (as ``name``,
    by default the path), entry and line."""
    name = name or str(path)
    text = read_data_file(path)
    if path.suffix in (".tsv", ".csv", ".txt"):
        terms = _read_table(name, text, "\t" if path.suffix in (".tsv", ".txt") else _csv_delimiter(text), source, target)
    else:
        terms = _read_yaml(name, text, source, target)
    _check_conflicts(terms)
    return terms


def _csv_delimiter(text: str) -> str:
    """Semicolons when the first line has more of them than commas (French Excel), else commas."""
    first_line = text.lstrip().partition("\n")[0]
    return ";" if first_line.count(";") > first_line.count(",") else ","


def _read_table(name: str, text: str, delimiter: str, source: str | None, target: str | None) -> list[Term]:
    """Rows of source, target (``|``-separated alternatives after it) and an optional type,
    or DeepL's language columns."""
    terms: list[Term] = []
    reader = csv.reader(io.StringIO(text, newline=None), delimiter=delimiter)  # any line ends: \n, \r\n, \r
    for number, row in enumerate(_rows(name, reader), start=1):
        cells = [cell.strip() for cell in row]
        if not "".join(cells) or cells[0].startswith("#"):
            continue
        if number == 1 and len(cells) >= 2 and all(_LANGUAGE.fullmatch(c) or c in ("source", "target") for c in cells[:2]):
            _check_languages(f"{name}: line 1", cells[:2], source, target)  # a header row naming the languages
            continue
        terms.append(_read_row(f"{name}: line {number}", cells, source, target, f"{name}:{number}"))
    return terms


def _rows(name: str, reader) -> Iterator[list[str]]:
    """The reader's rows; a row csv cannot read (a cell over its size limit…) is one error line."""
    try:
        yield from reader
    except csv.Error as error:
        raise TranslatorError(f"{name}: line {reader.line_num}: cannot read this row ({error}); fix the file") from None


def _read_row(where: str, cells: list[str], source: str | None, target: str | None, origin: str) -> Term:
    if len(cells) < 2 or not cells[0]:
        raise TranslatorError(f"{where}: expected two columns, source and target")
    kind = TermType.NAME
    if len(cells) == 4 and all(_LANGUAGE.fullmatch(c) for c in cells[2:]):
        _check_languages(where, cells[2:], source, target)  # DeepL: source,target,fr,en
    elif len(cells) > 2 and cells[2]:
        try:
            kind = TermType(cells[2])
        except ValueError:
            raise TranslatorError(f"{where}: third column '{cells[2]}' is not a type (name, term or keep)") from None
    translations = [text.strip() for text in cells[1].split("|") if text.strip()]
    if not translations:
        if kind is not TermType.KEEP:
            raise TranslatorError(f"{where}: expected two columns, source and target (only type keep may leave the target empty)")
        translations = [cells[0]]
    _check_forms(where, [cells[0]])
    return Term((cells[0],), translations[0], kind, True, origin, tuple(translations[1:]))


def _check_forms(where: str, forms: list[str]) -> None:
    """A form is found where a word starts: one opening with punctuation could never match."""
    for form in forms:
        if not (form[0].isalnum() or form[0] == "_"):
            raise TranslatorError(f"{where}: the form {form!r} starts with {form[0]!r} and could never match "
                                  f"(forms are found where a word starts); write it from its first letter")


def _check_languages(where: str, columns: list[str], source: str | None, target: str | None) -> None:
    """Language columns must name the pair asked for."""
    named = [column.lower().replace("_", "-").split("-")[0] for column in columns]
    if source and target and (named[0] not in ("source", source) or named[1] not in ("target", target)):
        raise TranslatorError(f"{where}: the language columns are {', '.join(columns)}, not {source}, {target}; "
                              f"use a {source}→{target} glossary")


def _read_yaml(name: str, text: str, source: str | None, target: str | None) -> list[Term]:
    data, root = parse_yaml_tree(Path(name), text)
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        raise TranslatorError(f"{name}: a glossary is a mapping with an 'entries:' list")
    unknown = sorted(set(data) - {"source", "target", "entries", "description"}, key=str)
    if unknown:
        raise TranslatorError(f"{name}: unknown field '{unknown[0]}' (allowed: source, target, description, entries)")
    for side, wanted in (("source", source), ("target", target)):
        if wanted and data.get(side) and data[side] != wanted:
            raise TranslatorError(f"{name}: field '{side}': glossary is for {data['source']}→{data['target']}, not {source}→{target}")
    lines = _entry_lines(root)
    if len(lines) != len(data["entries"]):
        lines = ["?"] * len(data["entries"])
    return [_read_entry(name, number, raw, lines[number]) for number, raw in enumerate(data["entries"])]


def _entry_lines(root: yaml.Node) -> list[int]:
    """The line of each entry (of the last 'entries:' key, the one YAML keeps)."""
    lines: list[int] = []
    for key, value in root.value:
        if key.value == "entries" and isinstance(value, yaml.SequenceNode):
            lines = [item.start_mark.line + 1 for item in value.value]
    return lines


def _read_entry(name: str, number: int, raw: object, line: int | str) -> Term:
    where = f"{name}: entry {number + 1} (line {line})"
    if not isinstance(raw, dict):
        raise TranslatorError(f"{where}: an entry is a mapping with 'source' and 'target'")
    unknown = sorted(set(raw) - _ENTRY_FIELDS, key=str)
    if unknown:
        raise TranslatorError(f"{where}: unknown field '{unknown[0]}' (allowed: {', '.join(sorted(_ENTRY_FIELDS))})")
    forms = raw.get("source")
    forms = [forms] if isinstance(forms, str) else forms
    if not forms or not isinstance(forms, list) or not all(isinstance(f, str) and f.strip() for f in forms):
        raise TranslatorError(f"{where}: field 'source': one form or a list of non-empty forms")
    try:
        kind = TermType(raw.get("type", "name"))
    except ValueError:
        raise TranslatorError(f"{where}: field 'type': '{raw['type']}' is not one of name, term, keep") from None
    target = raw.get("target", forms[0] if kind is TermType.KEEP else None)
    if not isinstance(target, str) or not target.strip():
        raise TranslatorError(f"{where}: field 'target': missing (only type keep may leave it out)")
    case_sensitive = raw.get("case_sensitive", True)
    if not isinstance(case_sensitive, bool):
        raise TranslatorError(f"{where}: field 'case_sensitive': true or false")
    also = raw.get("also", [])
    also = [also] if isinstance(also, str) else also
    if not isinstance(also, list) or not all(isinstance(a, str) and a.strip() for a in also):
        raise TranslatorError(f"{where}: field 'also': one accepted translation or a list of them")
    _check_forms(where, [f.strip() for f in forms])
    return Term(tuple(f.strip() for f in forms), target.strip(), kind, case_sensitive, f"{name}:{line}", tuple(a.strip() for a in also))


def _check_conflicts(terms: Sequence[Term]) -> None:
    seen: dict[str, Term] = {}
    for term in terms:
        for form in term.forms:
            key = _key(form, term.case_sensitive)
            other = seen.get(key)
            if other is not None and other.target != term.target:
                raise TranslatorError(
                    f"{term.origin}: '{form}' is already given as '{other.target}' at line {other.origin.rsplit(':', 1)[1]}; keep one"
                )
            seen[key] = term
