"""Review: side-by-side terminal view, the HTML page, and `translator run`."""

import json
import os
import re

import pytest
from rich.cells import cell_len

from translator import clean_text
from translator.review.html import html_page
from translator.review.model import clean_review, translation_review, word_diff
from translator.translate.documents import translate_documents
from translator.translate.glossary import Glossary

from .conftest import SEED, run_cli

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def last_column(table: str) -> str:
    """The text of a table's last column, white space removed (cells wrap)."""
    cells = [line.rsplit("│", 2)[-2] for line in table.splitlines() if line.count("│") >= 2]
    return "".join("".join(cells).split())


@pytest.mark.parametrize("width", [40, 80, 160])
@pytest.mark.parametrize("colour", [False, True], ids=["no-colour", "colour"])
def test_side_by_side_fits_the_width_and_shows_every_change(width, colour):
    env = {"COLUMNS": str(width), "FORCE_COLOR": "1"} if colour else {"COLUMNS": str(width), "NO_COLOR": "1"}
    env["TERM"] = "xterm-256color"
    result = run_cli("clean", "--diff=side", str(SEED), env=env)
    assert result.returncode == 0, result.stderr
    output = result.stdout.decode()
    plain = ANSI.sub("", output)
    assert max(cell_len(line) for line in plain.splitlines()) <= width
    assert "original" in plain and "cleaned" in plain
    notes = last_column(plain)
    for rule in ("fr.duplicate-headline", "fr.persona-intro", "fr.first-person-framing", "fr.trailing-timestamp"):
        assert rule in notes
    if colour:
        assert ANSI.search(output) and "[-" not in plain
    else:
        assert not ANSI.search(output)
        assert "[-" in plain and "{+" in plain and "[!" in plain


def test_diff_of_two_files_marks_changed_words(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("Titre\n\nLe chat dort sur le canapé.\n\nFin.\n", encoding="utf-8")
    b.write_text("Titre\n\nLe chien dort sur le canapé.\n\nFin.\n", encoding="utf-8")
    result = run_cli("diff", str(a), str(b), env={"NO_COLOR": "1", "COLUMNS": "100"})
    plain = result.stdout.decode()
    assert "[-chat-]" in plain and "{+chien+}" in plain
    assert run_cli("diff", str(a), str(b), "--changes", env={"NO_COLOR": "1"}).stdout.decode().count("Fin.") == 0


def test_word_diff_finds_words_not_characters():
    removed, inserted = word_diff("J’ai observé que les forces", "Les forces")
    assert [("J’ai observé que les forces"[m.start:m.end]) for m in removed] == ["J’ai observé que les"]
    assert [("Les forces"[m.start:m.end]) for m in inserted] == ["Les"]


@pytest.mark.parametrize("odd", ["", "Oh.\n\nAh."], ids=["nothing", "a paragraph break"])
def test_review_rows_stay_aligned_whatever_the_model_writes_for_a_sentence(odd):
    # an empty translation used to collapse its paragraph, and every later row showed the
    # English of the paragraph after; a blank line in a translation shifted them the other way
    text = "Titre du jour\n\nPoutine est arrivé à Minsk jeudi.\n\nÔ.\n\nLa visite doit durer deux jours.\n"
    cleaned = clean_text(text)
    [translation] = translate_documents([cleaned.text], lambda sentences: [odd if s == "Ô." else s.upper() for s in sentences],
                                        Glossary([]), model_id="scripted")
    review = translation_review("a.txt", cleaned, translation)
    assert [row.cells[2].text for row in review.rows] == [
        "TITRE DU JOUR", "POUTINE EST ARRIVÉ À MINSK JEUDI.", odd or "Ô.", "LA VISITE DOIT DURER DEUX JOURS."]
    marked = [(m.kind, m.note) for row in review.rows for m in row.cells[2].marks]
    assert marked == ([("violation", "translate: the model gave no translation; the source sentence is kept")] if not odd else [])
    assert review.summary.get("untranslated sentences") == (1 if not odd else None)


def test_html_escapes_the_article_text():
    hostile = "Titre <b>gras</b>\n\n<script>document.title='pwned'</script> Le vote a eu lieu.\n\nJ’ai observé que « x » & <img src=x onerror=alert(1)>.\n"
    page = html_page(clean_review("a<script>.txt", clean_text(hostile)))
    assert "<script>document.title" not in page and "<img src=x" not in page
    assert "&lt;script&gt;document.title=&#x27;pwned&#x27;&lt;/script&gt;" in page
    assert page.count("<script>") == 1  # only the page's own navigation script
    assert "http://" not in page.replace("http://www.w3.org", "") and "https://" not in page  # no external asset


def test_review_command_writes_one_standalone_page(tmp_path):
    target = tmp_path / "review.html"
    result = run_cli("review", str(SEED), "-o", str(target))
    assert result.returncode == 0, result.stderr
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "fr.persona-intro" in page and "2024-05-24 03:01" in page


def test_run_writes_the_four_files_and_the_index_and_resumes(installed, tmp_path):
    inputs = tmp_path / "articles"
    inputs.mkdir()
    (inputs / "poutine.fr.txt").write_bytes(SEED.read_bytes())
    (inputs / "other.txt").write_text("Grève à la SNCF\n\nLe trafic est perturbé mardi.\n", encoding="utf-8")
    out = tmp_path / "out"
    first = installed.run("run", str(inputs), "--to", "en", "-o", str(out))
    assert first.returncode == 0, first.stderr
    assert sorted(p.name for p in out.iterdir()) == [
        "index.html", "other.clean.fr.txt", "other.en.txt", "other.report.json", "other.review.html",
        "poutine.clean.fr.txt", "poutine.en.txt", "poutine.report.json", "poutine.review.html",
    ]
    assert "2 done, 0 up to date" in first.stderr.decode()
    report = json.loads((out / "poutine.report.json").read_text(encoding="utf-8"))
    assert report["clean"]["metadata"] == {"published_at": "2024-05-24 03:01"}
    assert "Putin" in (out / "poutine.en.txt").read_text(encoding="utf-8")
    index = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="poutine.review.html"' in index and "2024-05-24 03:01" in index

    again = installed.run("run", str(inputs), "--to", "en", "-o", str(out))
    assert "0 done, 2 up to date" in again.stderr.decode()
    os.utime(inputs / "other.txt")  # touched: newer than its outputs
    assert "1 done, 1 up to date" in installed.run("run", str(inputs), "--to", "en", "-o", str(out)).stderr.decode()
    (installed.root / "translator.toml").write_text('disable = ["fr.pull-quote"]\n', encoding="utf-8")
    assert "2 done, 0 up to date" in installed.run("run", str(inputs), "--to", "en", "-o", str(out)).stderr.decode()


def test_run_reports_a_bad_file_and_finishes_the_others(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "good.txt").write_bytes(SEED.read_bytes())
    (inputs / "bad.txt").write_bytes(b"Caf\xe9\n")
    result = run_cli("run", str(inputs), "-o", str(tmp_path / "out"), "--jobs", "2")
    assert result.returncode == 1
    assert "bad.txt: cannot decode as utf-8" in result.stderr.decode()
    assert (tmp_path / "out" / "good.clean.fr.txt").read_bytes() == clean_text(SEED.read_text(encoding="utf-8")).text.encode()
    assert not (tmp_path / "out" / "good.en.txt").exists()


@pytest.mark.slow
def test_run_with_several_jobs_gives_the_same_outputs(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    for number in range(6):
        (inputs / f"a{number}.txt").write_bytes(SEED.read_bytes())
    for jobs in ("1", "2"):
        assert run_cli("run", str(inputs), "-o", str(tmp_path / f"out{jobs}"), "--jobs", jobs).returncode == 0
    for number in range(6):
        name = f"a{number}.clean.fr.txt"
        assert (tmp_path / "out1" / name).read_bytes() == (tmp_path / "out2" / name).read_bytes()


def test_control_sequences_in_an_article_never_reach_the_terminal(tmp_path):
    article = tmp_path / "esc.txt"
    article.write_text("Titre\n\nJ’ai observé que le vote \x1b[2J\x1b[31ma eu lieu\x07.\n", encoding="utf-8")
    shown = run_cli("clean", "--diff=side", str(article), env={"NO_COLOR": "1", "COLUMNS": "120"}).stdout.decode()
    assert "\x1b" not in shown and "\x07" not in shown
    assert "␛[2J␛[31ma eu lieu␇." in shown  # shown as pictures, one for one


def test_on_a_terminal_the_unified_diff_and_the_findings_show_control_characters_as_pictures(tmp_path):
    import pty
    import subprocess
    import sys

    article = tmp_path / "esc.txt"
    article.write_text("Titre\n\nJ’ai observé que le vote \x1b]0;pwned\x07a eu lieu\x1b[8m caché.\r\n", encoding="utf-8")
    leader, terminal = pty.openpty()
    result = subprocess.run([sys.executable, "-m", "translator", "clean", "--diff", str(article)], stdout=terminal,
                            stderr=subprocess.PIPE, env={**os.environ, "NO_COLOR": "1"}, timeout=60)
    os.close(terminal)
    shown = os.read(leader, 65536).decode()
    os.close(leader)
    assert result.returncode == 0 and "\x1b" not in shown and "\x07" not in shown
    assert "␛]0;pwned␇a eu lieu␛[8m caché." in shown
    piped = run_cli("clean", "--diff", str(article)).stdout  # a patch piped elsewhere stays a patch
    assert b"\x1b]0;pwned\x07" in piped


def test_side_by_side_on_a_terminal_goes_through_the_pager_once_with_more_than_colour(tmp_path):
    import pty
    import subprocess
    import sys

    recorder = tmp_path / "pager.py"
    recorder.write_text("import os, sys\nwith open(sys.argv[1], 'ab') as out:\n"
                        "    out.write(b'<<PAGER LESS=' + os.environ.get('LESS', '').encode() + b'>>' + sys.stdin.buffer.read())\n",
                        encoding="utf-8")
    pages = tmp_path / "paged.txt"
    other = tmp_path / "other.txt"
    other.write_text("Grève à la SNCF\n\nJ’ai observé que le trafic est perturbé mardi.\n", encoding="utf-8")
    leader, terminal = pty.openpty()
    env = {**os.environ, "PAGER": f"{sys.executable} {recorder} {pages}", "COLUMNS": "120", "TERM": "xterm-256color"}
    env.pop("NO_COLOR", None)
    env.pop("LESS", None)
    result = subprocess.run([sys.executable, "-m", "translator", "clean", "--diff=side", str(SEED), str(other)],
                            stdout=terminal, stderr=subprocess.PIPE, env=env, timeout=60)
    os.close(terminal)
    os.close(leader)
    assert result.returncode == 0, result.stderr
    paged = pages.read_text(encoding="utf-8")
    assert paged.count("<<PAGER") == 1 and paged.startswith("<<PAGER LESS=FRX>>")  # one pager for both articles, colours kept
    plain = ANSI.sub("", paged)
    assert "fr.persona-intro" in plain and "Grève à la SNCF" in plain
    # removed text is struck through, inserted text underlined: not told apart by colour alone
    assert re.search(r"\x1b\[[0-9;]*\b9\b[0-9;]*mJ’ai observé que", paged)
    assert re.search(r"\x1b\[[0-9;]*\b4\b[0-9;]*mLes\b", paged)
    piped = run_cli("clean", "--diff=side", str(SEED), env={"PAGER": f"{sys.executable} {recorder} {tmp_path / 'never.txt'}"})
    assert piped.returncode == 0 and b"fr.persona-intro" in piped.stdout and not (tmp_path / "never.txt").exists()
