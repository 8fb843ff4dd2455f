"""The ``pattern`` matcher: the rule's regular expression, outside quotations and antipatterns."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ...document import Span
from ..deadline import searched
from .base import Context, Match

if TYPE_CHECKING:
    from ..rules import Rule


class PatternMatcher:
    needs_pattern = True
    placement = None
    follows_headline = False

    def find(self, rule: Rule, text: str, context: Context) -> Iterator[Match]:
        """Matches of the rule's pattern in ``text``.

        A match that starts inside quoted speech (``context.quoted``) is skipped unless
        the rule says ``inside_quotes``; a match overlapped by one of the rule's
        ``unless`` patterns (antipatterns) is skipped too.
        """
        assert rule.regex is not None, f"rule {rule.id} has no pattern"
        quoted = context.quoted
        antipatterns: list[Span] | None = None
        for found in searched(rule, rule.regex.finditer(text), text):
            if found.start() == found.end():
                continue
            if not rule.inside_quotes and any(found.start() in quote for quote in quoted):
                continue
            if rule.antipatterns:
                if antipatterns is None:
                    antipatterns = [Span(m.start(), m.end()) for p in rule.antipatterns for m in searched(rule, p.finditer(text), text)]
                if any(a.start < found.end() and found.start() < a.end for a in antipatterns):
                    continue
            texts = {name: value for name, value in found.groupdict().items() if value is not None}
            groups = {name: Span(found.start(name), found.end(name)) for name in texts}
            yield Match(found.start(), found.end(), found.group(), groups, texts)


MATCHER = PatternMatcher()
