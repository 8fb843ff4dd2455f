"""An editor's decisions (docs/decisions.schema.json): stable finding ids, rejected
changes undone by the cleaner, edits, reviewed flags, stale decisions reported, and
`translator apply`; `review` and `run` pick NAME.decisions.json up beside the article."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from pathlib import Path

import jsonschema
import pytest

from translator.clean.cleaner import clean_text
from translator.review.model import clean_review

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
    review = clean_review("seed", clean_text(text))  # what the review page is built from
    assert [f.id for f in review.findings] == ids
    assert {m.id for row in review.rows for m in row.cells[0].marks} == set(ids)


CASES = sorted(DATA.glob("*.decisions.json"))


@pytest.mark.parametrize("decisions", CASES, ids=[case.name.removesuffix(".decisions.json") for case in CASES])
def test_apply_gives_the_decided_text_byte_for_byte(decisions):
    """Each case: NAME.decisions.json on NAME.fr.txt (here, or the bundled example) must give NAME.decided.fr.txt."""
    stem = decisions.name.removesuffix(".decisions.json")
    article = next(path for path in (DATA / f"{stem}.fr.txt", SEED.parent / f"{stem}.fr.txt") if path.exists())
    result = run_cli("apply", str(article), "--decisions", str(decisions))
    assert result.returncode == 0, result.stderr
    assert result.stdout == (DATA / f"{stem}.decided.fr.txt").read_bytes()


def test_apply_reads_the_decisions_beside_the_article_and_clean_takes_them_too(tmp_path):
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


HAND_EDIT_ARTICLE = ("Sommet à Minsk\n\nJ’ai observé que le président russe a rencontré le ministre jeudi. Le gouvernement a annoncé un accord.\n\n"
                     "La visite sera très courte. Les troupes sont à la frontière.\n")


def _created_since(memory: Path, moment: float) -> list[str]:
    import sqlite3

    with sqlite3.connect(memory) as db:
        return [row[0] for row in db.execute("SELECT source FROM translations WHERE created >= ?", (moment,))]


def test_run_keeps_a_hand_edit_and_the_english_follows_it(installed, tmp_path):
    import time

    articles, out, memory = installed.root / "in", installed.root / "out", installed.root / "memory.sqlite3"
    articles.mkdir()
    (articles / "a.fr.txt").write_text(HAND_EDIT_ARTICLE, encoding="utf-8")
    command = ("run", "in", "--to", "en", "-o", "out", "--cache", str(memory))
    assert installed.run(*command).returncode == 0
    cleaned = out / "a.clean.fr.txt"
    assert "The visit will be very" in (out / "a.en.txt").read_text(encoding="utf-8")

    edited = cleaned.read_bytes().replace("La visite sera très courte.".encode(), "La réunion sera très courte.".encode())
    cleaned.write_bytes(edited)
    second_run = time.time()
    result = installed.run(*command)
    assert result.returncode == 0, result.stderr
    assert cleaned.read_bytes() == edited  # never overwritten
    english = (out / "a.en.txt").read_text(encoding="utf-8")
    assert "The meeting will be very" in english and "visit" not in english  # the English follows the edit
    assert _created_since(memory, second_run) == ["La réunion sera très courte."]  # only the changed sentence was translated
    report = json.loads((out / "a.report.json").read_text(encoding="utf-8"))
    jsonschema.validate(report, REPORT_SCHEMA)
    assert report["clean"]["hand_edited"] is True and report["clean"]["text"] == edited.decode()
    assert report["written"]["clean"] == {"file": "a.clean.fr.txt", "sha256": hashlib.sha256(edited).hexdigest(), "hand_edited": True}
    assert report["written"]["english"]["hand_edited"] is False
    assert "a.clean.fr.txt" in (out / "index.html").read_text(encoding="utf-8")
    assert "Kept as edited by hand (the English follows the cleaned text): out/a.clean.fr.txt" in result.stderr.decode()

    outputs = {path.name: path.read_bytes() for path in out.iterdir()}
    third_run = time.time()
    result = installed.run(*command)
    assert result.returncode == 0 and "0 done, 1 up to date" in result.stderr.decode()
    assert {path.name: path.read_bytes() for path in out.iterdir()} == outputs
    assert _created_since(memory, third_run) == []

    english = out / "a.en.txt"
    english.write_text("My own English.\n", encoding="utf-8")
    (articles / "a.fr.txt").write_text(HAND_EDIT_ARTICLE.replace("jeudi", "lundi"), encoding="utf-8")
    result = installed.run(*command)
    assert result.returncode == 0 and "1 done" in result.stderr.decode()
    assert english.read_text(encoding="utf-8") == "My own English.\n" and cleaned.read_bytes() == edited


def test_an_output_a_killed_run_left_before_its_report_is_no_hand_edit(tmp_path):
    """A run writes the texts, then the report: killed in between, the texts differ from
    what the old report fingerprinted, yet they are the run's own, not an editor's."""
    articles, out = tmp_path / "in", tmp_path / "out"
    articles.mkdir()
    article = articles / "a.fr.txt"
    article.write_text(HAND_EDIT_ARTICLE, encoding="utf-8")
    assert run_cli("run", str(articles), "-o", str(out)).returncode == 0
    old_report = (out / "a.report.json").read_bytes()
    article.write_text(HAND_EDIT_ARTICLE.replace("jeudi", "lundi"), encoding="utf-8")
    assert run_cli("run", str(articles), "-o", str(out)).returncode == 0
    expected = {path.name: path.read_bytes() for path in out.iterdir()}
    (out / "a.report.json").write_bytes(old_report)  # as if killed before writing the new report
    assert run_cli("run", str(articles), "-o", str(out)).returncode == 0
    assert {path.name: path.read_bytes() for path in out.iterdir()} == expected
    assert json.loads(expected["a.report.json"])["written"] == {
        "clean": {"file": "a.clean.fr.txt", "sha256": hashlib.sha256(expected["a.clean.fr.txt"]).hexdigest(), "hand_edited": False}}
