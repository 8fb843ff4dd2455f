"""translator: clean machine-rewrite artefacts out of French news, then translate it offline.

Library use::

    from translator import clean_text, load_rules
    result = clean_text(text)             # built-in rules
    result.text, result.findings, result.metadata
"""

__version__ = "0.1.0"

from .clean.cleaner import CleanResult, Finding, clean_text  # noqa: E402
from .clean.rules import RuleSet, load_rules  # noqa: E402
from .errors import TranslatorError  # noqa: E402

__all__ = ["CleanResult", "Finding", "RuleSet", "TranslatorError", "__version__", "clean_text", "load_rules"]
