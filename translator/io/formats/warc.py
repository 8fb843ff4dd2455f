"""Crawl archives (WARC): every HTML page fetched whole (HTTP 200) is one article.

A record is named by its target URI (``crawl.warc.gz#https://…``); its page is read by the
``html`` format and carries the URI as ``url`` and the capture's ``warc_date``.  Other
records (requests, metadata, images, redirects, errors) are no articles: skipped, counted.
An archive that breaks off (a truncated download) yields the records before the break,
then is an error naming the file and how many records it held.
"""

from __future__ import annotations

import gzip
import io
import zlib
from collections.abc import Iterator
from typing import BinaryIO

from ...errors import TranslatorError
from ..files import SourceText, open_input
from . import BadRecord, CorpusFormat, Record, Skipped, input_formats, register

HTML_TYPES = ("text/html", "application/xhtml+xml")


@register
class WebArchive(CorpusFormat):
    name = "warc"
    suffixes = (".warc", ".warc.gz")
    text_label = "extracted text"  # the rules read each page's extracted article
    writes_as = "jsonl"

    def output_name(self, name: str) -> str:
        """``crawl.warc.gz`` → ``crawl.jsonl``: the extracted, cleaned articles as a JSON Lines corpus."""
        lowered = name.lower()
        suffix = next(suffix for suffix in (".warc.gz", ".warc", "") if lowered.endswith(suffix))
        return f"{name[: len(name) - len(suffix)]}.jsonl"

    def articles(self, name: str, data: bytes, encoding: str) -> Iterator[Record]:
        yield from self._records(name, io.BufferedReader(io.BytesIO(data)), encoding)

    def read(self, name: str, encoding: str) -> Iterator[Record]:
        with open_input(name) as stream:
            yield from self._records(name, stream if isinstance(stream, io.BufferedReader) else io.BufferedReader(stream), encoding)

    def _records(self, name: str, stream: BinaryIO, encoding: str) -> Iterator[Record]:
        from warcio.archiveiterator import ArchiveIterator

        html = input_formats().get("html")
        if html is None:
            raise TranslatorError(f"{name}: reading web pages needs the html input format, which is not installed")
        compressed = stream.peek(2)[:2] == b"\x1f\x8b"
        whole_stream = _Whole(gzip.GzipFile(fileobj=stream) if compressed else stream)
        records = ArchiveIterator(whole_stream, check_digests=True)
        whole = 0  # records read to their end
        try:
            while (record := _next(records)) is not None:
                article = _article(name, record, html, encoding)
                while record.raw_stream.read(1 << 16):
                    pass
                if getattr(record.raw_stream, "limit", 1):  # the data ends before the record's Content-Length (or has none)
                    raise _BrokenOff
                if record.digest_checker.passed is False:
                    raise _Damaged(f"record {whole + 1} does not match its digest: {record.digest_checker.problems[0]}")
                whole += 1
                yield article
            if records.offset < whole_stream.delivered:  # what follows the last record is the start of one, cut
                raise _BrokenOff
        except _BrokenOff:
            raise TranslatorError(f"{name}: the archive breaks off after record {whole} (truncated); the {whole} records "
                                  "before the break are processed; fetch the archive again for the rest") from None
        except _Damaged as problem:
            raise TranslatorError(f"{name}: not a readable WARC archive after record {whole} ({problem}); "
                                  f"the {whole} records before it are processed") from None


def _next(records):
    """The archive's next record (None at its end); what warcio cannot parse is damage."""
    try:
        return next(records, None)
    except _BrokenOff:
        raise
    except Exception as problem:  # warcio raises its own errors, and others on a cut header
        raise _Damaged(str(problem).splitlines()[0] if str(problem) else type(problem).__name__) from None

def _article(name: str, record, html, encoding: str) -> Record:
    """The article of one WARC record, or why it is none."""
    uri = record.rec_headers.get_header("WARC-Target-URI") or f"record-{record.rec_headers.get_header('WARC-Record-ID')}"
    where = f"{name}#{uri}"
    if record.rec_type != "response" or record.http_headers is None:
        return Skipped(where, f"{record.rec_type} record", name)
    status = record.http_headers.get_statuscode()
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    if status != "200":
        return Skipped(where, f"HTTP {status}", name)
    if not content_type.startswith(HTML_TYPES):
        return Skipped(where, "not HTML", name)
    page = record.content_stream().read()
    charset = content_type.partition("charset=")[2].split(";")[0].strip().strip('"') or encoding
    fields = {"url": uri, "warc_date": record.rec_headers.get_header("WARC-Date")}
    try:
        [article] = list(html.articles(where, page, charset))
    except TranslatorError as problem:
        return BadRecord(where, str(problem), fields, name)
    metadata = {**article.metadata, **fields}
    return SourceText(where, article.text, "utf-8", format="warc", metadata=metadata, origin=name)


class _BrokenOff(Exception):
    pass


class _Damaged(Exception):
    pass


class _Whole:
    """A stream whose end must be whole: a compressed archive cut short is said to be, not
    taken for its end (warcio takes an end of data for the end of the archive)."""

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream
        self.delivered = 0

    def read(self, size: int = -1) -> bytes:
        # read1: what could be decompressed before a break comes out before the break is said
        return self._guarded(getattr(self._stream, "read1", self._stream.read), size)

    def readline(self, size: int = -1) -> bytes:
        return self._guarded(self._stream.readline, size)

    def _guarded(self, reading, size: int) -> bytes:
        try:
            data = reading(size)
            self.delivered += len(data)
            return data
        except EOFError:
            raise _BrokenOff from None
        except (gzip.BadGzipFile, zlib.error) as error:
            raise _Damaged(str(error)) from None

    def tell(self) -> int:
        return self._stream.tell()
