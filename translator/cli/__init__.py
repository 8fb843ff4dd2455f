"""The ``translator`` command line: a thin layer over the library, a module per command group.

Exit codes: 0 done (nothing to report with --check); 1 findings at or above
--fail-level with --check, or some files of a batch failed; 2 bad input or
configuration (one line on stderr, no traceback).  Each command imports the stages
it needs when it runs, so ``translator clean`` starts fast.
"""

from __future__ import annotations

import sys

from ..errors import TranslatorError
from . import apply, check, clean, data, models, review, rules, run, translate  # noqa: F401  (they register the commands)
from .app import app
from .options import error

# `--diff` takes an optional style; click options cannot, so it is spelt out here.
_DIFF_STYLES = {"--diff=side": "--diff-side", "--diff=unified": "--diff"}


def main() -> None:
    """Console entry point: bad input becomes one line on stderr and exit code 2."""
    arguments = [_DIFF_STYLES.get(argument, argument) for argument in sys.argv[1:]]
    try:
        app(args=arguments, prog_name="translator")
    except TranslatorError as problem:
        error(str(problem))
        sys.exit(2)
    except KeyboardInterrupt:
        sys.exit(130)
