"""Reading articles (any encoding, stdin) and writing results atomically."""

from __future__ import annotations

import codecs
import contextlib
import errno
import os
import re
import stat
import sys
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import TranslatorError

STDIO = "-"


_BYTE_ORDER_MARKS = {
    "utf-8": codecs.BOM_UTF8,
    "utf-16-le": codecs.BOM_UTF16_LE,
    "utf-16-be": codecs.BOM_UTF16_BE,
    "utf-32-le": codecs.BOM_UTF32_LE,
    "utf-32-be": codecs.BOM_UTF32_BE,
}
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True)
class SourceText:
    """An article read from a file, stdin or one record of a file that holds many, with
    what is needed to write it back alike.

    ``text`` is what the rules see (for a web page, the extracted article).  ``metadata``
    is what the input said of the article (title, url, published_at, author, site, id,
    and a corpus record's other fields); ``origin`` is the file it came from and
    ``format`` the input format that read it (``text``, ``html``…)."""

    name: str  # the path as given, "-" for stdin, or ORIGIN#ID for one record of a corpus
    text: str
    encoding: str = "utf-8"  # UTF-16 and UTF-32 with their byte order: utf-16-le…
    bom: bytes = b""  # the byte-order mark it opened with
    format: str = "text"
    metadata: Mapping[str, object] = field(default_factory=dict, compare=False)
    origin: str | None = None  # the file, when it holds more than this article
    layout: object = field(default=None, compare=False, repr=False)  # the format's map from text to file (Markdown)

    def encode(self, text: str) -> bytes:
        """``text`` in the source's encoding, with its byte-order mark if it had one."""
        try:
            return self.bom + text.encode(self.encoding)
        except UnicodeEncodeError as error:
            raise TranslatorError(
                f"{self.name}: the result holds {error.object[error.start]!r}, which {self.encoding} cannot write; "
                "convert the file to UTF-8 first"
            ) from None


def display_name(name: str) -> str:
    """A file name as reports show it: bytes that are not UTF-8 (kept by the file system
    as surrogates) become U+FFFD, so a report can always be written."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def read_source(name: str, encoding: str = "utf-8") -> SourceText:
    """Read and decode a plain-text article; ``-`` reads stdin."""
    return decode_text(name, read_bytes(name), encoding)


def read_bytes(name: str) -> bytes:
    """The bytes of file ``name`` (``-``: stdin); a file that cannot be read is an error naming it."""
    try:
        if name == STDIO and sys.stdin is None:
            raise TranslatorError("stdin is closed: give a file, or pipe the article in")
        data = sys.stdin.buffer.read() if name == STDIO else Path(name).read_bytes()
    except FileNotFoundError:
        raise TranslatorError(f"{name}: file not found") from None
    except IsADirectoryError:
        raise TranslatorError(f"{name}: is a directory; give files, or a directory with -o OUTDIR") from None
    except OSError as error:
        raise TranslatorError(f"{name}: cannot read ({error.strerror})") from None
    return data


def decode_text(name: str, data: bytes, encoding: str = "utf-8") -> SourceText:
    """``data`` decoded as a plain-text article.

    UTF-16 and UTF-32 without a byte order take the file's (its byte-order mark, else
    where its zero bytes fall), so that the article is written back as it came; text
    with NUL characters anywhere is refused as binary."""
    codec = _text_codec(encoding)
    binary = TranslatorError(f"{name}: looks like a binary file (NUL bytes), not text; give a plain-text article")
    if codec in ("utf-16", "utf-32"):
        encoding = codec = _byte_order(data, codec)
    elif not codec.startswith(("utf-16", "utf-32")) and b"\x00" in data:
        raise binary
    mark = _BYTE_ORDER_MARKS.get(codec, b"")
    bom = mark if mark and data.startswith(mark) else b""
    try:
        text = data[len(bom) :].decode(encoding)
    except UnicodeDecodeError as error:
        raise TranslatorError(
            f"{name}: cannot decode as {encoding} (byte 0x{data[error.start]:02x} at offset {error.start}); "
            "pass --encoding with the file's encoding, e.g. --encoding cp1252"
        ) from None
    if "\x00" in text:
        raise binary
    if surrogate := _LONE_SURROGATE.search(text):
        raise TranslatorError(
            f"{name}: decoding as {encoding} gives a lone surrogate U+{ord(surrogate.group()):04X} "
            f"(character {surrogate.start()}), which is not text; fix it or pass another --encoding"
        )
    return SourceText(name, text, encoding, bom)


def _text_codec(encoding: str) -> str:
    """The codec's own name for ``encoding`` (utf_16 → utf-16); one that does not turn
    bytes into text (rot13, base64, hex…) is refused."""
    try:
        codec = codecs.lookup(encoding)
    except LookupError:
        raise TranslatorError(f"unknown encoding {encoding!r} in --encoding; use e.g. utf-8, cp1252, latin-1") from None
    if not getattr(codec, "_is_text_encoding", True):
        raise TranslatorError(f"{encoding!r} in --encoding is not a text encoding; use e.g. utf-8, cp1252, latin-1")
    return codec.name


def _byte_order(data: bytes, encoding: str) -> str:
    """``encoding`` (utf-16, utf-32) with the byte order of ``data``: its byte-order mark's,
    else little-endian unless the zero bytes (the high byte of Latin text) come first."""
    for order in ("le", "be"):
        if data.startswith(_BYTE_ORDER_MARKS[f"{encoding}-{order}"]):
            return f"{encoding}-{order}"
    width = int(encoding[4:]) // 8
    zeros_first, zeros_last = data[0::width].count(0), data[width - 1 :: width].count(0)
    return f"{encoding}-be" if zeros_first > zeros_last else f"{encoding}-le"


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the new one, never half.

    A symlink to a file stays a link (the file it names is replaced); a device, a pipe or
    a terminal (``/dev/null``, ``/dev/stdout``) is written through, never replaced; a file
    with other names (hard links) is rewritten where it is, so that they all show the new
    text.  A replaced file keeps its mode, and its owner and group where permitted."""
    path = Path(path)
    try:
        if _is_special(path):
            with open(path, "wb") as stream:
                _write_all(stream, data)
            return
        if path.is_symlink():
            path = Path(os.path.realpath(path))
        old = path.stat() if path.exists() else None
        if old is not None and old.st_nlink > 1:
            with open(path, "r+b") as stream:
                _write_durably(stream, data)
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=temporary_prefix(path.name), suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as stream:
                _write_durably(stream, data)
            # mkstemp makes the file private: give it the mode the file had, or a new file's
            os.chmod(temporary, old.st_mode & 0o7777 if old is not None else 0o666 & ~_umask())
            if old is not None and (old.st_uid, old.st_gid) != (os.getuid(), os.getgid()):
                _keep_owner(temporary, old)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as error:
        raise TranslatorError(f"{path}: cannot write ({error.strerror})") from None


def _keep_owner(path: str, old: os.stat_result) -> None:
    """Give the new file the old one's owner and group, when we may (root may; others
    may keep the group at most): someone else's file must not become ours."""
    try:
        os.chown(path, old.st_uid, old.st_gid)
    except PermissionError:
        with contextlib.suppress(PermissionError):
            os.chown(path, -1, old.st_gid)


def temporary_prefix(name: str) -> str:
    """How the temporary file beside ``name`` starts while it is written: hidden, and
    short enough (the name's first 100 bytes) that any valid name still fits in 255."""
    return "." + name.encode("utf-8", "surrogateescape")[:100].decode("utf-8", "ignore") + "."


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def write_stdout(data: bytes) -> None:
    """All of ``data`` on stdout (a short write is carried on, as unbuffered streams make
    them); a stdout that cannot take it (a full disk, a closed pipe) is one error line."""
    try:
        sys.stdout.flush()
        _write_all(sys.stdout.buffer, data)
        sys.stdout.buffer.flush()
    except OSError as error:
        raise TranslatorError(f"stdout: cannot write ({error.strerror or error})") from None


def _write_durably(stream, data: bytes) -> None:
    """``data`` as the whole content of ``stream``, on disk before it returns."""
    _write_all(stream, data)
    stream.truncate()
    stream.flush()
    os.fsync(stream.fileno())


def _write_all(stream, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = stream.write(view)
        if not written:
            raise OSError(errno.EIO, "the stream took nothing")
        view = view[written:]


def _is_special(path: Path) -> bool:
    """An existing target that is not a regular file or a folder (following links): a device, a pipe…"""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def read_data_file(path: Path) -> str:
    """A UTF-8 data file (rules, glossary) as text; failures become one-line errors."""
    try:
        return Path(path).read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise TranslatorError(f"{path}: file not found") from None
    except UnicodeDecodeError as error:
        raise TranslatorError(f"{path}: not UTF-8 (byte {error.start}); save it as UTF-8") from None
    except OSError as error:
        raise TranslatorError(f"{path}: cannot read ({error.strerror})") from None


def parse_yaml(path: Path, text: str) -> object:
    """Parse YAML, a syntax error becoming one line with its position."""
    return parse_yaml_tree(path, text)[0]


def parse_yaml_tree(path: Path, text: str) -> tuple[object, object]:
    """Parse YAML into data and its node tree (which knows every value's line)."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(text)
    try:
        node = loader.get_single_node()
        return (loader.construct_document(node) if node is not None else None), node
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise TranslatorError(f"{path}:{where}: broken YAML: {problem}") from None
    finally:
        loader.dispose()


def yaml_line(node: object, *keys: str | int) -> int | None:
    """1-based line of the value reached from ``node`` through mapping keys and list indexes."""
    import yaml

    for key in keys:
        if isinstance(node, yaml.MappingNode):
            node = next((value for name, value in node.value if getattr(name, "value", None) == key), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            node = node.value[key]
        else:
            return None
    return node.start_mark.line + 1 if node is not None else None
