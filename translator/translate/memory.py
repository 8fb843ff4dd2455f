"""Translation memory: source sentences already translated, in SQLite.

Keyed by model checksum + glossary fingerprint + source sentence, so a change of
model or glossary never reuses an old translation.  WAL mode and a busy timeout
let several processes translate at once against the same file.

A memory that is busy (another process holds a lock longer than :data:`LOCK_WAIT`),
damaged, or on a full or read-only disk is a :class:`MemoryUnavailable` naming what to do,
or, for a memory opened with ``on_problem``, one warning to that callback, after which the
memory is left alone (lookups find nothing, nothing more is stored; what was stored stays):
a translation never waits long for, or fails because of, its memory.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Mapping
from functools import partial
from pathlib import Path
from typing import TypeVar

from ..errors import TranslatorError

_SCHEMA = """
CREATE TABLE IF NOT EXISTS translations (
    model TEXT NOT NULL,
    glossary TEXT NOT NULL,
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    created REAL NOT NULL,
    PRIMARY KEY (model, glossary, source)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS model_checksums (
    path TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    sha256 TEXT NOT NULL
);
"""
_LOOKUP_CHUNK = 500
LOCK_WAIT = 5.0  # seconds to wait for another process's lock before going on without the memory
_BUSY = {"SQLITE_BUSY", "SQLITE_LOCKED"}
_FULL = {"SQLITE_FULL"}
_DAMAGED = {"SQLITE_CORRUPT", "SQLITE_NOTADB"}
Result = TypeVar("Result")


class MemoryUnavailable(TranslatorError):
    """The translation memory cannot be read or written now: the message says why and what to do."""


class TranslationMemoryWarning(UserWarning):
    """A translation went on without its memory: the message says why and what to do."""


def default_memory_path() -> Path:
    """``$XDG_CACHE_HOME/translator/memory.sqlite3`` (or the platform's cache folder)."""
    from platformdirs import user_cache_path

    return user_cache_path("translator") / "memory.sqlite3"


class TranslationMemory:
    """A SQLite file of translations; use as a context manager or call ``close``.

    A failure to open, look up or store raises :class:`MemoryUnavailable`; with
    ``on_problem``, its message goes there instead, once, and the memory is left alone
    from then on (``set_aside``)."""

    def __init__(self, path: Path, *, on_problem: Callable[[str], None] | None = None) -> None:
        self.path = Path(path)
        self._on_problem = on_problem
        self.set_aside = False
        self._db: sqlite3.Connection | None = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, timeout=LOCK_WAIT, isolation_level=None)
            self._set_up()
        except (OSError, sqlite3.Error) as error:
            self.close()
            self._fail(error)

    def _set_up(self) -> None:
        """WAL mode and the tables.  Switching to WAL can answer "locked" at once, without
        waiting, while another process does the same on a new file: try again briefly."""
        deadline = time.monotonic() + LOCK_WAIT
        attempt = 0
        while True:
            try:
                self._db.execute("PRAGMA journal_mode=WAL")
                self._db.execute("PRAGMA synchronous=NORMAL")
                self._db.executescript(_SCHEMA)
                return
            except sqlite3.OperationalError as error:
                attempt += 1
                if getattr(error, "sqlite_errorname", "") not in _BUSY or time.monotonic() >= deadline:
                    raise
                time.sleep(min(0.05 * attempt, max(0.0, deadline - time.monotonic())))

    def _fail(self, error: OSError | sqlite3.Error) -> None:
        """MemoryUnavailable; with ``on_problem``, a warning there, and the memory set aside."""
        what, advice = self._problem(error)
        if self._on_problem is None:
            raise MemoryUnavailable(f"{what}; {advice}") from None
        self.set_aside = True
        self._on_problem(f"{what}: going on without it; {advice}")

    def _problem(self, error: OSError | sqlite3.Error) -> tuple[str, str]:
        """What went wrong with the memory, and what to do about it; a busy memory is never
        to be deleted, so the advice then names who holds it instead."""
        if isinstance(error, OSError):
            return f"{self.path}: cannot create the translation memory ({error.strerror or error})", "pass --cache PATH"
        name = getattr(error, "sqlite_errorname", "")
        if name in _BUSY:
            users = memory_users(self.path)
            held = f"in use by {', '.join(users)}" if users else "another process holds it"
            return f"{self.path}: translation memory busy ({held}; waited {LOCK_WAIT:g} s)", "try again when it is free, or pass --cache PATH"
        if name in _DAMAGED:
            return f"{self.path}: translation memory damaged ({error})", "delete it or pass --cache PATH"
        if name in _FULL:
            return f"{self.path}: no room left to store translations ({error})", "free some space or pass --cache PATH"
        return f"{self.path}: translation memory unusable ({error})", "pass --cache PATH"

    def _guarded(self, operation: Callable[[], Result], fallback: Result) -> Result:
        """``operation()``, or ``fallback`` once the memory is set aside (see :meth:`_fail`)."""
        if self.set_aside:
            return fallback
        try:
            return operation()
        except sqlite3.Error as error:
            self._fail(error)
            return fallback

    def __enter__(self) -> TranslationMemory:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    def lookup(self, model: str, glossary: str, sources: Iterable[str]) -> dict[str, str]:
        """The known translations among ``sources``."""
        return self._guarded(lambda: self._lookup(model, glossary, sources), {})

    def _lookup(self, model: str, glossary: str, sources: Iterable[str]) -> dict[str, str]:
        found: dict[str, str] = {}
        wanted = list(dict.fromkeys(sources))
        for start in range(0, len(wanted), _LOOKUP_CHUNK):
            chunk = wanted[start : start + _LOOKUP_CHUNK]
            rows = self._db.execute(
                f"SELECT source, target FROM translations WHERE model = ? AND glossary = ? "
                f"AND source IN ({','.join('?' * len(chunk))})",
                (model, glossary, *chunk),
            )
            found.update(rows)
        return found

    def store(self, model: str, glossary: str, translations: Mapping[str, str]) -> None:
        """Remember translations, in one transaction."""
        self._guarded(partial(self._store, model, glossary, translations), None)

    def _store(self, model: str, glossary: str, translations: Mapping[str, str]) -> None:
        now = time.time()
        with self._transaction():
            self._db.executemany(
                "INSERT OR REPLACE INTO translations VALUES (?, ?, ?, ?, ?)",
                [(model, glossary, source, target, now) for source, target in translations.items()],
            )

    def clear(self) -> int:
        """Forget every translation; return how many there were."""
        return self._guarded(self._clear, 0)

    def _clear(self) -> int:
        with self._transaction():
            count = self._db.execute("SELECT COUNT(*) FROM translations").fetchone()[0]
            self._db.execute("DELETE FROM translations")
        self._db.execute("VACUUM")
        return count

    def __len__(self) -> int:
        return self._guarded(lambda: self._db.execute("SELECT COUNT(*) FROM translations").fetchone()[0], 0)

    def model_checksum(self, model_file: Path) -> str | None:
        """sha256 of a model file, remembered per path, size and modification time (None
        once the memory is left alone: the checksum only keys the memory)."""
        return self._guarded(partial(self._model_checksum, model_file), None)

    def _model_checksum(self, model_file: Path) -> str:
        stat = model_file.stat()
        row = self._db.execute(
            "SELECT sha256 FROM model_checksums WHERE path = ? AND size = ? AND mtime_ns = ?",
            (str(model_file), stat.st_size, stat.st_mtime_ns),
        ).fetchone()
        if row:
            return row[0]
        digest = hashlib.sha256()
        with model_file.open("rb") as stream:
            for block in iter(lambda: stream.read(1 << 20), b""):
                digest.update(block)
        with self._transaction():
            self._db.execute(
                "INSERT OR REPLACE INTO model_checksums VALUES (?, ?, ?, ?)",
                (str(model_file), stat.st_size, stat.st_mtime_ns, digest.hexdigest()),
            )
        return digest.hexdigest()

    def _transaction(self):
        return _Transaction(self._db)


def memory_users(path: Path) -> list[str]:
    """The other processes that have the memory (or its -wal, -shm, -journal file) open,
    as ``process PID (command line)``; read from /proc, so empty where there is none or
    when their owners hide them."""
    wanted = {os.path.realpath(f"{path}{suffix}") for suffix in ("", "-wal", "-shm", "-journal")}
    users = []
    for process in Path("/proc").glob("[0-9]*"):
        if process.name == str(os.getpid()):
            continue
        try:
            if any(os.readlink(descriptor) in wanted for descriptor in (process / "fd").iterdir()):
                command = " ".join((process / "cmdline").read_bytes().decode(errors="replace").replace("\0", " ").split())
                users.append(f"process {process.name} ({command[:60] + '…' * (len(command) > 60)})")
        except OSError:  # gone meanwhile, or not ours to look at
            continue
    return users


class _Transaction:
    """BEGIN IMMEDIATE … COMMIT (or ROLLBACK on error): writers queue instead of failing."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db

    def __enter__(self) -> None:
        self._db.execute("BEGIN IMMEDIATE")

    def __exit__(self, error_type: type | None, *_: object) -> None:
        if not error_type:
            self._db.execute("COMMIT")
        elif self._db.in_transaction:  # SQLite itself rolls back on a full disk, for one
            self._db.execute("ROLLBACK")
