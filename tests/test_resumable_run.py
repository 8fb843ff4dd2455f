"""A run killed at any point (SIGKILL) and started again redoes only what is missing and
ends with the outputs an uninterrupted run writes, byte for byte."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import CORPUS

ARTICLES = 24  # openings of real articles of the corpus, in chunks of three: eight chunks


def _articles(folder: Path) -> Path:
    folder.mkdir()
    with CORPUS.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines):
            if number == ARTICLES:
                break
            record = json.loads(line)
            opening = record["text"][:400].rsplit(" ", 1)[0] + "."
            (folder / f"a{number:04d}.fr.txt").write_text(f"{record['title']}\n\n{opening}\n", encoding="utf-8")
    return folder


def _outputs(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def _run(installed, inputs: Path, out: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "translator", "run", str(inputs), "--to", "en", "-o", str(out), "--chunk-size", "3"],
                            cwd=installed.root, env={**__import__("os").environ, **installed.env},
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


@pytest.mark.slow
def test_a_killed_run_resumes_to_the_outputs_of_an_uninterrupted_one(installed, tmp_path):
    inputs = _articles(tmp_path / "in")
    reference = tmp_path / "reference"
    assert _run(installed, inputs, reference).wait(timeout=600) == 0
    expected = _outputs(reference)
    assert len([n for n in expected if n.endswith(".report.json")]) == ARTICLES

    installed.run("cache", "clear")  # the resumed run starts from what the killed one left, and nothing else
    out = tmp_path / "out"
    for reports_before_kill in (1, 8, 17):  # early, mid-run, late: each kill lands wherever the run is
        process = _run(installed, inputs, out)
        deadline = time.monotonic() + 600
        while process.poll() is None and time.monotonic() < deadline:
            if out.is_dir() and sum(1 for p in out.iterdir() if p.name.endswith(".report.json")) >= reports_before_kill:
                break
            time.sleep(0.02)
        process.send_signal(signal.SIGKILL)
        process.wait()
    done_before = {p.name for p in out.iterdir() if p.name.endswith(".report.json")}
    resumed = _run(installed, inputs, out)
    _, stderr = resumed.communicate(timeout=600)
    assert resumed.returncode == 0, stderr
    summary = stderr.decode().strip().splitlines()[-1]
    assert summary.startswith(f"{ARTICLES - len(done_before)} done, {len(done_before)} up to date, 0 failed"), summary
    assert _outputs(out) == expected  # hidden files too: a write cut short leaves nothing behind


def test_a_resumed_run_trusts_the_text_not_the_dates_and_drops_outputs_it_no_longer_makes(installed, tmp_path):
    inputs, out = tmp_path / "in", tmp_path / "out"
    inputs.mkdir()
    article = inputs / "a.fr.txt"
    article.write_text("Titre\n\nJ’ai observé que le vote a eu lieu.\n", encoding="utf-8")
    assert installed.run("run", str(inputs), "--to", "en", "-o", str(out)).returncode == 0
    article.write_text("Titre\n\nJ’ai appris que le scrutin est reporté.\n", encoding="utf-8")
    os.utime(article, ns=(1, 1))  # copied in with an old date (cp -p, a restored backup)
    result = installed.run("run", str(inputs), "-o", str(out))
    assert "1 done, 0 up to date" in result.stderr.decode()
    assert (out / "a.clean.fr.txt").read_text(encoding="utf-8") == "Titre\n\nLe scrutin est reporté.\n"
    assert not (out / "a.en.txt").exists()  # the earlier run's translation of the earlier text is gone
    assert "1 up to date" in installed.run("run", str(inputs), "-o", str(out)).stderr.decode()
