"""Where a QA finding is: its start/end slice the flagged words out of the checked text, and
its paragraph and sentence index them in ``Document.parse(text)``, through CRLF line endings,
accented letters and emoji (LanguageTool counts UTF-16 units; Python counts characters).

Against the stand-in server (tests/support/languagetool_standin.py), whose offsets and
lengths are in UTF-16 units as a real LanguageTool's are.
"""

from __future__ import annotations

from translator.clean.cleaner import clean_text
from translator.clean.rules import load_rules
from translator.diagnostics import Level, Located
from translator.document import Document, split_sentences
from translator.qa.checker import QAChecker, QARun
from translator.report.article import ArticleReport
from translator.report.text import finding_line
from translator.qa.languagetool import find_languagetool

from .support.languagetool_standin import check as standin_matches
from .test_qa import clean_environment, network, standin  # noqa: F401  (fixtures)

ARTICLE = (
    "Le cœur 💙 de l’été\r\n"
    "\r\n"
    "Élodie a vu 🎉 l’œuvre. Puis elle a recu le prix.\r\n"
    "Là, 😀😀 ému, le le jury a applaudi.\r\n"
    "\r\n"
    "Le jury 🏆 a été ému.  Il a salué le travail de l’œuvre recu.\r\n"
)


def _sentence_span(text: str, paragraph: int, sentence: int) -> tuple[int, int]:
    """Where a sentence of ``text`` is, in offsets of the whole text."""
    found = Document.parse(text).paragraphs[paragraph]
    span = split_sentences(found.text)[sentence]
    return found.start + span.start, found.start + span.end


def test_positions_through_crlf_accents_and_emoji(standin):
    with QAChecker(find_languagetool(standin.url)) as qa:
        findings = qa.check(ARTICLE, "fr")

    assert [(f.rule_id, ARTICLE[f.start : f.end], f.original, f.paragraph, f.sentence) for f in findings] == [
        ("FR_SPELLING_RULE", "recu", "recu", 1, 1),
        ("FRENCH_WORD_REPEAT_RULE", "le le", "le le", 1, 2),  # the paragraph's second line
        ("WHITESPACE_RULE", "  ", "  ", 2, 0),  # the blank after a sentence is that sentence's
        ("FR_SPELLING_RULE", "recu", "recu", 2, 1),
    ]
    # the server counted UTF-16 units: an emoji is two, so its offsets are not Python's
    assert [m["offset"] for m in standin_matches(ARTICLE, "fr")] != [f.start for f in findings]
    for finding in (f for f in findings if f.rule_id != "WHITESPACE_RULE"):
        start, end = _sentence_span(ARTICLE, finding.paragraph, finding.sentence)
        assert start <= finding.start < finding.end <= end
    spaces = findings[2]
    assert _sentence_span(ARTICLE, 2, 0)[1] == spaces.start and _sentence_span(ARTICLE, 2, 1)[0] == spaces.end
    assert [f.level for f in findings] == [Level.WARNING, Level.WARNING, Level.INFO, Level.WARNING]  # whitespace: typography
    assert [f.category for f in findings] == ["TYPOS", "MISC", "TYPOGRAPHY", "TYPOS"]
    # lines count CRLF as one break; columns count characters (an emoji is one)
    checked = ArticleReport("-", ARTICLE, qa_findings=tuple(findings), outputs={Located.CLEANED: "a.txt"})
    assert [finding_line(checked, f).split(": ")[0] for f in findings] == [
        "a.txt:3:36", "a.txt:4:13", "a.txt:6:21", "a.txt:6:56",
    ]


def test_a_span_holding_characters_outside_the_basic_plane(standin):
    text = "I saw 𝐭𝐡𝐞 𝐭𝐡𝐞 cat 🐈.\r\n"

    with QAChecker(find_languagetool(standin.url)) as qa:
        [repeat] = qa.check(text, "en")

    assert (repeat.rule_id, text[repeat.start : repeat.end], repeat.original) == ("ENGLISH_WORD_REPEAT_RULE", "𝐭𝐡𝐞 𝐭𝐡𝐞", "𝐭𝐡𝐞 𝐭𝐡𝐞")
    assert (repeat.paragraph, repeat.sentence) == (0, 0)


def test_positions_are_in_the_cleaned_text(standin):
    original = (
        "Le cœur 💙 de l’été\r\n"
        "\r\n"
        "J’ai observé que l’œuvre 🎉 a reçu le le prix. Élodie a recu 😀 la lettre.\r\n"
        "En conclusion, il est important de noter que le jury a été ému.\r\n"
        "\r\n"
        "Le jury 🏆 a été ému.  Il a salué le le travail.\r\n"
    )
    cleaned = clean_text(original, load_rules()).text
    assert cleaned.startswith("Le cœur 💙 de l’été\r\n\r\nL’œuvre 🎉 a reçu le le prix.")  # the framing went

    with QAChecker(find_languagetool(standin.url)) as qa:
        findings = qa.check(cleaned, "fr")

    assert [(f.rule_id, cleaned[f.start : f.end], f.paragraph, f.sentence, f.located_in) for f in findings] == [
        ("FRENCH_WORD_REPEAT_RULE", "le le", 1, 0, Located.CLEANED),
        ("FR_SPELLING_RULE", "recu", 1, 1, Located.CLEANED),
        ("WHITESPACE_RULE", "  ", 2, 0, Located.CLEANED),
        ("FRENCH_WORD_REPEAT_RULE", "le le", 2, 1, Located.CLEANED),
    ]
    assert original[findings[0].start : findings[0].end] != "le le"  # offsets in the cleaned text, not the original
    for finding in (findings[0], findings[1], findings[3]):
        start, end = _sentence_span(cleaned, finding.paragraph, finding.sentence)
        assert start <= finding.start < finding.end <= end


def test_the_caller_names_the_text_checked(standin):
    with QARun(standin.url) as run:
        french, skipped = run.check("Il a recu le prix.", "fr", located_in=Located.ORIGINAL)
        english, _ = run.check("I saw teh cat.", "en-GB")

    assert skipped is None
    assert [(f.original, f.located_in) for f in french] == [("recu", Located.ORIGINAL)]
    assert [(f.original, f.located_in) for f in english] == [("teh", Located.TRANSLATION)]  # by default
