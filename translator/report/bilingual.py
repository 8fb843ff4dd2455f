"""Sentence-aligned bilingual output of the translate stage: JSON lines, TSV, XLIFF 2.1."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from itertools import groupby

from ..diagnostics import Diagnostic
from ..translate.documents import Segment, TranslationResult

XLIFF_NAMESPACE = "urn:oasis:names:tc:xliff:document:2.0"
TSV_COLUMNS = ("file", "paragraph", "sentence", "source", "target", "terms", "violations", "model")


def violation_text(violation: Diagnostic) -> str:
    """A glossary violation as these formats give it: ``glossary: 'Poutine' must become …``."""
    return f"{violation.source}: {violation.message}"


def segment_dict(segment: Segment) -> dict:
    return {
        "paragraph": segment.paragraph,
        "sentence": segment.sentence,
        "source": segment.source,
        "target": segment.target,
        "terms": [{"source": t.source, "target": t.target} for t in segment.terms],
        "violations": [violation_text(v) for v in segment.violations],
        "from_memory": segment.from_memory,
    }


def json_line(name: str, result: TranslationResult, extra: dict | None = None) -> str:
    """One file's translation report as one line of JSON."""
    report = {
        "file": name,
        "model": result.model,
        "glossary": result.glossary,
        "text": result.text,
        "violations": [violation_text(v) for v in result.violations],
        "segments": [segment_dict(s) for s in result.segments],
        **(extra or {}),
    }
    return json.dumps(report, ensure_ascii=False)


def tsv(results: Sequence[tuple[str, TranslationResult]]) -> str:
    """A header and one row per sentence; tabs and line breaks inside cells become spaces."""
    rows = ["\t".join(TSV_COLUMNS)]
    for name, result in results:
        for s in result.segments:
            cells = (
                name, str(s.paragraph), str(s.sentence), s.source, s.target,
                "; ".join(f"{t.source} → {t.target}" for t in s.terms), "; ".join(map(violation_text, s.violations)), result.model,
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
        for violation in segment.violations:
            ET.SubElement(notes, _tag("note"), {"category": "violation", "priority": "1"}).text = violation_text(violation)
    element = ET.SubElement(unit, _tag("segment"), {"state": "translated"})
    ET.SubElement(element, _tag("source")).text = segment.source
    ET.SubElement(element, _tag("target")).text = segment.target


def _tag(name: str) -> str:
    return f"{{{XLIFF_NAMESPACE}}}{name}"
