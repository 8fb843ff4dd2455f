"""The article this project was born from comes out as an editor expects it."""

import json

from translator import clean_text

from .conftest import SEED, SEED_CLEAN, run_cli


def test_seed_cleans_to_the_expected_text_byte_for_byte():
    result = run_cli("clean", str(SEED))
    assert result.returncode == 0, result.stderr
    assert result.stdout == SEED_CLEAN.read_bytes()


def test_seed_findings_are_listed_on_stderr_one_per_change():
    result = run_cli("clean", str(SEED))
    lines = result.stderr.decode().splitlines()
    assert any("fr.duplicate-headline" in line and ":3:1:" in line for line in lines)
    assert any("fr.trailing-timestamp" in line and "2024-05-24 03:01" in line for line in lines)


def test_seed_json_report_has_timestamp_metadata_and_flags_first_person_narration():
    result = run_cli("clean", "--format", "json", str(SEED))
    report = json.loads(result.stdout)
    assert report["clean"]["text"] == SEED_CLEAN.read_text(encoding="utf-8")
    assert report["clean"]["metadata"] == {"published_at": "2024-05-24 03:01"}
    narration = [f for f in report["findings"] if f["rule_id"] == "fr.first-person-narration"]
    assert [f["level"] for f in narration] == ["warning"] * 3
    original = SEED.read_text(encoding="utf-8")
    assert [original[f["start"] : f["end"]] for f in narration] == [f["original"] for f in narration]
    assert narration[0]["original"].startswith("j’assiste au processus")
    assert "nos forces militaires" in narration[0]["original"]
    assert narration[2]["original"] == "Enfin, je note le déploiement clandestin de ces missiles armés."


def test_every_deletion_and_replacement_is_in_the_report_at_its_original_offsets():
    original = SEED.read_text(encoding="utf-8")
    result = clean_text(original)
    rebuilt = original
    for finding in sorted(result.findings, key=lambda f: f.start, reverse=True):
        assert original[finding.start : finding.end] == finding.original
        if finding.replacement is not None:
            rebuilt = rebuilt[: finding.start] + finding.replacement + rebuilt[finding.end :]
    # Applying the reported changes gives the cleaned text, up to the blank lines
    # that separated the deleted paragraphs.
    assert [p for p in rebuilt.split("\n") if p.strip()] == [p for p in result.text.split("\n") if p.strip()]


def test_cleaning_the_cleaned_seed_changes_nothing():
    cleaned = SEED_CLEAN.read_text(encoding="utf-8")
    result = clean_text(cleaned)
    assert result.text == cleaned
    assert {f.rule_id for f in result.findings} == {"fr.first-person-narration", "fr.pull-quote"}


def test_each_cleaned_paragraph_knows_its_original_paragraph():
    from translator.document import Document

    original = SEED.read_text(encoding="utf-8")
    result = clean_text(original)
    before, after = Document.parse(original).paragraphs, Document.parse(result.text).paragraphs
    assert len(result.kept) == len(after)
    assert result.kept[:3] == (0, 3, 4)  # the repeated headline and the persona paragraph went
    assert before[result.kept[2]].text == after[2].text
