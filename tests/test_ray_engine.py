"""``translator run --engine ray`` on a real Ray started here with 2 CPUs (one session for
the module, joined by each run through ``--address``), the tests' tiny model and a few
hundred articles (text files and a corpus): the same outputs as the local engine, byte for
byte, the output corpus in the same shards, even when a translating worker is killed
mid-run; the articles cleaned in tasks, never in the translating actors; a resumed run
redoes nothing.  One test, so that one Ray session serves it whichever test worker runs it."""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from translator.pipeline.engines.ray import ROLES_FOR_TESTS

from .conftest import ROOT, Workspace
from .support.folders import folder_files

pytestmark = pytest.mark.slow
ARTICLES = 100  # as text files, and as many records of a corpus
SHARD = 40


def _articles(folder: Path, first: int = 0) -> list[Path]:
    """Short articles, each with a framing to clean and a sentence to translate, as text files."""
    folder.mkdir(parents=True, exist_ok=True)
    subjects = ["le président", "la ministre", "le gouvernement", "l’armée", "la capitale", "le sommet"]
    paths = []
    for number in range(first, first + ARTICLES):
        subject = subjects[number % len(subjects)]
        paths.append(folder / f"a{number:04d}.fr.txt")
        paths[-1].write_text(
            f"Réunion {number}\n\nJ’ai observé que {subject} a annoncé un accord jeudi. Les troupes sont à la frontière depuis {number} jours.\n",
            encoding="utf-8")
    return paths


def _corpus(path: Path, texts: list[Path]) -> Path:
    """Articles as one JSON Lines corpus, with a line that is not an article among them."""
    lines = [json.dumps({"id": f"r{number:04d}", "title": text.split("\n\n")[0], "text": text.split("\n\n", 1)[1], "source": "wire"},
                        ensure_ascii=False)
             for number, text in enumerate(path.read_text(encoding="utf-8") for path in texts)]
    lines.insert(7, "[1, 2, 3]")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    for text in texts:
        text.unlink()
    return path


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
def inputs(cluster, tmp_path_factory):
    """Text files, a JSON Lines corpus of as many records and a small Parquet one, and what
    the local engine makes of them."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    workspace, _ = cluster
    root = tmp_path_factory.mktemp("ray-inputs")
    _articles(root / "in")
    _corpus(root / "in" / "wire.jsonl", _articles(root / "records", ARTICLES))
    rows = [{"id": index, "words": len(text.split()), "text": text} for index, text in
            enumerate(path.read_text(encoding="utf-8") for path in _articles(root / "rows", 2 * ARTICLES)[:SHARD + 5])]
    pq.write_table(pa.Table.from_pylist(rows), root / "in" / "news.parquet")
    result = workspace.run("run", str(root / "in"), "--to", "en", "-o", str(root / "local"), "--no-cache", "--chunk-size", "25",
                           "--shard-size", str(SHARD))
    assert result.returncode == 1, result.stderr  # the bad line
    return root / "in", folder_files(root / "local")


def _ray_run(cluster, inputs: Path, out: Path) -> subprocess.Popen:
    workspace, address = cluster
    return subprocess.Popen([sys.executable, "-m", "translator", "run", str(inputs), "--to", "en", "-o", str(out), "--no-cache",
                             "--chunk-size", "25", "--shard-size", str(SHARD), "--engine", "ray", "--address", address],
                            cwd=workspace.root, env={**os.environ, **workspace.env}, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _finish(process: subprocess.Popen) -> list[str]:
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 1, stderr.decode()  # the bad line
    return stderr.decode().strip().splitlines()


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
        cluster, inputs, tmp_path):
    folder, expected = inputs
    out = tmp_path / "out"
    process = _ray_run(cluster, folder, out)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not (out.is_dir() and sum(p.name.endswith(".report.json") for p in out.iterdir()) >= 20):
        time.sleep(0.02)
    [victim, *_] = _translating_workers()  # mid-run: 20 articles written, most still to come
    victim.send_signal(signal.SIGKILL)
    lines = _finish(process)
    done, up_to_date, failed = map(int, re.findall(r"\d+", lines[-1])[:3])
    assert (done + up_to_date, failed) == (2 * ARTICLES + SHARD + 5, 1)  # the killed worker's chunk redone (what it wrote is up to date)
    assert any("wire.jsonl line 8: is an array, not an object" in line for line in lines)
    assert folder_files(out) == expected  # every article's outputs, the index, and the corpus in the same shards
    assert sorted(name for name in expected if ".shards/" in name) == [
        "news.shards/part-00000.parquet", "news.shards/part-00001.parquet",
        "wire.shards/part-00000.jsonl", "wire.shards/part-00001.jsonl", "wire.shards/part-00002.jsonl"]
    records = [json.loads(line) for line in (out / "wire.shards" / "part-00000.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [record.get("id") for record in records][:9] == [f"r{n:04d}" for n in range(7)] + [None, "r0007"]
    roles = _roles(cluster)
    assert roles["clean"] == {"task"}  # cleaned in CPU tasks, never in the translating actors
    assert roles["translate"] and "task" not in roles["translate"]

    def articles_written() -> dict[str, int]:
        return {path.name: path.stat().st_mtime_ns for path in out.rglob("*") if path.is_file() and path.suffix in (".txt", ".html", ".json")
                and path.name != "index.html"}

    written = articles_written()
    summary = _finish(_ray_run(cluster, folder, out))[-1]
    assert summary.startswith(f"0 done, {2 * ARTICLES + SHARD + 5} up to date, 1 failed"), summary
    assert _roles(cluster) == {}  # the cleaning tasks found every article done: none cleaned again, nor translated
    assert articles_written() == written
    assert folder_files(out) == expected


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


def test_an_address_where_no_cluster_answers_is_one_line_not_a_long_wait(workspace, tmp_path):
    pytest.importorskip("ray")
    article = workspace.root / "a.fr.txt"
    article.write_text("Titre\n\nLe vote a eu lieu.\n", encoding="utf-8")
    with socket.socket() as unused:  # a port nothing listens on
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]
    result = workspace.run("run", str(article), "-o", str(tmp_path / "out"), "--engine", "ray", "--address", f"127.0.0.1:{port}")
    assert result.returncode == 2
    assert result.stderr.decode().strip().splitlines() == [
        f"error: --address 127.0.0.1:{port}: no Ray cluster answers there; check the address (HOST:PORT of the head node), "
        "or leave it out to start Ray here"]
    assert not (tmp_path / "out").exists()


def test_inputs_at_a_uri_are_listed_through_pyarrows_filesystems(tmp_path):
    pytest.importorskip("pyarrow")
    from translator.errors import TranslatorError
    from translator.pipeline.engines import run_engine

    engine = run_engine("ray")
    (tmp_path / "b.jsonl").write_text("{}\n", encoding="utf-8")
    (tmp_path / "a.parquet").write_bytes(b"PAR1")
    (tmp_path / "notes.rtf").write_text("not an article", encoding="utf-8")

    assert engine.inputs([tmp_path.as_uri()]) == [(tmp_path / "a.parquet").as_uri(), (tmp_path / "b.jsonl").as_uri()]
    assert engine.inputs([(tmp_path / "b.jsonl").as_uri()]) == [(tmp_path / "b.jsonl").as_uri()]
    with pytest.raises(TranslatorError, match="file not found"):
        engine.inputs([(tmp_path / "gone.jsonl").as_uri()])
