"""What every matcher kind shares: the match it reports, the context it reads, its interface."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple, Protocol

from ...document import Document, Paragraph, Span

if TYPE_CHECKING:
    from ..rules import Rule


@dataclass(frozen=True, slots=True)
class Match:
    """A match: its span in the text it was searched in, and its named groups."""

    start: int
    end: int
    text: str
    groups: dict[str, Span]
    group_texts: dict[str, str]


class Context(NamedTuple):
    """Where a text searched comes from."""

    document: Document  # the article
    quoted: Sequence[Span] = ()  # quotations in the text searched, in its offsets
    paragraph: Paragraph | None = None  # the paragraph the text is (a part of)
    leading: bool = False  # that paragraph opens the body


class Matcher(Protocol):
    needs_pattern: bool  # reads the rule's ``pattern`` (other kinds take none)
    placement: tuple[str, str] | None  # the (scope, action) its rules must have; None: any
    follows_headline: bool  # matches the run of paragraphs right after the headline, before any other rule

    def find(self, rule: Rule, text: str, context: Context) -> Iterator[Match]: ...
