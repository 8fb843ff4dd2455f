"""Glossaries: source→target terms that translation must respect.

Formats:

* YAML (``glossaries/fr-en/names.yaml``)::

      source: fr
      target: en
      entries:
        - source: [Biélorussie]          # one form or a list of forms (inflections, variants)
          target: Belarus
          type: name                     # name | term | keep (keep = do not translate)
          case_sensitive: true           # default; a lower-case form also matches capitalised
          note: …

* two-column TSV or CSV (``source<TAB>target``), the shape DeepL and Google
  glossaries export; a first row naming the languages (``fr,en``) is a header.

Matching is leftmost-longest: "Vladimir Poutine" wins over "Poutine".  Forms match
whole words, also after an elided article (« l’OTAN », « d’Ukraine »).
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

import yaml

from ..errors import TranslatorError
from ..io.files import parse_yaml, read_data_file
from ..resources import builtin_data_dir

_WORD_CHAR = r"[^\W_]"
_APOSTROPHES = "[’']"
_ENTRY_FIELDS = {"source", "target", "type", "case_sensitive", "note"}


class TermType(StrEnum):
    NAME = "name"
    TERM = "term"
    KEEP = "keep"


@dataclass(frozen=True, slots=True)
class Term:
    """One glossary entry: its source forms and the one target they must become."""

    forms: tuple[str, ...]
    target: str
    type: TermType
    case_sensitive: bool
    origin: str  # "file:line", for messages


@dataclass(frozen=True, slots=True)
class TermMatch:
    """A glossary form found in a source sentence."""

    start: int
    end: int
    form: str
    term: Term


@dataclass(frozen=True, slots=True)
class _Form:
    """One way a term is written, compiled to match at a word's start."""

    pattern: re.Pattern[str]
    term: Term
    at_sentence_start_only: bool


class Glossary:
    """Terms from one or more glossary files; later files override earlier forms."""

    def __init__(self, terms: Iterable[Term] = ()) -> None:
        by_form: dict[str, tuple[str, Term]] = {}
        for term in terms:
            for form in term.forms:
                by_form[_key(form, term.case_sensitive)] = (form, term)
        self.terms: tuple[Term, ...] = tuple(dict.fromkeys(term for _, term in by_form.values()))
        # forms by their first two letters, longest first: a sentence is scanned word by
        # word, trying only the few forms that can start there
        self._index: dict[str, list[_Form]] = {}
        for form, term in sorted(by_form.values(), key=lambda item: -len(item[0])):
            for variant in _variants(form, term):
                self._index.setdefault(_index_key(form), []).append(variant)

    def __len__(self) -> int:
        return len(self.terms)

    @property
    def fingerprint(self) -> str:
        """A hash of the entries: translations made with another glossary are not reused."""
        canonical = sorted((t.forms, t.target, str(t.type), t.case_sensitive) for t in self.terms)
        return hashlib.sha256(json.dumps(canonical, ensure_ascii=False).encode()).hexdigest()[:16]

    def find(self, text: str) -> list[TermMatch]:
        """Non-overlapping matches, leftmost first, the longest form at each place.

        A lower-case form matches capitalised only at the start of the sentence: « Les
        Russes » (the people) is not the adjective « russes ».
        """
        matches: list[TermMatch] = []
        position = 0
        for word in _WORD_START.finditer(text):
            start = word.start()
            if start < position:
                continue
            for form in self._index.get(_index_key(text[start : start + 2]), ()):
                found = form.pattern.match(text, start)
                if found and not (form.at_sentence_start_only and text[:start].strip(_SENTENCE_OPENING)):
                    matches.append(TermMatch(start, found.end(), found.group(), form.term))
                    position = found.end()
                    break
        return matches


_SENTENCE_OPENING = " \t\u00a0«“\"(—–-"
_WORD_START = re.compile(rf"(?<!{_WORD_CHAR}){_WORD_CHAR}")


def _index_key(text: str) -> str:
    """The first two characters, lower-cased letter by letter (« İs » → « is »), apostrophes alike."""
    return "".join(char.lower()[0] for char in text[:2]).replace("'", "’")


def _variants(form: str, term: Term) -> list[_Form]:
    """The compiled ways to find a form: as written (or in any case), and capitalised at
    the start of a sentence for a lower-case form."""
    escaped = r"\s+".join(re.sub(r"[’']", _APOSTROPHES, re.escape(part)) for part in form.split())
    end = rf"(?!{_WORD_CHAR})"
    if not term.case_sensitive:
        return [_Form(re.compile(f"(?i:{escaped}){end}"), term, False)]
    variants = [_Form(re.compile(f"{escaped}{end}"), term, False)]
    if form[:1].islower():
        capital = re.escape(form[:1].upper()) + escaped[len(re.escape(form[:1])) :]
        variants.append(_Form(re.compile(f"{capital}{end}"), term, True))
    return variants


def _key(form: str, case_sensitive: bool) -> str:
    """How a form is told apart: spacing and apostrophes normalised, case folded if asked."""
    normal = re.sub(r"\s+", " ", form.replace("'", "’")).strip()
    return normal if case_sensitive else "\0" + normal.casefold()


# --- loading ------------------------------------------------------------------------------


def load_glossaries(paths: Sequence[Path] = (), *, builtin: bool = True, source: str = "fr", target: str = "en") -> Glossary:
    """The built-in glossaries for the pair (unless ``builtin`` is false), then ``paths``."""
    files: list[Path] = []
    if builtin:
        folder = builtin_data_dir("glossaries") / f"{source}-{target}"
        if folder.is_dir():
            files.extend(sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml", ".tsv", ".csv")))
    files.extend(Path(p) for p in paths)
    terms: list[Term] = []
    for path in files:
        terms.extend(load_glossary_file(path, source=source, target=target))
    return Glossary(terms)


def load_glossary_file(path: Path, *, source: str | None = None, target: str | None = None) -> list[Term]:
    """Validate one glossary file; any problem is one error naming the file, entry and line."""
    text = read_data_file(path)
    if path.suffix in (".tsv", ".csv", ".txt"):
        terms = _read_table(path, text)
    else:
        terms = _read_yaml(path, text, source, target)
    _check_conflicts(path, terms)
    return terms


def _read_table(path: Path, text: str) -> list[Term]:
    delimiter = "\t" if path.suffix in (".tsv", ".txt") else ","
    terms = []
    for number, row in enumerate(csv.reader(io.StringIO(text), delimiter=delimiter), start=1):
        if not row or not "".join(row).strip() or row[0].lstrip().startswith("#"):
            continue
        if len(row) < 2 or not row[0].strip() or not row[1].strip():
            raise TranslatorError(f"{path}: line {number}: expected two columns, source and target")
        if number == 1 and all(re.fullmatch(r"[a-z]{2,3}(?:[-_][A-Za-z]+)?|source|target", c.strip()) for c in row[:2]):
            continue  # a header row naming the languages
        terms.append(Term((row[0].strip(),), row[1].strip(), TermType.NAME, True, f"{path}:{number}"))
    return terms


def _read_yaml(path: Path, text: str, source: str | None, target: str | None) -> list[Term]:
    data = parse_yaml(path, text)
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        raise TranslatorError(f"{path}: a glossary is a mapping with an 'entries:' list")
    unknown = sorted(set(data) - {"source", "target", "entries", "description"}, key=str)
    if unknown:
        raise TranslatorError(f"{path}: unknown field '{unknown[0]}' (allowed: source, target, description, entries)")
    for side, wanted in (("source", source), ("target", target)):
        if wanted and data.get(side) and data[side] != wanted:
            raise TranslatorError(f"{path}: field '{side}': glossary is for {data['source']}→{data['target']}, not {source}→{target}")
    lines = _entry_lines(yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)))
    if len(lines) != len(data["entries"]):
        lines = ["?"] * len(data["entries"])
    return [_read_entry(path, number, raw, lines[number]) for number, raw in enumerate(data["entries"])]


def _entry_lines(root: yaml.Node) -> list[int]:
    """The line of each entry (of the last 'entries:' key, the one YAML keeps)."""
    lines: list[int] = []
    for key, value in root.value:
        if key.value == "entries" and isinstance(value, yaml.SequenceNode):
            lines = [item.start_mark.line + 1 for item in value.value]
    return lines


def _read_entry(path: Path, number: int, raw: object, line: int | str) -> Term:
    where = f"{path}: entry {number + 1} (line {line})"
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
    return Term(tuple(f.strip() for f in forms), target.strip(), kind, case_sensitive, f"{path}:{line}")


def _check_conflicts(path: Path, terms: Sequence[Term]) -> None:
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
