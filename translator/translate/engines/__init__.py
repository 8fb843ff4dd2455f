"""Translation engines: each turns a batch of sentences into their translations.

An engine is a class named in :data:`ENGINES` (``"module:Class"``, imported only when
that engine is used).  The class has a static ``find_model(source, target)`` that
finds the installed model for a language pair without loading it (a :class:`Model`),
a static ``place(hardware)`` that checks a :class:`Hardware` against this machine and
settles its ``auto`` choices, and is built from both: ``Class(model, hardware)`` loads
the model and is an :class:`Engine`.
Adding an engine is one module here and one line in :data:`ENGINES`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path
from typing import Protocol

from ...errors import TranslatorError

ENGINES: dict[str, str] = {
    "argos": "translator.translate.engines.argos:ArgosEngine",
}


@dataclass(frozen=True)
class Hardware:
    """Where and how a model runs: ``device`` ``auto`` (a GPU when the engine sees one),
    ``cpu`` or ``cuda``; ``compute_type`` ``default`` (the model's own, e.g. int8 for the
    Argos packages) or one the device supports; ``jobs``: translations running at once,
    one core each on a CPU.  Results are the same whatever ``jobs``."""

    device: str = "auto"
    compute_type: str = "default"
    jobs: int = 1


class Engine(Protocol):
    def translate(self, sentences: Sequence[str]) -> list[str]:
        """The translations of ``sentences``, aligned with them."""


class Model(Protocol):
    """An installed model, known without being loaded."""

    @property
    def model_id(self) -> str:
        """Names the model in results, e.g. ``translate-fr_en-1_9 1.9``."""

    @property
    def weights(self) -> Path:
        """The file whose checksum keys the translation memory."""


def engine_class(name: str) -> type:
    """The engine class registered under ``name``, imported now."""
    try:
        module, _, attribute = ENGINES[name].partition(":")
    except KeyError:
        raise TranslatorError(f"unknown translation engine {name!r}; known engines: {', '.join(sorted(ENGINES))}") from None
    return getattr(import_module(module), attribute)
