"""Build a tiny but real Argos Translate package (CTranslate2 + SentencePiece).

The model is a hand-weighted 1-layer Transformer that translates word by word
with a dictionary and copies every other piece unchanged (deterministic, the
best hypothesis has probability ~1, so greedy and beam search agree):

* SentencePiece (unigram, identity normalisation, byte fallback): dictionary
  words (``▁mot``) are single pieces; any other text falls back to character
  or UTF-8 byte pieces, so nothing is ever ``<unk>`` and copies are exact.
* Encoder: a sharp "next position" self-attention reads whether the following
  piece continues the word; a ReLU gate then rewrites a dictionary word into
  its translation only when it is a whole word ("de" yes, "dernier" no).
* Decoder: step ``t`` attends only to source position ``t`` and emits its
  (possibly translated) piece; the source ``</s>`` (``add_source_eos``) maps
  to ``</s>``, so the output has exactly one piece per source piece. Mind
  CTranslate2's default ``max_decoding_length=256`` (argostranslate keeps it):
  unknown words cost one piece per character.
* RMS norms are tamed by a large constant "anchor" dimension, which makes each
  of them an almost exact constant rescaling.

Using it through ``argostranslate.translate`` offline: argostranslate 1.11
splits sentences with MiniSBD by default, which downloads an ONNX model, and
``ARGOS_CHUNK_TYPE=NONE`` makes the package unusable (NotImplementedError).
Use ``ARGOS_CHUNK_TYPE=SPACY``: the package ships ``spacy/`` (a blank spaCy
pipeline, argostranslate adds a rule-based sentencizer). Importing
``argostranslate.sbd`` in that mode still runs ``networking.cache_spacy()``,
which downloads ``xx_sent_ud_sm`` unless ``$XDG_CACHE_HOME/argos-translate/
spacy/senter/model`` exists. ``offline_argos_env`` prepares all of this; its
variables must be set before argostranslate is first imported (settings are
read at import time). Note that argostranslate's decoder turns ``_`` into a
space, so placeholders like ``__G1__`` do not survive it; ``⟦1⟧`` does.
"""

from __future__ import annotations

import json
import tempfile
import zipfile
from pathlib import Path
from typing import Mapping

import numpy as np

DEFAULT_DICTIONARY: dict[str, str] = {
    "le": "the", "la": "the", "les": "the", "l’": "the ", "un": "a", "une": "a",
    "des": "some", "du": "of the", "de": "of", "d’": "of ", "au": "to the",
    "aux": "to the", "à": "to", "en": "in", "dans": "in", "sur": "on",
    "pour": "for", "par": "by", "avec": "with", "sans": "without",
    "contre": "against", "entre": "between", "après": "after",
    "avant": "before", "selon": "according to", "et": "and", "ou": "or",
    "mais": "but", "que": "that", "qu’": "that ", "qui": "who", "ne": "not",
    "n’": "not ", "pas": "not", "plus": "more", "très": "very", "a": "has",
    "ont": "have", "est": "is", "sont": "are", "été": "been", "sera": "will be",
    "il": "he", "elle": "she", "ils": "they", "nous": "we", "son": "his",
    "sa": "her", "ses": "his", "leur": "their", "ce": "this", "cette": "this",
    "président": "president", "ministre": "minister",
    "gouvernement": "government", "pays": "country", "guerre": "war",
    "paix": "peace", "armée": "army", "frontière": "border",
    "accord": "agreement", "réunion": "meeting", "sommet": "summit",
    "russe": "Russian", "français": "French", "américain": "American",
    "européenne": "European", "nouveau": "new", "nouvelle": "new",
    "jeudi": "Thursday", "lundi": "Monday", "hier": "yesterday",
    "aujourd’hui": "today", "année": "year", "ans": "years", "jour": "day",
    "déclaré": "declared", "annoncé": "announced", "rencontré": "met",
    "dit": "said", "visite": "visit", "capitale": "capital", "ville": "city",
    "troupes": "troops", "sanctions": "sanctions", "élections": "elections",
}
"""fr→en, one target piece per source piece (spaces allowed inside either side).
Proper names are deliberately absent: the model copies them. Lower-case entries
also get a capitalised variant (``Le`` → ``The``). Entries ending in a letter or
digit are translated only as whole words; others (``l’``) also as prefixes."""

_LANG_NAMES = {"fr": "French", "en": "English"}
_CHARS = (
    [chr(c) for c in range(0x21, 0x7F)] + list("\u00a0\u202f’‘“”«»–—…°€")
    + list("àâäçéèêëîïôöùûüÿœæÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸŒÆ")
)
_SPECIALS = ["<unk>", "<s>", "</s>"]
_WS = "▁"
_MAX_POSITIONS = 1024
_FREQS = np.geomspace(3.0, 2 * np.pi / 1500, 16)  # self-vs-other score gap > 4.5
# Residual stream layout (one attention head spanning all _D dims).
_P, _T = 2 * len(_FREQS), 64  # position code size, token code size
_ANCHOR, _POS = 0, slice(1, 1 + _P)
_SLOT = slice(_POS.stop, _POS.stop + _T)  # code of the piece to emit
_DELTA = slice(_SLOT.stop, _SLOT.stop + _T)  # translation code minus own code
_OWN, _NEXT = _DELTA.stop, _DELTA.stop + 1  # "continues a word" flags
_D = _NEXT + 1
_A = 1000.0  # anchor value: turns every RMS norm into a near-constant scale
_ATTN, _GATE, _LOGIT = 12.0, 8.0, 50.0  # attention sharpness, gate, logit scale


def _piece(text: str) -> str:
    return _WS + text.replace(" ", _WS)


def _expand(dictionary: Mapping[str, str]) -> dict[str, str]:
    """Map source pieces to target pieces, adding capitalised variants."""
    pairs = dict(dictionary)
    for src, tgt in dictionary.items():
        pairs.setdefault(src[:1].upper() + src[1:], tgt[:1].upper() + tgt[1:])
    for text in (*pairs, *pairs.values()):
        if not text.strip() or text[0].isspace() or _WS in text:
            raise ValueError(f"bad dictionary entry: {text!r}")
    return {_piece(src): _piece(tgt) for src, tgt in pairs.items()}


def _sentencepiece_proto(pieces: list[str]) -> bytes:
    from sentencepiece import sentencepiece_model_pb2 as pb

    model = pb.ModelProto()
    model.trainer_spec.model_type = pb.TrainerSpec.UNIGRAM
    model.trainer_spec.byte_fallback = True
    model.trainer_spec.vocab_size = len(pieces)
    model.trainer_spec.pad_id = -1
    model.normalizer_spec.name = "identity"  # keep é, ’, « », NBSP exact
    model.normalizer_spec.add_dummy_prefix = True
    model.normalizer_spec.remove_extra_whitespaces = False
    kinds = {"<unk>": pb.ModelProto.SentencePiece.UNKNOWN}
    for piece in pieces:
        entry = model.pieces.add()
        entry.piece = piece
        if piece in _SPECIALS:
            entry.type = kinds.get(piece, pb.ModelProto.SentencePiece.CONTROL)
        elif piece.startswith("<0x"):
            entry.type = pb.ModelProto.SentencePiece.BYTE
        else:
            entry.score = -1.0  # equal scores: Viterbi picks the fewest pieces
    return model.SerializeToString()


def _continues_word(piece: str) -> bool:
    """True for pieces that can extend the preceding word (letters, digits, bytes)."""
    return piece.startswith("<0x") or (len(piece) == 1 and piece.isalnum())


def _shift_one() -> np.ndarray:
    """Linear map sending the position code of j to that of j + 1."""
    cos, sin, n = np.cos(_FREQS), np.sin(_FREQS), len(_FREQS)
    rot = np.zeros((2 * n, 2 * n))
    idx = np.arange(n)
    rot[idx, idx], rot[idx, idx + n] = cos, -sin
    rot[idx + n, idx], rot[idx + n, idx + n] = sin, cos
    return rot


def _rows(dims: slice, block: int) -> slice:
    """Rows of ``dims`` inside the ``block``-th matrix of a fused projection."""
    return slice(dims.start + block * _D, dims.stop + block * _D)


def _weights(pieces: list[str], pairs: dict[str, str]) -> dict[str, np.ndarray]:
    """Hand-set weights, keyed by their CTranslate2 variable name."""
    ids = {piece: i for i, piece in enumerate(pieces)}
    codes = np.random.default_rng(0).standard_normal((len(pieces), _T))
    codes /= np.linalg.norm(codes, axis=1, keepdims=True)
    if (codes @ codes.T - np.eye(len(pieces))).max() > 0.75:
        raise RuntimeError("vocabulary too large for the token code size")

    emb = np.zeros((len(pieces), _D))
    emb[:, _SLOT] = codes
    emb[:, _OWN] = [_continues_word(piece) for piece in pieces]
    for src, tgt in pairs.items():
        if src[-1].isalnum():  # gated: translated only if no letter follows
            emb[ids[src], _DELTA] = codes[ids[tgt]] - codes[ids[src]]
        else:
            emb[ids[src], _SLOT] = codes[ids[tgt]]

    def zeros(rows: int, cols: int = _D) -> np.ndarray:
        return np.zeros((rows, cols))

    eye_p, eye_t = np.eye(_P), np.eye(_T)
    scale = _ATTN * np.sqrt(_D)  # CTranslate2 divides scores by sqrt(head_dim)
    self_qkv, self_out = zeros(3 * _D), zeros(_D)
    self_qkv[_POS, _POS] = scale * _shift_one()  # query: "position j + 1"
    self_qkv[_rows(_POS, 1), _POS] = eye_p  # key: position
    self_qkv[2 * _D + _NEXT, _OWN] = 1.0  # value: "continues a word" flag
    self_out[_NEXT, _NEXT] = 1.0
    gate_in, gate_out = zeros(2 * _T), zeros(_D, 2 * _T)
    gate_in[:_T, _DELTA], gate_in[_T:, _DELTA] = eye_t, -eye_t
    gate_in[:, _NEXT] = -_GATE  # ReLU(±delta - GATE * next): closed inside words
    gate_out[_SLOT, :_T], gate_out[_SLOT, _T:] = eye_t, -eye_t

    query, key_value, cross_out = zeros(_D), zeros(2 * _D), zeros(_D)
    query[_POS, _POS] = scale * eye_p  # query: "position t"
    key_value[_POS, _POS] = eye_p
    key_value[_rows(_SLOT, 1), _SLOT] = eye_t
    cross_out[_SLOT, _SLOT] = eye_t
    projection = zeros(len(pieces))
    projection[:, _SLOT] = _LOGIT * codes

    gamma = np.full(_D, _A / np.sqrt(_D))  # RMS norm ≈ identity off the anchor
    gamma[_ANCHOR] = 0.0
    positions = np.zeros((_MAX_POSITIONS, _D))
    positions[:, _ANCHOR] = _A
    angles = np.outer(np.arange(_MAX_POSITIONS), _FREQS)
    positions[:, _POS] = np.concatenate([np.cos(angles), np.sin(angles)], axis=1)

    enc, dec = "encoder/layer_0/", "decoder/layer_0/"
    norms = ["encoder/", enc + "self_attention/", enc + "ffn/", "decoder/",
             dec + "self_attention/", dec + "attention/", dec + "ffn/"]
    weights = {f"{scope}layer_norm/gamma": gamma for scope in norms}
    weights.update({
        "encoder/embeddings_0/weight": emb,
        "encoder/position_encodings/encodings": positions,
        enc + "self_attention/linear_0/weight": self_qkv,
        enc + "self_attention/linear_1/weight": self_out,
        enc + "ffn/linear_0/weight": gate_in,
        enc + "ffn/linear_1/weight": gate_out,
        "decoder/embeddings/weight": zeros(len(pieces)),
        "decoder/position_encodings/encodings": positions,
        dec + "self_attention/linear_0/weight": zeros(3 * _D),
        dec + "self_attention/linear_1/weight": zeros(_D),
        dec + "attention/linear_0/weight": query,
        dec + "attention/linear_1/weight": key_value,
        dec + "attention/linear_2/weight": cross_out,
        dec + "ffn/linear_0/weight": zeros(1),
        dec + "ffn/linear_1/weight": zeros(_D, 1),
        "decoder/projection/weight": projection,
    })
    return {name: value.astype(np.float32) for name, value in weights.items()}


def _save_ctranslate2(model_dir: Path, pieces: list[str], pairs: dict[str, str]) -> None:
    from ctranslate2.specs import TransformerSpec

    spec = TransformerSpec.from_config(1, 1, pre_norm=True, rms_norm=True)
    spec.encoder.scale_embeddings = False
    spec.decoder.scale_embeddings = False
    spec.config.add_source_eos = True  # the decoder maps source </s> to </s>
    for name, value in _weights(pieces, pairs).items():
        *scopes, attr = name.split("/")
        layer = spec
        for scope in scopes:  # "layer_0" is spec.layer[0]; "ffn/linear_0" an attribute
            if hasattr(layer, scope):
                layer = getattr(layer, scope)
            else:
                base, index = scope.rsplit("_", 1)
                layer = getattr(layer, base)[int(index)]
        setattr(layer, attr, value)
    spec.register_source_vocabulary(pieces)
    spec.register_target_vocabulary(pieces)
    spec.validate()
    spec.optimize(quantization="float32")
    spec.save(str(model_dir))


def _save_spacy(spacy_dir: Path) -> None:
    import spacy

    spacy.blank("xx").to_disk(spacy_dir)


def build_tiny_package(
    dest_dir: Path,
    dictionary: Mapping[str, str] | None = None,
    *,
    from_code: str = "fr",
    to_code: str = "en",
    version: str = "0.1",
) -> Path:
    """Build translate-<from>_<to>-tiny.argosmodel in dest_dir and return its path."""
    pairs = _expand(DEFAULT_DICTIONARY if dictionary is None else dictionary)
    words = sorted(set(pairs) | set(pairs.values()))
    pieces = _SPECIALS + [f"<0x{b:02X}>" for b in range(256)] + [_WS] + _CHARS + words
    name = f"translate-{from_code}_{to_code}-tiny"
    metadata = {
        "package_version": version, "argos_version": "1.11",
        "from_code": from_code, "from_name": _LANG_NAMES.get(from_code, from_code),
        "to_code": to_code, "to_name": _LANG_NAMES.get(to_code, to_code),
        "type": "translate", "links": [],
    }
    dest_dir = Path(dest_dir)
    dest_dir.mkdir(parents=True, exist_ok=True)
    archive = dest_dir / f"{name}.argosmodel"
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / name
        (root / "model").mkdir(parents=True)
        (root / "metadata.json").write_text(json.dumps(metadata, indent=2))
        (root / "sentencepiece.model").write_bytes(_sentencepiece_proto(pieces))
        _save_ctranslate2(root / "model", pieces, pairs)
        _save_spacy(root / "spacy")
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
            for path in sorted(root.rglob("*")):  # fixed order and dates: same bytes
                info = zipfile.ZipInfo(str(path.relative_to(tmp)) + "/" * path.is_dir())
                info.compress_type = zipfile.ZIP_DEFLATED
                zf.writestr(info, b"" if path.is_dir() else path.read_bytes())
    return archive


def offline_argos_env(root: Path) -> dict[str, str]:
    """Env vars (set before importing argostranslate) for offline use under root."""
    root = Path(root)
    (root / "cache" / "argos-translate" / "spacy" / "senter" / "model").mkdir(
        parents=True, exist_ok=True)  # makes networking.cache_spacy() skip its download
    return {
        "ARGOS_PACKAGES_DIR": str(root / "packages"),
        "ARGOS_CHUNK_TYPE": "SPACY",
        "ARGOS_DEVICE_TYPE": "cpu",
        "XDG_DATA_HOME": str(root / "data"),
        "XDG_CONFIG_HOME": str(root / "config"),
        "XDG_CACHE_HOME": str(root / "cache"),
    }


def installed_for_commands(root: Path, package: Path | None = None) -> tuple[Path, dict[str, str]]:
    """``package`` (by default the tiny one, built under ``root``) installed for the command
    line, offline, under ``root``; the package and the environment the commands run in."""
    import os
    import subprocess
    import sys

    package = package or build_tiny_package(root)
    env = {**os.environ, **offline_argos_env(root), "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    subprocess.run([sys.executable, "-m", "translator", "models", "install", str(package)], env=env, check=True, capture_output=True)
    return package, env
