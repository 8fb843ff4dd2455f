"""The translate stage from Python, on the real CTranslate2 engine of the test package."""

import zipfile

import pytest

from translator.diagnostics import Level, Located, Source
from translator.translate.documents import translate_documents
from translator.translate.engines.argos import ArgosEngine
from translator.translate.glossary import Glossary, Term, TermType
from translator.translate.memory import TranslationMemory
from translator.translate.packages import ModelPackage

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
