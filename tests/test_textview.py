"""Rules read a normalised view; the original's bytes and offsets are what users get."""

import unicodedata

import pytest

from translator import clean_text

BASE = "Titre\n\nJ’ai observé que les forces ont reculé.\n\nLa suite.\n"
EXPECTED = "Titre\n\nLes forces ont reculé.\n\nLa suite.\n"


@pytest.mark.parametrize(
    "hidden",
    [
        ("J’ai", "\u200bJ’ai"),  # zero-width space
        ("J’ai", "\u2060J’ai"),  # word joiner
        ("observé", "obs\u00adervé"),  # soft hyphen
        ("observé", "obs\u200bervé"),
    ],
    ids=["zwsp-before", "word-joiner", "soft-hyphen", "zwsp-inside"],
)
def test_invisible_characters_hide_no_artefact(hidden):
    result = clean_text(BASE.replace(*hidden))
    assert result.text == EXPECTED
    assert [f.rule_id for f in result.findings] == ["fr.first-person-framing"]


def test_decomposed_text_is_cleaned_and_keeps_its_own_bytes():
    nfd = unicodedata.normalize("NFD", BASE)
    result = clean_text(nfd)
    assert result.text == unicodedata.normalize("NFD", EXPECTED)  # untouched parts stay decomposed
    finding = result.findings[0]
    assert nfd[finding.start : finding.end] == finding.original
    assert unicodedata.normalize("NFC", finding.original).startswith("J’ai observé que")


def test_a_line_separator_is_a_line_break_for_the_rules_and_stays_in_the_text():
    text = "Titre\n\nLe début.\u2028J’ai observé que les forces ont reculé.\n"
    assert clean_text(text).text == "Titre\n\nLe début.\u2028Les forces ont reculé.\n"


def test_decomposed_meme_raises_no_first_person_flag():
    text = unicodedata.normalize("NFD", "Titre\n\nLe ministre a lui-même annoncé la réforme mardi.\n")
    result = clean_text(text)
    assert result.text == text and result.findings == ()
