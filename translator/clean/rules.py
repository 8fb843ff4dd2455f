r"""Artefact rules as data: the YAML schema, its validation and loading.

A rule file is a YAML mapping::

    words:       {name: [word, ...]}       # word lists, used in patterns as {{name}}
    fragments:   {name: regex}             # reusable regex pieces, used as {{name}}
    rules:       [rule, ...]

Word lists and fragments are shared by every rule file of the same folder (a
language's rules), so a file may hold only vocabulary.  A listed word matches either
apostrophe, and brackets give its inflections from one entry: ``ravi(e)(s)`` is
ravi, ravie, ravis, ravies; ``heureu(x|se|ses)`` is heureux, heureuse, heureuses.

Patterns are compiled in verbose mode (``re.VERBOSE``): white space is ignored, so a
long pattern can be folded over lines; write ``\s`` or ``[ ]`` for a space (a space
between two letters is an error, since verbose mode would silently drop it).

Every rule carries examples that must match (with the expected fix) and
counterexamples that must not; ``translator rules test`` runs them.  Every error
names the file and line, and the rule, word list or fragment at fault.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
import textwrap
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property, lru_cache
from pathlib import Path

from ..diagnostics import Level
from ..errors import TranslatorError
from ..io.files import parse_yaml_tree, read_data_file, yaml_line
from ..lang import DEFAULT_LANGUAGE, languages, profile
from ..regex_cache import cached_compile, save_compiled
from ..resources import builtin_data_dir
from ..schema import SchemaError, build
from .matchers import MATCHERS, Matcher


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
    LEADING = "leading"  # the paragraph opening the body (after the headline and its repeats)
    TRAILING = "trailing"  # the run of paragraphs (or the last sentences) ending the article


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


_RULE_ID = re.compile(r"[a-z][a-z0-9]*(?:[.-][a-z0-9]+)*")


def _non_empty(value: object) -> str | None:
    return None if value else "must not be empty"


def _known_matcher(name: str | None) -> str | None:
    return None if name is None or name in MATCHERS else f"one of {', '.join(map(repr, MATCHERS))}"


@dataclass(frozen=True)
class Example:
    """A text the rule must match, with the cleaned text and metadata it must give."""

    text: str
    fix: str | None = None
    metadata: dict[str, str] | None = None


@dataclass(frozen=True, kw_only=True)
class RuleSpec:
    """One rule as written in YAML, validated (see ``schema.build``)."""

    id: str = field(metadata={"check": lambda v: None if _RULE_ID.fullmatch(v) else "lower case words joined by '.' or '-', e.g. my.lire-aussi"})
    description: str = field(metadata={"check": _non_empty})
    level: Level
    scope: Scope
    action: Action
    message: str = field(metadata={"check": _non_empty})
    pattern: str | None = None
    matcher: str | None = field(default=None, metadata={"check": _known_matcher})  # a kind of translator.clean.matchers
    # duplicate-headline: likeness; pull-quote: shared words
    similarity: float = field(default=1.0, metadata={"check": lambda v: None if 0 <= v <= 1 else "between 0 and 1"})
    unless: list[str] = field(default_factory=list)
    # the pattern is tried only on text holding one of these (any case, white space as " "): a speed-up
    prefilter: list[str] = field(default_factory=list)
    keep_from: str | None = None  # delete-paragraph: sentences from the first one matching this stay
    evidence: bool = False  # a change by this rule shows the article is a bot's rewrite
    needs_evidence: bool = False  # runs only on articles that show such evidence
    first_person: bool = False  # reads the writer's « je »: not in first-person articles without evidence
    position: Position = Position.ANY
    inside_quotes: bool = False
    case_sensitive: bool = False
    link: str | None = None
    examples: list[Example] = field(metadata={"check": _non_empty})
    counterexamples: list[str] = field(metadata={"check": _non_empty})


@dataclass(frozen=True, slots=True)
class Rule:
    """A rule ready to run: its spec, where it came from, and its compiled patterns."""

    spec: RuleSpec
    source: Path
    regex: re.Pattern[str] | None
    antipatterns: tuple[re.Pattern[str], ...]
    keep_from: re.Pattern[str] | None = None
    line: int | None = None  # where the rule starts in its file

    # The fields the matching loop reads, lifted from the spec once.
    id: str = field(init=False)
    level: Level = field(init=False)
    scope: Scope = field(init=False)
    action: Action = field(init=False)
    matcher: str | None = field(init=False)
    kind: Matcher = field(init=False)  # what ``matcher`` names (the pattern matcher when None)
    position: Position = field(init=False)
    inside_quotes: bool = field(init=False)
    evidence: bool = field(init=False)
    needs_evidence: bool = field(init=False)
    first_person: bool = field(init=False)
    prefilter: tuple[str, ...] = field(init=False)  # casefolded

    def __post_init__(self) -> None:
        for name in ("id", "level", "scope", "action", "matcher", "position", "inside_quotes", "evidence", "needs_evidence", "first_person"):
            object.__setattr__(self, name, getattr(self.spec, name))
        object.__setattr__(self, "prefilter", tuple(word.casefold() for word in self.spec.prefilter))
        object.__setattr__(self, "kind", MATCHERS[self.spec.matcher or "pattern"])

    @property
    def where(self) -> str:
        """Its file and line, as errors name them."""
        return _where(self.source, self.line)


_AS_SPACE = "\n\r\t\u00a0\u202f(«“\""


@lru_cache(maxsize=64)
def _casefolded(text: str) -> str:
    """The text as prefilters read it: case folded, a space in front, and white space or
    an opening bracket or quotation mark read as a space (cached: every rule asks)."""
    folded = text.casefold()
    for char in _AS_SPACE:  # str.replace beats str.translate on non-ASCII text
        folded = folded.replace(char, " ")
    return " " + folded


class RuleSet:
    """An ordered, immutable collection of rules with unique ids, for articles in one language."""

    def __init__(
        self,
        rules: Iterable[Rule],
        words: Iterable[str] = (),
        cues: tuple[frozenset[str], frozenset[str]] | None = None,
        *,
        lang: str = DEFAULT_LANGUAGE,
    ) -> None:
        self.rules: tuple[Rule, ...] = tuple(rules)
        self.lang = lang  # the language of the articles these rules are for
        self.words: frozenset[str] = frozenset(words)  # every form of the rule files' word lists
        if cues is not None:  # the prefilter words known to occur in the text these rules are for
            self._cues, self._quoted_cues = cues
        self._by_id = {rule.id: rule for rule in self.rules}
        self._selected: dict[tuple, list[Rule]] = {}
        self.needs_evidence = any(rule.needs_evidence for rule in self.rules)

    def __iter__(self):
        return iter(self.rules)

    def __len__(self) -> int:
        return len(self.rules)

    def __contains__(self, rule_id: str) -> bool:
        return rule_id in self._by_id

    def get(self, rule_id: str) -> Rule:
        return self._by_id[rule_id]

    @cached_property
    def fingerprint(self) -> str:
        """A hash of every rule's definition: outputs made with other rules are stale."""
        specs = [
            # the expanded patterns too: a word list or fragment may change under a rule
            [dataclasses.asdict(rule.spec), *(p.pattern if p else None for p in (rule.regex, rule.keep_from)),
             [a.pattern for a in rule.antipatterns]]
            for rule in self.rules
        ]
        return hashlib.sha256(json.dumps(specs, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:16]

    def passing_prefilters(self, text: str, unquoted: str) -> RuleSet:
        """The rules whose prefilter ``text`` passes (``unquoted`` for the rules that skip
        quotations): every cue word of the set is looked for once, not once per rule."""
        folded, folded_quoted = _casefolded(unquoted), _casefolded(text)
        present = frozenset(cue for cue in self._cues if cue in folded)
        present_quoted = frozenset(cue for cue in self._quoted_cues if cue in folded_quoted)
        return RuleSet(
            (
                rule for rule in self.rules
                if not rule.prefilter or not (present_quoted if rule.inside_quotes else present).isdisjoint(rule.prefilter)
            ),
            self.words,
            # a part of the text (a paragraph) can only hold cues the whole holds
            (present, present_quoted),
            lang=self.lang,
        )

    @cached_property
    def _cues(self) -> frozenset[str]:
        return frozenset(cue for rule in self.rules if not rule.inside_quotes for cue in rule.prefilter)

    @cached_property
    def _quoted_cues(self) -> frozenset[str]:
        return frozenset(cue for rule in self.rules if rule.inside_quotes for cue in rule.prefilter)

    def select(self, scope: Scope, *actions: Action) -> list[Rule]:
        """Rules of a scope, restricted to some actions when given, in load order."""
        key = (scope, actions)
        if key not in self._selected:
            self._selected[key] = [r for r in self.rules if r.scope is scope and (not actions or r.action in actions)]
        return self._selected[key]

    @cached_property
    def without_evidence(self) -> RuleSet:
        """The rules that run on an article before it shows evidence of a bot's rewrite."""
        return RuleSet((rule for rule in self.rules if not rule.needs_evidence), self.words, lang=self.lang)

    def without(self, rule_ids: Iterable[str]) -> RuleSet:
        """This set with some rules switched off; unknown ids are an error."""
        disabled = set(rule_ids)
        unknown = sorted(disabled - self._by_id.keys())
        if unknown:
            raise TranslatorError(
                f"unknown rule id {', '.join(map(repr, unknown))} in --disable/disable: "
                "run 'translator rules list' to see the ids"
            )
        return RuleSet((rule for rule in self.rules if rule.id not in disabled), self.words, lang=self.lang)


def describe_rule(rule: Rule, display_path=str) -> str:
    """A rule as a maintainer reads it: origin, behaviour, examples, expanded patterns."""
    spec = rule.spec
    where = display_path(rule.source) + (f":{rule.line}" if rule.line else "")
    traits = [name for name in ("evidence", "needs_evidence", "first_person", "inside_quotes", "case_sensitive") if getattr(spec, name)]
    lines = [
        f"{spec.id}  ({where})",
        f"  {spec.level} · {spec.scope} · {spec.action}"
        + (f" · position {spec.position}" if spec.position is not Position.ANY else "")
        + (f" · {', '.join(traits)}" if traits else ""),
        "",
        *("  " + line for line in textwrap.wrap(spec.description, 86)),
        "",
        f"  message: {spec.message}",
        "",
        "  examples:",
    ]
    for example in spec.examples:
        lines.append(f"    - {example.text!r}")
        if example.fix is not None:
            lines.append(f"      -> {example.fix!r}")
    lines += ["  counterexamples:", *(f"    - {text!r}" for text in spec.counterexamples)]
    patterns = [("pattern", rule.regex), ("keep_from", rule.keep_from), *(("unless", p) for p in rule.antipatterns)]
    for name, regex in patterns:
        if regex is not None:
            lines += ["", f"  {name} (expanded, {len(regex.pattern):,} characters):", f"    {regex.pattern}"]
    if spec.matcher:
        lines += ["", f"  matcher: {spec.matcher} (similarity {spec.similarity})"]
    return "\n".join(lines)


def load_rules(
    directories: Sequence[Path] = (),
    *,
    builtin: bool = True,
    disable: Iterable[str] = (),
    lang: str = DEFAULT_LANGUAGE,
) -> RuleSet:
    """Load the rules for articles in language ``lang``: the built-in ones (unless
    ``builtin`` is false) and those of ``directories``.

    A folder named after a language with a profile (``rules/fr/``, ``my-rules/en/``,
    or a folder ``en`` given itself) holds that language's rules only; the rule files
    in no such folder apply to whichever language is loaded.
    """
    profile(lang)  # an unknown language is an error
    roots = ([builtin_data_dir("rules")] if builtin else []) + [Path(d) for d in directories]
    rules: list[Rule] = []
    words: set[str] = set()
    seen: dict[str, Path] = {}
    for root in roots:
        for folder in _rule_folders(root, lang):
            folder_rules, folder_words = load_rule_folder(folder)
            words |= folder_words
            for rule in folder_rules:
                if rule.id in seen:
                    raise TranslatorError(
                        f"{rule.where}: rule '{rule.id}': id already used in {seen[rule.id]}; "
                        "rename one of them"
                    )
                seen[rule.id] = rule.source
                rules.append(rule)
    save_compiled()
    return RuleSet(rules, words, lang=lang).without(disable)


def _rule_folders(root: Path, lang: str) -> list[list[Path]]:
    """The rule files below ``root`` for language ``lang``, grouped by folder (a folder
    shares its vocabulary)."""
    if root.is_file():
        return [[root]]
    if not root.is_dir():
        raise TranslatorError(f"{root}: rule directory not found; pass an existing folder to --rules")
    folders: dict[Path, list[Path]] = {}
    for path in sorted(p for p in root.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file()):
        if _folder_language(root, path) in (None, lang):
            folders.setdefault(path.parent, []).append(path)
    return list(folders.values())


def _folder_language(root: Path, path: Path) -> str | None:
    """The language whose folder holds ``path`` (``root`` included), if any."""
    folders = (root.name, *path.parent.relative_to(root).parts)
    return next((name for name in reversed(folders) if name in languages()), None)


@dataclass
class _RuleFile:
    path: Path
    data: dict
    tree: object

    def where(self, *keys: str | int) -> str:
        return _where(self.path, yaml_line(self.tree, *keys))


def load_rule_folder(paths: Sequence[Path]) -> tuple[list[Rule], frozenset[str]]:
    """Validate the rule files of one folder, which share their word lists and fragments.

    Returns the rules and every form of the folder's listed words.
    """
    files = [_read_rule_file(path) for path in paths]
    vocabulary = _Vocabulary()
    for file in files:
        vocabulary.add(file)
    vocabulary.check()
    rules = [
        _build_rule(file, index, raw, vocabulary)
        for file in files
        for index, raw in enumerate(file.data.get("rules") or [])
    ]
    return rules, vocabulary.forms()


def _read_rule_file(path: Path) -> _RuleFile:
    data, tree = parse_yaml_tree(path, read_data_file(path))
    if not isinstance(data, dict) or not data.keys() & {"rules", "words", "fragments"}:
        raise TranslatorError(f"{path}: a rule file is a mapping with a 'rules:' list (or 'words:'/'fragments:' only)")
    file = _RuleFile(path, data, tree)
    unknown = sorted(set(map(str, data)) - {"words", "fragments", "rules"})
    if unknown:
        raise TranslatorError(f"{file.where(unknown[0])}: unknown top-level field '{unknown[0]}' (allowed: words, fragments, rules)")
    if "rules" in data and not isinstance(data["rules"], list):
        raise TranslatorError(f"{file.where('rules')}: 'rules' must be a list of rules")
    return file


def _build_rule(file: _RuleFile, index: int, raw: object, vocabulary: _Vocabulary) -> Rule:
    name = raw.get("id") if isinstance(raw, dict) else None
    line = yaml_line(file.tree, "rules", index)
    where = f"{_where(file.path, line)}: " + (f"rule '{name}'" if isinstance(name, str) else f"rule #{index + 1}")
    if not isinstance(raw, dict) or not all(isinstance(key, str) for key in raw):
        raise TranslatorError(f"{where}: a rule is a mapping of named fields")
    try:
        spec = build(RuleSpec, raw)
    except SchemaError as error:
        field_line = yaml_line(file.tree, "rules", index, *error.location)
        if field_line is not None and field_line != line:
            where = f"{_where(file.path, field_line)}: rule '{name}'" if isinstance(name, str) else where
        raise TranslatorError(f"{where}: field '{error.field}': {error.problem}") from None
    _check_consistency(spec, where)
    flags = re.VERBOSE | (0 if spec.case_sensitive else re.IGNORECASE)

    def compile_field(pattern: str, *keys: str | int) -> re.Pattern[str]:
        label = "".join(f"[{key}]" if isinstance(key, int) else f".{key}" for key in keys)[1:]
        at = yaml_line(file.tree, "rules", index, *keys) or line
        return vocabulary.compile(pattern, flags, f"{_where(file.path, at)}: rule '{spec.id}': field '{label}'")

    regex = compile_field(spec.pattern, "pattern") if spec.pattern is not None else None
    antipatterns = tuple(compile_field(p, "unless", i) for i, p in enumerate(spec.unless))
    keep_from = compile_field(spec.keep_from, "keep_from") if spec.keep_from is not None else None
    prefilter = [word for item in spec.prefilter for word in vocabulary.words_of(item, f"{where}: field 'prefilter'")]
    spec = dataclasses.replace(spec, prefilter=prefilter)
    if spec.action is Action.EXTRACT_METADATA and not (regex and regex.groupindex):
        raise TranslatorError(f"{where}: field 'pattern': extract-metadata needs named groups, e.g. (?P<published_at>...)")
    return Rule(spec, file.path, regex, antipatterns, keep_from, line)


def _where(path: Path, line: int | None) -> str:
    return f"{path}:{line}" if line is not None else str(path)


def _check_consistency(rule: RuleSpec, where: str) -> None:
    if (rule.pattern is None) == (rule.matcher is None or MATCHERS[rule.matcher].needs_pattern):
        raise TranslatorError(f"{where}: give exactly one of the fields 'pattern' and 'matcher'")
    if rule.action not in ACTIONS_BY_SCOPE[rule.scope]:
        allowed = ", ".join(sorted(ACTIONS_BY_SCOPE[rule.scope]))
        raise TranslatorError(f"{where}: field 'action': '{rule.action}' does not apply to scope '{rule.scope}' (allowed: {allowed})")
    placement = MATCHERS[rule.matcher or "pattern"].placement
    if placement is not None and (rule.scope, rule.action) != placement:
        raise TranslatorError(f"{where}: field 'matcher': {rule.matcher} needs scope {placement[0]} and action {placement[1]}")
    if rule.position is not Position.ANY and rule.scope is not Scope.PARAGRAPH:
        raise TranslatorError(f"{where}: field 'position': '{rule.position}' applies to scope paragraph only")
    if rule.keep_from is not None and rule.action is not Action.DELETE_PARAGRAPH:
        raise TranslatorError(f"{where}: field 'keep_from': applies to action delete-paragraph only")
    if rule.action.changes_text:
        for number, example in enumerate(rule.examples):
            if example.fix is None:
                raise TranslatorError(f"{where}: field 'examples[{number}].fix': required, since '{rule.action}' changes the text")


# Expanded patterns beyond this size are refused: a few nested fragments could
# otherwise grow a small file into gigabytes of regular expression.
MAX_EXPANDED_PATTERN = 200_000


class _Vocabulary:
    """A folder's word lists and fragments; expands ``{{name}}`` references, then compiles."""

    def __init__(self) -> None:
        self._words: dict[str, tuple[list[str], str]] = {}  # name -> (entries, where defined)
        self._fragments: dict[str, tuple[str, str]] = {name: (p, "built-in") for name, p in BUILTIN_FRAGMENTS.items()}
        self._expanded: dict[str, str] = {}  # a word list's or fragment's regex, once built

    def add(self, file: _RuleFile) -> None:
        for kind, table in (("words", self._words), ("fragments", self._fragments)):
            section = file.data.get(kind) or {}
            if not isinstance(section, dict):
                raise TranslatorError(f"{file.where(kind)}: field '{kind}': a mapping of names to "
                                      + ("lists of words" if kind == "words" else "regular expressions"))
            for name, value in section.items():
                where = file.where(kind, name)
                label = "word list" if kind == "words" else "fragment"
                if not isinstance(name, str) or not _NAME.fullmatch(name):
                    raise TranslatorError(f"{where}: {label} name {name!r}: use letters, digits, '_' and '-'")
                if name in self._words or name in self._fragments:
                    other = (self._words.get(name) or self._fragments[name])[1]
                    raise TranslatorError(f"{where}: {label} '{name}': already defined ({other}); rename one of them")
                if kind == "words":
                    if not isinstance(value, list) or not value or not all(isinstance(w, str) and w.strip() for w in value):
                        raise TranslatorError(f"{where}: word list '{name}': a non-empty list of words")
                    for word in value:
                        _check_word(word, f"{where}: word list '{name}'")
                    table[name] = (value, where)
                else:
                    if not isinstance(value, str):
                        raise TranslatorError(f"{where}: fragment '{name}': a regular expression (a string)")
                    _check_spaces(value, f"{where}: fragment '{name}'")
                    table[name] = (value, where)

    def check(self) -> None:
        """Compile every fragment on its own (references stubbed out: cheap), so a
        broken one is reported under its name, not under the first rule using it."""
        for name, (pattern, where) in self._fragments.items():
            if where != "built-in":
                try:
                    cached_compile(_REFERENCE.sub("(?:)", pattern), re.VERBOSE | re.IGNORECASE)
                except re.error as error:
                    raise TranslatorError(f"{where}: fragment '{name}': bad regular expression: {error}") from None

    def words_of(self, item: str, where: str) -> list[str]:
        """A prefilter item: a literal, or ``{{name}}`` for every form of a word list."""
        reference = _REFERENCE.fullmatch(item.strip())
        if reference is None:
            return [item]
        if reference.group(1) not in self._words:
            raise TranslatorError(f"{where}: unknown word list '{item}' (define it under 'words:')")
        return [form for word in self._words[reference.group(1)][0] for form in word_forms(word)]

    def forms(self) -> frozenset[str]:
        return frozenset(form for entries, _ in self._words.values() for word in entries for form in word_forms(word))

    def compile(self, pattern: str, flags: int, where: str, name: str | None = None) -> re.Pattern[str]:
        _check_spaces(pattern, where)
        expanded = self._expand(pattern, where, (name,) if name else ())
        try:
            return cached_compile(expanded, flags)
        except re.error as error:
            raise TranslatorError(f"{where}: bad regular expression: {error}") from None

    def _expand(self, pattern: str, where: str, stack: tuple[str, ...]) -> str:
        def replace(reference: re.Match[str]) -> str:
            name = reference.group(1)
            if name in stack:
                raise TranslatorError(f"{where}: fragment '{name}' refers to itself")
            if name in self._expanded:
                return self._expanded[name]
            if name in self._words:
                alternatives = sorted(self._words[name][0], key=len, reverse=True)
                regex = "(?:" + "|".join(_word_regex(word) for word in alternatives) + ")"
            elif name in self._fragments:
                regex = "(?:" + self._expand(self._fragments[name][0], where, (*stack, name)) + ")"
            else:
                raise TranslatorError(f"{where}: unknown word list or fragment '{{{{{name}}}}}' (define it under 'words:' or 'fragments:')")
            self._expanded[name] = regex
            return regex

        expanded = _REFERENCE.sub(replace, pattern)
        if len(expanded) > MAX_EXPANDED_PATTERN:
            raise TranslatorError(
                f"{where}: the pattern expands to {len(expanded):,} characters (at most {MAX_EXPANDED_PATTERN:,}); "
                "use fewer nested fragments"
            )
        return expanded


_NAME = re.compile(r"[A-Za-z_][\w-]*")
_INFLECTION = re.compile(r"\(([^()]*)\)")


def word_forms(word: str) -> list[str]:
    """Every form of a listed word: ``ravi(e)(s)`` gives ravi, ravie, ravis, ravies."""
    forms = [""]
    position = 0
    for group in _INFLECTION.finditer(word):
        stem = word[position : group.start()]
        endings = group.group(1).split("|")
        endings = ["", *endings] if len(endings) == 1 else endings
        forms = [form + stem + ending for form in forms for ending in endings]
        position = group.end()
    return [form + word[position:] for form in forms]


def _check_word(word: str, where: str) -> None:
    if _INFLECTION.sub("", word).count("(") or _INFLECTION.sub("", word).count(")"):
        raise TranslatorError(f"{where}: entry {word!r}: unbalanced or nested brackets (write ravi(e)(s), heureu(x|se))")


def _word_regex(word: str) -> str:
    """A listed word as a regex, matching either apostrophe and each of its inflections."""
    parts: list[str] = []
    position = 0
    for group in _INFLECTION.finditer(word):
        parts.append(_literal(word[position : group.start()]))
        endings = group.group(1).split("|")
        alternation = "|".join(_literal(e) for e in endings)
        parts.append(f"(?:{alternation})" + ("?" if len(endings) == 1 else ""))
        position = group.end()
    parts.append(_literal(word[position:]))
    return "".join(parts)


def _literal(text: str) -> str:
    return re.sub(r"[’']", lambda _: BUILTIN_FRAGMENTS["apos"], re.escape(text))


def _check_spaces(pattern: str, where: str) -> None:
    """Refuse a space between two letters outside a character class: verbose mode drops it."""
    escaped = in_class = False
    letter_before: int | None = None  # where the space run after a plain letter started
    for position, char in enumerate(pattern):
        if escaped:
            escaped, letter_before = False, None
        elif char == "\\":
            escaped, letter_before = True, None
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class, letter_before = True, None
        elif char == " ":
            if position and pattern[position - 1].isalpha() and letter_before is None and not _escaped_at(pattern, position - 1):
                letter_before = position
        elif char.isalpha() and letter_before is not None:
            excerpt = pattern[max(0, letter_before - 12) : position + 12]
            raise TranslatorError(
                f"{where}: a literal space at column {letter_before + 1} ({excerpt!r}) is ignored in a pattern; "
                r"write \s, \s+ or [ ] for a space"
            )
        else:
            letter_before = None


def _escaped_at(pattern: str, position: int) -> bool:
    backslashes = len(pattern[:position]) - len(pattern[:position].rstrip("\\"))
    return backslashes % 2 == 1
