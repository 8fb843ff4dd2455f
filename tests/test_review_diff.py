"""The word diff behind `review`, `run`, `diff` and `--diff=side`: exact on articles, near-linear on huge paragraphs."""

import random
import re
import time
from difflib import SequenceMatcher

import pytest

from translator import clean_text
from translator.document import Document
from translator.review.model import word_diff

from .cases import load_cases
from .conftest import SEED

WORDS = ["maison", "le", "président", "russe", "la", "guerre", "sommet", "de", "des", "jeudi"]


def full_diff(before: str, after: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The marks of a word-by-word SequenceMatcher over the whole texts (what the review always showed)."""
    token = r"\w+|[^\w\s]|\s+"
    a, b = [m.span() for m in re.finditer(token, before)], [m.span() for m in re.finditer(token, after)]
    matcher = SequenceMatcher(None, [before[s:e] for s, e in a], [after[s:e] for s, e in b], autojunk=False)
    changes = [op for op in matcher.get_opcodes() if op[0] != "equal"]
    return ([(a[i1][0], a[i2 - 1][1]) for _, i1, i2, _, _ in changes if i2 > i1],
            [(b[j1][0], b[j2 - 1][1]) for _, _, _, j1, j2 in changes if j2 > j1])


def spans(marks) -> list[tuple[int, int]]:
    return [(mark.start, mark.end) for mark in marks]


def article_pairs():
    """Each changed paragraph of the seed with its cleaned text, and every case of tests/cases with its expected text."""
    text = SEED.read_text(encoding="utf-8")
    result = clean_text(text)
    cleaned = dict(zip(result.kept, Document.parse(result.text).paragraphs))
    for paragraph in Document.parse(text).paragraphs:
        after = cleaned.get(paragraph.index)
        if after is not None and after.text != paragraph.text:
            yield paragraph.text, after.text
    for case in load_cases():
        yield case.input, case.expected


def test_marks_on_articles_are_those_of_the_full_word_diff():
    pairs = list(article_pairs())
    assert len(pairs) >= 1000
    for before, after in pairs:
        removed, inserted = word_diff(before, after)
        assert (spans(removed), spans(inserted)) == full_diff(before, after)


def paragraph(size: int, seed: int) -> str:
    chooser = random.Random(seed)
    return " ".join(chooser.choice(WORDS) for _ in range(size // 5))[:size]


def test_a_small_change_in_a_huge_paragraph_is_marked_exactly():
    body = paragraph(200_000, 1)
    removed, inserted = word_diff("J’ai observé que " + body, "Selon " + body)
    assert spans(removed) == [(0, len("J’ai observé que"))] and spans(inserted) == [(0, len("Selon"))]


def test_changes_far_apart_in_a_huge_paragraph_are_marked_with_what_lies_between():
    body = paragraph(200_000, 1)
    cut = body.index(" ", 100_000)
    before, after = "J’ai observé que " + body[:cut] + " hier" + body[cut:], "Selon " + body
    removed, inserted = word_diff(before, after)
    assert spans(removed) == [(0, len("J’ai observé que ") + cut + len(" hier"))]
    assert spans(inserted) == [(0, len("Selon ") + cut)]


def test_two_unrelated_huge_paragraphs_are_marked_whole():
    before, after = paragraph(100_000, 1), paragraph(100_000, 2)
    removed, inserted = word_diff(before, after)
    assert spans(removed) == [(0, len(before))] and spans(inserted) == [(0, len(after))]


@pytest.mark.parametrize("kind", ["changed-start", "unrelated"])
def test_word_diff_time_grows_about_linearly(kind):
    def seconds(size: int) -> float:
        body = paragraph(size, 1)
        before, after = ("J’ai observé que " + body, body) if kind == "changed-start" else (body, paragraph(size, 2))
        start = time.perf_counter()
        word_diff(before, after)
        return time.perf_counter() - start

    small, large = seconds(20_000), seconds(80_000)
    assert large < 6 * small + 0.5, (small, large)
