"""The translation engine: a package's CTranslate2 model and SentencePiece tokenizer.

We call CTranslate2 directly, with our own sentence segmentation, in batches across
whole documents (Argos Translate itself splits each paragraph with a sentence
model it downloads, then translates paragraph by paragraph).  Decoding settings are
argostranslate's: beam 4, length penalty 0.2, unknown words copied from the source.
"""

from __future__ import annotations

from collections.abc import Sequence

from .errors import TranslatorError
from .packages import ModelPackage

BEAM_SIZE = 4
LENGTH_PENALTY = 0.2
MAX_BATCH_SIZE = 32


class Engine:
    """Translates batches of sentences with one installed package."""

    def __init__(self, package: ModelPackage, *, threads: int = 0) -> None:
        import ctranslate2
        import sentencepiece

        self.package = package
        try:
            self._translator = ctranslate2.Translator(str(package.model_dir), device="cpu", intra_threads=threads)
            self._tokenizer = sentencepiece.SentencePieceProcessor(model_file=str(package.tokenizer_file))
        except (RuntimeError, OSError, ValueError) as error:
            reason = str(error).splitlines()[0] if str(error) else type(error).__name__
            raise TranslatorError(
                f"{package.path}: the {package.pair} model does not load ({reason}); "
                f"reinstall it: translator models remove {package.name}, then translator models install FILE"
            ) from None

    @property
    def model_id(self) -> str:
        return f"{self.package.name} {self.package.version}"

    def translate(self, sentences: Sequence[str]) -> list[str]:
        """Translate sentences in batches; the result is aligned with the input."""
        if not sentences:
            return []
        tokens = [self._tokenizer.encode(sentence, out_type=str) for sentence in sentences]
        longest = max(len(t) for t in tokens)
        results = self._translator.translate_batch(
            tokens,
            beam_size=BEAM_SIZE,
            length_penalty=LENGTH_PENALTY,
            replace_unknowns=True,
            max_batch_size=MAX_BATCH_SIZE,
            max_decoding_length=min(1024, 2 * longest + 16),
        )
        return [self._tokenizer.decode(result.hypotheses[0]) for result in results]
