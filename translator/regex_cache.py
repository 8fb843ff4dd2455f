"""Regular expressions compiled once and kept on disk for the next run.

The French rule grammar expands to large patterns, and CPython compiles patterns in
pure Python: about a third of a second for the built-in rules, which
``translator clean`` cannot spend at every start.  What ``re.compile`` builds is a
program of opcodes handed to ``_sre.compile``; that program is stored here, per
Python version and ``_sre.MAGIC``, keyed by pattern and flags, and handed back the
same way, giving the very object ``re.compile`` would.  Any problem (no cache
folder, a foreign or damaged file, another Python) falls back to ``re.compile``:
the cache can only make loading faster, never different.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import re
import sys
import tempfile
from pathlib import Path

try:  # CPython's engine and compiler, as ``re`` itself uses them
    import _sre
    from re import _compiler, _parser
except ImportError:  # another Python: plain re.compile
    _sre = None

_Entry = tuple  # (flags, code, groups, groupindex, indexgroup)


class RegexCache:
    """Compiled patterns, read from ``path`` once and written back when it grew."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._entries: dict[str, _Entry] | None = None
        self._used: set[str] = set()  # what this process asked for: what the next one will
        self._grown = False

    @classmethod
    def default(cls) -> RegexCache:
        if _sre is None:
            return cls(None)
        from platformdirs import user_cache_path

        version = f"{sys.implementation.name}-{sys.version_info[0]}.{sys.version_info[1]}-{_sre.MAGIC}"
        return cls(user_cache_path("translator") / f"regex-{version}.marshal")

    def compile(self, pattern: str, flags: int) -> re.Pattern[str]:
        if self.path is None:
            return re.compile(pattern, flags)
        key = hashlib.sha256(f"{int(flags)}:{pattern}".encode()).hexdigest()
        entry = self._load().get(key)
        if entry is not None:
            try:
                flags_in_force, code, groups, groupindex, indexgroup = entry
                compiled = _sre.compile(pattern, flags_in_force, code, groups, groupindex, indexgroup)
                self._used.add(key)
                return compiled
            except Exception:  # noqa: BLE001 - a damaged entry: compile afresh
                pass
        parsed = _parser.parse(pattern, flags)  # raises re.error as re.compile does
        code = [int(op) for op in _compiler._code(parsed, flags)]  # plain ints: marshal takes no subclasses
        groupindex = dict(parsed.state.groupdict)
        indexgroup = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        entry = (int(flags | parsed.state.flags), code, parsed.state.groups - 1, groupindex, tuple(indexgroup))
        self._entries[key] = entry
        self._used.add(key)
        self._grown = True
        return _sre.compile(pattern, *entry)

    def save(self) -> None:
        """Write the cache back if it grew, with only the patterns this process used (so
        patterns of rules since changed do not pile up); a failure leaves the old file."""
        if self.path is None or not self._grown:
            return
        temporary: Path | None = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle, name = tempfile.mkstemp(dir=self.path.parent, prefix=".regex-", suffix=".tmp")
            temporary = Path(name)
            with os.fdopen(handle, "wb") as stream:
                marshal.dump({key: self._entries[key] for key in self._used}, stream)
            os.replace(temporary, self.path)
            self._grown = False
        except (OSError, ValueError):
            if temporary is not None:
                temporary.unlink(missing_ok=True)

    def _load(self) -> dict[str, _Entry]:
        if self._entries is None:
            try:
                entries = marshal.loads(self.path.read_bytes())
                self._entries = entries if isinstance(entries, dict) else {}
            except (OSError, EOFError, ValueError, TypeError):
                self._entries = {}
        return self._entries


_DEFAULT: RegexCache | None = None


def cached_compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile`` through the process's on-disk cache (see the module's doc)."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = RegexCache.default()
    return _DEFAULT.compile(pattern, flags)


def save_compiled() -> None:
    """Persist what this process compiled that the cache did not hold yet."""
    if _DEFAULT is not None:
        _DEFAULT.save()
