"""Reports of the clean stage: lint-style lines, JSON, SARIF 2.1.0 and unified diffs."""

from __future__ import annotations

import difflib
import json
from collections.abc import Sequence

from .. import __version__
from ..clean.cleaner import CleanResult, Finding
from ..clean.rules import Level, RuleSet
from ..document import Document

_SARIF_LEVEL = {Level.ERROR: "error", Level.WARNING: "warning", Level.INFO: "note"}


def finding_lines(name: str, result: CleanResult) -> list[str]:
    """One ``file:line:col: level rule: message`` line per finding, as linters print."""
    document = Document.parse(result.original)
    lines = []
    for finding in result.findings:
        line, column = document.line_column(finding.start)
        lines.append(f"{name}:{line}:{column}: {finding.level} {finding.rule_id}: {finding.message}{_change(finding)}")
    return lines


def _change(finding: Finding) -> str:
    if finding.replacement is None:
        return ""
    if finding.replacement == "":
        return f" [deleted {len(finding.original)} characters]"
    return f" [replaced by {finding.replacement!r}]"


def json_report(name: str, result: CleanResult, extra: dict | None = None) -> str:
    """The full report of one file as one line of JSON (``extra`` adds e.g. the QA)."""
    return json.dumps({"file": name, **result.to_dict(), **(extra or {})}, ensure_ascii=False)


def unified_diff(name: str, result: CleanResult) -> str:
    return "".join(
        difflib.unified_diff(
            result.original.splitlines(keepends=True),
            result.text.splitlines(keepends=True),
            fromfile=f"{name} (original)",
            tofile=f"{name} (cleaned)",
        )
    )


def sarif_report(results: Sequence[tuple[str, CleanResult]], rules: RuleSet) -> str:
    """SARIF 2.1.0 for code-scanning tools and review bots; fixes carry the replacements."""
    used = sorted({f.rule_id for _, result in results for f in result.findings})
    rule_index = {rule_id: index for index, rule_id in enumerate(used)}
    descriptors = []
    for rule_id in used:
        spec = rules.get(rule_id).spec if rule_id in rules else None
        descriptors.append(
            {
                "id": rule_id,
                "shortDescription": {"text": spec.description if spec else rule_id},
                "defaultConfiguration": {"level": _SARIF_LEVEL[spec.level] if spec else "warning"},
                **({"helpUri": spec.link} if spec and spec.link else {}),
            }
        )
    sarif_results = [
        _sarif_result(name, document, finding, rule_index)
        for name, result in results
        for document in (Document.parse(result.original),)
        for finding in result.findings
    ]
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": "translator", "version": __version__, "rules": descriptors}},
                "columnKind": "unicodeCodePoints",
                "results": sarif_results,
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2)


def _sarif_result(name: str, document: Document, finding: Finding, rule_index: dict[str, int]) -> dict:
    start_line, start_column = document.line_column(finding.start)
    end_line, end_column = document.line_column(finding.end)
    artifact = {"uri": name}
    region = {
        "startLine": start_line,
        "startColumn": start_column,
        "endLine": end_line,
        "endColumn": end_column,
        "charOffset": finding.start,
        "charLength": finding.end - finding.start,
    }
    entry = {
        "ruleId": finding.rule_id,
        "ruleIndex": rule_index[finding.rule_id],
        "level": _SARIF_LEVEL[finding.level],
        "message": {"text": finding.message},
        "locations": [{"physicalLocation": {"artifactLocation": artifact, "region": region}}],
    }
    if finding.replacement is not None:
        entry["fixes"] = [
            {
                "description": {"text": finding.message},
                "artifactChanges": [
                    {
                        "artifactLocation": artifact,
                        "replacements": [
                            {
                                "deletedRegion": {"charOffset": finding.start, "charLength": finding.end - finding.start},
                                "insertedContent": {"text": finding.replacement},
                            }
                        ],
                    }
                ],
            }
        ]
    return entry
