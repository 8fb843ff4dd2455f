"""Matcher kinds: how a rule finds what it is about in a piece of text.

A rule names its kind in the ``matcher`` field (a ``pattern`` rule names none).  Each
kind is one module here exposing a :class:`Matcher`, and one line of ``MATCHERS``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import headline, pattern, pull_quote
from .base import Context, Match, Matcher

if TYPE_CHECKING:
    from ..rules import Rule

__all__ = ["MATCHERS", "Context", "Match", "Matcher", "matcher_for"]

MATCHERS: dict[str, Matcher] = {
    "pattern": pattern.MATCHER,
    "duplicate-headline": headline.MATCHER,
    "pull-quote": pull_quote.MATCHER,
}


def matcher_for(rule: Rule) -> Matcher:
    """The kind of matcher a rule runs."""
    return MATCHERS[rule.matcher or "pattern"]
