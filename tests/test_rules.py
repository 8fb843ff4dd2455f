"""Rules are data: validated on load, and each rule's own examples run as tests."""

import textwrap

import pytest

from translator import load_rules
from translator.clean.examples import check_rule_examples
from translator.clean.rules import RuleSet

from .conftest import ROOT, SEED, run_cli

BUILTIN = load_rules()


@pytest.mark.parametrize("rule", BUILTIN.rules, ids=[r.id for r in BUILTIN.rules])
def test_builtin_rule_passes_its_own_examples(rule):
    assert check_rule_examples(RuleSet([rule])) == []


@pytest.mark.parametrize("rule", BUILTIN.rules, ids=[r.id for r in BUILTIN.rules])
def test_builtin_rule_has_examples_and_counterexamples(rule):
    assert rule.spec.examples and rule.spec.counterexamples
    assert rule.spec.description and rule.spec.message


def test_the_eight_artefact_families_are_covered():
    assert {
        "fr.duplicate-headline", "fr.persona-intro", "fr.first-person-framing", "fr.persona-framing",
        "fr.colon-framing", "fr.first-person-narration", "fr.pull-quote", "fr.trailing-timestamp",
    } <= {r.id for r in BUILTIN}


def test_rules_test_command_passes_on_builtin_rules():
    result = run_cli("rules", "test")
    assert result.returncode == 0, result.stdout
    assert b"0 failed" in result.stdout


def test_rules_list_shows_id_level_action_and_file():
    lines = run_cli("rules", "list").stdout.decode().splitlines()
    row = next(line for line in lines if line.startswith("fr.persona-intro "))
    assert row.split()[1:4] == ["error", "delete-paragraph", "paragraph"]
    assert row.endswith("rules/fr/persona.yaml")


VALID_RULE = """\
    rules:
      - id: my.lire-aussi
        description: A "Lire aussi" link left in the body.
        level: error
        scope: paragraph
        pattern: ^Lire\\s+aussi\\b
        action: delete-paragraph
        message: Link residue removed
        examples:
          - text: "Le texte.\\n\\nLire aussi : la suite"
            fix: "Le texte.\\n"
        counterexamples:
          - "Il faut lire aussi la suite."
"""


def write_rules(folder, body):
    folder.mkdir(exist_ok=True)
    path = folder / "mine.yaml"
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


def test_user_rules_folder_adds_rules_and_they_run(tmp_path):
    write_rules(tmp_path / "rules", VALID_RULE)
    article = tmp_path / "a.txt"
    article.write_text("Titre\n\nLe texte.\n\nLire aussi : la suite\n", encoding="utf-8")
    result = run_cli("clean", str(article), "--rules", str(tmp_path / "rules"))
    assert result.returncode == 0, result.stderr
    assert result.stdout == "Titre\n\nLe texte.\n".encode()
    assert run_cli("rules", "test", str(tmp_path / "rules")).returncode == 0


def test_no_builtin_rules_runs_only_the_users(tmp_path):
    write_rules(tmp_path / "rules", VALID_RULE)
    result = run_cli("clean", str(SEED), "--no-builtin-rules", "--rules", str(tmp_path / "rules"))
    assert result.stdout == SEED.read_bytes()


def test_disable_switches_a_rule_off():
    result = run_cli("clean", str(SEED), "--disable", "fr.trailing-timestamp")
    assert result.stdout.decode().endswith("2024-05-24 03:01")
    unknown = run_cli("clean", str(SEED), "--disable", "fr.nope")
    assert unknown.returncode == 2
    assert b"fr.nope" in unknown.stderr


def test_a_failing_example_fails_rules_test(tmp_path):
    write_rules(tmp_path / "rules", VALID_RULE.replace('fix: "Le texte.\\n"', 'fix: "Autre chose"'))
    result = run_cli("rules", "test", str(tmp_path / "rules"))
    assert result.returncode == 1
    assert b"FAIL my.lire-aussi: example #1" in result.stdout


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (("action: delete-paragraph", "action: delete-paragraph\n        colour: red"), "rule 'my.lire-aussi': field 'colour': unknown field"),
        (("pattern: ^Lire\\s+aussi\\b", "pattern: ^Lire(aussi"), "rule 'my.lire-aussi': field 'pattern': bad regular expression"),
        (("- id: my.lire-aussi\n        description", "- description"), "rule #1: field 'id': missing"),
        (("level: error", "level: fatal"), "field 'level'"),
        (("pattern: ^Lire\\s+aussi\\b", "pattern: ^{{nowhere}}"), "unknown word list or fragment '{{nowhere}}'"),
        (("action: delete-paragraph", "action: strip-prefix"), "'strip-prefix' does not apply to scope 'paragraph'"),
        (("        counterexamples:\n          - \"Il faut lire aussi la suite.\"\n", ""), "field 'counterexamples': missing"),
        (("rules:", "rules: ["), "broken YAML"),
    ],
    ids=["unknown-field", "bad-regex", "missing-id", "bad-level", "unknown-vocabulary", "action-scope", "no-counterexample", "broken-yaml"],
)
def test_bad_rule_file_is_one_line_naming_file_rule_and_field_exit_2(tmp_path, change, expected):
    path = write_rules(tmp_path / "rules", VALID_RULE.replace(*change))
    result = run_cli("clean", str(SEED), "--rules", str(tmp_path / "rules"))
    assert result.returncode == 2
    message = result.stderr.decode()
    assert message.count("\n") == 1 and "Traceback" not in message
    assert message.startswith(f"error: {path}")
    assert expected in message
    assert result.stdout == b""


def test_duplicate_rule_id_is_an_error(tmp_path):
    write_rules(tmp_path / "rules", VALID_RULE.replace("my.lire-aussi", "fr.persona-intro"))
    result = run_cli("clean", str(SEED), "--rules", str(tmp_path / "rules"))
    assert result.returncode == 2
    assert b"fr.persona-intro" in result.stderr and b"already used" in result.stderr


def test_word_lists_match_either_apostrophe(tmp_path):
    write_rules(
        tmp_path / "rules",
        VALID_RULE.replace("    rules:", "    words:\n      link: [Lire aussi, Voir l’article]\n    rules:").replace(
            "pattern: ^Lire\\s+aussi\\b", "pattern: ^{{link}}"
        ),
    )
    rules = load_rules([tmp_path / "rules"], builtin=False)
    assert rules.get("my.lire-aussi").regex.match("Voir l'article : la suite")


def test_the_rule_example_in_the_readme_is_valid_and_passes(tmp_path):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("```yaml\n", 1)[1].split("```", 1)[0]
    (tmp_path / "readme.yaml").write_text(block, encoding="utf-8")
    result = run_cli("rules", "test", str(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
