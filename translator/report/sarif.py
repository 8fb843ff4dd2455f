"""SARIF 2.1.0 for code-scanning tools and review bots: every finding of every stage,
with the cleaning fixes as replacements."""

from __future__ import annotations

import json
from importlib.metadata import version

from ..diagnostics import Diagnostic, Level, Located
from . import Emitter
from .article import ArticleReport

_SARIF_LEVEL = {Level.ERROR: "error", Level.WARNING: "warning", Level.INFO: "note"}


class SarifEmitter(Emitter):
    """Options: ``rules`` (the RuleSet, for the cleaning rules' descriptions and links)."""

    def __init__(self, **options: object) -> None:
        super().__init__(**options)
        self._results: list[tuple[ArticleReport, Diagnostic]] = []

    def article(self, report: ArticleReport) -> str:
        self._results += [(report, d) for d in report.diagnostics]
        return ""

    def finish(self) -> str:
        rules = self.options.get("rules")
        used = sorted({d.rule_id: d for _, d in self._results}.items())
        rule_index = {rule_id: index for index, (rule_id, _) in enumerate(used)}
        descriptors = [_descriptor(rule_id, example, rules) for rule_id, example in used]
        log = {
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [
                {
                    "tool": {"driver": {"name": "translator", "version": version("translator"), "rules": descriptors}},
                    "columnKind": "unicodeCodePoints",
                    "results": [_result(report, d, rule_index[d.rule_id]) for report, d in self._results],
                }
            ],
        }
        return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def _descriptor(rule_id: str, example: Diagnostic, rules) -> dict:
    spec = rules.get(rule_id).spec if rules is not None and rule_id in rules else None
    if spec is not None:
        return {
            "id": rule_id,
            "shortDescription": {"text": spec.description},
            "defaultConfiguration": {"level": _SARIF_LEVEL[spec.level]},
            **({"helpUri": spec.link} if spec.link else {}),
        }
    text = f"{example.source}: {example.category}" if example.category else f"{example.source} check {rule_id}"
    return {"id": rule_id, "shortDescription": {"text": text}, "defaultConfiguration": {"level": _SARIF_LEVEL[example.level]}}


def _result(report: ArticleReport, diagnostic: Diagnostic, index: int) -> dict:
    start_line, start_column = report.line_column(diagnostic)
    end_line, end_column = report.line_column(diagnostic, diagnostic.end)
    artifact = {"uri": report.where(diagnostic.located_in)}
    region = {
        "startLine": start_line,
        "startColumn": start_column,
        "endLine": end_line,
        "endColumn": end_column,
        "charOffset": diagnostic.start,
        "charLength": diagnostic.end - diagnostic.start,
    }
    entry = {
        "ruleId": diagnostic.rule_id,
        "ruleIndex": index,
        "level": _SARIF_LEVEL[diagnostic.level],
        "message": {"text": diagnostic.message},
        "locations": [{"physicalLocation": {"artifactLocation": artifact, "region": region}}],
        "properties": {"source": str(diagnostic.source), "locatedIn": str(diagnostic.located_in)},
    }
    if diagnostic.replacement is not None and diagnostic.located_in is Located.ORIGINAL and not report.extracted:
        # a fix of a text taken out of the file (a page's article) is no edit of the file
        entry["fixes"] = [
            {
                "description": {"text": diagnostic.message},
                "artifactChanges": [
                    {
                        "artifactLocation": artifact,
                        "replacements": [
                            {
                                "deletedRegion": {"charOffset": diagnostic.start, "charLength": diagnostic.end - diagnostic.start},
                                "insertedContent": {"text": diagnostic.replacement},
                            }
                        ],
                    }
                ],
            }
        ]
    return entry
