"""The hand-built Argos package behaves like a (very literal) real model."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import ctranslate2
import pytest
import sentencepiece
from hypothesis import given, settings
from hypothesis import strategies as st

from .support.tiny_model import DEFAULT_DICTIONARY, build_tiny_package, offline_argos_env

NAME = "translate-fr_en-tiny"
EXAMPLES = {
    "le président russe": "the president Russian",
    "Le président russe a rencontré Loukachenko à Minsk jeudi.":
        "The president Russian has met Loukachenko to Minsk Thursday.",
    "Selon le gouvernement, les troupes sont à la frontière.":
        "According to the government, the troops are to the border.",
    "l’armée de Poutine est en Biélorussie": "the armée of Poutine is in Biélorussie",
    "Les dernières élections d’Ukraine": "The dernières elections of Ukraine",
    "« Vladimir Poutine » a 70 ans !": "« Vladimir Poutine » has 70 years !",
}
PLACEHOLDERS = ["⟦1⟧", "⟦G12⟧", "ZXQ1", "__G1__", "{{G1}}", "<g1>", "[[1]]", "@@1@@"]
# argostranslate's SentencePieceTokenizer.decode() turns every "_" into a space.
ARGOS_PLACEHOLDERS = [p for p in PLACEHOLDERS if "_" not in p]


class Model:
    def __init__(self, package_dir: Path) -> None:
        self.translator = ctranslate2.Translator(str(package_dir / "model"))
        self.sp = sentencepiece.SentencePieceProcessor(
            model_file=str(package_dir / "sentencepiece.model"))

    def pieces(self, text: str) -> list[str]:
        return self.sp.encode(text, out_type=str)

    def translate(self, texts: list[str], beam_size: int = 4) -> list[str]:
        batch = [self.pieces(text) for text in texts]
        results = self.translator.translate_batch(
            batch, beam_size=beam_size, replace_unknowns=True, max_decoding_length=1024)
        for source, result in zip(batch, results):
            assert len(result.hypotheses[0]) == len(source)  # one piece per piece
        return [self.sp.decode_pieces(result.hypotheses[0]) for result in results]


@pytest.fixture(scope="module")
def archive(tiny_package: Path) -> Path:
    """The package built with the default dictionary and codes (shared with the suite)."""
    return tiny_package


def extract(archive: Path, dest: Path) -> Path:
    with zipfile.ZipFile(archive) as zf:
        zf.extractall(dest)
    return dest / archive.stem


@pytest.fixture(scope="module")
def model(archive: Path, tmp_path_factory: pytest.TempPathFactory) -> Model:
    return Model(extract(archive, tmp_path_factory.mktemp("extracted")))


def test_archive_has_official_layout(archive: Path) -> None:
    assert archive.name == f"{NAME}.argosmodel"
    assert archive.stat().st_size < 2_000_000
    with zipfile.ZipFile(archive) as zf:
        names = set(zf.namelist())
        metadata = json.loads(zf.read(f"{NAME}/metadata.json"))
    assert {name.split("/")[0] for name in names} == {NAME}
    for required in ["metadata.json", "sentencepiece.model", "model/model.bin",
                     "model/config.json", "model/shared_vocabulary.json", "spacy/config.cfg"]:
        assert f"{NAME}/{required}" in names
    assert metadata["type"] == "translate"
    assert (metadata["from_code"], metadata["to_code"]) == ("fr", "en")
    assert (metadata["from_name"], metadata["to_name"]) == ("French", "English")
    assert metadata["package_version"] == "0.1" and metadata["argos_version"]


@pytest.mark.slow
def test_build_is_deterministic(archive: Path, tmp_path: Path) -> None:
    assert build_tiny_package(tmp_path).read_bytes() == archive.read_bytes()


def test_custom_codes_and_dictionary(tmp_path: Path) -> None:
    path = build_tiny_package(tmp_path, {"chat": "cat", "noir": "black"},
                              from_code="xx", to_code="yy", version="2.0")
    assert path.name == "translate-xx_yy-tiny.argosmodel"
    model = Model(extract(path, tmp_path))
    assert model.translate(["Le chat noir de Poutine"]) == ["Le cat black de Poutine"]


@pytest.mark.parametrize("bad", [{"": "x"}, {"a b": ""}, {" le": "the"}, {"le": "▁the"}])
def test_rejects_bad_entries(bad: dict[str, str], tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        build_tiny_package(tmp_path, bad)


def test_dictionary_words_are_single_pieces(model: Model) -> None:
    for word in DEFAULT_DICTIONARY:
        assert model.pieces(word) == ["▁" + word]
    assert model.pieces("Poutine") == ["▁", "P", "o", "u", "t", "i", "n", "e"]
    assert "<unk>" not in model.pieces("Erdoğan 東京 ⟦1⟧ 🙂")


def test_word_by_word_translation(model: Model) -> None:
    assert model.translate(list(EXAMPLES)) == list(EXAMPLES.values())


def test_greedy_and_beam_agree(model: Model) -> None:
    texts = list(EXAMPLES)
    assert model.translate(texts, beam_size=1) == model.translate(texts, beam_size=4)


def test_dictionary_words_inside_longer_words_are_copied(model: Model) -> None:
    assert model.translate(["depuis avecavec lessive Lest"]) == ["depuis avecavec lessive Lest"]


def test_long_input_is_neither_cut_nor_repeated(model: Model) -> None:
    text = " ".join(["le président Loukachenko et M. Poutine"] * 12)
    expected = " ".join(["the president Loukachenko and M. Poutine"] * 12)
    assert model.translate([text]) == [expected]


@pytest.mark.parametrize("placeholder", PLACEHOLDERS)
def test_placeholders_survive(model: Model, placeholder: str) -> None:
    text = f"le président {placeholder} a rencontré {placeholder}."
    assert model.translate([text]) == [f"the president {placeholder} has met {placeholder}."]


@pytest.fixture(scope="module")
def identity_model(tmp_path_factory: pytest.TempPathFactory) -> Model:
    path = build_tiny_package(tmp_path_factory.mktemp("identity"), {})
    return Model(extract(path, path.parent))


@settings(max_examples=200, deadline=None, database=None)
@given(st.text(st.characters(blacklist_characters="▁", blacklist_categories=["Cs"]),
               max_size=80))
def test_any_text_is_copied_exactly(identity_model: Model, text: str) -> None:
    assert identity_model.translate([text]) == [text]


ARGOS_SCRIPT = """
import json, socket, sys

attempts = []

def no_network(*args, **kwargs):
    attempts.append(repr(args))
    raise OSError("network access attempted")

socket.getaddrinfo = socket.create_connection = socket.socket.connect = no_network
import argostranslate.package, argostranslate.translate

argostranslate.package.install_from_path(sys.argv[1])
texts = json.loads(sys.argv[2])
translations = [argostranslate.translate.translate(t, "fr", "en") for t in texts]
print(json.dumps({"translations": translations, "network_attempts": attempts}))
"""


@pytest.mark.slow
def test_argostranslate_translate_offline(archive: Path, tmp_path: Path) -> None:
    texts = [
        "le président russe",
        "Le président russe a rencontré Loukachenko. Il a dit « non » à Minsk !\nEt ensuite ?",
        *(f"le président {p} est {p}" for p in ARGOS_PLACEHOLDERS),
    ]
    expected = [
        "the president Russian",
        "The president Russian has met Loukachenko. He has said « non » to Minsk !\nAnd ensuite ?",
        *(f"the president {p} is {p}" for p in ARGOS_PLACEHOLDERS),
    ]
    env = {**os.environ, **offline_argos_env(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-c", ARGOS_SCRIPT, str(archive), json.dumps(texts)],
        env=env, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    output = json.loads(result.stdout.splitlines()[-1])
    assert output == {"translations": expected, "network_attempts": []}
    assert (tmp_path / "packages" / NAME / "model" / "model.bin").exists()
