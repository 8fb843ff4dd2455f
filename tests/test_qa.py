"""Grammar and style QA (translator.qa: languagetool, checker) through the real language_tool_python client.

LanguageTool itself cannot be installed here, so the client talks to a stand-in server
(tests/support/languagetool_standin.py) on 127.0.0.1.  A guard fails any test that tries
to reach another host.  ``test_real_server`` checks a real LanguageTool when
LANGUAGETOOL_URL is set.
"""

from __future__ import annotations

import json
import os
import socket
import stat
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import psutil
import pytest

from translator.clean.rules import load_rules
from translator.diagnostics import Level, Located, Source
from translator.document import Document
from translator.qa.checker import QAChecker, known_words_from
from translator.report.article import ArticleReport, QACheck
from translator.report.text import finding_line
from translator.qa.languagetool import HOW_TO_PROVIDE, LanguageToolSource, QAUnavailable, find_languagetool
from translator.translate.glossary import load_glossaries

from .conftest import ROOT
from .support.languagetool_standin import LanguageToolStandIn

REAL_SERVER = os.environ.get("LANGUAGETOOL_URL")
_LOOPBACK = {"127.0.0.1", "localhost", "::1"}


class NetworkGuard:
    """Connections to anything but loopback (or an explicitly allowed host) fail and are logged."""

    def __init__(self) -> None:
        self.allowed = set(_LOOPBACK)
        self.attempts: list[str] = []

    def check(self, what: str, host: object) -> None:
        if host not in self.allowed:
            self.attempts.append(f"{what} {host!r}")
            raise OSError(f"network access to {host!r} blocked by the test")


@pytest.fixture(autouse=True)
def network(monkeypatch) -> NetworkGuard:
    guard = NetworkGuard()
    real_connect, real_connect_ex = socket.socket.connect, socket.socket.connect_ex
    real_getaddrinfo, real_gethostbyname = socket.getaddrinfo, socket.gethostbyname

    def connect(sock, address):
        if sock.family != socket.AF_UNIX:
            guard.check("connect", address[0])
        return real_connect(sock, address)

    def connect_ex(sock, address):
        if sock.family != socket.AF_UNIX:
            guard.check("connect_ex", address[0])
        return real_connect_ex(sock, address)

    def getaddrinfo(host, *args, **kwargs):
        guard.check("getaddrinfo", host.decode() if isinstance(host, bytes) else host)
        return real_getaddrinfo(host, *args, **kwargs)

    def gethostbyname(host):
        guard.check("gethostbyname", host)
        return real_gethostbyname(host)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    monkeypatch.setattr(socket, "gethostbyname", gethostbyname)
    yield guard
    assert not guard.attempts, f"network access outside 127.0.0.1: {guard.attempts}"


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch, tmp_path):
    """No LanguageTool configured, and an empty home (language_tool_python's default folder)."""
    monkeypatch.delenv("LANGUAGETOOL_URL", raising=False)
    monkeypatch.delenv("LTP_PATH", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))


@pytest.fixture
def standin():
    with LanguageToolStandIn() as server:
        yield server


def _distribution(root: Path, *versions: str) -> Path:
    for version in versions:
        (root / f"LanguageTool-{version}").mkdir(parents=True)
        (root / f"LanguageTool-{version}" / "languagetool-server.jar").write_bytes(b"")
    return root


def _bin_with_java(folder: Path, script: str = "#!/bin/sh\necho 'openjdk version \"17.0.2\"' >&2\n") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    java = folder / "java"
    java.write_text(script)
    java.chmod(java.stat().st_mode | stat.S_IXUSR)
    return folder


# --- where LanguageTool comes from ----------------------------------------------------------------


def test_remote_source_from_the_argument(standin, tmp_path):
    environ = {"LANGUAGETOOL_URL": "http://127.0.0.1:9/", "LTP_PATH": str(_distribution(tmp_path, "6.4"))}

    source = find_languagetool(standin.url, environ=environ)

    assert (source.kind, source.url) == ("remote", standin.url)
    assert standin.count("/v2/languages") == 1  # asked whether it is a LanguageTool server


def test_remote_source_from_the_environment(standin, tmp_path):
    environ = {"LANGUAGETOOL_URL": standin.url + "v2/", "LTP_PATH": str(_distribution(tmp_path, "6.4")), "PATH": ""}

    source = find_languagetool(environ=environ)

    assert (source.kind, source.url) == ("remote", standin.url)  # "/v2/" dropped: the library adds it


def test_local_distribution_with_java(tmp_path):
    folder = _distribution(tmp_path / "lt", "6.2", "6.4")
    (folder / "LanguageTool-6.5-SNAPSHOT").mkdir()  # a name language_tool_python would not accept
    (folder / "LanguageTool-6.9").mkdir()  # no jar
    environ = {"LTP_PATH": str(folder), "PATH": str(_bin_with_java(tmp_path / "bin"))}

    source = find_languagetool(environ=environ)

    assert (source.kind, source.path, source.version) == ("local", folder, "6.4")


def test_local_distribution_without_java(tmp_path):
    folder = _distribution(tmp_path / "lt", "6.4")
    (tmp_path / "bin").mkdir()

    with pytest.raises(QAUnavailable) as raised:
        find_languagetool(environ={"LTP_PATH": str(folder), "PATH": str(tmp_path / "bin")})

    assert "LanguageTool 6.4" in str(raised.value) and "java" in str(raised.value)


def test_nothing_available_says_how_to_provide_it(tmp_path):
    (tmp_path / "empty").mkdir()
    environ = {"LTP_PATH": str(tmp_path / "empty"), "PATH": str(_bin_with_java(tmp_path / "bin"))}

    with pytest.raises(QAUnavailable) as raised:
        find_languagetool(environ=environ)

    message = str(raised.value)
    assert message == f"LanguageTool is not available: {HOW_TO_PROVIDE}"
    assert "\n" not in message
    for hint in ("LANGUAGETOOL_URL", "--languagetool", "LTP_PATH", "java", "translator languagetool install"):
        assert hint in message


def test_download_only_when_allowed(tmp_path):
    environ = {"PATH": str(_bin_with_java(tmp_path / "bin"))}  # LTP_PATH unset: the library's folder

    source = find_languagetool(allow_download=True, environ=environ)

    assert source.kind == "download"
    assert source.path == tmp_path / "home" / ".cache" / "language_tool_python"
    assert not source.path.exists()  # decided, nothing done
    with pytest.raises(QAUnavailable, match="java"):
        find_languagetool(allow_download=True, environ={"PATH": str(tmp_path)})


def test_a_server_that_is_down_is_named():
    with LanguageToolStandIn() as server:
        url = server.url

    with pytest.raises(QAUnavailable) as raised:
        find_languagetool(url)

    assert url in str(raised.value) and "does not answer" in str(raised.value)
    assert "\n" not in str(raised.value)


# --- checking -----------------------------------------------------------------------------------


ARTICLE = "Titre\n\nIl a recu le le rapport.\nMinsk, le 3 mai.\n"


def test_findings_through_the_real_client(standin):
    with QAChecker(find_languagetool(standin.url)) as qa:
        findings = qa.check(ARTICLE, "fr")

    document = Document.parse(ARTICLE)
    assert [(*document.line_column(f.start), f.rule_id, f.original) for f in findings] == [
        (3, 6, "FR_SPELLING_RULE", "recu"),
        (3, 11, "FRENCH_WORD_REPEAT_RULE", "le le"),
    ]
    spelling, repeat = findings
    assert spelling.suggestions == ("reçu", "recul", "recru", "rectum", "reclus")  # at most five
    assert (spelling.start, spelling.end - spelling.start, spelling.category) == (ARTICLE.index("recu"), 4, "TYPOS")
    assert repeat.suggestions == ("le",) and repeat.message.startswith("Faute de frappe")
    for finding in findings:  # QA's diagnostics: on the cleaned French, nothing replaced
        assert (finding.source, finding.level, finding.located_in) == (Source.QA, Level.WARNING, Located.CLEANED)
        assert (finding.paragraph, finding.sentence, finding.action, finding.replacement) == (1, 0, None, None)
    assert standin.checks()[-1] == {"language": "fr", "text": ARTICLE}  # form-encoded POST, as LanguageTool takes it
    report = ArticleReport("a.txt", ARTICLE, qa={Located.CLEANED: QACheck("fr")}, qa_findings=tuple(findings))
    assert json.loads(json.dumps(report.diagnostic_dict(spelling))) == {
        "source": "qa", "rule_id": "FR_SPELLING_RULE", "level": "warning", "message": "Possible spelling mistake found.",
        "located_in": "cleaned", "line": 3, "column": 6, "start": ARTICLE.index("recu"), "end": ARTICLE.index("recu") + 4,
        "paragraph": 1, "sentence": 0, "original": "recu", "replacement": None, "category": "TYPOS",
        "suggestions": ["reçu", "recul", "recru", "rectum", "reclus"],
    }
    assert finding_line(report, repeat) == (
        "a.txt (cleaned):3:11: warning FRENCH_WORD_REPEAT_RULE: Faute de frappe possible : un mot est répété [suggestions: le]"
    )


def test_english_uses_a_variant_with_spelling_and_offsets_survive_emoji(standin):
    text = "Wow 🎉🎉\r\nI saw teh the the cat."
    with QAChecker(find_languagetool(standin.url)) as qa:
        findings = qa.check(text, "en")

    assert standin.checks()[-1]["language"] == "en-US"  # plain "en" has no spell checker in LanguageTool
    document = Document.parse(text)
    assert [(*document.line_column(f.start), f.original, f.suggestions[:2]) for f in findings] == [
        (2, 7, "teh", ("the", "ten")),
        (2, 11, "the the", ("the",)),
    ]
    assert findings[0].start == text.index("teh")
    assert {f.located_in for f in findings} == {Located.TRANSLATION}  # English: the translation, unless told


def test_known_words_are_not_reported_as_misspellings(standin):
    known = known_words_from(load_glossaries(), load_rules())
    assert {"Loukachenko", "Biélorussie", "Belarus", "Poutine", "passionné"} <= known  # glossary and rule word lists
    text = "Alexandre Loukachenko a reçu Vladimir Poutine en Biélorussie.\nL’OTAN a recu le message."

    with QAChecker(find_languagetool(standin.url), known_words=known) as qa:
        findings = qa.check(text, "fr")

    assert [f.original for f in findings] == ["recu"]


def test_known_words_ignore_first_letter_case_and_apostrophe_style():
    qa = QAChecker(LanguageToolSource("remote", url="http://127.0.0.1:9/"), known_words=["loukachenko", "Côte d'Ivoire", "Vladimir Poutine"])

    assert qa._is_known("Loukachenko")
    assert qa._is_known("côte d’Ivoire")
    assert qa._is_known("Poutine")  # a word of a known name
    assert qa._is_known("d’Loukachenko")  # after an elided article
    assert qa._is_known("LOUKACHENKO")  # issue 10: a name in capitals is still the name
    assert not qa._is_known("recu")


def test_hyphenated_names_and_names_in_capitals_are_not_misspellings(standin, tmp_path):
    glossary = tmp_path / "names.tsv"
    glossary.write_text("Abdel Fattah al-Sissi\tAbdel Fattah el-Sisi\nBachar el-Assad\tBashar al-Assad\nLoukachenko\tLukashenko\n",
                        encoding="utf-8")
    known = known_words_from(load_glossaries([glossary], builtin=False), load_rules())
    text = "Le maréchal al-Sissi a reçu Bachar el-Assad.\nLOUKACHENKO A RECU LE MESSAGE.\nIl a recu loukachenko et otan.\n"

    with QAChecker(find_languagetool(standin.url), known_words=known) as qa:
        findings = qa.check(text, "fr")

    assert [f.original for f in findings] == ["recu"]  # al-Sissi, el-Assad and LOUKACHENKO are known


def test_only_words_in_capitals_are_compared_ignoring_case():
    qa = QAChecker(LanguageToolSource("remote", url="http://127.0.0.1:9/"), known_words=["OTAN", "Jean-Marie Le Pen", "al-Sissi"])

    assert qa._is_known("L’OTAN") and qa._is_known("PEN") and qa._is_known("JEAN-MARIE") and qa._is_known("Sissi")
    assert qa._is_known("AL-SISSI") and qa._is_known("Jean-Marie") and qa._is_known("Marie")
    assert not qa._is_known("otan")  # a lower-case word is not the name
    assert not qa._is_known("OTANS") and not qa._is_known("le-pen")


def test_a_broken_language_is_reported_once_without_traceback(standin):
    with QAChecker(find_languagetool(standin.url)) as qa:
        errors = []
        for _ in range(3):
            with pytest.raises(QAUnavailable) as raised:
                qa.check("Das ist ein Test.", "de-DE")
            errors.append(str(raised.value))
        assert qa.check(ARTICLE, "fr")  # the other languages still work

    assert len(set(errors)) == 1
    # LanguageTool's own words (and its guesses at the language) are quoted as its answer
    assert errors[0] == (f"LanguageTool server {standin.url} cannot check de-DE; LanguageTool answered: "
                         "Error: Internal Error: java.lang.RuntimeException: Could not activate rules for de-DE")
    assert len(standin.checks("de-DE")) == 1  # probed once


def test_a_language_the_server_does_not_offer(standin):
    with QAChecker(find_languagetool(standin.url)) as qa:
        with pytest.raises(QAUnavailable, match="does not offer language 'es'"):
            qa.check("Hola.", "es")
        with pytest.raises(QAUnavailable, match="does not offer language 'es'"):
            qa.check("Hola.", "es")

    assert standin.checks("es") == []


def test_one_languagetool_for_several_documents(standin, monkeypatch):
    import language_tool_python

    constructed = []
    real_init = language_tool_python.LanguageTool.__init__

    def counting_init(self, *args, **kwargs):
        constructed.append(kwargs)
        real_init(self, *args, **kwargs)

    monkeypatch.setattr(language_tool_python.LanguageTool, "__init__", counting_init)
    documents = [ARTICLE, "Il a recu la lettre.", "Rien à signaler."]

    with QAChecker(find_languagetool(standin.url)) as qa:
        results = [qa.check(document, "fr") for document in documents]
        languages_asked = standin.count("/v2/languages")
        results += [qa.check(document, "fr") for document in documents]
        assert standin.count("/v2/languages") == languages_asked  # no re-opening, no re-probing

    assert len(constructed) == 1
    assert [len(r) for r in results] == [2, 1, 0] * 2
    assert len(standin.checks("fr")) == 1 + 6  # one probe, then one request per document


def test_a_server_that_dies_during_the_run(standin):
    with QAChecker(find_languagetool(standin.url)) as qa:
        qa.check(ARTICLE, "fr")
        standin.__exit__(None, None, None)
        with pytest.raises(QAUnavailable) as raised:
            qa.check(ARTICLE, "fr")
        with pytest.raises(QAUnavailable) as again:  # said once: the same reason, for any language
            qa.check("I saw it.", "en")

    assert standin.url in str(raised.value) and "\n" not in str(raised.value)
    assert "stopped answering (" in str(raised.value) and str(again.value) == str(raised.value)


@pytest.mark.parametrize("fault", ["check-empty", "check-500-json", "check-bad-match"])
def test_an_answer_of_another_shape_is_said_once_and_the_server_left_alone(fault):
    with LanguageToolStandIn(fault=fault) as server:
        with QAChecker(LanguageToolSource("remote", url=server.url)) as qa:
            with pytest.raises(QAUnavailable) as raised:
                qa.check(ARTICLE, "fr")
            asked = len(server.requests)
            with pytest.raises(QAUnavailable) as again:
                qa.check("I saw it.", "en")
        assert len(server.requests) == asked  # not asked again

    message = str(raised.value)
    assert message.startswith("LanguageTool answered something unexpected (") and server.url in message
    assert "\n" not in message and str(again.value) == message


def test_a_server_that_answers_garbage_before_any_check_cannot_be_used():
    with LanguageToolStandIn(fault="languages-numbers") as server:
        with pytest.raises(QAUnavailable, match="^LanguageTool answered something unexpected"):
            QAChecker(LanguageToolSource("remote", url=server.url)).__enter__()


def test_a_check_that_never_comes_has_a_deadline_and_is_not_asked_again():
    with LanguageToolStandIn(fault="check-hang") as server:
        with QAChecker(LanguageToolSource("remote", url=server.url), deadline=1) as qa:
            started = time.monotonic()
            with pytest.raises(QAUnavailable) as raised:
                qa.check(ARTICLE, "fr")  # the probe of French is the request that hangs
            elapsed = time.monotonic() - started
            with pytest.raises(QAUnavailable) as again:
                qa.check(ARTICLE, "fr")
        assert len(server.checks()) == 1

    assert elapsed < 3 and str(again.value) == str(raised.value)
    assert str(raised.value) == f"LanguageTool server {server.url} stopped answering (no answer within 1 s): restart it and check again"


def test_a_server_that_drips_its_answer_has_a_deadline():
    with LanguageToolStandIn(fault="drip") as server:  # one byte every 0.2 s: never trips a per-read timeout
        started = time.monotonic()
        with pytest.raises(QAUnavailable, match="no answer within 1 s"):
            QAChecker(LanguageToolSource("remote", url=server.url), deadline=1).__enter__()
        assert time.monotonic() - started < 3


def test_a_server_that_drips_its_languages_is_refused_in_seconds():
    with LanguageToolStandIn(fault="drip") as server:
        started = time.monotonic()
        with pytest.raises(QAUnavailable, match="does not answer \\(no answer within 10 s\\)"):
            find_languagetool(server.url)
        assert time.monotonic() - started < 15


FAKE_JAVA = """#!{python}
# A fake `java`: `-version` answers like OpenJDK 17; the server command runs the stand-in.
import os, sys
if "-version" in sys.argv:
    sys.stderr.write('openjdk version "17.0.2" 2022-01-18\\n')
    sys.exit(0)
with open(os.environ["FAKE_JAVA_LOG"], "a") as log:
    log.write(" ".join(sys.argv[1:]) + "\\n")
sys.path.insert(0, {root!r})
from tests.support.languagetool_standin import main
main(["-p", sys.argv[sys.argv.index("-p") + 1]])
"""


def test_a_local_server_is_started_once_and_stopped_at_exit(tmp_path, monkeypatch):
    folder = _distribution(tmp_path / "lt", "6.4")
    fake_bin = _bin_with_java(tmp_path / "bin", FAKE_JAVA.format(python=sys.executable, root=str(ROOT)))
    log = tmp_path / "java.log"
    monkeypatch.setenv("PATH", f"{fake_bin}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("FAKE_JAVA_LOG", str(log))
    source = find_languagetool(environ={**os.environ, "LTP_PATH": str(folder)})
    assert (source.kind, source.version) == ("local", "6.4")

    with QAChecker(source) as qa:
        assert os.environ["LTP_PATH"] == str(folder)  # language_tool_python reads it from the process
        assert [len(qa.check(document, "fr")) for document in (ARTICLE, ARTICLE, "Rien.")] == [2, 2, 0]
        server = psutil.Process().children()

    [started] = log.read_text().splitlines()  # once, with the version found: nothing downloaded
    assert f"-cp {folder / 'LanguageTool-6.4' / 'languagetool-server.jar'} org.languagetool.server.HTTPServer -p" in started
    assert len(server) == 1 and not server[0].is_running()
    assert "LTP_PATH" not in os.environ


def test_skipped_qa_for_reports():
    report = ArticleReport("a.txt", "Texte.", qa={Located.CLEANED: QACheck("fr", "LanguageTool is not available")})
    assert json.dumps(report.to_dict()["qa"]) == '{"cleaned": {"language": "fr", "status": "skipped", "reason": "LanguageTool is not available"}}'


def test_the_command_line_does_not_import_language_tool_python():
    code = "import sys, translator.cli, translator.qa.checker, translator.qa.languagetool; print(sorted(m for m in sys.modules if m.startswith(('language_tool', 'requests'))))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


REAL_SERVER_CHECKS = {  # language → (text, what a real LanguageTool must find in it)
    "fr": ("Alexandre Loukachenko a reçu le le rapport en Biélorussie.", lambda found: (
        any(f.original.lower() == "le le" for f in found) and not any(f.original in ("Loukachenko", "Biélorussie") for f in found))),
    "en": ("Lukashenko received teh report in Belarus.", lambda found: any(f.original == "teh" and "the" in f.suggestions for f in found)),
}


@pytest.mark.skipif(not REAL_SERVER, reason="set LANGUAGETOOL_URL to a running LanguageTool server to check against it")
@pytest.mark.parametrize("lang", REAL_SERVER_CHECKS)
def test_real_server(network, lang):
    network.allowed.add(urlsplit(REAL_SERVER if "://" in REAL_SERVER else f"http://{REAL_SERVER}").hostname)
    known = known_words_from(load_glossaries(), load_rules())
    text, expected = REAL_SERVER_CHECKS[lang]

    with QAChecker(find_languagetool(REAL_SERVER), known_words=known) as qa:
        try:
            found = qa.check(text, lang)
        except QAUnavailable as problem:
            if "does not offer language" not in str(problem):
                raise
            pytest.skip(f"{REAL_SERVER} does not offer {lang}: {problem}")

    assert expected(found), found


def test_the_real_server_test_skips_the_languages_a_server_lacks(tmp_path):
    """The test above, run against a stand-in server with French only: French passes, English is skipped."""
    with LanguageToolStandIn(languages=["fr"]) as server:
        result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-n", "0", "-rs",
                                 f"{Path(__file__)}::test_real_server"], capture_output=True, text=True, cwd=ROOT, timeout=120,
                                env={**os.environ, "LANGUAGETOOL_URL": server.url})

    assert "1 passed, 1 skipped" in result.stdout, result.stdout
    assert f"{server.url} does not offer en" in result.stdout
