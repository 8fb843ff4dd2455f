"""Sentence-aligned bilingual output of the translate stage: TSV and XLIFF 2.1."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from itertools import groupby

from ..translate.documents import Segment, TranslationResult
from . import Emitter
from .article import ArticleReport

XLIFF_NAMESPACE = "urn:oasis:names:tc:xliff:document:2.0"
TSV_COLUMNS = ("file", "paragraph", "sentence", "source", "target", "terms", "violations", "model")


class _Bilingual(Emitter):
    """Collects every translated article; the document is written at the end."""

    def __init__(self, **options: object) -> None:
        super().__init__(**options)
        self._translated: list[tuple[str, TranslationResult]] = []

    def article(self, report: ArticleReport) -> str:
        if report.translation is not None:
            self._translated.append((report.name, report.translation))
        return ""


class TsvEmitter(_Bilingual):
    def finish(self) -> str:
        return tsv(self._translated)


class XliffEmitter(_Bilingual):
    """Options: ``source_language`` and ``target_language``."""

    def finish(self) -> str:
        return xliff(self._translated, str(self.options["source_language"]), str(self.options["target_language"]))


def tsv(results: Sequence[tuple[str, TranslationResult]]) -> str:
    """A header and one row per sentence; tabs and line breaks inside cells become spaces."""
    rows = ["\t".join(TSV_COLUMNS)]
    for name, result in results:
        for s in result.segments:
            cells = (
                name, str(s.paragraph), str(s.sentence), s.source, s.target,
                "; ".join(f"{t.source} → {t.target}" for t in s.terms), "; ".join(_messages(s)), result.model,
            )
            rows.append("\t".join(" ".join(cell.split()) for cell in cells))
    return "\n".join(rows) + "\n"


def xliff(results: Sequence[tuple[str, TranslationResult]], source_language: str, target_language: str) -> str:
    """XLIFF 2.1: a <file> per document, a <group> per paragraph, a <unit> per sentence."""
    ET.register_namespace("", XLIFF_NAMESPACE)
    root = ET.Element(_tag("xliff"), {"version": "2.1", "srcLang": source_language, "trgLang": target_language})
    for number, (name, result) in enumerate(results, start=1):
        file_element = ET.SubElement(root, _tag("file"), {"id": f"f{number}", "original": name})
        notes = ET.SubElement(file_element, _tag("notes"))
        ET.SubElement(notes, _tag("note"), {"category": "model"}).text = result.model
        for paragraph, segments in groupby(result.segments, key=lambda s: s.paragraph):
            group = ET.SubElement(file_element, _tag("group"), {"id": f"f{number}-p{paragraph}"})
            for segment in segments:
                _unit(group, f"f{number}-p{paragraph}-s{segment.sentence}", segment)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _unit(group: ET.Element, identifier: str, segment: Segment) -> None:
    unit = ET.SubElement(group, _tag("unit"), {"id": identifier})
    if segment.terms or segment.violations:
        notes = ET.SubElement(unit, _tag("notes"))
        for term in segment.terms:
            ET.SubElement(notes, _tag("note"), {"category": "glossary"}).text = f"{term.source} → {term.target}"
        for message in _messages(segment):
            ET.SubElement(notes, _tag("note"), {"category": "violation", "priority": "1"}).text = message
    element = ET.SubElement(unit, _tag("segment"), {"state": "translated"})
    _put_text(ET.SubElement(element, _tag("source")), segment.source)
    _put_text(ET.SubElement(element, _tag("target")), segment.target)


# characters XML 1.0 forbids (C0 controls but tab and line ends, lone surrogates, U+FFFE/FFFF)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _put_text(element: ET.Element, text: str) -> None:
    """``text`` as the element's content, a character XML cannot hold as ``<cp hex="000B"/>``
    (XLIFF 2's code point element), so the file stays well-formed for CAT tools."""
    pieces = _NOT_XML.split(text)
    element.text = pieces[0]
    for char, piece in zip(_NOT_XML.findall(text), pieces[1:]):
        ET.SubElement(element, _tag("cp"), {"hex": f"{ord(char):04X}"}).tail = piece


def _tag(name: str) -> str:
    return f"{{{XLIFF_NAMESPACE}}}{name}"


def _messages(segment: Segment) -> list[str]:
    return [f"{violation.source}: {violation.message}" for violation in segment.violations]
