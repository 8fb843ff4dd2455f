"""``translator run --engine ray`` on a real Ray started here with 2 CPUs (one session for
the module, joined by each run through ``--address``), the tests' tiny model and a few
hundred articles: the same outputs as the local engine, byte for byte, even when a
translating worker is killed mid-run; the articles cleaned in tasks, never in the
translating actors; a resumed run redoes nothing."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from translator.pipeline.engines.ray import ROLES_FOR_TESTS

from .conftest import ROOT, Workspace

pytestmark = pytest.mark.slow
ARTICLES = 300


def _articles(folder: Path) -> Path:
    """Short articles, each with a framing to clean and a sentence to translate, as text files."""
    folder.mkdir()
    subjects = ["le président", "la ministre", "le gouvernement", "l’armée", "la capitale", "le sommet"]
    for number in range(ARTICLES):
        subject = subjects[number % len(subjects)]
        (folder / f"a{number:04d}.fr.txt").write_text(
            f"Réunion {number}\n\nJ’ai observé que {subject} a annoncé un accord jeudi. Les troupes sont à la frontière depuis {number} jours.\n",
            encoding="utf-8")
    return folder


def _outputs(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


@pytest.fixture(scope="module")
def cluster(installed_packages, tmp_path_factory):
    """A Ray session on this machine (2 CPUs) whose workers see the tiny model; its address."""
    import ray

    workspace = Workspace(tmp_path_factory.mktemp("ray-user"))
    workspace.env["ARGOS_PACKAGES_DIR"] = str(installed_packages)
    # Ray's own processes talk over this machine's address, which the network guard refuses
    workspace.env["PYTHONPATH"] = str(ROOT)
    workspace.env[ROLES_FOR_TESTS] = str(tmp_path_factory.mktemp("ray-roles"))  # each worker notes what it did there
    saved = dict(os.environ)
    os.environ.update(workspace.env)  # the workers Ray starts inherit it
    try:
        context = ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
        yield workspace, context.address_info["address"]
    finally:
        ray.shutdown()
        os.environ.clear()
        os.environ.update(saved)


@pytest.fixture(scope="module")
def corpus(cluster, tmp_path_factory):
    """The articles, and what the local engine makes of them."""
    workspace, _ = cluster
    root = tmp_path_factory.mktemp("ray-corpus")
    inputs = _articles(root / "in")
    result = workspace.run("run", str(inputs), "--to", "en", "-o", str(root / "local"), "--no-cache", "--chunk-size", "16")
    assert result.returncode == 0, result.stderr
    return inputs, _outputs(root / "local")


def _corpus(path: Path) -> Path:
    """The articles as one JSON Lines corpus, with a line that is not an article among them."""
    lines = [json.dumps({"id": f"r{number:04d}", "title": line.split("\n\n")[0], "text": line.split("\n\n", 1)[1], "source": "wire"},
                        ensure_ascii=False)
             for number, line in enumerate(path.read_text(encoding="utf-8") for path in sorted(_articles(path.parent / "texts").iterdir()))]
    lines.insert(7, "[1, 2, 3]")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _ray_run(cluster, inputs: Path, out: Path) -> subprocess.Popen:
    workspace, address = cluster
    return subprocess.Popen([sys.executable, "-m", "translator", "run", str(inputs), "--to", "en", "-o", str(out), "--no-cache",
                             "--chunk-size", "16", "--engine", "ray", "--address", address],
                            cwd=workspace.root, env={**os.environ, **workspace.env}, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _finish(process: subprocess.Popen) -> str:
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 0, stderr.decode()
    return stderr.decode().strip().splitlines()[-1]


def _roles(cluster) -> dict[str, set[str]]:
    """What the workers did since the last call (``clean``, ``translate``), and who did it:
    ``task``, or an actor's id."""
    workspace, _ = cluster
    roles: dict[str, set[str]] = {}
    for note in Path(workspace.env[ROLES_FOR_TESTS]).iterdir():
        role, worker, _ = note.name.split(".")
        roles.setdefault(role, set()).add(worker)
        note.unlink()
    return roles


def _translating_workers() -> list:
    import psutil

    return [process for process in psutil.process_iter(["cmdline"]) if "_Translate" in " ".join(process.info["cmdline"] or [])]


def test_the_ray_engine_writes_what_the_local_engine_writes_even_when_a_worker_is_killed_and_a_rerun_redoes_nothing(
        cluster, corpus, tmp_path):
    inputs, expected = corpus
    out = tmp_path / "out"
    process = _ray_run(cluster, inputs, out)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not (out.is_dir() and sum(p.name.endswith(".report.json") for p in out.iterdir()) >= 20):
        time.sleep(0.02)
    [victim, *_] = _translating_workers()  # mid-run: 20 articles written, most still to come
    victim.send_signal(signal.SIGKILL)
    done, up_to_date, failed = map(int, re.findall(r"\d+", _finish(process))[:3])
    assert (done + up_to_date, failed) == (ARTICLES, 0)  # the killed worker's chunk redone (what it wrote is up to date)
    assert _outputs(out) == expected
    roles = _roles(cluster)
    assert roles["clean"] == {"task"}  # cleaned in CPU tasks, never in the translating actors
    assert roles["translate"] and "task" not in roles["translate"]

    written = {path.name: path.stat().st_mtime_ns for path in out.iterdir() if path.name != "index.html"}
    summary = _finish(_ray_run(cluster, inputs, out))
    assert summary.startswith(f"0 done, {ARTICLES} up to date, 0 failed"), summary
    assert _roles(cluster) == {}  # the cleaning tasks found every article done: none cleaned again, nor translated
    assert {path.name: path.stat().st_mtime_ns for path in out.iterdir() if path.name != "index.html"} == written
    assert _outputs(out) == expected


def test_without_ray_installed_the_engine_is_one_line_naming_the_extra(installed, tmp_path):
    hidden = tmp_path / "no-ray"
    (hidden / "ray").mkdir(parents=True)
    (hidden / "ray" / "__init__.py").write_text("raise ImportError('No module named ray')\n")
    installed.env["PYTHONPATH"] = os.pathsep.join([str(hidden), installed.env["PYTHONPATH"]])
    article = installed.root / "a.fr.txt"
    article.write_text("Titre\n\nLe vote a eu lieu.\n", encoding="utf-8")
    result = installed.run("run", str(article), "-o", str(tmp_path / "out"), "--engine", "ray")
    assert result.returncode == 2
    assert result.stderr.decode().strip().splitlines() == ["error: --engine ray needs Ray: pip install 'translator[ray]'"]


def test_a_corpus_through_the_ray_engine_gives_the_local_engines_corpus_and_reports(cluster, tmp_path):
    workspace, _ = cluster
    corpus = _corpus(tmp_path / "wire.jsonl")
    local = workspace.run("run", str(corpus), "--to", "en", "-o", str(tmp_path / "local"), "--no-cache", "--chunk-size", "16")
    assert local.returncode == 1, local.stderr  # the bad line
    process = _ray_run(cluster, corpus, tmp_path / "ray")
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 1, stderr.decode()
    assert "wire.jsonl line 8: is an array, not an object" in stderr.decode()
    expected = _outputs(tmp_path / "local")
    assert len([name for name in expected if name.endswith(".report.json")]) == ARTICLES
    assert _outputs(tmp_path / "ray") == expected
    records = [json.loads(line) for line in (tmp_path / "ray" / "wire.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [record.get("id") for record in records][:9] == [f"r{n:04d}" for n in range(7)] + [None, "r0007"]
