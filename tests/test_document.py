"""Segmentation: paragraphs, sentences and quotations of French news text."""

import pytest

from translator.document import Document, quoted_spans, split_sentences

from .support.growth import assert_linear


def sentences(text):
    return [text[s.start : s.end] for s in split_sentences(text)]


def quotes(text):
    return [text[s.start : s.end] for s in quoted_spans(text)]


def test_paragraphs_keep_offsets_and_line_endings():
    text = "Titre\r\n\r\nPremière ligne\r\nsuite.\r\n\r\n\r\nFin"
    document = Document.parse(text)
    assert [p.text for p in document.paragraphs] == ["Titre", "Première ligne\r\nsuite.", "Fin"]
    assert all(text[p.start : p.end] == p.text for p in document.paragraphs)
    assert document.separator_after(document.paragraphs[1]) == "\r\n\r\n\r\n"
    assert document.line_break_after(document.paragraphs[0]) == "\r\n"
    assert document.headline == document.paragraphs[0]


def test_headline_is_a_single_line_without_final_period():
    assert Document.parse("Le titre ?\n\nCorps.").headline is not None
    assert Document.parse("Une phrase complète.\n\nCorps.").headline is None
    assert Document.parse("Deux\nlignes\n\nCorps.").headline is None


def test_sentences_respect_abbreviations_initials_and_numbers():
    text = "M. Dupont a vu Mme Martin à 10 h. Le Dr. Roux, J. Doe et l’av. J.-C. sont cités. Le prix : 3.5 euros !"
    assert sentences(text) == [
        "M. Dupont a vu Mme Martin à 10 h.",
        "Le Dr. Roux, J. Doe et l’av. J.-C. sont cités.",
        "Le prix : 3.5 euros !",
    ]


def test_sentences_keep_closing_guillemets_and_do_not_split_before_lowercase():
    text = "« Je pars. » Il est parti… et revenu. « C’est fini !\u00a0», a-t-il dit. Fin"
    assert sentences(text) == ["« Je pars. »", "Il est parti… et revenu.", "« C’est fini !\u00a0», a-t-il dit.", "Fin"]


@pytest.mark.parametrize("run", [".", "?!", "…", " "], ids=["dots", "?!", "ellipses", "spaces"])
def test_a_long_run_of_punctuation_or_spaces_is_split_in_linear_time(run):
    # 40,000 dots took 97 s, 80,000 over 5 minutes: each dot started a match to the run's end
    assert_linear(lambda n: split_sentences(f"Il a dit.{run * (n // len(run))} fin. Et {run * (n // len(run))}Fin"))
    assert sentences(f"Il a dit.{run * 9} Fin") == [f"Il a dit.{run * 9}".rstrip(), "Fin"]


def test_quotes_of_every_style():
    text = "Il a dit « je pars » puis “je reste” et \"je verrai\", enfin."
    assert quotes(text) == ["« je pars »", "“je reste”", "\"je verrai\""]


def test_quote_continued_from_previous_paragraph_and_left_open():
    assert quotes("je resterai jusqu'au bout\" , a-t-il dit. Puis \"je partirai") == [
        "je resterai jusqu'au bout\"",
        "\"je partirai",
    ]


def test_nested_straight_quotes_leave_no_gap_in_the_quotation():
    text = 'Il a dit : "On va nous demander (...) "Celles qui ne le portent pas" seront visées", a-t-il ajouté.'
    first, last = text.index('"'), text.rindex('"')
    covered = {i for span in quoted_spans(text) for i in range(span.start, span.end)}
    assert set(range(first, last + 1)) <= covered
    assert text.index("a-t-il") not in covered
