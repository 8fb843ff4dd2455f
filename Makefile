# Everything installs into .venv; the two entry points are `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test bench browser screenshots

# torch 2.13.0 (CPU) first: argostranslate pulls stanza, which pulls torch, and an
# unpinned torch would fetch gigabytes of CUDA packages.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

# The review page is tested in Debian's Chromium; install it when missing and we can.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "no Chromium and no root apt-get: the browser tests will be skipped"; fi; }

demo: $(STAMP)
	$(BIN)/translator clean examples/poutine-bielorussie.fr.txt
	$(BIN)/translator review examples/poutine-bielorussie.fr.txt -o review.html
	@echo "review page: review.html"
	@echo "the command is .venv/bin/translator; to call it as translator: . .venv/bin/activate"

test: $(STAMP) browser
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_clean.py
	$(BIN)/python benchmarks/bench_translate.py
	$(BIN)/python benchmarks/bench_run.py
	$(BIN)/python benchmarks/bench_pages.py
	$(BIN)/python benchmarks/bench_corpus.py
	$(BIN)/python benchmarks/bench_review_page.py
	$(BIN)/python benchmarks/bench_scale.py --articles 2000

screenshots: $(STAMP) browser
	$(BIN)/python scripts/screenshots.py
