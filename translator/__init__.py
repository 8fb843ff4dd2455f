"""translator: clean machine-rewrite artefacts out of French news, then translate it offline.

Library use::

    from translator import clean_text, load_rules
    result = clean_text(text)             # built-in rules, the article's language detected
    result.text, result.findings, result.metadata

    from translator import Job, SourceText, load_settings, open_translation
    with open_translation("fr", "en") as session:     # glossary, translation memory, lazy model
        [report] = Job(load_settings(), translation=session).process([SourceText("a.txt", text)])
    report.translation.text, report.diagnostics, report.to_dict()

The stages live in subpackages: ``clean``, ``translate``, ``qa``, ``report``,
``review``, ``pipeline``; ``cli`` is the command line over them.  Names below that
need a heavy stage are imported when first used, so ``import translator`` stays fast.
"""

from __future__ import annotations

from importlib import import_module

__version__ = "0.1.0"

from .clean.cleaner import CleanResult, Finding, clean_text  # noqa: E402
from .clean.rules import RuleSet, load_rules  # noqa: E402
from .config import Settings, load_settings  # noqa: E402
from .diagnostics import Diagnostic, Level, Located, Source  # noqa: E402
from .errors import TranslatorError  # noqa: E402

_LAZY = {
    "ArticleReport": "translator.report.article",
    "Job": "translator.pipeline.job",
    "SourceText": "translator.io.files",
    "detect_language": "translator.lang",
    "emitter": "translator.report",
    "open_translation": "translator.translate.session",
    "run_pipeline": "translator.pipeline.run",
}


def __getattr__(name: str) -> object:
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'translator' has no attribute {name!r}")


__all__ = ["ArticleReport", "CleanResult", "Diagnostic", "Finding", "Job", "Level", "Located", "RuleSet", "Settings", "Source",
           "SourceText", "TranslatorError", "__version__", "clean_text", "detect_language", "emitter", "load_rules",
           "load_settings", "open_translation", "run_pipeline"]
