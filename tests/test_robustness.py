"""Regressions from a code review: each test is a bug a user hit, fixed."""

import os
import stat
import subprocess
import sys
import threading

from translator import clean_text
from translator.translate.documents import translate_documents
from translator.translate.glossary import Glossary, Term, TermType

from .conftest import ROOT, SEED, run_cli


def test_a_character_the_encoding_cannot_hold_is_one_line_and_spares_the_batch(installed, tmp_path):
    glossary = tmp_path / "pl.yaml"
    glossary.write_text("entries:\n  - source: Walesa\n    target: Wałęsa\n", encoding="utf-8")
    (tmp_path / "in").mkdir()
    for name in ("a", "b", "c"):
        text = "Le président Walesa est là.\n" if name == "b" else "Le président est là.\n"
        (tmp_path / "in" / f"{name}.txt").write_bytes(text.encode("cp1252"))
    single = installed.run("translate", "--to", "en", "--encoding", "cp1252", "--glossary", str(glossary), str(tmp_path / "in" / "b.txt"))
    assert single.returncode == 2 and "cp1252 cannot write" in single.stderr.decode() and b"Traceback" not in single.stderr
    out = tmp_path / "out"
    batch = installed.run("run", str(tmp_path / "in"), "--to", "en", "--encoding", "cp1252", "--glossary", str(glossary), "-o", str(out))
    assert batch.returncode == 1 and b"Traceback" not in batch.stderr
    assert (out / "a.en.txt").exists() and (out / "c.en.txt").exists() and (out / "index.html").exists()
    assert not list(out.glob("b.*"))  # nothing half-written


def test_new_outputs_get_the_usual_permissions(tmp_path):
    previous = os.umask(0o022)
    try:
        assert run_cli("clean", str(SEED), "-o", str(tmp_path / "clean.txt")).returncode == 0
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "clean.txt").stat().st_mode) == 0o644


def test_output_that_would_overwrite_an_input_is_refused(tmp_path):
    article = tmp_path / "a.txt"
    article.write_bytes(SEED.read_bytes())
    for args in (["clean", str(article), "-o", str(article)], ["clean", str(tmp_path), "-o", str(tmp_path)]):
        result = run_cli(*args)
        assert result.returncode == 2 and "would overwrite an input" in result.stderr.decode()
    assert article.read_bytes() == SEED.read_bytes()


def test_review_refuses_to_write_its_page_over_the_article(tmp_path):
    article = tmp_path / "a.txt"
    article.write_bytes(SEED.read_bytes())
    result = run_cli("review", str(article), "-o", str(tmp_path / "." / "a.txt"))
    assert result.returncode == 2 and "would overwrite the article" in result.stderr.decode()
    assert result.stderr.decode().count("\n") == 1 and article.read_bytes() == SEED.read_bytes()


def test_in_place_through_a_symlink_rewrites_the_file_and_keeps_the_link(tmp_path):
    target, link = tmp_path / "a.txt", tmp_path / "link.txt"
    target.write_bytes(SEED.read_bytes())
    link.symlink_to(target)
    assert run_cli("clean", "--in-place", str(link)).returncode == 0
    assert link.is_symlink()
    assert target.read_text(encoding="utf-8") == clean_text(SEED.read_text(encoding="utf-8")).text


def test_output_ending_with_a_slash_is_a_folder(tmp_path):
    assert run_cli("clean", str(SEED), "-o", f"{tmp_path / 'new'}/").returncode == 0
    assert (tmp_path / "new" / SEED.name).is_file()


def test_stdin_twice_is_refused():
    result = run_cli("clean", "-", "-", stdin=b"x")
    assert result.returncode == 2 and "stdin" in result.stderr.decode()


def test_run_refuses_inputs_that_would_write_the_same_outputs(tmp_path):
    for folder in ("in1", "in2"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "a.txt").write_text("Titre\n\nTexte.\n", encoding="utf-8")
    result = run_cli("run", str(tmp_path / "in1"), str(tmp_path / "in2"), "-o", str(tmp_path / "out"))
    assert result.returncode == 2 and "would both write a.*" in result.stderr.decode()
    inside = run_cli("run", str(tmp_path / "in1"), "-o", str(tmp_path / "in1"))
    assert inside.returncode == 2 and "holds the inputs" in inside.stderr.decode()


def test_index_links_are_url_encoded(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a#1 x.fr.txt").write_text("Titre\n\nTexte.\n", encoding="utf-8")
    assert run_cli("run", str(tmp_path / "in"), "-o", str(tmp_path / "out")).returncode == 0
    assert 'href="a%231%20x.review.html"' in (tmp_path / "out" / "index.html").read_text(encoding="utf-8")


def test_an_indented_paragraph_is_cleaned_and_keeps_its_indent():
    for indent in ("  ", "\t", "\u00a0"):
        text = f"Poutine en visite à Minsk\n\n{indent}J’ai observé que les forces russes ont lancé un exercice.\n"
        assert clean_text(text).text == f"Poutine en visite à Minsk\n\n{indent}Les forces russes ont lancé un exercice.\n"


def test_a_repeat_of_the_headline_behind_a_persona_paragraph_goes_in_one_pass():
    text = ("Poutine en visite à Minsk\n\nEn tant que passionné d’histoire russe, je suis toujours intrigué par la Russie.\n\n"
            "Poutine en visite à Minsk\n\nLe président est arrivé jeudi.\n")
    assert clean_text(text).text == "Poutine en visite à Minsk\n\nLe président est arrivé jeudi.\n"


def test_text_that_holds_a_placeholder_look_alike_is_kept():
    glossary = Glossary([Term(("Poutine",), "Putin", TermType.NAME, True, "t:1")])
    [result] = translate_documents(["Le code ZXQ0 vise Poutine."], lambda batch: [s.replace("Putin", "Putine") for s in batch],
                                   glossary, model_id="stand-in")
    # no placeholder could be told from the text: the unmasked retry, post-edited, wins
    assert result.text == "Le code ZXQ0 vise Putin."
    assert result.violations == []


def test_a_long_sentence_is_translated_whole(installed, tmp_path):
    article = tmp_path / "long.txt"
    article.write_text(" ".join(["la guerre et la paix"] * 300) + ".\n", encoding="utf-8")
    english = installed.run("translate", "--to", "en", "--no-cache", str(article)).stdout.decode()
    assert english.split() == (["the", "war", "and", "the", "peace"] * 300)[:-1] + ["peace."]


def test_lines_of_a_byline_stay_lines(installed):
    result = installed.run("translate", "--to", "en", "-", stdin="Titre\n\nPar Jean Dupont\nLe 24 mai\n".encode())
    assert result.stdout.decode() == "Titre\n\nBy Jean Dupont\nThe 24 mai\n"


def test_odd_glossary_shapes_are_one_line_errors(tmp_path):
    for name, text in (("dup.yaml", "entries: []\nentries:\n  - source: Kiev\n"), ("keys.yaml", "1: x\nzz: y\nentries: []\n")):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        result = run_cli("glossary", "check", str(path))
        assert result.returncode == 2 and b"Traceback" not in result.stderr and result.stderr.decode().startswith(f"error: {path}")


def test_odd_pyproject_tables(tmp_path):
    (tmp_path / "pyproject.toml").write_text("tool = 5\n", encoding="utf-8")
    assert run_cli("clean", "-", stdin=b"x", cwd=tmp_path).returncode == 0
    (tmp_path / "pyproject.toml").write_text("[tool]\ntranslator = 5\n", encoding="utf-8")
    result = run_cli("clean", "-", stdin=b"x", cwd=tmp_path)
    assert result.returncode == 2 and "[tool.translator] must be a table" in result.stderr.decode()


def test_a_broken_package_does_not_block_the_good_one(installed):
    broken = installed.packages / "translate-de_en-x"
    broken.mkdir()
    (broken / "metadata.json").write_text("{bad", encoding="utf-8")
    assert installed.run("translate", "--to", "en", "-", stdin="Poutine est là.".encode()).stdout.decode() == "Putin is là."
    listing = installed.run("models", "list").stdout.decode()
    assert "fr→en" in listing and "broken" in listing and "translate-de_en-x" in listing
    assert installed.run("models", "remove", "translate-de_en-x").returncode == 0
    assert not broken.exists()


def test_output_to_a_pipe_or_through_a_symlink_keeps_what_the_path_is(tmp_path):
    article = tmp_path / "a.txt"
    article.write_bytes(SEED.read_bytes())
    expected = clean_text(SEED.read_text(encoding="utf-8")).text.encode()
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    assert run_cli("clean", "-q", str(article), "-o", str(fifo)).returncode == 0
    reader.join(timeout=60)
    assert stat.S_ISFIFO(fifo.lstat().st_mode) and received == [expected]  # written through, not replaced
    target, link = tmp_path / "real.txt", tmp_path / "link.txt"
    target.write_text("old", encoding="utf-8")
    link.symlink_to(target)
    assert run_cli("clean", "-q", str(article), "-o", str(link)).returncode == 0
    assert link.is_symlink() and target.read_bytes() == expected


def test_stdout_that_cannot_take_the_text_is_one_error_line_not_a_silent_truncation(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("Titre\n\n" + "\n\n".join(["Un paragraphe de texte assez long, encore et encore."] * 4000) + "\n", encoding="utf-8")
    for unbuffered in ("1", ""):
        with open("/dev/full", "wb") as full:
            result = subprocess.run([sys.executable, "-m", "translator", "clean", "-q", str(big)], stdout=full, stderr=subprocess.PIPE,
                                    env={**os.environ, "PYTHONUNBUFFERED": unbuffered}, cwd=ROOT, timeout=120)
        message = result.stderr.decode()
        assert result.returncode == 2 and "stdout: cannot write" in message and "Traceback" not in message, message
    closed = subprocess.run([sys.executable, "-m", "translator", "clean", "-"], stdin=subprocess.DEVNULL, capture_output=True, cwd=ROOT,
                            preexec_fn=lambda: os.close(0), timeout=60)
    assert closed.returncode == 2 and "stdin is closed" in closed.stderr.decode() and b"Traceback" not in closed.stderr


def test_a_file_name_that_is_not_utf8_is_shown_with_a_replacement_character(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    odd = folder / os.fsdecode(b"caf\xe9.txt")
    odd.write_bytes(SEED.read_bytes())
    (folder / "plain.txt").write_bytes(SEED.read_bytes())
    page = run_cli("review", str(odd))
    assert page.returncode == 0 and "caf\ufffd.txt" in page.stdout.decode()
    result = run_cli("run", str(folder), "-o", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert "caf\ufffd" in (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert (tmp_path / "out" / os.fsdecode(b"caf\xe9.review.html")).is_file() and (tmp_path / "out" / "plain.review.html").is_file()


def test_a_long_but_valid_file_name_can_be_written(tmp_path):
    name = "a" * 245 + ".txt"  # 249 characters: valid, but a temporary name adding 14 would not be
    (tmp_path / name).write_bytes(SEED.read_bytes())
    result = run_cli("clean", "-q", str(tmp_path / name), "-o", str(tmp_path / "out") + "/")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / name).read_text(encoding="utf-8") == clean_text(SEED.read_text(encoding="utf-8")).text


def test_in_place_keeps_the_owner_and_every_hard_link_sees_the_new_text(tmp_path):
    expected = clean_text(SEED.read_text(encoding="utf-8")).text.encode()
    first, second = tmp_path / "h1.txt", tmp_path / "h2.txt"
    first.write_bytes(SEED.read_bytes())
    os.link(first, second)
    assert run_cli("clean", "-q", "--in-place", str(first)).returncode == 0
    assert first.read_bytes() == second.read_bytes() == expected and os.path.samefile(first, second)
    if os.getuid() == 0:  # only root can give a file away, and so take it over by rewriting it
        owned = tmp_path / "owned.txt"
        owned.write_bytes(SEED.read_bytes())
        os.chown(owned, 65534, 65534)
        owned.chmod(0o640)
        assert run_cli("clean", "-q", "--in-place", str(owned)).returncode == 0
        info = owned.stat()
        assert (info.st_uid, info.st_gid, info.st_mode & 0o777) == (65534, 65534, 0o640) and owned.read_bytes() == expected
