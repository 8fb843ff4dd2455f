# Everything installs into .venv; the two entry points are `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test bench

# torch 2.13.0 (CPU) first: argostranslate pulls stanza, which pulls torch, and an
# unpinned torch would fetch gigabytes of CUDA packages.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/translator clean examples/poutine-bielorussie.fr.txt

test: $(STAMP)
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_clean.py
	$(BIN)/python benchmarks/bench_translate.py
