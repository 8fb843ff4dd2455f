"""What a rule maintainer relies on: errors at the YAML line, under the name at fault;
shared vocabulary; inflections from one entry; evidence and first-person guards."""

import json
import textwrap

import pytest

from translator import TranslatorError, clean_text, load_rules
from translator.clean.rules import word_forms

from .conftest import SEED, run_cli

RULE = """\
    rules:
      - id: my.rule
        description: A test rule.
        level: error
        scope: sentence
        pattern: {pattern}
        action: delete-sentence
        message: removed
        examples:
          - text: "{example}"
            fix: ""
        counterexamples:
          - "Rien à voir."
"""


def write(folder, name, body):
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(textwrap.dedent(body), encoding="utf-8")
    return folder / name


def load_error(folder) -> str:
    with pytest.raises(TranslatorError) as raised:
        load_rules([folder], builtin=False)
    return str(raised.value)


def test_a_bad_pattern_is_reported_at_its_yaml_line(tmp_path):
    path = write(tmp_path / "r", "a.yaml", RULE.format(pattern="^Lire(aussi", example="Lire aussi."))
    assert load_error(tmp_path / "r").startswith(f"{path}:6: rule 'my.rule': field 'pattern': bad regular expression")


def test_a_broken_fragment_is_reported_under_its_own_name(tmp_path):
    write(tmp_path / "r", "a.yaml", "fragments:\n  broken: (unclosed\n" + textwrap.dedent(RULE.format(pattern="x", example="x.")))
    message = load_error(tmp_path / "r")
    assert "a.yaml:2: fragment 'broken': bad regular expression" in message


def test_a_literal_space_in_a_pattern_is_an_error_not_silently_dropped(tmp_path):
    write(tmp_path / "r", "a.yaml", RULE.format(pattern="je suis ravi", example="je suis ravi."))
    message = load_error(tmp_path / "r")
    assert "field 'pattern'" in message and "literal space" in message and r"\s" in message


def test_word_lists_are_shared_by_the_files_of_a_folder(tmp_path):
    write(tmp_path / "r", "vocabulary.yaml", "words:\n  happy: [ravi(e)(s), heureu(x|se|ses)]\n")
    write(tmp_path / "r", "rules.yaml", RULE.format(pattern="^{{happy}}\\b", example="Ravies de tout."))
    rules = load_rules([tmp_path / "r"], builtin=False)
    regex = rules.get("my.rule").regex
    assert all(regex.match(word) for word in ("ravi", "ravie", "ravis", "ravies", "heureux", "heureuses"))
    assert not regex.match("heureu ")
    assert {"ravies", "heureuse"} <= rules.words


def test_a_word_list_defined_twice_in_a_folder_names_both_places(tmp_path):
    write(tmp_path / "r", "a.yaml", "words:\n  happy: [ravi]\n")
    write(tmp_path / "r", "b.yaml", "words:\n  happy: [content]\n")
    message = load_error(tmp_path / "r")
    assert "b.yaml:2: word list 'happy': already defined" in message and "a.yaml:2" in message


def test_inflections_expand_from_one_entry():
    assert word_forms("ravi(e)(s)") == ["ravi", "ravis", "ravie", "ravies"]
    assert word_forms("observat(eur|rice)") == ["observateur", "observatrice"]


def test_a_pattern_growing_past_the_cap_is_refused(tmp_path):
    nested = "fragments:\n  f0: aaaaaaaaaa\n" + "".join(f"  f{i}: '{{{{f{i - 1}}}}}{{{{f{i - 1}}}}}'\n" for i in range(1, 30))
    write(tmp_path / "r", "a.yaml", nested + textwrap.dedent(RULE.format(pattern="'{{f29}}'", example="x.")))
    assert "expands to" in load_error(tmp_path / "r")


def test_rules_show_prints_description_examples_and_expanded_pattern():
    result = run_cli("rules", "show", "fr.first-person-framing")
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode()
    assert out.startswith("fr.first-person-framing  (rules/fr/framing.yaml:")
    assert "examples:" in out and "counterexamples:" in out and "pattern (expanded," in out
    assert "{{" not in out.split("pattern (expanded,", 1)[1]


def test_rules_show_an_unknown_id_is_one_line_exit_2():
    result = run_cli("rules", "show", "fr.nope")
    assert result.returncode == 2 and result.stderr.decode().count("\n") == 1


def test_the_json_report_names_the_evidence_of_a_bot_rewrite():
    report = json.loads(run_cli("clean", "--format", "json", str(SEED)).stdout)
    assert {"fr.duplicate-headline", "fr.persona-intro"} <= set(report["clean"]["evidence"])


ARTICLE = "Le maire démissionne\n\n{}\n\nLa décision a été annoncée mardi.\n"


def test_impersonal_framing_is_stripped_only_with_evidence_of_a_bot():
    plain = ARTICLE.format("Force est de constater que la ville a perdu 2 000 habitants.")
    assert clean_text(plain).text == plain
    spun = plain.replace("La décision", "N’hésitez pas à me demander une autre version. La décision")
    cleaned = clean_text(spun)
    assert "La ville a perdu 2 000 habitants." in cleaned.text
    assert "N’hésitez" not in cleaned.text
    assert "fr.chatbot-offer" in cleaned.evidence


def test_an_article_written_in_the_first_person_keeps_its_je():
    letter = (
        "Les trottoirs de la rue Nationale\n\n"
        "J’habite la rue depuis trente ans. Je constate que les travaux durent depuis deux ans.\n\n"
        "J’ai écrit deux fois à la mairie. Je n’ai reçu aucune réponse.\n"
    )
    result = clean_text(letter)
    assert result.text == letter and result.guarded and not result.findings


def test_one_framing_in_a_third_person_article_is_stripped():
    spun = ARTICLE.format("Je constate que la ville a perdu 2 000 habitants.")
    assert clean_text(spun).text == ARTICLE.format("La ville a perdu 2 000 habitants.")
