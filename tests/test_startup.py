"""`translator clean` on plain text starts fast: it never imports what only translation,
web pages, crawls, corpora or a cluster need."""

from __future__ import annotations

import subprocess
import sys

from .conftest import ROOT, SEED

HEAVY = ("argostranslate", "ctranslate2", "torch", "stanza", "sentencepiece", "trafilatura", "lxml", "warcio",
         "pyarrow", "ray", "pandas", "language_tool_python", "requests")

_CLEAN_AND_LIST_MODULES = """
import sys
from translator.cli import main
sys.argv = ["translator", "clean", sys.argv[1], "--format", "json"]
try:
    main()
except SystemExit:
    pass
sys.stderr.write(repr(sorted({name.partition(".")[0] for name in sys.modules})))
"""


def test_clean_imports_nothing_heavy():
    done = subprocess.run([sys.executable, "-c", _CLEAN_AND_LIST_MODULES, str(SEED)], capture_output=True, text=True, cwd=ROOT,
                          timeout=60)
    imported = set(eval(done.stderr.strip().splitlines()[-1]))
    assert '"findings"' in done.stdout  # it did clean the article
    assert imported.isdisjoint(HEAVY), sorted(imported & set(HEAVY))
