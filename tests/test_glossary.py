"""Glossaries: matching, loading and the enforcement ladder (verified, not assumed)."""

from pathlib import Path

import pytest

from translator import TranslatorError
from translator.diagnostics import Level, Located, Source
from translator.report.article import ArticleReport
from translator.translate.documents import translate_documents
from translator.translate.glossary import Glossary, Term, TermType, load_glossaries, load_glossary_file
from translator.translate.memory import TranslationMemory

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
    # structured in the JSON report: the rule, the term, what it must become, where
    entry = ArticleReport("a.txt", "Poutine a parlé.", translation=result).diagnostic_dict(violation)
    assert {k: entry[k] for k in ("source", "rule_id", "subject", "suggestions", "paragraph", "sentence", "line", "column")} == {
        "source": "glossary", "rule_id": "glossary.term", "subject": "Poutine", "suggestions": ["Putin"],
        "paragraph": 0, "sentence": 0, "line": 1, "column": 1}


# French left in the English: every glossary form, in any inflection, not only the one
# the source sentence held.

def scripted(english):
    """An engine that writes ``english`` whatever it is given (a model that ignores the
    glossary's hints)."""
    return lambda sentences: [english for _ in sentences]


@pytest.fixture(scope="module")
def builtin():
    return load_glossaries()


def test_french_forms_the_source_did_not_hold_are_replaced_in_the_english(builtin):
    source = "Les camarades biélorusses lisent les médias d’État du Bélarus."
    engine = scripted("The biélorusse comrades read Biélorussie's state-controlled media.")
    [result] = translate_documents([source], engine, builtin, model_id="stand-in")
    assert result.text == "The Belarusian comrades read Belarus's state-controlled media."
    assert result.violations == []
    assert builtin.find_in_translation(result.text) == []


def test_capitalised_plural_forms_are_replaced_and_english_words_are_left_alone(builtin):
    english = ("The Biélorusses and the Afghans met Independent observers in the Golan Heights, "
               "near Prussian towns; Kiev's mayor spoke.")
    [result] = translate_documents(["Les Biélorusses ont parlé."], scripted(english), builtin, model_id="stand-in")
    assert result.text == ("The Belarusian and the Afghans met Independent observers in the Golan Heights, "
                           "near Prussian towns; Kyiv's mayor spoke.")


def test_french_forms_are_replaced_in_sentences_served_by_the_memory(builtin, tmp_path):
    with TranslationMemory(tmp_path / "tm.sqlite3") as memory:
        memory.store("m", builtin.fingerprint, {"Minsk a parlé.": "Biélorussie's capital spoke."})
        [result] = translate_documents(["Minsk a parlé."], scripted("unused"), builtin, model_id="m", memory=memory)
    assert result.text == "Belarus's capital spoke."


# Accepted alternatives: correct English is not a violation.

def test_an_alternative_of_the_builtin_adjectives_satisfies_the_entry(builtin):
    english = {"Les frontières russes sont fermées.": "Russia's borders are closed.",
               "Le conflit russo-ukrainien dure.": "The Russia-Ukraine conflict goes on.",
               "Ukrainiens et Russes ont voté.": "Ukrainians and Russians voted."}

    def engine(sentences):  # whatever the glossary hands it, the model writes good English of its own
        return [next(e for f, e in english.items() if f.split()[-1] in s) for s in sentences]

    results = translate_documents(list(english), engine, builtin, model_id="m")
    assert [(r.text, r.violations) for r in results] == [(e, []) for e in english.values()]


def test_a_real_violation_names_the_target_and_its_alternatives(builtin):
    [result] = translate_documents(["Les frontières russes sont fermées."], scripted("The borders are closed."), builtin, model_id="m")
    [violation] = result.violations
    assert violation.message == ("'russes' must become 'Russian' or 'Russians' or 'Russia's' or 'Russia-' or 'Russo-' "
                                 "(built-in fr-en/names.yaml:{}); not found in the translation".format(
                                     violation.message.rsplit(":", 1)[1].split(")")[0]))


def test_yaml_also_and_table_alternatives_are_accepted_translations(tmp_path):
    yaml_file = write(tmp_path, "g.yaml", "entries:\n  - source: [russe, russes]\n    target: Russian\n    also: [\"Russia's\", Russia-]\n")
    tsv_file = write(tmp_path, "g.tsv", "russe\tRussian|Russia's|Russia-\n")
    for path in (yaml_file, tsv_file):
        [term] = load_glossary_file(path)
        assert (term.target, term.also) == ("Russian", ("Russia's", "Russia-"))
        g = Glossary([term])
        for english, violations in (("Russia's army.", 0), ("The Russia-Belarus border.", 0), ("Russiaxx army.", 1)):
            [result] = translate_documents(["L'armée russe."], scripted(english), g, model_id="m")
            assert len(result.violations) == violations, (path, english)


# Glossary files as newsrooms have them.

def test_semicolon_csv_from_french_excel_is_read(tmp_path):
    path = write(tmp_path, "g.csv", "fr;en\nBiélorussie;Belarus\n\"Washington, D.C.\";Washington\n")
    assert [(t.forms, t.target) for t in load_glossary_file(path, source="fr", target="en")] == [
        (("Biélorussie",), "Belarus"), (("Washington, D.C.",), "Washington")]


@pytest.mark.parametrize(
    ("text", "columns"),
    [("de,en\nHallo,Hello\n", "de, en"), ("en;fr\nBelarus;Biélorussie\n", "en, fr"), ("Hallo,Hello,de,en\n", "de, en")],
    ids=["google-header", "reversed-pair", "deepl-columns"],
)
def test_a_csv_for_another_language_pair_is_refused(tmp_path, text, columns):
    path = write(tmp_path, "other.csv", text)
    result = run_cli("glossary", "check", str(path))
    assert result.returncode == 2
    assert result.stderr.decode() == f"error: {path}: line 1: the language columns are {columns}, not fr, en; use a fr→en glossary\n"


def test_a_tsv_third_column_is_the_type(tmp_path):
    path = write(tmp_path, "g.tsv", "fr\ten\ttype\nLe Monde\t\tkeep\nrusse\tRussian|Russia's\tterm\nMinsk\tMinsk\n")
    terms = load_glossary_file(path, source="fr", target="en")
    assert [(t.forms, t.target, t.type, t.also) for t in terms] == [
        (("Le Monde",), "Le Monde", TermType.KEEP, ()), (("russe",), "Russian", TermType.TERM, ("Russia's",)),
        (("Minsk",), "Minsk", TermType.NAME, ())]
    bad = write(tmp_path, "bad.tsv", "Minsk\tMinsk\tcity\n")
    with pytest.raises(TranslatorError, match=r"bad.tsv: line 1: third column 'city' is not a type \(name, term or keep\)"):
        load_glossary_file(bad)


def test_messages_name_glossary_files_as_given_never_absolute(tmp_path, monkeypatch):
    (tmp_path / "desk").mkdir()
    write(tmp_path / "desk", "newsroom.tsv", "fr\ten\nPoutine\tPutin\n")
    monkeypatch.chdir(tmp_path)
    for given in (Path("desk/newsroom.tsv"), tmp_path / "desk" / "newsroom.tsv"):
        g = load_glossaries([given])
        assert g.description == "built-in fr-en/names.yaml + desk/newsroom.tsv"
        [result] = translate_documents(["Poutine et Loukachenko."], scripted("Someone."), g, model_id="m")
        assert [v.message.split("(")[1].split(")")[0] for v in result.violations] == [
            "desk/newsroom.tsv:2", f"built-in fr-en/names.yaml:{load_builtin_line('Loukachenko')}"]
        assert result.glossary_name == g.description and result.glossary == g.fingerprint


def load_builtin_line(form):
    [term] = [t for t in load_glossaries().terms if t.forms == (form,)]
    return int(term.origin.rsplit(":", 1)[1])


def test_tables_with_classic_mac_line_ends_load_and_a_monstrous_cell_is_one_error_line(tmp_path):
    mac = tmp_path / "mac.tsv"
    mac.write_bytes("Poutine\tPutin\rMinsk\tMensk\r".encode())
    assert [(t.forms, t.target) for t in load_glossary_file(mac)] == [(("Poutine",), "Putin"), (("Minsk",), "Mensk")]
    big = tmp_path / "big.tsv"
    big.write_text("Poutine\t" + "x" * 200_000 + "\n", encoding="utf-8")
    with pytest.raises(TranslatorError, match=r"big\.tsv: line 1: cannot read this row"):
        load_glossary_file(big)


def test_a_target_with_a_backslash_is_inserted_as_written():
    def engine(sentences):
        return ["Poutine is in Minsk." for _ in sentences]

    [result] = translate_documents(["Poutine est à Minsk."], engine, glossary((["Poutine"], r"Pu\g<0>tin")), model_id="stand-in")
    assert result.text == r"Pu\g<0>tin is in Minsk."


def test_a_form_that_opens_with_punctuation_is_refused_since_it_could_never_match(tmp_path):
    table = tmp_path / "g.tsv"
    table.write_text("Poutine\tPutin\n(ONU)\tUN\n", encoding="utf-8")
    with pytest.raises(TranslatorError, match=r"g\.tsv: line 2: the form '\(ONU\)' starts with '\(' and could never match"):
        load_glossary_file(table)
    listed = tmp_path / "g.yaml"
    listed.write_text("entries:\n  - source: [ONU, .NET]\n    target: UN\n", encoding="utf-8")
    with pytest.raises(TranslatorError, match=r"could never match"):
        load_glossary_file(listed)
