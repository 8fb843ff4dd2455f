"""JSON Lines corpora: one object per line, an article each (``id``, ``title``, ``text``…)."""

from __future__ import annotations

import io
import json
from collections.abc import Iterable, Iterator

from ..corpus import RecordReader
from ..files import open_input
from . import BadRecord, CorpusFormat, Record, register


@register
class JsonLines(CorpusFormat):
    name = "jsonl"
    suffixes = (".jsonl",)
    writes_as = "jsonl"

    def articles(self, name: str, data: bytes, encoding: str) -> Iterator[Record]:
        yield from self._records(name, io.BytesIO(data), encoding)

    def read(self, name: str, encoding: str) -> Iterator[Record]:
        with open_input(name) as stream:
            yield from self._records(name, stream, encoding)

    def _records(self, name: str, lines: Iterable[bytes], encoding: str) -> Iterator[Record]:
        """Each line's article, or what is wrong with it; blank lines are no records."""
        reader = RecordReader(name, self.name)
        for number, line in enumerate(lines, 1):
            where = f"line {number}"
            try:
                text = line.decode("utf-8-sig" if number == 1 and encoding.lower().replace("_", "-") == "utf-8" else encoding)
            except UnicodeDecodeError as error:
                yield BadRecord(f"{name}#line-{number}", f"{name} {where}: cannot decode as {encoding} (byte {error.start + 1}); "
                                "JSON Lines are UTF-8", {}, name,
                                line.decode(encoding, "replace").rstrip("\r\n"))
                continue
            if not text.strip():
                continue
            line_text = text.rstrip("\r\n")
            try:
                record = json.loads(line_text)
            except json.JSONDecodeError as error:
                yield BadRecord(f"{name}#line-{number}", f"{name} {where}: not JSON: {error.msg[0].lower()}{error.msg[1:].removesuffix(' at')} "
                                f"at column {error.colno}; fix the line or remove it", {}, name, line_text)
                continue
            yield reader.article(record, where)
