"""The translation engine: a package's CTranslate2 model and SentencePiece tokenizer.

We call CTranslate2 directly, with our own sentence segmentation, in batches across
whole documents (Argos Translate itself splits each paragraph with a sentence
model it downloads, then translates paragraph by paragraph).  Decoding settings are
argostranslate's: beam 4, length penalty 0.2, unknown words copied from the source.

``Hardware.jobs`` = N loads N replicas of the model (CTranslate2 ``inter_threads``), one
core each (``intra_threads=1``): the batches of one call are translated N at a time, each
exactly as one replica alone translates it, so the results do not depend on N.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from ...errors import TranslatorError
from ..packages import ModelPackage, find_package
from . import Hardware

BEAM_SIZE = 4
LENGTH_PENALTY = 0.2
MAX_BATCH_SIZE = 32
MAX_PIECES = 250  # tokens a sentence is given to the model in, at most


class ArgosEngine:
    """Translates batches of sentences with one installed package."""

    find_model = staticmethod(find_package)

    @staticmethod
    def place(hardware: Hardware) -> Hardware:
        """``hardware`` with its device settled (``auto``: CUDA when CTranslate2 sees a GPU);
        a device or compute type this machine lacks is a ``TranslatorError``."""
        import ctranslate2

        gpus = ctranslate2.get_cuda_device_count()
        device = ("cuda" if gpus else "cpu") if hardware.device == "auto" else hardware.device
        if device == "cuda" and not gpus:
            raise TranslatorError("--device cuda: CTranslate2 sees no CUDA GPU on this machine; use --device cpu (or auto)")
        supported = sorted(ctranslate2.get_supported_compute_types(device))
        if hardware.compute_type not in ("default", *supported):
            raise TranslatorError(f"--compute-type {hardware.compute_type}: not supported on {device} here; "
                                  f"use default or one of {', '.join(supported)}")
        return replace(hardware, device=device)

    def __init__(self, package: ModelPackage, hardware: Hardware = Hardware()) -> None:
        import ctranslate2
        import sentencepiece

        self.package = package
        hardware = self.place(hardware)
        try:
            self._translator = ctranslate2.Translator(str(package.model_dir), device=hardware.device, compute_type=hardware.compute_type,
                                                      inter_threads=hardware.jobs, intra_threads=1)
            self._tokenizer = sentencepiece.SentencePieceProcessor(model_file=str(package.tokenizer_file))
        except (RuntimeError, OSError, ValueError) as error:
            reason = str(error).splitlines()[0] if str(error) else type(error).__name__
            raise TranslatorError(
                f"{package.path}: the {package.pair} model does not load ({reason}); "
                f"reinstall it: translator models remove {package.name}, then translator models install FILE"
            ) from None

    @property
    def model_id(self) -> str:
        return self.package.model_id

    def translate(self, sentences: Sequence[str]) -> list[str]:
        """Translate sentences in batches; the result is aligned with the input.

        A sentence longer than the model reads in one pass is cut at clause (or word)
        boundaries, its parts translated and joined again; a word longer than that on its
        own (a URL, a hash) is kept as it is.  Nothing is dropped.
        """
        parts = [self._parts(sentence) for sentence in sentences]
        translated = iter(self._translate_tokens([part for sentence_parts in parts for part in sentence_parts
                                                  if isinstance(part, list)]))
        return [" ".join(part if isinstance(part, str) else next(translated) for part in sentence_parts)
                for sentence_parts in parts]

    def _translate_tokens(self, batch: list[list[str]]) -> list[str]:
        if not batch:
            return []
        results = self._translator.translate_batch(
            batch,
            beam_size=BEAM_SIZE,
            length_penalty=LENGTH_PENALTY,
            replace_unknowns=True,
            max_batch_size=MAX_BATCH_SIZE,
            max_decoding_length=2 * max(len(tokens) for tokens in batch) + 16,
        )
        return [self._tokenizer.decode(result.hypotheses[0]).strip() for result in results]

    def _parts(self, sentence: str) -> list[list[str] | str]:
        """The sentence as parts for the model, each of at most MAX_PIECES tokens, and
        the words too long for it on their own, kept as text."""
        tokens = self._tokenizer.encode(sentence, out_type=str)
        if len(tokens) <= MAX_PIECES:
            return [tokens]
        parts: list[list[str] | str] = []

        def close(text: str) -> None:
            if text:
                parts.append(self._tokenizer.encode(text, out_type=str))

        current = ""
        for clause in re.split(r"(?<=[,;:])\s+", sentence):
            for word in clause.split() if len(self._tokenizer.encode(clause)) > MAX_PIECES else [clause]:
                if len(self._tokenizer.encode(word)) > MAX_PIECES:
                    close(current)
                    parts.append(word)
                    current = ""
                    continue
                candidate = f"{current} {word}" if current else word
                if current and len(self._tokenizer.encode(candidate)) > MAX_PIECES:
                    close(current)
                    candidate = word
                current = candidate
        close(current)
        return parts
