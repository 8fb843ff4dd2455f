"""Matcher kinds: how a rule finds what it is about in a piece of text.

A rule names its kind in the ``matcher`` field (a ``pattern`` rule names none).  Each
kind is one module here exposing a :class:`Matcher`, and one line of ``MATCHERS``;
a loaded rule holds its kind as ``rule.kind``.
"""

from __future__ import annotations

from . import headline, pattern, pull_quote
from .base import Context, Match, Matcher

__all__ = ["MATCHERS", "Context", "Match", "Matcher"]

MATCHERS: dict[str, Matcher] = {
    "pattern": pattern.MATCHER,
    "duplicate-headline": headline.MATCHER,
    "pull-quote": pull_quote.MATCHER,
}
