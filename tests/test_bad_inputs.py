"""Bad input and faults, one row each: what the user gives, the exit code, how the one
error line starts, and the files that must stay as they were (and no output appears).

A row's ``files`` are written into a fresh folder, the command runs there with its own
home (no settings, no model, no network); ``{tmp}`` in an argument is that folder.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

import pytest

from .conftest import SEED, run_cli

ARTICLE = SEED.read_bytes()
DECISIONS = b'{"schema": "translator-decisions/1",\n "decisions": {\n  "fr.persona-intro:90c9ebe19299": "rejected"\n },\n "edits": []}\n'
RULE = b"rules:\n  - id: my.rule\n    description: d\n    level: info\n    scope: paragraph\n    action: flag\n    pattern: x\n    message: m\n"


@dataclass(frozen=True)
class Row:
    id: str
    args: tuple[str, ...]
    code: int
    message: str  # the start of the one line on stderr, after "error: "
    files: dict[str, bytes] = field(default_factory=lambda: {"a.txt": ARTICLE})


ROWS = [
    Row("missing file", ("clean", "missing.txt"), 2, "missing.txt: file not found"),
    Row("folder without -o", ("clean", "in"), 2, "several inputs or a folder need -o", {"in/a.txt": ARTICLE, "in/b.txt": ARTICLE}),
    Row("empty folder", ("clean", "in", "-o", "out"), 2, "in: directory holds no article file (.txt", {"in/.keep": b""}),
    Row("undecodable", ("clean", "a.txt"), 2, "a.txt: cannot decode as utf-8", {"a.txt": "Titre\n\nÉté.\n".encode("latin-1")}),
    Row("binary", ("clean", "a.txt"), 2, "a.txt: looks like a binary file", {"a.txt": b"\x89PNG\r\n\x1a\n\x00\x00"}),
    Row("a NUL far into the file", ("clean", "a.txt"), 2, "a.txt: looks like a binary file", {"a.txt": ARTICLE * 4 + b"\x00"}),
    Row("unknown encoding", ("clean", "--encoding", "nope", "a.txt"), 2, "unknown encoding 'nope'"),
    Row("an encoding that is not a text encoding", ("clean", "--encoding", "rot13", "a.txt"), 2, "'rot13' in --encoding is not a text encoding"),
    Row("broken rule YAML", ("clean", "--rules", "r.yaml", "a.txt"), 2, "r.yaml: line 2, column 1: broken YAML",
        {"a.txt": ARTICLE, "r.yaml": b"rules: [\n"}),
    Row("unknown rule field", ("clean", "--rules", "r.yaml", "a.txt"), 2, "r.yaml:9: rule 'my.rule': field 'bogus': unknown field",
        {"a.txt": ARTICLE, "r.yaml": RULE + b"    bogus: 1\n"}),
    Row("a rule file key that is not text", ("clean", "--rules", "r.yaml", "a.txt"), 2, "r.yaml:1: unknown top-level field '1'",
        {"a.txt": ARTICLE, "r.yaml": b"1: x\n" + RULE}),
    Row("unknown rule id", ("clean", "--disable", "fr.nope", "a.txt"), 2, "unknown rule id 'fr.nope'"),
    Row("broken settings", ("clean", "a.txt"), 2, "{tmp}/translator.toml: broken TOML", {"a.txt": ARTICLE, "translator.toml": b"rules = [\n"}),
    Row("a wrong settings value", ("clean", "a.txt"), 2, "{tmp}/translator.toml: 'fail-level': one of",
        {"a.txt": ARTICLE, "translator.toml": b'fail-level = "loud"\n'}),
    Row("-o onto the input", ("clean", "a.txt", "-o", "a.txt"), 2, "a.txt: -o would overwrite an input"),
    Row("the review page onto the article", ("review", "a.txt", "-o", "a.txt"), 2, "a.txt: -o would overwrite the article"),
    Row("--diff with -o", ("clean", "--diff", "a.txt", "-o", "b.txt"), 2, "--diff prints the changes and writes nothing"),
    Row("two inputs, one output name", ("clean", "x/a.txt", "y/a.txt", "-o", "out"), 2, "x/a.txt and y/a.txt would both be written to",
        {"x/a.txt": ARTICLE, "y/a.txt": ARTICLE}),
    Row("--in-place with stdin", ("clean", "--in-place", "-"), 2, "--in-place rewrites input files"),
    Row("no model", ("translate", "--to", "en", "a.txt"), 2, "no fr→en translation model installed"),
    Row("unsupported pair", ("translate", "--to", "xx", "a.txt"), 2, "no fr→xx translation model installed"),
    Row("a corrupt model archive", ("models", "install", "m.argosmodel"), 2, "m.argosmodel: not a valid .argosmodel",
        {"m.argosmodel": b"PK\x03\x04 truncated"}),
    Row("a glossary with one column", ("glossary", "check", "g.tsv"), 2, "g.tsv: line 1: expected two columns", {"g.tsv": b"Poutine\n"}),
    Row("a glossary for another pair", ("glossary", "check", "g.csv"), 2, "g.csv: line 1: the language columns are de, en",
        {"g.csv": b"de,en\nHallo,Hello\n"}),
    Row("a glossary form that could never match", ("glossary", "check", "g.tsv"), 2, "g.tsv: line 1: the form '(ONU)'",
        {"g.tsv": b"(ONU)\tUN\n"}),
    Row("a broken glossary YAML", ("glossary", "check", "g.yaml"), 2, "g.yaml: line", {"g.yaml": b"entries: [\n"}),
    Row("a LanguageTool that is nowhere", ("check", "a.txt"), 2, ""),
    Row("broken decisions JSON", ("apply", "a.txt", "--decisions", "d.json"), 2, "d.json:4: broken JSON: Expecting property name",
        {"a.txt": ARTICLE, "d.json": DECISIONS.replace(b'"rejected"', b'"rejected",')}),
    Row("an unknown decision", ("clean", "--decisions", "d.json", "a.txt"), 2,
        "d.json:3: field 'decisions.fr.persona-intro:90c9ebe19299': one of 'accepted', 'rejected', 'reviewed'",
        {"a.txt": ARTICLE, "d.json": DECISIONS.replace(b'"rejected"', b'"maybe"')}),
    Row("an unknown decisions field", ("apply", "a.txt", "--decisions", "d.json"), 2,
        "d.json:2: field 'decision': unknown field (allowed: schema, decisions, edits, article)",
        {"a.txt": ARTICLE, "d.json": DECISIONS.replace(b'"decisions"', b'"decision"')}),
    Row("an edit without its after", ("apply", "a.txt", "--decisions", "d.json"), 2, "d.json:6: field 'edits[0].after': missing",
        {"a.txt": ARTICLE, "d.json": DECISIONS.replace(b'"edits": []', b'"edits": [\n  {"before": "x"}]')}),
    Row("a broken decisions file beside the reviewed article", ("review", "a.txt", "-o", "page.html"), 2,
        "a.decisions.json:4: broken JSON", {"a.txt": ARTICLE, "a.decisions.json": DECISIONS.replace(b'"rejected"', b'"rejected",')}),
    Row("no decisions file beside the article", ("apply", "a.txt"), 2, "a.decisions.json: no decisions file beside the article"),
]


@pytest.mark.parametrize("row", ROWS, ids=[row.id for row in ROWS])
def test_bad_input_is_one_line_exit_code_and_nothing_touched(row, tmp_path):
    for name, data in row.files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(data)
    before = {path: path.read_bytes() for path in tmp_path.rglob("*") if path.is_file()}
    home = tmp_path.parent / f"{tmp_path.name}-home"
    env = {"HOME": str(home), "XDG_CACHE_HOME": str(home / "cache"), "XDG_CONFIG_HOME": str(home / "config"),
           "XDG_DATA_HOME": str(home / "data"), "ARGOS_PACKAGES_DIR": str(home / "packages"), "LANGUAGETOOL_URL": "",
           "LTP_PATH": str(home / "ltp"), "PATH": os.environ.get("PATH", "")}
    result = run_cli(*[arg.replace("{tmp}", str(tmp_path)) for arg in row.args], cwd=tmp_path, env=env, stdin=b"")
    message = result.stderr.decode()
    assert result.returncode == row.code, message
    assert message.startswith("error: " + row.message.replace("{tmp}", str(tmp_path))) and message.count("\n") == 1, message
    assert "Traceback" not in message
    after = {path: path.read_bytes() for path in tmp_path.rglob("*") if path.is_file()}
    assert after == before  # inputs untouched, no output written, not even half of one
