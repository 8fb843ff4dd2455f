r"""Artefact rules as data: the YAML schema, its validation and loading.

A rule file is a YAML mapping::

    words:       {name: [word, ...]}       # word lists, used in patterns as {{name}}
    fragments:   {name: regex}             # reusable regex pieces, used as {{name}}
    rules:       [rule, ...]

Patterns are compiled in verbose mode (``re.VERBOSE``): white space is ignored, so a
long pattern can be folded over lines; write ``\s`` or ``[ ]`` for a space.

Every rule carries examples that must match (with the expected fix) and
counterexamples that must not; ``translator rules test`` runs them.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from collections.abc import Iterable, Mapping, Sequence
from enum import StrEnum
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import TranslatorError
from .files import parse_yaml, read_data_file
from .resources import builtin_data_dir


class Level(StrEnum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return ("info", "warning", "error").index(self.value)


class Scope(StrEnum):
    DOCUMENT = "document"
    HEADLINE = "headline"
    PARAGRAPH = "paragraph"
    SENTENCE = "sentence"


class Action(StrEnum):
    DELETE_PARAGRAPH = "delete-paragraph"
    DELETE_SENTENCE = "delete-sentence"
    STRIP_PREFIX = "strip-prefix"
    FLAG = "flag"
    EXTRACT_METADATA = "extract-metadata"

    @property
    def changes_text(self) -> bool:
        return self is not Action.FLAG


class Position(StrEnum):
    ANY = "any"
    TRAILING = "trailing"


ACTIONS_BY_SCOPE: dict[Scope, frozenset[Action]] = {
    Scope.DOCUMENT: frozenset({Action.FLAG}),
    Scope.HEADLINE: frozenset({Action.FLAG}),
    Scope.PARAGRAPH: frozenset({Action.DELETE_PARAGRAPH, Action.FLAG, Action.EXTRACT_METADATA}),
    Scope.SENTENCE: frozenset({Action.STRIP_PREFIX, Action.DELETE_SENTENCE, Action.FLAG}),
}

BUILTIN_FRAGMENTS: dict[str, str] = {
    "apos": "[’']",  # straight or typographic apostrophe
    "space": "[ \u00a0\u202f]",  # space, no-break space, narrow no-break space
}
_REFERENCE = re.compile(r"\{\{\s*([A-Za-z_][\w-]*)\s*\}\}")


class Example(BaseModel):
    """A text the rule must match, with the cleaned text and metadata it must give."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    text: str
    fix: str | None = None
    metadata: dict[str, str] | None = None


class RuleSpec(BaseModel):
    """One rule as written in YAML, validated."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z][a-z0-9]*(?:[.-][a-z0-9]+)*$")
    description: str = Field(min_length=1)
    level: Level
    scope: Scope
    action: Action
    message: str = Field(min_length=1)
    pattern: str | None = None
    matcher: Literal["duplicate-headline", "pull-quote"] | None = None
    similarity: float = Field(1.0, ge=0.0, le=1.0)  # duplicate-headline: likeness; pull-quote: shared words
    unless: list[str] = []
    position: Position = Position.ANY
    inside_quotes: bool = False
    case_sensitive: bool = False
    link: str | None = None
    examples: list[Example] = Field(min_length=1)
    counterexamples: list[str] = Field(min_length=1)


@dataclass(frozen=True, slots=True)
class Rule:
    """A rule ready to run: its spec, where it came from, and its compiled patterns."""

    spec: RuleSpec
    source: Path
    regex: re.Pattern[str] | None
    antipatterns: tuple[re.Pattern[str], ...]

    # The fields the matching loop reads, lifted from the spec once.
    id: str = field(init=False)
    level: Level = field(init=False)
    scope: Scope = field(init=False)
    action: Action = field(init=False)
    matcher: str | None = field(init=False)
    position: Position = field(init=False)
    inside_quotes: bool = field(init=False)

    def __post_init__(self) -> None:
        for name in ("id", "level", "scope", "action", "matcher", "position", "inside_quotes"):
            object.__setattr__(self, name, getattr(self.spec, name))


class RuleSet:
    """An ordered, immutable collection of rules with unique ids."""

    def __init__(self, rules: Iterable[Rule]) -> None:
        self.rules: tuple[Rule, ...] = tuple(rules)
        self._by_id = {rule.id: rule for rule in self.rules}

    def __iter__(self):
        return iter(self.rules)

    def __len__(self) -> int:
        return len(self.rules)

    def __contains__(self, rule_id: str) -> bool:
        return rule_id in self._by_id

    def get(self, rule_id: str) -> Rule:
        return self._by_id[rule_id]

    @property
    def fingerprint(self) -> str:
        """A hash of every rule's definition: outputs made with other rules are stale."""
        specs = [
            # the expanded patterns too: a word list or fragment may change under a rule
            [rule.spec.model_dump(mode="json"), rule.regex.pattern if rule.regex else None, [a.pattern for a in rule.antipatterns]]
            for rule in self.rules
        ]
        return hashlib.sha256(json.dumps(specs, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:16]

    def select(self, scope: Scope, *actions: Action) -> list[Rule]:
        """Rules of a scope, restricted to some actions when given, in load order."""
        return [r for r in self.rules if r.scope is scope and (not actions or r.action in actions)]

    def without(self, rule_ids: Iterable[str]) -> RuleSet:
        """This set with some rules switched off; unknown ids are an error."""
        disabled = set(rule_ids)
        unknown = sorted(disabled - self._by_id.keys())
        if unknown:
            raise TranslatorError(
                f"unknown rule id {', '.join(map(repr, unknown))} in --disable/disable: "
                "run 'translator rules list' to see the ids"
            )
        return RuleSet(rule for rule in self.rules if rule.id not in disabled)


def load_rules(
    directories: Sequence[Path] = (),
    *,
    builtin: bool = True,
    disable: Iterable[str] = (),
) -> RuleSet:
    """Load the built-in rules (unless ``builtin`` is false) and those of ``directories``."""
    roots = ([builtin_data_dir("rules")] if builtin else []) + [Path(d) for d in directories]
    rules: list[Rule] = []
    seen: dict[str, Path] = {}
    for path in (file for root in roots for file in _rule_files(root)):
        for rule in load_rule_file(path):
            if rule.id in seen:
                raise TranslatorError(
                    f"{path}: rule '{rule.id}': id already used in {seen[rule.id]}; rename one of them"
                )
            seen[rule.id] = path
            rules.append(rule)
    return RuleSet(rules).without(disable)


def _rule_files(root: Path) -> list[Path]:
    if root.is_file():
        return [root]
    if not root.is_dir():
        raise TranslatorError(f"{root}: rule directory not found; pass an existing folder to --rules")
    return sorted(p for p in root.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())


def load_rule_file(path: Path) -> list[Rule]:
    """Validate one YAML rule file; any problem is one error naming file, rule and field."""
    data = parse_yaml(path, read_data_file(path))
    if not isinstance(data, dict) or "rules" not in data:
        raise TranslatorError(f"{path}: a rule file is a mapping with a 'rules:' list")
    unknown = sorted(set(data) - {"words", "fragments", "rules"})
    if unknown:
        raise TranslatorError(f"{path}: unknown top-level field '{unknown[0]}' (allowed: words, fragments, rules)")
    words = _string_lists(path, data.get("words") or {})
    fragments = _strings(path, data.get("fragments") or {})
    if not isinstance(data["rules"], list):
        raise TranslatorError(f"{path}: 'rules' must be a list of rules")
    expander = _Expander(words, fragments)
    return [_build_rule(path, index, raw, expander) for index, raw in enumerate(data["rules"])]


def _build_rule(path: Path, index: int, raw: object, expander: _Expander) -> Rule:
    name = raw.get("id") if isinstance(raw, dict) else None
    where = f"{path}: rule '{name}'" if name else f"{path}: rule #{index + 1}"
    if not isinstance(raw, dict):
        raise TranslatorError(f"{where}: a rule is a mapping of fields")
    try:
        spec = RuleSpec.model_validate(raw)
    except ValidationError as error:
        raise TranslatorError(f"{where}: {_describe(error)}") from None
    _check_consistency(spec, where)
    flags = re.VERBOSE | (0 if spec.case_sensitive else re.IGNORECASE)
    regex = expander.compile(spec.pattern, flags, f"{where}: field 'pattern'") if spec.pattern is not None else None
    antipatterns = tuple(
        expander.compile(p, flags, f"{where}: field 'unless[{i}]'") for i, p in enumerate(spec.unless)
    )
    if spec.action is Action.EXTRACT_METADATA and not (regex and regex.groupindex):
        raise TranslatorError(f"{where}: field 'pattern': extract-metadata needs named groups, e.g. (?P<published_at>...)")
    return Rule(spec, path, regex, antipatterns)


def _check_consistency(rule: RuleSpec, where: str) -> None:
    if (rule.pattern is None) == (rule.matcher is None):
        raise TranslatorError(f"{where}: give exactly one of the fields 'pattern' and 'matcher'")
    if rule.action not in ACTIONS_BY_SCOPE[rule.scope]:
        allowed = ", ".join(sorted(ACTIONS_BY_SCOPE[rule.scope]))
        raise TranslatorError(f"{where}: field 'action': '{rule.action}' does not apply to scope '{rule.scope}' (allowed: {allowed})")
    if rule.matcher == "duplicate-headline" and (rule.scope, rule.action) != (Scope.PARAGRAPH, Action.DELETE_PARAGRAPH):
        raise TranslatorError(f"{where}: field 'matcher': duplicate-headline needs scope paragraph and action delete-paragraph")
    if rule.matcher == "pull-quote" and (rule.scope, rule.action) != (Scope.PARAGRAPH, Action.FLAG):
        raise TranslatorError(f"{where}: field 'matcher': pull-quote needs scope paragraph and action flag")
    if rule.position is Position.TRAILING and rule.scope is not Scope.PARAGRAPH:
        raise TranslatorError(f"{where}: field 'position': 'trailing' applies to scope paragraph only")
    if rule.action.changes_text:
        for number, example in enumerate(rule.examples):
            if example.fix is None:
                raise TranslatorError(f"{where}: field 'examples[{number}].fix': required, since '{rule.action}' changes the text")


def _describe(error: ValidationError) -> str:
    first = error.errors()[0]
    field = ".".join(str(part) if isinstance(part, str) else f"[{part}]" for part in first["loc"]).replace(".[", "[")
    if first["type"] == "extra_forbidden":
        allowed = ", ".join(name for name in RuleSpec.model_fields)
        message = f"unknown field (allowed: {allowed})"
    elif first["type"] == "missing":
        message = "missing"
    else:
        message = first["msg"]
    more = len(error.errors()) - 1
    return f"field '{field}': {message}" + (f" (and {more} more problem{'s' * (more > 1)})" if more else "")


def _string_lists(path: Path, value: object) -> dict[str, list[str]]:
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and isinstance(v, list) and v and all(isinstance(w, str) and w for w in v)
        for k, v in value.items()
    ):
        raise TranslatorError(f"{path}: field 'words': a mapping of names to non-empty lists of words")
    return value


def _strings(path: Path, value: object) -> dict[str, str]:
    if not isinstance(value, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
        raise TranslatorError(f"{path}: field 'fragments': a mapping of names to regular expressions")
    return value


class _Expander:
    """Expands ``{{name}}`` references to word lists and fragments, then compiles."""

    def __init__(self, words: Mapping[str, list[str]], fragments: Mapping[str, str]) -> None:
        self._words = words
        self._fragments = {**BUILTIN_FRAGMENTS, **fragments}

    def compile(self, pattern: str, flags: int, where: str) -> re.Pattern[str]:
        expanded = self._expand(pattern, where, ())
        try:
            return re.compile(expanded, flags)
        except re.error as error:
            raise TranslatorError(f"{where}: bad regular expression: {error}") from None

    def _expand(self, pattern: str, where: str, stack: tuple[str, ...]) -> str:
        def replace(reference: re.Match[str]) -> str:
            name = reference.group(1)
            if name in stack:
                raise TranslatorError(f"{where}: fragment '{name}' refers to itself")
            if name in self._words:
                alternatives = sorted(self._words[name], key=len, reverse=True)
                return "(?:" + "|".join(_word_regex(word) for word in alternatives) + ")"
            if name in self._fragments:
                return "(?:" + self._expand(self._fragments[name], where, (*stack, name)) + ")"
            raise TranslatorError(f"{where}: unknown word list or fragment '{{{{{name}}}}}' (define it under 'words:' or 'fragments:')")

        return _REFERENCE.sub(replace, pattern)


def _word_regex(word: str) -> str:
    """A listed word as a regex, matching either apostrophe."""
    return re.sub(r"[’']", lambda _: BUILTIN_FRAGMENTS["apos"], re.escape(word))
