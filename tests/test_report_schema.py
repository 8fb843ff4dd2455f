"""One JSON schema (docs/report.schema.json) for the reports of clean, translate, check
and run, grammar findings included, each finding placed in the text it names."""

from __future__ import annotations

import json

import jsonschema
import pytest

from .conftest import ROOT, SEED, run_cli
from .support.languagetool_standin import LanguageToolStandIn

SCHEMA = json.loads((ROOT / "docs" / "report.schema.json").read_text(encoding="utf-8"))


def _valid(report: dict) -> dict:
    jsonschema.validate(report, SCHEMA)
    return report


@pytest.fixture
def standin():
    with LanguageToolStandIn() as server:
        yield server


def _slice(report: dict, finding: dict) -> str:
    texts = {"original": SEED.read_text(encoding="utf-8") if report["file"] == str(SEED) else None,
             "cleaned": report.get("clean", {}).get("text"), "translation": report.get("translation", {}).get("text")}
    return texts[finding["located_in"]][finding["start"] : finding["end"]]


def test_clean_json_follows_the_schema_and_findings_point_into_the_original():
    report = _valid(json.loads(run_cli("clean", "--format", "json", str(SEED)).stdout))
    assert report["clean"]["changed"] and report["findings"]
    assert all(f["source"] == "clean" and f["located_in"] == "original" and _slice(report, f) == f["original"] for f in report["findings"])


def test_clean_with_grammar_check_puts_its_findings_in_the_cleaned_text(standin, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Titre\n\nJ’ai observé que le le vote a eu lieu.\n", encoding="utf-8")
    result = run_cli("clean", "--format", "json", "--qa", "--languagetool", standin.url, str(article))
    report = _valid(json.loads(result.stdout))
    assert report["qa"] == {"cleaned": {"language": "fr", "status": "done"}}
    [qa] = [f for f in report["findings"] if f["source"] == "qa"]
    assert qa["located_in"] == "cleaned" and _slice(report, qa) == "Le le" == qa["original"]
    assert (qa["line"], qa["column"]) == (3, 1)  # « Le le vote… » once the framing is gone
    text_lines = run_cli("clean", "--qa", "--languagetool", standin.url, str(article)).stderr.decode().splitlines()
    assert f"{article} (cleaned):3:1: warning FRENCH_WORD_REPEAT_RULE: " in "\n".join(text_lines)


def test_translate_json_follows_the_schema_and_glossary_findings_point_into_the_translation(installed):
    result = installed.run("translate", "--to", "en", "--clean", "--format", "json", str(SEED))
    report = _valid(json.loads(result.stdout))
    assert {"clean", "translation"} <= report.keys()
    for segment in report["translation"]["segments"]:
        assert report["translation"]["text"][segment["target_start"] : segment["target_end"]] == segment["target"]
    for finding in report["findings"]:
        assert _slice(report, finding) == finding["original"]


def test_run_reports_and_check_json_follow_the_schema(installed, standin, tmp_path):
    out = tmp_path / "out"
    assert installed.run("run", str(SEED), "--to", "en", "-o", str(out), "--qa", "--languagetool", standin.url).returncode == 0
    report = _valid(json.loads((out / "poutine-bielorussie.report.json").read_text(encoding="utf-8")))
    assert report["qa"].keys() == {"cleaned", "translation"} and "pipeline" in report
    assert all("from_memory" not in s for s in report["translation"]["segments"])
    checked = installed.run("check", "--format", "json", "--languagetool", standin.url, str(SEED))
    _valid(json.loads(checked.stdout))


def test_sarif_and_check_cover_grammar_findings(standin, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Titre\n\nLe le vote a eu lieu.\n", encoding="utf-8")  # nothing to clean
    qa = ("--qa", "--languagetool", standin.url)
    sarif = json.loads(run_cli("clean", "--format", "sarif", *qa, str(article)).stdout)
    [result] = sarif["runs"][0]["results"]
    assert result["ruleId"] == "FRENCH_WORD_REPEAT_RULE" and result["level"] == "warning"
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == f"{article} (cleaned)" and location["region"]["startLine"] == 3
    assert run_cli("clean", "--check", *qa, str(article)).returncode == 1
    assert run_cli("clean", "--check", "--fail-level", "error", *qa, str(article)).returncode == 0
    assert run_cli("clean", "--check", str(article)).returncode == 0
