"""The translation session from Python: engines by name, the memory, lazy loading,
segment spans in the result text, and a memory that keeps each engine call's work."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

from translator import TranslatorError
from translator.translate.documents import translate_documents
from translator.translate.engines import ENGINES, Hardware, engine_class
from translator.translate.glossary import Glossary, Term, TermType, load_glossaries
from translator.translate.memory import TranslationMemory, TranslationMemoryWarning
from translator.translate.session import open_translation

from .conftest import SEED

PUTIN = Glossary([Term(("Poutine",), "Putin", TermType.NAME, True, "t:1")])


def test_an_unknown_engine_is_one_error_naming_the_known_ones():
    with pytest.raises(TranslatorError, match=r"unknown translation engine 'deepl'; known engines: argos"):
        engine_class("deepl")
    with pytest.raises(TranslatorError, match="known engines: argos"):
        open_translation("fr", "en", engine="deepl", memory=False)


# --- an engine added through the registry -------------------------------------------------------

LOADED: list[str] = []


@dataclass(frozen=True)
class StandInModel:
    model_id: str = "stand-in 1"
    weights: Path = Path(__file__)


class TaggingEngine:
    """A registered stand-in: tags each sentence with ``EN:``; records when it is loaded."""

    @staticmethod
    def find_model(source: str, target: str) -> StandInModel:
        return StandInModel()

    @staticmethod
    def place(hardware: Hardware) -> Hardware:
        return hardware

    def __init__(self, model: StandInModel, hardware: Hardware) -> None:
        LOADED.append(model.model_id)

    def translate(self, sentences: Sequence[str]) -> list[str]:
        return [f"EN: {sentence}" for sentence in sentences]


@pytest.fixture
def tagging(monkeypatch):
    monkeypatch.setitem(ENGINES, "tagging", f"{__name__}:TaggingEngine")
    LOADED.clear()
    return "tagging"


def test_the_session_loads_the_engine_only_for_sentences_the_memory_lacks(tagging, tmp_path):
    memory, progress = tmp_path / "tm.sqlite3", []
    with open_translation("fr", "en", engine=tagging, memory=memory, on_progress=lambda *p: progress.append(p)) as translation:
        [first] = translation.translate(["Poutine a parlé. Le président a dit."])
    assert (first.text, first.model) == ("EN: Putin a parlé. EN: Le président a dit.", "stand-in 1")
    assert LOADED == ["stand-in 1"] and progress == [(2, 2)]
    with open_translation("fr", "en", engine=tagging, memory=memory) as translation:
        assert not LOADED[1:] and translation.glossary.fingerprint == first.glossary
        [again] = translation.translate(["Poutine a parlé. Le président a dit."])
    assert again.text == first.text and all(s.from_memory for s in again.segments)
    assert LOADED == ["stand-in 1"]  # everything came from memory: the model never loaded again


def test_a_damaged_memory_is_a_warning_and_the_session_translates_anyway(tagging, tmp_path):
    memory = tmp_path / "tm.sqlite3"
    memory.write_bytes(b"not a translation memory, just text\n" * 200)
    with pytest.warns(TranslationMemoryWarning, match=f"^{memory}: translation memory damaged .*: going on without it; delete it"):
        with open_translation("fr", "en", engine=tagging, memory=memory) as translation:
            [result] = translation.translate(["Il pleut."])
    assert result.text == "EN: Il pleut."
    problems = []
    with open_translation("fr", "en", engine=tagging, memory=memory, on_memory_problem=problems.append) as translation:
        translation.translate(["Il pleut."])
    assert len(problems) == 1 and "damaged" in problems[0]


def test_the_session_takes_glossaries_and_can_do_without_memory(tagging, tmp_path):
    extra = tmp_path / "extra.tsv"
    extra.write_text("source\ttarget\nMinsk\tMensk\n", encoding="utf-8")
    with open_translation("fr", "en", engine=tagging, glossaries=[extra], builtin_glossary=False, memory=False) as translation:
        assert translation.memory is None and len(translation.glossary) == 1
        [result] = translation.translate(["Il est à Minsk."])
    assert result.text == "EN: Il est à Mensk."


def test_the_argos_engine_from_python_gets_the_memory(installed, tmp_path):
    script = (
        "import json, sys\n"
        "from pathlib import Path\n"
        "from translator.translate.session import open_translation\n"
        "with open_translation('fr', 'en', memory=Path(sys.argv[1])) as translation:\n"
        "    [result] = translation.translate(['Poutine est à Minsk.'])\n"
        "    print(json.dumps([result.text, result.model, len(translation.memory)]))\n"
    )
    done = subprocess.run([sys.executable, "-c", script, str(tmp_path / "tm.sqlite3")], capture_output=True, text=True,
                          env={**__import__("os").environ, **installed.env}, check=True)
    assert json.loads(done.stdout) == ["Putin is to Minsk.", "translate-fr_en-tiny 0.1", 1]


# --- spans of the translations in the result text -------------------------------------------------

def _padded_reversal(sentences: Sequence[str]) -> list[str]:
    """Translations of another length than their sources, with spaces around them."""
    return [f"  {' '.join(reversed(sentence.split()))} " for sentence in sentences]


@pytest.mark.parametrize("text", [
    SEED.read_text(encoding="utf-8"),
    "Poutine a parlé.\r\nIl est parti.\r\n\r\nPoutine a parlé.\r\n",
    "Le président a dit. Le président a dit.\n\nLe président a dit.\n",
    "Poutine rencontre Loukachenko à Minsk. « Poutine » est là.\n\n***\n\nFin.",
], ids=["seed", "crlf", "repeated", "terms"])
def test_every_segment_span_slices_its_translation_out_of_the_result(text):
    [result] = translate_documents([text], _padded_reversal, load_glossaries(), model_id="stand-in")
    assert result.segments
    for segment in result.segments:
        assert result.text[segment.target_start : segment.target_end] == segment.target == segment.target.strip()
    starts = [s.target_start for s in result.segments]
    assert starts == sorted(starts) and len(set(starts)) == len(starts)


# --- the memory stores after each engine call -------------------------------------------------------

def test_a_failing_later_engine_call_keeps_the_earlier_calls_translations(tmp_path):
    calls = []

    def loses_names_then_fails(sentences):
        calls.append(list(sentences))
        if len(calls) > 1:
            raise RuntimeError("the engine died")
        return [s.replace("Putin", "Poutin") for s in sentences]

    path = tmp_path / "tm.sqlite3"
    with TranslationMemory(path) as memory, pytest.raises(RuntimeError, match="the engine died"):
        translate_documents(["Poutine a parlé. Le président a dit.", "Il pleut."], loses_names_then_fails, PUTIN,
                            model_id="m", memory=memory, memory_key="sum")
    assert calls == [["Putin a parlé.", "Le président a dit.", "Il pleut."], ["ZXQ0 a parlé."]]
    with TranslationMemory(path) as memory:  # a fresh connection to the file: what a re-run sees
        known = memory.lookup("sum", PUTIN.fingerprint, ["Poutine a parlé.", "Le président a dit.", "Il pleut."])
    # the sentence still to be retried is not remembered half-done
    assert known == {"Le président a dit.": "Le président a dit.", "Il pleut.": "Il pleut."}
