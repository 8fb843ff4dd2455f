"""Every case of tests/cases/*.yaml comes out as its author expects."""

import pytest

from translator import clean_text
from translator.clean.rules import Level

from .cases import load_cases

CASES = load_cases()


@pytest.mark.parametrize(
    "case",
    [pytest.param(c, marks=pytest.mark.xfail(strict=True, reason=c.xfail)) if c.xfail else c for c in CASES],
    ids=[f"{c.file}:{c.id}" for c in CASES],
)
def test_case_is_cleaned_as_expected(case):
    result = clean_text(case.input)
    assert result.text == case.expected
    if case.checks_published_at:
        assert result.metadata.get("published_at") == case.published_at
    for flag in case.flags:
        assert any(
            f.rule_id == flag.rule
            and (flag.level is None or f.level == flag.level)
            and (flag.text is None or flag.text in f.original)
            for f in result.findings
        ), (flag, [(f.rule_id, f.level, f.original) for f in result.findings])
    if case.is_control:
        assert [(f.rule_id, f.original) for f in result.findings if f.level.rank >= Level.WARNING.rank] == []


def test_the_case_files_hold_every_round():
    files = {c.file for c in CASES}
    assert {"round1.yaml", "round2.yaml", "round3.yaml", "round4.yaml", "round5.yaml", "round6.yaml", "round7.yaml", "round8.yaml", "round9.yaml",
            "round10.yaml", "round11.yaml"} <= files
    assert len(CASES) >= 191 + 235 + 150 + 160 + 140 + 140 + 120 + 120 + 120 + 100
