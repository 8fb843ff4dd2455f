"""Translation memory: source sentences already translated, in SQLite.

Keyed by model checksum + glossary fingerprint + source sentence, so a change of
model or glossary never reuses an old translation.  WAL mode and a busy timeout
let several processes translate at once against the same file.
"""

from __future__ import annotations

import hashlib
import sqlite3
import time
from collections.abc import Iterable, Mapping
from pathlib import Path

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
_SETUP_ATTEMPTS = 20


def default_memory_path() -> Path:
    """``$XDG_CACHE_HOME/translator/memory.sqlite3`` (or the platform's cache folder)."""
    from platformdirs import user_cache_path

    return user_cache_path("translator") / "memory.sqlite3"


class TranslationMemory:
    """A SQLite file of translations; use as a context manager or call ``close``."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
            self._set_up()
        except sqlite3.DatabaseError as error:
            raise TranslatorError(f"{self.path}: unusable translation memory ({error}); delete it or pass --cache PATH") from None
        except OSError as error:
            raise TranslatorError(f"{self.path}: cannot create the translation memory ({error.strerror}); pass --cache PATH") from None

    def _set_up(self) -> None:
        """WAL mode and the tables.  Switching to WAL can answer "locked" at once, without
        waiting, while another process does the same on a new file: try again briefly."""
        for attempt in range(_SETUP_ATTEMPTS):
            try:
                self._db.execute("PRAGMA journal_mode=WAL")
                self._db.execute("PRAGMA synchronous=NORMAL")
                self._db.executescript(_SCHEMA)
                return
            except sqlite3.OperationalError as error:
                if "locked" not in str(error) or attempt == _SETUP_ATTEMPTS - 1:
                    raise
                time.sleep(0.05 * (attempt + 1))

    def __enter__(self) -> TranslationMemory:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        self._db.close()

    def lookup(self, model: str, glossary: str, sources: Iterable[str]) -> dict[str, str]:
        """The known translations among ``sources``."""
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
        now = time.time()
        with self._transaction():
            self._db.executemany(
                "INSERT OR REPLACE INTO translations VALUES (?, ?, ?, ?, ?)",
                [(model, glossary, source, target, now) for source, target in translations.items()],
            )

    def clear(self) -> int:
        """Forget every translation; return how many there were."""
        with self._transaction():
            count = self._db.execute("SELECT COUNT(*) FROM translations").fetchone()[0]
            self._db.execute("DELETE FROM translations")
        self._db.execute("VACUUM")
        return count

    def __len__(self) -> int:
        return self._db.execute("SELECT COUNT(*) FROM translations").fetchone()[0]

    def model_checksum(self, model_file: Path) -> str:
        """sha256 of a model file, remembered per path, size and modification time."""
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


class _Transaction:
    """BEGIN IMMEDIATE … COMMIT (or ROLLBACK on error): writers queue instead of failing."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db

    def __enter__(self) -> None:
        self._db.execute("BEGIN IMMEDIATE")

    def __exit__(self, error_type: type | None, *_: object) -> None:
        self._db.execute("ROLLBACK" if error_type else "COMMIT")
