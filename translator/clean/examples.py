"""Rules that test themselves: run every rule's examples and counterexamples."""

from __future__ import annotations

from dataclasses import dataclass

from .cleaner import clean_text
from .rules import Rule, RuleSet, Scope


@dataclass(frozen=True)
class ExampleFailure:
    rule_id: str
    kind: str  # "example" or "counterexample"
    number: int
    problem: str

    def __str__(self) -> str:
        return f"{self.rule_id}: {self.kind} #{self.number + 1}: {self.problem}"


def check_rule_examples(rules: RuleSet) -> list[ExampleFailure]:
    """Run each rule alone on its examples; return what did not behave as promised."""
    failures: list[ExampleFailure] = []
    for rule in rules:
        failures.extend(_check_rule(rule, rules.lang))
    return failures


def _check_rule(rule: Rule, lang: str) -> list[ExampleFailure]:
    alone = RuleSet([rule], lang=lang)
    # A headline only matters to rules about headlines; other examples are body text.
    headline = rule.scope is Scope.HEADLINE or rule.kind.follows_headline
    failures = []
    for number, example in enumerate(rule.spec.examples):
        result = clean_text(example.text, alone, lang=lang, headline=headline, bot_rewrite=rule.needs_evidence)
        if not result.findings:
            failures.append(ExampleFailure(rule.id, "example", number, f"did not match {example.text!r}"))
        elif example.fix is not None and result.text != example.fix:
            failures.append(ExampleFailure(rule.id, "example", number, f"fixed to {result.text!r}, expected {example.fix!r}"))
        elif example.metadata is not None and result.metadata != example.metadata:
            failures.append(ExampleFailure(rule.id, "example", number, f"metadata {result.metadata!r}, expected {example.metadata!r}"))
    for number, text in enumerate(rule.spec.counterexamples):
        result = clean_text(text, alone, lang=lang, headline=headline, bot_rewrite=rule.needs_evidence)
        if result.findings:
            failures.append(ExampleFailure(rule.id, "counterexample", number, f"matched {result.findings[0].original!r}"))
    return failures
