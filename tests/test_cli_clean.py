"""The `translator clean` contract: inputs, outputs, exit codes, bad input."""

import json
import os

import pytest

from .conftest import SEED, SEED_CLEAN, run_cli

SPUN = "Titre du jour\n\nTitre du jour\n\nJ’ai observé que le vote a eu lieu.\n\n2024-05-24 03:01"
SPUN_CLEAN = "Titre du jour\n\nLe vote a eu lieu.\n"


def test_stdin_to_stdout():
    result = run_cli("clean", "-", stdin=SEED.read_bytes())
    assert result.returncode == 0
    assert result.stdout == SEED_CLEAN.read_bytes()


def test_crlf_in_crlf_out():
    crlf = SEED.read_bytes().replace(b"\n", b"\r\n")
    result = run_cli("clean", "-", stdin=crlf)
    assert result.stdout == SEED_CLEAN.read_bytes().replace(b"\n", b"\r\n")


def test_output_file_is_written_and_input_untouched(tmp_path):
    source = tmp_path / "a.txt"
    source.write_text(SPUN, encoding="utf-8")
    before = source.stat().st_mtime_ns
    result = run_cli("clean", str(source), "-o", str(tmp_path / "clean.txt"))
    assert result.returncode == 0
    assert (tmp_path / "clean.txt").read_text(encoding="utf-8") == SPUN_CLEAN
    assert source.read_text(encoding="utf-8") == SPUN and source.stat().st_mtime_ns == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporary file left


def test_in_place_rewrites_the_input(tmp_path):
    source = tmp_path / "a.txt"
    source.write_text(SPUN, encoding="utf-8")
    os.chmod(source, 0o640)
    assert run_cli("clean", "--in-place", str(source)).returncode == 0
    assert source.read_text(encoding="utf-8") == SPUN_CLEAN
    assert source.stat().st_mode & 0o777 == 0o640


def test_folder_and_files_to_outdir_with_one_bad_file(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "one.txt").write_text(SPUN, encoding="utf-8")
    (inputs / "two.txt").write_bytes(b"Titre\n\nCaf\xe9 cr\xe8me.\n")  # latin-1, not UTF-8
    (inputs / "notes.rtf").write_text("not an article", encoding="utf-8")  # no known kind: left alone
    (inputs / "notes.md").write_text("Une note en *Markdown*.\n", encoding="utf-8")  # Markdown: an article
    extra = tmp_path / "three.txt"
    extra.write_text("Titre\n\nRien à signaler.\n", encoding="utf-8")
    result = run_cli("clean", str(inputs), str(extra), "-o", str(tmp_path / "out"))
    assert result.returncode == 1
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["notes.md", "one.txt", "three.txt"]
    assert (tmp_path / "out" / "notes.md").read_text(encoding="utf-8") == "Une note en *Markdown*.\n"
    assert (tmp_path / "out" / "one.txt").read_text(encoding="utf-8") == SPUN_CLEAN
    assert "two.txt: cannot decode as utf-8" in result.stderr.decode()


def test_encoding_option_reads_and_writes_that_encoding(tmp_path):
    source = tmp_path / "latin.txt"
    source.write_bytes(SPUN.replace("’", "'").encode("latin-1"))
    result = run_cli("clean", str(source), "--encoding", "latin-1")
    assert result.returncode == 0
    assert result.stdout == SPUN_CLEAN.encode("latin-1")


def test_utf8_byte_order_mark_is_kept(tmp_path):
    source = tmp_path / "bom.txt"
    source.write_bytes(b"\xef\xbb\xbf" + SPUN.encode())
    assert run_cli("clean", str(source)).stdout == b"\xef\xbb\xbf" + SPUN_CLEAN.encode()


def test_empty_input_gives_empty_output():
    result = run_cli("clean", "-", stdin=b"")
    assert (result.returncode, result.stdout) == (0, b"")


@pytest.mark.parametrize(
    ("args", "setup", "expected"),
    [
        (["missing.txt"], None, "missing.txt: file not found"),
        (["{dir}"], "dir", "need -o OUTDIR"),
        (["{file}"], b"Caf\xe9\n", "cannot decode as utf-8 (byte 0xe9 at offset 3); pass --encoding"),
        (["{file}"], b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary file"),
        (["{file}", "--encoding", "klingon"], b"x", "unknown encoding 'klingon'"),
        (["{file}", "--in-place", "-o", "x.txt"], b"x", "--in-place"),
    ],
    ids=["missing", "folder-without-o", "undecodable", "binary", "unknown-encoding", "in-place-with-o"],
)
def test_bad_input_is_one_line_exit_2(tmp_path, args, setup, expected):
    target = tmp_path / "input.txt"
    if setup == "dir":
        target = tmp_path / "folder"
        target.mkdir()
        (target / "a.txt").write_text("x", encoding="utf-8")
    elif setup is not None:
        target.write_bytes(setup)
    result = run_cli("clean", *[a.format(dir=target, file=target) for a in args], cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.decode().count("\n") == 1
    assert expected in result.stderr.decode()
    assert b"Traceback" not in result.stderr
    if setup not in (None, "dir"):
        assert target.read_bytes() == setup


@pytest.mark.slow
def test_check_exit_codes_and_fail_level(tmp_path):
    spun = tmp_path / "spun.txt"
    spun.write_text(SPUN, encoding="utf-8")
    clean = tmp_path / "clean.txt"
    clean.write_text("Titre\n\nRien à signaler.\n", encoding="utf-8")
    flagged = tmp_path / "flagged.txt"
    flagged.write_text("Titre\n\nJe note que rien n’a changé depuis hier.\n", encoding="utf-8")

    failing = run_cli("clean", "--check", str(spun))
    assert failing.returncode == 1
    assert b"fr.first-person-framing" in failing.stdout
    assert spun.read_text(encoding="utf-8") == SPUN
    assert run_cli("clean", "--check", str(clean)).returncode == 0
    narration = tmp_path / "narration.txt"
    narration.write_text("Titre\n\nJ’assiste au défilé des troupes.\n", encoding="utf-8")
    assert run_cli("clean", "--check", str(narration)).returncode == 1
    assert run_cli("clean", "--check", "--fail-level", "error", str(narration)).returncode == 0
    assert run_cli("clean", "--check", str(flagged), str(clean)).returncode == 1


def test_diff_shows_a_unified_diff():
    result = run_cli("clean", "--diff", str(SEED))
    diff = result.stdout.decode()
    assert diff.startswith(f"--- {SEED}\t(original)\n+++ {SEED}\t(cleaned)\n")  # a tab ends the name, for git apply
    assert "-J’ai observé que les forces militaires" in diff
    assert "+Les forces militaires russes ont lancé" in diff


def test_sarif_report_is_valid_shape_with_fixes():
    log = json.loads(run_cli("clean", "--format", "sarif", str(SEED)).stdout)
    assert log["version"] == "2.1.0"
    run = log["runs"][0]
    rule_ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    first = run["results"][0]
    assert rule_ids[first["ruleIndex"]] == first["ruleId"] == "fr.duplicate-headline"
    assert first["locations"][0]["physicalLocation"]["region"]["startLine"] == 3
    assert first["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"] == ""
    assert {r["level"] for r in run["results"]} == {"error", "warning", "note"}


def test_json_lines_for_several_files(tmp_path):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(SPUN, encoding="utf-8")
    result = run_cli("clean", "--format", "json", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"))
    reports = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert [r["file"] for r in reports] == [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]
    assert all(r["clean"]["text"] == SPUN_CLEAN and r["clean"]["metadata"] == {"published_at": "2024-05-24 03:01"} for r in reports)


@pytest.mark.slow
def test_settings_file_is_found_upwards_and_the_command_line_wins(tmp_path):
    project = tmp_path / "project"
    nested = project / "desk" / "today"
    nested.mkdir(parents=True)
    (project / "pyproject.toml").write_text('[tool.translator]\ndisable = ["fr.trailing-timestamp"]\n', encoding="utf-8")
    (nested / "a.txt").write_text(SPUN, encoding="utf-8")
    kept = run_cli("clean", "a.txt", cwd=nested)
    assert kept.stdout.decode().endswith("2024-05-24 03:01")
    (project / "desk" / "translator.toml").write_text('fail-level = "error"\n', encoding="utf-8")
    closest = run_cli("clean", "a.txt", cwd=nested)
    assert closest.stdout.decode() == SPUN_CLEAN  # the closer translator.toml wins over pyproject.toml
    (nested / "n.txt").write_text("Titre\n\nJ’assiste au défilé.\n", encoding="utf-8")
    assert run_cli("clean", "--check", "n.txt", cwd=nested).returncode == 0
    assert run_cli("clean", "--check", "--fail-level", "warning", "n.txt", cwd=nested).returncode == 1


def test_broken_settings_file_is_exit_2(tmp_path):
    (tmp_path / "translator.toml").write_text("colour = 'red'\n", encoding="utf-8")
    result = run_cli("clean", "-", stdin=b"x", cwd=tmp_path)
    assert result.returncode == 2
    assert "translator.toml: 'colour': unknown key" in result.stderr.decode()


def test_python_dash_m_and_help_work():
    assert run_cli("--help").returncode == 0
    assert b"clean" in run_cli("--help").stdout


def test_clean_does_not_import_the_translation_stack():
    result = run_cli("clean", str(SEED), env={"PYTHONPROFILEIMPORTTIME": "1"})
    imported = {line.split("|")[-1].strip().split(".")[0] for line in result.stderr.decode().splitlines() if "|" in line}
    assert "translator" in imported
    assert not imported & {"argostranslate", "ctranslate2", "torch", "stanza", "sentencepiece", "spacy"}
