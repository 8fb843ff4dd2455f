"""Plain text: the file is the article."""

from __future__ import annotations

from collections.abc import Iterator

from ..files import SourceText, decode_text
from . import InputFormat, register


@register
class PlainText(InputFormat):
    name = "text"
    suffixes = (".txt",)

    def articles(self, name: str, data: bytes, encoding: str) -> Iterator[SourceText]:
        yield decode_text(name, data, encoding)
