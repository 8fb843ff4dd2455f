"""A user's rule that backtracks without end is stopped and named; it never hangs the cleaner."""

import signal
import textwrap
import threading
import time

import pytest

from translator import TranslatorError, clean_text, load_rules
from translator.clean import deadline

from .conftest import run_cli

RUNAWAY = "(a+)+$"  # nested repeats: 2^n ways to fail on n a's followed by another character
ARTICLE = "Titre\n\n" + "a" * 34 + "!\n"


def rule_file(folder, *, pattern="(a+)+$", unless=None):
    folder.mkdir(exist_ok=True)
    body = f"""\
        rules:
          - id: my.redos
            description: catastrophic backtracking
            level: warning
            scope: paragraph
            action: flag
            pattern: '{pattern}'
            {f"unless: ['{unless}']" if unless else ""}
            message: m
            examples: [{{text: "Titre\\n\\naaa"}}]
            counterexamples: ["bar"]
    """
    (folder / "r.yaml").write_text(textwrap.dedent(body), encoding="utf-8")
    return folder


@pytest.mark.slow
def test_a_runaway_rule_is_one_line_naming_it_and_exit_2(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    started = time.monotonic()
    result = run_cli("clean", "--rules", str(rule_file(tmp_path / "rules")), str(tmp_path / "a.txt"), "-q")
    assert time.monotonic() - started < 30
    message = result.stderr.decode()
    assert result.returncode == 2 and message.count("\n") == 1 and "Traceback" not in message
    assert f"{tmp_path / 'rules' / 'r.yaml'}:2: rule 'my.redos': one search took over 5 s" in message
    assert "--disable my.redos" in message
    assert message.startswith(f"error: {tmp_path / 'a.txt'}: ")  # and the article it ran away on


@pytest.mark.parametrize("field", ["pattern", "unless"])
def test_a_runaway_search_is_stopped_after_the_limit(tmp_path, monkeypatch, field):
    assert threading.current_thread() is threading.main_thread()  # where signals arrive
    monkeypatch.setattr(deadline, "SEARCH_TIME_LIMIT", 0.5)
    rules = load_rules([rule_file(tmp_path, pattern="a+!" if field == "unless" else RUNAWAY,
                                  unless=RUNAWAY.replace("$", "x") if field == "unless" else None)], builtin=False)
    started = time.monotonic()
    with pytest.raises(TranslatorError, match="rule 'my.redos': one search took over 0.5 s"):
        clean_text(ARTICLE, rules, lang="fr")
    assert time.monotonic() - started < 5
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)  # the timer is put back as it was
    assert signal.getsignal(signal.SIGALRM) is signal.SIG_DFL


def test_cleaning_off_the_main_thread_still_works(tmp_path):
    rules = load_rules([rule_file(tmp_path, pattern="a+!")], builtin=False)
    results = []
    worker = threading.Thread(target=lambda: results.append(clean_text(ARTICLE, rules, lang="fr")))
    worker.start()
    worker.join()
    assert [f.rule_id for f in results[0].findings] == ["my.redos"]


def test_an_outer_timer_is_left_alone(tmp_path):
    rules = load_rules([rule_file(tmp_path, pattern="a+!")], builtin=False)
    rang = []
    previous = signal.signal(signal.SIGALRM, lambda *_: rang.append(True))
    try:
        signal.setitimer(signal.ITIMER_REAL, 30)
        clean_text(ARTICLE, rules, lang="fr")
        remaining, _ = signal.getitimer(signal.ITIMER_REAL)
        assert 0 < remaining <= 30
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    assert rang == []
