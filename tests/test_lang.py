"""Language as an axis: detection, profiles, and rules that run only on their language."""

import json
import textwrap
import time
from pathlib import Path

import pytest

from translator import TranslatorError, clean_text, load_rules
from translator.clean.matchers import MATCHERS
from translator.document import Document, split_sentences
from translator.lang import detect_language, languages, profile

from .test_rule_authoring import RULE

DATA = Path(__file__).parent / "data"
FRENCH = [json.loads(line)["text"] for line in (DATA / "fr-news-dev.jsonl").read_text(encoding="utf-8").splitlines()]
ENGLISH = (DATA / "en-samples.txt").read_text(encoding="utf-8").split("\n---\n")

# shaped like the framings the French rules strip (« J'ai observé que … »), in English
ENGLISH_FRAMED = (
    "Council approves budget\n\n"
    "As a passionate observer of local politics, I have noticed that the council approved the budget on Wednesday.\n\n"
    "J'ai observé que the mayor said the agreement would keep libraries open on Sundays.\n"
)

def test_every_real_french_article_is_detected_as_french():
    assert {detect_language(text) for text in FRENCH} == {"fr"}


@pytest.mark.parametrize("text", ENGLISH, ids=lambda text: text.split("\n", 1)[0][:40])
def test_english_news_is_detected_as_english(text):
    assert detect_language(text) == "en"


def test_a_french_article_quoting_english_stays_french():
    text = (
        "Le président américain en visite à Paris\n\n"
        "« We are stronger together, and we will stand with our friends in Europe », a déclaré le président "
        "américain lors d'une conférence de presse à l'Élysée, avant de s'entretenir avec les représentants "
        "des entreprises françaises installées aux États-Unis.\n\n"
        "Le chef de l'État a salué « une relation qui n'a jamais été aussi forte ».\n"
    )
    assert detect_language(text) == "fr"


def test_text_without_function_words_is_french():
    assert detect_language("") == "fr"
    assert detect_language("2024-05-24 03:01") == "fr"


def test_detection_is_fast():
    text = FRENCH[0] * 3
    start = time.perf_counter()
    for _ in range(100):
        detect_language(text)
    assert (time.perf_counter() - start) / 100 < 0.002


def test_an_english_article_gets_no_french_rules():
    result = clean_text(ENGLISH_FRAMED)
    assert result.text == ENGLISH_FRAMED and result.findings == ()
    assert clean_text(ENGLISH_FRAMED, load_rules()).text == ENGLISH_FRAMED


def test_an_english_article_forced_to_french_gets_the_french_rules():
    assert clean_text(ENGLISH_FRAMED, lang="fr").findings


def test_english_has_a_profile_but_no_builtin_rules():
    assert {"fr", "en"} <= set(languages())
    assert len(load_rules(lang="en")) == 0
    assert len(load_rules(lang="fr")) > 0


def test_unknown_language_names_the_known_ones():
    with pytest.raises(TranslatorError, match=r"unknown language 'xx'.*en, fr"):
        profile("xx")
    with pytest.raises(TranslatorError, match="unknown language 'xx'"):
        load_rules(lang="xx")


def test_user_rules_in_a_language_folder_apply_to_that_language_only(tmp_path):
    english = tmp_path / "my-rules" / "en"
    english.mkdir(parents=True)
    (english / "rules.yaml").write_text(
        textwrap.dedent(RULE.format(pattern=r"Click\s+here\b.*", example="Click here to read more.")),
        encoding="utf-8",
    )
    article = ENGLISH[0] + "\nClick here to read more about the budget.\n"
    rules_en = load_rules([tmp_path / "my-rules"], lang="en")
    assert [rule.id for rule in rules_en] == ["my.rule"]
    assert "Click here" not in clean_text(article, rules_en).text
    assert "my.rule" not in load_rules([tmp_path / "my-rules"], lang="fr")
    # the same folder given itself is English too
    assert [rule.id for rule in load_rules([english], builtin=False, lang="en")] == ["my.rule"]
    assert len(load_rules([english], builtin=False, lang="fr")) == 0
    # English rules do not run on a French article, even when asked to
    french = "Le conseil adopte le budget\n\nLe conseil a adopté le budget. Click here to read more.\n"
    assert clean_text(french, rules_en).text == french


def test_user_rules_outside_a_language_folder_apply_to_the_language_loaded(tmp_path):
    folder = tmp_path / "house"
    folder.mkdir()
    (folder / "rules.yaml").write_text(
        textwrap.dedent(RULE.format(pattern=r"Lire\s+la\s+suite\b.*", example="Lire la suite ici.")),
        encoding="utf-8",
    )
    assert "my.rule" in load_rules([folder], lang="fr")
    assert "my.rule" in load_rules([folder], lang="en")


def test_an_english_document_reads_english_speech_and_abbreviations():
    english = profile("en")
    assert [text[s.start : s.end] for text in ["Mr. Smith arrived. He spoke."] for s in split_sentences(text, english)] == [
        "Mr. Smith arrived.", "He spoke."
    ]
    interview = Document.parse("Interview with the coach\n\nQ: How was the season?\n\nA: Better than we hoped.\n", english)
    assert interview.speech == {1, 2}
    assert Document.parse("Title\n\nText.\n").lang is profile("fr")


def test_matcher_registry_covers_the_rule_schema():
    assert {"pattern", "duplicate-headline", "pull-quote"} <= set(MATCHERS)
    assert all(rule.kind is MATCHERS[rule.matcher or "pattern"] for rule in load_rules())


def test_an_unknown_matcher_is_refused_with_the_known_ones(tmp_path):
    (tmp_path / "r.yaml").write_text(
        textwrap.dedent("""\
            rules:
              - id: my.rule
                description: A test rule.
                level: info
                scope: paragraph
                matcher: no-such-matcher
                action: flag
                message: flagged
                examples:
                  - text: "Texte."
                counterexamples:
                  - "Rien."
        """),
        encoding="utf-8",
    )
    with pytest.raises(TranslatorError, match=r"field 'matcher': one of .*'duplicate-headline'.*'pull-quote'"):
        load_rules([tmp_path], builtin=False)
