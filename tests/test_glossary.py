"""Glossaries: matching, loading and the enforcement ladder (verified, not assumed)."""

import pytest

from translator import TranslatorError
from translator.diagnostics import Level, Located, Source
from translator.translate.documents import translate_documents
from translator.translate.glossary import Glossary, Term, TermType, load_glossary_file

from .conftest import run_cli


def glossary(*entries, case_sensitive=True):
    return Glossary(Term(tuple(forms), target, TermType.NAME, case_sensitive, "test:1") for forms, target in entries)


def found(g, text):
    return [(m.form, m.term.target) for m in g.find(text)]


def test_longest_match_wins_and_matches_do_not_overlap():
    g = glossary((["Poutine"], "Putin"), (["Vladimir Poutine"], "Vladimir Putin"))
    assert found(g, "Vladimir Poutine et Poutine") == [("Vladimir Poutine", "Vladimir Putin"), ("Poutine", "Putin")]


def test_whole_words_after_elision_and_either_apostrophe():
    g = glossary((["OTAN"], "NATO"), (["Ukraine"], "Ukraine"), (["l’Élysée"], "the Élysée"))
    assert found(g, "l’OTAN, d'Ukraine, l'Élysée, OTANIEN") == [("OTAN", "NATO"), ("Ukraine", "Ukraine"), ("l'Élysée", "the Élysée")]


def test_lower_case_forms_match_at_the_start_of_a_sentence():
    g = glossary((["biélorusse", "biélorusses"], "Belarusian"))
    assert found(g, "Biélorusse, il aime les chants biélorusses.") == [("Biélorusse", "Belarusian"), ("biélorusses", "Belarusian")]


def test_case_sensitive_by_default_and_insensitive_on_request():
    assert found(glossary((["Orange"], "Orange")), "une orange") == []
    assert found(glossary((["Orange"], "Orange"), case_sensitive=False), "ORANGE") == [("ORANGE", "Orange")]


def test_multi_word_forms_match_across_no_break_spaces():
    g = glossary((["Union européenne"], "European Union"))
    assert found(g, "l’Union\u00a0européenne") == [("Union\u00a0européenne", "European Union")]


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_yaml_glossary_with_variants_and_keep(tmp_path):
    path = write(tmp_path, "g.yaml", "source: fr\ntarget: en\nentries:\n  - source: [Kiev, Kyiv]\n    target: Kyiv\n  - source: Le Monde\n    type: keep\n")
    terms = load_glossary_file(path)
    assert [(t.forms, t.target, t.type) for t in terms] == [(("Kiev", "Kyiv"), "Kyiv", TermType.NAME), (("Le Monde",), "Le Monde", TermType.KEEP)]


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("g.yaml", "entries:\n  - source: Kiev\n    target: Kyiv\n  - source: Minsk\n    colour: red\n", "entry 2 (line 4): unknown field 'colour'"),
        ("g.yaml", "entries:\n  - source: Kiev\n", "entry 1 (line 2): field 'target': missing"),
        ("g.yaml", "entries:\n  - source: Kiev\n    target: Kyiv\n    type: city\n", "field 'type': 'city' is not one of"),
        ("g.yaml", "entries: [\n", "broken YAML"),
        ("g.yaml", "source: fr\ntarget: de\nentries: []\n", "glossary is for fr→de, not fr→en"),
        ("g.tsv", "Kiev\tKyiv\nMinsk\n", "line 2: expected two columns"),
        ("g.csv", "Kiev,Kyiv\nKiev,Kiev\n", "'Kiev' is already given as 'Kyiv' at line 1"),
    ],
    ids=["unknown-field", "missing-target", "bad-type", "broken-yaml", "wrong-pair", "tsv-one-column", "conflict"],
)
def test_broken_glossary_names_file_entry_and_line(tmp_path, name, text, message):
    path = write(tmp_path, name, text)
    with pytest.raises(TranslatorError) as error:
        load_glossary_file(path, source="fr", target="en")
    assert str(error.value).startswith(str(path))
    assert message in str(error.value)
    result = run_cli("glossary", "check", str(path))
    assert result.returncode == 2 and message in result.stderr.decode()


def test_glossary_check_reports_a_valid_file(tmp_path):
    path = write(tmp_path, "g.tsv", "fr\ten\nKiev\tKyiv\nMinsk\tMinsk\n")
    result = run_cli("glossary", "check", str(path))
    assert (result.returncode, result.stdout.decode()) == (0, f"{path}: 2 entries, valid\n")


# The enforcement ladder, with stand-in engines: pure glossary logic, no model involved.

def test_target_form_in_the_source_is_tried_first():
    seen = []

    def engine(sentences):
        seen.append(list(sentences))
        return [s.replace("a parlé", "spoke") for s in sentences]

    [result] = translate_documents(["Poutine a parlé."], engine, glossary((["Poutine"], "Putin")), model_id="stand-in")
    assert seen == [["Putin a parlé."]]
    assert result.text == "Putin spoke."


def test_a_lost_term_is_retried_with_placeholders_then_unmasked_then_reported():
    calls = []

    def engine_that_mangles_names(sentences):
        calls.append(list(sentences))
        return [s.replace("Putin", "Poutin").replace("ZXQ0", "Z X Q 0") if len(calls) == 1 else s.replace("ZXQ0", "zero") for s in sentences]

    g = glossary((["Poutine"], "Putin"))
    [result] = translate_documents(["Poutine a parlé."], engine_that_mangles_names, g, model_id="stand-in")
    assert calls == [["Putin a parlé."], ["ZXQ0 a parlé."], ["Poutine a parlé."]]
    # the unmasked attempt still had "Poutine" in its output: post-edited to Putin
    assert result.text == "Putin a parlé."
    assert result.violations == []


def test_a_garbled_placeholder_is_repaired():
    def engine(sentences):
        return [s.replace("Putin", "Poutin").replace("ZXQ0", "zxq 0") for s in sentences]

    [result] = translate_documents(["Poutine a parlé."], engine, glossary((["Poutine"], "Putin")), model_id="stand-in")
    assert result.text == "Putin a parlé."


def test_what_stays_wrong_is_a_violation():
    def engine(sentences):
        return ["The Russian president spoke." for _ in sentences]

    [result] = translate_documents(["Poutine a parlé."], engine, glossary((["Poutine"], "Putin")), model_id="stand-in")
    assert [v.message for v in result.violations] == ["'Poutine' must become 'Putin' (test:1); not found in the translation"]
    assert [(v.source, v.rule_id, v.level, v.located_in) for v in result.violations] == [
        (Source.GLOSSARY, "glossary.term", Level.ERROR, Located.TRANSLATION)]
    [violation] = result.violations
    assert (violation.paragraph, violation.sentence, violation.original, violation.replacement, violation.category) == (
        0, 0, "The Russian president spoke.", None, "name")
    assert result.text[violation.start : violation.end] == violation.original
