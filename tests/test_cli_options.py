"""Every command that cleans takes the same rule options, every command that translates
or checks grammar the same glossary options, merged over the settings file the same way."""

from __future__ import annotations

import json
import os

import pytest
import typer.main

from translator.cli import app

from .conftest import SEED, run_cli

TIMESTAMP = "2024-05-24 03:01"  # the trailing timestamp: fr.trailing-timestamp moves it to the metadata
RULE_OPTIONS = {"--rules", "--disable", "--no-builtin-rules", "--lang"}
GLOSSARY_OPTIONS = {"--glossary", "--no-builtin-glossary"}


def _options(*path: str) -> set[str]:
    command = typer.main.get_command(app)
    for name in path:
        command = command.commands[name]
    return {option for parameter in command.params for option in parameter.opts}


@pytest.mark.parametrize("command", [("clean",), ("translate",), ("review",), ("run",), ("rules", "list")])
def test_every_command_that_cleans_or_lists_rules_takes_the_rule_options(command):
    assert RULE_OPTIONS <= _options(*command)


@pytest.mark.parametrize("command", ["clean", "translate", "review", "run", "check"])
def test_every_command_that_translates_or_checks_grammar_takes_the_glossary_options(command):
    assert GLOSSARY_OPTIONS <= _options(command)


def test_run_and_review_honour_disable_on_the_command_line(tmp_path):
    out = tmp_path / "out"
    assert run_cli("run", str(SEED), "-o", str(out), "--disable", "fr.trailing-timestamp").returncode == 0
    assert TIMESTAMP in (out / "poutine-bielorussie.clean.fr.txt").read_text(encoding="utf-8")
    report = json.loads((out / "poutine-bielorussie.report.json").read_text(encoding="utf-8"))
    assert "fr.trailing-timestamp" not in {f["rule_id"] for f in report["findings"]}

    page = run_cli("review", str(SEED), "--disable", "fr.trailing-timestamp").stdout.decode()
    assert "fr.trailing-timestamp" not in page and "fr.duplicate-headline" in page


def test_the_command_line_adds_to_the_settings_file(tmp_path):
    (tmp_path / "translator.toml").write_text('disable = ["fr.duplicate-headline"]\n', encoding="utf-8")
    result = run_cli("clean", "--format", "json", "--disable", "fr.trailing-timestamp", str(SEED), cwd=tmp_path)
    rules = {f["rule_id"] for f in json.loads(result.stdout)["findings"]}
    assert not rules & {"fr.duplicate-headline", "fr.trailing-timestamp"} and "fr.first-person-framing" in rules
    (tmp_path / "translator.toml").unlink()
    own_rules = tmp_path / "mine"
    own_rules.mkdir()
    listed = run_cli("rules", "list", "--no-builtin-rules", "--rules", str(own_rules), cwd=tmp_path)
    assert listed.returncode == 0 and listed.stdout.decode().splitlines()[1:] == []


def test_translate_clean_honours_the_rule_options(installed):
    result = installed.run("translate", "--to", "en", "--clean", "--disable", "fr.trailing-timestamp", "--format", "json", str(SEED))
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert TIMESTAMP in report["clean"]["text"]
    assert "fr.duplicate-headline" in {f["rule_id"] for f in report["findings"]}


def test_a_settings_file_owned_by_someone_else_is_refused_and_the_one_in_force_is_named(tmp_path):
    settings = tmp_path / "translator.toml"
    settings.write_text('disable = ["fr.pull-quote"]\n', encoding="utf-8")
    report = json.loads(run_cli("clean", "--format", "json", str(SEED), cwd=tmp_path).stdout)
    assert report["settings"] == str(settings)
    if os.getuid() == 0:  # only root can hand the file to another user
        os.chown(settings, 65534, 65534)
        result = run_cli("clean", str(SEED), cwd=tmp_path)
        assert result.returncode == 2 and "owned by another user" in result.stderr.decode() and result.stdout == b""
