"""A translation memory in trouble — busy in another process, damaged, on a full disk — is a
warning: the translation goes on, its outputs are written, what could be stored stays, and a
busy memory is never to be deleted.  Real SQLite files, real locks held by other processes."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from translator.translate import memory as memory_module
from translator.translate.memory import MemoryUnavailable, TranslationMemory

KEY = ("model-sum", "glossary-sum")
LOCKER = """
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None)
if sys.argv[2] == "rollback-journal":
    db.execute("PRAGMA journal_mode=DELETE")
db.execute("BEGIN EXCLUSIVE")
print("locked", flush=True)
time.sleep(60)
"""


@pytest.fixture(autouse=True)
def short_lock_wait(monkeypatch):
    monkeypatch.setattr(memory_module, "LOCK_WAIT", 0.5)


def filled(path: Path, count: int = 3) -> Path:
    with TranslationMemory(path) as memory:
        memory.store(*KEY, {f"Phrase {n}.": f"Sentence {n}." for n in range(count)})
    return path


def locked(path: Path, mode: str = "wal"):
    """A process holding an exclusive lock on ``path`` until it is killed."""
    locker = subprocess.Popen([sys.executable, "-c", LOCKER, str(path), mode], stdout=subprocess.PIPE)
    assert locker.stdout.readline() == b"locked\n"
    return locker


def test_a_memory_locked_by_another_process_is_read_stored_later_and_its_user_named(tmp_path):
    path = filled(tmp_path / "tm.sqlite3")
    locker = locked(path)
    warnings = []
    try:
        started = time.monotonic()
        with TranslationMemory(path, on_problem=warnings.append) as memory:
            assert memory.lookup(*KEY, ["Phrase 1."]) == {"Phrase 1.": "Sentence 1."}  # WAL: readers are not blocked
            memory.store(*KEY, {"Phrase 9.": "Sentence 9."})
            memory.store(*KEY, {"Phrase 10.": "Sentence 10."})  # left alone after the first problem: no second wait
        elapsed = time.monotonic() - started
    finally:
        locker.kill()
        locker.wait()

    [warning] = warnings
    assert warning.startswith(f"{path}: translation memory busy (in use by process {locker.pid} (")
    assert "delete" not in warning and "going on without it" in warning
    assert elapsed < 3
    with TranslationMemory(path) as memory:
        assert len(memory) == 3


def test_a_rollback_journal_memory_held_by_another_process_is_a_short_wait_never_a_deletion(tmp_path):
    path = filled(tmp_path / "tm.sqlite3")
    locker = locked(path, "rollback-journal")
    try:
        started = time.monotonic()
        with pytest.raises(MemoryUnavailable) as raised:
            TranslationMemory(path)
        warnings = []
        TranslationMemory(path, on_problem=warnings.append).close()
        elapsed = time.monotonic() - started
    finally:
        locker.kill()
        locker.wait()

    assert elapsed < 5
    assert "busy" in str(raised.value) and "delete" not in str(raised.value)
    assert len(warnings) == 1 and f"process {locker.pid}" in warnings[0]


def test_a_damaged_memory_is_a_warning_advising_to_delete_it(tmp_path):
    path = filled(tmp_path / "tm.sqlite3", count=400)
    data = bytearray(path.read_bytes())
    for offset in range(4096, len(data), 4096):
        data[offset : offset + 4096] = os.urandom(4096)
    path.write_bytes(bytes(data))
    warnings = []
    with TranslationMemory(path, on_problem=warnings.append) as memory:
        assert memory.lookup(*KEY, ["Phrase 1."]) == {}
        memory.store(*KEY, {"Phrase 9.": "Sentence 9."})

    [warning] = warnings
    assert warning.startswith(f"{path}: translation memory damaged (") and warning.endswith("delete it or pass --cache PATH")


def test_a_disk_that_fills_while_storing_keeps_what_was_stored(tmp_path):
    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root")
    disk = tmp_path / "small"
    disk.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(disk)], capture_output=True).returncode:
        pytest.skip("cannot mount a tmpfs here")
    warnings = []
    try:
        with TranslationMemory(disk / "tm.sqlite3", on_problem=warnings.append) as memory:
            memory.store(*KEY, {"Phrase 0.": "Sentence 0."})
            with (disk / "filler").open("wb", buffering=0) as filler, pytest.raises(OSError):
                while True:
                    filler.write(b"\0" * 4096)
            memory.store(*KEY, {f"Phrase {n}.": "x" * 2000 for n in range(1, 200)})
            assert memory.lookup(*KEY, ["Phrase 0."]) == {}  # left alone from then on
        with TranslationMemory(disk / "tm.sqlite3") as memory:  # what was stored before stays
            assert memory.lookup(*KEY, ["Phrase 0.", "Phrase 1."]) == {"Phrase 0.": "Sentence 0."}
    finally:
        subprocess.run(["umount", str(disk)], check=True)

    [warning] = warnings
    assert "no room left to store translations" in warning and "free some space" in warning


def test_translate_with_a_busy_memory_writes_every_output_and_warns_once(installed, tmp_path):
    path = filled(tmp_path / "tm.sqlite3")
    articles = tmp_path / "in"
    articles.mkdir()
    for name in ("a.txt", "b.txt"):
        (articles / name).write_text("Titre\n\nLe sommet aura lieu vendredi.\n", encoding="utf-8")
    locker = locked(path, "rollback-journal")
    try:
        started = time.monotonic()
        result = installed.run("translate", "--to", "en", "--cache", str(path), str(articles), "-o", str(tmp_path / "en"))
        elapsed = time.monotonic() - started
    finally:
        locker.kill()
        locker.wait()

    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "en").iterdir()) == ["a.en.txt", "b.en.txt"]
    warnings = [line for line in result.stderr.decode().splitlines() if line.startswith("warning: ")]
    assert warnings == [line for line in warnings if f"translation memory busy (in use by process {locker.pid} (" in line]
    assert len(warnings) == 1 and "delete" not in warnings[0]
    assert elapsed < 60
