"""Parquet corpora: one row per article (``id``, ``title``, ``text`` columns…); needs pyarrow."""

from __future__ import annotations

import io
from collections.abc import Iterator

from ...errors import TranslatorError
from ..corpus import RecordReader, pyarrow_parquet
from ..files import STDIO, read_bytes
from . import CorpusFormat, Record, register

ROWS_AT_ONCE = 1024


@register
class Parquet(CorpusFormat):
    name = "parquet"
    suffixes = (".parquet",)
    writes_as = "parquet"

    def articles(self, name: str, data: bytes, encoding: str) -> Iterator[Record]:
        yield from self._rows(name, io.BytesIO(data))

    def read(self, name: str, encoding: str) -> Iterator[Record]:
        if name == STDIO:
            yield from self.articles(name, read_bytes(name), encoding)
            return
        yield from self._rows(name, name)  # pyarrow reads the row groups as they are needed

    def _rows(self, name: str, source: object) -> Iterator[Record]:
        pq = pyarrow_parquet()
        import pyarrow as pa

        reader = RecordReader(name, self.name)
        try:
            table = pq.ParquetFile(source)
            number = 0
            for batch in table.iter_batches(batch_size=ROWS_AT_ONCE):
                for row in batch.to_pylist():
                    number += 1
                    yield reader.article(row, f"row {number}")
        except FileNotFoundError:
            raise TranslatorError(f"{name}: file not found") from None
        except (pa.ArrowException, OSError) as error:
            raise TranslatorError(f"{name}: not a readable Parquet file ({str(error).splitlines()[0]}); "
                                  "check that it was written whole") from None

