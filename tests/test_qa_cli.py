"""The grammar and style pass from the command line, against a STAND-IN LanguageTool
server (tests/support/languagetool_standin.py): a real one cannot run here."""

import json

import pytest

from .conftest import SEED, SEED_CLEAN
from .support.languagetool_standin import LanguageToolStandIn


@pytest.fixture
def standin():
    with LanguageToolStandIn() as server:
        yield server


@pytest.fixture
def no_languagetool(workspace, tmp_path):
    """A machine with no LanguageTool: no URL, an empty LTP_PATH, no java on PATH."""
    (tmp_path / "ltp").mkdir()
    workspace.env.update({"LTP_PATH": str(tmp_path / "ltp"), "PATH": str(tmp_path / "no-java"), "LANGUAGETOOL_URL": ""})
    return workspace


def write(tmp_path, text, name="article.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.slow
def test_check_lists_findings_with_position_rule_and_suggestions(workspace, standin, tmp_path):
    article = write(tmp_path, "Titre\n\nIl a recu le le prix.\n")
    result = workspace.run("check", str(article), "--languagetool", standin.url)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.decode().splitlines()
    assert lines[0].startswith(f"{article}:3:6: warning FR_SPELLING_RULE: ") and "reçu" in lines[0]
    assert lines[1].startswith(f"{article}:3:11: warning FRENCH_WORD_REPEAT_RULE: ")
    assert workspace.run("check", "--check", str(article), "--languagetool", standin.url).returncode == 1
    report = json.loads(workspace.run("check", "--format", "json", str(article), "--languagetool", standin.url).stdout)
    assert [f["rule_id"] for f in report["findings"]] == ["FR_SPELLING_RULE", "FRENCH_WORD_REPEAT_RULE"]
    assert workspace.network_attempts() == []


def test_glossary_names_are_not_misspellings(workspace, standin):
    result = workspace.run("check", "--check", str(SEED_CLEAN), "--languagetool", standin.url)
    assert result.returncode == 0, result.stdout  # Poutine, Loukachenko, Biélorussie… are known names
    assert {c["language"] for c in standin.checks()} == {"fr"}


def test_server_url_from_the_environment(workspace, standin, tmp_path):
    workspace.env["LANGUAGETOOL_URL"] = standin.url
    assert "FR_SPELLING_RULE" in workspace.run("check", str(write(tmp_path, "Il a recu.\n"))).stdout.decode()


def test_nothing_available_is_one_line_saying_how_to_provide_it(no_languagetool, tmp_path):
    result = no_languagetool.run("check", str(write(tmp_path, "Texte.\n")))
    assert result.returncode == 2
    message = result.stderr.decode()
    assert message.count("\n") == 1 and "Traceback" not in message
    assert "LANGUAGETOOL_URL" in message and "translator languagetool install" in message
    assert no_languagetool.network_attempts() == []


def test_a_server_that_is_down_is_named(workspace, tmp_path):
    with LanguageToolStandIn() as server:
        url = server.url
    result = workspace.run("check", str(write(tmp_path, "Texte.\n")), "--languagetool", url)
    assert result.returncode == 2 and url.split("//")[1].rstrip("/") in result.stderr.decode()


def test_a_language_whose_rules_do_not_load_is_reported(workspace, standin, tmp_path):
    result = workspace.run("check", "--lang", "de-DE", str(write(tmp_path, "Der Text.\n")), "--languagetool", standin.url)
    assert result.returncode == 2
    assert "Could not activate rules" in result.stderr.decode() and "Traceback" not in result.stderr.decode()


def test_clean_carries_on_and_says_qa_was_skipped(no_languagetool):
    result = no_languagetool.run("clean", "--qa", "--format", "json", str(SEED))
    assert result.returncode == 0
    report = json.loads(result.stdout)
    assert report["clean"]["text"] == SEED_CLEAN.read_text(encoding="utf-8")
    assert report["qa"]["cleaned"]["status"] == "skipped" and "LANGUAGETOOL_URL" in report["qa"]["cleaned"]["reason"]
    assert "QA skipped" in result.stderr.decode()


def test_clean_with_qa_reports_findings_on_the_cleaned_text(workspace, standin, tmp_path):
    article = write(tmp_path, "Titre\n\nJ’ai observé que le le vote a eu lieu.\n")
    report = json.loads(workspace.run("clean", "--qa", "--languagetool", standin.url, "--format", "json", str(article)).stdout)
    assert report["clean"]["text"] == "Titre\n\nLe le vote a eu lieu.\n"
    [finding] = [f for f in report["findings"] if f["source"] == "qa"]
    assert (finding["rule_id"], finding["line"], finding["column"]) == ("FRENCH_WORD_REPEAT_RULE", 3, 1)


def test_translate_and_run_with_qa(installed, standin, tmp_path):
    report = json.loads(installed.run("translate", "--to", "en", "--qa", "--languagetool", standin.url, "--format", "json", str(SEED_CLEAN)).stdout)
    assert report["qa"]["translation"]["status"] == "done"
    assert {c["language"] for c in standin.checks()} == {"en-US"}

    articles = tmp_path / "in"
    articles.mkdir()
    (articles / "seed.fr.txt").write_text("Titre\n\nIl a recu le prix à Minsk.\n", encoding="utf-8")
    out = tmp_path / "out"
    result = installed.run("run", str(articles), "--to", "en", "--qa", "--languagetool", standin.url, "-o", str(out))
    assert result.returncode == 0, result.stderr
    saved = json.loads((out / "seed.report.json").read_text(encoding="utf-8"))
    assert [f["rule_id"] for f in saved["findings"] if f["source"] == "qa" and f["located_in"] == "cleaned"][0] == "FR_SPELLING_RULE"
    assert saved["qa"]["translation"] == {"language": "en", "status": "done"}
    page = (out / "seed.review.html").read_text(encoding="utf-8")
    assert 'class="mark change qa"' in page and "FR_SPELLING_RULE" in page


def test_run_without_languagetool_still_writes_everything(no_languagetool, tmp_path):
    articles = tmp_path / "in"
    articles.mkdir()
    (articles / "seed.fr.txt").write_bytes(SEED.read_bytes())
    result = no_languagetool.run("run", str(articles), "--qa", "-o", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    saved = json.loads((tmp_path / "out" / "seed.report.json").read_text(encoding="utf-8"))
    assert saved["qa"]["cleaned"]["status"] == "skipped"
    assert "skipped" in (tmp_path / "out" / "seed.review.html").read_text(encoding="utf-8")


def test_check_over_many_files_when_the_server_dies(workspace, tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    names = [write(folder, f"Article {i}.\n\nIl a recu le prix.\n", f"{i}.txt") for i in range(8)]
    with LanguageToolStandIn(stop_after_checks=3) as server:  # the probe, then files 0 and 1
        text = workspace.run("check", str(folder), "--languagetool", server.url)
    with LanguageToolStandIn(stop_after_checks=3) as json_server:
        as_json = workspace.run("check", "--format", "json", str(folder), "--languagetool", json_server.url)
    dead = "stopped answering ([Errno 111] Connection refused): restart it and check again"

    assert text.returncode == 1 and as_json.returncode == 1
    assert [line.split(":")[0] for line in text.stdout.decode().splitlines()] == [str(names[0]), str(names[1])]
    [error] = text.stderr.decode().splitlines()  # the dead server said once, naming the files it left unchecked
    assert error == (f"error: {', '.join(map(str, names[2:7]))} and 1 more files: not checked: "
                     f"LanguageTool server {server.url} {dead}")
    records = [json.loads(line) for line in as_json.stdout.decode().splitlines()]
    assert [record["file"] for record in records] == [str(name) for name in names]  # a record for every file
    assert [record["qa"]["original"]["status"] for record in records] == ["done"] * 2 + ["skipped"] * 6
    assert records[5]["qa"]["original"] == {"language": "fr", "status": "skipped", "reason": f"LanguageTool server {json_server.url} {dead}"}
    assert records[5]["findings"] == [] and [f["rule_id"] for f in records[0]["findings"]] == ["FR_SPELLING_RULE"]


@pytest.mark.parametrize("fault", ["check-empty", "languages-numbers"])
def test_a_server_answering_something_unexpected_skips_qa_and_the_work_goes_on(workspace, tmp_path, fault):
    article = write(tmp_path, "Titre\n\nJ’ai observé que les forces ont reculé.\n")
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a.txt", "b.txt"):
        (folder / name).write_bytes(article.read_bytes())
    with LanguageToolStandIn(fault=fault) as server:
        check = workspace.run("check", str(article), "--languagetool", server.url)
        clean = workspace.run("clean", "--qa", str(article), "-o", str(tmp_path / "clean.txt"), "--languagetool", server.url)
        run = workspace.run("run", str(folder), "-o", str(tmp_path / "out"), "--qa", "--languagetool", server.url)

    unexpected = "LanguageTool answered something unexpected ("
    for result in (check, clean, run):
        assert "Traceback" not in result.stderr.decode() and unexpected in result.stderr.decode()
    [line] = check.stderr.decode().splitlines()
    assert check.returncode == 2 and line.startswith("error: ")
    assert clean.returncode == 0 and (tmp_path / "clean.txt").read_text(encoding="utf-8") == "Titre\n\nLes forces ont reculé.\n"
    assert [line for line in clean.stderr.decode().splitlines() if "QA skipped: " + unexpected in line]
    assert run.returncode == 0, run.stderr
    assert {"a.report.json", "b.report.json", "a.review.html", "b.review.html"} <= {p.name for p in (tmp_path / "out").iterdir()}


def test_clean_over_many_files_says_once_that_the_server_died(workspace, tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    for i in range(5):
        write(folder, f"Article {i}.\n\nIl a recu le prix.\n", f"{i}.txt")
    with LanguageToolStandIn(stop_after_checks=2) as server:  # the probe, then file 0
        result = workspace.run("clean", "--qa", "--languagetool", server.url, "--check", str(folder))
    skipped = [line for line in result.stderr.decode().splitlines() if "QA skipped" in line]
    assert skipped == [f"{folder / '1.txt'}: QA skipped: LanguageTool server {server.url} stopped answering "
                       "([Errno 111] Connection refused): restart it and check again"]
