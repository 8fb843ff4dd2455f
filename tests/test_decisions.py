"""An editor's decisions (docs/decisions.schema.json): stable finding ids, rejected
changes undone by the cleaner, edits, reviewed flags, stale decisions reported, and
`translator apply`; `review` and `run` pick NAME.decisions.json up beside the article."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import jsonschema

from translator.clean.cleaner import clean_text

from .conftest import ROOT, SEED, run_cli

DATA = Path(__file__).parent / "data" / "decisions"
SEED_DECISIONS = DATA / "poutine-bielorussie.decisions.json"
SEED_DECIDED = DATA / "poutine-bielorussie.decided.fr.txt"
REPORT_SCHEMA = json.loads((ROOT / "docs" / "report.schema.json").read_text(encoding="utf-8"))
DECISIONS_SCHEMA = json.loads((ROOT / "docs" / "decisions.schema.json").read_text(encoding="utf-8"))
FLAGGED = ("Le sommet de Minsk\n\n« Le président russe s’est rendu en Biélorussie pour discuter de sécurité et d’énergie. »\n\n"
           "Le président russe est en Biélorussie pour discuter de sécurité, d’énergie et d’agriculture.\n")


def _decisions(path: Path, decisions: dict[str, str], edits: list[dict[str, str]] | None = None) -> Path:
    data = {"schema": "translator-decisions/1", "article": "a.fr.txt", "decisions": decisions, "edits": edits or []}
    jsonschema.validate(data, DECISIONS_SCHEMA)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _ids(text: str) -> list[str]:
    return [f.id for f in clean_text(text).findings]


def test_every_finding_has_an_id_stable_across_runs_and_unrelated_edits():
    text = SEED.read_text(encoding="utf-8")
    ids = _ids(text)
    assert all(re.fullmatch(r"fr\.[\w.-]+:[0-9a-f]{12}", i) for i in ids) and len(set(ids)) == len(ids) == 10
    assert _ids(text) == ids
    elsewhere = text.replace("pour un voyage officiel de deux jours", "pour une visite de trois jours")  # a paragraph without findings
    assert elsewhere != text and _ids(elsewhere) == ids
    report = json.loads(run_cli("clean", "--format", "json", str(SEED)).stdout)
    jsonschema.validate(report, REPORT_SCHEMA)
    assert [f["id"] for f in report["findings"]] == ids


def test_apply_gives_the_decided_text_byte_for_byte(tmp_path):
    result = run_cli("apply", str(SEED), "--decisions", str(SEED_DECISIONS))
    assert result.returncode == 0, result.stderr
    assert result.stdout == SEED_DECIDED.read_bytes()
    # by default, NAME.decisions.json beside the article; -o writes the text there
    shutil.copy(SEED, tmp_path / "poutine-bielorussie.fr.txt")
    shutil.copy(SEED_DECISIONS, tmp_path / "poutine-bielorussie.decisions.json")
    result = run_cli("apply", "poutine-bielorussie.fr.txt", "-o", "final.txt", cwd=tmp_path)
    assert result.returncode == 0 and result.stdout == b"", result.stderr
    assert (tmp_path / "final.txt").read_bytes() == SEED_DECIDED.read_bytes()
    # clean --decisions makes the same text
    assert run_cli("clean", "--decisions", str(SEED_DECISIONS), str(SEED)).stdout == SEED_DECIDED.read_bytes()


def test_rejected_changes_are_reported_as_rejected_and_decided_findings_no_longer_fail_check(tmp_path):
    result = run_cli("clean", "--format", "json", "--decisions", str(SEED_DECISIONS), str(SEED))
    report = json.loads(result.stdout)
    jsonschema.validate(report, REPORT_SCHEMA)
    decided = {f["id"]: f.get("decision") for f in report["findings"]}
    assert decided == {i: json.loads(SEED_DECISIONS.read_text(encoding="utf-8"))["decisions"].get(i) for i in _ids(SEED.read_text(encoding="utf-8"))}
    assert report["clean"]["text"] == SEED_DECIDED.read_text(encoding="utf-8")
    lines = run_cli("clean", "--check", "--decisions", str(SEED_DECISIONS), str(SEED)).stdout.decode().splitlines()
    assert any("fr.persona-intro" in line and line.endswith("[rejected]") for line in lines)

    article = tmp_path / "a.fr.txt"
    article.write_text(FLAGGED, encoding="utf-8")
    assert run_cli("clean", "--check", "--fail-level", "info", str(article)).returncode == 1
    [flag] = _ids(FLAGGED)
    reviewed = _decisions(tmp_path / "a.decisions.json", {flag: "reviewed"})
    result = run_cli("clean", "--check", "--fail-level", "info", "--decisions", str(reviewed), str(article))
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode().rstrip().endswith("check who said it, or drop it [reviewed]")


def test_a_decision_whose_change_vanished_and_an_edit_not_found_are_reported(tmp_path):
    article = tmp_path / "a.fr.txt"
    article.write_text(FLAGGED, encoding="utf-8")
    [flag] = _ids(FLAGGED)
    gone = "fr.persona-intro:0123456789ab"
    decisions = _decisions(tmp_path / "a.decisions.json", {flag: "reviewed", gone: "rejected"},
                           [{"before": "une phrase qui n’y est pas", "after": "x"}])
    result = run_cli("apply", str(article))
    assert result.returncode == 1 and result.stdout == article.read_bytes()
    assert result.stderr.decode().splitlines() == [
        f"{article}:1:1: warning decisions.vanished: {decisions}: decision 'rejected' on {gone}: the article has no such "
        "change or flag any more (its text or the rules changed); decide on its findings again",
        f"{article}:1:1: warning decisions.edit-not-applied: {decisions}: edits[0]: 'before' not found in the cleaned text: "
        "'une phrase qui n’y est pas'",
    ]
    report = json.loads(run_cli("clean", "--format", "json", "--decisions", str(decisions), str(article)).stdout)
    jsonschema.validate(report, REPORT_SCHEMA)
    assert [f["rule_id"] for f in report["findings"] if f["source"] == "decisions"] == ["decisions.vanished", "decisions.edit-not-applied"]


def test_review_and_run_pick_up_the_decisions_beside_the_article(tmp_path):
    articles = tmp_path / "in"
    articles.mkdir()
    shutil.copy(SEED, articles / "poutine-bielorussie.fr.txt")
    shutil.copy(SEED_DECISIONS, articles / "poutine-bielorussie.decisions.json")
    page = run_cli("review", str(articles / "poutine-bielorussie.fr.txt")).stdout.decode()
    [embedded] = re.findall(r'<script type="application/json" id="decisions-data">(.*?)</script>', page)
    assert json.loads(embedded) == json.loads(SEED_DECISIONS.read_text(encoding="utf-8"))

    result = run_cli("run", str(articles), "-o", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "poutine-bielorussie.clean.fr.txt").read_bytes() == SEED_DECIDED.read_bytes()
    assert 'id="decisions-data"' in (tmp_path / "out" / "poutine-bielorussie.review.html").read_text(encoding="utf-8")
    # new decisions redo the article, and one that no longer fits is said
    stale = json.loads(SEED_DECISIONS.read_text(encoding="utf-8"))
    stale["decisions"]["fr.persona-intro:0123456789ab"] = "accepted"
    (articles / "poutine-bielorussie.decisions.json").write_text(json.dumps(stale), encoding="utf-8")
    result = run_cli("run", str(articles), "-o", str(tmp_path / "out"))
    lines = result.stderr.decode().splitlines()
    assert f"warning: {articles / 'poutine-bielorussie.fr.txt'}: {articles / 'poutine-bielorussie.decisions.json'}: decision 'accepted' " \
           "on fr.persona-intro:0123456789ab: the article has no such change or flag any more (its text or the rules changed); " \
           "decide on its findings again" in lines
    assert lines[-1].startswith("1 done, 0 up to date")
