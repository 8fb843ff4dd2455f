"""The blind second round of cases (tests/cases/round2.py) stays green."""

import pytest

from translator import clean_text
from translator.rules import Level

from .cases.round2 import REAL, SPUN


@pytest.mark.parametrize("case", SPUN, ids=[c["name"] for c in SPUN])
def test_spun_case(case):
    result = clean_text(case["input"])
    assert result.text == case["expected"]
    assert ("published_at" in result.metadata) == bool(case["ts"])
    assert case["flags"] <= {f.rule_id for f in result.findings}
    assert clean_text(result.text).text == result.text


@pytest.mark.parametrize("case", REAL, ids=[c["name"] for c in REAL])
def test_real_case(case):
    result = clean_text(case["input"])
    assert result.text == case["input"]
    assert result.findings_at_least(Level.WARNING) == []
