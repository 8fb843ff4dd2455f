"""Article corpora: records in, records of the same shape out.

A record (a JSON Lines object, a Parquet row) is an article: its ``title`` and ``text``
make the article the rules see (the title, a blank line, the text: so the title is the
headline the duplicate-headline rule compares against), its other fields are carried
through.  :class:`RecordReader` turns records into articles, :func:`output_record` gives
a processed article back the record's shape (title and text split back, what the
translator adds under one ``translator`` key) and :class:`CorpusWriter` streams the
output corpus to a temporary file that replaces the target only once it is whole;
:class:`ShardedCorpusWriter` writes it as shards of a set number of records instead
(``out/NAME.shards/part-00000.jsonl``…: the shards in order are the one file, byte for byte).
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import ClassVar

from ..errors import TranslatorError
from .files import STDIO, SourceText, open_atomic, write_stdout
from .formats import BadRecord

ADDED = "translator"  # the key under which the output record holds what the translator found
TITLE_BREAK = "\n\n"


class RecordReader:
    """Turns the records of one corpus into articles, or bad records naming what is wrong."""

    def __init__(self, origin: str, format_name: str) -> None:
        self.origin = origin
        self.format = format_name
        self._seen: dict[str, str] = {}  # id → where it was first seen

    def article(self, record: object, where: str) -> SourceText | BadRecord:
        """The article of ``record``, found at ``where`` (``line 7``, ``row 7``)."""
        if not isinstance(record, dict):
            return self._bad(where, None, f"is {_kind(record)}, not an object; each record must be an object with a \"text\"", {})
        key = record_id(record)
        if key is not None and key in self._seen:
            return self._bad(where, key, f"repeats the id of {self._seen[key]}; ids name the outputs: make them unique", record)
        if key is not None:
            self._seen[key] = where
        text = record.get("text")
        if "text" not in record:
            return self._bad(where, key, "has no \"text\" field; give each record its article in \"text\"", record)
        if not isinstance(text, str):
            return self._bad(where, key, f"\"text\" is {_kind(text)}, not a string; give the article as a string", record)
        title = record.get("title")
        article = f"{title}{TITLE_BREAK}{text}" if _has_title(record) else text
        metadata = RecordFields((name, value) for name, value in record.items() if name != "text")
        metadata.text_at = list(record).index("text")
        return SourceText(self._name(where, key), article, format=self.format, metadata=metadata, origin=self.origin)

    def _name(self, where: str, key: str | None) -> str:
        return f"{self.origin}#{key if key is not None else where.replace(' ', '-')}"

    def _bad(self, where: str, key: str | None, problem: str, record: Mapping[str, object]) -> BadRecord:
        named = f"{where} (id {key!r})" if key is not None else where
        return BadRecord(self._name(where, key), f"{self.origin} {named}: {problem}", dict(record), self.origin)


class RecordFields(dict):
    """A record's fields but its text (the article's metadata), knowing where the text stood."""

    text_at: int | None = None


def record_id(record: Mapping[str, object]) -> str | None:
    """A record's ``id`` as text, when it has a usable one (a string or an integer)."""
    key = record.get("id")
    if isinstance(key, bool) or not isinstance(key, (str, int)) or key == "":
        return None
    return str(key)


def _has_title(record: Mapping[str, object]) -> bool:
    return isinstance(record.get("title"), str) and bool(record["title"].strip())


def _kind(value: object) -> str:
    """What a JSON value is, in words: ``an array``, ``a number``, ``null``…"""
    if value is None:
        return "null"
    kind = {list: "array", dict: "object", str: "string", bool: "boolean", int: "number", float: "number"}.get(type(value), type(value).__name__)
    return f"{'an' if kind[0] in 'aeiou' else 'a'} {kind}"


def output_record(source: SourceText, article: str, added: Mapping[str, object]) -> dict[str, object]:
    """The record ``source`` came from, with ``article`` (its processed text) split back
    into title and text, and ``added`` under the ``translator`` key.  Fields keep their
    order, the text its place (last, for an article that was no record: a crawl's page)."""
    title, text = split_title(source.metadata, article)
    fields = list(source.metadata.items())
    at = getattr(source.metadata, "text_at", None)
    fields.insert(len(fields) if at is None else at, ("text", text))
    record = dict(fields)
    if title is not None:
        record["title"] = title
    record[ADDED] = dict(added)
    return record


def split_title(metadata: Mapping[str, object], article: str) -> tuple[str | None, str]:
    """``article`` (a record's title, a blank line and its text, processed) as title and text."""
    if not _has_title(metadata):
        return None, article
    title = str(metadata["title"])
    if article.startswith(title + TITLE_BREAK):
        return title, article[len(title) + len(TITLE_BREAK):]
    head, _, rest = article.partition(TITLE_BREAK)
    return head, rest


def error_record(bad: BadRecord) -> dict[str, object]:
    """A bad record as the output corpus keeps it: what could be read of it, and why it was not processed."""
    added = {"error": bad.problem, "raw": bad.raw} if bad.raw is not None else {"error": bad.problem}
    return {**bad.fields, ADDED: added}


class CorpusWriter:
    """An output corpus written record by record; it replaces ``target`` on :meth:`commit`
    (``None``: stdout, as records come).  JSON Lines, or Parquet with ``schema_of`` the
    input whose columns it keeps (what the translator adds is one JSON column)."""

    kinds: ClassVar[tuple[str, ...]] = ("jsonl", "parquet")

    def __init__(self, target: Path | None, kind: str = "jsonl", *, schema_of: str | None = None) -> None:
        if kind == "parquet" and target is None:
            raise TranslatorError("a Parquet corpus cannot go to stdout; give -o FILE.parquet")
        self.target = target
        self.count = 0
        self._atomic = open_atomic(target) if target is not None else None
        self._stream = self._atomic.__enter__() if self._atomic is not None else None
        self._parquet = _ParquetRows(self._stream, schema_of) if kind == "parquet" else None

    def write(self, record: Mapping[str, object]) -> None:
        self.count += 1
        if self._parquet is not None:
            self._parquet.add(record)
            return
        line = (json.dumps(record, ensure_ascii=False, default=str) + "\n").encode("utf-8", "surrogatepass")
        if self._stream is None:
            write_stdout(line)
        else:
            self._stream.write(line)

    def commit(self) -> str | None:
        """Put the whole corpus in place; the path written, if any."""
        if self._parquet is not None:
            self._parquet.close()
        if self._atomic is not None:
            self._atomic.__exit__(None, None, None)
            self._atomic = None
            return str(self.target)
        return None

    def discard(self) -> None:
        """Leave the target as it was: nothing of this corpus is written."""
        if self._atomic is not None:
            with contextlib.suppress(_Discarded):
                self._atomic.__exit__(_Discarded, _Discarded(), None)
            self._atomic = None


class _Discarded(Exception):
    pass


class _ParquetRows:
    """Rows gathered and written as Parquet row groups, with the columns and types of the
    input (a local path, or a URI pyarrow reaches such as ``s3://…``)."""

    GROUP = 1024

    def __init__(self, stream, schema_of: str | None) -> None:
        pq = pyarrow_parquet()
        import pyarrow as pa

        schema = pq.read_schema(schema_of) if schema_of not in (None, STDIO) else pa.schema([])
        if ADDED in schema.names:
            schema = schema.remove(schema.get_field_index(ADDED))
        self.schema = schema.append(pa.field(ADDED, pa.string()))
        self._pa = pa
        self._writer = pq.ParquetWriter(stream, self.schema)
        self._rows: list[Mapping[str, object]] = []

    def add(self, record: Mapping[str, object]) -> None:
        self._rows.append({**record, ADDED: json.dumps(record[ADDED], ensure_ascii=False, default=str)})
        if len(self._rows) >= self.GROUP:
            self._flush()

    def _flush(self) -> None:
        if self._rows:
            try:
                table = self._pa.Table.from_pylist(self._rows, schema=self.schema)
            except (self._pa.ArrowInvalid, self._pa.ArrowTypeError) as error:
                raise TranslatorError(f"cannot write the Parquet corpus: {error}") from None
            self._writer.write_table(table)
            self._rows = []

    def close(self) -> None:
        self._flush()
        self._writer.close()


def pyarrow_parquet():
    """pyarrow.parquet, or one line saying how to install it."""
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise TranslatorError("Parquet needs pyarrow: pip install 'translator[parquet]'") from None
    return pq


def shard_path(target: Path, index: int) -> Path:
    """Shard ``index`` of the output corpus ``target``: ``out/NAME.jsonl`` → ``out/NAME.shards/part-00000.jsonl``."""
    return shards_folder(target) / f"part-{index:05d}{target.suffix}"


def shards_folder(target: Path) -> Path:
    return target.with_name(f"{target.stem}.shards")


def seal_shards(target: Path, count: int, kind: str, schema_of: str | None) -> None:
    """After ``count`` shards of ``target`` are written: the shards of an earlier run
    beyond them removed, and an empty first shard written when there is none (a corpus
    without records still has its output)."""
    if count == 0:
        CorpusWriter(shard_path(target, 0), kind, schema_of=schema_of).commit()
        count = 1
    pattern = re.compile(rf"part-(\d{{5,}}){re.escape(target.suffix)}")
    for path in shards_folder(target).glob(f"part-*{target.suffix}"):
        found = pattern.fullmatch(path.name)
        if found and int(found.group(1)) >= count:
            path.unlink(missing_ok=True)


class ShardedCorpusWriter:
    """An output corpus written as shards of ``shard_size`` records, each put in place as
    soon as it is whole (``shard_size`` 0: one file, ``target`` itself, as :class:`CorpusWriter`)."""

    def __init__(self, target: Path, kind: str, *, schema_of: str | None, shard_size: int) -> None:
        if kind == "parquet":
            pyarrow_parquet()  # missing: one line now, before any record is processed
        self.target, self.kind, self.schema_of, self.shard_size = target, kind, schema_of, shard_size
        self.shards = 0
        self._current = CorpusWriter(target, kind, schema_of=schema_of) if shard_size == 0 else None

    def write(self, record: Mapping[str, object]) -> None:
        if self._current is None or (self.shard_size and self._current.count == self.shard_size):
            self._next_shard()
        self._current.write(record)

    def _next_shard(self) -> None:
        if self._current is not None:
            self._current.commit()
        self._current = CorpusWriter(shard_path(self.target, self.shards), self.kind, schema_of=self.schema_of)
        self.shards += 1

    def commit(self) -> None:
        if self._current is not None:
            self._current.commit()
        if self.shard_size:
            seal_shards(self.target, self.shards, self.kind, self.schema_of)

    def discard(self) -> None:
        """Leave the shard being written as it was (the shards already whole stay)."""
        if self._current is not None:
            self._current.discard()
