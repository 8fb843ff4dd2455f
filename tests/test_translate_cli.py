"""`translator translate` on a real argostranslate/CTranslate2 package (built by the tests)."""

import json
import subprocess
import sys
import xml.etree.ElementTree as ET

from .conftest import SEED, SEED_CLEAN

GLOSSARY_NAMES = {"Poutine": "Putin", "Loukachenko": "Lukashenko", "Biélorussie": "Belarus", "OTAN": "NATO"}


def test_the_cleaned_seed_comes_out_in_english_with_every_glossary_name_right(installed):
    result = installed.run("translate", "--to", "en", str(SEED_CLEAN))
    assert result.returncode == 0, result.stderr
    english = result.stdout.decode()
    for french, name in GLOSSARY_NAMES.items():
        assert french not in english
        assert name in english
    assert "Vladimir Putin" in english and "Belarusian" in english and "Kyiv" in english
    assert installed.network_attempts() == []


def test_paragraphs_blank_lines_and_line_endings_are_kept(installed):
    text = "Poutine à Minsk\r\n\r\n\r\nLe président russe est à Minsk. Il a rencontré Loukachenko.\r\n\r\n2024-05-24\r\n"
    result = installed.run("translate", "--to", "en", "-", stdin=text.encode())
    english = result.stdout.decode()
    assert english == "Putin to Minsk\r\n\r\n\r\nThe president Russian is to Minsk. He has met Lukashenko.\r\n\r\n2024-05-24\r\n"


def test_sentence_order_and_alignment_in_json(installed):
    result = installed.run("translate", "--to", "en", "--format", "json", str(SEED_CLEAN))
    report = json.loads(result.stdout)
    segments = report["translation"]["segments"]
    assert [(s["paragraph"], s["sentence"]) for s in segments] == sorted((s["paragraph"], s["sentence"]) for s in segments)
    assert segments[0]["source"].startswith("Poutine discutera")
    assert segments[0]["target"].startswith("Putin")
    assert {"source": "Poutine", "target": "Putin"} in segments[0]["terms"]
    assert report["translation"]["model"] == "translate-fr_en-tiny 0.1"
    assert [f for f in report["findings"] if f["source"] == "glossary"] == []
    assert report["translation"]["text"] == installed.run("translate", "--to", "en", str(SEED_CLEAN)).stdout.decode()


def test_tsv_and_xliff_are_sentence_aligned(installed):
    tsv = installed.run("translate", "--to", "en", "--format", "tsv", str(SEED_CLEAN)).stdout.decode().splitlines()
    assert tsv[0].split("\t") == ["file", "paragraph", "sentence", "source", "target", "terms", "violations", "model"]
    first = tsv[1].split("\t")
    assert first[1:3] == ["0", "0"] and first[4].startswith("Putin") and "Poutine → Putin" in first[5]

    xliff = installed.run("translate", "--to", "en", "--format", "xliff", str(SEED_CLEAN)).stdout
    root = ET.fromstring(xliff)
    ns = {"x": "urn:oasis:names:tc:xliff:document:2.0"}
    assert (root.get("srcLang"), root.get("trgLang"), root.get("version")) == ("fr", "en", "2.1")
    units = root.findall(".//x:unit", ns)
    assert len(units) == len(tsv) - 1
    assert units[0].find(".//x:target", ns).text.startswith("Putin")
    assert "Poutine → Putin" in [n.text for n in units[0].findall(".//x:note[@category='glossary']", ns)]


def test_clean_then_translate_reports_both(installed):
    result = installed.run("translate", "--to", "en", "--clean", "--format", "json", str(SEED))
    report = json.loads(result.stdout)
    assert report["clean"]["metadata"] == {"published_at": "2024-05-24 03:01"}
    assert report["translation"]["text"].count("Putin discutera") == 1  # the repeated headline is gone
    assert "2024-05-24" not in report["translation"]["text"]


def test_many_files_to_a_folder(installed, tmp_path):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("Poutine est en Biélorussie.\n", encoding="utf-8")
    result = installed.run("translate", "--to", "en", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "-o", str(tmp_path / "en"))
    assert result.returncode == 0, result.stderr
    # named in the target language (issue 10): a.txt → a.en.txt
    assert [(tmp_path / "en" / n).read_text(encoding="utf-8") for n in ("a.en.txt", "b.en.txt")] == ["Putin is in Belarus.\n"] * 2


def test_user_glossary_tsv_adds_and_overrides_terms(installed, tmp_path):
    glossary = tmp_path / "newsroom.tsv"
    glossary.write_text("fr\ten\nMinsk\tMensk\nKiev\tKiev\n", encoding="utf-8")
    result = installed.run("translate", "--to", "en", "--glossary", str(glossary), "-", stdin="Kiev et Minsk.".encode())
    assert result.stdout.decode() == "Kiev and Mensk."


def test_empty_input_gives_empty_output(installed):
    result = installed.run("translate", "--to", "en", "-", stdin=b"")
    assert (result.returncode, result.stdout) == (0, b"")


def test_no_model_installed_is_one_line_naming_the_pair_and_the_install_command(workspace):
    result = workspace.run("translate", "--to", "en", str(SEED_CLEAN))
    assert result.returncode == 2
    message = result.stderr.decode()
    assert message.count("\n") == 1
    assert "no fr→en translation model installed" in message
    assert "translator models install translate-fr_en-1_9.argosmodel" in message


def test_unsupported_pair_names_what_is_installed(installed):
    result = installed.run("translate", "--from", "fr", "--to", "de", str(SEED_CLEAN))
    assert result.returncode == 2
    assert "no fr→de translation model installed (installed: fr→en)" in result.stderr.decode()


def test_a_model_corrupted_after_install_is_a_clear_error(installed):
    model_bin = next(installed.packages.glob("*/model/model.bin"))
    model_bin.write_bytes(b"not a model")
    result = installed.run("translate", "--to", "en", "--no-cache", str(SEED_CLEAN))
    assert result.returncode == 2
    assert "model does not load" in result.stderr.decode() and "translator models remove" in result.stderr.decode()
    assert b"Traceback" not in result.stderr


def test_translate_does_not_touch_the_network(installed):
    assert installed.run("translate", "--to", "en", "--no-cache", str(SEED_CLEAN)).returncode == 0
    assert installed.network_attempts() == []


def test_the_network_guard_itself_catches_attempts(workspace):
    probe = "import urllib.request\ntry:\n    urllib.request.urlopen('http://example.org', timeout=1)\nexcept OSError:\n    pass\n"
    subprocess.run([sys.executable, "-c", probe], env={**__import__("os").environ, **workspace.env}, check=True)
    assert workspace.network_attempts() != []


def test_translation_memory_makes_a_rerun_come_from_memory(installed):
    first = json.loads(installed.run("translate", "--to", "en", "--format", "json", str(SEED_CLEAN)).stdout)
    again = json.loads(installed.run("translate", "--to", "en", "--format", "json", str(SEED_CLEAN)).stdout)
    assert not any(s["from_memory"] for s in first["translation"]["segments"])
    assert all(s["from_memory"] for s in again["translation"]["segments"])
    assert again["translation"]["text"] == first["translation"]["text"]
    assert (installed.root / "cache" / "translator" / "memory.sqlite3").is_file()
    uncached = json.loads(installed.run("translate", "--to", "en", "--no-cache", "--format", "json", str(SEED_CLEAN)).stdout)
    assert not any(s["from_memory"] for s in uncached["translation"]["segments"])


def test_another_glossary_does_not_reuse_the_memory(installed, tmp_path):
    installed.run("translate", "--to", "en", "-", stdin="Poutine à Minsk.".encode())
    glossary = tmp_path / "g.csv"
    glossary.write_text("Minsk,Mensk\n", encoding="utf-8")
    report = json.loads(installed.run("translate", "--to", "en", "--glossary", str(glossary), "--format", "json", "-", stdin="Poutine à Minsk.".encode()).stdout)
    assert report["translation"]["text"] == "Putin to Mensk."
    assert not report["translation"]["segments"][0]["from_memory"]


def test_cache_option_and_clear(installed, tmp_path):
    cache = tmp_path / "tm.sqlite3"
    installed.run("translate", "--to", "en", "--cache", str(cache), str(SEED_CLEAN))
    cleared = installed.run("cache", "clear", "--cache", str(cache))
    assert cleared.returncode == 0
    count = int(cleared.stdout.decode().split(": ")[1].split()[0])
    assert count > 20
    assert "0 translations" in installed.run("cache", "clear", "--cache", str(cache)).stdout.decode()


def test_two_processes_translating_at_once_share_the_memory_safely(installed, tmp_path):
    import sqlite3

    cache = tmp_path / "shared.sqlite3"
    files = []
    for worker in range(2):
        path = tmp_path / f"w{worker}.txt"
        path.write_text("\n\n".join(f"Le président {worker} a rencontré le ministre {n} à Minsk." for n in range(150)), encoding="utf-8")
        files.append(path)
    command = [sys.executable, "-m", "translator", "translate", "--to", "en", "--cache", str(cache)]
    env = {**__import__("os").environ, **installed.env}
    processes = [subprocess.Popen([*command, str(f)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for f in files]
    outputs = [p.communicate(timeout=300) for p in processes]
    assert [p.returncode for p in processes] == [0, 0], [o[1] for o in outputs]
    with sqlite3.connect(cache) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert db.execute("SELECT COUNT(*) FROM translations").fetchone()[0] == 300
    for worker, (stdout, _) in enumerate(outputs):
        assert stdout.decode().split("\n\n")[7] == f"The president {worker} has met the minister 7 to Minsk."
