"""A translation session: the glossary, the installed model, the translation memory
and an engine that loads only when a sentence needs it — what the command line
translates with, and what a Python user gets from one call::

    with open_translation("fr", "en") as translation:
        [result] = translation.translate([french_text])
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Sequence
from pathlib import Path

from .documents import TranslationContext
from .engines import Engine, Hardware, Model, engine_class
from .glossary import load_glossaries
from .memory import TranslationMemory, TranslationMemoryWarning, default_memory_path

Progress = Callable[[int, int], None]


def open_translation(
    source: str,
    target: str,
    *,
    glossaries: Sequence[Path] = (),
    builtin_glossary: bool = True,
    memory: Path | bool = True,
    engine: str = "argos",
    hardware: Hardware = Hardware(),
    on_progress: Progress | None = None,
    on_memory_problem: Callable[[str], None] | None = None,
) -> TranslationContext:
    """Everything needed to translate ``source`` into ``target``; close it (or use it as
    a context manager) to close the translation memory.

    ``glossaries`` are added to the built-in one (left out with ``builtin_glossary=False``).
    ``memory``: ``True`` for the memory in the user cache folder, a path for that file,
    ``False`` to neither read nor fill one.  ``engine`` names an entry of
    :data:`translator.translate.engines.ENGINES`; ``hardware`` where and how it runs
    (checked now, the model loaded later).  ``on_progress(done, total)`` is
    called as the sentences of each engine call are translated.  A memory that is busy,
    damaged or out of room is a warning, to ``on_memory_problem(message)`` or else as a
    :class:`~translator.translate.memory.TranslationMemoryWarning`, and the translation
    goes on without it.  Raises
    :class:`~translator.errors.TranslatorError` when a glossary is invalid, the engine
    unknown, the hardware missing or no model is installed for the pair.
    """
    terms = load_glossaries(glossaries, builtin=builtin_glossary, source=source, target=target)
    kind = engine_class(engine)
    model: Model = kind.find_model(source, target)
    placed = kind.place(hardware)
    store, key = None, None
    if memory is not False:
        store = TranslationMemory(default_memory_path() if memory is True else memory, on_problem=on_memory_problem or _warn)
        try:
            key = store.model_checksum(model.weights)
        except BaseException:
            store.close()
            raise
    lazy = LazyEngine(lambda: kind(model, placed), on_progress)
    return TranslationContext(target, lazy.translate, model.model_id, terms, store, key)


def _warn(message: str) -> None:
    warnings.warn(message, TranslationMemoryWarning)


class LazyEngine:
    """Loads the model on the first sentence to translate (a re-run served wholly by the
    translation memory never loads it), and reports progress every few hundred sentences."""

    CHUNK = 256

    def __init__(self, load: Callable[[], Engine], on_progress: Progress | None = None) -> None:
        self._load = load
        self._engine: Engine | None = None
        self._on_progress = on_progress

    def translate(self, sentences: Sequence[str]) -> list[str]:
        if self._engine is None:
            self._engine = self._load()
        if self._on_progress is None:
            return self._engine.translate(sentences)
        translated: list[str] = []
        for start in range(0, len(sentences), self.CHUNK):
            translated += self._engine.translate(sentences[start : start + self.CHUNK])
            self._on_progress(len(translated), len(sentences))
        return translated

