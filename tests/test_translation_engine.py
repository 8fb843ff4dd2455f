"""The translate stage from Python, on the real CTranslate2 engine of the test package."""

import json
import zipfile

import pytest

from translator.diagnostics import Level, Located, Source
from translator.translate.documents import translate_documents
from translator.translate.engines.argos import ArgosEngine
from translator.translate.glossary import Glossary, Term, TermType, load_glossaries
from translator.translate.memory import TranslationMemory
from translator.translate.packages import ModelPackage

from .conftest import CORPUS
from .support.growth import assert_linear
from .support.tiny_model import DEFAULT_DICTIONARY, build_tiny_package


def engine_for(archive, folder):
    with zipfile.ZipFile(archive) as bundle:
        bundle.extractall(folder)
    return ArgosEngine(ModelPackage(folder / "translate-fr_en-tiny", "fr", "en", "0.1"))


@pytest.fixture(scope="module")
def engine(tiny_package, tmp_path_factory):
    return engine_for(tiny_package, tmp_path_factory.mktemp("engine"))


NAMES = Glossary([Term(("Poutine",), "Putin", TermType.NAME, True, "t:1"), Term(("Loukachenko",), "Lukashenko", TermType.NAME, True, "t:2")])


def test_all_documents_go_to_the_engine_in_one_batch(engine):
    calls = []

    def counting(sentences):
        calls.append(len(sentences))
        return engine.translate(sentences)

    texts = ["Poutine est à Minsk. Le président a dit.\n\nLoukachenko est à Minsk.", "Le président a dit.\n\nLe gouvernement a dit."]
    results = translate_documents(texts, counting, NAMES, model_id=engine.model_id)
    assert calls == [4]  # four distinct sentences, one call, duplicates translated once
    assert [r.text for r in results] == [
        "Putin is to Minsk. The president has said.\n\nLukashenko is to Minsk.",
        "The president has said.\n\nThe government has said.",
    ]


def test_a_model_that_mistranslates_the_name_is_saved_by_placeholders(tiny_package, tmp_path):
    archive = build_tiny_package(tmp_path, {**DEFAULT_DICTIONARY, "Lukashenko": "Lukaschenko"})
    stubborn = engine_for(archive, tmp_path / "pkg")
    [result] = translate_documents(["Loukachenko est à Minsk."], stubborn.translate, NAMES, model_id="x")
    assert result.text == "Lukashenko is to Minsk."
    assert result.violations == []


def test_a_term_no_attempt_can_save_is_reported(tmp_path):
    hostile = {**DEFAULT_DICTIONARY, "Lukashenko": "Lukaschenko", "ZXQ0": "zero", "Loukachenko": "Lukaschenko"}
    stubborn = engine_for(build_tiny_package(tmp_path, hostile), tmp_path / "pkg")
    [result] = translate_documents(["Loukachenko est à Minsk."], stubborn.translate, NAMES, model_id="x")
    assert result.text == "Lukaschenko is to Minsk."
    assert [v.message for v in result.violations] == ["'Loukachenko' must become 'Lukashenko' (t:2); not found in the translation"]
    assert [(v.source, v.rule_id, v.level, v.located_in) for v in result.violations] == [
        (Source.GLOSSARY, "glossary.term", Level.ERROR, Located.TRANSLATION)]


def test_memory_is_read_before_the_engine_and_filled_after(engine, tmp_path):
    with TranslationMemory(tmp_path / "tm.sqlite3") as memory:
        first = translate_documents(["Poutine a dit."], engine.translate, NAMES, model_id="m", memory=memory, memory_key="sum")
        assert len(memory) == 1

        def must_not_run(sentences):
            raise AssertionError(f"engine called for {sentences}")

        again = translate_documents(["Poutine a dit."], must_not_run, NAMES, model_id="m", memory=memory, memory_key="sum")
        assert again[0].text == first[0].text == "Putin has said."
        assert again[0].segments[0].from_memory


def test_sentences_without_letters_are_copied_not_translated(engine):
    calls = []
    [result] = translate_documents(["2024-05-24 03:01\n\n***"], lambda s: calls.append(s) or engine.translate(s), NAMES, model_id="m")
    assert result.text == "2024-05-24 03:01\n\n***"
    assert calls == []


def test_a_model_writing_another_form_of_the_name_leaves_no_french(tmp_path):
    # the model writes « biélorusse » for the target, the placeholder and the plural alike
    hostile = {**DEFAULT_DICTIONARY, "Belarusian": "biélorusse", "ZXQ0": "biélorusse", "biélorusses": "biélorusse"}
    stubborn = engine_for(build_tiny_package(tmp_path, hostile), tmp_path / "pkg")
    [result] = translate_documents(["Les camarades biélorusses sont à Minsk."], stubborn.translate, load_glossaries(), model_id="x")
    assert result.text == "The camarades Belarusian are to Minsk."
    assert result.violations == []


def test_no_glossary_form_is_left_in_the_english_of_the_corpus(engine):
    # the test model copies the words it does not know: « les Américains » mid-sentence
    # (no match in the French, where a capital is the noun) came out in the English
    glossary = load_glossaries()
    paragraphs = [p for line in CORPUS.read_text(encoding="utf-8").splitlines()
                  for p in json.loads(line)["text"].split("\n\n") if glossary.find_in_translation(p) and len(p) < 400][:40]
    results = translate_documents(paragraphs, engine.translate, glossary, model_id=engine.model_id)
    assert [(r.text, m.form) for r in results for m in glossary.find_in_translation(r.text)] == []


def test_a_word_longer_than_the_model_reads_is_kept_whole(engine):
    # a URL of 2,347 pieces came out cut to 250, the rest of it dropped
    url = "https://exemple.fr/" + "".join("abcdefghij"[i % 10] + str(i) for i in range(700))
    digest = "f" * 300
    [long_word, two_long_words] = engine.translate([f"Le rapport est publié à l’adresse {url} depuis jeudi.",
                                                     f"Le code {digest} et {url}, selon le ministre."])
    assert long_word == f"The rapport is publié to the adresse {url} depuis Thursday."
    assert two_long_words == f"The code {digest} and {url}, according to the minister."


ARRIVAL = "Titre du jour\n\nPoutine est arrivé à Minsk jeudi.\n\nÔ.\n\nLa visite doit durer deux jours.\n"


def test_a_sentence_the_model_renders_as_nothing_keeps_its_source_and_its_paragraph(engine, tmp_path):
    def silent_on_o(sentences):
        return ["" if sentence == "Ô." else output for sentence, output in zip(sentences, engine.translate(sentences))]

    with TranslationMemory(tmp_path / "tm.sqlite3") as memory:
        for _ in range(2):  # the engine's answer, then the memory's
            [result] = translate_documents([ARRIVAL], silent_on_o, NAMES, model_id="m", memory=memory)
            assert result.text == "Titre of the day\n\nPutin is arrivé to Minsk Thursday.\n\nÔ.\n\nThe visit doit durer deux jours.\n"
            assert [(s.source, s.target) for s in result.untranslated] == [("Ô.", "Ô.")]
            [empty] = [v for v in result.violations if v.rule_id == "translate.empty"]  # reported, not only marked
            assert (empty.source, empty.level, empty.paragraph, result.text[empty.start : empty.end]) == (Source.TRANSLATE, Level.WARNING, 2, "Ô.")
            assert [result.text[p.start : p.end] for p in result.paragraphs] == result.text.strip().split("\n\n")
        assert result.segments[2].from_memory


@pytest.mark.parametrize("line_break", ["", "\n"], ids=["spaces", "spaces around a line break"])
def test_a_long_run_of_spaces_in_a_sentence_is_translated_in_linear_time(line_break):
    # 20,000 spaces took 0.7 s and 40,000 about 3 s to join the lines of a sentence
    def translate(n):
        text = f"Titre\n\nLe texte{' ' * n}{line_break}{' ' * n}continue. Il a dit{'.' * n} fin."
        return translate_documents([text], list, Glossary([]), model_id="identity")

    assert_linear(translate)
    assert translate(4)[0].segments[1].source == "Le texte" + (" " if line_break else " " * 8) + "continue."


def test_xliff_stays_well_formed_when_the_article_holds_control_characters():
    import xml.etree.ElementTree as ET

    from translator.report import emitter
    from translator.report.article import ArticleReport

    text = "Titre\n\nLigne un\x0bligne deux\x0c.\n"  # Word's manual line break, a scraper's form feed
    [result] = translate_documents([text], lambda sentences: [s.replace("Ligne", "Line") for s in sentences], Glossary(), model_id="stand-in")
    xliff = emitter("xliff", source_language="fr", target_language="en")
    xliff.article(ArticleReport("a.txt", text, translation=result))
    root = ET.fromstring(xliff.finish().encode())  # well-formed
    namespace = {"x": "urn:oasis:names:tc:xliff:document:2.0"}
    source = root.findall(".//x:segment/x:source", namespace)[1]
    assert [cp.get("hex") for cp in source.findall("x:cp", namespace)] == ["000B", "000C"]
    assert "".join(source.itertext()) == "Ligne unligne deux."
