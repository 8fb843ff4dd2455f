"""What users of ruff, black and diff expect from a command line."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from .conftest import SEED, run_cli


def _article(tmp_path, name="a.txt", text="Titre\n\nJ’ai observé que le vote a eu lieu."):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_diff_is_a_patch_that_patch_and_git_apply_accept_without_a_final_newline(tmp_path):
    article = _article(tmp_path)  # no line break at the end
    diff = run_cli("clean", "--diff", article.name, cwd=tmp_path).stdout
    assert b"\\ No newline at end of file\n" in diff
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    assert subprocess.run(["git", "apply", "--check"], input=diff, cwd=tmp_path, capture_output=True).returncode == 0
    assert subprocess.run(["patch", "-p0", "--quiet"], input=diff, cwd=tmp_path, capture_output=True).returncode == 0
    assert article.read_text(encoding="utf-8") == "Titre\n\nLe vote a eu lieu."


@pytest.mark.parametrize("options", [["-o", "out.txt"], ["--in-place"], ["--format", "json"], ["--format", "sarif"]])
def test_diff_writes_nothing_and_refuses_options_that_would(tmp_path, options):
    article = _article(tmp_path)
    result = run_cli("clean", "--diff", *options, str(article), cwd=tmp_path)
    assert result.returncode == 2 and result.stderr.decode().count("\n") == 1 and "--diff" in result.stderr.decode()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]
    assert article.read_text(encoding="utf-8") == "Titre\n\nJ’ai observé que le vote a eu lieu."


def test_review_into_a_folder_and_diff_exit_codes(tmp_path):
    folder = tmp_path / "pages"
    folder.mkdir()
    assert run_cli("review", str(SEED), "-o", f"{folder}/").returncode == 0
    assert [p.name for p in folder.iterdir()] == ["poutine-bielorussie.review.html"]
    same, other = _article(tmp_path, "same.txt"), _article(tmp_path, "other.txt", "Titre\n\nAutre chose.")
    assert run_cli("diff", str(same), str(same)).returncode == 0
    assert run_cli("diff", str(same), str(other)).returncode == 1  # as diff(1)


def test_version_short_help_and_readable_metavars():
    version = run_cli("--version")
    assert version.returncode == 0 and version.stdout.decode().startswith("translator ")
    for command in (["-h"], ["clean", "-h"], ["translate", "-h"], ["run", "-h"], ["review", "-h"]):
        result = run_cli(*command)
        assert result.returncode == 0 and b"Usage: translator" in result.stdout
        assert b"<list" not in result.stdout and b"<str>" not in result.stdout and b"<path>" not in result.stdout
    check_help = run_cli("check", "-h").stdout.decode()
    assert "text|json" in check_help and "sarif" not in check_help


def test_a_batch_ends_with_a_summary_line(tmp_path):
    first, second = _article(tmp_path, "a.txt"), _article(tmp_path, "b.txt", "Titre\n\nRien à signaler.\n")
    result = run_cli("clean", str(first), str(second), "-o", str(tmp_path / "out"))
    assert result.stderr.decode().splitlines()[-1] == "Cleaned 2 files: 1 finding (1 change made), 0 failed"
    checked = run_cli("clean", "--check", str(first), str(second), str(tmp_path / "missing.txt"))
    assert "missing.txt" in checked.stderr.decode() and checked.returncode == 2


def test_two_inputs_with_one_name_are_refused_before_anything_is_written(tmp_path):
    (tmp_path / "x").mkdir(), (tmp_path / "y").mkdir()
    first, second = _article(tmp_path / "x"), _article(tmp_path / "y")
    result = run_cli("clean", str(first), str(second), "-o", str(tmp_path / "out"))
    assert result.returncode == 2 and "would both be written to" in result.stderr.decode()
    assert not (tmp_path / "out").exists()


def test_translate_to_a_folder_names_the_files_in_the_target_language(installed, tmp_path):
    first, second = _article(tmp_path, "a.fr.txt"), _article(tmp_path, "b.txt", "Titre\n\nPoutine.\n")
    result = installed.run("translate", "--to", "EN", "--clean", str(first), str(second), "-o", str(tmp_path / "en"))
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "en").iterdir()) == ["a.en.txt", "b.en.txt"]
    assert "fr.first-person-framing" in result.stderr.decode()  # --clean shows the cleaning findings
    report = json.loads(installed.run("translate", "--to", "en-US", "--format", "json", str(second)).stdout)
    assert report["translation"]["text"] == "Titre\n\nPutin.\n"  # the test model keeps words it does not know


def test_translate_shows_its_progress_on_a_terminal(installed, tmp_path):
    import os
    import pty

    first, second = _article(tmp_path, "a.fr.txt"), _article(tmp_path, "b.fr.txt", "Titre\n\nPoutine.\n")
    leader, terminal = pty.openpty()
    process = subprocess.Popen([sys.executable, "-m", "translator", "translate", "--to", "en", str(first), str(second), "-o", str(tmp_path / "en")],
                               cwd=installed.root, env={**os.environ, **installed.env, "CI": "", "NO_COLOR": ""},
                               stdout=subprocess.DEVNULL, stderr=terminal)
    os.close(terminal)
    shown = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the terminal closed with the process
            break
        if not chunk:
            break
        shown += chunk
    assert process.wait(timeout=120) == 0
    os.close(leader)
    assert b"[1/2]" in shown and b"translating: " in shown and b"sentences" in shown
