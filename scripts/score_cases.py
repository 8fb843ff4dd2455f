"""Score the cleaner on case files: how many cases of each family come out as expected.

    python scripts/score_cases.py tests/cases/round3.yaml [--show]

A spun case counts as fixed when the cleaned text equals its ``expected`` text and the
flags it asks for are reported; a control, when it comes out byte-identical with no
warning and no error.  ``--show`` prints a diff for each case that is not.
"""

from __future__ import annotations

import argparse
import difflib
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.cases import Case, load_case_file  # noqa: E402
from translator import clean_text  # noqa: E402
from translator.clean.rules import Level  # noqa: E402


def problems(case: Case) -> list[str]:
    result = clean_text(case.input)
    found = []
    if result.text != case.expected:
        diff = difflib.unified_diff(case.expected.splitlines(), result.text.splitlines(), "expected", "got", lineterm="", n=0)
        found.append("\n".join(diff))
    for flag in case.flags:
        if not any(f.rule_id == flag.rule and (flag.text is None or flag.text in f.original) for f in result.findings):
            found.append(f"missing flag {flag.rule}")
    if case.is_control:
        found += [f"{f.level} {f.rule_id}: {f.original[:80]!r}" for f in result.findings if f.level.rank >= Level.WARNING.rank]
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--show", action="store_true", help="print what went wrong for each failing case")
    args = parser.parse_args()
    total, passed = Counter(), Counter()
    for path in args.files:
        for case in load_case_file(path):
            found = problems(case)
            kind = "all controls" if case.is_control else "all spun"
            total[kind] += 1
            passed[kind] += not found
            for family in case.families or ("(none)",):
                total[family] += 1
                passed[family] += not found
            if found and args.show:
                print(f"--- {path.name}:{case.id} {list(case.families)}")
                print("\n".join(found))
    for family in sorted(total):
        print(f"{family:16} {passed[family]:4}/{total[family]:<4} {100 * passed[family] / total[family]:5.1f}%")


if __name__ == "__main__":
    main()
